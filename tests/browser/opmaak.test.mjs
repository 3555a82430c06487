// web/js/opmaak.js formats numbers by hand (the first Intl formatter costs a page 30-300 ms);
// here its output is compared with nl-NL Intl.NumberFormat on fixed and on many generated
// values (a fixed-seed generator: the same values every run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatteer, kortNl } from '../../web/js/opmaak.js';

const nl = (o) => new Intl.NumberFormat('nl-NL', o);
const [pct, euro, heel, getal] = [nl({ minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  nl({ style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }), nl({ maximumFractionDigits: 0 }),
  nl({ maximumFractionDigits: 2 })];
const intl = {
  procent: (v) => `${pct.format(v)}%`,
  euro: (v) => euro.format(v),
  aantal: (v) => heel.format(v),
  getal: (v) => getal.format(v),
};
const kort = new Intl.NumberFormat('nl-NL', { notation: 'compact', maximumFractionDigits: 1 });

function* waarden() {
  yield* [0, -0, -0.04, 0.005, 0.045, 1.005, 2.675, 15.25, 99.95, 999.5, 1234.55, -1234.5, 12345678.125, 1e-9, -3e-7];
  let s = 42;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 20000; i++) {
    yield (r() - 0.3) * 10 ** Math.floor(r() * 10 - 2);
    yield Math.round(r() * 1e6) / 100;
    yield Math.round(r() * 1e4) / 10;
  }
}

test('formatteer geeft hetzelfde als nl-NL Intl.NumberFormat', () => {
  for (const v of waarden())
    for (const [eenheid, f] of Object.entries(intl))
      assert.equal(formatteer(v, eenheid === 'getal' ? undefined : eenheid), f(v), `${eenheid} ${v}`);
  assert.equal(formatteer(null, 'euro'), '–');
  assert.equal(formatteer(12, 'dagen'), '12 dagen');
});

test('kortNl geeft hetzelfde als nl-NL compacte notatie', () => {
  for (const v of [0, 950, 1234, 12345, 123456, 1234567, 12345678, 1.5e9, -45000, 2500000, 37.7])
    assert.equal(kortNl(v), kort.format(v), String(v));
});
