// `jeugdregie prognose` end to end: the built binary on a small generated region imported in
// two steps, so that the forecast at a peildatum is shown not to change when messages dated
// after it arrive; bad input exits 2; the backtest's table.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_helpers.h"

namespace {

namespace fs = std::filesystem;

std::pair<std::string, int> draai(const std::string& args, std::string* fout = nullptr) {
  jr::testing::TempDir err;
  const std::string cmd = jr::testing::binary() + " --standaard " +
                          jr::testing::standaard_dir().string() + " " + args + " 2>" +
                          (err / "err").string();
  FILE* f = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  const int rc = pclose(f);
  if (fout) *fout = jr::testing::read_all(err / "err");
  return {out, WEXITSTATUS(rc)};
}

// zutphen at a third of its size, 2021-01-01 .. 2024-03-31 (declaraties before 2021 are refused
// by the standard, CS100), registers imported; messages
// are imported by the test.
class PrognoseCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new jr::testing::TempDir();
    regio_ = (*dir_ / "regio").string();
    db_ = (*dir_ / "p.db").string();
    ASSERT_EQ(draai("generate --regio zutphen --van 2021-01-01 --tot 2024-03-31 --seed 3 "
                    "--schaal 0.35 --out " +
                    regio_)
                  .second,
              0);
    ASSERT_EQ(draai("register --db " + db_ + " --import " + regio_).second, 0);
    ASSERT_EQ(draai("bevolking --db " + db_ + " --import " + regio_ + "/bevolking.csv").second, 0);
    ASSERT_EQ(draai("wijkteam --db " + db_ + " --import " + regio_ + "/wijkteam.csv").second, 0);
  }
  static void TearDownTestSuite() { delete dir_; }

  // The day directories of messages dated on or before `tot` (or after it).
  static std::string dagen(const std::string& tot, bool tot_en_met) {
    std::vector<std::string> uit;
    for (const auto& jaar : fs::directory_iterator(fs::path(regio_) / "berichten"))
      for (const auto& dag : fs::directory_iterator(jaar.path())) {
        const std::string d = dag.path().filename().string();
        if ((d <= tot) == tot_en_met) uit.push_back(dag.path().string());
      }
    std::sort(uit.begin(), uit.end());
    std::string s;
    for (const auto& u : uit) s += " " + u;
    return s;
  }

  static jr::testing::TempDir* dir_;
  static std::string regio_, db_;
};
jr::testing::TempDir* PrognoseCli::dir_ = nullptr;
std::string PrognoseCli::regio_, PrognoseCli::db_;

TEST_F(PrognoseCli, LaterMessagesDoNotChangeAForecastAtAnEarlierPeildatum) {
  ASSERT_EQ(draai("import --db " + db_ + dagen("2023-06-30", true)).second, 0);
  const std::string args =
      "prognose --db " + db_ + " --peildatum 2023-06-30 --horizon 12 --runs 40";
  auto [voor, rc] = draai(args);
  ASSERT_EQ(rc, 0);
  ASSERT_EQ(draai("import --db " + db_ + dagen("2023-06-30", false)).second, 0);
  auto [na, rc2] = draai(args);
  ASSERT_EQ(rc2, 0);
  EXPECT_EQ(voor, na);  // byte for byte

  auto doc = nlohmann::json::parse(na);
  EXPECT_EQ(doc["peildatum"], "2023-06-30");
  ASSERT_EQ(doc["regio"]["perioden"].size(), 2u);  // 2023H2, 2024H1
  const auto& p = doc["regio"]["perioden"][0];
  EXPECT_EQ(p["periode"], "2023H2");
  EXPECT_LE(p["jongerenMetJeugdhulp"]["p10"], p["jongerenMetJeugdhulp"]["p50"]);
  EXPECT_LE(p["trajecten"]["totaal"]["p50"], p["trajecten"]["totaal"]["p90"]);
  EXPECT_GT(p["kosten"]["totaalCent"]["p50"].get<int64_t>(), 0);
  EXPECT_TRUE(p["perGroep"]["metVerblijf"]["jongeren"].contains("p90"));
  EXPECT_FALSE(doc["regio"]["historie"].empty());
  // A peildatum later than every message: the forecast now differs from the one above.
  auto [later, rc3] =
      draai("prognose --db " + db_ + " --peildatum 2024-03-31 --horizon 12 --runs 40");
  ASSERT_EQ(rc3, 0);
  EXPECT_NE(later, na);

  // Scenarios: the paired difference of a no-op scenario is zero; publiek rounds counts.
  const std::string sc = (*dir_ / "s.json").string();
  std::ofstream(sc) << R"({"scenarios": [{"naam": "niets"},
      {"naam": "POH-jeugd", "poh_jeugd": {"huisarts_verwijzingen_min_pct": 30}}]})";
  auto [met, rc4] = draai(args + " --scenario " + sc + " --niveau publiek");
  ASSERT_EQ(rc4, 0);
  auto d2 = nlohmann::json::parse(met);
  ASSERT_EQ(d2["scenarios"].size(), 2u);
  EXPECT_EQ(d2["scenarios"][0]["verschil"]["regio"]["perioden"][1]["trajecten"]["totaal"]["p50"],
            0);
  EXPECT_LE(d2["scenarios"][1]["verschil"]["regio"]["perioden"][1]["trajecten"]["totaal"]["p50"]
                .get<int64_t>(),
            0);
  const auto& t = d2["regio"]["perioden"][0]["trajecten"]["totaal"]["p50"];
  EXPECT_EQ(t.get<int64_t>() % 5, 0);

  auto [csv, rc5] = draai(args + " --formaat csv");
  ASSERT_EQ(rc5, 0);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "scenario,soort,gemeente,naam,periode,indicator,gemiddelde,p10,p50,p90");
  EXPECT_NE(csv.find(",regio,,regio,2023H2,trajecten.totaal,"), std::string::npos);
  auto [tabel, rc6] = draai(args + " --formaat tabel");
  ASSERT_EQ(rc6, 0);
  EXPECT_NE(tabel.find("Prognose jeugdhulp vanaf peildatum 2023-06-30"), std::string::npos);

  auto [bt, rc7] = draai("prognose --db " + db_ + " --backtest --runs 20 --formaat json");
  ASSERT_EQ(rc7, 0);
  auto b = nlohmann::json::parse(bt);
  EXPECT_EQ(b["origines"], nlohmann::json::array({"2023-06-30"}));
  std::set<std::string> methoden;
  for (const auto& s : b["scores"]) methoden.insert(s["methode"].get<std::string>());
  EXPECT_EQ(methoden.size(), 5u);
}

TEST_F(PrognoseCli, BadInputExitsTwoWithAClearError) {
  ASSERT_EQ(draai("import --db " + db_ + dagen("9999-12-31", true)).second, 0);
  std::string fout;
  const std::string db = "prognose --db " + db_;
  EXPECT_EQ(draai(db + " --peildatum 2023-06-30 --horizon 61", &fout).second, 2);
  EXPECT_NE(fout.find("--horizon"), std::string::npos) << fout;
  EXPECT_EQ(draai(db + " --peildatum 2020-06-30 --horizon 12", &fout).second, 2);
  EXPECT_NE(fout.find("voor het begin van de gegevens"), std::string::npos) << fout;
  EXPECT_EQ(draai(db + " --peildatum 2023-02-30", &fout).second, 2);
  EXPECT_EQ(draai(db, &fout).second, 2);
  EXPECT_NE(fout.find("--peildatum ontbreekt"), std::string::npos) << fout;
  const std::string sc = (*dir_ / "fout.json").string();
  std::ofstream(sc) << R"({"naam": "x", "afschaling": {"duur_min_pct": 120}})";
  EXPECT_EQ(draai(db + " --peildatum 2023-06-30 --scenario " + sc, &fout).second, 2);
  EXPECT_NE(fout.find("duur_min_pct"), std::string::npos) << fout;
  std::ofstream(sc) << R"({"naam": "x", "afschalen": {}})";
  EXPECT_EQ(draai(db + " --peildatum 2023-06-30 --scenario " + sc, &fout).second, 2);
  EXPECT_NE(fout.find("onbekende sleutel 'afschalen'"), std::string::npos) << fout;
  EXPECT_EQ(draai("prognose --db /bestaat/niet.db --peildatum 2023-06-30").second, 3);
}

}  // namespace
