// Accessibility: axe-core (npm axe-core, in web/node_modules) checks every page of the
// dashboard against WCAG 2.1 A and AA as each demo role sees it, and the login page without a
// session. Any violation of impact serious or critical fails the test, with the rule, the
// elements and axe's summary; moderate and minor ones are reported as diagnostics.
//
// Beside it, the pages per role, written by hand (not taken from the pages' own data-rollen):
// which pages a role gets and which show 'Niet voor uw rol', where /contracten leads, and that a
// page asks the API nothing it refuses that role.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, ARTEFACTEN, GEBRUIKERS, metBrowser, nieuwePagina, open } from './gedeeld.mjs';

const AXE = readFileSync(path.join(REPO, 'web', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const PAGINAS = ['/overzicht', '/trajecten', '/doelen', '/vergelijken', '/contracten', '/contracten/budgetplafonds',
  '/contracten/uitgaven', '/contracten/contracten', '/contracten/registers', '/wachttijden', '/prognose'];
// The pages each role gets; on every other page it sees 'Niet voor uw rol'.
const PAGINAS_VAN_ROL = {
  beleidsmedewerker: PAGINAS,
  contractmanager: PAGINAS,
  jeugdconsulent: ['/contracten', '/contracten/registers'],
  regisseur: [],
  functioneelBeheerder: [],
  privacyOfficer: [],
};
// Where /contracten leads each role: the first page of Contracten & budget that is there for
// it (the same filters along), or nowhere.
const CONTRACTEN_NAAR = {
  beleidsmedewerker: '/contracten/budgetplafonds',
  contractmanager: '/contracten/budgetplafonds',
  jeugdconsulent: '/contracten/registers',
};

const b = metBrowser();

// axe-core on the page as it is now: the violations of WCAG 2.1 A/AA rules, split by impact.
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), WCAG21AA);
  const beschrijf = (v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join(' | ')}`;
  const ernstig = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return { ernstig: ernstig.map(beschrijf), overig: r.violations.filter((v) => !ernstig.includes(v)).map(beschrijf) };
}

async function controleer(t, page, wat) {
  const { ernstig, overig } = await axe(page);
  for (const o of overig) t.diagnostic(`${wat}: ${o}`);
  if (ernstig.length) await page.screenshot({ path: path.join(ARTEFACTEN, `axe-${wat.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  assert.deepEqual(ernstig, [], `${wat}: WCAG 2.1 AA`);
}

test('toegankelijkheid: de inlogpagina zonder sessie', async (t) => {
  const { context, page, fouten } = await nieuwePagina(b.browser, null);
  await open(page, '/inloggen');
  await controleer(t, page, 'inloggen');
  // The same page with the message of a wrong password.
  await page.fill('#gebruikersnaam', 'niemand');
  await page.fill('#wachtwoord', 'niet-het-wachtwoord');
  await page.click('#inloggen');
  await page.waitForSelector('#melding .utrecht-alert');
  await controleer(t, page, 'inloggen met melding');
  assert.deepEqual(fouten.filter((f) => !/status of 401/.test(f)), []);
  await context.close();
});

assert.ok(GEBRUIKERS.length >= 6, `run.sh maakt een gebruiker per demorol: ${GEBRUIKERS.map((g) => g.naam)}`);
for (const g of GEBRUIKERS) {
  test(`toegankelijkheid: elke pagina als ${g.naam} (${g.rol})`, async (t) => {
    const vanRol = PAGINAS_VAN_ROL[g.rol];
    assert.ok(vanRol, `rol ${g.rol} staat in PAGINAS_VAN_ROL`);
    const { context, page, fouten, geweigerd } = await nieuwePagina(b.browser, g);
    // A subtest per page: one page's failure does not hide the next page's.
    for (const pad of PAGINAS) {
      await t.test(pad, async (st) => {
        fouten.length = 0;
        geweigerd.length = 0;
        await open(page, pad, 120000);
        const hier = new URL(page.url()).pathname;
        assert.equal(hier, pad === '/contracten' ? CONTRACTEN_NAAR[g.rol] ?? pad : pad, `${g.naam}: ${pad} leidt naar`);
        const voorRol = vanRol.includes(pad);
        assert.equal(await page.locator('#niet-voor-rol').count(), voorRol ? 0 : 1, `${g.naam}: ${pad} ${voorRol ? 'toont de pagina' : 'is niet voor de rol'}`);
        if (!voorRol) {
          // It offers only pages that are there for the role.
          const links = await page.$$eval('#niet-voor-rol a', (as) => as.map((a) => a.getAttribute('href')));
          for (const l of links) assert.ok(vanRol.includes(l), `${g.naam}: ${pad} biedt ${l} aan`);
        }
        // The navigation shows only the role's pages (hidden links are out of the tab order too).
        const zichtbaar = await page.$$eval('nav a[data-pagina]', (as) => as.filter((a) => a.offsetParent !== null).map((a) => `/${a.dataset.pagina}`));
        for (const l of zichtbaar) assert.ok(vanRol.includes(l), `${g.naam}: ${pad} toont de link ${l}`);
        await controleer(st, page, `${g.naam} ${pad}`);
        assert.deepEqual(fouten.filter((f) => !f.startsWith('Failed to load resource')), [], `${g.naam}: ${pad} scriptfouten`);
        // A page asks the API nothing it refuses the role. Known exception: a beleidsmedewerker
        // of one gemeente is refused what the pages ask first for the whole regio (perioden,
        // the regio's figures), so the pages it gets show that refusal instead of figures.
        const eenGemeente = g.rol === 'beleidsmedewerker' && g.gemeente !== 'regio';
        if (!voorRol || !eenGemeente) assert.deepEqual(geweigerd, [], `${g.naam}: ${pad} vraagt wat de API weigert`);
      });
    }
    await context.close();
  });
}
