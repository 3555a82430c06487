// Prognose: where youth care is heading. A microsimulation of the care running at the
// peildatum and of new inflow, calibrated on the snapshot as known on that day, with three
// layers of uncertainty (parameters, drift, process) and scenarios as paired differences.
// Pure: reads a model::Snapshot, does no I/O, and is deterministic given the seed (the
// numbers come from a counter-based generator keyed by run and jeugdige, philox.h).
// The model and its choices: docs/prognose.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/periode.h"
#include "domain/status.h"
#include "model/snapshot.h"
#include "prognose/scenario.h"

namespace jr::prognose {

inline constexpr int kMaxHorizonMaanden = 60;

// The figures forecast, by the names of `jeugdregie indicatoren` (docs/indicatoren.md).
enum Indicator : int {
  kJongeren = 0,      // jongerenMetJeugdhulp
  kTrajecten,         // trajecten.totaal
  kJongerenVerblijf,  // perGroep.metVerblijf.jongeren
  kKosten,            // kosten.totaalCent
  kAantalIndicatoren
};
// "jongerenMetJeugdhulp", "trajecten.totaal", "perGroep.metVerblijf.jongeren",
// "kosten.totaalCent".
const char* indicator_naam(int indicator);

// Settings of estimation and simulation; the defaults are the model of docs/prognose.md.
struct Instellingen {
  int horizon_maanden = 60;  // 1..60
  int runs = 1000;
  uint64_t seed = 1;
  unsigned draden = 0;                   // threads; 0: one per core
  int venster_maanden = 24;              // estimation window before the peildatum
  double halfwaardetijd_maanden = 12.0;  // weight of older months in the window
  double krimp = 24.0;  // prior weight (exposure months) pulling a gemeente to the regio
  // Drift: monthly standard deviation of the random walk on the log level of every figure;
  // nullopt: calibrated from the residuals of forecasts made earlier on the same data
  // (kalibreer_drift), or 0.01 when the data are too short for that.
  std::optional<double> drift_sigma;
  // The memoryless Markov model of the backtest's baselines: hazards that do not depend on
  // the time in care, no seasonality, no parameter or drift uncertainty.
  bool geheugenloos = false;
  // Keep every run's value beside the summary (Periodeprognose::runs), for the backtest's
  // CRPS.
  bool bewaar_runs = false;
};

// A distribution over the runs.
struct Verdeling {
  double gemiddelde = 0, p10 = 0, p50 = 0, p90 = 0;
};

// One half year of one level: the figures' distributions.
struct Periodeprognose {
  Periode periode;
  bool deels_bekend = false;  // the peildatum lies inside it: its first part is data
  std::array<Verdeling, kAantalIndicatoren> waarde{};
  std::array<std::vector<double>, kAantalIndicatoren> runs{};  // with Instellingen::bewaar_runs
};

// One level: a gemeente (code set) or the regio (code empty: all gemeenten of the snapshot).
struct Reeks {
  std::string gemeente;  // CBS code; empty for the regio
  std::string naam;
  std::vector<Periodeprognose> perioden;
};

// The exhaustion of a budgetplafond (of an aanbieder in the year of the peildatum and the
// next ones inside the horizon), over the runs.
struct Plafonduitputting {
  std::string aanbieder;
  int jaar = 0;
  int64_t bedrag_cent = 0;
  double kans_uitgeput = 0;           // share of runs in which it is reached that year
  std::optional<Date> p10, p50, p90;  // exhaustion day among all runs (nullopt: not reached)
};

// A scenario beside the base: its own figures and the paired difference (scenario − base,
// run by run, with the same random numbers).
struct Scenarioprognose {
  std::string naam;
  std::vector<Reeks> gemeenten;
  Reeks regio;
  std::vector<Reeks> verschil_gemeenten;
  Reeks verschil_regio;
  // Jeugdigen whose start waits for a budgetplafond at the end of each half year.
  std::vector<Verdeling> wachtend_op_plafond;
  std::vector<Plafonduitputting> plafonds;
};

struct Prognose {
  Date peildatum;
  Date gedeclareerd_tot;  // costs up to this day are the declared ones
  int horizon_maanden = 0;
  int runs = 0;
  uint64_t seed = 0;
  double drift_sigma = 0;
  std::string drift_bron;  // "backtest" (residuals of earlier forecasts), "instelling", "standaard"
  std::vector<Reeks> gemeenten;  // in snapshot dictionary order
  Reeks regio;
  std::vector<Plafonduitputting> plafonds;
  std::vector<Scenarioprognose> scenarios;
};

// A budgetplafond given to the forecast (the register's, read by the caller).
struct Plafond {
  std::string aanbieder;
  int jaar = 0;
  int64_t bedrag_cent = 0;
};

// The first day of the data: the earliest begindatum of a declared prestatie (the
// registration is complete from the first declaraties on); nullopt for an empty snapshot.
std::optional<Date> eerste_dag(const model::Snapshot& s);

// What in the input of a forecast is wrong: the parameter (horizon, runs, peildatum,
// scenario) and why, in Dutch.
struct OngeldigeInvoer {
  std::string parameter;
  std::string reden;
};
// The first thing wrong with this input to voorspel (see there); nullopt when it is valid.
std::optional<OngeldigeInvoer> controleer_invoer(const model::Snapshot& s, Date peildatum,
                                                 const Instellingen& inst,
                                                 const std::vector<Scenario>& scenarios);

// The forecast from `peildatum` on, on `s` as known on the peildatum (build it with
// model::bouw_snapshot(store, peildatum)). InvalidArgument: horizon outside 1..60, runs
// outside 1..100000, a peildatum before the data start (eerste_dag) or without a day of
// data before it, an empty snapshot, or an invalid scenario (controleer_invoer).
Result<Prognose> voorspel(const model::Snapshot& s, Date peildatum, const Instellingen& inst,
                          const std::vector<Scenario>& scenarios = {},
                          const std::vector<Plafond>& plafonds = {});

// The values of `s` itself for the half year `p` and each level (gemeenten in dictionary
// order, then the regio), by the indicators engine: the realised history.
std::vector<std::array<double, kAantalIndicatoren>> gerealiseerd(const model::Snapshot& s,
                                                                 const Periode& p);

// The realised values of the `halfjaren` half years that end on or before `peildatum` (oldest
// first) and begin on or after the data's first day, as `gerealiseerd` gives them.
struct Historie {
  Periode periode;
  std::vector<std::array<double, kAantalIndicatoren>> waarden;  // gemeenten, then the regio
};
std::vector<Historie> historie(const model::Snapshot& s, Date peildatum, int halfjaren = 6);

// The snapshot cut at `dag` by dates alone: trajecten that began after it left out, ends
// after it open, prestaties after it left out. An approximation of the view as known on
// that day (it still sees late messages and corrections) used to size the drift cheaply;
// the backtest and --peildatum use the real one (model::bouw_snapshot with bekend_op).
model::Snapshot kappen(const model::Snapshot& s, Date dag);

// The drift from the residuals of forecasts of trajecten and jongeren for the regio made at
// the half-year ends 12 to 36 months before `peildatum` on kappen(s, origin), 6 and 12
// months ahead, against what `s` shows: the monthly sigma of a random walk on the log level
// that explains the part of the squared log errors the other layers do not. nullopt when
// fewer than two such forecasts fit in the data.
std::optional<double> kalibreer_drift(const model::Snapshot& s, Date peildatum,
                                      const Instellingen& inst);

}  // namespace jr::prognose
