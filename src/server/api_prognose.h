// PrognoseApi: the forecast (GET /api/v1/prognoses: the microsimulation of src/prognose on the
// snapshot as known on the peildatum, with scenarios, the document of `jeugdregie prognose
// --formaat json`) and how accurate it was (GET /api/v1/prognoses/backtest). For beleid and
// contract roles, always with disclosure control on counts (docs/prognose.md).
#pragma once

#include <vector>

#include "server/databron.h"

namespace jr::server {

class PrognoseApi {
 public:
  explicit PrognoseApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();

 private:
  Antwoord prognoses(const Verzoek& v);
  Antwoord prognose_backtest(const Verzoek& v);

  Databron& bron_;
};

}  // namespace jr::server
