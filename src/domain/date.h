// Date: a calendar day, stored as days since 1970-01-01. Periods in the domain are closed
// intervals of days [begin, end]; an open end is std::nullopt at the call site.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jr {

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(int32_t days_since_epoch) : days_(days_since_epoch) {}
  Date(int y, unsigned m, unsigned d);
  explicit Date(std::chrono::year_month_day ymd);

  // Parses "YYYY-MM-DD" strictly (existing calendar day, no time zone). nullopt otherwise.
  static std::optional<Date> parse(std::string_view iso);
  // Today in UTC; only the Clock implementation should call this.
  static Date today_utc();

  constexpr int32_t days() const { return days_; }
  std::chrono::year_month_day ymd() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // "YYYY-MM-DD".
  std::string iso() const;

  Date add_days(int32_t n) const { return Date(days_ + n); }
  Date first_of_month() const;
  Date last_of_month() const;
  // Whole years from birth date `geboren` to this date (age on this date).
  int age_of(Date geboren) const;

  constexpr auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

// Days between two dates, b - a.
inline int32_t days_between(Date a, Date b) { return b.days() - a.days(); }

}  // namespace jr
