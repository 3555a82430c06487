// WachttijdenApi: waiting times from aanmelding to toewijzing and start per aanbieder,
// product and gemeente against their norms (GET /wachttijden), the wachtlijst of toegewezen
// care not yet started (GET /wachtlijst), and the norms (GET /wachttijdnormen,
// GET|PUT|DELETE /wachttijdnormen/{categorie}).
#pragma once

#include <vector>

#include "server/databron.h"

namespace jr::server {

class WachttijdenApi {
 public:
  explicit WachttijdenApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord wachttijden(const Verzoek& v);
  Antwoord wachtlijst(const Verzoek& v);
  Antwoord normen_lijst(const Verzoek& v);
  Antwoord norm_lees(const Verzoek& v);
  Antwoord norm_zet(const Verzoek& v);
  Antwoord norm_verwijder(const Verzoek& v);

  Databron& bron_;
};

}  // namespace jr::server
