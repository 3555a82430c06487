// IndicatorenApi: the CBS indicators per gemeente and regio (GET /indicatoren), the
// kerncijfers beside the regio and the national figures (/kerncijfers, and every half year
// at once: /kerncijfers/verloop), the periods with data (/perioden) and the trajecten
// drill-down (/trajecten). Roles without person-level rights always get disclosure control.
#pragma once

#include <vector>

#include "server/databron.h"

namespace jr::server {

class IndicatorenApi {
 public:
  explicit IndicatorenApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord indicatoren(const Verzoek& v);
  Antwoord kerncijfers(const Verzoek& v);
  Antwoord kerncijfers_verloop(const Verzoek& v);
  Antwoord perioden(const Verzoek& v);
  Antwoord trajecten(const Verzoek& v);

  Databron& bron_;
};

}  // namespace jr::server
