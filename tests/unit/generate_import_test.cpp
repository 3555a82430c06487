// The generated stream is what an aanbieder would really send: imported into a fresh store,
// every toewijzing, start, stop and declaratie is accepted (the berichtoverstijgende rules
// such as TR387/TR388 on declaratie periods included).
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
  for (const char* type : {"JW301", "JW305", "JW307", "JW323"}) {
    ASSERT_TRUE(s["berichten"].contains(type)) << type;
    const auto& t = s["berichten"][type];
    EXPECT_GT(t["ontvangen"].get<int>(), 0) << type;
    EXPECT_EQ(t["afgekeurd"].get<int>(), 0) << type << ": " << t.dump();
    EXPECT_EQ(t["deels"].get<int>(), 0) << type << ": " << t.dump();
  }
}
