// Trajecten: by hulpvorm, verwijzer, reden beëindiging and duur, drilling down from the regio
// to a gemeente, an aanbieder and its products. The level is in the URL (gemeente, aanbieder).
import { haal, leesFilters, zetFilters, toonMelding, vulKeuze, periodeOpties, markeerKlaar, startPagina } from './api.js';
import { formatteer, HULPVORMEN, VERWIJZERS, REDENEN, DUURKLASSEN } from './opmaak.js';
import { toonTabel } from './tabel.js';
import { staven, grafiekenGeladen } from './grafiek.js';

const $ = (id) => document.getElementById(id);
let stand = { gemeente: '', aanbieder: '', gemeenteNaam: '', aanbiederNaam: '' };

async function start() {
  try {
    const perioden = await haal('perioden');
    if (!perioden.laatste) {
      toonMelding($('melding'), 'Er zijn nog geen gegevens. Importeer eerst berichten.', 'info');
      markeerKlaar();
      return;
    }
    const f = leesFilters({ periode: perioden.laatste, gemeente: '', aanbieder: '', niveau: 'intern' });
    vulKeuze($('periode'), periodeOpties(perioden), f.periode);
    $('niveau').value = f.niveau === 'publiek' ? 'publiek' : 'intern';
    stand.gemeente = f.gemeente;
    stand.aanbieder = f.gemeente ? f.aanbieder : '';
    for (const id of ['periode', 'niveau']) $(id).addEventListener('change', () => laad(true));
    window.addEventListener('popstate', () => {
      const g = leesFilters({ periode: $('periode').value, gemeente: '', aanbieder: '', niveau: 'intern' });
      stand.gemeente = g.gemeente;
      stand.aanbieder = g.aanbieder;
      $('periode').value = g.periode;
      laad(false);
    });
    await laad(false);
  } catch (e) {
    toonMelding($('melding'), e.message);
    markeerKlaar();
  }
}

function naar(gemeente, aanbieder) {
  stand.gemeente = gemeente;
  stand.aanbieder = aanbieder;
  laad(true);
}

async function laad(nieuw) {
  const periode = $('periode').value;
  const niveau = $('niveau').value;
  zetFilters({ periode, gemeente: stand.gemeente, aanbieder: stand.aanbieder, niveau: niveau === 'intern' ? '' : niveau }, nieuw);
  try {
    const [doc, regio] = await Promise.all([
      haal('trajecten', { periode, gemeente: stand.gemeente, aanbieder: stand.aanbieder, niveau }),
      stand.gemeente ? haal('trajecten', { periode, niveau }) : null,
    ]);
    await grafiekenGeladen;
    if (regio) stand.gemeenteNaam = regio.onderdelen.find((o) => o.code === stand.gemeente)?.naam || stand.gemeente;
    if (stand.aanbieder) {
      const gem = await haal('trajecten', { periode, gemeente: stand.gemeente, niveau });
      stand.aanbiederNaam = gem.onderdelen.find((o) => o.code === stand.aanbieder)?.naam || stand.aanbieder;
    }
    toonMelding($('melding'), '');
    toonKruimels();
    toonTotalen(doc);
    toonOnderdelen(doc, periode);
    const gebied = stand.aanbieder ? stand.aanbiederNaam : stand.gemeente ? stand.gemeenteNaam : 'regio';
    verdeling('hulpvorm', `Trajecten per hulpvorm, ${gebied} ${periode}`, 'Hulpvorm', doc.perHulpvorm, HULPVORMEN);
    verdeling('verwijzer', `Trajecten per verwijzer, ${gebied} ${periode}`, 'Verwijzer', doc.perVerwijzer, VERWIJZERS);
    verdeling('reden', `Beëindigde trajecten per reden, ${gebied} ${periode}`, 'Reden beëindiging', doc.redenBeeindiging, REDENEN);
    verdeling('duur', `Beëindigde trajecten per duur, ${gebied} ${periode}`, 'Duur', doc.duurklassen, DUURKLASSEN);
  } catch (e) {
    toonMelding($('melding'), e.message);
  }
  markeerKlaar();
}

function toonKruimels() {
  const nav = $('kruimels');
  nav.innerHTML = '';
  const ol = document.createElement('ol');
  const stap = (tekst, klik) => {
    const li = document.createElement('li');
    if (klik) {
      const a = document.createElement('a');
      a.className = 'utrecht-link utrecht-link--html-a';
      a.href = '#';
      a.textContent = tekst;
      a.addEventListener('click', (e) => { e.preventDefault(); klik(); });
      li.append(a);
    } else {
      li.textContent = tekst;
      li.setAttribute('aria-current', 'location');
    }
    ol.append(li);
  };
  stap('Regio', stand.gemeente ? () => naar('', '') : null);
  if (stand.gemeente) stap(stand.gemeenteNaam, stand.aanbieder ? () => naar(stand.gemeente, '') : null);
  if (stand.aanbieder) stap(stand.aanbiederNaam, null);
  nav.append(ol);
}

function toonTotalen(doc) {
  const houder = $('kaarten');
  houder.innerHTML = '';
  for (const [sleutel, label] of [['trajecten', 'Trajecten in de periode'], ['beeindigd', 'Beëindigd in de periode']]) {
    const kaart = document.createElement('div');
    kaart.className = 'jr-kaart';
    kaart.dataset.sleutel = sleutel;
    kaart.innerHTML = '<div class="jr-kaart__label"></div><div class="jr-kaart__waarde"></div>';
    kaart.querySelector('.jr-kaart__label').textContent = label;
    const w = kaart.querySelector('.jr-kaart__waarde');
    w.textContent = formatteer(doc[sleutel], 'aantal');
    w.dataset.waarde = doc[sleutel] ?? '';
    houder.append(kaart);
  }
}

function toonOnderdelen(doc, periode) {
  const soort = doc.uitsplitsing;
  const kop = { gemeente: 'Per gemeente', aanbieder: 'Per aanbieder', product: 'Per product (leveringen)' }[soort];
  $('kop-onderdelen').textContent = kop;
  const maat = soort === 'product' ? 'leveringen' : 'trajecten';
  const onderdelen = [...doc.onderdelen].sort((a, b) => (b[maat] ?? -1) - (a[maat] ?? -1));
  const klik = (o) => {
    if (soort === 'gemeente') return () => naar(o.code, '');
    if (soort === 'aanbieder') return () => naar(stand.gemeente, o.code);
    return null;
  };
  const rijen = onderdelen.map((o) => {
    const k = klik(o);
    const href = soort === 'gemeente' ? `?periode=${doc.periode}&gemeente=${o.code}`
      : soort === 'aanbieder' ? `?periode=${doc.periode}&gemeente=${stand.gemeente}&aanbieder=${encodeURIComponent(o.code)}` : null;
    return [k ? { tekst: o.naam, link: href, opKlik: k } : o.naam, o.code, o[maat]];
  });
  toonTabel($('tabel-onderdelen'), {
    id: 'onderdelen',
    titel: `${kop}, ${periode}`,
    kolommen: [{ naam: soort === 'product' ? 'Product' : soort === 'aanbieder' ? 'Aanbieder' : 'Gemeente' }, { naam: 'Code', heel: true },
      { naam: soort === 'product' ? 'Leveringen' : 'Trajecten', eenheid: 'aantal', sleutel: maat }],
    rijen,
  });
  const top = onderdelen.slice(0, 15);
  const g = staven($('grafiek-onderdelen'), {
    labels: top.map((o) => o.naam), horizontaal: true, eenheid: 'aantal',
    reeksen: [{ naam: soort === 'product' ? 'Leveringen' : 'Trajecten', waarden: top.map((o) => o[maat]) }],
  });
  g.off('click');
  g.on('click', (e) => { const k = klik(top[e.dataIndex]); if (k) k(); });
}

function verdeling(id, titel, kolom, data, namen) {
  const codes = Object.keys(namen);
  const rijen = codes.map((c) => [namen[c], c, data[c] ?? null]);
  toonTabel($(`tabel-${id}`), {
    id, titel,
    kolommen: [{ naam: kolom }, { naam: 'Code', heel: true }, { naam: 'Trajecten', eenheid: 'aantal', sleutel: 'trajecten' }],
    rijen,
  });
  staven($(`grafiek-${id}`), { labels: codes.map((c) => namen[c]), horizontaal: true, eenheid: 'aantal', reeksen: [{ naam: 'Trajecten', waarden: rijen.map((r) => r[2]) }] });
}

startPagina(start);
