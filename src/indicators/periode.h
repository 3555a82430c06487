// Periode: a verslagperiode of the indicators, a half year ("2024H1", "2024H2", spec §7.3) or
// a calendar year ("2024"); a closed interval of days.
#pragma once

#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/status.h"

namespace jr::indicators {

struct Periode {
  std::string naam;  // "2024H1"
  Date van, tot;     // first and last day, both included
  int jaar() const { return van.year(); }
};

// "2024H1", "2024H2" or "2024" (years 1900-2199); InvalidArgument otherwise.
Result<Periode> lees_periode(std::string_view s);

// The last day of the half year after the one containing `dag` (for "geen nieuwe start").
Date einde_volgend_halfjaar(Date dag);
// The same calendar day `jaren` years earlier (29 February -> 28 February).
Date jaren_eerder(Date dag, int jaren);

}  // namespace jr::indicators
