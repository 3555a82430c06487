// Benchmark of the indicator computation: the full indicator set for all gemeenten, regios and
// the total, for all twelve half years of six years, on a snapshot either built from a store
// (--db PATH, e.g. an imported generated region) or synthesised in memory at national scale
// (default: 352 gemeenten in 42 regios, --jeugdigen N); --export CSV writes the trajecten for
// the SQL engines of the comparison. Prints the snapshot size, memory per
// million trajecten and the time of each step; the last line is
//   RESULT jeugdregie_s=X jeugdregie_cpu_s=C trajecten=N snapshot_mb_per_miljoen=M
// (the comparison with DuckDB, PostgreSQL and SQLite on exported trajecten is not here yet).
#include "indicators/indicatoren.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <string>

#include "domain/clock.h"
#include "model/snapshot.h"
#include "store/store.h"

using namespace jr;
using Klok = std::chrono::steady_clock;

namespace {

double sec(Klok::time_point a, Klok::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

model::Snapshot synthetisch(int jeugdigen, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto kies = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  model::SnapshotBouwer b;
  std::vector<std::string> codes, regios;
  for (int r = 0; r < 42; ++r) regios.push_back("regio " + std::to_string(r));
  for (int g = 0; g < 352; ++g) {
    char code[8];
    std::snprintf(code, sizeof code, "%04d", 1 + g * 5);
    codes.emplace_back(code);
    b.gemeente({codes.back(), codes.back(), regios[static_cast<size_t>(g % 42)]});
  }
  static constexpr uint8_t kHv[] = {1, 1, 2, 2, 2, 2, 2, 3, 4, 4, 11, 12, 13, 14};
  static constexpr uint8_t kVw[] = {1, 1, 2, 2, 2, 3, 4, 5, 6, 8};
  const Date eerste(2019, 1, 1);
  for (int j = 0; j < jeugdigen; ++j) {
    Date geboren = Date(2000, 1, 1).add_days(kies(24 * 365));
    int32_t idx = b.jeugdige_index(j + 1, geboren.days());
    const uint16_t g = static_cast<uint16_t>(kies(352));
    int32_t dag = eerste.add_days(kies(6 * 365)).days();
    for (int t = 1 + kies(3); t > 0; --t) {
      model::Deel d;
      d.jeugdige = idx;
      d.gemeente = g;
      d.aanbieder = static_cast<uint32_t>(kies(4000));
      d.hulpvorm = kHv[kies(sizeof kHv)];
      d.verwijzer = kVw[kies(sizeof kVw)];
      d.crisis = kies(30) == 0 ? 1 : 0;
      d.aanvang = dag;
      if (kies(6) != 0) {
        d.einde = dag + kies(500);
        d.reden = static_cast<uint8_t>(1 + kies(6));
      }
      b.deel(d);
      dag += kies(400);
    }
  }
  return b.klaar();
}

// The trajecten as CSV for the SQL engines of the comparison: one row per traject with the
// gemeente's regio, codes as in the snapshot, days since 1970-01-01 (einde empty when open),
// the jeugdige's 18th and 23rd birthdays as days.
bool exporteer(const model::Snapshot& s, const std::string& pad) {
  FILE* f = std::fopen(pad.c_str(), "w");
  if (f == nullptr) return false;
  std::fprintf(f,
               "jeugdige,gemeente,regio,aanbieder,hulpvorm,verwijzer,reden,crisis,aanvang,einde,"
               "wordt18,wordt23\n");
  const auto& t = s.trajecten;
  for (size_t i = 0; i < t.size(); ++i) {
    const auto j = static_cast<size_t>(t.jeugdige[i]);
    std::fprintf(f, "%d,%s,%u,%u,%u,%u,%u,%u,%d,", t.jeugdige[i],
                 s.gemeente_code[t.gemeente[i]].c_str(), s.gemeente_regio[t.gemeente[i]],
                 t.aanbieder[i], t.hulpvorm[i], t.verwijzer[i], t.reden[i], t.crisis[i],
                 t.aanvang[i]);
    if (t.einde[i] != model::kOpenEinde) std::fprintf(f, "%d", t.einde[i]);
    std::fprintf(f, ",%d,%d\n", s.wordt18[j], s.wordt23[j]);
  }
  return std::fclose(f) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, export_pad;
  int jeugdigen = 1'500'000, eerste_jaar = 2019;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      db = argv[++i];
    else if (!std::strcmp(argv[i], "--jeugdigen") && i + 1 < argc)
      jeugdigen = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--eerste-jaar") && i + 1 < argc)
      eerste_jaar = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--export") && i + 1 < argc)
      export_pad = argv[++i];
    else {
      std::fprintf(
          stderr,
          "gebruik: indicatoren [--db PATH] [--jeugdigen N] [--eerste-jaar J] [--export CSV]\n");
      return 2;
    }
  }
  auto t0 = Klok::now();
  model::Snapshot s;
  if (!db.empty()) {
    SystemClock clock;
    auto store = store::open_sqlite_store({db, {}, true}, clock);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
      return 3;
    }
    auto r = model::bouw_snapshot(**store);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().to_string().c_str());
      return 3;
    }
    s = std::move(*r);
  } else {
    s = synthetisch(jeugdigen, 42);
  }
  auto t1 = Klok::now();
  const double n = static_cast<double>(s.trajecten.size());
  const double mb = static_cast<double>(s.geheugen_bytes()) / 1e6;
  std::printf(
      "snapshot: %zu trajecten, %zu jeugdigen, %zu gemeenten, %.1f MB (%.1f MB per miljoen "
      "trajecten), %.3f s\n",
      s.trajecten.size(), s.wordt18.size(), s.gemeente_code.size(), mb,
      n > 0 ? mb / (n / 1e6) : 0.0, sec(t0, t1));
  if (!export_pad.empty() && !exporteer(s, export_pad)) {
    std::fprintf(stderr, "kan %s niet schrijven\n", export_pad.c_str());
    return 3;
  }
  auto t2 = Klok::now();
  const std::clock_t c2 = std::clock();
  auto afgeleid = indicators::leid_af(s);
  auto t3 = Klok::now();
  uint64_t controle = 0;
  for (int jaar = eerste_jaar; jaar < eerste_jaar + 6; ++jaar)
    for (const char* h : {"H1", "H2"}) {
      auto p = indicators::parse_periode(std::to_string(jaar) + h);
      auto u = indicators::bereken(s, afgeleid, *p);
      controle += u.totaal.t.totaal + u.totaal.t.jongeren;
    }
  auto t4 = Klok::now();
  const double cpu = static_cast<double>(std::clock() - c2) / CLOCKS_PER_SEC;
  std::printf("afleiden (herhaald beroep, nieuwe start): %.3f s\n", sec(t2, t3));
  std::printf("12 halfjaren, alle gemeenten/regio's/totaal: %.3f s (controle %llu)\n", sec(t3, t4),
              static_cast<unsigned long long>(controle));
  // On a shared machine the wall-clock time includes waiting for a core; CPU time does not.
  std::printf("cpu-tijd afleiden + 12 halfjaren: %.3f s\n", cpu);
  std::printf(
      "RESULT jeugdregie_s=%.3f jeugdregie_cpu_s=%.3f trajecten=%zu snapshot_mb_per_miljoen=%.1f\n",
      sec(t2, t4), cpu, s.trajecten.size(), n > 0 ? mb / (n / 1e6) : 0.0);
  return 0;
}
