// KPI evaluation: the indicators a council target (KPI) can follow, their value read from the
// typed figures of one level, and the status of a target against its straight path from
// nulmeting to ambitie (seed 002 ch. 7, seed 003 ch. 6). Pure: no I/O. The KPI as stored and
// its JSON live in server/kpi.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/weergave.h"

namespace jr::indicators {

// An indicator a KPI can follow.
struct KpiIndicator {
  std::string_view sleutel;  // 'pctJongerenMetJeugdhulp'
  std::string_view naam;     // Dutch label
  std::string_view eenheid;  // 'procent', 'aantal', 'euro', 'dagen'
};
const std::vector<KpiIndicator>& kpi_indicatoren();
// nullptr when `sleutel` is not one of kpi_indicatoren().
const KpiIndicator* zoek_kpi_indicator(std::string_view sleutel);

// The value of KPI indicator `sleutel` in the figures `c` of one level, unrounded (a
// percentage of a shown count divided by the population, euros from cents); nullopt when a
// count it needs is suppressed or undefined, or `sleutel` is unknown.
std::optional<double> kpi_waarde(const Cijfers& c, std::string_view sleutel);

// What a target says: from nulmeting (value in a year or half year) to ambitie (value at the
// end of a year).
struct Koers {
  double nulmeting_waarde = 0;
  std::string nulmeting_periode;  // '2020' or '2020H1'
  double ambitie_waarde = 0;
  int ambitie_jaar = 0;
};

enum class KpiStatus { kOpKoers, kRisico, kUitKoers, kOnbekend };
std::string_view kpi_status_naam(KpiStatus s);  // 'opKoers', 'risico', 'uitKoers', 'onbekend'

// The period in which a target is measured at the chosen period `gekozen`: the latest complete
// period of the same kind as the nulmeting (year or half year) that does not end after it.
// ("2020" nulmeting at "2024H1" -> "2023"; at "2024H2" -> "2024"; "2020H1" at "2024" ->
// "2024H2".) Empty when `gekozen` or the nulmeting periode is malformed.
std::string meetperiode(const Koers& k, std::string_view gekozen);

struct KpiBeoordeling {
  KpiStatus status = KpiStatus::kOnbekend;
  std::string periode;               // the meetperiode
  std::optional<double> realisatie;  // measured value
  std::optional<double> verwacht;    // value on the straight path at the end of the periode
};

// Status of target `k` given the realised value in `periode` (nullopt: unknown):
// the straight path runs from the nulmeting at the end of its period to the ambitie at the end
// of the ambitie year; the expected value at the end of `periode` lies on it (held at the
// ambitie after that year). Lower is better when the ambitie is below the nulmeting, higher
// when above. Op koers: at or ahead of the path. Risico: behind by at most a quarter of the
// planned change (5% of the nulmeting when no change is planned). Uit koers: further behind.
KpiBeoordeling beoordeel(const Koers& k, std::string_view periode,
                         std::optional<double> realisatie);

// The kerncijfers of one level (the Overzicht's tiles): shown figures, percentages with one
// decimal, kosten per cliënt in whole euros.
struct Kerncijfers {
  std::optional<uint64_t> jongeren;
  uint64_t bevolking0tot17 = 0;
  std::optional<double> pct_jeugdhulp, pct_verblijf, pct_jeugdbescherming;
  std::optional<int64_t> kosten_per_client;
};
Kerncijfers kerncijfers(const Cijfers& c);

}  // namespace jr::indicators
