// What may be shown of the indicators: the figures of one level (gemeente, regio, totaal) as
// typed values after disclosure control, so that every writer (the API's JSON, the CLI's
// table and CSV) and every reader (KPIs, kerncijfers) sees the same numbers and none of them
// reads another's output back. Names of the figures: docs/indicatoren.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indicators/indicatoren.h"

namespace jr::indicators {

enum class Openbaarheid { kIntern, kPubliek };

// DESIGN.md disclosure control: a count below 10 is not shown (nullopt), other counts are
// rounded to a multiple of 5; percentages and averages are computed from the unrounded counts
// and not shown when their numerator or denominator is below 10. kIntern shows everything.
std::optional<uint64_t> toon_aantal(uint64_t n, Openbaarheid o);

// Declared costs of a group of jeugdigen.
struct Kosten {
  std::optional<int64_t> totaal_cent;
  std::optional<uint64_t> clienten;
  std::optional<int64_t> per_client_cent;  // rounded to whole cents; nullopt without clients
};

// The figures of one level as shown; nullopt: suppressed or undefined (no denominator).
// Percentages and averages carry one decimal.
struct Cijfers {
  uint64_t bevolking0tot17 = 0;  // population figures are public
  std::optional<uint64_t> jongeren, jongeren0tot17;
  std::optional<double> pct_jongeren;  // jongeren0tot17 / bevolking0tot17
  std::optional<uint64_t> trajecten, begonnen, beeindigd, lopend_einde;
  std::array<std::optional<uint64_t>, 8> hv_jongeren, hv_trajecten;        // by hulpvorm index
  std::array<std::optional<uint64_t>, 2> groep_jongeren, groep_trajecten;  // zonder, met verblijf
  std::array<std::optional<uint64_t>, 7> verwijzer;                        // by verwijzer index
  std::array<std::optional<uint64_t>, 6> reden;                            // 01-05, onbekend
  std::optional<double> gemiddelde_duur_dagen;
  std::array<std::optional<uint64_t>, 7> duurklassen;
  std::optional<uint64_t> herhaald, crisis;
  std::optional<double> uitval_pct;                       // reden 02-05 of the beëindigde
  std::array<std::optional<double>, 4> uitval_pct_reden;  // reden 02, 03, 04, 05
  std::optional<uint64_t> geen_nieuwe_start;
  std::optional<double> geen_nieuwe_start_pct;
  std::optional<uint64_t> jeugdbescherming, jeugdreclassering;
  Kosten kosten;
  std::array<Kosten, 8> hv_kosten;  // by hulpvorm index
};

// The figures of `t` as level `o` may show them.
Cijfers toon(const Telling& t, Openbaarheid o);

// The names the API uses for the duration classes (kDuurGrenzen), in order.
inline constexpr std::array<const char*, 7> kDuurklasseNamen = {
    "tot3Maanden",  "van3Tot6Maanden", "van6MaandenTot1Jaar", "van1Tot2Jaar",
    "van2Tot3Jaar", "van3Tot4Jaar",    "vanaf4Jaar"};

// The levels of an Uitkomst that one answer is about: every gemeente, or with `gemeente` only
// that one; the regios that have gemeenten (with `gemeente`, only its regio); `regio` the one
// regio when there is exactly one, the totaal otherwise. Pointers into `u`, valid while it
// lives. NotFound when `gemeente` is not in the snapshot.
struct Selectie {
  std::vector<const Niveau*> gemeenten, regios;
  const Niveau* regio = nullptr;
  const Niveau* totaal = nullptr;
};
Result<Selectie> selecteer(const Uitkomst& u, const std::optional<std::string>& gemeente);

}  // namespace jr::indicators
