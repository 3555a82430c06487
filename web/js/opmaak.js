// Dutch number formatting. A null value (unknown, or hidden by disclosure control) shows as '–'.
const pct = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const heel = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

export function formatteer(waarde, eenheid) {
  if (waarde === null || waarde === undefined || Number.isNaN(waarde)) return '–';
  if (typeof waarde !== 'number') return String(waarde);
  switch (eenheid) {
    case 'procent': return `${pct.format(waarde)}%`;
    case 'euro': return euro.format(waarde);
    case 'aantal': return heel.format(waarde);
    case 'dagen': return `${heel.format(waarde)} dagen`;
    default: return getal.format(waarde);
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
