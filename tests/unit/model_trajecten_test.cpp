// Trajecten as the protocol defines them (spec §3.3-3.7), from stored leveringen.
#include <gtest/gtest.h>

#include "indicatoren_fixture.h"

using namespace jr;
using jr::testing::IndicatorGegevens;

namespace {
int32_t dag(const char* iso) { return Date::parse(iso)->days(); }
}  // namespace

// spec §3.3: overlapping care of the same hulpvorm at the same aanbieder is one traject, from
// the first aanvang to the last einde, with the reden of the part that ends last.
TEST(Spec33, OverlappendeZorgZelfdeHulpvormIsEenTraject) {
  IndicatorGegevens d;
  d.gemeente("0268", "Nijmegen", "Rijk van Nijmegen");
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-10", "2024-04-30", "31");
  d.zorg(k, "0268", "11110000", "32", "2024-03-01", "2024-08-31", "32");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 1u);
  EXPECT_EQ(s.trajecten.aanvang[0], dag("2024-01-10"));
  EXPECT_EQ(s.trajecten.einde[0], dag("2024-08-31"));
  EXPECT_EQ(s.trajecten.hulpvorm[0], 2);
  EXPECT_EQ(s.trajecten.reden[0], 3);  // JZ588 32 -> 03 eenzijdig door de cliënt
}

// spec §3.3: an open part keeps the merged traject open.
TEST(Spec33, OpenDeelHoudtTrajectOpen) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-10");
  d.zorg(k, "0268", "11110000", "32", "2024-03-01", "2024-04-30", "31");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 1u);
  EXPECT_EQ(s.trajecten.einde[0], model::kOpenEinde);
  EXPECT_EQ(s.trajecten.reden[0], model::kRedenGeen);
}

// DESIGN.md / spec §3.3: care that only touches (next start the day after the end) stays two
// trajecten.
TEST(Spec33, AansluitendMaarNietOverlappendBlijftTwee) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-03-31", "31");
  d.zorg(k, "0268", "11110000", "32", "2024-04-01", "2024-06-30", "31");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 2u);
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.totaal, 2u);
  EXPECT_EQ(t.begonnen, 2u);
  EXPECT_EQ(t.beeindigd, 2u);
  EXPECT_EQ(t.jongeren, 1u);
}

// A shared day is overlap: the next start on the previous einde merges.
TEST(Spec33, ZelfdeDagIsOverlap) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-03-31", "31");
  d.zorg(k, "0268", "11110000", "32", "2024-03-31", "2024-06-30", "34");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 1u);
  EXPECT_EQ(s.trajecten.reden[0], 2);  // 34 in overleg -> 02
}

// spec §3.3 (each aanbieder reports its own part): same hulpvorm at two aanbieders is two.
TEST(Spec33, ZelfdeHulpvormTweeAanbiedersIsTwee) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-05-31", "31");
  d.zorg(k, "0268", "22220000", "32", "2024-02-01", "2024-05-31", "31");
  EXPECT_EQ(d.snapshot().trajecten.size(), 2u);
}

// spec §3.3 / §7.5: a change of hulpvorm closes one traject and starts another; the jeugdige
// counts once in total and once in each hulpvorm.
TEST(Spec33, WijzigingVanHulpvormGeeftTweeTrajecten) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-03-31", "34");
  d.zorg(k, "0268", "11110000", "35", "2024-04-01");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.totaal, 2u);
  EXPECT_EQ(t.jongeren, 1u);
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(2)], 1u);
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(11)], 1u);
  EXPECT_EQ(t.hv_jongeren[model::hulpvorm_index(2)], 1u);
  EXPECT_EQ(t.hv_jongeren[model::hulpvorm_index(11)], 1u);
  EXPECT_EQ(t.groep_jongeren[0], 1u);
  EXPECT_EQ(t.groep_jongeren[1], 1u);
  EXPECT_EQ(t.lopend_einde, 1u);
}

// spec §3.3: categories 31-38 map one to one; others take the catalogue's hulpvorm; a product
// without one (not jeugdhulp) makes no traject.
TEST(Spec33, HulpvormUitCategorieOfCatalogus) {
  IndicatorGegevens d;
  d.product("45", "45A01", "04");
  d.product("42", "42001", std::nullopt);
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "38", "2024-01-01");
  d.zorg(k, "0268", "11110000", "45", "2024-01-01", std::nullopt, "31", "45A01");
  d.zorg(k, "0268", "11110000", "42", "2024-01-01", std::nullopt, "31", "42001");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 2u);
  std::vector<int> hv(s.trajecten.hulpvorm.begin(), s.trajecten.hulpvorm.end());
  std::sort(hv.begin(), hv.end());
  EXPECT_EQ(hv, (std::vector<int>{4, 14}));
  EXPECT_EQ(s.telling.geen_jeugdhulp, 1u);
}

// spec §3.2: the verwijzer comes from the JW315 the toewijzing answers (same aanbieder and
// ReferentieAanbieder); without one it is 01 gemeentelijke toegang.
TEST(Spec32, VerwijzerUitVerzoekAndersGemeente) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.verzoek(k, "0268", "11110000", "REF-1", "02");
  auto nr = d.toewijzing(k, "0268", "11110000", "32", "", std::string("REF-1"));
  d.start(k, "0268", "11110000", nr, "2024-02-01");
  d.zorg(k, "0268", "22220000", "33", "2024-02-01");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(2)], 1u);
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(1)], 1u);
}

// spec §3.2 (06) and §3.3 (01): wijkteam care is hulpvorm 01 with verwijzer 06.
TEST(Spec32, WijkteamIsHulpvorm01Verwijzer06) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.wijkteam(k, "0268", "2024-02-01", "2024-05-01", "35");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(1)], 1u);
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(6)], 1u);
  EXPECT_EQ(t.reden[4], 1u);  // 35 externe oorzaak -> 05
}

// spec §3.7: JZ588 onto 01-05; codes without a protocol meaning count as onbekend.
TEST(Spec37, RedenBeeindigingUitJz588) {
  EXPECT_EQ(model::reden_uit_jz588("31"), 1);
  EXPECT_EQ(model::reden_uit_jz588("34"), 2);
  EXPECT_EQ(model::reden_uit_jz588("32"), 3);
  EXPECT_EQ(model::reden_uit_jz588("38"), 3);
  EXPECT_EQ(model::reden_uit_jz588("33"), 4);
  EXPECT_EQ(model::reden_uit_jz588("35"), 5);
  EXPECT_EQ(model::reden_uit_jz588("02"), 5);
  EXPECT_EQ(model::reden_uit_jz588("39"), 1);
  EXPECT_EQ(model::reden_uit_jz588("20"), model::kRedenOnbekend);
  EXPECT_EQ(model::reden_uit_jz588("36"), model::kRedenOnbekend);
  EXPECT_EQ(model::reden_uit_jz588("37"), model::kRedenOnbekend);
}

// iJw StatusAanlevering 3: a removed start (actueel 0) delivers nothing; a corrected stop
// (the old one no longer actueel) gives the new einde.
TEST(Spec36, VerwijderdeStartEnGecorrigeerdeStop) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  auto nr = d.toewijzing(k, "0268", "11110000", "32");
  d.start(k, "0268", "11110000", nr, "2024-01-01", false);
  d.start(k, "0268", "11110000", nr, "2024-01-15");
  d.stop(k, "0268", "11110000", nr, "2024-01-15", "2024-02-01", "31", false);
  d.stop(k, "0268", "11110000", nr, "2024-01-15", "2024-03-01", "33");
  auto s = d.snapshot();
  ASSERT_EQ(s.trajecten.size(), 1u);
  EXPECT_EQ(s.trajecten.aanvang[0], dag("2024-01-15"));
  EXPECT_EQ(s.trajecten.einde[0], dag("2024-03-01"));
  EXPECT_EQ(s.trajecten.reden[0], 4);
}

// Responsible gemeente = the gemeente that made the toewijzing.
TEST(Spec25, GemeenteVanDeToewijzing) {
  IndicatorGegevens d;
  d.gemeente("0268", "Nijmegen", "Rijk van Nijmegen");
  d.gemeente("0209", "Beuningen", "Rijk van Nijmegen");
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0209", "11110000", "32", "2024-01-01");
  EXPECT_EQ(d.telling("2024H1", "0209").totaal, 1u);
  EXPECT_EQ(d.telling("2024H1", "0268").totaal, 0u);
}
