// Browser test of the page Prognose: headless Debian chromium driven by playwright-core against
// a running `jeugdregie serve` with the generated region (run.sh). The fan chart's table shows
// the API's band and history, the scenario's paired difference matches the API, the backtest
// says why it has nothing to score on two years of data, and a screenshot is left in
// test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ARTEFACTEN, BELEID, URL_BASIS, metBrowser, nieuwePagina } from './gedeeld.mjs';

const b = metBrowser();

test('prognose: waaier gelijk aan de API, scenario gepaard, backtest en screenshot', async () => {
  const { context, page, fouten } = await nieuwePagina(b.browser, BELEID);
  await page.goto(`${URL_BASIS}/prognose?indicator=trajecten.totaal`);
  await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 120000 });
  assert.deepEqual(fouten.filter((f) => !f.includes('409')), []);

  // The page asked for the same forecast: compare its table with the API's answer.
  const scenario = JSON.stringify({ scenarios: [{ naam: 'POH-jeugd: 20% minder verwijzingen door de huisarts', poh_jeugd: { huisarts_verwijzingen_min_pct: 20 } }] });
  const q = new URLSearchParams({ scenario, horizon: '60', runs: '300' });
  const r = await context.request.get(`${URL_BASIS}/api/v1/prognoses?${q}`);
  assert.equal(r.status(), 200);
  const doc = await r.json();
  assert.equal(doc.niveau, 'publiek');  // a beleidsmedewerker gets disclosure control
  const rijen = page.locator('#tabel-prognose tbody tr');
  assert.equal(await rijen.count(), doc.regio.historie.length + doc.regio.perioden.length);
  const p = doc.regio.perioden[1];
  const rij = rijen.nth(doc.regio.historie.length + 1);
  assert.equal(Number(await rij.locator('[data-kolom="p50"]').getAttribute('data-waarde')), p.trajecten.totaal.p50);
  assert.equal(Number(await rij.locator('[data-kolom="p90"]').getAttribute('data-waarde')), p.trajecten.totaal.p90);
  assert.ok(p.trajecten.totaal.p10 <= p.trajecten.totaal.p50 && p.trajecten.totaal.p50 <= p.trajecten.totaal.p90);
  const h = doc.regio.historie.at(-1);
  assert.equal(Number(await rijen.nth(doc.regio.historie.length - 1).locator('[data-kolom="Gerealiseerd"]').getAttribute('data-waarde')), h.trajecten.totaal);
  // The fan chart is drawn (an SVG with the band's area).
  assert.ok(await page.locator('#grafiek-waaier svg path').count() > 3);
  // The scenario: the paired difference of the API.
  const v = doc.scenarios[0].verschil.regio.perioden.at(-1).trajecten.totaal.p50;
  const laatste = page.locator('#tabel-scenario-verschil tbody tr').last();
  assert.equal(Number(await laatste.locator('[data-kolom="p50"]').getAttribute('data-waarde')), v);
  // The backtest: two years of data are too few; the page says so.
  const bt = await context.request.get(`${URL_BASIS}/api/v1/prognoses/backtest`);
  if (bt.status() === 200) {
    assert.ok(await page.locator('#tabel-backtest-scores tbody tr').count() > 0);
  } else {
    assert.equal(bt.status(), 409);
    assert.match(await page.textContent('#melding-backtest'), /te weinig gegevens/);
  }
  // Another gemeente: the table follows.
  const g = doc.gemeenten[0];
  await page.selectOption('#gemeente', g.gemeente);
  await page.waitForFunction((naam) => document.querySelector('#tabel-prognose caption')?.textContent.endsWith(naam), g.naam, { timeout: 60000 });
  await page.screenshot({ path: path.join(ARTEFACTEN, 'prognose.png'), fullPage: true });
  await context.close();
});
