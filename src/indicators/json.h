// The indicator document as JSON (the CLI's `--formaat json` and the API's
// GET /api/v1/indicatoren), with disclosure control for `publiek`, and its flattening into
// rows for CSV and the text table. Names: docs/indicatoren.md.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indicators/indicatoren.h"

namespace jr::indicators {

enum class Openbaarheid { kIntern, kPubliek };

// DESIGN.md disclosure control: a count below 10 is not shown (null), other counts are
// rounded to a multiple of 5; percentages and averages are computed from the unrounded counts
// and not shown when their numerator or denominator is below 10.
std::optional<uint64_t> toon_aantal(uint64_t n, Openbaarheid o);

// The document for `u`. With `gemeente` set, only that gemeente and its regio; NotFound when
// the snapshot does not know the gemeente.
Result<nlohmann::json> naar_json(const Uitkomst& u, Openbaarheid o,
                                 const std::optional<std::string>& gemeente = std::nullopt);

// One object's leaves as (dotted path, text) pairs in document order; null becomes "".
std::vector<std::pair<std::string, std::string>> plat(const nlohmann::json& object);

}  // namespace jr::indicators
