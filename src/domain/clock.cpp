#include "domain/clock.h"

#include <ctime>

namespace jr {

Date SystemClock::today() const { return Date::today_utc(); }

std::string SystemClock::now_iso() const {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace jr
