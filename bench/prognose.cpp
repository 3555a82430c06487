// Benchmark of the prognose: N runs x H months of the microsimulation (estimation included)
// on a store's snapshot as known on the peildatum, beside a plain reference simulation of the
// same stock and inflow in the same process: month by month, one Bernoulli draw per running
// traject from std::mt19937_64, Poisson inflow from std::poisson_distribution, no re-entry,
// no further starts, no costs, one thread. Both are timed in CPU seconds (getrusage) and the
// prognose also in wall time on all cores. The drift is given (0.01), so the drift
// calibration's own forecasts are timed apart.
//   build/prognose --db PATH --peildatum DATE [--runs 1000] [--horizon 60] [--draden 0]
// Last line: RESULT prognose_s=W prognose_cpu_s=C kalibratie_s=K referentie_cpu_s=R
//            verhouding_cpu=C/R runs=N maanden=H lopend=S personen=P
#include "prognose/prognose.h"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "domain/clock.h"
#include "model/snapshot.h"
#include "prognose/model.h"
#include "store/store.h"

using namespace jr;
using Klok = std::chrono::steady_clock;

namespace {

double cpu() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}
double sec(Klok::time_point a, Klok::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// The plain reference: same stock, hazards and inflow rates (point estimates), monthly steps.
double referentie(const prognose::detail::Model& m, int runs, int maanden) {
  using namespace prognose::detail;
  struct Tr {
    uint16_t g;
    uint8_t h;
    int32_t maand0;  // month index of the start (negative: before the peildatum)
  };
  double controle = 0;
  for (int r = 0; r < runs; ++r) {
    std::mt19937_64 rng(static_cast<uint64_t>(r) + 1);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<Tr> lopend;
    for (const auto& p : m.personen)
      for (uint32_t q = 0; q < p.aantal; ++q) {
        const auto& l = m.lopend[p.eerste + q];
        lopend.push_back(
            {p.g, l.h, static_cast<int32_t>(std::floor((l.aanvang - m.p) / kDagenPerMaand))});
      }
    for (int mi = 0; mi < maanden; ++mi) {
      for (size_t i = 0; i < lopend.size();) {
        const double duur = mi - lopend[i].maand0;
        int b = 0;
        while (b + 1 < kDB && duur >= kDuurGrens[b + 1]) ++b;
        const double lambda =
            m.eind[(static_cast<size_t>(lopend[i].g) * kH + lopend[i].h) * kDB + b].punt();
        if (u(rng) < 1.0 - std::exp(-lambda)) {
          lopend[i] = lopend.back();
          lopend.pop_back();
        } else {
          ++i;
        }
      }
      const int jaar = Date(m.maand_begin[static_cast<size_t>(
                                std::min<int>(mi, static_cast<int>(m.maand_begin.size()) - 1))])
                           .year();
      for (int g = 0; g < m.G; ++g)
        for (int l = 0; l < kLB; ++l)
          for (int v = 0; v < kV; ++v) {
            const double mu = m.instroom[(static_cast<size_t>(g) * kLB + l) * kV + v].punt() *
                              m.bevolking(g, l, jaar);
            if (mu <= 0) continue;
            std::poisson_distribution<int> po(mu);
            const int n = po(rng);
            for (int i = 0; i < n; ++i) {
              const double x = u(rng);
              int h = 0;
              while (h + 1 < kH && x >= m.mix_nieuw[static_cast<size_t>(v)][static_cast<size_t>(h)])
                ++h;
              lopend.push_back({static_cast<uint16_t>(g), static_cast<uint8_t>(h), mi});
            }
          }
    }
    controle += static_cast<double>(lopend.size());
  }
  return controle / runs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, peil;
  int runs = 1000, horizon = 60;
  unsigned draden = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db"))
      db = argv[i + 1];
    else if (!std::strcmp(argv[i], "--peildatum"))
      peil = argv[i + 1];
    else if (!std::strcmp(argv[i], "--runs"))
      runs = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--horizon"))
      horizon = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--draden"))
      draden = static_cast<unsigned>(std::atoi(argv[i + 1]));
  }
  auto pd = Date::parse(peil);
  if (db.empty() || !pd) {
    std::fprintf(stderr,
                 "gebruik: prognose --db PATH --peildatum JJJJ-MM-DD [--runs N] [--horizon M] "
                 "[--draden N]\n");
    return 2;
  }
  SystemClock clock;
  auto store = store::open_sqlite_store({db, {}, true}, clock);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return 3;
  }
  auto t0 = Klok::now();
  auto s = model::bouw_snapshot(**store, pd->iso());
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.status().to_string().c_str());
    return 3;
  }
  auto t1 = Klok::now();
  std::printf("snapshot bekend op %s: %zu trajecten, %zu gemeenten, %.2f s\n", pd->iso().c_str(),
              s->trajecten.size(), s->gemeente_code.size(), sec(t0, t1));

  prognose::Instellingen inst;
  inst.runs = runs;
  inst.horizon_maanden = horizon;
  inst.draden = draden;
  inst.drift_sigma = 0.01;
  // Warm-up: one small run so that page faults of the first allocation are not timed.
  {
    auto w = inst;
    w.runs = 2;
    (void)prognose::voorspel(*s, *pd, w);
  }
  const double c0 = cpu();
  auto w0 = Klok::now();
  auto p = prognose::voorspel(*s, *pd, inst);
  auto w1 = Klok::now();
  const double c1 = cpu();
  if (!p.ok()) {
    std::fprintf(stderr, "%s\n", p.status().to_string().c_str());
    return 1;
  }
  const auto& laatste = p->regio.perioden.back();
  std::printf(
      "prognose: %d runs x %d maanden, %zu halfjaren; %s trajecten.totaal p10 %.0f p50 %.0f p90 "
      "%.0f\n",
      runs, horizon, p->regio.perioden.size(), laatste.periode.naam.c_str(),
      laatste.waarde[prognose::kTrajecten].p10, laatste.waarde[prognose::kTrajecten].p50,
      laatste.waarde[prognose::kTrajecten].p90);
  auto k0 = Klok::now();
  auto drift = prognose::kalibreer_drift(*s, *pd, inst);
  auto k1 = Klok::now();
  std::printf("drift uit eerdere prognoses: %s (%.2f s)\n",
              drift ? std::to_string(*drift).c_str() : "te weinig gegevens", sec(k0, k1));

  auto m = prognose::detail::schat(*s, *pd, inst, {});
  size_t lopend = m.lopend.size();
  const double r0 = cpu();
  const double eind = referentie(m, runs, static_cast<int>(m.maand_begin.size()));
  const double r1 = cpu();
  std::printf("referentie (maandstappen, een draad): lopend aan het eind gemiddeld %.0f\n", eind);
  std::printf(
      "RESULT prognose_s=%.3f prognose_cpu_s=%.3f kalibratie_s=%.3f referentie_cpu_s=%.3f "
      "verhouding_cpu=%.2f runs=%d maanden=%d lopend=%zu personen=%zu\n",
      sec(w0, w1), c1 - c0, sec(k0, k1), r1 - r0, (c1 - c0) / (r1 - r0), runs, horizon, lopend,
      m.personen.size());
  return 0;
}
