#include "domain/clock.h"

#include <ctime>

namespace jr {

std::string iso_tijdstip(Clock::Wall t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Date SystemClock::today() const { return Date::today_utc(); }

std::string SystemClock::now_iso() const { return iso_tijdstip(wall()); }

Clock::Wall FixedClock::wall() const {
  const auto dag = std::chrono::sys_days(std::chrono::days(d_.days()));
  return std::chrono::time_point_cast<Wall::duration>(dag) +
         std::chrono::duration_cast<Wall::duration>(std::chrono::nanoseconds(verder_.load()));
}

Date FixedClock::today() const {
  const auto dag = std::chrono::floor<std::chrono::days>(wall());
  return Date(static_cast<int32_t>(dag.time_since_epoch().count()));
}

std::string FixedClock::now_iso() const { return iso_tijdstip(wall()); }

}  // namespace jr
