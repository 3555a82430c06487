// Benchmark of the indicator computation: the full indicator set for all gemeenten, regios and
// the total, for all twelve half years of six years, on a snapshot either built from a store
// (--db PATH, e.g. an imported generated region) or synthesised in memory at national scale
// (default: 352 gemeenten in 42 regios, --jeugdigen N). Prints the snapshot size, memory per
// million trajecten and the time of each step; the last line is
//   RESULT jeugdregie_s=X jeugdregie_cpu_s=C trajecten=N snapshot_mb_per_miljoen=M
// --export DIR writes the snapshot as CSV files for the SQL engines and --uitkomst CSV every
// figure per period and level, for bench/indicatoren_vergelijk.sh (DuckDB, PostgreSQL, SQLite).
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

// The snapshot as CSV files in `dir` for the SQL engines of the comparison
// (bench/indicatoren_vergelijk.sh): days since 1970-01-01, einde empty while open, codes as in
// the snapshot, gemeenten and regios by dictionary index.
//   trajecten.csv    traject,jeugdige,gemeente,aanbieder,hulpvorm,verwijzer,reden,crisis,aanvang,
//                    einde,wordt18,wordt23 (the jeugdige's 18th and 23rd birthdays)
//   maatregelen.csv  jeugdige,gemeente,soort,aanvang,einde
//   kosten.csv       jeugdige,gemeente,hulpvorm,datum,bedrag_cent (hulpvorm 0: not jeugdhulp)
//   bevolking.csv    gemeente,jaar,leeftijd,aantal
//   gemeenten.csv    gemeente,code,regio
//   periodes.csv     periode,jaar,van,tot
bool exporteer(const model::Snapshot& s, const std::string& dir, int eerste_jaar) {
  auto open = [&](const char* naam, const char* kop) {
    FILE* f = std::fopen((dir + "/" + naam).c_str(), "w");
    if (f != nullptr) std::fprintf(f, "%s\n", kop);
    return f;
  };
  auto einde = [](FILE* f, int32_t e) {
    if (e != model::kOpenEinde) std::fprintf(f, "%d", e);
  };
  bool ok = true;
  auto sluit = [&](FILE* f) { ok = f != nullptr && std::fclose(f) == 0 && ok; };

  FILE* f =
      open("trajecten.csv",
           "traject,jeugdige,gemeente,aanbieder,hulpvorm,verwijzer,reden,crisis,aanvang,einde,"
           "wordt18,wordt23");
  const auto& t = s.trajecten;
  for (size_t i = 0; f != nullptr && i < t.size(); ++i) {
    const auto j = static_cast<size_t>(t.jeugdige[i]);
    std::fprintf(f, "%zu,%d,%u,%u,%u,%u,%u,%u,%d,", i, t.jeugdige[i], t.gemeente[i], t.aanbieder[i],
                 t.hulpvorm[i], t.verwijzer[i], t.reden[i], t.crisis[i], t.aanvang[i]);
    einde(f, t.einde[i]);
    std::fprintf(f, ",%d,%d\n", s.wordt18[j], s.wordt23[j]);
  }
  sluit(f);

  f = open("maatregelen.csv", "jeugdige,gemeente,soort,aanvang,einde");
  const auto& m = s.maatregelen;
  for (size_t i = 0; f != nullptr && i < m.size(); ++i) {
    std::fprintf(f, "%d,%u,%u,%d,", m.jeugdige[i], m.gemeente[i], m.soort[i], m.aanvang[i]);
    einde(f, m.einde[i]);
    std::fputc('\n', f);
  }
  sluit(f);

  f = open("kosten.csv", "jeugdige,gemeente,hulpvorm,datum,bedrag_cent");
  const auto& k = s.kosten;
  for (size_t i = 0; f != nullptr && i < k.size(); ++i)
    std::fprintf(f, "%d,%u,%u,%d,%lld\n", k.jeugdige[i], k.gemeente[i], k.hulpvorm[i], k.datum[i],
                 static_cast<long long>(k.bedrag_cent[i]));
  sluit(f);

  f = open("bevolking.csv", "gemeente,jaar,leeftijd,aantal");
  for (size_t g = 0; f != nullptr && g < s.gemeente_code.size(); ++g)
    for (int jaar = s.jaar_min; jaar < s.jaar_min + s.jaren; ++jaar)
      for (int l = 0; l <= 22; ++l) {
        const uint64_t n = s.bevolking_som(static_cast<uint16_t>(g), jaar, l, l);
        if (n > 0)
          std::fprintf(f, "%zu,%d,%d,%llu\n", g, jaar, l, static_cast<unsigned long long>(n));
      }
  sluit(f);

  f = open("gemeenten.csv", "gemeente,code,regio");
  for (size_t g = 0; f != nullptr && g < s.gemeente_code.size(); ++g)
    std::fprintf(f, "%zu,%s,%u\n", g, s.gemeente_code[g].c_str(), s.gemeente_regio[g]);
  sluit(f);

  f = open("periodes.csv", "periode,jaar,van,tot");
  for (int jaar = eerste_jaar; f != nullptr && jaar < eerste_jaar + 6; ++jaar)
    for (const char* h : {"H1", "H2"}) {
      auto p = lees_periode(std::to_string(jaar) + h);
      std::fprintf(f, "%s,%d,%d,%d\n", p->naam.c_str(), jaar, p->van.days(), p->tot.days());
    }
  sluit(f);
  return ok;
}

// Every figure of a Telling as (name, value), in the column order of the comparison CSV.
template <class F>
void per_veld(const indicators::Telling& t, F&& f) {
  auto reeks = [&](const char* naam, const auto& a) {
    for (size_t i = 0; i < a.size(); ++i)
      f(std::string(naam) + "_" + std::to_string(i), static_cast<long long>(a[i]));
  };
  auto een = [&](const char* naam, auto v) { f(naam, static_cast<long long>(v)); };
  een("bevolking0tot17", t.bevolking0tot17);
  een("jongeren", t.jongeren);
  een("jongeren0tot17", t.jongeren0tot17);
  een("totaal", t.totaal);
  een("begonnen", t.begonnen);
  een("beeindigd", t.beeindigd);
  een("lopend_einde", t.lopend_einde);
  reeks("hv_jongeren", t.hv_jongeren);
  reeks("hv_trajecten", t.hv_trajecten);
  reeks("groep_jongeren", t.groep_jongeren);
  reeks("groep_trajecten", t.groep_trajecten);
  reeks("verwijzer", t.verwijzer);
  reeks("reden", t.reden);
  een("duur_som", t.duur_som);
  reeks("duurklasse", t.duurklassen);
  een("herhaald", t.herhaald);
  een("crisis", t.crisis);
  een("geen_nieuwe_start", t.geen_nieuwe_start);
  een("jeugdbescherming", t.jeugdbescherming);
  een("jeugdreclassering", t.jeugdreclassering);
  een("kosten_cent", t.kosten_cent);
  een("kosten_clienten", t.kosten_clienten);
  reeks("hv_kosten_cent", t.hv_kosten_cent);
  reeks("hv_kosten_clienten", t.hv_kosten_clienten);
}

// One row per period and level (gemeente and regio by dictionary index, totaal 0) with every
// figure, to compare with the SQL engines' answers.
void schrijf_uitkomst(FILE* f, const indicators::Uitkomst& u, bool kop) {
  auto rij = [&](const char* niveau, size_t sleutel, const indicators::Telling& t) {
    std::fprintf(f, "%s,%s,%zu", u.periode.naam.c_str(), niveau, sleutel);
    per_veld(t, [&](const std::string&, long long v) { std::fprintf(f, ",%lld", v); });
    std::fputc('\n', f);
  };
  if (kop) {
    std::fprintf(f, "periode,niveau,sleutel");
    per_veld(u.totaal.t,
             [&](const std::string& naam, long long) { std::fprintf(f, ",%s", naam.c_str()); });
    std::fputc('\n', f);
  }
  for (size_t g = 0; g < u.gemeenten.size(); ++g) rij("gemeente", g, u.gemeenten[g].t);
  for (size_t r = 0; r < u.regios.size(); ++r) rij("regio", r, u.regios[r].t);
  rij("totaal", 0, u.totaal.t);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, export_dir, uitkomst_pad;
  int jeugdigen = 1'500'000, eerste_jaar = 2019;
  unsigned draden = 0;  // one per core
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      db = argv[++i];
    else if (!std::strcmp(argv[i], "--jeugdigen") && i + 1 < argc)
      jeugdigen = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--eerste-jaar") && i + 1 < argc)
      eerste_jaar = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--export") && i + 1 < argc)
      export_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--draden") && i + 1 < argc)
      draden = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--uitkomst") && i + 1 < argc)
      uitkomst_pad = argv[++i];
    else {
      std::fprintf(
          stderr,
          "gebruik: indicatoren [--db PATH] [--jeugdigen N] [--eerste-jaar J] [--export DIR] "
          "[--uitkomst CSV] [--draden N]\n");
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
  if (!export_dir.empty() && !exporteer(s, export_dir, eerste_jaar)) {
    std::fprintf(stderr, "kan niet schrijven in %s\n", export_dir.c_str());
    return 3;
  }
  std::vector<Periode> perioden;
  for (int jaar = eerste_jaar; jaar < eerste_jaar + 6; ++jaar)
    for (const char* h : {"H1", "H2"}) perioden.push_back(*lees_periode(std::to_string(jaar) + h));
  auto t2 = Klok::now();
  const std::clock_t c2 = std::clock();
  auto afgeleid = indicators::leid_af(s);
  auto t3 = Klok::now();
  auto uitkomsten = indicators::bereken(s, afgeleid, perioden, draden);
  uint64_t controle = 0;
  for (const auto& u : uitkomsten) controle += u.totaal.t.totaal + u.totaal.t.jongeren;
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
  if (!uitkomst_pad.empty()) {
    FILE* f = std::fopen(uitkomst_pad.c_str(), "w");
    for (size_t i = 0; f != nullptr && i < uitkomsten.size(); ++i)
      schrijf_uitkomst(f, uitkomsten[i], i == 0);
    if (f == nullptr || std::fclose(f) != 0) {
      std::fprintf(stderr, "kan %s niet schrijven\n", uitkomst_pad.c_str());
      return 3;
    }
  }
  return 0;
}
