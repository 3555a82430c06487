// Contracten & budget, Budgetplafonds: the use of each plafond with its forecast to the end of
// the year and the signals at 80, 90 and 100%; a form to add, change and remove plafonds; the
// plafondtoets of a toewijzing.
import { haal, stuur, foutTekst, toonMelding, vulKeuze, markeerKlaar, startPagina } from '../api.js';
import { formatteer } from '../opmaak.js';
import { toonTabel } from '../tabel.js';
import { toonKaarten } from '../kaarten.js';
import { staven, grafiekenGeladen } from '../grafiek.js';
import { $, vulFilters, volgFilters, gemeenteNaam } from './gedeeld.js';

const SIGNALEN = { 0: 'onder 80%', 80: '80% bereikt', 90: '90% bereikt', 100: 'plafond bereikt' };
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
let aanbieders = [];
let gemeenten = [];
let producten = [];

// 2024-03-05 -> '5 mrt 2024'; '–' for none.
function datumNl(iso) {
  if (!iso) return '–';
  const [j, m, d] = iso.split('-');
  return `${Number(d)} ${MAANDEN[Number(m) - 1]} ${j}`;
}

function signaalCel(signaal) {
  const span = document.createElement('span');
  span.className = 'jr-signaal';
  span.dataset.signaal = String(signaal);
  span.textContent = SIGNALEN[signaal];
  return { element: span, waarde: signaal, tekst: SIGNALEN[signaal] };
}

async function start() {
  try {
    const toetsen = !$('toets-blok').hidden;
    const [a, p, f] = await Promise.all([haal('aanbieders'), toetsen ? haal('producten') : { producten: [] }, vulFilters()]);
    aanbieders = a.aanbieders;
    producten = p.producten;
    gemeenten = f.gemeenten;
    if (!f.pl.jaren.length) {
      const hier = $('plafond-formulier-blok').hidden ? '' : ' of voeg er hieronder een toe';
      toonMelding($('melding'), `Er zijn nog geen budgetplafonds. Importeer budgetplafonds.csv${hier}.`, 'info');
    }
    vulFormulieren();
    for (const id of ['jaar', 'gemeente']) $(id).addEventListener('change', () => laad(true));
    $('plafond-formulier').addEventListener('submit', slaPlafondOp);
    $('plafond-annuleren').addEventListener('click', leegFormulier);
    $('toets-formulier').addEventListener('submit', toets);
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

function vulFormulieren() {
  const metPlafond = aanbieders.filter((a) => !a.vrijgesteld).map((a) => [a.agb, `${a.naam} (${a.agb})`]);
  vulKeuze($('plafond-aanbieder'), metPlafond);
  vulKeuze($('toets-aanbieder'), metPlafond);
  vulKeuze($('plafond-gemeente'), [['', 'Alle gemeenten'], ...gemeenten]);
  vulKeuze($('toets-gemeente'), gemeenten);
  const actueel = new Map();
  for (const p of producten) actueel.set(`${p.productcategorie}|${p.productcode}`, p);
  vulKeuze($('toets-product'), [...actueel.values()].map((p) => [`${p.productcategorie}|${p.productcode}`, `${p.productcategorie} ${p.productcode} ${p.omschrijving}`]));
}

async function laad(nieuw) {
  const { jaar, gemeente } = volgFilters(nieuw);
  if (jaar) {
    try {
      const pl = await haal('budgetplafonds', { jaar, gemeente });
      await grafiekenGeladen;
      kaartenVan(pl);
      toonPlafonds(pl);
    } catch (e) {
      toonMelding($('melding'), e.message);
    }
  }
  markeerKlaar();
}

function kaartenVan(pl) {
  const som = (f) => pl.budgetplafonds.reduce((s, p) => s + f(p), 0);
  const plafond = som((p) => p.bedrag);
  const prognose = som((p) => p.stand.prognose);
  const teller = (g) => pl.budgetplafonds.filter((p) => p.stand.signaalPrognose >= g).length;
  toonKaarten($('kaarten'), [
    { sleutel: 'plafond', label: `Budgetplafonds ${pl.jaar ?? ''}`, waarde: plafond, eenheid: 'euro', toelichting: `${pl.budgetplafonds.length} plafonds` },
    { sleutel: 'gerealiseerd', label: 'Gerealiseerd', waarde: som((p) => p.stand.gerealiseerd), eenheid: 'euro', toelichting: `gedeclareerd t/m ${datumNl(pl.gedeclareerdTot)}` },
    { sleutel: 'prognose', label: 'Prognose jaareinde', waarde: prognose, eenheid: 'euro', toelichting: plafond ? `${formatteer(100 * prognose / plafond, 'procent')} van de plafonds` : '' },
    { sleutel: 'signalen', label: 'Aanbieders met prognose ≥ 80 / 90 / 100%', waarde: teller(80), eenheid: 'aantal', toelichting: `${teller(80)} / ${teller(90)} / ${teller(100)}` },
  ]);
}

function bereik(p) {
  const delen = [];
  if (p.gemeente) delen.push(gemeenteNaam(gemeenten, p.gemeente));
  if (p.productcategorie) delen.push(`categorie ${p.productcategorie}`);
  return delen.length ? delen.join(', ') : 'alles';
}

function toonPlafonds(pl) {
  const rijen = [...pl.budgetplafonds].sort((a, b) => (b.stand.prognosePct ?? 0) - (a.stand.prognosePct ?? 0));
  // Changing and removing a plafond: only for who sees the form (data-rollen).
  const wijzigbaar = !$('plafond-formulier-blok').hidden;
  toonTabel($('tabel-plafonds'), {
    id: 'plafonds',
    titel: `Budgetplafonds ${pl.jaar}: uitputting per aanbieder`,
    kolommen: [
      { naam: 'Aanbieder' }, { naam: 'AGB' }, { naam: 'Bereik' },
      { naam: 'Plafond', eenheid: 'euro', sleutel: 'bedrag' },
      { naam: 'Gerealiseerd', eenheid: 'euro', sleutel: 'gerealiseerd' },
      { naam: 'Verplicht', eenheid: 'euro', sleutel: 'verplicht' },
      { naam: 'Prognose', eenheid: 'euro', sleutel: 'prognose' },
      { naam: 'Gebruik', eenheid: 'procent', sleutel: 'gebruikPct' },
      { naam: 'Prognose %', eenheid: 'procent', sleutel: 'prognosePct' },
      { naam: 'Signaal', sleutel: 'signaal' },
      { naam: 'Uitputting', sleutel: 'uitputtingsdatum' },
      { naam: 'Bij overschrijding', sleutel: 'bijOverschrijding' },
      ...(wijzigbaar ? [{ naam: 'Acties', sleutel: 'acties', export: false }] : []),
    ],
    rijen: rijen.map((p) => [
      p.aanbiederNaam, p.aanbieder, bereik(p), p.bedrag, p.stand.gerealiseerd, p.stand.verplicht, p.stand.prognose,
      p.stand.gebruikPct, p.stand.prognosePct, signaalCel(p.stand.signaalPrognose),
      { tekst: p.stand.uitputtingsdatum ? `${p.stand.uitgeput ? 'uitgeput op' : 'verwacht'} ${datumNl(p.stand.uitputtingsdatum)}` : '–', waarde: p.stand.uitputtingsdatum ?? null },
      p.bijOverschrijding,
      ...(wijzigbaar ? [{ element: acties(p), tekst: '' }] : []),
    ]),
    opRij: (tr, i) => { tr.dataset.plafondId = rijen[i].id; tr.dataset.signaal = rijen[i].stand.signaalPrognose; },
  });
  staven($('grafiek-plafonds'), {
    labels: rijen.map((p) => p.aanbiederNaam),
    eenheid: 'procent',
    horizontaal: true,
    reeksen: [
      { naam: 'Gerealiseerd', waarden: rijen.map((p) => p.stand.gebruikPct) },
      {
        naam: 'Prognose jaareinde',
        waarden: rijen.map((p) => p.stand.prognosePct),
        markLine: {
          symbol: 'none',
          label: { formatter: '{c}%', position: 'start' },
          data: [{ xAxis: 80, lineStyle: { color: '#ffb612' } }, { xAxis: 90, lineStyle: { color: '#e17000' } }, { xAxis: 100, lineStyle: { color: '#a90061' } }],
        },
      },
    ],
    leesbaar: { labelBreedte: 230 },
    hoogte: Math.max(320, 60 + rijen.length * 34),
  });
}

function acties(p) {
  const div = document.createElement('div');
  div.className = 'jr-acties';
  const w = document.createElement('button');
  w.type = 'button';
  w.className = 'utrecht-button utrecht-button--secondary-action';
  w.textContent = 'Wijzigen';
  w.setAttribute('aria-label', `Budgetplafond ${p.aanbiederNaam} wijzigen`);
  w.addEventListener('click', () => {
    $('plafond-id').value = p.id;
    $('plafond-versie').value = p.versie;
    $('plafond-aanbieder').value = p.aanbieder;
    $('plafond-jaar').value = p.jaar;
    $('plafond-gemeente').value = p.gemeente ?? '';
    $('plafond-categorie').value = p.productcategorie ?? '';
    $('plafond-bedrag').value = String(p.bedrag).replace('.', ',');
    $('plafond-bij').value = p.bijOverschrijding;
    $('formulier-kop').textContent = `Budgetplafond ${p.aanbiederNaam} ${p.jaar} wijzigen`;
    $('plafond-formulier').scrollIntoView();
    $('plafond-bedrag').focus({ preventScroll: true });
  });
  const v = document.createElement('button');
  v.type = 'button';
  v.className = 'utrecht-button utrecht-button--secondary-action';
  v.textContent = 'Verwijderen';
  v.setAttribute('aria-label', `Budgetplafond ${p.aanbiederNaam} verwijderen`);
  v.addEventListener('click', async () => {
    if (!confirm(`Budgetplafond ${p.aanbiederNaam} ${p.jaar} verwijderen?`)) return;
    try {
      await stuur('DELETE', `budgetplafonds/${p.id}`, undefined, { versie: p.versie });
      await laad(false);
    } catch (e) {
      toonMelding($('melding'), foutTekst(e));
    }
  });
  div.append(w, v);
  return div;
}

function leegFormulier() {
  $('plafond-formulier').reset();
  $('plafond-id').value = '';
  $('plafond-versie').value = '';
  $('formulier-kop').textContent = 'Nieuw budgetplafond';
  toonMelding($('formulier-fouten'), '');
}

async function slaPlafondOp(ev) {
  ev.preventDefault();
  const id = $('plafond-id').value;
  const bedrag = Number($('plafond-bedrag').value.replace(/\./g, '').replace(',', '.'));
  const body = {
    aanbieder: $('plafond-aanbieder').value,
    jaar: Number($('plafond-jaar').value),
    gemeente: $('plafond-gemeente').value || null,
    productcategorie: $('plafond-categorie').value || null,
    bedrag: Number.isFinite(bedrag) ? bedrag : $('plafond-bedrag').value,
    bijOverschrijding: $('plafond-bij').value,
  };
  try {
    if (id) await stuur('PUT', `budgetplafonds/${id}`, body, { versie: $('plafond-versie').value });
    else await stuur('POST', 'budgetplafonds', body);
    leegFormulier();
    if (![...$('jaar').options].some((o) => o.value === String(body.jaar))) {
      const pl = await haal('budgetplafonds');
      vulKeuze($('jaar'), [...pl.jaren].reverse().map((j) => [String(j), String(j)]), $('jaar').value || String(body.jaar));
    }
    await laad(false);
  } catch (e) {
    toonMelding($('formulier-fouten'), foutTekst(e));
  }
}

async function toets(ev) {
  ev.preventDefault();
  const [productcategorie, productcode] = $('toets-product').value.split('|');
  const p = producten.find((x) => x.productcategorie === productcategorie && x.productcode === productcode);
  const body = {
    aanbieder: $('toets-aanbieder').value,
    gemeente: $('toets-gemeente').value,
    productcategorie,
    productcode,
    ingangsdatum: $('toets-ingangsdatum').value,
    einddatum: $('toets-einddatum').value || null,
    volume: Number($('toets-volume').value),
    eenheid: p?.eenheid ?? '04',
    frequentie: '2',
  };
  const uit = $('toets-uitkomst');
  try {
    const r = await stuur('POST', 'plafondtoetsen', body);
    if (!r.meldingen.length) toonMelding(uit, 'Deze aanbieder heeft voor die periode geen budgetplafond.', 'info');
    else toonMelding(uit, r.meldingen.map((m) => m.melding).join(' '), !r.toegestaan ? 'error' : r.overschreden ? 'warning' : 'ok');
    uit.dataset.toegestaan = String(r.toegestaan);
    uit.dataset.overschreden = String(r.overschreden);
  } catch (e) {
    toonMelding(uit, foutTekst(e));
  }
}

startPagina(start);
