// Contracten & budget: budgetplafonds with their use and forecast per aanbieder, spend per
// month, gemeente and product, zorg in natura / PGB / algemene voorzieningen against the
// target, the contracts, a form for plafonds and the plafond check of a toewijzing.
import { haal, stuur, foutTekst, leesFilters, zetFilters, toonMelding, vulKeuze, markeerKlaar, startPagina } from './api.js';
import { formatteer } from './opmaak.js';
import { toonTabel } from './tabel.js';
import { toonKaarten } from './kaarten.js';
import { staven, lijnen, toonGrafiek, grafiekenGeladen } from './grafiek.js';

const $ = (id) => document.getElementById(id);
const SIGNALEN = { 0: 'onder 80%', 80: '80% bereikt', 90: '90% bereikt', 100: 'plafond bereikt' };
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
let aanbieders = [];
let gemeenten = [];
let producten = [];

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
    const [a, p, pl] = await Promise.all([haal('aanbieders'), haal('producten'), haal('budgetplafonds')]);
    aanbieders = a.aanbieders;
    producten = p.producten;
    if (!pl.jaren.length) {
      toonMelding($('melding'), 'Er zijn nog geen budgetplafonds. Importeer budgetplafonds.csv of voeg er hieronder een toe.', 'info');
    }
    const f = leesFilters({ jaar: String(pl.jaar ?? ''), gemeente: '' });
    vulKeuze($('jaar'), [...pl.jaren].reverse().map((j) => [String(j), String(j)]), f.jaar);
    const v = await haal('voorzieningen', { jaar: $('jaar').value || new Date().getFullYear() });
    gemeenten = v.gemeenten.map((g) => [g.gemeente, g.naam]);
    vulKeuze($('gemeente'), [['', 'Hele regio'], ...gemeenten], f.gemeente);
    vulFormulieren();
    for (const id of ['jaar', 'gemeente']) $(id).addEventListener('change', () => laad(true));
    $('plafond-formulier').addEventListener('submit', slaPlafondOp);
    $('plafond-annuleren').addEventListener('click', leegFormulier);
    $('toets-formulier').addEventListener('submit', toets);
    $('contract-formulier').addEventListener('submit', slaContractOp);
    $('tarief-formulier').addEventListener('submit', slaTariefOp);
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
  const productOpties = [...actueel.values()].map((p) => [`${p.productcategorie}|${p.productcode}`, `${p.productcategorie} ${p.productcode} ${p.omschrijving}`]);
  vulKeuze($('toets-product'), productOpties);
  vulKeuze($('tarief-product'), productOpties);
  vulKeuze($('contract-aanbieder'), aanbieders.map((a) => [a.agb, `${a.naam} (${a.agb})`]));
  vulKeuze($('contract-gemeenten'), gemeenten);
}

function toonAanbieders() {
  toonTabel($('tabel-aanbieders'), {
    id: 'aanbieders',
    titel: 'Aanbieders',
    kolommen: [{ naam: 'Aanbieder' }, { naam: 'AGB' }, { naam: 'Soort' }, { naam: 'Landelijk ingekocht', sleutel: 'landelijk' }, { naam: 'Budgetplafond mogelijk', sleutel: 'plafond' }],
    rijen: aanbieders.map((a) => {
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
          vulFormulieren();
        } catch (e) {
          vak.checked = a.landelijk;
          toonMelding($('melding'), foutTekst(e));
        }
      });
      return [a.naam, a.agb, a.soort, { element: vak, tekst: a.landelijk ? 'ja' : 'nee' }, a.vrijgesteld ? 'nee' : 'ja'];
    }),
  });
}

function toonCatalogus() {
  toonTabel($('tabel-producten-catalogus'), {
    id: 'catalogus',
    titel: 'Producten en tarieven',
    kolommen: [{ naam: 'Product' }, { naam: 'Omschrijving' }, { naam: 'Eenheid' }, { naam: 'Tarief', eenheid: 'euro', sleutel: 'tarief' }, { naam: 'Geldig van' }, { naam: 'Geldig tot' }],
    rijen: producten.map((p) => [`${p.productcategorie} ${p.productcode}`, p.omschrijving, p.eenheid, p.tarief, p.geldigVan, p.geldigTot ?? '–']),
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
    toonFouten($('contract-fouten'), e);
  }
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
    await laad(false);
  } catch (e) {
    toonFouten($('tarief-fouten'), e);
  }
}

async function laad(nieuw) {
  const jaar = $('jaar').value;
  const gemeente = $('gemeente').value;
  zetFilters({ jaar, gemeente }, nieuw);
  toonMelding($('melding'), '');
  try {
    if (!jaar) {
      markeerKlaar();
      return;
    }
    const [pl, maanden, perGemeente, perProduct, voorz, contracten] = await Promise.all([
      haal('budgetplafonds', { jaar, gemeente }),
      haal('uitgaven', { jaar, gemeente, groepering: 'maand' }),
      haal('uitgaven', { jaar, gemeente, groepering: 'gemeente' }),
      haal('uitgaven', { jaar, gemeente, groepering: 'product' }),
      haal('voorzieningen', { jaar, gemeente }),
      haal('contracten'),
    ]);
    await grafiekenGeladen;
    kaartenVan(pl);
    toonPlafonds(pl);
    toonMaanden(maanden, pl);
    toonGroep('gemeenten', 'Gemeente', perGemeente, (k) => gemeenten.find(([c]) => c === k)?.[1] ?? k, jaar);
    toonGroep('producten', 'Product', perProduct, (k) => {
      const [c, p] = k.split(' ');
      return `${k} ${producten.find((x) => x.productcategorie === c && x.productcode === p)?.omschrijving ?? ''}`.trim();
    }, jaar);
    toonVoorzieningen(voorz);
    toonContracten(contracten, gemeente);
    toonAanbieders();
    toonCatalogus();
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function kaartenVan(pl) {
  const som = (f) => pl.budgetplafonds.reduce((s, p) => s + f(p), 0);
  const plafond = som((p) => p.bedrag);
  const prognose = som((p) => p.stand.prognose);
  const teller = (g) => pl.budgetplafonds.filter((p) => p.stand.signaalPrognose >= g).length;
  const kaarten = [
    { sleutel: 'plafond', label: `Budgetplafonds ${pl.jaar ?? ''}`, waarde: plafond, eenheid: 'euro', toelichting: `${pl.budgetplafonds.length} plafonds` },
    { sleutel: 'gerealiseerd', label: 'Gerealiseerd', waarde: som((p) => p.stand.gerealiseerd), eenheid: 'euro', toelichting: `gedeclareerd t/m ${datumNl(pl.gedeclareerdTot)}` },
    { sleutel: 'prognose', label: 'Prognose jaareinde', waarde: prognose, eenheid: 'euro', toelichting: plafond ? `${formatteer(100 * prognose / plafond, 'procent')} van de plafonds` : '' },
    { sleutel: 'signalen', label: 'Aanbieders met prognose ≥ 80 / 90 / 100%', waarde: teller(80), eenheid: 'aantal', toelichting: `${teller(80)} / ${teller(90)} / ${teller(100)}` },
  ];
  toonKaarten($('kaarten'), kaarten);
}

function bereik(p) {
  const delen = [];
  if (p.gemeente) delen.push(gemeenten.find(([c]) => c === p.gemeente)?.[1] ?? p.gemeente);
  if (p.productcategorie) delen.push(`categorie ${p.productcategorie}`);
  return delen.length ? delen.join(', ') : 'alles';
}

function toonPlafonds(pl) {
  const rijen = [...pl.budgetplafonds].sort((a, b) => (b.stand.prognosePct ?? 0) - (a.stand.prognosePct ?? 0));
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
      { naam: 'Acties', sleutel: 'acties', export: false },
    ],
    rijen: rijen.map((p) => [
      p.aanbiederNaam, p.aanbieder, bereik(p), p.bedrag, p.stand.gerealiseerd, p.stand.verplicht, p.stand.prognose,
      p.stand.gebruikPct, p.stand.prognosePct, signaalCel(p.stand.signaalPrognose),
      { tekst: p.stand.uitputtingsdatum ? `${p.stand.uitgeput ? 'uitgeput op' : 'verwacht'} ${datumNl(p.stand.uitputtingsdatum)}` : '–', waarde: p.stand.uitputtingsdatum ?? null },
      p.bijOverschrijding,
      { element: acties(p), tekst: '' },
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
  });
  const v = document.createElement('button');
  v.type = 'button';
  v.className = 'utrecht-button utrecht-button--secondary-action';
  v.textContent = 'Verwijderen';
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

function toonMaanden(m, pl) {
  const plafond = pl.budgetplafonds.reduce((s, p) => s + p.bedrag, 0);
  // Spend of the aanbieders with a plafond, per month, beside all spend.
  const metPlafond = new Map();
  // (A plafond covers all gemeenten unless it names one: with a gemeente chosen, only all spend.)
  const vergelijk = !m.gemeente;
  for (const p of vergelijk ? pl.budgetplafonds : [])
    for (const x of p.stand.perMaand) metPlafond.set(x.maand, (metPlafond.get(x.maand) ?? 0) + x.gerealiseerd + x.verplicht);
  let cum = 0;
  let cumPlafond = 0;
  const rond = (x) => Math.round(x * 100) / 100;
  const rijen = m.uitgaven.map((u) => {
    cum += u.gerealiseerd + u.verplicht;
    cumPlafond += metPlafond.get(u.sleutel) ?? 0;
    return [u.sleutel, u.gerealiseerd, u.verplicht, rond(cum), vergelijk ? rond(cumPlafond) : null];
  });
  toonTabel($('tabel-maanden'), {
    id: 'maanden',
    titel: `Uitgaven per maand ${m.jaar}${m.gemeente ? ` ${gemeenten.find(([c]) => c === m.gemeente)?.[1]}` : ''}`,
    kolommen: [{ naam: 'Maand' }, { naam: 'Gerealiseerd', eenheid: 'euro', sleutel: 'gerealiseerd' },
      { naam: 'Verplicht', eenheid: 'euro', sleutel: 'verplicht' }, { naam: 'Cumulatief', eenheid: 'euro', sleutel: 'cumulatief' },
      { naam: 'Cumulatief aanbieders met plafond', eenheid: 'euro', sleutel: 'cumulatiefMetPlafond' }],
    rijen,
  });
  lijnen($('grafiek-maanden'), {
    labels: rijen.map((r) => r[0]),
    eenheid: 'euro',
    reeksen: [
      { naam: 'Alle aanbieders', waarden: rijen.map((r) => r[3]) },
      ...(vergelijk ? [
        { naam: 'Aanbieders met plafond', waarden: rijen.map((r) => r[4]) },
        { naam: 'Som van hun plafonds', waarden: rijen.map(() => (plafond || null)) },
      ] : []),
    ],
    leesbaar: { euroAs: true },
  });
}

function toonGroep(soort, kop, d, naam, jaar) {
  const rijen = [...d.uitgaven].sort((a, b) => b.prognose - a.prognose)
    .map((u) => [naam(u.sleutel), u.sleutel, u.gerealiseerd, u.verplicht, u.prognose]);
  toonTabel($(`tabel-${soort}`), {
    id: soort,
    titel: `Uitgaven per ${kop.toLowerCase()} ${jaar}`,
    kolommen: [{ naam: kop }, { naam: 'Code' }, { naam: 'Gerealiseerd', eenheid: 'euro', sleutel: 'gerealiseerd' },
      { naam: 'Verplicht', eenheid: 'euro', sleutel: 'verplicht' }, { naam: 'Prognose', eenheid: 'euro', sleutel: 'prognose' }],
    rijen,
  });
  staven($(`grafiek-${soort}`), {
    labels: rijen.map((r) => r[0]),
    eenheid: 'euro',
    horizontaal: true,
    reeksen: [{ naam: 'Gerealiseerd', waarden: rijen.map((r) => r[2]) }, { naam: 'Verplicht', waarden: rijen.map((r) => r[3]) }],
    leesbaar: { labelBreedte: 200, euroAs: true },
  });
}

function toonVoorzieningen(v) {
  const rijen = v.gemeenten.map((g) => [g.naam, g.natura, g.pgb, g.algemeen, g.pctNatura, g.pctMaatwerk, g.doelPctMaatwerk]);
  rijen.push(['Totaal', v.totaal.natura, v.totaal.pgb, v.totaal.algemeen, v.totaal.pctNatura, v.totaal.pctMaatwerk, null]);
  toonTabel($('tabel-voorzieningen'), {
    id: 'voorzieningen',
    titel: `Zorg in natura, PGB en algemene voorzieningen ${v.jaar}`,
    kolommen: [{ naam: 'Gemeente' }, { naam: 'Zorg in natura', eenheid: 'euro', sleutel: 'natura' }, { naam: 'PGB', eenheid: 'euro', sleutel: 'pgb' },
      { naam: 'Algemene voorzieningen', eenheid: 'euro', sleutel: 'algemeen' }, { naam: 'Aandeel natura in maatwerk', eenheid: 'procent', sleutel: 'pctNatura' },
      { naam: 'Aandeel maatwerk', eenheid: 'procent', sleutel: 'pctMaatwerk' }, { naam: 'Doel aandeel maatwerk', eenheid: 'procent', sleutel: 'doelPctMaatwerk' }],
    rijen,
  });
  const gem = v.gemeenten;
  toonGrafiek($('grafiek-voorzieningen'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: gem.map((x) => x.naam), axisLabel: { rotate: gem.length > 5 ? 30 : 0, interval: 0 } },
    yAxis: { type: 'value', name: '%', max: 100 },
    series: [
      { type: 'bar', stack: 'v', name: 'Maatwerk', data: gem.map((x) => x.pctMaatwerk) },
      { type: 'bar', stack: 'v', name: 'Algemene voorzieningen', data: gem.map((x) => (x.pctMaatwerk === null ? null : Math.round((100 - x.pctMaatwerk) * 10) / 10)) },
      { type: 'scatter', name: 'Doel maatwerk', symbol: 'rect', symbolSize: [28, 4], data: gem.map((x) => x.doelPctMaatwerk) },
    ],
  }, { leesbaar: {} });
}

function toonContracten(c, gemeente) {
  const lijst = c.contracten.filter((x) => !gemeente || x.gemeenten.includes(gemeente));
  toonTabel($('tabel-contracten'), {
    id: 'contracten',
    titel: 'Contracten',
    kolommen: [{ naam: 'Kenmerk' }, { naam: 'Aanbieder' }, { naam: 'Soort' }, { naam: 'Ingangsdatum' }, { naam: 'Einddatum' }, { naam: 'Gemeenten', eenheid: 'aantal', sleutel: 'gemeenten' }],
    rijen: lijst.map((x) => [x.kenmerk, x.aanbiederNaam, x.soort, x.ingangsdatum, x.einddatum ?? 'onbepaald', x.gemeenten.length]),
  });
}

function leegFormulier() {
  $('plafond-formulier').reset();
  $('plafond-id').value = '';
  $('plafond-versie').value = '';
  $('formulier-kop').textContent = 'Nieuw budgetplafond';
  toonMelding($('formulier-fouten'), '');
}

function toonFouten(el, e) {
  toonMelding(el, foutTekst(e));
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
      vulKeuze($('jaar'), [...pl.jaren].reverse().map((j) => [String(j), String(j)]), $('jaar').value);
    }
    await laad(false);
  } catch (e) {
    toonFouten($('formulier-fouten'), e);
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
    toonFouten(uit, e);
  }
}

startPagina(start);
