// Browser tests of the pages Contracten & budget and Wachttijden: headless Debian chromium driven
// by playwright-core against a running `jeugdregie serve` with the generated region (run.sh).
// Each page shows the API's numbers, keeps its filters in the URL, changes a register through
// its form, downloads CSV and XLSX, and leaves a screenshot in test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const hier = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(hier, '..', '..');
const require = createRequire(path.join(repo, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const URL_BASIS = process.env.JR_URL || 'http://127.0.0.1:8099';
// With access control, run.sh creates a contractmanager (JR_CONTRACT_GEBRUIKER and
// JR_CONTRACT_WACHTWOORD): these pages read and change contract registers. Without them the
// tests run without a session.
const GEBRUIKER = process.env.JR_CONTRACT_GEBRUIKER;
const WACHTWOORD = process.env.JR_CONTRACT_WACHTWOORD;
const ARTEFACTEN = process.env.JR_ARTIFACTS || path.join(repo, 'test-artifacts');
mkdirSync(ARTEFACTEN, { recursive: true });

let browser;
let profiel;

before(async () => {
  profiel = mkdtempSync(path.join(tmpdir(), 'jr-chromium-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, TMPDIR: profiel },
  });
});

after(async () => {
  await browser?.close();
  rmSync(profiel, { recursive: true, force: true });
});

let sessie;
async function inloggen() {
  if (!GEBRUIKER) return { koppen: {} };
  const r = await fetch(`${URL_BASIS}/api/v1/sessie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: GEBRUIKER, wachtwoord: WACHTWOORD }),
  });
  assert.equal(r.status, 201, `inloggen ${GEBRUIKER}: ${r.status}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { koppen: { Cookie: cookie, 'X-CSRF-Token': (await r.json()).csrfToken } };
}

async function api(pad, opties = {}) {
  sessie ??= await inloggen();
  const r = await fetch(`${URL_BASIS}/api/v1/${pad}`, { ...opties, headers: { ...sessie.koppen, ...(opties.headers || {}) } });
  assert.ok(r.status < 300, `${pad}: ${r.status}`);
  return r.status === 204 ? null : r.json();
}

async function nieuwePagina() {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true, locale: 'nl-NL' });
  if (GEBRUIKER) {
    // The context's request client shares the browser's cookie jar.
    const r = await context.request.post(`${URL_BASIS}/api/v1/sessie`, { data: { gebruikersnaam: GEBRUIKER, wachtwoord: WACHTWOORD } });
    assert.equal(r.status(), 201);
  }
  const page = await context.newPage();
  const fouten = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') fouten.push(m.text()); });
  return { context, page, fouten };
}

async function open(page, pad) {
  await page.goto(`${URL_BASIS}${pad}`);
  await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 20000 });
}

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

test('contracten & budget: plafonds gelijk aan de API, signalen, plafond aanmaken, toets, CSV/XLSX en screenshot', async () => {
  const pl = await api('budgetplafonds');
  assert.ok(pl.jaar, 'de gegenereerde regio heeft budgetplafonds');
  assert.ok(pl.budgetplafonds.length >= 3, `plafonds: ${pl.budgetplafonds.length}`);
  // The demo region is realistic: some aanbieders pass 80 % of their plafond, some exceed it.
  const signalen = pl.budgetplafonds.map((p) => p.stand.signaalPrognose);
  assert.ok(signalen.some((s) => s >= 80), `signalen ${signalen}`);
  assert.ok(signalen.some((s) => s === 100), `signalen ${signalen}`);
  assert.ok(signalen.some((s) => s < 80), `signalen ${signalen}`);

  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/contracten');
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
  const eerste = [...pl.budgetplafonds].sort((a, b) => b.stand.prognosePct - a.stand.prognosePct)[0];
  assert.match(await page.textContent('#plafonds tbody tr:first-child [data-kolom="uitputtingsdatum"]'), /(uitgeput op|verwacht) \d+ [a-z]+ \d{4}/);
  const kaart = await page.getAttribute('.jr-kaart[data-sleutel="plafond"] .jr-kaart__waarde', 'data-waarde');
  assert.ok(Math.abs(Number(kaart) - pl.budgetplafonds.reduce((s, p) => s + p.bedrag, 0)) < 0.01);
  // Months: twelve rows; spend per gemeente and natura/PGB/algemeen are filled.
  assert.equal(await page.locator('#maanden tbody tr').count(), 12);
  assert.ok(await page.locator('#gemeenten tbody tr').count() >= 1);
  const voorz = await api(`voorzieningen?jaar=${pl.jaar}`);
  assert.equal(await page.locator('#voorzieningen tbody tr').count(), voorz.gemeenten.length + 1);
  assert.ok(voorz.gemeenten.some((g) => g.doelPctMaatwerk !== null && g.pctMaatwerk !== null));

  // Filter on a gemeente: the URL keeps it.
  const gemeente = voorz.gemeenten[0].gemeente;
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

  // A contract through the form, for two gemeenten.
  const aantalContracten = await page.locator('#contracten tbody tr').count();
  await page.fill('#contract-kenmerk', 'BROWSERTEST-1');
  await page.selectOption('#contract-aanbieder', eerste.aanbieder);
  await page.selectOption('#contract-soort', 'output');
  await page.fill('#contract-ingangsdatum', `${pl.jaar}-01-01`);
  await page.selectOption('#contract-gemeenten', voorz.gemeenten.slice(0, 2).map((g) => g.gemeente));
  await page.click('#contract-opslaan');
  await page.waitForFunction(() => [...document.querySelectorAll('#contracten tbody tr th')].some((c) => c.textContent === 'BROWSERTEST-1'));
  const contract = (await api('contracten')).contracten.find((c) => c.kenmerk === 'BROWSERTEST-1');
  assert.equal(contract.gemeenten.length, Math.min(2, voorz.gemeenten.length));
  assert.ok(await page.locator('#contracten tbody tr').count() <= aantalContracten + 1);
  await api(`contracten/${contract.id}`, { method: 'DELETE', headers: { 'If-Match': `"${contract.versie}"` } });

  const csv = await download(page, 'plafonds', 'csv');
  assert.match(csv.naam, /^budgetplafonds-.*\.csv$/);
  assert.ok(csv.inhoud.toString('utf8').startsWith('Aanbieder,AGB,Bereik,Plafond (EUR)'), csv.inhoud.toString('utf8').slice(0, 80));
  const xlsx = await download(page, 'voorzieningen', 'xlsx');
  assert.match(xlsx.naam, /\.xlsx$/);
  assert.equal(xlsx.inhoud.subarray(0, 2).toString(), 'PK');
  await page.screenshot({ path: path.join(ARTEFACTEN, 'contracten.png'), fullPage: true });

  page.once('dialog', (d) => d.accept());
  await page.locator(`#plafonds tbody tr[data-plafond-id="${nieuw.id}"] button:has-text("Verwijderen")`).click();
  await page.waitForFunction((id) => !document.querySelector(`#plafonds tbody tr[data-plafond-id="${id}"]`), nieuw.id);
  assert.deepEqual(fouten.filter((f) => !f.includes('409')), []);
  await context.close();
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
