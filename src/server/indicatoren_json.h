// The indicator document as JSON (the CLI's `--formaat json` and the API's
// GET /api/v1/indicatoren, /kerncijfers), written from the typed figures of
// indicators/weergave.h, and its flattening into rows for CSV and the text table. Writing
// only: nothing reads these documents back. Names: docs/indicatoren.md.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indicators/kpi.h"
#include "indicators/weergave.h"

namespace jr::server {

// The document of `u` as level `o` may show it. With `gemeente` set, only that gemeente and
// its regio; NotFound when the snapshot does not know the gemeente.
Result<nlohmann::json> indicatoren_json(const indicators::Uitkomst& u, indicators::Openbaarheid o,
                                        const std::optional<std::string>& gemeente = std::nullopt);

// The kerncijfers of one level: {gemeente, naam, bevolking0tot17, jongerenMetJeugdhulp,
// pctJongerenMetJeugdhulp, pctJongerenMetVerblijf, pctJeugdbescherming, kostenPerClient}.
nlohmann::json kerncijfers_json(const indicators::Niveau& n, indicators::Openbaarheid o);

// One object's leaves as (dotted path, text) pairs in document order; null becomes "".
std::vector<std::pair<std::string, std::string>> plat(const nlohmann::json& object);

}  // namespace jr::server
