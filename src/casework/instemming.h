// Instemming: whose consent a gezinsplan needs for each jeugdige, by age (Jeugdwet 7.3.4, the
// WGBO's ages): under 12 the ouders with gezag; from 12 to 15 both the ouders with gezag and
// the jeugdige; from 16 the jeugdige alone. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "domain/date.h"
#include "store/casusregister.h"

namespace jr::casework {

struct Vereist {
  bool ouders = false;
  bool jeugdige = false;
};
// Whose consent a jeugdige of `leeftijd` needs.
Vereist vereiste_instemming(int leeftijd);

// The consent of one jeugdige of a plan.
struct InstemmingStand {
  int64_t lid = 0;  // volgnummer of the jeugdige
  int leeftijd = 0;
  Vereist vereist;
  std::vector<int64_t> ontbreekt;  // volgnummers of the members whose consent is missing
  bool compleet() const { return ontbreekt.empty(); }
};

// Per current jeugdige of `leden` on `datum`, whether `instemmingen` (by gezinslid row id)
// hold the consent the age requires; a refusal counts as missing. Without a current ouder with
// gezag, a jeugdige under 16 lacks the ouders' consent (no volgnummer to name: 0).
std::vector<InstemmingStand> instemming(const std::vector<store::Gezinslid>& leden,
                                        const std::vector<store::PlanInstemming>& instemmingen,
                                        Date datum);

}  // namespace jr::casework
