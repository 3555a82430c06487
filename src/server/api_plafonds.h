// PlafondsApi: money. Budgetplafonds with their use and forecast (GET|POST /budgetplafonds,
// GET|PUT|DELETE by id), spend grouped by aanbieder, gemeente, product or month (/uitgaven),
// the check of a new toewijzing against the plafonds (POST /plafondtoetsen), toewijzen of a
// verzoek (POST /verzoeken/{id}/toewijzing, 409 'budgetplafond-overschreden' when a plafond
// that says weigeren would be exceeded) and zorg in natura, PGB and algemene voorzieningen
// (/voorzieningen).
#pragma once

#include <vector>

#include "server/databron.h"

namespace jr::server {

class PlafondsApi {
 public:
  explicit PlafondsApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord plafonds_lijst(const Verzoek& v);
  Antwoord plafond_lees(const Verzoek& v);
  Antwoord plafond_maak(const Verzoek& v);
  Antwoord plafond_wijzig(const Verzoek& v);
  Antwoord plafond_verwijder(const Verzoek& v);
  Antwoord uitgaven(const Verzoek& v);
  Antwoord plafondtoets(const Verzoek& v);
  Antwoord toewijzing_maak(const Verzoek& v);
  Antwoord voorzieningen(const Verzoek& v);

  Databron& bron_;
};

}  // namespace jr::server
