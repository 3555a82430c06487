// Contracten & budget, the entry /contracten: on to the first of its pages that is there for
// the user's role, with the filters of the URL that page takes (old links such as
// /contracten?jaar=2024&gemeente=0268 keep working). Without script the page shows
// them in its sub-navigation.
import { markeerKlaar, startPagina } from './api.js';

function verder() {
  const doel = [...document.querySelectorAll('.jr-subnav a[data-rollen]')].find((a) => !a.closest('[hidden]'));
  if (!doel) {
    markeerKlaar();
    return;
  }
  const hier = new URLSearchParams(location.search);
  const q = new URLSearchParams();
  for (const k of doel.dataset.filters.split(/\s+/).filter(Boolean)) if (hier.get(k)) q.set(k, hier.get(k));
  location.replace(`${doel.getAttribute('href')}${q.size ? `?${q}` : ''}`);
}

startPagina(verder);
