// Backtest: how accurate the prognose was on the data itself. From the third year of data
// on, every half-year end is an origin; the model forecasts 6, 12 and 24 months ahead from
// the data as known at the origin, beside four baselines, and each forecast is scored
// against what the data later showed (docs/prognose.md, "Backtest"). Pure: the caller hands
// in the snapshot as known on a day (model::bouw_snapshot with bekend_op).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "prognose/prognose.h"

namespace jr::prognose {

// The methods compared, in table order.
inline constexpr const char* kMethoden[] = {"model", "geenVerandering", "seizoensnaief",
                                            "voortschrijdendGemiddelde", "markov"};
inline constexpr int kAantalMethoden = 5;

// One forecast against its outcome.
struct Backtestpunt {
  Date origine;
  int horizon = 0;  // months
  int methode = 0;  // index in kMethoden
  int indicator = 0;
  bool regio = false;
  std::string gemeente;  // empty for the regio
  double voorspeld = 0, werkelijk = 0;
  double p10 = 0, p90 = 0;  // the model's 80 % band (the point for baselines)
  double crps = 0;          // of the model's runs; |voorspeld - werkelijk| for a baseline
  double schaal = 0;        // MASE scale: mean |A(t) - A(t - 1 year)| of this series in the data
};

// The scores of one method, indicator, horizon and level (regio, or all gemeenten pooled).
struct Score {
  int methode = 0, indicator = 0, horizon = 0;
  bool regio = false;
  int n = 0;
  double wape = 0;  // sum |F - A| / sum |A|
  double bias = 0;  // sum (F - A) / sum |A|
  double mase = 0;  // mean |F - A| / scale, against the seasonal naive forecast in the data
  std::optional<double> dekking80;  // share of outcomes inside the 80 % band (model only)
  double crps = 0;  // mean CRPS / mean |A| (scale-free; for a point forecast the WAPE's kin)
};

struct Backtest {
  std::vector<Date> origines;
  std::vector<int> horizonten;
  std::vector<Backtestpunt> punten;
  std::vector<Score> scores;
};

// The snapshot as known at the end of a day.
using KennisOp = std::function<Result<model::Snapshot>(Date)>;

// Backtests on `volledig` (everything known now) with forecasts made on kennis_op(origin).
// `inst` sets runs and seed (its horizon is ignored). InvalidArgument when the data hold no
// origin with at least one outcome; errors of kennis_op pass through.
Result<Backtest> backtest(const model::Snapshot& volledig, const KennisOp& kennis_op,
                          const Instellingen& inst, std::vector<int> horizonten = {6, 12, 24});

// The scores of `punten` (grouped as Score says).
std::vector<Score> scoor(const std::vector<Backtestpunt>& punten);

// The continuous ranked probability score of the ensemble `x` for outcome `y`:
// mean |x_i - y| - (1 / 2n^2) sum_ij |x_i - x_j|.
double crps(std::vector<double> x, double y);

}  // namespace jr::prognose
