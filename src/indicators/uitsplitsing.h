// The trajecten drill-down of the dashboard: the trajecten active in a period for the whole
// data, one gemeente or one aanbieder in a gemeente, broken down by the next level (gemeente,
// aanbieder) and by hulpvorm, verwijzer, reden beëindiging and duurklasse. Unrounded counts;
// disclosure control is toon_aantal's (weergave.h) where they are shown.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "domain/periode.h"
#include "domain/status.h"
#include "model/snapshot.h"

namespace jr::indicators {

struct Uitsplitsing {
  uint64_t trajecten = 0, beeindigd = 0;
  // Trajecten per gemeente index (without a gemeente) or per aanbieder index (with one);
  // indexes into the snapshot's dictionaries.
  std::map<uint32_t, uint64_t> per_onderdeel;
  std::array<uint64_t, 8> hulpvorm{};   // by hulpvorm index
  std::array<uint64_t, 7> verwijzer{};  // by verwijzer index
  std::array<uint64_t, 6> reden{};      // of the beëindigde: 01-05, onbekend
  std::array<uint64_t, 7> duurklassen{};
  uint16_t gemeente = UINT16_MAX;   // the gemeente's index, if one was asked
  uint32_t aanbieder = UINT32_MAX;  // the aanbieder's index, if one was asked
};

// The drill-down of `s` over `p`. NotFound for a gemeente or aanbieder the snapshot does not
// know; InvalidArgument for an aanbieder without a gemeente.
Result<Uitsplitsing> splits_trajecten(const model::Snapshot& s, const Periode& p,
                                      const std::optional<std::string>& gemeente,
                                      const std::optional<std::string>& aanbieder);

}  // namespace jr::indicators
