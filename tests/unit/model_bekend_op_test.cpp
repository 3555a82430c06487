// The snapshot as known on a day (bouw_snapshot with bekend_op): the view a forecast at a
// past peildatum and its backtest must have. Messages dated after the day, and withdrawals
// and replacements by such messages, do not count; through the whole import.
#include "import_fixture.h"
#include "model/snapshot.h"

namespace jr::testing {
namespace {

class BekendOp : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    // Categorie 45 has its hulpvorm from the catalogue: 02, so the care makes trajecten.
    sqlite3* db = nullptr;
    sqlite3_open((dir_ / "jr.sqlite").c_str(), &db);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO product (categorie, code, eenheid, tarief_cent, hulpvorm)"
                           " VALUES ('45', '45A03', '04', 5000, '02')",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  }
  void stuur(ijw::Bericht b, Date dagtekening) {
    std::visit([&](auto& m) { m.header.dagtekening = dagtekening; }, b);
    auto r = importeer(ijw::write_xml(b));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }
  // (aanvang, einde) of each traject as known at the end of `dag` ("" = everything).
  std::vector<std::pair<std::string, std::string>> trajecten(const std::string& dag) {
    auto s = model::bouw_snapshot(*store_, dag);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    std::vector<std::pair<std::string, std::string>> uit;
    for (size_t i = 0; i < s->trajecten.size(); ++i)
      uit.emplace_back(Date(s->trajecten.aanvang[i]).iso(),
                       s->trajecten.einde[i] == model::kOpenEinde
                           ? std::string("open")
                           : Date(s->trajecten.einde[i]).iso());
    return uit;
  }
  using V = std::vector<std::pair<std::string, std::string>>;
};

// A start, a temporary stop (reden 20) and the final stop that replaces it: each known from
// its message's dagtekening on, and a later replacement does not change an earlier view.
TEST_F(BekendOp, LaterMessagesAndCorrectionsDoNotCountBeforeTheirDagtekening) {
  stuur(jw305(1001, Date(2026, 4, 3), "S1"), Date(2026, 4, 5));
  stuur(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "20", "P1"), Date(2026, 5, 2));
  const V voor = trajecten("2026-05-20");
  stuur(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 31), "31", "P2"), Date(2026, 6, 3));
  EXPECT_EQ(tel("levering_stop", "actueel = 1"), 1);  // P2 replaced P1

  EXPECT_EQ(trajecten("2026-04-04"), V{});                          // start not yet known
  EXPECT_EQ(trajecten("2026-04-10"), (V{{"2026-04-03", "open"}}));  // no stop yet
  EXPECT_EQ(trajecten("2026-05-20"), (V{{"2026-04-03", "2026-04-30"}}));
  EXPECT_EQ(trajecten("2026-05-20"), voor);  // the later correction changes nothing here
  EXPECT_EQ(trajecten("2026-06-10"), (V{{"2026-04-03", "2026-05-31"}}));
  EXPECT_EQ(trajecten(""), (V{{"2026-04-03", "2026-05-31"}}));
}

// A start withdrawn (StatusAanlevering 3) counts until the withdrawal's dagtekening.
TEST_F(BekendOp, WithdrawnStartCountsUntilTheWithdrawalIsKnown) {
  stuur(jw305(1001, Date(2026, 4, 3), "S1"), Date(2026, 4, 5));
  stuur(jw305(1001, Date(2026, 4, 3), "S2", "3"), Date(2026, 4, 20));
  EXPECT_EQ(trajecten("2026-04-19"), (V{{"2026-04-03", "open"}}));
  EXPECT_EQ(trajecten("2026-04-20"), V{});
  EXPECT_EQ(trajecten(""), V{});
}

// A stop not received yet leaves the care open, also after its einddatum.
TEST_F(BekendOp, StopNotYetReceivedLeavesTheCareOpen) {
  stuur(jw305(1001, Date(2026, 4, 3), "S1"), Date(2026, 4, 5));
  stuur(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1"), Date(2026, 5, 10));
  EXPECT_EQ(trajecten("2026-05-05"), (V{{"2026-04-03", "open"}}));
  EXPECT_EQ(trajecten("2026-05-10"), (V{{"2026-04-03", "2026-04-30"}}));
}

}  // namespace
}  // namespace jr::testing
