// Browser tests of the dashboard: headless Debian chromium driven by playwright-core against a
// running `jeugdregie serve`. Each page opens, shows the API's numbers, reacts to a filter,
// downloads a CSV, and leaves a screenshot in test-artifacts/.
//
// Every page needs a login: the tests log in as the demo beleidsmedewerker (regio-wide, so
// figures come with disclosure control), and one test goes through the login page itself.
//
// Environment: as gedeeld.mjs says (JR_GEBRUIKER and JR_WACHTWOORD: the beleidsmedewerker
// that run.sh creates).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARTEFACTEN, BELEID, URL_BASIS, metBrowser, nieuwePagina as pagina } from './gedeeld.mjs';

const GEBRUIKER = BELEID.naam;
const WACHTWOORD = BELEID.wachtwoord;
const b = metBrowser();

// Logs in over the API; the session cookie and CSRF token.
async function inloggen(gebruikersnaam = GEBRUIKER, wachtwoord = WACHTWOORD) {
  const r = await fetch(`${URL_BASIS}/api/v1/sessie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam, wachtwoord }),
  });
  assert.equal(r.status, 201, `inloggen ${gebruikersnaam}: ${r.status}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: (await r.json()).csrfToken };
}

let apiSessie;
async function api(pad) {
  apiSessie ??= await inloggen();
  const r = await fetch(`${URL_BASIS}/api/v1/${pad}`, { headers: { Cookie: apiSessie.cookie } });
  assert.equal(r.status, 200, `${pad}: ${r.status}`);
  return r.json();
}

const nieuwePagina = ({ ingelogd = true } = {}) => pagina(b.browser, ingelogd ? BELEID : null);

async function open(page, pad) {
  const t0 = Date.now();
  await page.goto(`${URL_BASIS}${pad}`);
  await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 15000 });
  // The marks bench/pagina_laadtijd.mjs times the page by: once each, shown after klaar.
  await page.waitForFunction(() => performance.getEntriesByName('jr-getoond').length > 0);
  const marks = await page.evaluate(() => ['jr-klaar', 'jr-getoond'].map((n) => performance.getEntriesByName(n).map((m) => m.startTime)));
  assert.equal(marks[0].length, 1, `${pad}: jr-klaar`);
  assert.equal(marks[1].length, 1, `${pad}: jr-getoond`);
  assert.ok(marks[1][0] >= marks[0][0], `${pad}: getoond na klaar`);
  return Date.now() - t0;
}

// The data-waarde of each numeric cell of a table row, by column key.
async function rijWaarden(page, tabelId, rijIndex) {
  return page.$$eval(`#${tabelId} tbody tr:nth-child(${rijIndex + 1}) [data-kolom]`, (cellen) =>
    Object.fromEntries(cellen.filter((c) => 'waarde' in c.dataset).map((c) => [c.dataset.kolom, c.dataset.waarde])));
}

const alsGetal = (v) => (v === '' || v === undefined ? null : Number(v));

async function downloadCsv(page, tabelId) {
  const houder = page.locator(`#${tabelId}`).locator('xpath=ancestor::div[contains(@class,"jr-tabel")]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    houder.locator('button[data-download="csv"]').click(),
  ]);
  const doel = path.join(ARTEFACTEN, download.suggestedFilename());
  await download.saveAs(doel);
  return { naam: download.suggestedFilename(), inhoud: readFileSync(doel, 'utf8') };
}

test('inloggen: een pagina zonder sessie gaat naar het inlogscherm, fout wachtwoord, dan inloggen en uitloggen', async () => {
  const { context, page, fouten } = await nieuwePagina({ ingelogd: false });
  await page.goto(`${URL_BASIS}/doelen?periode=2024H1`);
  await page.waitForURL(/\/inloggen\?terug=/);
  await page.waitForSelector('#inhoud[data-klaar="ja"]');
  assert.equal(await page.textContent('h1'), 'Inloggen');
  await page.fill('#gebruikersnaam', GEBRUIKER);
  await page.fill('#wachtwoord', 'dit-is-niet-het-wachtwoord');
  await page.click('#inloggen');
  await page.waitForSelector('#melding .utrecht-alert');
  assert.match(await page.textContent('#melding'), /klopt niet/);
  await page.screenshot({ path: path.join(ARTEFACTEN, 'inloggen.png'), fullPage: true });
  const cookie0 = (await context.cookies()).find((c) => c.name === 'jr_sessie');
  assert.equal(cookie0, undefined);
  await page.fill('#gebruikersnaam', GEBRUIKER);
  await page.fill('#wachtwoord', WACHTWOORD);
  await page.click('#inloggen');
  await page.waitForURL(/\/doelen\?periode=2024H1$/);
  await page.waitForSelector('#inhoud[data-klaar="ja"]');
  const cookie = (await context.cookies()).find((c) => c.name === 'jr_sessie');
  assert.ok(cookie && cookie.httpOnly && cookie.sameSite === 'Strict');
  assert.match(await page.textContent('#gebruiker-naam'), new RegExp(GEBRUIKER));
  // Logging out ends the session: the next page goes to the login page again.
  await page.click('#uitloggen');
  await page.waitForURL(/\/inloggen$/);
  const r = await context.request.get(`${URL_BASIS}/api/v1/sessie`);
  assert.equal(r.status(), 401);
  await page.goto(`${URL_BASIS}/overzicht`);
  await page.waitForURL(/\/inloggen\?terug=/);
  assert.deepEqual(fouten.filter((f) => !f.includes('401')), []);
  await context.close();
});

test('beveiliging: opgeslagen HTML in een KPI blijft tekst, schrijven zonder CSRF-token wordt geweigerd', async () => {
  const { cookie, csrf } = await inloggen();
  const kwaad = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const kpi = { naam: kwaad, indicator: 'uitvalPct', gemeente: null, nulmeting: { waarde: 10, periode: '2022' },
    ambitie: { waarde: 5, jaar: 2026 }, bron: kwaad, toelichting: kwaad };
  const zonder = await fetch(`${URL_BASIS}/api/v1/kpis`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify(kpi) });
  assert.equal(zonder.status, 403);
  assert.equal((await zonder.json()).code, 'csrf-token');
  const r = await fetch(`${URL_BASIS}/api/v1/kpis`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(kpi) });
  assert.equal(r.status, 201);
  const { id } = await r.json();
  const etag = r.headers.get('etag');
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/doelen');
  const rij = page.locator(`#kpis tbody tr[data-kpi-id="${id}"]`);
  assert.ok((await rij.textContent()).includes('<img src=x'));
  assert.equal(await page.locator('#kpis img').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  const weg = await fetch(`${URL_BASIS}/api/v1/kpis/${id}`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'If-Match': etag } });
  assert.equal(weg.status, 204);
  assert.deepEqual(fouten, []);
  await context.close();
});

test('overzicht: kerncijfers gelijk aan de API, filter gemeente, CSV en screenshot', async () => {
  const perioden = await api('perioden');
  const kern = await api(`kerncijfers?periode=${perioden.laatste}`);
  const { context, page, fouten } = await nieuwePagina();
  const ms = await open(page, '/overzicht');
  const eerste = kern.gemeenten[0];
  assert.equal(await page.inputValue('#periode'), perioden.laatste);
  assert.equal(await page.inputValue('#gemeente'), eerste.gemeente);
  const waarden = await rijWaarden(page, 'kern', 0);
  for (const k of ['pctJongerenMetJeugdhulp', 'pctJongerenMetVerblijf', 'pctJeugdbescherming', 'kostenPerClient'])
    assert.equal(alsGetal(waarden[k]), eerste[k], k);
  const regio = await rijWaarden(page, 'kern', 1);
  assert.equal(alsGetal(regio.pctJongerenMetJeugdhulp), kern.regio.pctJongerenMetJeugdhulp);
  const kaart = await page.textContent('.jr-kaart[data-sleutel="pctJongerenMetJeugdhulp"] .jr-kaart__waarde');
  assert.equal(kaart, `${eerste.pctJongerenMetJeugdhulp.toFixed(1).replace('.', ',')}%`);

  // Another gemeente: the URL keeps it, the numbers follow.
  const ander = kern.gemeenten[kern.gemeenten.length - 1];
  await page.selectOption('#gemeente', ander.gemeente);
  await page.waitForFunction((g) => location.search.includes(`gemeente=${g}`), ander.gemeente);
  await page.waitForFunction(() => document.querySelector('#inhoud').dataset.klaar === 'ja');
  await page.waitForFunction((n) => document.querySelector('#kern tbody tr th')?.textContent === n, ander.naam);
  const w2 = await rijWaarden(page, 'kern', 0);
  assert.equal(alsGetal(w2.pctJongerenMetJeugdhulp), ander.pctJongerenMetJeugdhulp);
  // Trend table: one row per half year.
  assert.equal(await page.locator('#trend tbody tr').count(), perioden.halfjaren.length);

  const csv = await downloadCsv(page, 'kern');
  assert.match(csv.naam, /^kerncijfers-.*\.csv$/);
  assert.ok(csv.inhoud.startsWith('Gebied,% jongeren met jeugdhulp (%)'), csv.inhoud.slice(0, 80));
  assert.ok(csv.inhoud.includes(ander.naam));

  // A stable URL: reopening it restores the filters.
  const url = page.url();
  const { page: p2, context: c2 } = await nieuwePagina();
  await open(p2, url.replace(URL_BASIS, ''));
  assert.equal(await p2.inputValue('#gemeente'), ander.gemeente);
  await c2.close();

  await page.screenshot({ path: path.join(ARTEFACTEN, 'overzicht.png'), fullPage: true });
  assert.deepEqual(fouten, []);
  console.log(`overzicht geladen in ${ms} ms`);
  await context.close();
});

test('trajecten: uitsplitsing gelijk aan de API, inzoomen op een gemeente, CSV en screenshot', async () => {
  const perioden = await api('perioden');
  const regio = await api(`trajecten?periode=${perioden.laatste}`);
  const { context, page, fouten } = await nieuwePagina();
  const ms = await open(page, '/trajecten');
  assert.equal(alsGetal(await page.getAttribute('.jr-kaart[data-sleutel="trajecten"] .jr-kaart__waarde', 'data-waarde')), regio.trajecten);
  const perGemeente = await page.$$eval('#onderdelen tbody tr', (rijen) => rijen.map((r) => [r.children[1].textContent, r.children[2].dataset.waarde]));
  for (const o of regio.onderdelen) {
    const rij = perGemeente.find(([code]) => code === o.code);
    assert.ok(rij, o.code);
    assert.equal(alsGetal(rij[1]), o.trajecten, o.code);
  }
  const hv = await page.$$eval('#hulpvorm tbody tr', (rijen) => rijen.map((r) => [r.children[1].textContent, r.children[2].dataset.waarde]));
  for (const [code, waarde] of hv) assert.equal(alsGetal(waarde), regio.perHulpvorm[code], `hulpvorm ${code}`);

  // Drill down into the largest gemeente.
  const grootste = [...regio.onderdelen].sort((a, b) => b.trajecten - a.trajecten)[0];
  await page.click(`#onderdelen tbody tr:first-child a`);
  await page.waitForFunction((g) => location.search.includes(`gemeente=${g}`), grootste.code);
  await page.waitForFunction(() => document.querySelector('#kop-onderdelen').textContent === 'Per aanbieder');
  const gem = await api(`trajecten?periode=${perioden.laatste}&gemeente=${grootste.code}`);
  await page.waitForFunction((n) => document.querySelector('.jr-kaart[data-sleutel="trajecten"] .jr-kaart__waarde')?.dataset.waarde === String(n), gem.trajecten);
  assert.equal(await page.locator('#onderdelen tbody tr').count(), gem.onderdelen.length);
  assert.equal(await page.textContent('#kruimels li:last-child'), grootste.naam);

  const csv = await downloadCsv(page, 'hulpvorm');
  assert.ok(csv.inhoud.startsWith('Hulpvorm,Code,Trajecten'), csv.inhoud.slice(0, 60));
  await page.screenshot({ path: path.join(ARTEFACTEN, 'trajecten.png'), fullPage: true });
  assert.deepEqual(fouten, []);
  console.log(`trajecten geladen in ${ms} ms`);
  await context.close();
});

test('doelen: KPI\'s gelijk aan de API, een KPI aanmaken en verwijderen, CSV en screenshot', async () => {
  const { context, page, fouten } = await nieuwePagina();
  const ms = await open(page, '/doelen');
  const doc = await api(`kpis?periode=${await page.inputValue('#periode')}`);
  assert.equal(await page.locator('#kpis tbody tr').count(), doc.kpis.length);
  for (const k of doc.kpis) {
    const rij = page.locator(`#kpis tbody tr[data-kpi-id="${k.id}"]`);
    assert.equal(await rij.locator('[data-status]').getAttribute('data-status'), k.beoordeling.status);
    const realisatie = await rij.locator('[data-kolom="Realisatie"]').getAttribute('data-waarde');
    assert.equal(alsGetal(realisatie), k.beoordeling.realisatie, k.naam);
  }
  // Create a KPI through the form.
  await page.fill('#kpi-naam', 'Browsertest: minder uitval');
  await page.selectOption('#kpi-indicator', 'uitvalPct');
  await page.fill('#kpi-nulmeting-waarde', '20,5');
  await page.fill('#kpi-nulmeting-periode', '2022');
  await page.fill('#kpi-ambitie-waarde', '15');
  await page.fill('#kpi-ambitie-jaar', '2026');
  await page.click('#kpi-opslaan');
  await page.waitForFunction((n) => document.querySelectorAll('#kpis tbody tr').length === n, doc.kpis.length + 1);
  const na = await api('kpis');
  const nieuw = na.kpis.find((k) => k.naam === 'Browsertest: minder uitval');
  assert.ok(nieuw);
  assert.equal(nieuw.nulmeting.waarde, 20.5);
  // A bad period is refused with the API's reason.
  await page.fill('#kpi-naam', 'Fout');
  await page.fill('#kpi-nulmeting-waarde', '1');
  await page.fill('#kpi-nulmeting-periode', '2022H3');
  await page.fill('#kpi-ambitie-waarde', '1');
  await page.fill('#kpi-ambitie-jaar', '2026');
  await page.click('#kpi-opslaan');
  await page.waitForSelector('#formulier-fouten .utrecht-alert');
  assert.match(await page.textContent('#formulier-fouten'), /periode/);

  const csv = await downloadCsv(page, 'kpis');
  assert.ok(csv.inhoud.includes('Browsertest: minder uitval'));
  await page.screenshot({ path: path.join(ARTEFACTEN, 'doelen.png'), fullPage: true });

  page.once('dialog', (d) => d.accept());
  await page.locator(`#kpis tbody tr[data-kpi-id="${nieuw.id}"] button:has-text("Verwijderen")`).click();
  await page.waitForFunction((n) => document.querySelectorAll('#kpis tbody tr').length === n, doc.kpis.length);
  assert.deepEqual(fouten.filter((f) => !f.includes('400')), []);
  console.log(`doelen geladen in ${ms} ms`);
  await context.close();
});

test('doelen: wie een KPI wijzigt die een ander intussen wijzigde, krijgt dat in het Nederlands te horen', async () => {
  const { cookie, csrf } = await inloggen();
  const kpi = { naam: 'Gedeelde KPI', indicator: 'uitvalPct', gemeente: null, nulmeting: { waarde: 10, periode: '2022' },
    ambitie: { waarde: 5, jaar: 2026 }, bron: '', toelichting: '' };
  const koppen = { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' };
  const r = await fetch(`${URL_BASIS}/api/v1/kpis`, { method: 'POST', headers: koppen, body: JSON.stringify(kpi) });
  assert.equal(r.status, 201);
  const { id } = await r.json();
  // Anna opens the KPI in the form ...
  const { context, page, fouten } = await nieuwePagina();
  await open(page, '/doelen');
  await page.locator(`#kpis tbody tr[data-kpi-id="${id}"] button:has-text("Wijzigen")`).click();
  assert.equal(await page.inputValue('#kpi-versie'), '1');
  // ... Bert (another session) changes it meanwhile ...
  const bert = await inloggen();
  const w = await fetch(`${URL_BASIS}/api/v1/kpis/${id}`, { method: 'PUT',
    headers: { ...koppen, Cookie: bert.cookie, 'X-CSRF-Token': bert.csrf, 'If-Match': '"1"' },
    body: JSON.stringify({ ...kpi, naam: 'Door Bert gewijzigd' }) });
  assert.equal(w.status, 200);
  // ... and Anna's save is refused with a message in Dutch, Bert's change stays.
  await page.fill('#kpi-naam', 'Door Anna gewijzigd');
  await page.click('#kpi-opslaan');
  await page.waitForSelector('#formulier-fouten .utrecht-alert');
  assert.match(await page.textContent('#formulier-fouten'), /Iemand anders heeft dit intussen gewijzigd/);
  await page.screenshot({ path: path.join(ARTEFACTEN, 'doelen-intussen-gewijzigd.png'), fullPage: true });
  assert.equal((await api(`kpis/${id}`)).naam, 'Door Bert gewijzigd');
  // After loading again, Anna's change goes through.
  await open(page, '/doelen');
  await page.locator(`#kpis tbody tr[data-kpi-id="${id}"] button:has-text("Wijzigen")`).click();
  await page.fill('#kpi-naam', 'Door Anna gewijzigd');
  await page.click('#kpi-opslaan');
  await page.waitForFunction((i) => document.querySelector(`#kpis tbody tr[data-kpi-id="${i}"]`)?.textContent.includes('Door Anna'), id);
  page.once('dialog', (d) => d.accept());
  await page.locator(`#kpis tbody tr[data-kpi-id="${id}"] button:has-text("Verwijderen")`).click();
  await page.waitForFunction((i) => !document.querySelector(`#kpis tbody tr[data-kpi-id="${i}"]`), id);
  assert.deepEqual(fouten.filter((f) => !f.includes('412')), []);
  await context.close();
});

test('vergelijken: gemeenten naast het regiogemiddelde, indicator wisselen, CSV en screenshot', async () => {
  const perioden = await api('perioden');
  const kern = await api(`kerncijfers?periode=${perioden.laatste}`);
  const { context, page, fouten } = await nieuwePagina();
  const ms = await open(page, '/vergelijken');
  const rijen = await page.$$eval('#vergelijking tbody tr', (rs) => rs.map((r) => [r.children[0].textContent,
    Object.fromEntries([...r.querySelectorAll('[data-waarde]')].map((c) => [c.dataset.kolom, c.dataset.waarde]))]));
  assert.equal(rijen.length, kern.gemeenten.length + 1);
  for (const g of kern.gemeenten) {
    const rij = rijen.find(([n]) => n === g.naam);
    assert.ok(rij, g.naam);
    assert.equal(alsGetal(rij[1].pctJongerenMetJeugdhulp), g.pctJongerenMetJeugdhulp, g.naam);
    assert.equal(alsGetal(rij[1].jongerenMetJeugdhulp), g.jongerenMetJeugdhulp, g.naam);
  }
  assert.equal(alsGetal(rijen.at(-1)[1].pctJongerenMetJeugdhulp), kern.regio.pctJongerenMetJeugdhulp);

  await page.selectOption('#indicator', 'kostenPerClient');
  await page.waitForFunction(() => location.search.includes('indicator=kostenPerClient'));
  await page.waitForFunction(() => document.querySelector('#kop-vergelijking').textContent.startsWith('Kosten per cliënt'));
  const csv = await downloadCsv(page, 'vergelijking');
  assert.ok(csv.inhoud.split('\r\n').length >= kern.gemeenten.length + 2);
  await page.screenshot({ path: path.join(ARTEFACTEN, 'vergelijken.png'), fullPage: true });
  assert.deepEqual(fouten, []);
  console.log(`vergelijken geladen in ${ms} ms`);
  await context.close();
});
