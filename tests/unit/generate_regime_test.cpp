// The generator's regime changes (parameters key `regimewissels`, docs/generator.md): they
// are read strictly, and from `vanaf` on they change inflow, durations and the share of care
// met verblijf, so that a backtest of the prognose has a break to find.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "generate/regio.h"
#include "generate/simulation.h"
#include "test_helpers.h"

namespace jr::generate {
namespace {

const Parameters& basis() {
  static const Parameters p = [] {
    auto r = Parameters::load(standaard_parameters_bestand());
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : Parameters{};
  }();
  return p;
}

const ijw::Codelijsten& codes() {
  static const ijw::Codelijsten c = [] {
    auto r = ijw::Codelijsten::load(jr::testing::standaard_dir());
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : ijw::Codelijsten{};
  }();
  return c;
}

// The default parameters file with `regimewissels` set to `json_lijst`.
Result<Parameters> met_regimes(const std::string& json_lijst) {
  std::string t = basis().tekst;
  const size_t sluit = t.rfind('}');
  return Parameters::parse(t.substr(0, sluit) + ", \"regimewissels\": " + json_lijst + "}");
}

// Counts what the stream says about starts (JW305 and wijkteam rows) per half year of the
// begindatum, starts of care met verblijf, and the care still running at the end.
struct Telling : Sink {
  std::map<std::string, int> starts, verblijf;
  std::map<std::pair<int64_t, int32_t>, bool> open;  // (toewijzing, begindatum) -> not stopped
  static std::string half(Date d) {
    return std::to_string(d.year()) + (d.month() <= 6 ? "H1" : "H2");
  }
  Status bericht(const ijw::Bericht& b) override {
    if (const auto* m = std::get_if<ijw::Jw305>(&b))
      for (const auto& sp : m->producten) {
        ++starts[half(sp.begindatum)];
        // JZ020 categories of care met verblijf in the default catalogue: 35-38 (11-14) and
        // 46 (crisis, hulpvorm 14).
        static const std::set<std::string> met_verblijf = {"35", "36", "37", "38", "46"};
        if (sp.product && met_verblijf.count(sp.product->categorie))
          ++verblijf[half(sp.begindatum)];
        open[std::make_pair(sp.toewijzing_nummer.value_or(0), sp.begindatum.days())] = true;
      }
    if (const auto* m = std::get_if<ijw::Jw307>(&b))
      for (const auto& sp : m->producten)
        open[std::make_pair(sp.toewijzing_nummer.value_or(0), sp.begindatum.days())] = false;
    return Status::Ok();
  }
  Status wijkteam(const WijkteamRegel& w) override {
    ++starts[half(w.begindatum)];
    return Status::Ok();
  }
  int lopend() const {
    int n = 0;
    for (const auto& [k, v] : open) n += v;
    return n;
  }
};

Telling draai(const Parameters& p) {
  Opties o{"zutphen", *Date::parse("2021-01-01"), *Date::parse("2023-12-31"), 7, 1.0};
  Rng rng(o.seed);
  auto regio = bouw_regio(o.regio, p, codes(), o.schaal, rng);
  EXPECT_TRUE(regio.ok());
  Telling t;
  EXPECT_TRUE(simuleer(*regio, p, o, rng, t).ok());
  return t;
}

TEST(GenerateRegimewissel, ReadStrictly) {
  EXPECT_TRUE(met_regimes(R"([{"vanaf": "2022-07-01", "instroom_factor": 1.2}])").ok());
  for (const char* fout : {R"([{"vanaf": "2022-07-01", "instroomfactor": 1.2}])",
                           R"([{"vanaf": "2022-07-01", "duur_factor": 0}])",
                           R"([{"vanaf": "2022-07-01", "verblijf_factor": 11}])",
                           R"([{"instroom_factor": 1.2}])", R"([{"vanaf": "2022-13-01"}])"}) {
    auto r = met_regimes(fout);
    ASSERT_FALSE(r.ok()) << fout;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << fout;
  }
  auto r = met_regimes(
      R"([{"vanaf": "2023-01-01", "duur_factor": 2}, {"vanaf": "2022-01-01", "duur_factor": 3}])");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->regimewissels.front().vanaf, *Date::parse("2022-01-01"));  // sorted by vanaf
}

// Before `vanaf` the stream is the one without regime changes (same draws); after it, starts
// follow the instroom factor.
TEST(GenerateRegimewissel, InstroomFactorRaisesStartsFromVanafOn) {
  const Telling a = draai(basis());
  auto p = met_regimes(R"([{"vanaf": "2022-07-01", "instroom_factor": 1.5}])");
  ASSERT_TRUE(p.ok());
  const Telling b = draai(*p);
  EXPECT_EQ(a.starts.at("2021H1"), b.starts.at("2021H1"));
  EXPECT_EQ(a.starts.at("2021H2"), b.starts.at("2021H2"));
  const double r = static_cast<double>(b.starts.at("2023H1") + b.starts.at("2023H2")) /
                   (a.starts.at("2023H1") + a.starts.at("2023H2"));
  EXPECT_GT(r, 1.3);
  EXPECT_LT(r, 1.7);
}

TEST(GenerateRegimewissel, DuurAndVerblijfFactors) {
  const Telling a = draai(basis());
  auto p = met_regimes(R"([{"vanaf": "2022-01-01", "duur_factor": 2.0, "verblijf_factor": 3.0}])");
  ASSERT_TRUE(p.ok());
  const Telling b = draai(*p);
  EXPECT_GT(b.lopend(), 1.3 * a.lopend());  // longer care: more still running at the end
  auto aandeel = [](const Telling& t) {
    return static_cast<double>(t.verblijf.at("2023H1") + t.verblijf.at("2023H2")) /
           (t.starts.at("2023H1") + t.starts.at("2023H2"));
  };
  EXPECT_GT(aandeel(b), 2.0 * aandeel(a));
}

}  // namespace
}  // namespace jr::generate
