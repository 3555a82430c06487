// Builds what the dashboard loads besides its own modules, into web/dist/ (not committed):
//   dist/echarts.js     only the part of Apache ECharts the charts use (bouw/echarts.js),
//                       tree-shaken and minified by esbuild: about half of the full library;
//   dist/dashboard.css  one stylesheet: the NL Design System tokens, only the Utrecht
//                       components the pages use (bouw/dashboard.css), and css/dashboard.css;
//                       design tokens that nothing in it refers to are left out;
// and beside each a .gz and a .br copy, which the server sends to a browser that accepts them.
// Fails when a page or module uses a utrecht-* class that the stylesheet does not define (a
// component added to a page without adding its stylesheet to bouw/dashboard.css).
// Usage (in web/): npm run build   (called by the CMake build; see web/README.md)
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as z } from 'node:zlib';

const web = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(web, 'dist');
mkdirSync(dist, { recursive: true });

// Written under a temporary name and renamed, so a running server never reads half a file.
function schrijf(naam, inhoud) {
  const doel = path.join(dist, naam);
  const varianten = [
    ['', Buffer.from(inhoud)],
    ['.gz', gzipSync(inhoud, { level: 9 })],
    ['.br', brotliCompressSync(inhoud, { params: { [z.BROTLI_PARAM_QUALITY]: 11 } })],
  ];
  for (const [ext, data] of varianten) {
    writeFileSync(`${doel}${ext}.tmp`, data);
    renameSync(`${doel}${ext}.tmp`, `${doel}${ext}`);
  }
}

const basis = { bundle: true, write: false, minify: true, legalComments: 'eof', logLevel: 'warning' };

// Not marked for eager compilation (V8's `//# allFunctionsCalledOnLoad`): it moved ECharts'
// compilation off the page's main thread but compiled all of it, unused code too, and on
// two cores a cold load then cost more CPU and wall-clock time in all (bench/README.md).
const js = await build({ ...basis, entryPoints: [path.join(web, 'bouw', 'echarts.js')], format: 'esm', target: 'es2020' });
schrijf('echarts.js', js.outputFiles[0].text);

// The stylesheet unminified first, to prune the tokens; then minified.
const css = await build({ ...basis, minify: false, entryPoints: [path.join(web, 'bouw', 'dashboard.css')] });
const gesnoeid = snoeiTokens(css.outputFiles[0].text);
const klein = await build({
  ...basis,
  stdin: { contents: gesnoeid, loader: 'css', resolveDir: web },
});
const stijl = klein.outputFiles[0].text;
controleerKlassen(stijl);
schrijf('dashboard.css', stijl);

// Drops declarations of custom properties (--x: ...) that no var(--x) in the stylesheet or in
// the pages and modules refers to, directly or through another kept property.
function snoeiTokens(tekst) {
  const decl = /(^|[;{\s])(--[\w-]+)\s*:([^;{}]*)(;|(?=}))/g;
  const gebruikt = new Set();
  const verwijzingen = (s) => [...s.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  // References outside custom-property declarations are the roots.
  const zonderDecl = tekst.replace(decl, '$1');
  const bronnen = [zonderDecl, ...paginaBronnen()];
  const werk = bronnen.flatMap(verwijzingen);
  const waarden = new Map();
  for (const m of tekst.matchAll(decl)) {
    if (!waarden.has(m[2])) waarden.set(m[2], []);
    waarden.get(m[2]).push(m[3]);
  }
  while (werk.length) {
    const naam = werk.pop();
    if (gebruikt.has(naam)) continue;
    gebruikt.add(naam);
    for (const w of waarden.get(naam) || []) werk.push(...verwijzingen(w));
  }
  return tekst.replace(decl, (heel, voor, naam) => (gebruikt.has(naam) ? heel : voor));
}

// The pages (web/*.html and a section's pages such as web/contracten/*.html), the fragments in
// delen/ and the modules in js/, at any depth; never node_modules/ or dist/.
function paginaBronnen() {
  const lijst = [];
  const zoek = (map, ext) => {
    for (const e of readdirSync(map, { withFileTypes: true })) {
      const p = path.join(map, e.name);
      if (e.isDirectory() && !['node_modules', 'dist', 'bouw', 'css'].includes(e.name)) zoek(p, ext);
      else if (e.isFile() && e.name.endsWith(ext)) lijst.push(p);
    }
  };
  zoek(web, '.html');
  zoek(path.join(web, 'js'), '.js');
  return lijst.map((f) => readFileSync(f, 'utf8'));
}

function controleerKlassen(stijl) {
  const gedefinieerd = new Set([...stijl.matchAll(/\.(utrecht-[\w-]+)/g)].map((m) => m[1]));
  const ontbreekt = new Set();
  for (const bron of paginaBronnen()) {
    for (const m of bron.matchAll(/\butrecht-[a-z0-9_-]*[a-z0-9]/g)) {
      const k = m[0];
      // Token names (utrecht-color-*) in var() are custom properties, not classes; the theme
      // classes are in the stylesheet as selectors.
      if (bron[m.index - 1] === '-' || gedefinieerd.has(k)) continue;
      ontbreekt.add(k);
    }
  }
  if (ontbreekt.size) {
    console.error(`bouw: klassen zonder stijl in dist/dashboard.css (voeg de component toe aan bouw/dashboard.css): ${[...ontbreekt].join(', ')}`);
    process.exit(1);
  }
}
