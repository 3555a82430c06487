// The page's main thread per cold load: the CPU time (thread time) of the renderer main
// thread's top-level tasks in a chromium trace, from the start of navigation until the page is
// klaar (#inhoud[data-klaar]); each load in a fresh context, as bench/pagina_laadtijd.mjs.
// What the page's own code, style, layout and ECharts cost, and far less dependent on what else
// the machine runs than the wall-clock time (a task waiting for a core spends no thread time).
// The measured server (JR_URL) and the peer (JR_URL_PEER) alternate. Started by
// `JR_MEET=pagina_hoofdthread bench/pagina_laadtijd.sh ...` (with PEER_BIN etc.).
// Prints per page the median main-thread ms of both and their ratio, every load beside it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'web', 'package.json'));
const { chromium } = require('playwright-core');
if (!process.env.JR_URL_PEER) {
  console.error('pagina_hoofdthread: JR_URL_PEER ontbreekt (PEER_BIN, PEER_WEB, PEER_DB)');
  process.exit(2);
}
const runs = Number(process.argv[2] || 7);
const paginas = (process.env.JR_PAGINAS || '/overzicht,/trajecten,/doelen,/vergelijken,/contracten/budgetplafonds,/contracten/uitgaven,/wachttijden').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const servers = [{ naam: '', url: process.env.JR_URL }, { naam: 'peer ', url: process.env.JR_URL_PEER }];
for (const s of servers) {
  const c0 = await browser.newContext();
  const r = await c0.request.post(`${s.url}/api/v1/sessie`, { data: { gebruikersnaam: process.env.JR_GEBRUIKER, wachtwoord: process.env.JR_WACHTWOORD } });
  if (!r.ok()) throw new Error('login');
  s.cookies = await c0.cookies();
  await c0.close();
}
async function meet(s, pad) {
  const ctx = await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'nl-NL' });
  await ctx.addCookies(s.cookies);
  const page = await ctx.newPage();
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  await page.goto(s.url + pad, { waitUntil: 'commit' });
  await page.waitForSelector('#inhoud[data-klaar="ja"]', { timeout: 20000 });
  const klaar = await page.evaluate(() => performance.now() + performance.timeOrigin);
  const ev = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await ctx.close();
  const namen = new Map();
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') namen.set(`${e.pid}:${e.tid}`, e.args.name);
  // the renderer of this page: the CrRendererMain with the most top-level time
  const per = new Map();
  for (const e of ev) {
    if (e.ph !== 'X' || !e.tdur || namen.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    const k = `${e.pid}:${e.tid}`;
    if (!per.has(k)) per.set(k, []);
    per.get(k).push(e);
  }
  let best = 0;
  for (const lijst of per.values()) {
    lijst.sort((a, b) => a.ts - b.ts);
    let eind = -1, som = 0;
    for (const e of lijst) { if (e.ts >= eind) { som += e.tdur; eind = e.ts + e.dur; } }
    best = Math.max(best, som / 1000);
  }
  return best;
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
await meet(servers[0], paginas[0]); await meet(servers[1], paginas[0]);
for (const pad of paginas) {
  const m = servers.map(() => []);
  for (const s of servers) await meet(s, pad);  // warm server caches
  for (let i = 0; i < runs; i++) for (const [k, s] of servers.entries()) m[k].push(await meet(s, pad));
  console.log(`${pad.padEnd(14)} hoofdthread_ms ${med(m[0]).toFixed(0).padStart(5)}  peer ${med(m[1]).toFixed(0).padStart(5)}  verhouding ${(med(m[0]) / med(m[1])).toFixed(2)}   [${m[0].map((x) => x.toFixed(0)).join(' ')}] peer [${m[1].map((x) => x.toFixed(0)).join(' ')}]`);
}
await browser.close();
