#include "domain/periode.h"

#include <charconv>

namespace jr {

Result<Periode> lees_periode(std::string_view s) {
  auto fout = [&] {
    return InvalidArgument("periode '" + std::string(s) + "' is geen 2024, 2024H1 of 2024H2");
  };
  if (s.size() != 4 && s.size() != 6) return fout();
  int jaar = 0;
  for (size_t i = 0; i < 4; ++i)
    if (s[i] < '0' || s[i] > '9') return fout();
  std::from_chars(s.data(), s.data() + 4, jaar);
  if (!geldig_jaar(jaar)) return fout();
  Periode p{std::string(s), Date(jaar, 1, 1), Date(jaar, 12, 31)};
  if (s.size() == 6) {
    if (s[4] != 'H' || (s[5] != '1' && s[5] != '2')) return fout();
    if (s[5] == '1')
      p.tot = Date(jaar, 6, 30);
    else
      p.van = Date(jaar, 7, 1);
  }
  return p;
}

Date einde_volgend_halfjaar(Date dag) {
  int y = dag.year();
  return dag.month() <= 6 ? Date(y, 12, 31) : Date(y + 1, 6, 30);
}

Date jaren_eerder(Date dag, int jaren) {
  auto v = dag.ymd();
  int y = static_cast<int>(v.year()) - jaren;
  unsigned m = static_cast<unsigned>(v.month()), d = static_cast<unsigned>(v.day());
  if (m == 2 && d == 29 && !std::chrono::year{y}.is_leap()) d = 28;
  return Date(y, m, d);
}

}  // namespace jr
