// Kpi: a target of the council (doel): an indicator for one gemeente or the whole regio, with
// a nulmeting (value in a period) and an ambitie (value in a year). Its status compares the
// realised value with the straight path from nulmeting to ambitie (seed 002 ch. 7, seed 003
// ch. 6). Pure: no I/O.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/probleem.h"
#include "store/kpiregister.h"

namespace jr::server {

// A KPI as stored (store/kpiregister.h).
using Kpi = store::Kpi;

// An indicator a KPI can follow, with how to read it from a gemeente's (or the regio's)
// part of the indicator document.
struct KpiIndicator {
  std::string_view sleutel;  // 'pctJongerenMetJeugdhulp'
  std::string_view naam;     // Dutch label
  std::string_view eenheid;  // 'procent', 'aantal', 'euro', 'dagen'
};
const std::vector<KpiIndicator>& kpi_indicatoren();
const KpiIndicator* zoek_kpi_indicator(std::string_view sleutel);

// The value of indicator `sleutel` in G (one element of the document's "gemeenten", or its
// "regio"); nullopt when the document does not have it (or a count was suppressed).
std::optional<double> indicator_waarde(const nlohmann::json& g, std::string_view sleutel);

enum class KpiStatus { kOpKoers, kRisico, kUitKoers, kOnbekend };
std::string_view kpi_status_naam(KpiStatus s);  // 'opKoers', 'risico', 'uitKoers', 'onbekend'

// The period in which a KPI is measured at the chosen period `gekozen`: the latest complete
// period of the same kind as the nulmeting (year or half year) that does not end after it.
// ("2020" nulmeting at "2024H1" -> "2023"; at "2024H2" -> "2024"; "2020H1" at "2024" ->
// "2024H2".) Empty when `gekozen` or the nulmeting periode is malformed.
std::string meetperiode(const Kpi& kpi, std::string_view gekozen);

struct KpiBeoordeling {
  KpiStatus status = KpiStatus::kOnbekend;
  std::string periode;               // the meetperiode
  std::optional<double> realisatie;  // measured value
  std::optional<double> verwacht;    // value on the straight path at the end of the periode
};

// Status of `kpi` given the realised value in `periode` (nullopt: unknown):
// the straight path runs from the nulmeting at the end of its period to the ambitie at the end
// of the ambitie year; the expected value at the end of `periode` lies on it (held at the
// ambitie after that year). Lower is better when the ambitie is below the nulmeting, higher
// when above. Op koers: at or ahead of the path. Risico: behind by at most a quarter of the
// planned change (5% of the nulmeting when no change is planned). Uit koers: further behind.
KpiBeoordeling beoordeel(const Kpi& kpi, std::string_view periode,
                         std::optional<double> realisatie);

// Field-level checks of a KPI as given by a client (id and timestamps are ignored);
// empty when valid.
std::vector<OngeldigeParameter> valideer(const Kpi& kpi);

// JSON <-> Kpi. kpi_van_json reads the writable fields; type errors become invalid params.
nlohmann::json kpi_json(const Kpi& kpi);
Kpi kpi_van_json(const nlohmann::json& j, std::vector<OngeldigeParameter>& fouten);

}  // namespace jr::server
