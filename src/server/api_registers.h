// RegistersApi: the registers of contract management: aanbieders (GET, and PUT of name, soort
// and landelijke inkoop), the product catalogue with its tariff periods (GET, POST) and the
// contracten (GET, POST, GET|PUT|DELETE by id). Edits name the version (If-Match); every
// change is an audit event (src/contracts).
#pragma once

#include <vector>

#include "server/databron.h"

namespace jr::server {

class RegistersApi {
 public:
  explicit RegistersApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord aanbieders_lijst(const Verzoek& v);
  Antwoord aanbieder_lees(const Verzoek& v);
  Antwoord aanbieder_wijzig(const Verzoek& v);
  Antwoord producten_lijst(const Verzoek& v);
  Antwoord product_bewaar(const Verzoek& v);
  Antwoord contracten_lijst(const Verzoek& v);
  Antwoord contract_lees(const Verzoek& v);
  Antwoord contract_maak(const Verzoek& v);
  Antwoord contract_wijzig(const Verzoek& v);
  Antwoord contract_verwijder(const Verzoek& v);

  Databron& bron_;
};

}  // namespace jr::server
