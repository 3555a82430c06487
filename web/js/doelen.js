// Doelen: the council's KPIs with their status against the straight path from nulmeting to
// ambitie; created, edited and removed through the API.
import { haal, stuur, foutTekst, leesFilters, zetFilters, toonMelding, vulKeuze, periodeOpties, markeerKlaar, startPagina } from './api.js';
import { formatteer } from './opmaak.js';
import { toonTabel } from './tabel.js';
import { staven, grafiekenGeladen } from './grafiek.js';

const $ = (id) => document.getElementById(id);
const STATUS = {
  opKoers: ['Op koers', 'success'], risico: ['Risico', 'warning'], uitKoers: ['Uit koers', 'danger'], onbekend: ['Onbekend', 'neutral'],
};
let indicatoren = [];
let gemeenteNamen = {};

async function start() {
  try {
    const [perioden, ind] = await Promise.all([haal('perioden'), haal('kpi-indicatoren')]);
    indicatoren = ind.indicatoren;
    const f = leesFilters({ periode: perioden.laatste || '', gemeente: '' });
    vulKeuze($('periode'), periodeOpties(perioden), f.periode);
    if (perioden.laatste) {
      const kern = await haal('kerncijfers', { periode: perioden.laatste });
      $('regio-naam').textContent = kern.regio.naam || '';
      for (const g of kern.gemeenten) gemeenteNamen[g.gemeente] = g.naam;
    }
    vulKeuze($('gemeente'), [['', 'Alle KPI\'s'], ['regio', 'Regio'], ...Object.entries(gemeenteNamen)], f.gemeente);
    vulKeuze($('kpi-indicator'), indicatoren.map((i) => [i.sleutel, `${i.naam} (${i.eenheid})`]));
    vulKeuze($('kpi-gemeente'), [['', 'Regio'], ...Object.entries(gemeenteNamen)]);
    for (const id of ['periode', 'gemeente']) $(id).addEventListener('change', () => laad(true));
    $('kpi-formulier').addEventListener('submit', opslaan);
    $('kpi-annuleren').addEventListener('click', leegFormulier);
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

function gebied(k) {
  if (!k.gemeente) return 'Regio';
  return gemeenteNamen[k.gemeente] ? `${gemeenteNamen[k.gemeente]}` : `Gemeente ${k.gemeente}`;
}

// Share of the planned change reached: 0 at the nulmeting, 100 at the ambitie.
function voortgang(k, waarde) {
  const d = k.ambitie.waarde - k.nulmeting.waarde;
  if (waarde === null || waarde === undefined || d === 0) return null;
  const v = Math.round(((waarde - k.nulmeting.waarde) / d) * 1000) / 10;
  return Math.max(-100, Math.min(200, v));  // the table has the exact values
}

async function laad(nieuw) {
  const periode = $('periode').value;
  const gemeente = $('gemeente').value;
  zetFilters({ periode, gemeente }, nieuw);
  try {
    const doc = await haal('kpis', { periode, gemeente });
    await grafiekenGeladen;
    // Only who may change KPIs sees the form (data-rollen) and the actions beside each KPI.
    const wijzigbaar = !$('kpi-formulier-blok').hidden;
    toonMelding($('melding'), doc.kpis.length ? '' : `Er zijn nog geen KPI's.${wijzigbaar ? ' Maak er hieronder een aan.' : ''}`, 'info');
    const rijen = doc.kpis.map((k) => {
      const b = k.beoordeling;
      const badge = document.createElement('span');
      const [tekst, soort] = STATUS[b.status];
      badge.className = `utrecht-status-badge utrecht-status-badge--${soort}`;
      badge.textContent = tekst;
      badge.dataset.status = b.status;
      const acties = document.createElement('span');
      acties.className = 'jr-acties';
      const wijzig = document.createElement('button');
      wijzig.type = 'button';
      wijzig.className = 'utrecht-button utrecht-button--subtle';
      wijzig.textContent = 'Wijzigen';
      wijzig.addEventListener('click', () => vulFormulier(k));
      const weg = document.createElement('button');
      weg.type = 'button';
      weg.className = 'utrecht-button utrecht-button--subtle';
      weg.textContent = 'Verwijderen';
      weg.addEventListener('click', () => verwijder(k));
      acties.append(wijzig, weg);
      const e = k.eenheid;
      return [
        k.naam, gebied(k),
        { tekst: `${formatteer(k.nulmeting.waarde, e)} (${k.nulmeting.periode})`, waarde: k.nulmeting.waarde },
        { tekst: `${formatteer(k.ambitie.waarde, e)} (${k.ambitie.jaar})`, waarde: k.ambitie.waarde },
        { tekst: `${formatteer(b.verwacht, e)}${b.periode ? ` (${b.periode})` : ''}`, waarde: b.verwacht },
        { tekst: formatteer(b.realisatie, e), waarde: b.realisatie },
        { element: badge, tekst: tekst, waarde: b.status },
        ...(wijzigbaar ? [{ element: acties, tekst: '' }] : []),
      ];
    });
    toonTabel($('tabel-kpis'), {
      id: 'kpis',
      titel: `KPI's, gemeten op ${doc.periode || 'de laatste periode'}`,
      kolommen: [{ naam: 'KPI' }, { naam: 'Gebied' }, { naam: 'Nulmeting', eenheid: 'x' }, { naam: 'Ambitie', eenheid: 'x' },
        { naam: 'Verwacht', eenheid: 'x' }, { naam: 'Realisatie', eenheid: 'x' }, { naam: 'Status' },
        ...(wijzigbaar ? [{ naam: 'Acties', export: false }] : [])],
      rijen,
      opRij: (tr, i) => { tr.dataset.kpiId = doc.kpis[i].id; },
    });
    const gemeten = doc.kpis;
    staven($('grafiek-kpis'), {
      labels: gemeten.map((k) => `${k.naam} (${gebied(k)})`), horizontaal: true, eenheid: 'procent',
      reeksen: [
        { naam: 'Verwacht (% van de beoogde verandering)', waarden: gemeten.map((k) => voortgang(k, k.beoordeling.verwacht)) },
        { naam: 'Gerealiseerd', waarden: gemeten.map((k) => voortgang(k, k.beoordeling.realisatie)) },
      ],
    });
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function vulFormulier(k) {
  $('formulier-kop').textContent = `KPI wijzigen: ${k.naam}`;
  $('kpi-id').value = k.id;
  $('kpi-versie').value = k.versie;
  $('kpi-naam').value = k.naam;
  $('kpi-indicator').value = k.indicator;
  $('kpi-gemeente').value = k.gemeente || '';
  $('kpi-nulmeting-waarde').value = String(k.nulmeting.waarde).replace('.', ',');
  $('kpi-nulmeting-periode').value = k.nulmeting.periode;
  $('kpi-ambitie-waarde').value = String(k.ambitie.waarde).replace('.', ',');
  $('kpi-ambitie-jaar').value = k.ambitie.jaar;
  $('kpi-bron').value = k.bron;
  $('kpi-toelichting').value = k.toelichting;
  $('kpi-naam').focus();
}

function leegFormulier() {
  $('kpi-formulier').reset();
  $('kpi-id').value = '';
  $('kpi-versie').value = '';
  $('formulier-kop').textContent = 'Nieuwe KPI';
  $('formulier-fouten').innerHTML = '';
}

function getal(tekst) {
  const t = tekst.trim().replace(/\./g, '').replace(',', '.');
  return t === '' ? null : Number(t);
}

async function opslaan(e) {
  e.preventDefault();
  const body = {
    naam: $('kpi-naam').value.trim(),
    indicator: $('kpi-indicator').value,
    gemeente: $('kpi-gemeente').value || null,
    nulmeting: { waarde: getal($('kpi-nulmeting-waarde').value), periode: $('kpi-nulmeting-periode').value.trim() },
    ambitie: { waarde: getal($('kpi-ambitie-waarde').value), jaar: getal($('kpi-ambitie-jaar').value) },
    bron: $('kpi-bron').value.trim(),
    toelichting: $('kpi-toelichting').value.trim(),
  };
  const id = $('kpi-id').value;
  try {
    await (id ? stuur('PUT', `kpis/${id}`, body, { versie: $('kpi-versie').value }) : stuur('POST', 'kpis', body));
    leegFormulier();
    await laad(false);
  } catch (fout) {
    toonMelding($('formulier-fouten'), `Niet opgeslagen: ${foutTekst(fout)}`);
  }
}

async function verwijder(k) {
  if (!confirm(`KPI "${k.naam}" verwijderen?`)) return;
  try {
    await stuur('DELETE', `kpis/${k.id}`, undefined, { versie: k.versie });
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), foutTekst(e));
  }
}

startPagina(start);
