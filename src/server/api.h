// Api: the routes of /api/v1 and their handlers, independent of the HTTP library. Each
// handler reads a Verzoek and answers JSON, a file, or a Probleem (problem+json).
#pragma once

#include <vector>

#include "server/databron.h"
#include "server/routes.h"

namespace jr::server {

class Api {
 public:
  explicit Api(Databron& bron) : bron_(bron) {}

  // The route table (the single source for the server and for the OpenAPI comparison).
  std::vector<Route> routes();

  // Runs `route` for `v`: rejects unknown or repeated query keys (400), turns an escaping
  // exception into a 500 problem, and adds the API-Version header.
  static Antwoord behandel(const Route& route, const Verzoek& v);

 private:
  Antwoord indicatoren(const Verzoek& v);
  Antwoord kerncijfers(const Verzoek& v);
  Antwoord perioden(const Verzoek& v);
  Antwoord trajecten(const Verzoek& v);
  Antwoord kpi_indicatoren(const Verzoek& v);
  Antwoord kpis_lijst(const Verzoek& v);
  Antwoord kpi_maak(const Verzoek& v);
  Antwoord kpi_lees(const Verzoek& v);
  Antwoord kpi_wijzig(const Verzoek& v);
  Antwoord kpi_verwijder(const Verzoek& v);
  Antwoord exporteer(const Verzoek& v);

  // Contracten, budgetplafonds and wachttijden (api_contracten.cpp).
  std::vector<Route> contract_routes();
  Antwoord aanbieders_lijst(const Verzoek& v);
  Antwoord aanbieder_wijzig(const Verzoek& v);
  Antwoord producten_lijst(const Verzoek& v);
  Antwoord product_bewaar(const Verzoek& v);
  Antwoord contracten_lijst(const Verzoek& v);
  Antwoord contract_maak(const Verzoek& v);
  Antwoord contract_wijzig(const Verzoek& v);
  Antwoord contract_verwijder(const Verzoek& v);
  Antwoord plafonds_lijst(const Verzoek& v);
  Antwoord plafond_maak(const Verzoek& v);
  Antwoord plafond_wijzig(const Verzoek& v);
  Antwoord plafond_verwijder(const Verzoek& v);
  Antwoord uitgaven(const Verzoek& v);
  Antwoord plafondtoets(const Verzoek& v);
  Antwoord toewijzing_maak(const Verzoek& v);
  Antwoord wachttijden(const Verzoek& v);
  Antwoord wachtlijst(const Verzoek& v);
  Antwoord normen_lijst(const Verzoek& v);
  Antwoord norm_zet(const Verzoek& v);
  Antwoord norm_verwijder(const Verzoek& v);
  Antwoord voorzieningen(const Verzoek& v);

  // The KPI as JSON with its beoordeling at the chosen periode.
  nlohmann::json met_beoordeling(const Kpi& k, const std::string& periode);
  // The latest half year with data; empty when there is no data.
  std::string laatste_halfjaar();

  Databron& bron_;
};

// Answers with a problem document.
Antwoord probleem_antwoord(const Probleem& p);
// Answers with a JSON document.
Antwoord json_antwoord(std::string body, int status = 200);

}  // namespace jr::server
