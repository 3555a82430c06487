// `jeugdregie indicatoren` end to end: the built binary on a fixture store.
#include <gtest/gtest.h>

#include <cstdio>

#include "indicatoren_fixture.h"

using namespace jr;
using jr::testing::IndicatorGegevens;

namespace {
// Runs the CLI; its stdout and exit code.
std::pair<std::string, int> draai(const std::string& args) {
  std::string cmd = jr::testing::binary() + " " + args + " 2>/dev/null";
  FILE* f = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  int rc = pclose(f);
  return {out, WEXITSTATUS(rc)};
}
}  // namespace

TEST(IndicatorenCli, JsonCsvTabelEnPubliek) {
  IndicatorGegevens d;
  d.gemeente("0268", "Nijmegen", "Rijk van Nijmegen");
  for (int l = 0; l <= 22; ++l) d.bevolking("0268", 2024, l, 100);
  for (int i = 0; i < 12; ++i) {
    auto k = d.kind(Date(2012, 1, 1));
    d.zorg(k, "0268", "11110000", i < 2 ? "36" : "32", "2024-01-01",
           i < 6 ? std::optional<std::string>("2024-03-31") : std::nullopt);
  }
  const std::string db = "--db " + d.pad().string() + " --periode 2024H1";
  auto [json, rc] = draai("indicatoren " + db);
  ASSERT_EQ(rc, 0);
  auto doc = nlohmann::json::parse(json);
  EXPECT_EQ(doc["periode"], "2024H1");
  EXPECT_EQ(doc["van"], "2024-01-01");
  EXPECT_EQ(doc["tot"], "2024-06-30");
  const auto& g = doc["gemeenten"][0];
  EXPECT_EQ(g["gemeente"], "0268");
  EXPECT_EQ(g["trajecten"]["totaal"], 12);
  EXPECT_EQ(g["trajecten"]["beeindigd"], 6);
  EXPECT_EQ(g["perHulpvorm"]["12"]["trajecten"], 2);
  EXPECT_EQ(doc["regio"]["naam"], "Rijk van Nijmegen");

  auto [pub, rc2] = draai("indicatoren " + db + " --niveau publiek");
  ASSERT_EQ(rc2, 0);
  auto p = nlohmann::json::parse(pub)["gemeenten"][0];
  EXPECT_EQ(p["trajecten"]["totaal"], 10);                     // 12 rounded to a multiple of 5
  EXPECT_TRUE(p["perHulpvorm"]["12"]["trajecten"].is_null());  // 2 < 10

  auto [csv, rc3] = draai("indicatoren " + db + " --formaat csv");
  ASSERT_EQ(rc3, 0);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "periode,niveau,gemeente,naam,indicator,waarde");
  EXPECT_NE(csv.find("2024H1,gemeente,0268,Nijmegen,trajecten.totaal,12\n"), std::string::npos);

  auto [tabel, rc4] = draai("indicatoren " + db + " --formaat tabel");
  ASSERT_EQ(rc4, 0);
  EXPECT_NE(tabel.find("trajecten.totaal"), std::string::npos);

  EXPECT_EQ(draai("indicatoren --db " + d.pad().string() + " --periode 2024H3").second, 2);
  EXPECT_EQ(draai("indicatoren " + db + " --gemeente 0999").second, 1);
}

TEST(IndicatorenCli, BevolkingImport) {
  IndicatorGegevens d;
  jr::testing::TempDir dir;
  {
    std::ofstream f(dir / "bevolking.csv");
    f << "gemeente,jaar,leeftijd,aantal\n0268,2024,3,40\n0268,2024,19,7\n";
  }
  auto [out, rc] =
      draai("bevolking --db " + d.pad().string() + " --import " + (dir / "bevolking.csv").string());
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(d.telling("2024H1", "0268").bevolking0tot17, 40u);
  {
    std::ofstream f(dir / "fout.csv");
    f << "gemeente,jaar,leeftijd\n0268,2024,3\n";
  }
  EXPECT_EQ(draai("bevolking --db " + d.pad().string() + " --import " + (dir / "fout.csv").string())
                .second,
            1);
}
