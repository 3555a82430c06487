// Versie: the guard against lost updates. Every record a user edits carries a version that
// each change raises by one; an edit names the version it started from (the client's
// If-Match) and is refused when the record has moved on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/status.h"

namespace jr {

// The version an edit starts from: nullopt for any version (If-Match: *), 0 for "must not
// exist yet" (If-None-Match: *, creating with PUT), otherwise that version.
using Versie = std::optional<int64_t>;

// Whether an edit that expects `verwacht` may change a record at version `huidig` (nullopt:
// there is no such record). Ok when it may (a missing record with `verwacht` 0: it may be
// created); NotFound when the record is missing and must exist; Aborted when the record is at
// another version, or exists while `verwacht` is 0. `wat` names the record in the message
// ("KPI 12").
Status controleer_versie(std::optional<int64_t> huidig, Versie verwacht, const std::string& wat);

}  // namespace jr
