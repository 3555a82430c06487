// What the browser tests share: headless Debian chromium through playwright-core, the server
// run.sh started, the demo users it made (one per role), and logging in as one of them.
//
// Environment (run.sh sets it): JR_URL (default http://127.0.0.1:8099), JR_ARTIFACTS (default
// <repo>/test-artifacts), CHROMIUM (default /usr/bin/chromium); JR_GEBRUIKER/JR_WACHTWOORD (a
// regio-wide beleidsmedewerker), JR_CONTRACT_GEBRUIKER/JR_CONTRACT_WACHTWOORD (a regio-wide
// contractmanager), JR_ROLLEN ('naam:rol:gemeente ...', the other demo users) with
// JR_ROLLEN_WACHTWOORD.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const hier = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(hier, '..', '..');
export const URL_BASIS = process.env.JR_URL || 'http://127.0.0.1:8099';
export const ARTEFACTEN = process.env.JR_ARTIFACTS || path.join(REPO, 'test-artifacts');
mkdirSync(ARTEFACTEN, { recursive: true });
const { chromium } = createRequire(path.join(REPO, 'web', 'package.json'))('playwright-core');

// The demo users, one per role (the beleidsmedewerker twice: for the regio and for one
// gemeente), as {naam, wachtwoord, rol, gemeente} (gemeente: a CBS code or 'regio').
export const BELEID = { naam: process.env.JR_GEBRUIKER, wachtwoord: process.env.JR_WACHTWOORD, rol: 'beleidsmedewerker', gemeente: 'regio' };
export const CONTRACT = { naam: process.env.JR_CONTRACT_GEBRUIKER, wachtwoord: process.env.JR_CONTRACT_WACHTWOORD, rol: 'contractmanager', gemeente: 'regio' };
export const GEBRUIKERS = [BELEID, CONTRACT, ...(process.env.JR_ROLLEN || '').split(/\s+/).filter(Boolean).map((x) => {
  const [naam, rol, gemeente] = x.split(':');
  return { naam, wachtwoord: process.env.JR_ROLLEN_WACHTWOORD, rol, gemeente };
})].filter((g) => g.naam);

// One browser for the test file, with its own temporary profile directory.
export function metBrowser() {
  const b = { browser: null };
  let profiel;
  before(async () => {
    profiel = mkdtempSync(path.join(tmpdir(), 'jr-chromium-'));
    b.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // playwright gives each launch a fresh --user-data-dir of its own; it also sets TMPDIR for it.
      env: { ...process.env, TMPDIR: profiel },
    });
  });
  after(async () => {
    await b.browser?.close();
    rmSync(profiel, { recursive: true, force: true });
  });
  return b;
}

// A fresh context logged in as `gebruiker` (none: not logged in), and a page in it that
// collects script errors and console errors in `fouten` and the API's refusals (403) in
// `geweigerd` (method and path).
export async function nieuwePagina(browser, gebruiker, opties = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 1000 }, acceptDownloads: true, locale: 'nl-NL', ...opties });
  if (gebruiker) {
    // The context's request client shares the browser's cookie jar.
    const r = await context.request.post(`${URL_BASIS}/api/v1/sessie`, { data: { gebruikersnaam: gebruiker.naam, wachtwoord: gebruiker.wachtwoord } });
    assert.equal(r.status(), 201, `inloggen ${gebruiker.naam}: ${r.status()}`);
  }
  const page = await context.newPage();
  const fouten = [];
  const geweigerd = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') fouten.push(m.text()); });
  page.on('response', (r) => { if (r.status() === 403) geweigerd.push(`${r.request().method()} ${new URL(r.url()).pathname}`); });
  return { context, page, fouten, geweigerd };
}

// Opens `pad` and waits until the page has its figures in place (#inhoud[data-klaar="ja"]).
export async function open(page, pad, timeout = 20000) {
  await page.goto(`${URL_BASIS}${pad}`);
  await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout });
}

// Logs in over the API as `gebruiker`: a client for its JSON API that fails on any answer
// of 300 or more; `koppen` holds the cookie and CSRF token for other requests.
export async function apiAls(gebruiker) {
  const r = await fetch(`${URL_BASIS}/api/v1/sessie`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: gebruiker.naam, wachtwoord: gebruiker.wachtwoord }),
  });
  assert.equal(r.status, 201, `inloggen ${gebruiker.naam}: ${r.status}`);
  const koppen = { Cookie: r.headers.get('set-cookie').split(';')[0], 'X-CSRF-Token': (await r.json()).csrfToken };
  const api = async (pad, opties = {}) => {
    const a = await fetch(`${URL_BASIS}/api/v1/${pad}`, { ...opties, headers: { ...koppen, ...(opties.headers || {}) } });
    assert.ok(a.status < 300, `${pad}: ${a.status}`);
    return a.status === 204 ? null : a.json();
  };
  api.koppen = koppen;
  return api;
}
