// Scenario: a named set of parameter changes for the prognose, read from a JSON file
// (docs/prognose.md, "Scenarios"). The effect of a scenario is the paired difference with the
// base forecast, run by run, on the same random numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jr::prognose {

struct Scenario {
  std::string naam;
  // POH-jeugd: new referrals by the huisarts (verwijzer 02) lower by this share (0-0.9).
  double huisarts_verlaging = 0;
  // Faster afschaling: durations of care shorter by this share (0-0.9): every end hazard is
  // divided by (1 - share).
  double duur_verkorting = 0;
  // Residential care (hulpvorm 14, overig verblijf) to pleegzorg (11): this share (0-1) of
  // new starts of 14 become pleegzorg as long as the pleegzorg running in that month stays
  // under `pleegzorg_capaciteit` times the pleegzorg running at the peildatum (1-5).
  double verblijf_naar_pleegzorg = 0;
  double pleegzorg_capaciteit = 1.2;
  // Budgetplafonds of this scenario: when an aanbieder's spend in a year reaches its plafond,
  // new starts there wait until 1 January (`wachtrij`) or go to another aanbieder of the
  // same hulpvorm in the gemeente that has room (`omleiden`; waiting when none has).
  struct Plafond {
    std::string aanbieder;
    int64_t bedrag_cent_per_jaar = 0;
    bool omleiden = false;
  };
  std::vector<Plafond> plafonds;

  bool leeg() const {
    return huisarts_verlaging == 0 && duur_verkorting == 0 && verblijf_naar_pleegzorg == 0 &&
           plafonds.empty();
  }
};

// Reads the scenarios of a file: {"scenarios": [S, ...]} or one S, where S is
//   {"naam": "...", "poh_jeugd": {"huisarts_verwijzingen_min_pct": X},
//    "afschaling": {"duur_min_pct": Y},
//    "verblijf_naar_pleegzorg": {"aandeel_pct": Z, "pleegzorg_capaciteit_pct": C},
//    "budgetplafonds": [{"aanbieder": AGB, "bedrag_cent_per_jaar": N,
//                        "bij_uitputting": "wachtrij" | "omleiden"}]}
// every part optional. InvalidArgument names the first unknown key, a value out of range
// (X, Y 0-90; Z 0-100; C 100-500; N > 0), a missing naam or two scenarios of one name.
Result<std::vector<Scenario>> lees_scenarios(std::string_view json_tekst);

}  // namespace jr::prognose
