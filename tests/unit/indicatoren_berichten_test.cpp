// The indicators from hand-built iJw messages through the whole import (validate, rules,
// store), for the rules where the message flow matters: the verwijzer from the JW315 that a
// JW301 answers, overlapping and touching deliveries, a start withdrawn by StatusAanlevering 3,
// a change of hulpvorm. Synthetic: gemeente 0268, aanbieder 65656055, BSN 999900006.
#include "import_fixture.h"
#include "indicators/indicatoren.h"
#include "model/snapshot.h"
#include "store/registers.h"

namespace jr::testing {
namespace {

class IndicatorenBerichten : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    auto r = store::importeer_gemeenten(*store_,
                                        "gemeente,naam,regio\n0268,Nijmegen,Rijk van Nijmegen\n");
    ASSERT_TRUE(r.ok()) << r.status().to_string();
  }
  void importeer_ok(const std::string& xml, const char* wat) {
    auto r = importeer(xml);
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << wat << ": " << codes(r);
  }
  // A JW301 with product categorie `cat` from 2026-01-01 to 2026-12-31.
  void toewijzing(int64_t nr, const std::string& cat, std::optional<std::string> referentie = {}) {
    auto m = jw301(nr, "T" + std::to_string(nr));
    m.header.dagtekening = Date(2025, 12, 20);
    ijw::Adres adres;  // CD034, TR006: a BRP address with huis and postcode
    adres.huis = ijw::Huis{1, std::nullopt, std::nullopt, std::nullopt};
    adres.postcode = "6511AA";
    adres.straatnaam = "Proefstraat";
    adres.plaatsnaam = "Nijmegen";
    adres.land_code = "NL";
    m.contactgegevens.at(0).adres = adres;
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzingsdatum = Date(2025, 12, 20);
    p.ingangsdatum = Date(2026, 1, 1);
    p.einddatum = Date(2026, 12, 31);
    p.referentie_aanbieder = std::move(referentie);
    importeer_ok(ijw::write_xml(m), "JW301");
  }
  void start(int64_t nr, const std::string& cat, Date begin, const std::string& status = "1") {
    auto m = jw305(nr, begin, "S" + std::to_string(++volgnummer_), status);
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzing_ingangsdatum = Date(2026, 1, 1);
    importeer_ok(ijw::write_xml(m), "JW305");
  }
  void stop(int64_t nr, const std::string& cat, Date begin, Date eind, const std::string& reden) {
    auto m = jw307(nr, begin, eind, reden, "E" + std::to_string(++volgnummer_));
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzing_ingangsdatum = Date(2026, 1, 1);
    importeer_ok(ijw::write_xml(m), "JW307");
  }
  indicators::Telling h1() {
    auto s = model::bouw_snapshot(*store_);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    auto p = indicators::parse_periode("2026H1");
    auto u = indicators::bereken(*s, indicators::leid_af(*s), *p);
    for (const auto& g : u.gemeenten)
      if (g.code == kGemeente) return g.t;
    ADD_FAILURE() << "gemeente ontbreekt";
    return {};
  }
  int volgnummer_ = 0;
};

// spec §3.2: the verwijzer of the JW315 the toewijzing answers (ReferentieAanbieder); spec §3.3:
// overlapping deliveries of one hulpvorm are one traject, touching ones stay two.
TEST_F(IndicatorenBerichten, VerwijzerSamenvoegenEnAansluiten) {
  auto v = jw315("R1", "V1");
  v.header.dagtekening = Date(2025, 12, 1);
  v.producten.at(0).product = ijw::Product{"32", std::string("32A01")};
  v.producten.at(0).toewijzing_ingangsdatum = Date(2026, 1, 1);
  v.producten.at(0).verwijzer.naam.reset();  // CD066: with a ZorgverlenerCode, no naam
  importeer_ok(ijw::write_xml(v), "JW315");
  toewijzing(1001, "32", std::string("R1"));
  toewijzing(1002, "32");
  toewijzing(1003, "32");
  start(1001, "32", Date(2026, 1, 5));
  stop(1001, "32", Date(2026, 1, 5), Date(2026, 3, 31), "31");
  start(1002, "32", Date(2026, 3, 15));
  stop(1002, "32", Date(2026, 3, 15), Date(2026, 5, 31), "34");
  start(1003, "32", Date(2026, 6, 1));
  auto t = h1();
  EXPECT_EQ(t.totaal, 2u);
  EXPECT_EQ(t.begonnen, 2u);
  EXPECT_EQ(t.beeindigd, 1u);
  EXPECT_EQ(t.lopend_einde, 1u);
  EXPECT_EQ(t.reden[1], 1u);  // the merged traject ends with 34 in overleg -> 02
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(2)], 1u);  // huisarts, from the JW315
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(1)], 1u);  // no verzoek: gemeente
  EXPECT_EQ(t.duur_som, 147u);                            // 5 Jan - 31 May 2026
  EXPECT_EQ(t.jongeren, 1u);
  EXPECT_EQ(t.jongeren0tot17, 1u);
}

// iJw StatusAanlevering 3 withdraws a start: no care was delivered.
TEST_F(IndicatorenBerichten, IngetrokkenStartTeltNiet) {
  toewijzing(1001, "32");
  start(1001, "32", Date(2026, 2, 1));
  EXPECT_EQ(h1().totaal, 1u);
  start(1001, "32", Date(2026, 2, 1), "3");
  EXPECT_EQ(h1().totaal, 0u);
}

// spec §7.5: a change of hulpvorm ends one traject and starts another.
TEST_F(IndicatorenBerichten, WijzigingVanHulpvorm) {
  toewijzing(1001, "32");
  toewijzing(1002, "35");
  start(1001, "32", Date(2026, 1, 5));
  stop(1001, "32", Date(2026, 1, 5), Date(2026, 3, 31), "34");
  start(1002, "35", Date(2026, 4, 1));
  auto t = h1();
  EXPECT_EQ(t.totaal, 2u);
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(2)], 1u);
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(11)], 1u);
  EXPECT_EQ(t.groep_jongeren[0], 1u);
  EXPECT_EQ(t.groep_jongeren[1], 1u);
  EXPECT_EQ(t.jongeren, 1u);
}

}  // namespace
}  // namespace jr::testing
