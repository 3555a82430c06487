// KpiApi: the council's targets (GET /kpi-indicatoren, GET|POST /kpis,
// GET|PUT|DELETE /kpis/{id}): each KPI with its status against the path from nulmeting to
// ambitie in the chosen period; edits name the KPI's version (If-Match). A KPI of a gemeente
// is seen and changed only by callers of that gemeente or the whole regio.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "server/databron.h"
#include "server/kpi.h"

namespace jr::server {

class KpiApi {
 public:
  explicit KpiApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord kpi_indicatoren(const Verzoek& v);
  Antwoord kpis_lijst(const Verzoek& v);
  Antwoord kpi_maak(const Verzoek& v);
  Antwoord kpi_lees(const Verzoek& v);
  Antwoord kpi_wijzig(const Verzoek& v);
  Antwoord kpi_verwijder(const Verzoek& v);
  std::variant<std::pair<int64_t, Versie>, Antwoord> kpi_bewerking(const Verzoek& v);
  // The KPI as JSON with its beoordeling at the chosen periode.
  nlohmann::json met_beoordeling(const Kpi& k, const std::string& periode);
  // The latest half year with data; empty when there is no data.
  std::string laatste_halfjaar();

  Databron& bron_;
};

}  // namespace jr::server
