// Dutch number formatting. A null value (unknown, or hidden by disclosure control) shows as '–'.
// Written out instead of Intl.NumberFormat: the first Intl formatter of a page loads the
// locale data, 30 to 300 ms of a cold page load here. Same output as nl-NL Intl for these
// formats (rounding half away from zero on the decimal notation; thousands '.', decimals ',').

// `waarde` with at least `min` and at most `max` decimals.
export function getalNl(waarde, min, max) {
  const negatief = waarde < 0 || Object.is(waarde, -0);
  const a = Math.abs(waarde) < 1e-6 ? 0 : Math.abs(waarde);  // no exponent notation below
  const schaal = Math.round(Number(`${a}e${max}`));
  if (!Number.isFinite(schaal) || schaal >= Number.MAX_SAFE_INTEGER) return String(waarde);
  let cijfers = String(schaal).padStart(max + 1, '0');
  let heel = cijfers.slice(0, cijfers.length - max);
  let deel = cijfers.slice(cijfers.length - max);
  while (deel.length > min && deel.endsWith('0')) deel = deel.slice(0, -1);
  heel = heel.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negatief ? '-' : ''}${heel}${deel ? `,${deel}` : ''}`;
}

// Short: 1,2K, 12,3 mln., 1,5 mld. (as nl-NL compact notation).
export function kortNl(waarde) {
  const a = Math.abs(waarde);
  for (const [grens, achter] of [[1e9, '\u00a0mld.'], [1e6, '\u00a0mln.'], [1e3, 'K']])
    if (a >= grens) return `${getalNl(waarde / grens, 0, 1)}${achter}`;
  return getalNl(waarde, 0, 1);
}

export function formatteer(waarde, eenheid) {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return '–';
  if (typeof waarde !== 'number') return String(waarde);
  switch (eenheid) {
    case 'procent': return `${getalNl(waarde, 1, 1)}%`;
    case 'euro': return `€\u00a0${getalNl(waarde, 0, 0)}`;
    case 'aantal': return getalNl(waarde, 0, 0);
    case 'dagen': return `${getalNl(waarde, 0, 0)} dagen`;
    default: return getalNl(waarde, 0, 2);
  }
}

export const HULPVORMEN = {
  '01': 'Wijk- of buurtteam', '02': 'Ambulant op locatie aanbieder', '03': 'Daghulp op locatie aanbieder',
  '04': 'In het netwerk van de jeugdige', '11': 'Pleegzorg', '12': 'Gezinsgericht verblijf', '13': 'Gesloten plaatsing',
  '14': 'Ander verblijf bij aanbieder',
};
export const VERWIJZERS = {
  '01': 'Gemeentelijke toegang', '02': 'Huisarts', '03': 'Jeugdarts', '04': 'Gecertificeerde instelling',
  '05': 'Medisch specialist', '06': 'Geen verwijzer', '08': 'Rechter, OvJ of justitiële jeugdinrichting',
};
export const REDENEN = {
  '01': 'Volgens plan', '02': 'Voortijdig, in overleg', '03': 'Voortijdig, door cliënt',
  '04': 'Voortijdig, door aanbieder', '05': 'Voortijdig, externe oorzaak', onbekend: 'Onbekend',
};
export const DUURKLASSEN = {
  tot3Maanden: 'korter dan 3 maanden', van3Tot6Maanden: '3 tot 6 maanden', van6MaandenTot1Jaar: '6 maanden tot 1 jaar',
  van1Tot2Jaar: '1 tot 2 jaar', van2Tot3Jaar: '2 tot 3 jaar', van3Tot4Jaar: '3 tot 4 jaar', vanaf4Jaar: '4 jaar of langer',
};
