// The generated stream is what an aanbieder would really send: imported into a fresh store,
// every toewijzing, verzoek om toewijzing and om wijziging, start, stop and declaratie is
// accepted (the berichtoverstijgende rules such as TR349 on verzoeken om wijziging and
// TR387/TR388 on declaratie periods included).
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "test_helpers.h"

namespace {

std::string run(const std::string& cmd, int& rc) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  rc = pclose(p);
  return out;
}

}  // namespace

TEST(GenerateImport, GeneratedZutphenYearImportsWithoutRejections) {
  jr::testing::TempDir dir;
  const std::string bin = jr::testing::binary();
  const std::string std_dir = " --standaard " + jr::testing::standaard_dir().string();
  const std::string out = (dir / "regio").string();
  const std::string db = (dir / "j.db").string();
  int rc = 0;
  run(bin + std_dir + " generate --regio zutphen --van 2024-01-01 --tot 2024-12-31 --seed 5" +
          " --schaal 0.3 --out " + out + " 2>&1",
      rc);
  ASSERT_EQ(rc, 0);
  run(bin + std_dir + " register --db " + db + " --import " + out + " 2>&1", rc);
  ASSERT_EQ(rc, 0);
  auto json = run(bin + std_dir + " import --db " + db + " " + out + "/berichten", rc);
  ASSERT_EQ(rc, 0) << json;
  auto s = nlohmann::json::parse(json);
  for (const char* type : {"JW301", "JW305", "JW307", "JW315", "JW317", "JW323"}) {
    ASSERT_TRUE(s["berichten"].contains(type)) << type;
    const auto& t = s["berichten"][type];
    EXPECT_GT(t["ontvangen"].get<int>(), 0) << type;
    EXPECT_EQ(t["afgekeurd"].get<int>(), 0) << type << ": " << t.dump();
    EXPECT_EQ(t["deels"].get<int>(), 0) << type << ": " << t.dump();
  }
}

// Importing the day archives of --tar gives what importing the message files gives.
TEST(GenerateImport, DayArchivesImportLikeTheMessageFiles) {
  jr::testing::TempDir dir;
  const std::string bin = jr::testing::binary();
  const std::string std_dir = " --standaard " + jr::testing::standaard_dir().string();
  int rc = 0;
  std::string samenvatting[2];
  for (int tar = 0; tar < 2; ++tar) {
    const std::string out = (dir / ("regio" + std::to_string(tar))).string();
    const std::string db = (dir / ("j" + std::to_string(tar) + ".db")).string();
    run(bin + std_dir + " generate --regio zutphen --van 2024-01-01 --tot 2024-06-30 --seed 6" +
            " --schaal 0.2 --out " + out + (tar ? " --tar" : "") + " 2>&1",
        rc);
    ASSERT_EQ(rc, 0);
    ASSERT_EQ(std::filesystem::exists(out + "/berichten/2024/2024-03-01.tar.gz"), tar == 1);
    run(bin + std_dir + " register --db " + db + " --import " + out + " 2>&1", rc);
    ASSERT_EQ(rc, 0);
    samenvatting[tar] = run(bin + std_dir + " import --db " + db + " " + out + "/berichten", rc);
    ASSERT_EQ(rc, 0) << samenvatting[tar];
  }
  auto s = nlohmann::json::parse(samenvatting[1]);
  ASSERT_TRUE(s["berichten"].contains("JW305"));
  EXPECT_GT(s["berichten"]["JW305"]["geaccepteerd"].get<int>(), 10);
  EXPECT_EQ(samenvatting[1], samenvatting[0]);
  // A damaged archive is an error, not a silently shorter import.
  const std::string kapot = (dir / "kapot.tar.gz").string();
  std::FILE* f = std::fopen(kapot.c_str(), "wb");
  std::fputs("geen gzip", f);
  std::fclose(f);
  auto uit =
      run(bin + std_dir + " import --db " + (dir / "j1.db").string() + " " + kapot + " 2>&1", rc);
  EXPECT_NE(rc, 0) << uit;
}
