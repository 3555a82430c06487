// Browser tests of Contracten & budget (its pages Budgetplafonds, Uitgaven, Contracten and
// Aanbieders en tarieven under /contracten/) and of Wachttijden: headless Debian chromium
// driven by playwright-core against a running `jeugdregie serve` with the generated region
// (run.sh). Each page shows the API's numbers, keeps its filters in the URL (and hands them to
// the other pages of its section), changes a register through its form, downloads CSV and
// XLSX, and leaves a screenshot in test-artifacts/, as the contractmanager and, for the pages
// of Contracten & budget, as the beleidsmedewerker too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTEFACTEN, BELEID, CONTRACT, apiAls, metBrowser, nieuwePagina as pagina, open } from './gedeeld.mjs';

const b = metBrowser();
let contractApi;
const api = async (pad, opties) => (contractApi ??= await apiAls(CONTRACT))(pad, opties);
const nieuwePagina = (gebruiker = CONTRACT) => pagina(b.browser, gebruiker);

const alsGetal = (v) => (v === '' || v === undefined || v === null ? null : Number(v));

async function download(page, tabelId, formaat) {
  const houder = page.locator(`#${tabelId}`).locator('xpath=ancestor::div[contains(@class,"jr-tabel")]');
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    houder.locator(`button[data-download="${formaat}"]`).click(),
  ]);
  const doel = path.join(ARTEFACTEN, dl.suggestedFilename());
  await dl.saveAs(doel);
  return { naam: dl.suggestedFilename(), inhoud: readFileSync(doel) };
}

test('contracten & budget: /contracten leidt naar Budgetplafonds met dezelfde filters, het menu geeft ze door', async () => {
  const pl = await api('budgetplafonds');
  const voorz = await api(`voorzieningen?jaar=${pl.jaar}`);
  const gemeente = voorz.gemeenten[0].gemeente;
  const { context, page, fouten } = await nieuwePagina();
  // An old link to the one page of before keeps working.
  await open(page, `/contracten?jaar=${pl.jaar}&gemeente=${gemeente}`);
  assert.equal(new URL(page.url()).pathname, '/contracten/budgetplafonds');
  assert.equal(await page.inputValue('#jaar'), String(pl.jaar));
  assert.equal(await page.inputValue('#gemeente'), gemeente);
  // The section is current in the main navigation, the page in its own.
  assert.equal(await page.getAttribute('.jr-nav a[data-pagina="contracten"]', 'aria-current'), 'true');
  assert.equal(await page.getAttribute('.jr-subnav a[aria-current="page"]', 'data-pagina'), 'contracten/budgetplafonds');
  // The sub-navigation takes the filters each page has along.
  assert.equal(await page.getAttribute('.jr-subnav a[data-pagina="contracten/uitgaven"]', 'href'), `/contracten/uitgaven?jaar=${pl.jaar}&gemeente=${gemeente}`);
  assert.equal(await page.getAttribute('.jr-subnav a[data-pagina="contracten/contracten"]', 'href'), `/contracten/contracten?gemeente=${gemeente}`);
  assert.equal(await page.getAttribute('.jr-subnav a[data-pagina="contracten/registers"]', 'href'), '/contracten/registers');
  await page.click('.jr-subnav a[data-pagina="contracten/uitgaven"]');
  await page.waitForURL(/\/contracten\/uitgaven\?/);
  await page.waitForSelector('#inhoud[data-klaar="ja"]');
  assert.equal(await page.inputValue('#gemeente'), gemeente);
  assert.equal(await page.getAttribute('.jr-subnav a[aria-current="page"]', 'data-pagina'), 'contracten/uitgaven');
  // Back in the history: the page before, with its filters.
  await page.goBack();
  await page.waitForURL(/\/contracten\/budgetplafonds\?/);
  assert.deepEqual(fouten, []);
  await context.close();
});

test('budgetplafonds: plafonds gelijk aan de API, signalen, plafond aanmaken, toets, CSV', async () => {
  const pl = await api('budgetplafonds');
  assert.ok(pl.jaar, 'de gegenereerde regio heeft budgetplafonds');
  assert.ok(pl.budgetplafonds.length >= 3, `plafonds: ${pl.budgetplafonds.length}`);
  // The demo region is realistic: some aanbieders pass 80 % of their plafond, some exceed it.
  const signalen = pl.budgetplafonds.map((p) => p.stand.signaalPrognose);
  assert.ok(signalen.some((s) => s >= 80), `signalen ${signalen}`);
  assert.ok(signalen.some((s) => s === 100), `signalen ${signalen}`);
  assert.ok(signalen.some((s) => s < 80), `signalen ${signalen}`);

  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/contracten/budgetplafonds');
  assert.equal(await page.inputValue('#jaar'), String(pl.jaar));
  assert.equal(await page.locator('#plafonds tbody tr').count(), pl.budgetplafonds.length);
  for (const p of pl.budgetplafonds) {
    const rij = page.locator(`#plafonds tbody tr[data-plafond-id="${p.id}"]`);
    assert.equal(await rij.getAttribute('data-signaal'), String(p.stand.signaalPrognose), p.aanbiederNaam);
    assert.equal(alsGetal(await rij.locator('[data-kolom="prognosePct"]').getAttribute('data-waarde')), p.stand.prognosePct);
    assert.equal(alsGetal(await rij.locator('[data-kolom="bedrag"]').getAttribute('data-waarde')), p.bedrag);
    assert.equal(alsGetal(await rij.locator('[data-kolom="gerealiseerd"]').getAttribute('data-waarde')), p.stand.gerealiseerd);
  }
  // The top row has the highest forecast and shows its exhaustion date.
  const eerste = [...pl.budgetplafonds].sort((a, b2) => b2.stand.prognosePct - a.stand.prognosePct)[0];
  assert.match(await page.textContent('#plafonds tbody tr:first-child [data-kolom="uitputtingsdatum"]'), /(uitgeput op|verwacht) \d+ [a-z]+ \d{4}/);
  const kaart = await page.getAttribute('.jr-kaart[data-sleutel="plafond"] .jr-kaart__waarde', 'data-waarde');
  assert.ok(Math.abs(Number(kaart) - pl.budgetplafonds.reduce((s, p) => s + p.bedrag, 0)) < 0.01);

  // Filter on a gemeente: the URL keeps it.
  const gemeente = (await api(`voorzieningen?jaar=${pl.jaar}`)).gemeenten[0].gemeente;
  await page.selectOption('#gemeente', gemeente);
  await page.waitForFunction((g) => location.search.includes(`gemeente=${g}`), gemeente);
  await page.waitForFunction(() => document.querySelector('#inhoud').dataset.klaar === 'ja');

  // A new plafond for one gemeente through the form; it appears, then goes again.
  await page.selectOption('#plafond-aanbieder', eerste.aanbieder);
  await page.fill('#plafond-jaar', String(pl.jaar));
  await page.selectOption('#plafond-gemeente', gemeente);
  await page.fill('#plafond-bedrag', '12.345,50');
  await page.selectOption('#plafond-bij', 'weigeren');
  await page.click('#plafond-opslaan');
  await page.waitForFunction(() => [...document.querySelectorAll('#plafonds tbody [data-kolom="bedrag"]')].some((c) => c.dataset.waarde === '12345.5'));
  const na = await api(`budgetplafonds?jaar=${pl.jaar}`);
  const nieuw = na.budgetplafonds.find((p) => p.gemeente === gemeente && p.aanbieder === eerste.aanbieder);
  assert.ok(nieuw);
  assert.equal(nieuw.bijOverschrijding, 'weigeren');
  // The same scope twice is refused with the API's reason.
  await page.selectOption('#plafond-aanbieder', eerste.aanbieder);
  await page.fill('#plafond-jaar', String(pl.jaar));
  await page.selectOption('#plafond-gemeente', gemeente);
  await page.fill('#plafond-bedrag', '1');
  await page.click('#plafond-opslaan');
  await page.waitForSelector('#formulier-fouten .utrecht-alert');
  assert.match(await page.textContent('#formulier-fouten'), /al een budgetplafond/);

  // The plafondtoets of a large toewijzing at the aanbieder with the highest forecast.
  await page.selectOption('#toets-aanbieder', eerste.aanbieder);
  await page.selectOption('#toets-gemeente', gemeente);
  await page.fill('#toets-ingangsdatum', `${pl.jaar}-01-01`);
  await page.fill('#toets-einddatum', `${pl.jaar}-12-31`);
  await page.fill('#toets-volume', '40');
  await page.click('#toets-knop');
  await page.waitForSelector('#toets-uitkomst .utrecht-alert');
  assert.match(await page.textContent('#toets-uitkomst'), /boven het budgetplafond/);
  assert.equal(await page.getAttribute('#toets-uitkomst', 'data-toegestaan'), 'false');

  const csv = await download(page, 'plafonds', 'csv');
  assert.match(csv.naam, /^budgetplafonds-.*\.csv$/);
  assert.ok(csv.inhoud.toString('utf8').startsWith('Aanbieder,AGB,Bereik,Plafond (EUR)'), csv.inhoud.toString('utf8').slice(0, 80));

  page.once('dialog', (d) => d.accept());
  await page.locator(`#plafonds tbody tr[data-plafond-id="${nieuw.id}"] button:has-text("Verwijderen")`).click();
  await page.waitForFunction((id) => !document.querySelector(`#plafonds tbody tr[data-plafond-id="${id}"]`), nieuw.id);
  assert.deepEqual(fouten.filter((f) => !f.includes('409')), []);
  await context.close();
});

test('uitgaven: per maand, gemeente en product gelijk aan de API, natura/PGB/algemeen, filter, XLSX', async () => {
  const pl = await api('budgetplafonds');
  const maanden = await api(`uitgaven?jaar=${pl.jaar}&groepering=maand`);
  const perGemeente = await api(`uitgaven?jaar=${pl.jaar}&groepering=gemeente`);
  const perProduct = await api(`uitgaven?jaar=${pl.jaar}&groepering=product`);
  const voorz = await api(`voorzieningen?jaar=${pl.jaar}`);
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/contracten/uitgaven');
  assert.equal(await page.inputValue('#jaar'), String(pl.jaar));
  // Months: twelve rows, each the API's; the cumulative column adds them up.
  assert.equal(maanden.uitgaven.length, 12);
  const rijen = await page.$$eval('#maanden tbody tr', (rs) => rs.map((r) => Object.fromEntries(
    [...r.children].map((c) => [c.dataset.kolom, c.dataset.waarde ?? c.textContent]))));
  assert.deepEqual(rijen.map((r) => r.Maand), maanden.uitgaven.map((u) => u.sleutel));
  assert.deepEqual(rijen.map((r) => alsGetal(r.gerealiseerd)), maanden.uitgaven.map((u) => u.gerealiseerd));
  const som = maanden.uitgaven.reduce((s, u) => s + u.gerealiseerd + u.verplicht, 0);
  assert.ok(Math.abs(alsGetal(rijen.at(-1).cumulatief) - som) < 0.01);
  assert.equal(await page.locator('#gemeenten tbody tr').count(), perGemeente.uitgaven.length);
  assert.equal(await page.locator('#producten tbody tr').count(), perProduct.uitgaven.length);
  assert.equal(await page.locator('#voorzieningen tbody tr').count(), voorz.gemeenten.length + 1);
  assert.ok(voorz.gemeenten.some((g) => g.doelPctMaatwerk !== null && g.pctMaatwerk !== null));

  // One gemeente: the URL keeps it, the months follow the API's for that gemeente.
  const gemeente = voorz.gemeenten[0].gemeente;
  const eenGemeente = await api(`uitgaven?jaar=${pl.jaar}&groepering=maand&gemeente=${gemeente}`);
  await page.selectOption('#gemeente', gemeente);
  await page.waitForFunction((g) => location.search.includes(`gemeente=${g}`), gemeente);
  await page.waitForFunction((w) => document.querySelector('#maanden tbody tr [data-kolom="gerealiseerd"]')?.dataset.waarde === String(w),
    eenGemeente.uitgaven[0].gerealiseerd);

  const xlsx = await download(page, 'voorzieningen', 'xlsx');
  assert.match(xlsx.naam, /\.xlsx$/);
  assert.equal(xlsx.inhoud.subarray(0, 2).toString(), 'PK');
  assert.deepEqual(fouten, []);
  await context.close();
});

test('contracten: lijst gelijk aan de API, een contract toevoegen voor twee gemeenten', async () => {
  const pl = await api('budgetplafonds');
  const voorz = await api(`voorzieningen?jaar=${pl.jaar}`);
  const c = await api('contracten');
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/contracten/contracten');
  const kenmerken = await page.$$eval('#contracten tbody tr th', (ths) => ths.map((x) => x.textContent));
  assert.deepEqual(kenmerken, c.contracten.map((x) => x.kenmerk));

  const aanbieder = c.contracten[0].aanbieder;
  await page.fill('#contract-kenmerk', 'BROWSERTEST-1');
  await page.selectOption('#contract-aanbieder', aanbieder);
  await page.selectOption('#contract-soort', 'output');
  await page.fill('#contract-ingangsdatum', `${pl.jaar}-01-01`);
  await page.selectOption('#contract-gemeenten', voorz.gemeenten.slice(0, 2).map((g) => g.gemeente));
  await page.click('#contract-opslaan');
  await page.waitForFunction(() => [...document.querySelectorAll('#contracten tbody tr th')].some((x) => x.textContent === 'BROWSERTEST-1'));
  const contract = (await api('contracten')).contracten.find((x) => x.kenmerk === 'BROWSERTEST-1');
  assert.equal(contract.gemeenten.length, Math.min(2, voorz.gemeenten.length));
  assert.equal(contract.soort, 'output');
  assert.equal(await page.locator('#contracten tbody tr').count(), c.contracten.length + 1);
  // Filtered on a gemeente it does not cover, the new contract is not listed.
  const buiten = voorz.gemeenten[2];
  if (buiten) {
    await page.selectOption('#gemeente', buiten.gemeente);
    await page.waitForFunction((g) => location.search.includes(`gemeente=${g}`), buiten.gemeente);
    await page.waitForFunction(() => ![...document.querySelectorAll('#contracten tbody tr th')].some((x) => x.textContent === 'BROWSERTEST-1'));
  }
  await api(`contracten/${contract.id}`, { method: 'DELETE', headers: { 'If-Match': `"${contract.versie}"` } });
  assert.deepEqual(fouten, []);
  await context.close();
});

test('aanbieders en tarieven: aanbieders en productcatalogus gelijk aan de API', async () => {
  const [a, p] = [await api('aanbieders'), await api('producten')];
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/contracten/registers');
  const agbs = await page.$$eval('#aanbieders tbody tr', (rs) => rs.map((r) => r.dataset.agb));
  assert.deepEqual(agbs, a.aanbieders.map((x) => x.agb));
  for (const x of a.aanbieders)
    assert.equal(await page.textContent(`#aanbieders tbody tr[data-agb="${x.agb}"] [data-kolom="plafond"]`), x.vrijgesteld ? 'nee' : 'ja', x.agb);
  assert.equal(await page.locator('#catalogus tbody tr').count(), p.producten.length);
  const tarieven = await page.$$eval('#catalogus tbody [data-kolom="tarief"]', (cs) => cs.map((x) => Number(x.dataset.waarde)));
  assert.deepEqual(tarieven, p.producten.map((x) => x.tarief));
  // A tariff that does not parse is refused with the API's reason, nothing is added.
  await page.fill('#tarief-bedrag', 'veel');
  await page.fill('#tarief-van', `${new Date().getFullYear()}-01-01`);
  await page.click('#tarief-opslaan');
  await page.waitForSelector('#tarief-fouten .utrecht-alert');
  assert.equal((await api('producten')).producten.length, p.producten.length);
  assert.deepEqual(fouten.filter((f) => !f.includes('400')), []);
  await context.close();
});

// What each of the two roles that use Contracten & budget sees on its pages: the
// beleidsmedewerker reads (no forms, no actions), the contractmanager also changes. A
// screenshot of every page as each of them.
test('contracten & budget: elke pagina als beleidsmedewerker en als contractmanager, met screenshots', async () => {
  const FORMULIEREN = {
    budgetplafonds: ['#plafond-formulier', '#toets-formulier'],
    uitgaven: [],
    contracten: ['#contract-formulier'],
    registers: ['#tarief-formulier'],
  };
  for (const [gebruiker, wijzigt] of [[BELEID, false], [CONTRACT, true]]) {
    const { context, page, fouten } = await nieuwePagina(gebruiker);
    for (const [deel, formulieren] of Object.entries(FORMULIEREN)) {
      await open(page, `/contracten/${deel}`);
      for (const f of formulieren) assert.equal(await page.isVisible(f), wijzigt, `${gebruiker.rol}: ${deel} ${f}`);
      await page.screenshot({ path: path.join(ARTEFACTEN, `contracten-${deel}-${gebruiker.rol}.png`), fullPage: true });
    }
    await open(page, '/contracten/budgetplafonds');
    assert.equal(await page.locator('#plafonds thead th:has-text("Acties")').count(), wijzigt ? 1 : 0);
    await open(page, '/contracten/registers');
    assert.equal(await page.locator('#aanbieders tbody input[type="checkbox"]').count() > 0, wijzigt);
    assert.deepEqual(fouten, [], gebruiker.rol);
    await context.close();
  }
});

test('wachttijden: verdeling en per aanbieder gelijk aan de API, wachtlijst, norm zetten, CSV en screenshot', async () => {
  const w = await api('wachttijden');
  assert.ok(w.totaal.aantal > 0, 'de gegenereerde regio heeft gestarte zorg');
  const lijst = await api('wachtlijst');
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/wachttijden');
  assert.equal(await page.inputValue('#periode'), w.periode);
  // The header names the regio, as the Overzicht's does.
  const [sessie, perioden] = [await api('sessie'), await api('perioden')];
  assert.equal(sessie.regio, (await api(`kerncijfers?periode=${perioden.laatste}`)).regio.naam);
  await page.waitForFunction((r) => document.getElementById('regio-naam').textContent === r, sessie.regio);
  assert.equal(alsGetal(await page.getAttribute('.jr-kaart[data-sleutel="mediaan"] .jr-kaart__waarde', 'data-waarde')), w.totaal.mediaanDagen);
  assert.equal(alsGetal(await page.getAttribute('.jr-kaart[data-sleutel="wachtlijst"] .jr-kaart__waarde', 'data-waarde')), w.wachtlijst.aantal);
  const klassen = await page.$$eval('#verdeling tbody tr [data-kolom="aantal"]', (c) => c.map((x) => Number(x.dataset.waarde)));
  assert.deepEqual(klassen, w.totaal.klassen);
  assert.equal(await page.locator('#aanbieders tbody tr').count(), w.perAanbieder.length);
  for (const a of w.perAanbieder) {
    const rij = await page.$$eval('#aanbieders tbody tr', (rs, code) => {
      const r = rs.find((x) => x.children[1].textContent === code);
      return r && Object.fromEntries([...r.querySelectorAll('[data-waarde]')].map((c) => [c.dataset.kolom, c.dataset.waarde]));
    }, a.sleutel);
    assert.ok(rij, a.sleutel);
    assert.equal(alsGetal(rij.mediaanDagen), a.mediaanDagen, a.sleutel);
    assert.equal(alsGetal(rij.pctBovenNorm), a.pctBovenNorm, a.sleutel);
  }
  assert.equal(await page.locator('#wachtlijst tbody tr').count(), lijst.wachtlijst.length);

  // Filter on the aanbieder with the most starts: URL and numbers follow.
  const grootste = [...w.perAanbieder].sort((a, b) => b.aantal - a.aantal)[0];
  await page.selectOption('#aanbieder', grootste.sleutel);
  await page.waitForFunction((a) => location.search.includes(`aanbieder=${a}`), grootste.sleutel);
  await page.waitForFunction((n) => document.querySelector('.jr-kaart[data-sleutel="mediaan"] .jr-kaart__waarde')?.dataset.waarde === String(n), grootste.mediaanDagen);

  const csv = await download(page, 'verdeling', 'csv');
  assert.ok(csv.inhoud.toString('utf8').startsWith('Wachttijd,Gestart'));

  // A norm for gesloten jeugdhulp (37) through the form.
  await page.fill('#norm-categorie', '37');
  await page.fill('#norm-weken', '3');
  await page.click('#norm-opslaan');
  await page.waitForFunction(() => [...document.querySelectorAll('#normen tbody tr th')].some((c) => c.textContent === '37'));
  const normen = await api('wachttijdnormen');
  assert.deepEqual(normen.normen.find((n) => n.productcategorie === '37'), { productcategorie: '37', weken: 3, versie: 1 });
  await page.screenshot({ path: path.join(ARTEFACTEN, 'wachttijden.png'), fullPage: true });
  await api('wachttijdnormen/37', { method: 'DELETE', headers: { 'If-Match': '"1"' } });
  assert.deepEqual(fouten, []);
  await context.close();
});
