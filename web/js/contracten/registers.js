// Contracten & budget, Aanbieders en tarieven: the registers the contracts rest on. The
// aanbieders (landelijk ingekocht can be set: such an aanbieder, like a gecertificeerde
// instelling, has no budgetplafond) and the product catalogue with its tariffs, with a form
// for a new tariff.
import { haal, stuur, foutTekst, toonMelding, vulKeuze, markeerKlaar, startPagina } from '../api.js';
import { toonTabel } from '../tabel.js';
import { $ } from './gedeeld.js';

let aanbieders = [];
let producten = [];
let wijzigbaar = false;

async function start() {
  try {
    // Who may change the registers sees the forms (data-rollen).
    wijzigbaar = !$('tarief-formulier-blok').hidden;
    const [a, p] = await Promise.all([haal('aanbieders'), haal('producten')]);
    aanbieders = a.aanbieders;
    producten = p.producten;
    vulProducten();
    $('tarief-formulier').addEventListener('submit', slaTariefOp);
    toonAanbieders();
    toonCatalogus();
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function vulProducten() {
  const actueel = new Map();
  for (const p of producten) actueel.set(`${p.productcategorie}|${p.productcode}`, p);
  vulKeuze($('tarief-product'), [...actueel.values()].map((p) => [`${p.productcategorie}|${p.productcode}`, `${p.productcategorie} ${p.productcode} ${p.omschrijving}`]));
}

function landelijkCel(a) {
  const tekst = a.landelijk ? 'ja' : 'nee';
  if (!wijzigbaar) return { tekst };
  const vak = document.createElement('input');
  vak.type = 'checkbox';
  vak.className = 'utrecht-checkbox utrecht-checkbox--html-input';
  vak.checked = a.landelijk;
  vak.setAttribute('aria-label', `${a.naam} landelijk ingekocht`);
  vak.addEventListener('change', async () => {
    try {
      const n = await stuur('PUT', `aanbieders/${a.agb}`, { naam: a.naam, soort: a.soort, landelijk: vak.checked }, { versie: a.versie });
      Object.assign(a, n);
      toonAanbieders();
    } catch (e) {
      vak.checked = a.landelijk;
      toonMelding($('melding'), foutTekst(e));
    }
  });
  return { element: vak, tekst };
}

function toonAanbieders() {
  toonTabel($('tabel-aanbieders'), {
    id: 'aanbieders',
    titel: 'Aanbieders en gecertificeerde instellingen',
    kolommen: [{ naam: 'Aanbieder' }, { naam: 'AGB' }, { naam: 'Soort' }, { naam: 'Landelijk ingekocht', sleutel: 'landelijk' }, { naam: 'Budgetplafond mogelijk', sleutel: 'plafond' }],
    rijen: aanbieders.map((a) => [a.naam, a.agb, a.soort, landelijkCel(a), a.vrijgesteld ? 'nee' : 'ja']),
    opRij: (tr, i) => { tr.dataset.agb = aanbieders[i].agb; },
  });
}

function toonCatalogus() {
  toonTabel($('tabel-producten-catalogus'), {
    id: 'catalogus',
    titel: 'Productcatalogus met tarieven',
    kolommen: [{ naam: 'Product' }, { naam: 'Omschrijving' }, { naam: 'Eenheid' }, { naam: 'Tarief', eenheid: 'euro', sleutel: 'tarief' }, { naam: 'Geldig van' }, { naam: 'Geldig tot' }],
    rijen: producten.map((p) => [`${p.productcategorie} ${p.productcode}`, p.omschrijving, p.eenheid, p.tarief, p.geldigVan, p.geldigTot ?? '–']),
  });
}

async function slaTariefOp(ev) {
  ev.preventDefault();
  const [productcategorie, productcode] = $('tarief-product').value.split('|');
  const p = producten.find((x) => x.productcategorie === productcategorie && x.productcode === productcode);
  const tarief = Number($('tarief-bedrag').value.replace(/\./g, '').replace(',', '.'));
  try {
    await stuur('POST', 'producten', {
      productcategorie, productcode, omschrijving: p?.omschrijving ?? '', eenheid: p?.eenheid ?? '', hulpvorm: p?.hulpvorm ?? null,
      tarief: Number.isFinite(tarief) ? tarief : $('tarief-bedrag').value, geldigVan: $('tarief-van').value.trim(),
    });
    producten = (await haal('producten')).producten;
    $('tarief-formulier').reset();
    toonMelding($('tarief-fouten'), '');
    toonCatalogus();
  } catch (e) {
    toonMelding($('tarief-fouten'), foutTekst(e));
  }
}

startPagina(start);
