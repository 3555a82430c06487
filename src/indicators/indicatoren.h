// The national youth-care indicators (Informatieprotocol Beleidsinformatie Jeugd, spec §3-4)
// computed from a Snapshot, per gemeente, per regio and in total, for one verslagperiode.
// Pure computation: single passes over the trajecten sorted by jeugdige, integer keys, no I/O.
// Definitions of every figure: docs/indicatoren.md.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/periode.h"
#include "model/snapshot.h"

namespace jr::indicators {

// CBS classes of the duration of ended trajecten, by days (einde - aanvang + 1):
// <91, 91-181, 182-364, 365-729, 730-1095, 1096-1460, >=1461.
inline constexpr std::array<int32_t, 6> kDuurGrenzen = {91, 182, 365, 730, 1096, 1461};
int duurklasse(int32_t dagen);

// What is known of each traject independent of the period, derived once per snapshot.
struct Afgeleid {
  // spec/CBS herhaald beroep: the jeugdige had jeugdhulp (any traject) that ended in the five
  // years before this traject's aanvang, with at least one day without it in between.
  std::vector<uint8_t> herhaald;
  // Outcome 3.2: an ended traject after which any jeugdhulp of the jeugdige starts (a later
  // aanvang) before the end of the following half year.
  std::vector<uint8_t> nieuwe_start;
};
Afgeleid leid_af(const model::Snapshot& s);

// Additive and distinct counts of one level (gemeente, regio or totaal).
struct Telling {
  uint64_t bevolking0tot17 = 0;
  uint64_t jongeren = 0, jongeren0tot17 = 0;  // distinct jeugdigen aged 0-22 / 0-17
  uint64_t totaal = 0, begonnen = 0, beeindigd = 0, lopend_einde = 0;
  std::array<uint64_t, 8> hv_jongeren{}, hv_trajecten{};        // by hulpvorm index
  std::array<uint64_t, 2> groep_jongeren{}, groep_trajecten{};  // 0 zonder, 1 met verblijf
  std::array<uint64_t, 7> verwijzer{};                          // by verwijzer index
  std::array<uint64_t, 6> reden{};  // 01-05, onbekend, of ended trajecten
  uint64_t duur_som = 0;
  std::array<uint64_t, 7> duurklassen{};
  uint64_t herhaald = 0, crisis = 0;
  uint64_t geen_nieuwe_start = 0;  // of the beëindigde: no new start (outcome 3.2)
  uint64_t jeugdbescherming = 0, jeugdreclassering = 0;  // distinct jeugdigen
  int64_t kosten_cent = 0;
  uint64_t kosten_clienten = 0;
  std::array<int64_t, 8> hv_kosten_cent{};
  std::array<uint64_t, 8> hv_kosten_clienten{};
};

struct Niveau {
  enum class Soort { kGemeente, kRegio, kTotaal } soort = Soort::kGemeente;
  std::string code;                    // gemeente code; empty for regio and totaal
  std::string naam;                    // gemeente naam, regio naam, "totaal"
  std::string regio;                   // for a gemeente: its regio
  std::vector<std::string> gemeenten;  // for a regio: its gemeente codes
  Telling t;
};

struct Uitkomst {
  Periode periode;
  std::vector<Niveau> gemeenten;  // in snapshot dictionary order
  std::vector<Niveau> regios;
  Niveau totaal;
};

// All indicators of `periode`. `afgeleid` must come from leid_af(s).
Uitkomst bereken(const model::Snapshot& s, const Afgeleid& afgeleid, const Periode& periode);

// The same for each of `perioden`, in that order, one period per task on up to `draden` threads
// (0: one per core). The snapshot is only read, so the periods share it.
std::vector<Uitkomst> bereken(const model::Snapshot& s, const Afgeleid& afgeleid,
                              const std::vector<Periode>& perioden, unsigned draden = 0);

}  // namespace jr::indicators
