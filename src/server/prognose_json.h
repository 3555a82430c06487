// The prognose and its backtest as JSON: the document of `jeugdregie prognose --formaat json`
// and of GET /api/v1/prognoses, with the indicators' names (docs/prognose.md) and, for
// `publiek`, the disclosure control of DESIGN.md on every count.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "indicators/weergave.h"
#include "prognose/backtest.h"
#include "prognose/prognose.h"

namespace jr::server {

// The forecast with the realised `historie` of each level; with `gemeente`, only that gemeente
// beside the regio (NotFound when the forecast does not know it).
Result<nlohmann::json> prognose_naar_json(const prognose::Prognose& p,
                                          const std::vector<prognose::Historie>& historie,
                                          indicators::Openbaarheid o,
                                          const std::optional<std::string>& gemeente);

// The backtest: origins, horizons and a score per method, indicator, horizon and level.
nlohmann::json backtest_naar_json(const prognose::Backtest& b);

}  // namespace jr::server
