#include "domain/versie.h"

namespace jr {

Status controleer_versie(std::optional<int64_t> huidig, Versie verwacht, const std::string& wat) {
  if (!huidig) {
    if (verwacht && *verwacht == 0) return Status::Ok();
    return NotFound("er is geen " + wat);
  }
  if (!verwacht || *verwacht == *huidig) return Status::Ok();
  if (*verwacht == 0) return Aborted(wat + " bestaat al (versie " + std::to_string(*huidig) + ")");
  return Aborted(wat + " is intussen gewijzigd: versie " + std::to_string(*huidig) + ", niet " +
                 std::to_string(*verwacht));
}

}  // namespace jr
