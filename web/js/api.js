// Talking to /api/v1, and keeping a page's filters in its URL (so every view has a stable URL).

export class ApiFout extends Error {
  constructor(probleem) {
    super(probleem.detail || probleem.title || 'Onbekende fout');
    this.probleem = probleem;
  }
}

// The session of this page: who is logged in, and the CSRF token that every POST, PUT and
// DELETE carries in X-CSRF-Token. Without a session the login page takes over.
let sessie = null;

function naarInloggen() {
  if (location.pathname === '/inloggen') return;
  location.assign(`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`);
}

export function haalSessie() {
  sessie ??= (async () => {
    const r = await fetch('/api/v1/sessie', { headers: { Accept: 'application/json' } });
    if (r.status === 401) {
      naarInloggen();
      throw new ApiFout({ status: 401, title: 'Niet ingelogd', detail: 'U bent niet (meer) ingelogd.' });
    }
    return r.json();
  })();
  return sessie;
}

// The roles by their Dutch names, one and more (the API names them in lowerCamelCase).
const ROLNAMEN = {
  jeugdconsulent: ['jeugdconsulent', 'jeugdconsulenten'],
  regisseur: ['regisseur', 'regisseurs'],
  contractmanager: ['contractmanager', 'contractmanagers'],
  beleidsmedewerker: ['beleidsmedewerker', 'beleidsmedewerkers'],
  functioneelBeheerder: ['functioneel beheerder', 'functioneel beheerders'],
  privacyOfficer: ['privacy officer', 'privacy officers'],
};
const rolNaam = (rol, meer = false) => ROLNAMEN[rol]?.[meer ? 1 : 0] ?? rol;

// Whether the logged-in user has one of `rollen`.
export async function heeftRol(...rollen) {
  return rollen.includes((await haalSessie()).rol);
}

// Roles that may see figures without disclosure control (the server enforces this; the
// pages only follow it): the others always get niveau publiek.
const PERSOONSRECHTEN = new Set(['jeugdconsulent', 'regisseur', 'contractmanager', 'aanbieder']);
export async function magIntern() {
  return PERSOONSRECHTEN.has((await haalSessie()).rol);
}

// Headers for a state-changing request.
export async function csrfKoppen() {
  const s = await haalSessie();
  return { 'X-CSRF-Token': s.csrfToken };
}

async function uitloggen() {
  try {
    await fetch('/api/v1/sessie', { method: 'DELETE', headers: await csrfKoppen() });
  } finally {
    location.assign('/inloggen');
  }
}

// The regio, the logged-in user and a logout button in the page header.
async function toonGebruiker() {
  const kop = document.querySelector('.jr-kop');
  if (!kop || kop.classList.contains('jr-kop--inloggen')) return;
  const s = await haalSessie();
  const regio = document.getElementById('regio-naam');
  if (regio && s.regio && !regio.textContent) regio.textContent = s.regio;
  const blok = document.createElement('div');
  blok.className = 'jr-kop__gebruiker';
  const wie = document.createElement('span');
  wie.id = 'gebruiker-naam';
  wie.textContent = `${s.gebruikersnaam} (${rolNaam(s.rol)}${s.gemeente ? `, gemeente ${s.gemeente}` : ''})`;
  const knop = document.createElement('button');
  knop.type = 'button';
  knop.id = 'uitloggen';
  knop.className = 'utrecht-button utrecht-button--secondary-action';
  knop.textContent = 'Uitloggen';
  knop.addEventListener('click', uitloggen);
  blok.append(wie, knop);
  kop.append(blok);
  if (!(await magIntern())) alleenPubliek();
}

// Without person-level rights only figures with disclosure control: the niveau choice shows
// publiek and cannot be set to intern.
function alleenPubliek() {
  const niveau = typeof document !== 'undefined' && document.getElementById('niveau');
  if (!niveau) return;
  niveau.value = 'publiek';
  for (const o of niveau.options) if (o.value === 'intern') o.disabled = true;
  niveau.title = 'Uw rol ziet alleen aantallen met onthullingsbeheersing';
}
// Who sees what. The links of the navigation, and blocks of a page such as a form that
// writes, name in data-rollen the roles whose work they serve, as the API's route table admits
// those roles (the server decides; the pages follow, so that nobody is offered what the API
// would refuse): for the other roles they are hidden.
const rollenVan = (el) => el.dataset.rollen.split(/\s+/).filter(Boolean);

function volgRol(rol) {
  for (const el of document.querySelectorAll('[data-rollen]'))
    if (!rollenVan(el).includes(rol)) (el.closest('.utrecht-nav-list__item') ?? el).hidden = true;
  // A navigation with nothing left for the role goes altogether (no empty landmark).
  for (const nav of document.querySelectorAll('nav.utrecht-nav-bar'))
    if (!nav.querySelector('.utrecht-nav-list__item:not([hidden])')) nav.hidden = true;
}

// A page starts its own work once the session is known. For a role the page does not serve
// (its own link in the navigation says which), it shows 'niet voor uw rol' instead, and asks the
// API nothing that the API would refuse.
export async function startPagina(start) {
  let s;
  try {
    s = await haalSessie();
  } catch (e) {
    if (e instanceof ApiFout && e.probleem.status === 401) return;  // on to the login page
    return start();  // the page shows what went wrong
  }
  volgRol(s.rol);
  const eigen = document.querySelector('a[aria-current="page"][data-rollen]');
  if (eigen && !rollenVan(eigen).includes(s.rol)) {
    toonNietVoorRol(s, eigen);
    markeerKlaar();
    return;
  }
  return start();
}

const opsomming = (lijst) => (lijst.length < 2 ? lijst.join('') : `${lijst.slice(0, -1).join(', ')} en ${lijst.at(-1)}`);

function alinea(...delen) {
  const p = document.createElement('p');
  p.className = 'utrecht-paragraph';
  p.append(...delen);
  return p;
}

// In place of the page's content (its heading stays): for whom the page is, who is logged in,
// and the pages that are there for this role (on a page of a section such as Contracten &
// budget, that section's own pages for the role rather than the section's entry).
function toonNietVoorRol(s, eigen) {
  const inhoud = document.getElementById('inhoud');
  const kop = inhoud.querySelector('h1');
  for (const el of [...inhoud.children]) if (el !== kop) el.remove();
  inhoud.dataset.voorRol = 'nee';
  const blok = document.createElement('section');
  blok.className = 'utrecht-alert utrecht-alert--info jr-niet-voor-rol';
  blok.id = 'niet-voor-rol';
  blok.setAttribute('aria-labelledby', 'niet-voor-rol-kop');
  const bericht = document.createElement('div');
  bericht.className = 'utrecht-alert__message';
  const h2 = document.createElement('h2');
  h2.className = 'utrecht-heading-2';
  h2.id = 'niet-voor-rol-kop';
  h2.textContent = 'Niet voor uw rol';
  bericht.append(h2, alinea(`Deze pagina is er voor ${opsomming(rollenVan(eigen).map((r) => rolNaam(r, true)))}. `
    + `U bent ingelogd als ${rolNaam(s.rol)}${s.gemeente ? ` van gemeente ${s.gemeente}` : ''}.`));
  const voorRol = (a) => rollenVan(a).includes(s.rol);
  const sectie = document.querySelector('.jr-nav a[aria-current="true"]');
  const voorU = [...document.querySelectorAll('.jr-nav a[data-rollen], .jr-subnav a[data-rollen]')]
    .filter((a) => voorRol(a) && a !== sectie);
  if (voorU.length) {
    const links = voorU.map((a) => {
      const l = document.createElement('a');
      l.className = 'utrecht-link utrecht-link--html-a';
      l.href = a.getAttribute('href');
      l.textContent = a.textContent;
      return l;
    });
    bericht.append(alinea(`${voorU.length === 1 ? 'De pagina' : "De pagina's"} voor uw rol: `,
      ...links.flatMap((l, i) => (i ? [i === links.length - 1 ? ' en ' : ', ', l] : [l])), '.'));
  } else {
    bericht.append(alinea('Voor uw rol zijn er in het dashboard (nog) geen pagina\'s.'));
  }
  if (s.rol !== 'functioneelBeheerder') bericht.append(alinea('Hebt u deze pagina voor uw werk nodig? Vraag de functioneel beheerder dan om een andere rol.'));
  const inhoudBlok = document.createElement('div');
  inhoudBlok.className = 'utrecht-alert__content';
  inhoudBlok.append(bericht);
  blok.append(inhoudBlok);
  inhoud.append(blok);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => toonGebruiker().catch(() => {}));
  else toonGebruiker().catch(() => {});
}

async function antwoord(r) {
  const type = r.headers.get('Content-Type') || '';
  if (r.status === 401) naarInloggen();
  if (!r.ok) {
    if (type.startsWith('application/problem+json')) throw new ApiFout(await r.json());
    throw new ApiFout({ status: r.status, title: r.statusText, detail: `HTTP ${r.status}` });
  }
  if (r.status === 204) return null;
  return r.json();
}

// GET /api/v1/<pad> with query parameters (undefined and '' are left out).
export async function haal(pad, params = {}) {
  if (params.niveau === 'intern' && !(await magIntern())) {
    params = { ...params, niveau: 'publiek' };
    alleenPubliek();
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = `/api/v1/${pad}${q.size ? `?${q}` : ''}`;
  return antwoord(await fetch(url, { headers: { Accept: 'application/json' } }));
}

// A POST, PUT or DELETE. An edit names the version it started from (`versie`: the record's
// `versie` field, sent as If-Match), or `nieuw` for a record that must not exist yet
// (If-None-Match: *): when someone else changed the record in between, the server refuses
// (412) and the page says so instead of overwriting that change.
export async function stuur(methode, pad, body, { versie, nieuw } = {}) {
  const koppen = { Accept: 'application/json', ...(await csrfKoppen()) };
  if (body !== undefined) koppen['Content-Type'] = 'application/json';
  if (versie !== undefined && versie !== null && versie !== '') koppen['If-Match'] = `"${versie}"`;
  if (nieuw) koppen['If-None-Match'] = '*';
  const r = await fetch(`/api/v1/${pad}`, {
    method: methode,
    headers: koppen,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return antwoord(r);
}

// The message for a refused edit: a lost update gets the advice to load the record again.
export function foutTekst(fout) {
  if (fout instanceof ApiFout && fout.probleem.code === 'precondition-failed')
    return 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging daarna opnieuw aan.';
  if (fout instanceof ApiFout && fout.probleem.invalidParams?.length)
    return fout.probleem.invalidParams.map((p) => p.reason).join('; ');
  return fout.message;
}

// The page's filters from its URL, with defaults.
export function leesFilters(standaard) {
  const q = new URLSearchParams(location.search);
  const uit = { ...standaard };
  for (const k of Object.keys(standaard)) if (q.has(k)) uit[k] = q.get(k);
  return uit;
}

// Writes the filters into the URL (replacing the history entry unless `nieuw`).
export function zetFilters(filters, nieuw = false) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = `${location.pathname}${q.size ? `?${q}` : ''}`;
  if (nieuw) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export function toonMelding(el, tekst, soort = 'error') {
  el.innerHTML = '';
  if (!tekst) return;
  const div = document.createElement('div');
  div.className = `utrecht-alert utrecht-alert--${soort}`;
  div.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.className = 'utrecht-paragraph';
  p.textContent = tekst;
  div.append(p);
  el.append(div);
}

// Fills a <select> with [value, label] pairs and selects `gekozen` when present.
export function vulKeuze(select, opties, gekozen) {
  select.innerHTML = '';
  for (const [waarde, label] of opties) {
    const o = document.createElement('option');
    o.value = waarde;
    o.textContent = label;
    select.append(o);
  }
  if (gekozen !== undefined && opties.some(([w]) => w === gekozen)) select.value = gekozen;
}

// Period choices: half years and years, newest first.
export function periodeOpties(perioden) {
  const hj = [...perioden.halfjaren].reverse().map((p) => [p, `${p.slice(0, 4)} ${p.slice(4) === 'H1' ? 'eerste' : 'tweede'} halfjaar`]);
  const j = [...perioden.jaren].reverse().map((p) => [p, `${p} heel jaar`]);
  return [...hj, ...j];
}

// The page's figures are in place: `data-klaar` for the tests, and two marks on the page's
// own clock for bench/pagina_laadtijd.mjs: `jr-klaar` now, and `jr-getoond` once the frame
// that shows them has been drawn (the task after the next animation frame).
export function markeerKlaar() {
  const inhoud = document.getElementById('inhoud');
  if (inhoud.dataset.klaar === 'ja') return;
  inhoud.dataset.klaar = 'ja';
  performance.mark('jr-klaar');
  requestAnimationFrame(() => setTimeout(() => performance.mark('jr-getoond'), 0));
}
