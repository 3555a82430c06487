// The prognose's pieces (src/prognose): the counter-based generator, the estimation (inflow
// rate recovered with the population offset, hazards recovered and shrunk, never zero),
// common random numbers (a no-op scenario's paired difference is exactly zero), determinism
// over threads, and the backtest's scores against an independent computation.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "prognose/backtest.h"
#include "prognose/model.h"
#include "prognose/philox.h"
#include "prognose/prognose.h"

namespace jr::prognose {
namespace {

using detail::kDB;
using detail::kH;
using detail::kLB;
using detail::kV;

// A synthetic snapshot: two gemeenten (a large one and a tiny one), population 0-22 per
// year, new jeugdigen arriving at `rate` per inhabitant 0-17 per month (Poisson, no
// seasonality), each with one traject of hulpvorm 02 whose duration is exponential with mean
// `duur` months, verwijzer 02; one prestatie per traject so that the data have a first day.
struct Synthetisch {
  model::Snapshot s;
  Date van{2019, 1, 1}, tot{2023, 12, 31};
};

Synthetisch maak(double rate, double duur, uint32_t seed, int klein_pop = 300) {
  Synthetisch x;
  model::SnapshotBouwer b;
  b.gemeente({"0001", "Groot", "Regio"});
  b.gemeente({"0002", "Klein", "Regio"});
  for (int jaar = 2015; jaar <= 2023; ++jaar)
    for (int l = 0; l <= 22; ++l) {
      b.bevolking({"0001", jaar, l, 1000});
      b.bevolking({"0002", jaar, l, klein_pop / 23});
    }
  std::mt19937_64 rng(seed);
  std::exponential_distribution<double> ex(1.0 / (duur * 30.436875));
  int64_t id = 0;
  const uint32_t aanbieder = b.aanbieder_id("99000001");
  for (Date d = x.van; d <= x.tot; d = d.last_of_month().add_days(1)) {
    for (int g = 0; g < 2; ++g) {
      const double pop0_17 = g == 0 ? 18 * 1000.0 : 18.0 * (klein_pop / 23);
      std::poisson_distribution<int> po(rate * pop0_17 * (d.last_of_month().day()) / 30.436875);
      const int n = po(rng);
      for (int i = 0; i < n; ++i) {
        const int32_t dag = d.days() + static_cast<int32_t>(rng() % d.last_of_month().day());
        const int32_t geboren = dag - static_cast<int32_t>(8 * 365 + rng() % 3000);
        const int32_t j = b.jeugdige_index(++id, geboren);
        model::Deel deel;
        deel.jeugdige = j;
        deel.aanbieder = aanbieder;
        deel.gemeente = static_cast<uint16_t>(g);
        deel.hulpvorm = 2;
        deel.verwijzer = 2;
        deel.aanvang = dag;
        const int32_t eind = dag + static_cast<int32_t>(ex(rng));
        deel.einde = eind <= x.tot.days() ? eind : model::kOpenEinde;
        deel.reden = deel.einde == model::kOpenEinde ? model::kRedenGeen : 1;
        b.deel(deel);
        b.prestatie(
            {id, g == 0 ? "0001" : "0002", "32", "32A01", Date(dag).first_of_month().iso(), 50000});
      }
    }
  }
  x.s = b.klaar();
  return x;
}

Instellingen instellingen(int runs = 200, int horizon = 24) {
  Instellingen i;
  i.runs = runs;
  i.horizon_maanden = horizon;
  i.draden = 2;
  i.drift_sigma = 0.0;
  return i;
}

TEST(PrognosePhilox, KnownAnswerAndUniformRange) {
  // Known-answer vector of the Random123 distribution for Philox4x32-10, counter and key 0.
  const auto r = philox4x32_10({0, 0, 0, 0}, {0, 0});
  EXPECT_EQ(r[0], 0x6627e8d5u);
  EXPECT_EQ(r[1], 0xe169c58du);
  EXPECT_EQ(r[2], 0xbc57ac4cu);
  EXPECT_EQ(r[3], 0x9b00dbd8u);
  Stroom a(7, 3, Doel::kJeugdige, 12345), b(7, 3, Doel::kJeugdige, 12345),
      c(7, 3, Doel::kJeugdige, 12346);
  double som = 0;
  bool anders = false;
  for (int i = 0; i < 10000; ++i) {
    const double u = a.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    EXPECT_EQ(u, b.uniform());  // same event, same number
    anders = anders || u != c.uniform();
    som += u;
  }
  EXPECT_TRUE(anders);
  EXPECT_NEAR(som / 10000, 0.5, 0.01);
}

// The inflow count model recovers the rate per inhabitant used to make the data (population
// as offset): within 10 % for the large gemeente.
TEST(PrognoseSchatting, InflowRateRecoveredWithPopulationOffset) {
  const double rate = 0.0008;  // new jeugdigen per inhabitant 0-17 per month
  auto x = maak(rate, 6.0, 11);
  auto m = detail::schat(x.s, Date(2023, 12, 31), instellingen(), {});
  // Cell (gemeente 0, band, verwijzer 02): rate per inhabitant of the band; sum over the bands
  // weighted by their population 0-17 gives the rate per inhabitant 0-17.
  double nieuw = 0, pop = 0;
  for (int l = 0; l < 3; ++l) {  // bands 0-3, 4-11, 12-17
    const double bev = m.bevolking(0, l, 2023);
    nieuw += m.instroom[(static_cast<size_t>(0) * kLB + l) * kV + 1].punt() * bev;
    pop += bev;
  }
  EXPECT_NEAR(nieuw / pop, rate, 0.1 * rate);
}

// Hazards: the exponential duration's rate is recovered in every band for the large
// gemeente; the tiny gemeente is pulled to the regio and no hazard is ever zero.
TEST(PrognoseSchatting, HazardsRecoveredAndShrunkNeverZero) {
  auto x = maak(0.0008, 6.0, 12, 23);  // the small gemeente: one inhabitant per age
  auto m = detail::schat(x.s, Date(2023, 12, 31), instellingen(), {});
  const int h02 = 1;
  for (int b = 0; b < 2; ++b)
    EXPECT_NEAR(m.eind[(static_cast<size_t>(0) * kH + h02) * kDB + b].punt(), 1.0 / 6.0, 0.05) << b;
  for (int g = 0; g < 2; ++g)
    for (int h = 0; h < kH; ++h)
      for (int b = 0; b < kDB; ++b)
        EXPECT_GT(m.eind[(static_cast<size_t>(g) * kH + h) * kDB + b].punt(), 0.0);
  // Shrinkage: the tiny gemeente's estimate lies between its own raw rate and the regio's,
  // and nearer the regio's than the large gemeente's weight would put it.
  const auto& klein = m.eind[(static_cast<size_t>(1) * kH + h02) * kDB + 0];
  const auto& groot = m.eind[(static_cast<size_t>(0) * kH + h02) * kDB + 0];
  EXPECT_LT(std::fabs(klein.punt() - groot.punt()), 0.05);
  EXPECT_GT(24.0 / klein.b, 0.2);   // the prior carries real weight for the tiny gemeente
  EXPECT_LT(24.0 / groot.b, 0.06);  // and little for the large one
}

// Common random numbers: a scenario that changes nothing gives exactly the base, so its
// paired difference is zero in every run, level, half year and figure.
TEST(PrognoseScenario, NoOpScenarioPairedDifferenceIsExactlyZero) {
  auto x = maak(0.0008, 6.0, 13);
  Scenario leeg;
  leeg.naam = "niets";
  Scenario poh;
  poh.naam = "poh";
  poh.huisarts_verlaging = 0.5;
  auto p = voorspel(x.s, Date(2023, 6, 30), instellingen(100, 24), {leeg, poh});
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  const auto& nul = p->scenarios[0];
  for (const auto& r : nul.verschil_gemeenten)
    for (const auto& pp : r.perioden)
      for (const auto& v : pp.waarde) {
        EXPECT_EQ(v.gemiddelde, 0.0);
        EXPECT_EQ(v.p10, 0.0);
        EXPECT_EQ(v.p90, 0.0);
      }
  // Every new jeugdige here comes from a huisarts: halving those referrals lowers the
  // trajecten two years on, in every run (paired: the 90th percentile of the difference too).
  const auto& laatste = p->scenarios[1].verschil_regio.perioden.back().waarde[kTrajecten];
  EXPECT_LT(laatste.p90, 0.0);
  EXPECT_LT(laatste.gemiddelde, -0.2 * p->regio.perioden.back().waarde[kTrajecten].gemiddelde);
}

// Deterministic given the seed, whatever the number of threads; another seed differs.
TEST(PrognoseSimulatie, DeterministicOverThreadsAndSeeds) {
  auto x = maak(0.0008, 6.0, 14);
  auto een = instellingen(40, 12), twee = instellingen(40, 12);
  een.draden = 1;
  auto a = voorspel(x.s, Date(2023, 6, 30), een);
  auto b = voorspel(x.s, Date(2023, 6, 30), twee);
  twee.seed = 2;
  auto c = voorspel(x.s, Date(2023, 6, 30), twee);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  const auto& va = a->regio.perioden[1].waarde[kJongeren];
  const auto& vb = b->regio.perioden[1].waarde[kJongeren];
  EXPECT_EQ(va.gemiddelde, vb.gemiddelde);
  EXPECT_EQ(va.p10, vb.p10);
  EXPECT_NE(va.gemiddelde, c->regio.perioden[1].waarde[kJongeren].gemiddelde);
}

// The forecast of a steady process lands near the realised value (a sanity check of the
// whole chain: stock, ends, inflow, distinct jeugdigen).
TEST(PrognoseSimulatie, SteadyProcessForecastNearRealised) {
  auto x = maak(0.0008, 6.0, 15);
  auto p = voorspel(x.s, Date(2022, 12, 31), instellingen(200, 12));
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  const auto& pp = p->regio.perioden[1];  // 2023H2
  const auto echt = gerealiseerd(x.s, pp.periode).back();
  for (int i : {kJongeren, kTrajecten}) {
    const auto& v = pp.waarde[static_cast<size_t>(i)];
    EXPECT_NEAR(v.p50, echt[static_cast<size_t>(i)], 0.08 * echt[static_cast<size_t>(i)])
        << indicator_naam(i);
    EXPECT_LT(v.p10, v.p90);
  }
}

TEST(PrognoseInvoer, BadInputIsInvalidArgument) {
  auto x = maak(0.0008, 6.0, 16);
  auto i = instellingen(10, 61);
  EXPECT_EQ(voorspel(x.s, Date(2023, 6, 30), i).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(voorspel(x.s, Date(2018, 6, 30), instellingen(10, 12)).status().code(),
            StatusCode::kInvalidArgument);  // before the data start
  for (
      const char* s :
      {R"({"naam": "a", "poh": {}})", R"({"naam": "a", "afschaling": {"duur_min_pct": 95}})",
       R"({"afschaling": {"duur_min_pct": 5}})",
       R"({"naam": "a", "budgetplafonds": [{"aanbieder": "1", "bedrag_cent_per_jaar": 5, "bij_uitputting": "stop"}]})",
       R"({"scenarios": [{"naam": "a"}, {"naam": "a"}]})", "{"}) {
    auto r = lees_scenarios(s);
    ASSERT_FALSE(r.ok()) << s;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << s;
  }
  EXPECT_TRUE(
      lees_scenarios(R"({"naam": "POH", "poh_jeugd": {"huisarts_verwijzingen_min_pct": 20}})")
          .ok());
}

// CRPS against the brute-force double sum of its definition.
TEST(PrognoseBacktest, CrpsMatchesItsDefinition) {
  std::mt19937 rng(3);
  std::normal_distribution<double> n(100, 15);
  std::vector<double> x(301);
  for (auto& v : x) v = n(rng);
  for (double y : {60.0, 100.0, 130.0}) {
    double a = 0, b = 0;
    for (double xi : x) {
      a += std::fabs(xi - y);
      for (double xj : x) b += std::fabs(xi - xj);
    }
    const double nn = static_cast<double>(x.size());
    EXPECT_NEAR(crps(x, y), a / nn - b / (2 * nn * nn), 1e-9);
  }
  EXPECT_DOUBLE_EQ(crps({5.0}, 8.0), 3.0);  // a point forecast: the absolute error
}

// WAPE, bias, MASE, coverage and CRPS of scoor() against the formulas computed here.
TEST(PrognoseBacktest, ScoresMatchAnIndependentComputation) {
  std::vector<Backtestpunt> p;
  const double F[] = {110, 95, 130, 80}, A[] = {100, 100, 120, 90}, lo[] = {90, 101, 100, 70},
               hi[] = {120, 105, 115, 100}, sc[] = {10, 10, 20, 5};
  for (int i = 0; i < 4; ++i) {
    Backtestpunt b;
    b.methode = 0;
    b.indicator = kTrajecten;
    b.horizon = 12;
    b.regio = true;
    b.voorspeld = F[i];
    b.werkelijk = A[i];
    b.p10 = lo[i];
    b.p90 = hi[i];
    b.schaal = sc[i];
    b.crps = std::fabs(F[i] - A[i]) / 2;
    p.push_back(b);
  }
  auto s = scoor(p);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].wape, (10 + 5 + 10 + 10) / 410.0, 1e-12);
  EXPECT_NEAR(s[0].bias, (10 - 5 + 10 - 10) / 410.0, 1e-12);
  EXPECT_NEAR(s[0].mase, (10 / 10.0 + 5 / 10.0 + 10 / 20.0 + 10 / 5.0) / 4, 1e-12);
  EXPECT_NEAR(*s[0].dekking80, 2 / 4.0, 1e-12);  // 100 < 101 and 120 > 115 fall outside
  EXPECT_NEAR(s[0].crps, (5 + 2.5 + 5 + 5) / 410.0, 1e-12);
}

}  // namespace
}  // namespace jr::prognose
