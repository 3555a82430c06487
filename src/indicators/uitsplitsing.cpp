#include "indicators/uitsplitsing.h"

#include "indicators/indicatoren.h"
#include "model/codes.h"

namespace jr::indicators {

Result<Uitsplitsing> splits_trajecten(const model::Snapshot& s, const Periode& p,
                                      const std::optional<std::string>& gemeente,
                                      const std::optional<std::string>& aanbieder) {
  Uitsplitsing u;
  if (gemeente) {
    u.gemeente = s.gemeente_index(*gemeente);
    if (u.gemeente == UINT16_MAX) return NotFound("gemeente " + *gemeente + " komt niet voor");
  }
  if (aanbieder) {
    if (!gemeente) return InvalidArgument("aanbieder kan alleen samen met gemeente");
    for (uint32_t i = 0; i < s.aanbieder_code.size(); ++i)
      if (s.aanbieder_code[i] == *aanbieder) u.aanbieder = i;
    if (u.aanbieder == UINT32_MAX) return NotFound("aanbieder " + *aanbieder + " komt niet voor");
  }
  const auto& t = s.trajecten;
  const int32_t van = p.van.days(), tot = p.tot.days();
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.aanvang[i] > tot || t.einde[i] < van) continue;
    if (u.gemeente != UINT16_MAX && t.gemeente[i] != u.gemeente) continue;
    if (u.aanbieder != UINT32_MAX && t.aanbieder[i] != u.aanbieder) continue;
    ++u.trajecten;
    ++u.per_onderdeel[u.gemeente == UINT16_MAX ? t.gemeente[i] : t.aanbieder[i]];
    if (int h = model::hulpvorm_index(t.hulpvorm[i]); h >= 0) ++u.hulpvorm[h];
    if (int w = model::verwijzer_index(t.verwijzer[i]); w >= 0) ++u.verwijzer[w];
    if (t.einde[i] >= van && t.einde[i] <= tot) {
      ++u.beeindigd;
      const uint8_t r = t.reden[i];
      ++u.reden[r >= 1 && r <= 5 ? r - 1 : 5];
      ++u.duurklassen[duurklasse(t.einde[i] - t.aanvang[i] + 1)];
    }
  }
  return u;
}

}  // namespace jr::indicators
