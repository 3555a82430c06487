// Kpi: a target of the council (doel): an indicator for one gemeente or the whole regio, with
// a nulmeting (value in a period) and an ambitie (value in a year), as the API reads and
// writes it. Its evaluation against the figures is in indicators/kpi.h. Pure: no I/O.
#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/kpi.h"
#include "server/probleem.h"
#include "store/kpiregister.h"

namespace jr::server {

// A KPI as stored (store/kpiregister.h).
using Kpi = store::Kpi;

using indicators::kpi_indicatoren;
using indicators::kpi_status_naam;
using indicators::KpiBeoordeling;
using indicators::KpiIndicator;
using indicators::KpiStatus;
using indicators::zoek_kpi_indicator;

// The target of a stored KPI (indicators/kpi.h).
indicators::Koers koers(const Kpi& kpi);
// indicators::meetperiode and indicators::beoordeel of a stored KPI.
std::string meetperiode(const Kpi& kpi, std::string_view gekozen);
KpiBeoordeling beoordeel(const Kpi& kpi, std::string_view periode,
                         std::optional<double> realisatie);

// Field-level checks of a KPI as given by a client (id and timestamps are ignored);
// empty when valid.
std::vector<OngeldigeParameter> valideer(const Kpi& kpi);

// JSON <-> Kpi. kpi_van_json reads the writable fields; type errors become invalid params.
nlohmann::json kpi_json(const Kpi& kpi);
Kpi kpi_van_json(const nlohmann::json& j, std::vector<OngeldigeParameter>& fouten);

}  // namespace jr::server
