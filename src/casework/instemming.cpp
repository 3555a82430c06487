#include "casework/instemming.h"

#include <algorithm>

namespace jr::casework {

Vereist vereiste_instemming(int leeftijd) {
  if (leeftijd < 12) return {true, false};
  if (leeftijd < 16) return {true, true};
  return {false, true};
}

std::vector<InstemmingStand> instemming(const std::vector<store::Gezinslid>& leden,
                                        const std::vector<store::PlanInstemming>& instemmingen,
                                        Date datum) {
  auto stemt_in = [&](int64_t lid_id) {
    return std::any_of(instemmingen.begin(), instemmingen.end(),
                       [&](const auto& i) { return i.lid_id == lid_id && i.instemming; });
  };
  auto huidig = [&](const store::Gezinslid& l) {
    return l.van <= datum && (!l.tot || *l.tot > datum);
  };
  std::vector<InstemmingStand> uit;
  for (const auto& j : leden) {
    if (j.soort != "jeugdige" || !huidig(j) || !j.geboortedatum) continue;
    InstemmingStand s;
    s.lid = j.volgnummer;
    s.leeftijd = datum.age_of(*j.geboortedatum);
    s.vereist = vereiste_instemming(s.leeftijd);
    if (s.vereist.jeugdige && !stemt_in(j.id)) s.ontbreekt.push_back(j.volgnummer);
    if (s.vereist.ouders) {
      bool gezag = false;
      for (const auto& o : leden) {
        if (o.soort != "ouder" || !o.gezag || !huidig(o)) continue;
        gezag = true;
        if (!stemt_in(o.id)) s.ontbreekt.push_back(o.volgnummer);
      }
      if (!gezag) s.ontbreekt.push_back(0);
    }
    uit.push_back(std::move(s));
  }
  return uit;
}

}  // namespace jr::casework
