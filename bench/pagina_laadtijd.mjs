// Page-load benchmark of the dashboard: each page opened RUNS times in headless chromium,
// each time in a fresh browser context (empty HTTP cache, as a first visit; JR_CACHE=warm: one
// tab per page and server, primed by one load and navigated again for every load, as a user
// who comes back to a page), timed on the page's own clock from the start of navigation to its mark
// `jr-getoond` (web/js/api.js markeerKlaar: the figures in place and the frame that shows them
// drawn). The mark is awaited through a bare DevTools call, not Playwright's selector engine,
// whose injected script would run in the page during the load and whose polling would add its
// own delay to the time. A stylesheet loaded the same way is the floor: the browser's own
// cost of a navigation (its time is the load event's). With JR_STATISCH=1 each page also gets a
// row `statisch /...`: the same page finished (its DOM once the measured server's page is
// klaar, charts and tables in it, its scripts removed) as a static file from a bare node HTTP
// server beside its stylesheet, with a two-line script that marks `jr-getoond` after the load
// event's frame: what a page drawn entirely by its server could at best achieve here.
// Usage: JR_URL=http://127.0.0.1:PORT [JR_SERVER_PID=PID] [JR_URL_PEER=... JR_PEER_PID=PID]
//        [JR_CACHE=koud|warm] [JR_STATISCH=1] node bench/pagina_laadtijd.mjs [RUNS]
// Beside the time, the CPU time (user + sys) the browser's and the server's processes spent
// on each load: a figure that depends less on what else runs on the machine.
// Prints a table (median, p95, max, median CPU per page) and last one line:
//   RESULT pagina_p95_ms=X pagina_max_median_ms=X leeg_median_ms=X pagina_max_cpu_median_ms=X runs=N cache=koud|warm
import path from 'node:path';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
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
const paginas = (process.env.JR_PAGINAS || '/overzicht,/trajecten,/doelen,/vergelijken,/contracten/budgetplafonds,/contracten/uitgaven,/wachttijden').split(',');

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

// The page's mark `jr-getoond` (ms since the start of its navigation), awaited in the page's
// main world; a navigation that has not committed its new document yet is waited out.
const MARK = `new Promise((klaar) => new PerformanceObserver((lijst, obs) => {
  const m = lijst.getEntriesByName('jr-getoond')[0];
  if (m) { obs.disconnect(); klaar(m.startTime); }
}).observe({ type: 'mark', buffered: true }))`;
async function wachtOpMark(cdp) {
  for (let poging = 0; ; poging++) {
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: MARK, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    } catch (e) {  // the old document's context went away under the call
      if (poging > 20) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const warm = process.env.JR_CACHE === 'warm';
const tabs = new Map();  // warm: one tab per server and page, navigated again for every load
async function nieuweTab(server) {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'nl-NL' });
  if (server.cookies.length) await ctx.addCookies(server.cookies);
  const page = await ctx.newPage();
  return { ctx, page, cdp: await ctx.newCDPSession(page) };
}
async function tab(server, pad) {
  if (!warm) return nieuweTab(server);
  if (!tabs.has(server.url + pad)) tabs.set(server.url + pad, await nieuweTab(server));
  return tabs.get(server.url + pad);
}

async function meet(server, pad, klaar, cpu) {
  const { ctx, page, cdp } = await tab(server, pad);
  const cpu0 = cpuMs(server.pid);  // after the context and its first page exist: only the load
  await page.goto(`${server.url}${pad}`, { waitUntil: klaar ? 'commit' : 'load' });
  const ms = klaar
    ? await wachtOpMark(cdp)
    : (await cdp.send('Runtime.evaluate', { expression: "performance.getEntriesByType('navigation')[0].loadEventEnd", returnByValue: true })).result.value;
  cpu.push(cpuMs(server.pid) - cpu0);
  if (!warm) await ctx.close();
  return ms;
}

// JR_STATISCH: the finished pages as static files (see the top), served with the dashboard's
// stylesheet (brotli, as the server sends it) by a bare node HTTP server.
const statisch = new Map();  // path -> html
const STATISCH_MARK = "addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => performance.mark('jr-getoond'), 0)));";
async function startStatisch() {
  const css = path.join(repo, 'web', 'dist', 'dashboard.css');
  const br = existsSync(`${css}.br`);
  const cssInhoud = readFileSync(br ? `${css}.br` : css);
  const srv = http.createServer((req, res) => {
    const pad = req.url.split('?')[0];
    if (pad === '/dist/dashboard.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', ...(br ? { 'Content-Encoding': 'br' } : {}) });
      res.end(cssInhoud);
    } else if (pad === '/statisch-mark.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(STATISCH_MARK);
    } else if (statisch.has(pad)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(statisch.get(pad));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  return { naam: 'statisch ', url: `http://127.0.0.1:${srv.address().port}`, cookies: [], pid: undefined, http: srv };
}
async function maakStatisch(server, pad) {
  const { ctx, page, cdp } = await nieuweTab(server);
  await page.goto(`${server.url}${pad}`, { waitUntil: 'commit' });
  await wachtOpMark(cdp);
  const { result } = await cdp.send('Runtime.evaluate', { returnByValue: true, expression: `(() => {
    for (const el of document.querySelectorAll('script, link[rel=modulepreload]')) el.remove();
    const s = document.createElement('script');
    s.src = '/statisch-mark.js';
    document.head.prepend(s);
    return '<!doctype html>' + document.documentElement.outerHTML;
  })()` });
  await ctx.close();
  statisch.set(pad, result.value);
}

const kwantiel = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

// Per row and server: [label, times, cpu].
const rijen = [];
async function rij(pad, klaar, lijst = servers) {
  const metingen = lijst.map((sv) => [`${sv.naam}${pad}`, [], []]);
  if (klaar || warm) for (const sv of lijst) await meet(sv, pad, klaar, []);  // fills the server's cache (warm: and the browser's)
  for (let i = 0; i < runs; i++)
    for (const [k, sv] of lijst.entries()) metingen[k][1].push(await meet(sv, pad, klaar, metingen[k][2]));
  rijen.push(...metingen);
}
await rij('/dist/dashboard.css', false);
const statischServer = process.env.JR_STATISCH === '1' ? await startStatisch() : null;
for (const pad of paginas) {
  await rij(pad, true);
  if (!statischServer) continue;
  await maakStatisch(servers[0], pad);
  await rij(pad, true, [statischServer]);
}
statischServer?.http.close();
for (const { ctx } of tabs.values()) await ctx.close();
await browser.close();
rmSync(profiel, { recursive: true, force: true });

console.log('pagina                            mediaan_ms    p95_ms    max_ms  cpu_mediaan_ms');
for (const [pad, t, c] of rijen)
  console.log(`${pad.padEnd(33)} ${kwantiel(t, 0.5).toFixed(1).padStart(9)} ${kwantiel(t, 0.95).toFixed(1).padStart(9)} ${Math.max(...t).toFixed(1).padStart(9)} ${kwantiel(c, 0.5).toFixed(0).padStart(15)}`);
// The RESULT line is about the measured server's pages (not the floor, not the peer).
const eigen = rijen.filter(([pad]) => !/^(peer|statisch) /.test(pad) && pad !== '/dist/dashboard.css');
const p95 = Math.max(...eigen.map(([, t]) => kwantiel(t, 0.95)));
const maxMediaan = Math.max(...eigen.map(([, t]) => kwantiel(t, 0.5)));
const maxCpu = Math.max(...eigen.map(([, , c]) => kwantiel(c, 0.5)));
console.log(`RESULT pagina_p95_ms=${p95.toFixed(1)} pagina_max_median_ms=${maxMediaan.toFixed(1)} leeg_median_ms=${kwantiel(rijen[0][1], 0.5).toFixed(1)} pagina_max_cpu_median_ms=${maxCpu.toFixed(0)} runs=${runs} cache=${warm ? 'warm' : 'koud'}`);
