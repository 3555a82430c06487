// Prognose: fan chart (p10-p90 band, p50 line, realised history) per indicator and gemeente,
// a scenario's paired difference with the base, and the backtest's accuracy beside it
// (GET /api/v1/prognoses, GET /api/v1/prognoses/backtest; docs/prognose.md).
import { haal, leesFilters, zetFilters, toonMelding, vulKeuze, markeerKlaar, startPagina } from './api.js';
import { toonTabel } from './tabel.js';
import { toonKaarten } from './kaarten.js';
import { toonGrafiek, grafiekenGeladen } from './grafiek.js';
import { formatteer } from './opmaak.js';

const $ = (id) => document.getElementById(id);

const INDICATOREN = [
  ['jongerenMetJeugdhulp', 'Jongeren met jeugdhulp', 'aantal'],
  ['trajecten.totaal', 'Trajecten', 'aantal'],
  ['perGroep.metVerblijf.jongeren', 'Jongeren met verblijf', 'aantal'],
  ['kosten.totaalCent', 'Kosten', 'euro'],
];
const SCENARIOS = {
  poh: { naam: 'POH-jeugd: 20% minder verwijzingen door de huisarts', poh_jeugd: { huisarts_verwijzingen_min_pct: 20 } },
  afschaling: { naam: 'Sneller afschalen: zorg 10% korter', afschaling: { duur_min_pct: 10 } },
  pleegzorg: { naam: 'Verblijf naar pleegzorg: 30% binnen 120% capaciteit', verblijf_naar_pleegzorg: { aandeel_pct: 30, pleegzorg_capaciteit_pct: 120 } },
};
const METHODEN = {
  model: 'Dit model (p50)', geenVerandering: 'Geen verandering', seizoensnaief: 'Seizoensnaïef',
  voortschrijdendGemiddelde: 'Voortschrijdend gemiddelde', markov: 'Markov zonder geheugen',
};

// A figure of a period object by its dotted name; cents become euros.
function waarde(p, naam) {
  let v = p;
  for (const deel of naam.split('.')) v = v?.[deel];
  return v;
}
const schaal = (naam, x) => (x === null || x === undefined ? null : naam === 'kosten.totaalCent' ? x / 100 : x);

let prognose = null;
let backtest = null;

async function start() {
  try {
    const f = leesFilters({ gemeente: '', indicator: 'jongerenMetJeugdhulp', scenario: 'poh' });
    vulKeuze($('indicator'), INDICATOREN.map(([k, l]) => [k, l]), f.indicator);
    vulKeuze($('scenario'), Object.entries(SCENARIOS).map(([k, s]) => [k, s.naam]), f.scenario);
    const bt = haal('prognoses/backtest');
    bt.catch(() => {});
    await laad(f);
    try {
      backtest = await bt;
      toonBacktest();
    } catch (e) {
      toonMelding($('melding-backtest'), e.message, 'warning');
    }
    for (const id of ['gemeente', 'scenario']) $(id).addEventListener('change', () => laad(filters()));
    $('indicator').addEventListener('change', () => { zetFilters(filters()); teken(); toonBacktest(); });
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function filters() {
  return { gemeente: $('gemeente').value, indicator: $('indicator').value, scenario: $('scenario').value };
}

async function laad(f) {
  zetFilters(f);
  const scenario = JSON.stringify({ scenarios: [SCENARIOS[f.scenario] ?? SCENARIOS.poh] });
  const [p] = await Promise.all([haal('prognoses', { gemeente: f.gemeente, scenario, horizon: 60, runs: 300 }), grafiekenGeladen]);
  prognose = p;
  if (!$('gemeente').options.length) {
    // The gemeenten of the regio: asked once without a gemeente.
    const alle = f.gemeente ? await haal('prognoses', { horizon: 6, runs: 1 }) : p;
    vulKeuze($('gemeente'), [['', 'Hele regio'], ...alle.gemeenten.map((g) => [g.gemeente, g.naam])], f.gemeente);
  }
  teken();
}

// The level shown: the gemeente asked for, or the regio.
function niveau(doc) {
  const g = $('gemeente').value;
  return g ? doc.gemeenten.find((x) => x.gemeente === g) : doc.regio;
}

function teken() {
  const [naam, label, eenheid] = INDICATOREN.find(([k]) => k === $('indicator').value) ?? INDICATOREN[0];
  const n = niveau(prognose);
  const hist = n.historie ?? [];
  const labels = [...hist.map((h) => h.periode), ...n.perioden.map((p) => p.periode)];
  const leeg = hist.map(() => null);
  const p10 = n.perioden.map((p) => schaal(naam, waarde(p, naam)?.p10));
  const p90 = n.perioden.map((p) => schaal(naam, waarde(p, naam)?.p90));
  const p50 = n.perioden.map((p) => schaal(naam, waarde(p, naam)?.p50));
  const gerealiseerd = hist.map((h) => schaal(naam, waarde(h, naam)));
  const band = p10.map((lo, i) => (lo === null || p90[i] === null ? null : p90[i] - lo));
  // The realised line runs into the first forecast's p50, so the two connect.
  const gr = [...gerealiseerd, ...n.perioden.map(() => null)];
  toonGrafiek($('grafiek-waaier'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Gerealiseerd', 'p50', 'p10-p90'] },
    grid: { left: 80, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', scale: true },
    series: [
      { type: 'line', name: 'p10', stack: 'band', stackStrategy: 'all', data: [...leeg, ...p10], lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { type: 'line', name: 'p10-p90', stack: 'band', stackStrategy: 'all', data: [...leeg, ...band], color: '#8fcae7', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#8fcae7', opacity: 0.6 } },
      { type: 'line', name: 'p50', data: [...leeg, ...p50], color: '#01689b', symbolSize: 6 },
      { type: 'line', name: 'Gerealiseerd', data: gr, color: '#e17000', lineStyle: { type: 'dashed' }, symbolSize: 6 },
    ],
  });
  toonTabel($('tabel-waaier'), {
    id: 'tabel-prognose',
    titel: `${label}: ${n.naam}`,
    kolommen: [{ naam: 'Halfjaar' }, { naam: 'Gerealiseerd', eenheid }, { naam: 'p10', eenheid }, { naam: 'p50', eenheid }, { naam: 'p90', eenheid }],
    rijen: [
      ...hist.map((h) => [h.periode, schaal(naam, waarde(h, naam)), null, null, null]),
      ...n.perioden.map((p) => [p.periode + (p.deelsBekend ? ' (deels bekend)' : ''), null, schaal(naam, waarde(p, naam)?.p10), schaal(naam, waarde(p, naam)?.p50), schaal(naam, waarde(p, naam)?.p90)]),
    ],
  });
  const eerste = n.perioden[0];
  const vijf = n.perioden[n.perioden.length - 1];
  toonKaarten($('kaarten'), [
    { sleutel: 'peildatum', label: 'Peildatum', waarde: prognose.peildatum, toelichting: `gedeclareerd tot ${prognose.gedeclareerdTot}` },
    { sleutel: 'eerste', label: `${label} ${eerste?.periode ?? ''} (p50)`, waarde: schaal(naam, waarde(eerste, naam)?.p50), eenheid, toelichting: `band ${formatteer(schaal(naam, waarde(eerste, naam)?.p10), eenheid)} – ${formatteer(schaal(naam, waarde(eerste, naam)?.p90), eenheid)}` },
    { sleutel: 'laatste', label: `${label} ${vijf?.periode ?? ''} (p50)`, waarde: schaal(naam, waarde(vijf, naam)?.p50), eenheid, toelichting: `band ${formatteer(schaal(naam, waarde(vijf, naam)?.p10), eenheid)} – ${formatteer(schaal(naam, waarde(vijf, naam)?.p90), eenheid)}` },
  ]);
  // The scenario: its paired difference with the base.
  const s = prognose.scenarios[0];
  if (!s) return;
  const v = $('gemeente').value ? s.verschil.gemeenten.find((x) => x.gemeente === $('gemeente').value) : s.verschil.regio;
  $('kop-scenario').textContent = `Scenario tegen de basis: ${s.naam}`;
  const d50 = v.perioden.map((p) => schaal(naam, waarde(p, naam)?.p50));
  const d10 = v.perioden.map((p) => schaal(naam, waarde(p, naam)?.p10));
  const d90 = v.perioden.map((p) => schaal(naam, waarde(p, naam)?.p90));
  toonGrafiek($('grafiek-scenario'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['Verschil p50', 'p10-p90'] },
    grid: { left: 80, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: v.perioden.map((p) => p.periode) },
    yAxis: { type: 'value', scale: true },
    series: [
      { type: 'line', name: 'p10', stack: 'v', stackStrategy: 'all', data: d10, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false } },
      { type: 'line', name: 'p10-p90', stack: 'v', stackStrategy: 'all', data: d10.map((lo, i) => (lo === null || d90[i] === null ? null : d90[i] - lo)), lineStyle: { opacity: 0 }, symbol: 'none', color: '#ffb612', areaStyle: { color: '#ffb612', opacity: 0.4 } },
      { type: 'line', name: 'Verschil p50', data: d50, color: '#a90061', symbolSize: 6 },
    ],
  });
  toonTabel($('tabel-scenario'), {
    id: 'tabel-scenario-verschil',
    titel: `${label}: scenario min basis (gepaard, per run)`,
    kolommen: [{ naam: 'Halfjaar' }, { naam: 'p10', eenheid }, { naam: 'p50', eenheid }, { naam: 'p90', eenheid }],
    rijen: v.perioden.map((p, i) => [p.periode, d10[i], d50[i], d90[i]]),
  });
}

function toonBacktest() {
  if (!backtest) return;
  const naam = $('indicator').value;
  const label = INDICATOREN.find(([k]) => k === naam)?.[1] ?? naam;
  const rijen = backtest.scores
    .filter((s) => s.indicator === naam && s.niveau === 'regio')
    .sort((a, b) => a.horizonMaanden - b.horizonMaanden || Object.keys(METHODEN).indexOf(a.methode) - Object.keys(METHODEN).indexOf(b.methode))
    .map((s) => [`${METHODEN[s.methode] ?? s.methode}, ${s.horizonMaanden} mnd`, s.n, s.wape * 100, s.bias * 100, s.mase, s.dekking80 === null ? null : s.dekking80 * 100]);
  toonTabel($('tabel-backtest'), {
    id: 'tabel-backtest-scores',
    titel: `${label}, regio: fout van prognoses vanaf ${backtest.origines.length} eerdere peildata (${backtest.origines.join(', ')})`,
    kolommen: [{ naam: 'Methode en horizon' }, { naam: 'Aantal', eenheid: 'aantal' }, { naam: 'WAPE', eenheid: 'procent' }, { naam: 'Bias', eenheid: 'procent' }, { naam: 'MASE' , eenheid: 'getal' }, { naam: 'Binnen 80%-band', eenheid: 'procent' }],
    rijen,
  });
}

startPagina(start);
