// Charts with Apache ECharts (SVG renderer: sharp at any zoom and in screenshots).
// The chart library (the part of ECharts web/bouw/echarts.js bundles) is loaded beside the
// page's data, not before the page's module may run: a page awaits `grafiekenGeladen` once
// before it draws its first chart.
import { kortNl } from './opmaak.js';

let echarts = null;
export const grafiekenGeladen = import('/dist/echarts.js').then((m) => { echarts = m; });

const instanties = new Map();
const KLEUREN = ['#01689b', '#e17000', '#39870c', '#a90061', '#8fcae7', '#ffb612', '#42145f', '#76d2b6'];

export function toonGrafiek(el, optie) {
  let g = instanties.get(el);
  if (!g) {
    if (!echarts) throw new Error('grafieken: eerst grafiekenGeladen afwachten');
    g = echarts.init(el, null, { renderer: 'svg' });
    instanties.set(el, g);
  }
  g.setOption({ color: KLEUREN, animation: false, textStyle: { fontFamily: 'inherit' }, ...optie }, true);
  return g;
}

window.addEventListener('resize', () => { for (const g of instanties.values()) g.resize(); });

// A bar chart of [label, value] pairs; values of null are left out.
export function staven(el, { labels, reeksen, eenheid, horizontaal = false, markeer }) {
  const as = { type: 'category', data: labels, axisLabel: { interval: 0, width: 180, overflow: 'truncate' } };
  const waardeAs = { type: 'value', name: eenheid === 'procent' ? '%' : eenheid === 'euro' ? '€' : '' };
  return toonGrafiek(el, {
    tooltip: { trigger: 'axis' },
    legend: reeksen.length > 1 ? { top: 0 } : undefined,
    grid: { left: horizontaal ? 190 : 50, right: 70, top: reeksen.length > 1 ? 40 : 20, bottom: horizontaal ? 30 : 70 },
    xAxis: horizontaal ? waardeAs : { ...as, axisLabel: { ...as.axisLabel, rotate: labels.length > 5 ? 30 : 0 } },
    yAxis: horizontaal ? { ...as, inverse: true } : waardeAs,
    series: reeksen.map((r) => ({
      type: 'bar', name: r.naam, data: r.waarden,
      markLine: r.gemiddelde !== undefined && r.gemiddelde !== null
        ? { symbol: 'none', label: { formatter: markeer || 'regio', position: 'insideEndTop' }, data: [horizontaal ? { xAxis: r.gemiddelde } : { yAxis: r.gemiddelde }] }
        : undefined,
    })),
  });
}

export function lijnen(el, { labels, reeksen, eenheid }) {
  return toonGrafiek(el, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: eenheid === 'procent' ? '%' : '', scale: true },
    series: reeksen.map((r) => ({ type: 'line', name: r.naam, data: r.waarden, connectNulls: false, symbolSize: 7 })),
  });
}

// Makes a chart of the contract pages readable with long names and euro amounts: a legend
// measured in the font it is drawn in, room for category labels of `labelBreedte` pixels on a
// horizontal chart, and euro values on the value axis in Dutch notation.
export function leesbaar(g, { labelBreedte, euroAs = false } = {}) {
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
  g.setOption(optie);
  return g;
}
