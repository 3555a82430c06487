// Overzicht: key figures of a gemeente against the regio and a national reference, and the
// trend over the half years.
import { haal, leesFilters, zetFilters, toonMelding, vulKeuze, periodeOpties, markeerKlaar, startPagina } from './api.js';
import { formatteer } from './opmaak.js';
import { toonTabel } from './tabel.js';
import { staven, lijnen, grafiekenGeladen } from './grafiek.js';

const KERN = [
  { sleutel: 'pctJongerenMetJeugdhulp', naam: '% jongeren met jeugdhulp', eenheid: 'procent' },
  { sleutel: 'pctJongerenMetVerblijf', naam: '% met jeugdhulp met verblijf', eenheid: 'procent' },
  { sleutel: 'pctJeugdbescherming', naam: '% met jeugdbescherming', eenheid: 'procent' },
  { sleutel: 'kostenPerClient', naam: 'Kosten per cliënt', eenheid: 'euro' },
];

const $ = (id) => document.getElementById(id);
let perioden;

async function start() {
  try {
    perioden = await haal('perioden');
    if (!perioden.laatste) {
      toonMelding($('melding'), 'Er zijn nog geen gegevens. Importeer eerst berichten.', 'info');
      markeerKlaar();
      return;
    }
    const f = leesFilters({ periode: perioden.laatste, gemeente: '', niveau: 'intern' });
    vulKeuze($('periode'), periodeOpties(perioden), f.periode);
    $('niveau').value = f.niveau === 'publiek' ? 'publiek' : 'intern';
    for (const id of ['periode', 'gemeente', 'niveau']) $(id).addEventListener('change', () => laad(true));
    await laad(false, f.gemeente);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

async function laad(nieuw, gemeenteUitUrl) {
  const periode = $('periode').value;
  const niveau = $('niveau').value;
  try {
    // The trend (every half year in one answer) is fetched alongside the chosen period.
    const trend = haal('kerncijfers/verloop', { niveau });
    trend.catch(() => {});  // a failure is reported where it is awaited
    const kern = await haal('kerncijfers', { periode, niveau });
    await grafiekenGeladen;
    $('regio-naam').textContent = kern.regio.naam || '';
    const gekozen = gemeenteUitUrl ?? $('gemeente').value;
    vulKeuze($('gemeente'), kern.gemeenten.map((g) => [g.gemeente, g.naam]), gekozen);
    const gemeente = $('gemeente').value;
    zetFilters({ periode, gemeente, niveau: niveau === 'intern' ? '' : niveau }, nieuw);
    const g = kern.gemeenten.find((x) => x.gemeente === gemeente) || kern.gemeenten[0];
    toonMelding($('melding'), '');
    toonKaarten(g, kern);
    toonKern(g, kern, periode);
    toonTrend(g, kern, await trend);
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function toonKaarten(g, kern) {
  const houder = $('kaarten');
  houder.innerHTML = '';
  for (const k of KERN) {
    const kaart = document.createElement('div');
    kaart.className = 'jr-kaart';
    kaart.dataset.sleutel = k.sleutel;
    const l = kern.landelijk[k.sleutel];
    kaart.innerHTML = `<div class="jr-kaart__label"></div><div class="jr-kaart__waarde"></div><div class="jr-kaart__vergelijk"></div>`;
    kaart.querySelector('.jr-kaart__label').textContent = `${k.naam} · ${g.naam}`;
    const w = kaart.querySelector('.jr-kaart__waarde');
    w.textContent = formatteer(g[k.sleutel], k.eenheid);
    w.dataset.waarde = g[k.sleutel] ?? '';
    kaart.querySelector('.jr-kaart__vergelijk').textContent =
      `regio ${formatteer(kern.regio[k.sleutel], k.eenheid)} · landelijk ${l === null ? 'niet gepubliceerd' : formatteer(l, k.eenheid)}`;
    houder.append(kaart);
  }
}

function toonKern(g, kern, periode) {
  const rijen = [
    [g.naam, ...KERN.map((k) => g[k.sleutel])],
    [`Regio ${kern.regio.naam}`, ...KERN.map((k) => kern.regio[k.sleutel])],
    [`Landelijk (${kern.landelijk.bron})`, ...KERN.map((k) => kern.landelijk[k.sleutel])],
  ];
  toonTabel($('tabel-kern'), {
    id: 'kern',
    titel: `Kerncijfers ${g.naam} ${periode}`,
    kolommen: [{ naam: 'Gebied' }, ...KERN.map((k) => ({ naam: k.naam, eenheid: k.eenheid, sleutel: k.sleutel }))],
    rijen,
  });
  const pct = KERN.filter((k) => k.eenheid === 'procent');
  staven($('grafiek-kern'), {
    labels: pct.map((k) => k.naam.replace('% ', '')),
    eenheid: 'procent',
    reeksen: rijen.map((r) => ({ naam: r[0], waarden: pct.map((k) => r[1 + KERN.indexOf(k)]) })),
  });
}

function toonTrend(g, kern, verloop) {
  const halfjaren = verloop.perioden.map((p) => p.periode);
  const rijen = verloop.perioden.map((p) => {
    const gg = p.gemeenten.find((x) => x.gemeente === g.gemeente);
    return [p.periode, gg ? gg.pctJongerenMetJeugdhulp : null, p.regio.pctJongerenMetJeugdhulp];
  });
  toonTabel($('tabel-trend'), {
    id: 'trend',
    titel: `% jongeren met jeugdhulp per halfjaar, ${g.naam} en regio`,
    kolommen: [{ naam: 'Periode' }, { naam: g.naam, eenheid: 'procent', sleutel: 'gemeente' }, { naam: `Regio ${kern.regio.naam}`, eenheid: 'procent', sleutel: 'regio' }],
    rijen,
  });
  lijnen($('grafiek-trend'), {
    labels: halfjaren,
    eenheid: 'procent',
    reeksen: [
      { naam: g.naam, waarden: rijen.map((r) => r[1]) },
      { naam: `Regio ${kern.regio.naam}`, waarden: rijen.map((r) => r[2]) },
    ],
  });
}

startPagina(start);
