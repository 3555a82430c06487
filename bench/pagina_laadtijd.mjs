// Page-load benchmark of the dashboard: each page opened RUNS times in headless chromium,
// each time in a fresh browser context (empty HTTP cache, as a first visit), timed from the
// start of navigation to the moment the page marks its figures drawn (#inhoud[data-klaar]),
// read from the page's own clock (performance.now()). A blank page loaded the same way is the
// floor: the browser's own cost of a navigation.
// Usage: JR_URL=http://127.0.0.1:PORT node bench/pagina_laadtijd.mjs [RUNS]
// Beside the time, the CPU time (user + sys) the browser's and the server's processes spent
// on each load: a figure that depends less on what else runs on the machine.
// Prints a table (median, p95, max, median CPU per page) and last one line:
//   RESULT pagina_p95_ms=X pagina_max_median_ms=X leeg_median_ms=X pagina_max_cpu_median_ms=X runs=N
import path from 'node:path';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const basis = process.env.JR_URL;
if (!basis) {
  console.error('pagina_laadtijd: JR_URL ontbreekt');
  process.exit(2);
}
const runs = Number(process.argv[2] || 20);
const paginas = (process.env.JR_PAGINAS || '/overzicht,/trajecten,/doelen,/vergelijken,/contracten,/wachttijden').split(',');

const profiel = mkdtempSync(path.join(tmpdir(), 'jr-bench-chromium-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  env: { ...process.env, TMPDIR: profiel },
});

// Optional login for a server that requires one (JR_GEBRUIKER / JR_WACHTWOORD): the session
// cookie is copied into every fresh context, so only the page itself is timed.
async function inloggen() {
  if (!process.env.JR_GEBRUIKER) return [];
  const ctx = await browser.newContext();
  const r = await ctx.request.post(`${basis}/api/v1/sessie`, {
    data: { gebruikersnaam: process.env.JR_GEBRUIKER, wachtwoord: process.env.JR_WACHTWOORD },
  });
  if (!r.ok()) throw new Error(`inloggen: ${r.status()}`);
  const cookies = await ctx.cookies();
  await ctx.close();
  return cookies;
}
const cookies = await inloggen();

// CPU time (user + sys, ms) of the browser's processes (this node process's children and
// all their descendants: browser, zygotes, renderers, GPU and network services) and the
// server's (JR_SERVER_PID): what a load costs whatever else the machine runs. Read before a
// load and at its end, before its context closes (and its renderer exits).
const serverPid = process.env.JR_SERVER_PID;
function cpuMs() {
  const stat = new Map();  // pid -> [ppid, ticks]
  const wortels = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const velden = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
      stat.set(pid, [velden[1], Number(velden[11]) + Number(velden[12])]);  // ppid; utime + stime
      if (pid === serverPid || velden[1] === String(process.pid)) wortels.push(pid);
    } catch { /* gone meanwhile */ }
  }
  const kinderen = new Map();
  for (const [pid, [ppid]] of stat) kinderen.set(ppid, [...(kinderen.get(ppid) || []), pid]);
  const gezien = new Set();
  let ticks = 0;
  for (const werk = [...wortels]; werk.length;) {
    const pid = werk.pop();
    if (gezien.has(pid)) continue;
    gezien.add(pid);
    ticks += stat.get(pid)?.[1] ?? 0;
    werk.push(...(kinderen.get(pid) || []));
  }
  return ticks * 10;  // USER_HZ 100
}

async function meet(pad, klaar) {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'nl-NL' });
  if (cookies.length) await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  const cpu0 = cpuMs();  // after the context and its first page exist: only the load counts
  await page.goto(`${basis}${pad}`, { waitUntil: 'commit' });
  let ms;
  if (klaar) {
    await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 15000 });
    ms = await page.evaluate(() => performance.now());
  } else {
    await page.waitForLoadState('load');
    ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  }
  cpu.push(cpuMs() - cpu0);
  await ctx.close();
  return ms;
}
let cpu = [];

const kwantiel = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

const rijen = [];
const leeg = [];
for (let i = 0; i < runs; i++) leeg.push(await meet('/dist/dashboard.css', false));
rijen.push(['(leeg: één css-bestand)', leeg, cpu]);
for (const pad of paginas) {
  await meet(pad, true);  // the first load after start fills the server's cache
  const t = [];
  cpu = [];
  for (let i = 0; i < runs; i++) t.push(await meet(pad, true));
  rijen.push([pad, t, cpu]);
}
await browser.close();
rmSync(profiel, { recursive: true, force: true });

console.log('pagina                       mediaan_ms    p95_ms    max_ms  cpu_mediaan_ms');
for (const [pad, t, c] of rijen)
  console.log(`${pad.padEnd(28)} ${kwantiel(t, 0.5).toFixed(1).padStart(9)} ${kwantiel(t, 0.95).toFixed(1).padStart(9)} ${Math.max(...t).toFixed(1).padStart(9)} ${kwantiel(c, 0.5).toFixed(0).padStart(15)}`);
const paginaRijen = rijen.slice(1).map(([, t]) => t);
const p95 = Math.max(...paginaRijen.map((t) => kwantiel(t, 0.95)));
const maxMediaan = Math.max(...paginaRijen.map((t) => kwantiel(t, 0.5)));
console.log(`RESULT pagina_p95_ms=${p95.toFixed(1)} pagina_max_median_ms=${maxMediaan.toFixed(1)} leeg_median_ms=${kwantiel(leeg, 0.5).toFixed(1)} pagina_max_cpu_median_ms=${Math.max(...rijen.slice(1).map(([, , c]) => kwantiel(c, 0.5))).toFixed(0)} runs=${runs}`);
