// Clock: where "now" comes from, for the calendar and for intervals. Passed in, never global,
// so that tests fix the date and move time forward instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "domain/date.h"

namespace jr {

class Clock {
 public:
  using Wall = std::chrono::system_clock::time_point;
  using Moment = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;
  // The calendar day in UTC.
  virtual Date today() const = 0;
  // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" of wall().
  virtual std::string now_iso() const = 0;
  // Wall-clock time (UTC): for what is written down (timestamps, lockouts until a time).
  virtual Wall wall() const = 0;
  // Monotonic time: for intervals (sessions, throttling, caches, polls). Never goes back,
  // does not follow changes of the wall clock; only differences between two values mean
  // something.
  virtual Moment monotonic() const = 0;
};

class SystemClock final : public Clock {
 public:
  Date today() const override;
  std::string now_iso() const override;
  Wall wall() const override { return std::chrono::system_clock::now(); }
  Moment monotonic() const override { return std::chrono::steady_clock::now(); }
};

// A clock that stands still at 00:00:00 UTC of one day until it is told to move on, for tests
// and reproducible runs. Thread-safe: a server's threads may read it while a test advances it.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date d) : d_(d) {}
  // Moves wall and monotonic time forward by `d` (the day changes after 24 hours).
  void advance(std::chrono::nanoseconds d) { verder_ += d.count(); }

  Date today() const override;
  std::string now_iso() const override;
  Wall wall() const override;
  Moment monotonic() const override { return Moment(std::chrono::nanoseconds(verder_.load())); }

 private:
  Date d_;
  std::atomic<int64_t> verder_{0};  // nanoseconds advanced
};

// "YYYY-MM-DDTHH:MM:SSZ" of a wall-clock time.
std::string iso_tijdstip(Clock::Wall t);

}  // namespace jr
