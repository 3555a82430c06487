#include "domain/date.h"

#include <charconv>

namespace jr {

namespace ch = std::chrono;

Date::Date(int y, unsigned m, unsigned d)
    : Date(ch::year_month_day{ch::year{y}, ch::month{m}, ch::day{d}}) {}

Date::Date(ch::year_month_day ymd)
    : days_(static_cast<int32_t>(ch::sys_days{ymd}.time_since_epoch().count())) {}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int& out) {
    for (size_t i = pos; i < pos + len; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    auto r = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return r.ec == std::errc{};
  };
  int y = 0, m = 0, d = 0;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  ch::year_month_day ymd{ch::year{y}, ch::month{static_cast<unsigned>(m)},
                         ch::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

Date Date::today_utc() {
  return Date(static_cast<int32_t>(
      ch::floor<ch::days>(ch::system_clock::now()).time_since_epoch().count()));
}

ch::year_month_day Date::ymd() const { return ch::year_month_day{ch::sys_days{ch::days{days_}}}; }
int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }

std::string Date::iso() const {
  auto v = ymd();
  char buf[16];
  int y = static_cast<int>(v.year());
  unsigned m = static_cast<unsigned>(v.month()), d = static_cast<unsigned>(v.day());
  buf[0] = static_cast<char>('0' + (y / 1000) % 10);
  buf[1] = static_cast<char>('0' + (y / 100) % 10);
  buf[2] = static_cast<char>('0' + (y / 10) % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + m / 10);
  buf[6] = static_cast<char>('0' + m % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + d / 10);
  buf[9] = static_cast<char>('0' + d % 10);
  return std::string(buf, 10);
}

Date Date::first_of_month() const {
  auto v = ymd();
  return Date(ch::year_month_day{v.year(), v.month(), ch::day{1}});
}

Date Date::last_of_month() const {
  auto v = ymd();
  return Date(ch::year_month_day{ch::year_month_day_last{v.year(), ch::month_day_last{v.month()}}});
}

int Date::age_of(Date geboren) const {
  auto b = geboren.ymd(), t = ymd();
  int age = static_cast<int>(t.year()) - static_cast<int>(b.year());
  if (t.month() < b.month() || (t.month() == b.month() && t.day() < b.day())) --age;
  return age;
}

}  // namespace jr
