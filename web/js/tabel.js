// A table as the NL Design System shows it, with CSV and XLSX downloads of exactly its rows
// (POST /api/v1/exports). Each numeric cell keeps the API's value in data-waarde.
import { formatteer } from './opmaak.js';
import { ApiFout, csrfKoppen } from './api.js';

// kolommen: [{naam, eenheid?, sleutel?, export?, heel?}] (eenheid: 'procent', 'euro', 'aantal',
// 'dagen' or undefined for text; sleutel: the cells' data-kolom, else naam; export: false leaves
// the column out of the downloads; heel: a short code such as 2024-01 or 33 33A01 that is never
// broken over two lines)
// rijen: arrays of raw values; a cell may be {tekst, waarde, link} for a link or a text with a value.
export function toonTabel(houder, { id, titel, kolommen, rijen, opRij }) {
  for (const oud of houder.querySelectorAll('.utrecht-table-container, .utrecht-table')) overloop.unobserve(oud);
  houder.innerHTML = '';
  const tabel = document.createElement('table');
  tabel.className = 'utrecht-table utrecht-table--html-table utrecht-table--alternate-row-color';
  tabel.id = id;
  const caption = document.createElement('caption');
  caption.className = 'utrecht-table__caption';
  caption.textContent = titel;
  tabel.append(caption);
  const thead = document.createElement('thead');
  thead.className = 'utrecht-table__header';
  const kopRij = document.createElement('tr');
  kopRij.className = 'utrecht-table__row';
  for (const k of kolommen) {
    const th = document.createElement('th');
    th.className = 'utrecht-table__header-cell' + (k.eenheid ? ' utrecht-table__header-cell--numeric-column' : '');
    th.scope = 'col';
    th.textContent = k.naam;
    kopRij.append(th);
  }
  thead.append(kopRij);
  tabel.append(thead);
  const tbody = document.createElement('tbody');
  tbody.className = 'utrecht-table__body';
  rijen.forEach((rij, i) => {
    const tr = document.createElement('tr');
    tr.className = 'utrecht-table__row';
    rij.forEach((cel, c) => {
      const k = kolommen[c];
      const td = document.createElement(c === 0 ? 'th' : 'td');
      if (c === 0) td.scope = 'row';
      td.className = 'utrecht-table__cell' + (k.eenheid ? ' utrecht-table__cell--numeric-data' : '') + (k.heel ? ' jr-heel' : '');
      td.dataset.kolom = k.sleutel || k.naam;
      if (cel && typeof cel === 'object' && !Array.isArray(cel)) {
        if (cel.link) {
          const a = document.createElement('a');
          a.className = 'utrecht-link utrecht-link--html-a';
          a.href = cel.link;
          a.textContent = cel.tekst;
          if (cel.opKlik) a.addEventListener('click', (e) => { e.preventDefault(); cel.opKlik(); });
          td.append(a);
        } else if (cel.element) {
          td.append(cel.element);
        } else {
          td.textContent = cel.tekst;
        }
        if (cel.waarde !== undefined) td.dataset.waarde = cel.waarde === null ? '' : String(cel.waarde);
      } else {
        td.textContent = k.eenheid ? formatteer(cel, k.eenheid) : (cel ?? '–');
        if (k.eenheid) td.dataset.waarde = cel === null || cel === undefined ? '' : String(cel);
      }
      tr.append(td);
    });
    if (opRij) opRij(tr, i);
    tbody.append(tr);
  });
  tabel.append(tbody);
  const container = document.createElement('div');
  container.className = 'utrecht-table-container';
  container.dataset.titel = titel;
  container.append(tabel);
  houder.append(container);
  overloop.observe(container);
  overloop.observe(tabel);

  const knoppen = document.createElement('div');
  knoppen.className = 'jr-downloads';
  for (const formaat of ['csv', 'xlsx']) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'utrecht-button utrecht-button--secondary-action';
    b.textContent = `Download ${formaat.toUpperCase()}`;
    b.dataset.download = formaat;
    b.addEventListener('click', () => download(formaat, titel, kolommen, rijen));
    knoppen.append(b);
  }
  houder.append(knoppen);
}

// A table wider than its box scrolls sideways. Then the box is a region named after the table
// that the keyboard can reach (tabindex 0) and scroll with the arrow keys (WCAG 2.1.1), and the
// NL Design System's overflow shadows show that there is more; a table that fits stays out of
// the tab order. Looked at again whenever the box or the table changes size (after layout,
// never forcing one).
const overloop = new ResizeObserver((waarnemingen) => {
  for (const w of waarnemingen) {
    const c = w.target.closest('.utrecht-table-container');
    if (c) zetBereikbaar(c);
  }
});

function zetBereikbaar(c) {
  const schuift = c.scrollWidth > c.clientWidth + 1;
  c.classList.toggle('utrecht-table-container--overflow-inline', schuift);
  if (schuift) {
    c.tabIndex = 0;
    c.setAttribute('role', 'region');
    c.setAttribute('aria-label', `${c.dataset.titel} (schuift opzij)`);
  } else {
    c.removeAttribute('tabindex');
    c.removeAttribute('role');
    c.removeAttribute('aria-label');
  }
}

function ruweWaarde(cel) {
  if (cel && typeof cel === 'object' && !Array.isArray(cel)) {
    if (cel.waarde !== undefined && typeof cel.waarde === 'number') return cel.waarde;
    return cel.tekst ?? null;
  }
  return cel ?? null;
}

async function download(formaat, titel, kolommen, rijen) {
  const mee = kolommen.map((k) => k.export !== false);
  const body = {
    titel,
    kolommen: kolommen.filter((_, i) => mee[i])
      .map((k) => (k.eenheid === 'procent' ? `${k.naam} (%)` : k.eenheid === 'euro' ? `${k.naam} (EUR)` : k.naam)),
    rijen: rijen.map((r) => r.filter((_, i) => mee[i]).map(ruweWaarde)),
  };
  const r = await fetch(`/api/v1/exports?formaat=${formaat}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await csrfKoppen()) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new ApiFout(await r.json());
  const naam = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '')?.[1] || `tabel.${formaat}`;
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = naam;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
