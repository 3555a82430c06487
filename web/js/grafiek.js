// Charts with Apache ECharts (SVG renderer: sharp at any zoom and in screenshots).
// The chart library (the part of ECharts web/bouw/echarts.js bundles) is loaded beside the
// page's data, not before the page's module may run: a page awaits `grafiekenGeladen` once
// before it draws its first chart.
import { kortNl } from './opmaak.js';

let echarts = null;
export const grafiekenGeladen = import('/dist/echarts.js').then((m) => { echarts = m; });

const instanties = new Map();
const KLEUREN = ['#01689b', '#e17000', '#39870c', '#a90061', '#8fcae7', '#ffb612', '#42145f', '#76d2b6'];

// Draws `optie` in `el` in one setOption. `leesbaar` (see leesbaarOptie) is merged in before
// the first draw, and `hoogte` (px) set on the box before ECharts reads its size: a second
// setOption or a resize would lay out and draw the whole chart again.
export function toonGrafiek(el, optie, { leesbaar, hoogte } = {}) {
  if (hoogte) el.style.blockSize = `${hoogte}px`;
  let g = instanties.get(el);
  if (!g) {
    if (!echarts) throw new Error('grafieken: eerst grafiekenGeladen afwachten');
    const maat = maten().get(el);
    g = echarts.init(el, null, { renderer: 'svg', width: maat?.breedte, height: hoogte ?? maat?.hoogte });
    instanties.set(el, g);
  } else if (hoogte) {
    g.resize();
  }
  const basis = { color: KLEUREN, animation: false, textStyle: { fontFamily: 'inherit' }, ...optie };
  // A legend is laid out by the width of its names, measured in the font it names: with the
  // page's font ('inherit') ECharts measures another one and the names overlap.
  if (basis.legend) basis.legend = { textStyle: { fontFamily: 'sans-serif' }, ...basis.legend };
  // The margins are set by hand: ECharts need not measure every label first to fit the grid
  // into the box (its outer bounds, an extra layout pass per axis).
  if (basis.grid) basis.grid = { outerBoundsMode: 'none', ...basis.grid };
  g.setOption(leesbaar ? samen(basis, leesbaarOptie(leesbaar)) : basis, true);
  return g;
}

// The sizes of all chart boxes of the page, read once, when the first chart is drawn: ECharts
// would read each box's size itself, and each read lays the page out again after the tables
// and cards that were added in between. A box's width does not depend on what the page holds
// (fixed grid columns; the scrollbar's room is always kept, see dashboard.css), its height is
// fixed or given (`hoogte`). A box not shown yet (0 wide) is left to ECharts.
let bekendeMaten = null;
function maten() {
  if (!bekendeMaten) {
    bekendeMaten = new Map();
    for (const el of document.querySelectorAll('.jr-grafiek')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) bekendeMaten.set(el, { breedte: r.width, hoogte: r.height });
    }
  }
  return bekendeMaten;
}

window.addEventListener('resize', () => { for (const g of instanties.values()) g.resize(); });

// A category label cut with '…' to `breedte` pixels, measured once per label in the font the
// axis draws in (12 px of the page's font): ECharts' own truncation measures letter by letter
// and builds a table of letter widths per font first. Whole in the tooltip and the table.
let meter = null;
const gemeten = new Map();
function pastIn(tekst, breedte) {
  const s = String(tekst ?? '');
  const sleutel = `${breedte}\n${s}`;
  let uit = gemeten.get(sleutel);
  if (uit !== undefined) return uit;
  if (!meter) {
    meter = document.createElement('canvas').getContext('2d');
    meter.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  }
  uit = s;
  if (meter.measureText(s).width > breedte) {
    let [laag, hoog] = [0, s.length];  // the longest prefix that fits with '…'
    while (laag < hoog) {
      const m = Math.ceil((laag + hoog) / 2);
      if (meter.measureText(`${s.slice(0, m)}…`).width <= breedte) laag = m;
      else hoog = m - 1;
    }
    uit = `${s.slice(0, laag).trimEnd()}…`;
  }
  gemeten.set(sleutel, uit);
  return uit;
}

// A bar chart of [label, value] pairs; values of null are left out. A reeks may carry its
// own markLine.
export function staven(el, { labels, reeksen, eenheid, horizontaal = false, markeer, leesbaar, hoogte }) {
  const breedte = leesbaar?.labelBreedte ?? 180;
  const as = { type: 'category', data: labels, axisLabel: { interval: 0, formatter: (v) => pastIn(v, breedte) } };
  const waardeAs = { type: 'value', name: eenheid === 'procent' ? '%' : eenheid === 'euro' ? '€' : '' };
  return toonGrafiek(el, {
    tooltip: { trigger: 'axis' },
    legend: reeksen.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontaal ? 190 : 50, right: 70, top: reeksen.length > 1 ? 40 : 20, bottom: horizontaal ? 30 : 70 },
    xAxis: horizontaal ? waardeAs : { ...as, axisLabel: { ...as.axisLabel, rotate: labels.length > 5 ? 30 : 0 } },
    yAxis: horizontaal ? { ...as, inverse: true } : waardeAs,
    series: reeksen.map((r) => ({
      type: 'bar', name: r.naam, data: r.waarden,
      markLine: r.markLine ?? (r.gemiddelde !== undefined && r.gemiddelde !== null
        ? { symbol: 'none', label: { formatter: markeer || 'regio', position: 'insideEndTop' }, data: [horizontaal ? { xAxis: r.gemiddelde } : { yAxis: r.gemiddelde }] }
        : undefined),
    })),
  }, { leesbaar, hoogte });
}

export function lijnen(el, { labels, reeksen, eenheid, leesbaar }) {
  return toonGrafiek(el, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: eenheid === 'procent' ? '%' : '', scale: true },
    series: reeksen.map((r) => ({ type: 'line', name: r.naam, data: r.waarden, connectNulls: false, symbolSize: 7 })),
  }, { leesbaar });
}

// What makes a chart of the contract and waiting-time pages readable with long names and euro
// amounts: a legend measured in the font it is drawn in, room for category labels of
// `labelBreedte` pixels on a horizontal chart, and euro values on the value axis in Dutch
// notation. Merged into the chart's option before it is drawn (toonGrafiek's `leesbaar`).
function leesbaarOptie({ labelBreedte, euroAs = false } = {}) {
  const optie = { legend: { textStyle: { fontFamily: 'sans-serif' }, itemGap: 16 } };
  const euroLabel = { axisLabel: { formatter: (v) => `€ ${kortNl(v)}` } };
  if (labelBreedte) {
    optie.grid = { left: labelBreedte + 10 };
    optie.yAxis = { axisLabel: { width: labelBreedte } };
    if (euroAs) optie.xAxis = euroLabel;
  } else if (euroAs) {
    optie.grid = { left: 80 };
    optie.yAxis = euroLabel;
  }
  return optie;
}

// `a` with `b` merged in, object by object, as a second setOption would merge it.
function samen(a, b) {
  const uit = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const oud = a[k];
    uit[k] = oud && typeof oud === 'object' && !Array.isArray(oud) && v && typeof v === 'object' ? samen(oud, v) : v;
  }
  return uit;
}
