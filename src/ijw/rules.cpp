#include "ijw/rules.h"

namespace jr::ijw {

// BOOTSTRAP: replaced by the rule implementations.
void check_rules(Berichttype, const xmlDoc*, const Bericht*, const RuleContext&, Findings&) {}

}  // namespace jr::ijw
