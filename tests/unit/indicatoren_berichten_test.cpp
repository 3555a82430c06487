// The indicators from hand-built iJw messages through the whole import (validate, rules,
// store), for the rules where the message flow matters: the verwijzer from the JW315 that a
// JW301 answers, overlapping and touching deliveries, a start withdrawn by StatusAanlevering 3,
// a change of hulpvorm. Synthetic: gemeente 0268, aanbieder 65656055, BSN 999900006.
#include <map>

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
  // The client of the following messages (the fixture's by default).
  void client(const char* bsn, Date geboren) {
    bsn_ = bsn;
    geboren_ = geboren;
  }
  template <class M>
  void zet_client(M& m) const {
    m.bsn = bsn_;
    m.geboortedatum.datum = geboren_;
  }
  void toewijzing(int64_t nr, const std::string& cat, std::optional<std::string> referentie = {},
                  Date ingang = Date(2026, 1, 1), Date einde = Date(2026, 12, 31)) {
    auto m = jw301(nr, "T" + std::to_string(nr));
    zet_client(m);
    m.header.dagtekening = ingang.add_days(-12);
    ijw::Adres adres;  // CD034, TR006: a BRP address with huis and postcode
    adres.huis = ijw::Huis{1, std::nullopt, std::nullopt, std::nullopt};
    adres.postcode = "6511AA";
    adres.straatnaam = "Proefstraat";
    adres.plaatsnaam = "Nijmegen";
    adres.land_code = "NL";
    m.contactgegevens.at(0).adres = adres;
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzingsdatum = ingang.add_days(-12);
    p.ingangsdatum = ingang;
    p.einddatum = einde;
    p.referentie_aanbieder = std::move(referentie);
    importeer_ok(ijw::write_xml(m), "JW301");
    ingang_[nr] = ingang;
  }
  void start(int64_t nr, const std::string& cat, Date begin, const std::string& status = "1") {
    auto m = jw305(nr, begin, "S" + std::to_string(++volgnummer_), status);
    zet_client(m);
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzing_ingangsdatum = ingang_.at(nr);
    importeer_ok(ijw::write_xml(m), "JW305");
  }
  void stop(int64_t nr, const std::string& cat, Date begin, Date eind, const std::string& reden) {
    auto m = jw307(nr, begin, eind, reden, "E" + std::to_string(++volgnummer_));
    zet_client(m);
    auto& p = m.producten.at(0);
    p.product = ijw::Product{cat, cat + "A01"};
    p.toewijzing_ingangsdatum = ingang_.at(nr);
    importeer_ok(ijw::write_xml(m), "JW307");
  }
  indicators::Telling h1(const std::string& periode = "2026H1") {
    auto s = model::bouw_snapshot(*store_);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    auto p = lees_periode(periode);
    auto u = indicators::bereken(*s, indicators::leid_af(*s), *p);
    for (const auto& g : u.gemeenten)
      if (g.code == kGemeente) return g.t;
    ADD_FAILURE() << "gemeente ontbreekt";
    return {};
  }
  int volgnummer_ = 0;
  const char* bsn_ = kBsn;
  Date geboren_ = Date(2010, 2, 14);
  std::map<int64_t, Date> ingang_;
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

// spec §7.5, §3.6: a traject running over the end of a period is lopend there and beëindigd in
// the period of its einde; ending on 30 June ends in H1.
TEST_F(IndicatorenBerichten, OverDePeriodegrensEnOpDeLaatsteDag) {
  toewijzing(1001, "32", {}, Date(2025, 10, 1), Date(2026, 12, 31));
  toewijzing(1002, "33", {}, Date(2026, 1, 1), Date(2026, 12, 31));
  start(1001, "32", Date(2025, 11, 1));
  stop(1001, "32", Date(2025, 11, 1), Date(2026, 8, 15), "31");
  start(1002, "33", Date(2026, 2, 1));
  stop(1002, "33", Date(2026, 2, 1), Date(2026, 6, 30), "31");
  auto h2025 = h1("2025H2");
  EXPECT_EQ(h2025.begonnen, 1u);
  EXPECT_EQ(h2025.lopend_einde, 1u);
  auto t = h1();
  EXPECT_EQ(t.totaal, 2u);
  EXPECT_EQ(t.begonnen, 1u);
  EXPECT_EQ(t.beeindigd, 1u);  // the one ending on 30 June
  EXPECT_EQ(t.lopend_einde, 1u);
  auto h2 = h1("2026H2");
  EXPECT_EQ(h2.totaal, 1u);
  EXPECT_EQ(h2.beeindigd, 1u);
}

// spec §2.1: the 0-17 count uses the age on the first day of jeugdhulp in the period.
TEST_F(IndicatorenBerichten, Wordt18) {
  client("999900018", Date(2008, 3, 10));  // 17 on 5 January 2026, 18 on 10 March
  toewijzing(1001, "32");
  start(1001, "32", Date(2026, 1, 5));
  client("999900031", Date(2008, 1, 1));  // already 18 on 5 January 2026
  toewijzing(1002, "32");
  start(1002, "32", Date(2026, 1, 5));
  auto t = h1();
  EXPECT_EQ(t.jongeren, 2u);
  EXPECT_EQ(t.jongeren0tot17, 1u);
}

// CBS herhaald beroep: jeugdhulp ended in the five years before the new aanvang (on or after
// the same day five years earlier), with at least one day without it in between.
TEST_F(IndicatorenBerichten, HerhaaldBeroepNetBinnenEnNetBuitenVijfJaar) {
  toewijzing(1001, "32", {}, Date(2021, 1, 1), Date(2021, 12, 31));
  start(1001, "32", Date(2021, 2, 1));
  stop(1001, "32", Date(2021, 2, 1), Date(2021, 3, 1), "31");
  toewijzing(1002, "33");
  start(1002, "33", Date(2026, 3, 1));  // 2021-03-01 is five years before: inside
  client("999900043", Date(2011, 5, 5));
  toewijzing(1003, "32", {}, Date(2021, 1, 1), Date(2021, 12, 31));
  start(1003, "32", Date(2021, 2, 1));
  stop(1003, "32", Date(2021, 2, 1), Date(2021, 3, 1), "31");
  toewijzing(1004, "33");
  start(1004, "33", Date(2026, 3, 2));  // one day too late
  auto t = h1();
  EXPECT_EQ(t.begonnen, 2u);
  EXPECT_EQ(t.herhaald, 1u);
}

}  // namespace
}  // namespace jr::testing
