// What the pages of Contracten & budget share: the jaar and gemeente filters, kept in the URL
// and carried along by the sub-navigation (each link takes the keys in its data-filters), and
// the names the pages show for gemeenten.
import { haal, leesFilters, toonMelding, vulKeuze, zetFilters } from '../api.js';

export const $ = (id) => document.getElementById(id);

// The filters of the page from its URL, in #jaar (the years with budgetplafonds, newest
// first; when the page has one) and #gemeente (with 'Hele regio'). Answers the budgetplafonds
// without filter (their years and the default year) and the gemeenten as [code, naam] pairs.
export async function vulFilters() {
  const pl = await haal('budgetplafonds');
  const f = leesFilters({ jaar: String(pl.jaar ?? ''), gemeente: '' });
  if ($('jaar')) vulKeuze($('jaar'), [...pl.jaren].reverse().map((j) => [String(j), String(j)]), f.jaar);
  const jaar = $('jaar')?.value || pl.jaar || new Date().getFullYear();
  const v = await haal('voorzieningen', { jaar });
  const gemeenten = v.gemeenten.map((g) => [g.gemeente, g.naam]);
  vulKeuze($('gemeente'), [['', 'Hele regio'], ...gemeenten], f.gemeente);
  return { pl, gemeenten };
}

// The filters as chosen now ({jaar, gemeente}; jaar '' on a page without one or in a regio
// without budgetplafonds). Writes them into the URL (a new history entry when `nieuw`) and
// into the links of the sub-navigation, so that another page of Contracten & budget opens on
// the same choice, and clears the page's message for what it loads next.
export function volgFilters(nieuw) {
  const filters = { jaar: $('jaar')?.value ?? '', gemeente: $('gemeente').value };
  zetFilters(filters, nieuw);
  for (const a of document.querySelectorAll('.jr-subnav a[data-filters]')) {
    const q = new URLSearchParams();
    for (const k of a.dataset.filters.split(/\s+/).filter(Boolean)) if (filters[k]) q.set(k, filters[k]);
    a.setAttribute('href', `${a.pathname}${q.size ? `?${q}` : ''}`);
  }
  toonMelding($('melding'), '');
  return filters;
}

// 'Nijmegen' for '0268' (the code itself when unknown).
export const gemeenteNaam = (gemeenten, code) => gemeenten.find(([c]) => c === code)?.[1] ?? code;
