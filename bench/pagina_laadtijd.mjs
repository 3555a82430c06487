// Page-load benchmark of the dashboard: each page opened RUNS times in headless chromium,
// each time in a fresh browser context (empty HTTP cache, as a first visit), timed from the
// start of navigation to the moment the page marks its figures drawn (#inhoud[data-klaar]),
// read from the page's own clock (performance.now()). A blank page loaded the same way is the
// floor: the browser's own cost of a navigation (rows for a peer that lacks the file mean
// nothing).
// Usage: JR_URL=http://127.0.0.1:PORT [JR_SERVER_PID=PID] [JR_URL_PEER=... JR_PEER_PID=PID]
//        node bench/pagina_laadtijd.mjs [RUNS]
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
async function inloggen(url) {
  if (!process.env.JR_GEBRUIKER) return [];
  const ctx = await browser.newContext();
  const r = await ctx.request.post(`${url}/api/v1/sessie`, {
    data: { gebruikersnaam: process.env.JR_GEBRUIKER, wachtwoord: process.env.JR_WACHTWOORD },
  });
  if (!r.ok()) throw new Error(`inloggen: ${r.status()}`);
  const cookies = await ctx.cookies();
  await ctx.close();
  return cookies;
}
// The server measured, and optionally a peer (JR_URL_PEER, JR_PEER_PID: e.g. the previous
// version on the same database) whose loads alternate with its loads, so that both see the
// same machine.
const servers = [{ naam: '', url: basis, pid: process.env.JR_SERVER_PID }];
if (process.env.JR_URL_PEER) servers.push({ naam: 'peer ', url: process.env.JR_URL_PEER, pid: process.env.JR_PEER_PID });
for (const s of servers) s.cookies = await inloggen(s.url);

// CPU time (user + sys, ms) of the browser's processes (this node process's children and
// all their descendants: browser, zygotes, renderers, GPU and network services) and the
// server's: what a load costs whatever else the machine runs. Read before a load and at its
// end, before its context closes (and its renderer exits).
function cpuMs(serverPid) {
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

async function meet(server, pad, klaar, cpu) {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'nl-NL' });
  if (server.cookies.length) await ctx.addCookies(server.cookies);
  const page = await ctx.newPage();
  const cpu0 = cpuMs(server.pid);  // after the context and its first page exist: only the load
  await page.goto(`${server.url}${pad}`, { waitUntil: 'commit' });
  let ms;
  if (klaar) {
    await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 15000 });
    ms = await page.evaluate(() => performance.now());
  } else {
    await page.waitForLoadState('load');
    ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  }
  cpu.push(cpuMs(server.pid) - cpu0);
  await ctx.close();
  return ms;
}

const kwantiel = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

// Per row and server: [label, times, cpu].
const rijen = [];
async function rij(pad, klaar) {
  const metingen = servers.map((sv) => [`${sv.naam}${pad}`, [], []]);
  if (klaar) for (const sv of servers) await meet(sv, pad, true, []);  // fills the server's cache
  for (let i = 0; i < runs; i++)
    for (const [k, sv] of servers.entries()) metingen[k][1].push(await meet(sv, pad, klaar, metingen[k][2]));
  rijen.push(...metingen);
}
await rij('/dist/dashboard.css', false);
for (const pad of paginas) await rij(pad, true);
await browser.close();
rmSync(profiel, { recursive: true, force: true });

console.log('pagina                            mediaan_ms    p95_ms    max_ms  cpu_mediaan_ms');
for (const [pad, t, c] of rijen)
  console.log(`${pad.padEnd(33)} ${kwantiel(t, 0.5).toFixed(1).padStart(9)} ${kwantiel(t, 0.95).toFixed(1).padStart(9)} ${Math.max(...t).toFixed(1).padStart(9)} ${kwantiel(c, 0.5).toFixed(0).padStart(15)}`);
// The RESULT line is about the measured server's pages (not the floor, not the peer).
const eigen = rijen.filter(([pad], i) => i % servers.length === 0 && pad !== '/dist/dashboard.css');
const p95 = Math.max(...eigen.map(([, t]) => kwantiel(t, 0.95)));
const maxMediaan = Math.max(...eigen.map(([, t]) => kwantiel(t, 0.5)));
const maxCpu = Math.max(...eigen.map(([, , c]) => kwantiel(c, 0.5)));
console.log(`RESULT pagina_p95_ms=${p95.toFixed(1)} pagina_max_median_ms=${maxMediaan.toFixed(1)} leeg_median_ms=${kwantiel(rijen[0][1], 0.5).toFixed(1)} pagina_max_cpu_median_ms=${maxCpu.toFixed(0)} runs=${runs}`);
