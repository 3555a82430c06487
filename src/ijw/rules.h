// Message rules: every rule of regels-ijw-3.2.csv that can be checked inside one message
// (condities CDxxx, constraints CSxxx, technische regels TRxxx at "bericht inhoud" level and
// the external-source rules whose source is a codelist of the standard, e.g. TR378).
// Rules that need stored state (berichtoverstijgend) live in the import.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <set>
#include <string>

#include "domain/status.h"
#include "ijw/berichttype.h"
#include "ijw/codelijsten.h"
#include "ijw/finding.h"
#include "ijw/message.h"

namespace jr::ijw {

struct RuleContext {
  const Codelijsten* codelijsten = nullptr;  // null: skip rules needing codelists
};

// Appends a finding per violated rule. `doc` is the same message as parsed XML, for rules
// on types without a struct (JW317, JW319, retour messages); `bericht` may be null then.
void check_rules(Berichttype type, const xmlDoc* doc, const Bericht* bericht,
                 const RuleContext& ctx, Findings& out);

}  // namespace jr::ijw
