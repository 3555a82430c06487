// Vergelijken: the gemeenten of the regio side by side with the regional average.
import { haal, leesFilters, zetFilters, toonMelding, vulKeuze, periodeOpties, markeerKlaar, startPagina } from './api.js';
import { toonTabel } from './tabel.js';
import { staven, grafiekenGeladen } from './grafiek.js';

const KERN = [
  { sleutel: 'pctJongerenMetJeugdhulp', naam: '% jongeren met jeugdhulp', eenheid: 'procent' },
  { sleutel: 'pctJongerenMetVerblijf', naam: '% met verblijf', eenheid: 'procent' },
  { sleutel: 'pctJeugdbescherming', naam: '% met jeugdbescherming', eenheid: 'procent' },
  { sleutel: 'kostenPerClient', naam: 'Kosten per cliënt', eenheid: 'euro' },
  { sleutel: 'jongerenMetJeugdhulp', naam: 'Jongeren met jeugdhulp', eenheid: 'aantal' },
  { sleutel: 'bevolking0tot17', naam: 'Jongeren 0-17', eenheid: 'aantal' },
];
const $ = (id) => document.getElementById(id);

async function start() {
  try {
    const perioden = await haal('perioden');
    if (!perioden.laatste) {
      toonMelding($('melding'), 'Er zijn nog geen gegevens. Importeer eerst berichten.', 'info');
      markeerKlaar();
      return;
    }
    const f = leesFilters({ periode: perioden.laatste, indicator: KERN[0].sleutel, niveau: 'intern' });
    vulKeuze($('periode'), periodeOpties(perioden), f.periode);
    vulKeuze($('indicator'), KERN.slice(0, 4).map((k) => [k.sleutel, k.naam]), f.indicator);
    $('niveau').value = f.niveau === 'publiek' ? 'publiek' : 'intern';
    for (const id of ['periode', 'indicator', 'niveau']) $(id).addEventListener('change', () => laad(true));
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

async function laad(nieuw) {
  const periode = $('periode').value;
  const indicator = $('indicator').value;
  const niveau = $('niveau').value;
  zetFilters({ periode, indicator, niveau: niveau === 'intern' ? '' : niveau }, nieuw);
  try {
    const kern = await haal('kerncijfers', { periode, niveau });
    await grafiekenGeladen;
    $('regio-naam').textContent = kern.regio.naam || '';
    toonMelding($('melding'), '');
    const k = KERN.find((x) => x.sleutel === indicator);
    $('kop-vergelijking').textContent = `${k.naam} per gemeente, ${periode}`;
    const gemeenten = [...kern.gemeenten].sort((a, b) => (b[indicator] ?? -1) - (a[indicator] ?? -1));
    staven($('grafiek-vergelijking'), {
      labels: gemeenten.map((g) => g.naam), eenheid: k.eenheid, markeer: `regio ${kern.regio.naam}`,
      reeksen: [{ naam: k.naam, waarden: gemeenten.map((g) => g[indicator]), gemiddelde: kern.regio[indicator] }],
    });
    const rijen = [...gemeenten.map((g) => [g.naam, ...KERN.map((x) => g[x.sleutel])]),
      [`Regio ${kern.regio.naam}`, ...KERN.map((x) => kern.regio[x.sleutel])]];
    toonTabel($('tabel-vergelijking'), {
      id: 'vergelijking',
      titel: `Gemeenten van de regio ${kern.regio.naam}, ${periode}`,
      kolommen: [{ naam: 'Gemeente' }, ...KERN.map((x) => ({ naam: x.naam, eenheid: x.eenheid, sleutel: x.sleutel }))],
      rijen,
    });
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

startPagina(start);
