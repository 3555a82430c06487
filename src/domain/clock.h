// Clock: where "now" comes from. Passed in, never global, so tests can fix the date.
#pragma once

#include <chrono>
#include <string>

#include "domain/date.h"

namespace jr {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
  // UTC timestamp "YYYY-MM-DDTHH:MM:SSZ".
  virtual std::string now_iso() const = 0;
};

class SystemClock final : public Clock {
 public:
  Date today() const override;
  std::string now_iso() const override;
};

// A clock that always says the same day (00:00:00 UTC), for tests and reproducible runs.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date d) : d_(d) {}
  Date today() const override { return d_; }
  std::string now_iso() const override { return d_.iso() + "T00:00:00Z"; }

 private:
  Date d_;
};

}  // namespace jr
