// Contracten & budget, Contracten: the contracts with each aanbieder (filtered on a gemeente),
// and a form to add one.
import { haal, stuur, foutTekst, toonMelding, vulKeuze, markeerKlaar, startPagina } from '../api.js';
import { toonTabel } from '../tabel.js';
import { $, vulFilters, volgFilters, gemeenteNaam } from './gedeeld.js';

let gemeenten = [];

async function start() {
  try {
    const [a, f] = await Promise.all([haal('aanbieders'), vulFilters()]);
    gemeenten = f.gemeenten;
    vulKeuze($('contract-aanbieder'), a.aanbieders.map((x) => [x.agb, `${x.naam} (${x.agb})`]));
    vulKeuze($('contract-gemeenten'), gemeenten);
    $('gemeente').addEventListener('change', () => laad(true));
    $('contract-formulier').addEventListener('submit', slaContractOp);
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

async function laad(nieuw) {
  const { gemeente } = volgFilters(nieuw);
  try {
    toonContracten(await haal('contracten'), gemeente);
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function toonContracten(c, gemeente) {
  const lijst = c.contracten.filter((x) => !gemeente || x.gemeenten.includes(gemeente));
  const alle = gemeenten.length;
  toonTabel($('tabel-contracten'), {
    id: 'contracten',
    titel: `Contracten voor ${gemeente ? gemeenteNaam(gemeenten, gemeente) : 'de gemeenten van de regio'}`,
    kolommen: [{ naam: 'Kenmerk' }, { naam: 'Aanbieder' }, { naam: 'Soort' }, { naam: 'Ingangsdatum' }, { naam: 'Einddatum' },
      { naam: 'Gemeenten', eenheid: 'aantal', sleutel: 'gemeenten' }, { naam: 'Voor', sleutel: 'voor' }],
    rijen: lijst.map((x) => [x.kenmerk, x.aanbiederNaam, x.soort, x.ingangsdatum, x.einddatum ?? 'onbepaald', x.gemeenten.length,
      alle && x.gemeenten.length === alle ? 'alle gemeenten' : x.gemeenten.map((g) => gemeenteNaam(gemeenten, g)).join(', ')]),
  });
}

async function slaContractOp(ev) {
  ev.preventDefault();
  const body = {
    kenmerk: $('contract-kenmerk').value.trim(),
    aanbieder: $('contract-aanbieder').value,
    soort: $('contract-soort').value,
    ingangsdatum: $('contract-ingangsdatum').value.trim(),
    einddatum: $('contract-einddatum').value.trim() || null,
    gemeenten: [...$('contract-gemeenten').selectedOptions].map((o) => o.value),
  };
  try {
    await stuur('POST', 'contracten', body);
    $('contract-formulier').reset();
    toonMelding($('contract-fouten'), '');
    await laad(false);
  } catch (e) {
    toonMelding($('contract-fouten'), foutTekst(e));
  }
}

startPagina(start);
