// Periode: a verslagperiode, a half year ("2024H1", "2024H2", spec §7.3) or a calendar year
// ("2024"); a closed interval of days. The one parser of periods and the one rule for which
// years are valid, for the indicators, KPIs, contracts and waiting times alike.
#pragma once

#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/status.h"

namespace jr {

struct Periode {
  std::string naam;  // "2024H1"
  Date van, tot;     // first and last day, both included
  int jaar() const { return van.year(); }
};

// The years a period, a KPI's ambitie or a plafond may name: 1900-2199.
inline constexpr int kEersteJaar = 1900, kLaatsteJaar = 2199;
inline constexpr bool geldig_jaar(int jaar) { return jaar >= kEersteJaar && jaar <= kLaatsteJaar; }

// "2024H1", "2024H2" or "2024" of a valid year; InvalidArgument otherwise.
Result<Periode> lees_periode(std::string_view s);

// The last day of the half year after the one containing `dag` (for "geen nieuwe start").
Date einde_volgend_halfjaar(Date dag);
// The same calendar day `jaren` years earlier (29 February -> 28 February).
Date jaren_eerder(Date dag, int jaren);

}  // namespace jr
