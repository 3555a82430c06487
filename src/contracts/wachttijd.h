// Wachttijd: waiting times from aanmelding to toewijzing to start, without I/O. The
// aanmelding is the dagtekening of the JW315 a toewijzing answers, otherwise the
// toewijzingsdatum itself (the gemeente's own beschikking); the start is the first current
// JW305 begindatum on the toewijzing (docs/contracten.md).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"

namespace jr::contracts {

struct Wachtgeval {
  int64_t toewijzing_id = 0;
  int64_t toewijzing_nummer = 0;
  std::string gemeente, aanbieder, categorie, productcode;
  Date aanmelding;
  std::string bron;  // "jw315" or "beschikking"
  Date toewijzing;   // toewijzingsdatum
  std::optional<Date> start;
  std::optional<Date> einddatum;  // of the toewijzing, cut at a stop levering
};

enum class Fase { kGestart, kWachtend, kNooitGestart, kNogNiet };
// Where case `g` stands on `peildatum`: started on or before it; toegewezen and waiting;
// ended before it without a start (a start that never came); or not yet toegewezen.
Fase fase(const Wachtgeval& g, Date peildatum);

// Norms in weeks per productcategorie; "*" for the others.
using Normen = std::map<std::string, int>;
// The norm in days for `categorie` (the "*" norm, or 70 days when even that is missing).
int norm_dagen(const Normen& normen, const std::string& categorie);

// Upper bounds (exclusive, in weeks) of the classes of the distribution; the last is open.
inline constexpr std::array<int, 7> kKlasseGrenzenWeken = {2, 4, 6, 8, 10, 13, 26};

struct Spreiding {
  int64_t aantal = 0;
  std::optional<double> gemiddeld;                // days
  std::optional<int> mediaan, p80, p90, maximum;  // days, nearest rank
  int64_t boven_norm = 0;
  std::optional<double> pct_boven_norm;
  std::array<int64_t, kKlasseGrenzenWeken.size() + 1> klassen{};
};

// The distribution of waits `dagen[i]` against norms `norm[i]` (both in days, same size).
Spreiding spreiding(const std::vector<int>& dagen, const std::vector<int>& norm);

// The waits of one group of starts: aanmelding to start against the norm, and the medians of
// its two legs (aanmelding to toewijzing, toewijzing to start).
struct Wachtreeks {
  Spreiding totaal;
  std::optional<int> mediaan_tot_toewijzing, mediaan_toewijzing_tot_start;
};

// The waiting-time overview of a period (the Wachttijden page): the waits of the starts in
// `periode`, in total and per aanbieder, product ("categorie productcode") and gemeente;
// who waits on `peildatum` (per aanbieder too, and how many beyond their norm); and the
// toewijzingen of the periode that ended without a start.
struct Wachtoverzicht {
  Wachtreeks totaal;
  std::map<std::string, Wachtreeks> per_aanbieder, per_product, per_gemeente;
  int64_t wachtend = 0, wachtend_boven_norm = 0, nooit_gestart = 0;
  std::map<std::string, int64_t> wachtend_per_aanbieder;
};
// The overview of `gevallen` (only those of `gemeente` and `aanbieder` when given) for the
// period [van, tot] as known on `peildatum`.
Wachtoverzicht wachtoverzicht(const std::vector<Wachtgeval>& gevallen, const Normen& normen,
                              Date peildatum, Date van, Date tot,
                              const std::optional<std::string>& gemeente,
                              const std::optional<std::string>& aanbieder);

}  // namespace jr::contracts
