// Wachttijden: the distribution of the wait from aanmelding to start, per aanbieder, product and
// gemeente against the norm; the current wachtlijst; the norms (editable).
import { haal, stuur, foutTekst, leesFilters, zetFilters, toonMelding, vulKeuze, periodeOpties, markeerKlaar, startPagina } from './api.js';
import { formatteer } from './opmaak.js';
import { toonTabel } from './tabel.js';
import { toonKaarten } from './kaarten.js';
import { staven, grafiekenGeladen } from './grafiek.js';

const $ = (id) => document.getElementById(id);
let aanbieders = [];
let gemeenten = [];
let producten = [];

// The requests of a first view in two rounds: what needs nothing (with the default periode
// and peildatum from `wachttijden` without parameters), then the gemeente names of the
// peildatum's year and, for another periode or filter, its figures.
let eerste = null;

async function start() {
  try {
    const f0 = leesFilters({ periode: '', gemeente: '', aanbieder: '' });
    // The list and the norms do not depend on the periode: asked for alongside. The list names
    // toewijzingen: only for the roles that see it (data-rollen).
    const lijst = wachtlijst(f0.gemeente, f0.aanbieder);
    lijst.catch(() => {});  // a refusal is shown where it is awaited
    const normen = haal('wachttijdnormen');
    normen.catch(() => {});
    const [perioden, a, p, basis] = await Promise.all([haal('perioden'), haal('aanbieders'), haal('producten'), haal('wachttijden')]);
    aanbieders = a.aanbieders;
    producten = p.producten;
    const opties = periodeOpties(perioden);
    if (!opties.some(([w]) => w === basis.periode)) opties.unshift([basis.periode, basis.periode]);
    const f = { ...f0, periode: f0.periode || basis.periode };
    vulKeuze($('periode'), opties, f.periode);
    const v = haal('voorzieningen', { jaar: basis.peildatum.slice(0, 4) });
    v.catch(() => {});
    // The default view is `basis` itself; another one is fetched beside the gemeente names.
    const periode = $('periode').value;
    const standaard = periode === basis.periode && !f.gemeente && !f.aanbieder;
    eerste = { periode, gemeente: f.gemeente, aanbieder: f.aanbieder, lijst, normen,
      w: standaard ? Promise.resolve(basis) : haal('wachttijden', { periode, gemeente: f.gemeente, aanbieder: f.aanbieder }) };
    eerste.w.catch(() => {});
    gemeenten = (await v).gemeenten.map((g) => [g.gemeente, g.naam]);
    vulKeuze($('gemeente'), [['', 'Hele regio'], ...gemeenten], f.gemeente);
    vulKeuze($('aanbieder'), [['', 'Alle aanbieders'], ...aanbieders.filter((x) => x.soort === 'aanbieder').map((x) => [x.agb, x.naam])], f.aanbieder);
    for (const id of ['periode', 'gemeente', 'aanbieder']) $(id).addEventListener('change', () => laad(true));
    $('norm-formulier').addEventListener('submit', slaNormOp);
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

const naamAanbieder = (agb) => aanbieders.find((a) => a.agb === agb)?.naam ?? agb;
const naamGemeente = (code) => gemeenten.find(([c]) => c === code)?.[1] ?? code;
function naamProduct(k) {
  const [c, p] = k.split(' ');
  return `${k} ${producten.find((x) => x.productcategorie === c && x.productcode === p)?.omschrijving ?? ''}`.trim();
}

async function laad(nieuw) {
  const periode = $('periode').value;
  const gemeente = $('gemeente').value;
  const aanbieder = $('aanbieder').value;
  zetFilters({ periode, gemeente, aanbieder }, nieuw);
  toonMelding($('melding'), '');
  try {
    // The list is fetched alongside the figures, not after they are drawn (on the first view
    // already by start()).
    const vooraf = eerste && eerste.periode === periode && eerste.gemeente === gemeente && eerste.aanbieder === aanbieder ? eerste : null;
    eerste = null;
    const lijst = vooraf ? vooraf.lijst : wachtlijst(gemeente, aanbieder);
    lijst.catch(() => {});  // a refusal is shown where it is awaited
    const [w, normen] = await Promise.all(vooraf ? [vooraf.w, vooraf.normen]
      : [haal('wachttijden', { periode, gemeente, aanbieder }), haal('wachttijdnormen')]);
    await grafiekenGeladen;
    kaartenVan(w);
    toonVerdeling(w);
    toonGroep('aanbieders', 'Aanbieder', w.perAanbieder, naamAanbieder, w, true);
    toonGroep('producten', 'Product', w.perProduct, naamProduct, w);
    toonGroep('gemeenten', 'Gemeente', w.perGemeente, naamGemeente, w);
    toonNormen(normen);
    await toonWachtlijst(lijst);
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function kaartenVan(w) {
  const t = w.totaal;
  const kaarten = [
    { sleutel: 'mediaan', label: `Mediaan wachttijd tot start, ${w.periode}`, waarde: t.mediaanDagen, eenheid: 'dagen', toelichting: `${formatteer(t.aantal, 'aantal')} gestart · 90% binnen ${formatteer(t.p90Dagen, 'dagen')}` },
    { sleutel: 'pctBovenNorm', label: 'Boven de norm', waarde: t.pctBovenNorm, eenheid: 'procent', toelichting: `norm ${w.normen['*']} weken (algemeen)` },
    { sleutel: 'wachtlijst', label: `Wachtlijst op ${w.peildatum}`, waarde: w.wachtlijst.aantal, eenheid: 'aantal', toelichting: `${formatteer(w.wachtlijst.bovenNorm, 'aantal')} langer dan de norm` },
    { sleutel: 'nooitGestart', label: 'Toegewezen, nooit gestart', waarde: w.nooitGestart, eenheid: 'aantal', toelichting: 'toewijzing beëindigd zonder startbericht' },
  ];
  toonKaarten($('kaarten'), kaarten);
}

function klasseNaam(k) {
  return k.totWeken === null ? `${k.vanWeken} weken of langer` : `${k.vanWeken} tot ${k.totWeken} weken`;
}

function toonVerdeling(w) {
  const rijen = w.klassen.map((k, i) => [klasseNaam(k), w.totaal.klassen[i]]);
  toonTabel($('tabel-verdeling'), {
    id: 'verdeling',
    titel: `Wachttijd van aanmelding tot start, ${w.periode}`,
    kolommen: [{ naam: 'Wachttijd' }, { naam: 'Gestart', eenheid: 'aantal', sleutel: 'aantal' }],
    rijen,
  });
  staven($('grafiek-verdeling'), { labels: rijen.map((r) => r[0]), eenheid: 'aantal', reeksen: [{ naam: 'Gestart', waarden: rijen.map((r) => r[1]) }] });
}

function toonGroep(soort, kop, lijst, naam, w, metWachtend = false) {
  const gesorteerd = [...lijst].sort((a, b) => (b.mediaanDagen ?? 0) - (a.mediaanDagen ?? 0));
  const kolommen = [{ naam: kop }, { naam: 'Code', heel: true }, { naam: 'Gestart', eenheid: 'aantal', sleutel: 'aantal' },
    { naam: 'Mediaan (dagen)', eenheid: 'aantal', sleutel: 'mediaanDagen' }, { naam: '80% binnen (dagen)', eenheid: 'aantal', sleutel: 'p80Dagen' },
    { naam: '90% binnen (dagen)', eenheid: 'aantal', sleutel: 'p90Dagen' }, { naam: 'Tot toewijzing (mediaan, dagen)', eenheid: 'aantal', sleutel: 'mediaanTotToewijzingDagen' },
    { naam: 'Toewijzing tot start (mediaan, dagen)', eenheid: 'aantal', sleutel: 'mediaanToewijzingTotStartDagen' },
    { naam: 'Boven norm', eenheid: 'procent', sleutel: 'pctBovenNorm' }];
  if (metWachtend) kolommen.push({ naam: 'Wachtend', eenheid: 'aantal', sleutel: 'wachtend' });
  const rijen = gesorteerd.map((g) => {
    const r = [naam(g.sleutel), g.sleutel, g.aantal, g.mediaanDagen, g.p80Dagen, g.p90Dagen, g.mediaanTotToewijzingDagen, g.mediaanToewijzingTotStartDagen, g.pctBovenNorm];
    if (metWachtend) r.push(g.wachtend);
    return r;
  });
  toonTabel($(`tabel-${soort}`), { id: soort, titel: `Wachttijd per ${kop.toLowerCase()}, ${w.periode}`, kolommen, rijen });
  staven($(`grafiek-${soort}`), {
    labels: rijen.map((r) => r[0]),
    eenheid: 'dagen',
    horizontaal: true,
    reeksen: [{ naam: 'Mediaan (dagen)', waarden: rijen.map((r) => r[3]) }, { naam: '90% binnen (dagen)', waarden: rijen.map((r) => r[5]) }],
    leesbaar: { labelBreedte: 260 },
    hoogte: metWachtend ? Math.max(320, 60 + rijen.length * 34) : undefined,
  });
}

function wachtlijst(gemeente, aanbieder) {
  return $('blok-wachtlijst').hidden ? Promise.resolve(null) : haal('wachtlijst', { gemeente, aanbieder });
}

async function toonWachtlijst(lijst) {
  try {
    const l = await lijst;
    if (!l) return;
    $('kop-wachtlijst').textContent = `Wachtlijst op ${l.peildatum}: ${formatteer(l.wachtlijst.length, 'aantal')} toegewezen, niet gestart`;
    toonMelding($('melding-wachtlijst'), '');
    toonTabel($('tabel-wachtlijst'), {
      id: 'wachtlijst',
      titel: `Wachtlijst op ${l.peildatum}`,
      kolommen: [{ naam: 'Toewijzing', heel: true }, { naam: 'Gemeente' }, { naam: 'Aanbieder' }, { naam: 'Product' }, { naam: 'Aanmelding' },
        { naam: 'Bron' }, { naam: 'Toegewezen' }, { naam: 'Dagen wachtend', eenheid: 'aantal', sleutel: 'dagenWachtend' },
        { naam: 'Norm (dagen)', eenheid: 'aantal', sleutel: 'normDagen' }, { naam: 'Boven norm' }],
      rijen: l.wachtlijst.map((x) => [`${x.gemeente}-${x.toewijzingNummer}`, naamGemeente(x.gemeente), x.aanbiederNaam, naamProduct(`${x.productcategorie} ${x.productcode}`),
        x.aanmelding, x.aanmeldingBron === 'jw315' ? 'verzoek (JW315)' : 'beschikking', x.toewijzingsdatum, x.dagenWachtend, x.normDagen, x.bovenNorm ? 'ja' : 'nee']),
    });
  } catch (e) {
    // The list could not be read: the page still shows the figures above.
    $('tabel-wachtlijst').innerHTML = '';
    toonMelding($('melding-wachtlijst'), e.message, 'info');
  }
}

// The norms as last shown, with their versions: saving one names the version it changes.
let getoondeNormen = [];

function toonNormen(n) {
  getoondeNormen = n.normen;
  toonTabel($('tabel-normen'), {
    id: 'normen',
    titel: 'Normen voor de wachttijd van aanmelding tot start',
    kolommen: [{ naam: 'Productcategorie' }, { naam: 'Norm (weken)', eenheid: 'aantal', sleutel: 'weken' }],
    rijen: n.normen.map((x) => [x.productcategorie === '*' ? '* (alle overige)' : x.productcategorie, x.weken]),
  });
}

async function slaNormOp(ev) {
  ev.preventDefault();
  const cat = $('norm-categorie').value.trim() || '*';
  try {
    const bestaand = getoondeNormen.find((x) => x.productcategorie === cat);
    await stuur('PUT', `wachttijdnormen/${encodeURIComponent(cat)}`, { weken: Number($('norm-weken').value) },
      bestaand ? { versie: bestaand.versie } : { nieuw: true });
    toonMelding($('formulier-fouten'), '');
    $('norm-formulier').reset();
    await laad(false);
  } catch (e) {
    toonMelding($('formulier-fouten'), foutTekst(e));
  }
}

startPagina(start);
