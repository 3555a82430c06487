// The indicator computation of docs/indicatoren.md as SQL, for the comparison of
// bench/indicatoren_vergelijk.sh: one text for DuckDB, PostgreSQL and SQLite (only the date
// arithmetic, greatest() and the kind of scratch table differ), over the CSV files that
// `indicatoren --export DIR` writes. Every figure of jeugdregie's Telling is computed, for every
// gemeente, regio and the total and every period of periodes.csv; the columns are named as in
// `indicatoren --uitkomst`.
//
//   node indicatoren_sql.mjs laad DIALECT DIR      the load script (tables, CSV, indexes)
//   node indicatoren_sql.mjs bereken DIALECT       the computation (timed by the caller)
//   node indicatoren_sql.mjs duckdb DIR            load, compute (timed) and write DIR/duckdb.csv
//   node indicatoren_sql.mjs vergelijk DIR E...    compare DIR/E.csv with DIR/jeugdregie.csv
//
// Exit status 1 when an engine's answer differs from jeugdregie's.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const HULPVORMEN = [1, 2, 3, 4, 11, 12, 13, 14];
const VERWIJZERS = [1, 2, 3, 4, 5, 6, 8];
const DUURGRENZEN = [91, 182, 365, 730, 1096, 1461];
const REDEN_ONBEKEND = 6;

// Dialect: days since 1970-01-01 in, days out.
const DIALECTEN = {
  duckdb: {
    tabel: 'TABLE',
    greatest: (a, b) => `greatest(${a}, ${b})`,
    // jaren_eerder(dag, 5): 29 February becomes 28 February.
    vijfJaarEerder: (x) => `(CAST((DATE '1970-01-01' + ${x}) - INTERVAL 5 YEAR AS DATE) - DATE '1970-01-01')`,
    volgendHalfjaar: (x) => {
      const d = `(DATE '1970-01-01' + ${x})`;
      return `(CASE WHEN month(${d}) <= 6 THEN make_date(year(${d}), 12, 31) ELSE make_date(year(${d}) + 1, 6, 30) END - DATE '1970-01-01')`;
    },
  },
  postgres: {
    tabel: 'UNLOGGED TABLE', // regular tables: parallel workers cannot read temporary ones
    greatest: (a, b) => `greatest(${a}, ${b})`,
    vijfJaarEerder: (x) => `(CAST(DATE '1970-01-01' + ${x} - INTERVAL '5 years' AS DATE) - DATE '1970-01-01')`,
    volgendHalfjaar: (x) => {
      const d = `(DATE '1970-01-01' + ${x})`;
      const j = `CAST(extract(year FROM ${d}) AS int)`;
      return `(CASE WHEN extract(month FROM ${d}) <= 6 THEN make_date(${j}, 12, 31) ELSE make_date(${j} + 1, 6, 30) END - DATE '1970-01-01')`;
    },
  },
  sqlite: {
    tabel: 'TEMP TABLE',
    greatest: (a, b) => `max(${a}, ${b})`,
    // julianday() of a number is a Julian day; 29 February is taken back to the 28th first,
    // since SQLite's '-5 years' would roll it over into March.
    vijfJaarEerder: (x) => {
      const jd = `(${x} + 2440587.5)`;
      return `CAST(julianday(${jd} - (strftime('%m-%d', ${jd}) = '02-29'), '-5 years') - 2440587.5 AS INTEGER)`;
    },
    volgendHalfjaar: (x) => {
      const jd = `(${x} + 2440587.5)`;
      return `CAST(julianday(CASE WHEN strftime('%m', ${jd}) <= '06' THEN strftime('%Y', ${jd}) || '-12-31' ELSE (strftime('%Y', ${jd}) + 1) || '-06-30' END) - 2440587.5 AS INTEGER)`;
    },
  },
};

const n = (cond) => `CASE WHEN ${cond} THEN 1 ELSE 0 END`;
const lijst = (xs) => xs.join(',\n    ');
const reeks = (naam, k, f) => Array.from({ length: k }, (_, i) => f(`${naam}_${i}`, i));

// The columns of the answer, in the order of `indicatoren --uitkomst`.
export const KOLOMMEN = [
  'bevolking0tot17', 'jongeren', 'jongeren0tot17', 'totaal', 'begonnen', 'beeindigd', 'lopend_einde',
  ...reeks('hv_jongeren', 8, (c) => c), ...reeks('hv_trajecten', 8, (c) => c),
  ...reeks('groep_jongeren', 2, (c) => c), ...reeks('groep_trajecten', 2, (c) => c),
  ...reeks('verwijzer', 7, (c) => c), ...reeks('reden', 6, (c) => c), 'duur_som',
  ...reeks('duurklasse', 7, (c) => c), 'herhaald', 'crisis', 'geen_nieuwe_start',
  'jeugdbescherming', 'jeugdreclassering', 'kosten_cent', 'kosten_clienten',
  ...reeks('hv_kosten_cent', 8, (c) => c), ...reeks('hv_kosten_clienten', 8, (c) => c),
];

export function laad(dialect, dir) {
  const tabellen = {
    traject: 'traject INTEGER PRIMARY KEY, jeugdige INTEGER, gemeente INTEGER, aanbieder INTEGER, hulpvorm INTEGER, verwijzer INTEGER, reden INTEGER, crisis INTEGER, aanvang INTEGER, einde INTEGER, wordt18 INTEGER, wordt23 INTEGER',
    maatregel: 'jeugdige INTEGER, gemeente INTEGER, soort INTEGER, aanvang INTEGER, einde INTEGER',
    kosten: 'jeugdige INTEGER, gemeente INTEGER, hulpvorm INTEGER, datum INTEGER, bedrag_cent BIGINT',
    bevolking: 'gemeente INTEGER, jaar INTEGER, leeftijd INTEGER, aantal BIGINT',
    gemeente: 'gemeente INTEGER PRIMARY KEY, code TEXT, regio INTEGER',
    periode: 'periode TEXT, jaar INTEGER, van INTEGER, tot INTEGER',
  };
  const bestand = {
    traject: 'trajecten', maatregel: 'maatregelen', kosten: 'kosten', bevolking: 'bevolking',
    gemeente: 'gemeenten', periode: 'periodes',
  };
  const s = [];
  for (const [t, kol] of Object.entries(tabellen)) {
    s.push(`CREATE TABLE ${t} (${kol});`);
    const pad = `${dir}/${bestand[t]}.csv`;
    if (dialect === 'duckdb') s.push(`COPY ${t} FROM '${pad}' (HEADER);`);
    if (dialect === 'postgres') s.push(`\\copy ${t} FROM '${pad}' WITH (FORMAT csv, HEADER true)`);
    if (dialect === 'sqlite') s.push(`.import --csv --skip 1 ${pad} ${t}`);
  }
  if (dialect === 'sqlite') {
    // .import stores an empty field as '' rather than NULL.
    s.push("UPDATE traject SET einde = NULL WHERE einde = '';");
    s.push("UPDATE maatregel SET einde = NULL WHERE einde = '';");
  }
  if (dialect !== 'duckdb') {
    s.push('CREATE INDEX traject_jeugdige ON traject (jeugdige);');
    s.push('ANALYZE;');
  }
  return s.join('\n') + '\n';
}

// The statements of the computation; the last one leaves the answer in table `uitkomst`.
export function bereken(dialect) {
  const D = DIALECTEN[dialect];
  const T = D.tabel;
  const st = [];

  // Period-independent, per traject: herhaald beroep and a new start after the einde.
  st.push(`CREATE ${T} afgeleid AS
SELECT t.traject,
    max(${n(`k.einde <= t.aanvang - 2 AND k.einde >= ${D.vijfJaarEerder('t.aanvang')}`)}) AS herhaald,
    max(${n(`k.aanvang > t.einde AND k.aanvang <= ${D.volgendHalfjaar('t.einde')}`)}) AS nieuwe_start
FROM traject t JOIN traject k ON k.jeugdige = t.jeugdige
GROUP BY t.traject`);

  // Every traject active in a period, once per such period.
  st.push(`CREATE ${T} actief AS
SELECT p.periode, p.van, p.tot, t.jeugdige, t.gemeente, g.regio, t.hulpvorm, t.verwijzer,
    t.reden, t.crisis, t.aanvang, t.einde, t.wordt18, t.wordt23, a.herhaald, a.nieuwe_start
FROM periode p
JOIN traject t ON t.aanvang <= p.tot AND (t.einde IS NULL OR t.einde >= p.van)
JOIN afgeleid a ON a.traject = t.traject
JOIN gemeente g ON g.gemeente = t.gemeente`);

  // Per period, jeugdige and gemeente: the additive counts of its trajecten and what it had.
  const geeindigd = 'einde <= tot';
  const duur = 'einde - aanvang + 1';
  const som = [
    ['totaal', '1'],
    ['begonnen', n('aanvang >= van')],
    ['beeindigd', n(geeindigd)],
    ['lopend_einde', n('(einde IS NULL OR einde > tot)')],
    ...reeks('hv_trajecten', 8, (c, i) => [c, n(`hulpvorm = ${HULPVORMEN[i]}`)]),
    ['groep_trajecten_0', n('hulpvorm < 11')],
    ['groep_trajecten_1', n('hulpvorm >= 11')],
    ...reeks('verwijzer', 7, (c, i) => [c, n(`verwijzer = ${VERWIJZERS[i]}`)]),
    ...reeks('reden', 5, (c, i) => [c, n(`${geeindigd} AND reden = ${i + 1}`)]),
    ['reden_5', n(`${geeindigd} AND reden IN (0, ${REDEN_ONBEKEND})`)],
    ['duur_som', `CASE WHEN ${geeindigd} THEN ${duur} ELSE 0 END`],
    ...reeks('duurklasse', 7, (c, i) => {
      const lo = i === 0 ? '' : ` AND ${duur} >= ${DUURGRENZEN[i - 1]}`;
      const hi = i === 6 ? '' : ` AND ${duur} < ${DUURGRENZEN[i]}`;
      return [c, n(`${geeindigd}${lo}${hi}`)];
    }),
    ['herhaald', n('aanvang >= van AND herhaald = 1')],
    ['crisis', n('aanvang >= van AND crisis = 1')],
    ['geen_nieuwe_start', n(`${geeindigd} AND nieuwe_start = 0`)],
  ];
  const vlag = [
    ...reeks('hv', 8, (c, i) => [c, n(`hulpvorm = ${HULPVORMEN[i]}`)]),
    ['gr_0', n('hulpvorm < 11')],
    ['gr_1', n('hulpvorm >= 11')],
  ];
  // Additive counts straight per period and gemeente; a regio and the total are their sums.
  st.push(`CREATE ${T} ga AS
SELECT periode, gemeente, regio,
    ${lijst(som.map(([c, e]) => `sum(${e}) AS ${c}`))}
FROM actief
GROUP BY periode, gemeente, regio`);

  // Per period, jeugdige and gemeente: what it had there, and its first day with jeugdhulp.
  st.push(`CREATE ${T} pjg AS
SELECT periode, jeugdige, gemeente, regio,
    ${lijst(vlag.map(([c, e]) => `max(${e}) AS ${c}`))},
    min(${D.greatest('van', 'aanvang')}) AS eerste, min(wordt18) AS w18, min(wordt23) AS w23
FROM actief
GROUP BY periode, jeugdige, gemeente, regio`);

  // Age on the first day in the period with jeugdhulp, over all the jeugdige's gemeenten.
  st.push(`CREATE ${T} pj AS
SELECT periode, jeugdige, min(eerste) AS eerste, min(w18) AS w18, min(w23) AS w23
FROM pjg GROUP BY periode, jeugdige`);

  // Distinct jeugdigen are flags (0/1) per period, jeugdige and gemeente; a level sums the
  // flags after taking their maximum per jeugdige within the level.
  const telt = 'j.eerste < j.w23';
  const tj = {
    som: [],
    vlag: [
      ['jongeren', n(telt)],
      ['jongeren0tot17', n(`${telt} AND j.eerste < j.w18`)],
      ...reeks('hv_jongeren', 8, (c, i) => [c, `CASE WHEN ${telt} THEN g.hv_${i} ELSE 0 END`]),
      ...reeks('groep_jongeren', 2, (c, i) => [c, `CASE WHEN ${telt} THEN g.gr_${i} ELSE 0 END`]),
    ],
  };
  st.push(`CREATE ${T} tj AS
SELECT g.periode, g.jeugdige, g.gemeente, g.regio,
    ${lijst(tj.vlag.map(([c, e]) => `${e} AS ${c}`))}
FROM pjg g JOIN pj j ON j.periode = g.periode AND j.jeugdige = g.jeugdige`);

  const mj = {
    som: [],
    vlag: [
      ['jeugdbescherming', n('m.soort = 1')],
      ['jeugdreclassering', n('m.soort = 2')],
    ],
  };
  st.push(`CREATE ${T} mj AS
SELECT p.periode, m.jeugdige, m.gemeente, g.regio,
    ${lijst(mj.vlag.map(([c, e]) => `max(${e}) AS ${c}`))}
FROM periode p
JOIN maatregel m ON m.aanvang <= p.tot AND (m.einde IS NULL OR m.einde >= p.van)
JOIN gemeente g ON g.gemeente = m.gemeente
GROUP BY p.periode, m.jeugdige, m.gemeente, g.regio`);

  const kj = {
    som: [
      ['kosten_cent', 'k.bedrag_cent'],
      ...reeks('hv_kosten_cent', 8, (c, i) => [c, `CASE WHEN k.hulpvorm = ${HULPVORMEN[i]} THEN k.bedrag_cent ELSE 0 END`]),
    ],
    vlag: [
      ['kosten_clienten', '1'],
      ...reeks('hv_kosten_clienten', 8, (c, i) => [c, n(`k.hulpvorm = ${HULPVORMEN[i]}`)]),
    ],
  };
  st.push(`CREATE ${T} kj AS
SELECT p.periode, k.jeugdige, k.gemeente, g.regio,
    ${lijst(kj.som.map(([c, e]) => `sum(${e}) AS ${c}`))},
    ${lijst(kj.vlag.map(([c, e]) => `max(${e}) AS ${c}`))}
FROM periode p
JOIN kosten k ON k.datum >= p.van AND k.datum <= p.tot
JOIN gemeente g ON g.gemeente = k.gemeente
GROUP BY p.periode, k.jeugdige, k.gemeente, g.regio`);

  // The three levels of a per-(periode, jeugdige, gemeente, regio) table.
  const niveaus = (tabel, somk, vlagk) => {
    const kol = [...somk, ...vlagk];
    const uit = lijst(kol.map((c) => `sum(${c}) AS ${c}`));
    const binnen = lijst([...somk.map((c) => `sum(${c}) AS ${c}`), ...vlagk.map((c) => `max(${c}) AS ${c}`)]);
    return `SELECT periode, 'gemeente' AS niveau, gemeente AS sleutel,
    ${uit}
FROM ${tabel} GROUP BY periode, gemeente
UNION ALL
SELECT periode, 'regio', regio,
    ${uit}
FROM (SELECT periode, jeugdige, regio,
    ${binnen}
  FROM ${tabel} GROUP BY periode, jeugdige, regio) x
GROUP BY periode, regio
UNION ALL
SELECT periode, 'totaal', 0,
    ${uit}
FROM (SELECT periode, jeugdige,
    ${binnen}
  FROM ${tabel} GROUP BY periode, jeugdige) x
GROUP BY periode`;
  };
  const delen = [
    ['rt', niveaus('tj', [], tj.vlag.map(([c]) => c)), tj.vlag.map(([c]) => c)],
    ['rm', niveaus('mj', [], mj.vlag.map(([c]) => c)), mj.vlag.map(([c]) => c)],
    ['rk', niveaus('kj', kj.som.map(([c]) => c), kj.vlag.map(([c]) => c)),
      [...kj.som.map(([c]) => c), ...kj.vlag.map(([c]) => c)]],
    ['ra', `SELECT periode, 'gemeente' AS niveau, gemeente AS sleutel,
    ${lijst(som.map(([c]) => `${c}`))}
FROM ga
UNION ALL
SELECT periode, 'regio', regio,
    ${lijst(som.map(([c]) => `sum(${c}) AS ${c}`))}
FROM ga GROUP BY periode, regio
UNION ALL
SELECT periode, 'totaal', 0,
    ${lijst(som.map(([c]) => `sum(${c}) AS ${c}`))}
FROM ga GROUP BY periode`, som.map(([c]) => c)],
    ['rb', `SELECT p.periode, 'gemeente' AS niveau, g.gemeente AS sleutel, sum(b.aantal) AS bevolking0tot17
FROM periode p JOIN bevolking b ON b.jaar = p.jaar AND b.leeftijd <= 17
JOIN gemeente g ON g.gemeente = b.gemeente GROUP BY p.periode, g.gemeente
UNION ALL
SELECT p.periode, 'regio', g.regio, sum(b.aantal)
FROM periode p JOIN bevolking b ON b.jaar = p.jaar AND b.leeftijd <= 17
JOIN gemeente g ON g.gemeente = b.gemeente GROUP BY p.periode, g.regio
UNION ALL
SELECT p.periode, 'totaal', 0, sum(b.aantal)
FROM periode p JOIN bevolking b ON b.jaar = p.jaar AND b.leeftijd <= 17 GROUP BY p.periode`,
    ['bevolking0tot17']],
  ];
  const bron = {};
  for (const [naam, , kol] of delen) for (const c of kol) bron[c] = naam;
  st.push(`CREATE ${T} uitkomst AS
WITH niveau AS (
  SELECT p.periode, 'gemeente' AS niveau, g.gemeente AS sleutel FROM periode p, gemeente g
  UNION ALL
  SELECT p.periode, 'regio', r.regio FROM periode p, (SELECT DISTINCT regio FROM gemeente) r
  UNION ALL
  SELECT p.periode, 'totaal', 0 FROM periode p
),
${delen.map(([naam, sql]) => `${naam} AS (\n${sql}\n)`).join(',\n')}
SELECT n.periode, n.niveau, n.sleutel,
    ${lijst(KOLOMMEN.map((c) => `coalesce(${bron[c]}.${c}, 0) AS ${c}`))}
FROM niveau n
${delen.map(([naam]) => `LEFT JOIN ${naam} ON ${naam}.periode = n.periode AND ${naam}.niveau = n.niveau AND ${naam}.sleutel = n.sleutel`).join('\n')}`);
  return st.map((s) => s + ';');
}

export const UITKOMST_SQL = `SELECT * FROM uitkomst ORDER BY periode, niveau, sleutel`;

async function duckdb(dir) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // Default threads (one per core); memory capped to leave room on a shared machine.
  const db = await DuckDBInstance.create(':memory:', { memory_limit: '8GB' });
  const c = await db.connect();
  await c.run(laad('duckdb', dir));
  const draden = (await c.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t;
  let s = 0;
  const stappen = [];
  const cpu0 = process.cpuUsage();
  for (const stmt of bereken('duckdb')) {
    const t0 = performance.now();
    await c.run(stmt);
    const dt = (performance.now() - t0) / 1000;
    s += dt;
    stappen.push(`${stmt.match(/^CREATE \S+ (\S+)/)[1]} ${dt.toFixed(3)}`);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`duckdb: per stap (s): ${stappen.join(', ')}`);
  await c.run(`COPY (${UITKOMST_SQL}) TO '${dir}/duckdb.csv' (HEADER)`);
  console.log(`duckdb: ${draden} threads, berekening ${s.toFixed(3)} s (cpu ${cpuS.toFixed(3)} s)`);
  console.log(`duckdb_s=${s.toFixed(3)}`);
  console.log(`duckdb_cpu_s=${cpuS.toFixed(3)}`);
}

function leesCsv(pad) {
  const regels = readFileSync(pad, 'utf8').trim().split(/\r?\n/);
  const kop = regels[0].split(',');
  const rijen = new Map();
  for (const r of regels.slice(1)) {
    const v = r.split(',');
    const rij = {};
    kop.forEach((k, i) => { rij[k] = v[i]; });
    rijen.set(`${rij.periode} ${rij.niveau} ${rij.sleutel}`, rij);
  }
  return { kop, rijen };
}

// Every figure of every period and level must be equal; a level missing on one side counts as
// all zero (a regio without gemeenten, a gemeente without data).
function vergelijk(dir, engines) {
  const ref = leesCsv(`${dir}/jeugdregie.csv`);
  let fout = false;
  for (const e of engines) {
    const ander = leesCsv(`${dir}/${e}.csv`);
    const ontbreekt = KOLOMMEN.filter((k) => !ref.kop.includes(k) || !ander.kop.includes(k));
    if (ontbreekt.length) {
      console.error(`${e}: kolommen ontbreken: ${ontbreekt.join(' ')}`);
      fout = true;
      continue;
    }
    const sleutels = new Set([...ref.rijen.keys(), ...ander.rijen.keys()]);
    const verschil = [];
    let niet0 = 0;
    for (const s of sleutels) {
      const a = ref.rijen.get(s), b = ander.rijen.get(s);
      for (const k of KOLOMMEN) {
        const x = BigInt(a ? a[k] : 0), y = BigInt(b ? b[k] : 0);
        if (x !== y) verschil.push(`${s} ${k}: jeugdregie ${x}, ${e} ${y}`);
        if (x !== 0n) ++niet0;
      }
    }
    if (verschil.length) {
      console.error(`${e}: ${verschil.length} verschillen met jeugdregie, bijvoorbeeld:\n  ${verschil.slice(0, 10).join('\n  ')}`);
      fout = true;
    } else {
      console.log(`${e}: gelijk aan jeugdregie (${sleutels.size} periode-niveaus x ${KOLOMMEN.length} cijfers, ${niet0} niet nul)`);
    }
  }
  if (fout) process.exit(1);
}

const [cmd, ...arg] = process.argv.slice(2);
if (import.meta.url !== `file://${process.argv[1]}`) {
  // imported, not run
} else if (cmd === 'laad') process.stdout.write(laad(arg[0], arg[1]));
else if (cmd === 'bereken') process.stdout.write(bereken(arg[0]).join('\n') + '\n');
else if (cmd === 'duckdb') await duckdb(arg[0]);
else if (cmd === 'vergelijk') vergelijk(arg[0], arg.slice(1));
else {
  console.error('gebruik: node indicatoren_sql.mjs laad|bereken DIALECT [DIR] | duckdb DIR | vergelijk DIR ENGINE...');
  process.exit(2);
}
