// Contracten & budget, Uitgaven: spend per month (cumulative, beside the aanbieders with a
// plafond and the sum of their plafonds), per gemeente and per product, and zorg in natura /
// PGB / algemene voorzieningen against the target share of maatwerk.
import { haal, toonMelding, markeerKlaar, startPagina } from '../api.js';
import { toonTabel } from '../tabel.js';
import { staven, lijnen, toonGrafiek, grafiekenGeladen } from '../grafiek.js';
import { $, vulFilters, volgFilters, gemeenteNaam } from './gedeeld.js';

let gemeenten = [];
let producten = [];

async function start() {
  try {
    const [p, f] = await Promise.all([haal('producten'), vulFilters()]);
    producten = p.producten;
    gemeenten = f.gemeenten;
    if (!f.pl.jaren.length) toonMelding($('melding'), 'Er zijn nog geen budgetplafonds, en dus nog geen jaren om te tonen.', 'info');
    for (const id of ['jaar', 'gemeente']) $(id).addEventListener('change', () => laad(true));
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

async function laad(nieuw) {
  const { jaar, gemeente } = volgFilters(nieuw);
  if (jaar) {
    try {
      const [pl, maanden, perGemeente, perProduct, voorz] = await Promise.all([
        haal('budgetplafonds', { jaar, gemeente }),
        haal('uitgaven', { jaar, gemeente, groepering: 'maand' }),
        haal('uitgaven', { jaar, gemeente, groepering: 'gemeente' }),
        haal('uitgaven', { jaar, gemeente, groepering: 'product' }),
        haal('voorzieningen', { jaar, gemeente }),
      ]);
      await grafiekenGeladen;
      toonMaanden(maanden, pl);
      toonGroep('gemeenten', 'Gemeente', perGemeente, (k) => gemeenteNaam(gemeenten, k), jaar);
      toonGroep('producten', 'Product', perProduct, productNaam, jaar);
      toonVoorzieningen(voorz);
    } catch (e) {
      toonMelding($('melding'), e.message);
    }
  }
  markeerKlaar();
}

// 'Daghulp op locatie' for '33 33A01' (the code itself when the catalogue does not know it;
// the code has its own column).
function productNaam(sleutel) {
  const [c, p] = sleutel.split(' ');
  return producten.find((x) => x.productcategorie === c && x.productcode === p)?.omschrijving || sleutel;
}

function toonMaanden(m, pl) {
  const plafond = pl.budgetplafonds.reduce((s, p) => s + p.bedrag, 0);
  // Spend of the aanbieders with a plafond, per month, beside all spend.
  const metPlafond = new Map();
  // (A plafond covers all gemeenten unless it names one: with a gemeente chosen, only all spend.)
  const vergelijk = !m.gemeente;
  for (const p of vergelijk ? pl.budgetplafonds : [])
    for (const x of p.stand.perMaand) metPlafond.set(x.maand, (metPlafond.get(x.maand) ?? 0) + x.gerealiseerd + x.verplicht);
  let cum = 0;
  let cumPlafond = 0;
  const rond = (x) => Math.round(x * 100) / 100;
  const rijen = m.uitgaven.map((u) => {
    cum += u.gerealiseerd + u.verplicht;
    cumPlafond += metPlafond.get(u.sleutel) ?? 0;
    return [u.sleutel, u.gerealiseerd, u.verplicht, rond(cum), vergelijk ? rond(cumPlafond) : null];
  });
  toonTabel($('tabel-maanden'), {
    id: 'maanden',
    titel: `Uitgaven per maand ${m.jaar}${m.gemeente ? ` ${gemeenteNaam(gemeenten, m.gemeente)}` : ''}`,
    kolommen: [{ naam: 'Maand', heel: true }, { naam: 'Gerealiseerd', eenheid: 'euro', sleutel: 'gerealiseerd' },
      { naam: 'Verplicht', eenheid: 'euro', sleutel: 'verplicht' }, { naam: 'Cumulatief', eenheid: 'euro', sleutel: 'cumulatief' },
      { naam: 'Cumulatief aanbieders met plafond', eenheid: 'euro', sleutel: 'cumulatiefMetPlafond' }],
    rijen,
  });
  lijnen($('grafiek-maanden'), {
    labels: rijen.map((r) => r[0]),
    eenheid: 'euro',
    reeksen: [
      { naam: 'Alle aanbieders', waarden: rijen.map((r) => r[3]) },
      ...(vergelijk ? [
        { naam: 'Aanbieders met plafond', waarden: rijen.map((r) => r[4]) },
        { naam: 'Som van hun plafonds', waarden: rijen.map(() => (plafond || null)) },
      ] : []),
    ],
    leesbaar: { euroAs: true },
  });
}

function toonGroep(soort, kop, d, naam, jaar) {
  const rijen = [...d.uitgaven].sort((a, b) => b.prognose - a.prognose)
    .map((u) => [naam(u.sleutel), u.sleutel, u.gerealiseerd, u.verplicht, u.prognose]);
  toonTabel($(`tabel-${soort}`), {
    id: soort,
    titel: `Uitgaven per ${kop.toLowerCase()} ${jaar}`,
    kolommen: [{ naam: kop }, { naam: 'Code', heel: true }, { naam: 'Gerealiseerd', eenheid: 'euro', sleutel: 'gerealiseerd' },
      { naam: 'Verplicht', eenheid: 'euro', sleutel: 'verplicht' }, { naam: 'Prognose', eenheid: 'euro', sleutel: 'prognose' }],
    rijen,
  });
  staven($(`grafiek-${soort}`), {
    labels: rijen.map((r) => r[0]),
    eenheid: 'euro',
    horizontaal: true,
    reeksen: [{ naam: 'Gerealiseerd', waarden: rijen.map((r) => r[2]) }, { naam: 'Verplicht', waarden: rijen.map((r) => r[3]) }],
    leesbaar: { labelBreedte: 200, euroAs: true },
  });
}

function toonVoorzieningen(v) {
  const rijen = v.gemeenten.map((g) => [g.naam, g.natura, g.pgb, g.algemeen, g.pctNatura, g.pctMaatwerk, g.doelPctMaatwerk]);
  rijen.push(['Totaal', v.totaal.natura, v.totaal.pgb, v.totaal.algemeen, v.totaal.pctNatura, v.totaal.pctMaatwerk, null]);
  toonTabel($('tabel-voorzieningen'), {
    id: 'voorzieningen',
    titel: `Zorg in natura, PGB en algemene voorzieningen ${v.jaar}`,
    kolommen: [{ naam: 'Gemeente' }, { naam: 'Zorg in natura', eenheid: 'euro', sleutel: 'natura' }, { naam: 'PGB', eenheid: 'euro', sleutel: 'pgb' },
      { naam: 'Algemene voorzieningen', eenheid: 'euro', sleutel: 'algemeen' }, { naam: 'Aandeel natura in maatwerk', eenheid: 'procent', sleutel: 'pctNatura' },
      { naam: 'Aandeel maatwerk', eenheid: 'procent', sleutel: 'pctMaatwerk' }, { naam: 'Doel aandeel maatwerk', eenheid: 'procent', sleutel: 'doelPctMaatwerk' }],
    rijen,
  });
  const gem = v.gemeenten;
  toonGrafiek($('grafiek-voorzieningen'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: gem.map((x) => x.naam), axisLabel: { rotate: gem.length > 5 ? 30 : 0, interval: 0 } },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [
      { type: 'bar', stack: 'v', name: 'Maatwerk', data: gem.map((x) => x.pctMaatwerk) },
      { type: 'bar', stack: 'v', name: 'Algemene voorzieningen', data: gem.map((x) => (x.pctMaatwerk === null ? null : Math.round((100 - x.pctMaatwerk) * 10) / 10)) },
      { type: 'scatter', name: 'Doel maatwerk', symbol: 'rect', symbolSize: [28, 4], data: gem.map((x) => x.doelPctMaatwerk) },
    ],
  }, { leesbaar: {} });
}

startPagina(start);
