#include "casework/termijnen.h"

namespace jr::casework {

Date paaszondag(int jaar) {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int a = jaar % 19, b = jaar / 100, c = jaar % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int maand = (h + l - 7 * m + 114) / 31, dag = (h + l - 7 * m + 114) % 31 + 1;
  return Date(jaar, static_cast<unsigned>(maand), static_cast<unsigned>(dag));
}

namespace {
// 0 Monday ... 6 Sunday (1970-01-01 was a Thursday).
int weekdag(Date d) { return ((d.days() % 7) + 7 + 3) % 7; }
}  // namespace

bool feestdag(Date d) {
  const int j = d.year();
  const unsigned m = d.month(), dg = d.day();
  if ((m == 1 && dg == 1) || (m == 5 && dg == 5) || (m == 12 && (dg == 25 || dg == 26)))
    return true;
  // Koningsdag: 27 April, or the 26th when the 27th is a Sunday.
  const Date koning(j, 4, 27);
  if (d == (weekdag(koning) == 6 ? koning.add_days(-1) : koning)) return true;
  const Date pasen = paaszondag(j);
  return d == pasen.add_days(1) || d == pasen.add_days(39) || d == pasen.add_days(50);
}

bool werkdag(Date d) { return weekdag(d) < 5 && !feestdag(d); }

Date werkdagen_na(Date d, int n) {
  while (n > 0) {
    d = d.add_days(1);
    if (werkdag(d)) --n;
  }
  return d;
}

Date weken_na(Date d, int weken) {
  Date eind = d.add_days(7 * weken);
  while (!werkdag(eind)) eind = eind.add_days(1);
  return eind;
}

Date besluittermijn(Date aangemeld, const store::CaseworkInstellingen& i) {
  return weken_na(aangemeld, i.awb_weken);
}

Date contacttermijn(Date aangemeld, const store::CaseworkInstellingen& i) {
  return werkdagen_na(aangemeld, i.eerste_contact_werkdagen);
}

Date verzoektermijn(Date dagtekening, bool in_onderzoek) {
  return in_onderzoek ? weken_na(dagtekening, 8) : werkdagen_na(dagtekening, 5);
}

Date bezwaartermijn(Date verzonden) { return weken_na(verzonden, 6); }

}  // namespace jr::casework
