// The indicators, one rule per test, on hand-built store fixtures. Spec = Informatieprotocol
// Beleidsinformatie Jeugd (../shared/spec); definitions in docs/indicatoren.md.
#include <gtest/gtest.h>

#include "indicatoren_fixture.h"

using namespace jr;
using jr::testing::IndicatorGegevens;

TEST(Periode, HalfjaarEnJaar) {
  auto h1 = lees_periode("2024H1");
  ASSERT_TRUE(h1.ok());
  EXPECT_EQ(h1->van, Date(2024, 1, 1));
  EXPECT_EQ(h1->tot, Date(2024, 6, 30));
  auto h2 = lees_periode("2024H2");
  ASSERT_TRUE(h2.ok());
  EXPECT_EQ(h2->van, Date(2024, 7, 1));
  EXPECT_EQ(h2->tot, Date(2024, 12, 31));
  auto j = lees_periode("2024");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j->tot, Date(2024, 12, 31));
  EXPECT_FALSE(lees_periode("2024H3").ok());
  EXPECT_FALSE(lees_periode("24H1").ok());
  EXPECT_FALSE(lees_periode("2024-1").ok());
}

// spec §7.5: a traject counts in every period in which it was active; begonnen when its
// aanvang, beëindigd when its einde falls in the period; lopend when not ended on the last day.
TEST(Spec75, TrajectOverDePeriodegrensHeen) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2023-11-01", "2024-08-15", "31");
  auto h1 = d.telling("2024H1", "0268");
  EXPECT_EQ(h1.totaal, 1u);
  EXPECT_EQ(h1.begonnen, 0u);
  EXPECT_EQ(h1.beeindigd, 0u);
  EXPECT_EQ(h1.lopend_einde, 1u);
  auto h2 = d.telling("2024H2", "0268");
  EXPECT_EQ(h2.totaal, 1u);
  EXPECT_EQ(h2.beeindigd, 1u);
  EXPECT_EQ(h2.lopend_einde, 0u);
  auto y23 = d.telling("2023", "0268");
  EXPECT_EQ(y23.begonnen, 1u);
  EXPECT_EQ(y23.lopend_einde, 1u);
  EXPECT_EQ(d.telling("2023H1", "0268").totaal, 0u);
}

// spec §3.6: einde is the last day of care; ending on 30 June ends in H1 and is not lopend.
TEST(Spec36, EindigtOpDeLaatsteDag) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 5, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-02-01", "2024-06-30", "31");
  auto h1 = d.telling("2024H1", "0268");
  EXPECT_EQ(h1.beeindigd, 1u);
  EXPECT_EQ(h1.lopend_einde, 0u);
  EXPECT_EQ(h1.reden[0], 1u);
  EXPECT_EQ(h1.duur_som, 151u);  // 1 Feb - 30 Jun 2024, both days included
  EXPECT_EQ(d.telling("2024H2", "0268").totaal, 0u);
}

// spec §2.1 and DESIGN.md: jongeren counts cover 0-22; the 0-17 count (numerator of the
// percentage) uses the age on the first day of jeugdhulp in the period.
TEST(Spec21, Wordt18InDePeriode) {
  IndicatorGegevens d;
  auto a = d.kind(Date(2006, 3, 10));  // 17 on 1 Jan 2024, 18 on 10 Mar 2024
  auto b = d.kind(Date(2006, 1, 1));   // 18 on 1 Jan 2024
  auto c = d.kind(Date(2001, 1, 1));   // 23 on 1 Jan 2024: not a jeugdige
  d.zorg(a, "0268", "11110000", "32", "2023-06-01");
  d.zorg(b, "0268", "11110000", "32", "2023-06-01");
  d.zorg(c, "0268", "11110000", "32", "2023-06-01");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.jongeren, 2u);
  EXPECT_EQ(t.jongeren0tot17, 1u);
  EXPECT_EQ(t.totaal, 3u);
  // Starting after the 18th birthday: 18 on the first day of care in the period.
  IndicatorGegevens e;
  auto f = e.kind(Date(2006, 3, 10));
  e.zorg(f, "0268", "11110000", "32", "2024-03-10");
  auto u = e.telling("2024H1", "0268");
  EXPECT_EQ(u.jongeren, 1u);
  EXPECT_EQ(u.jongeren0tot17, 0u);
}

// CBS herhaald beroep: jeugdhulp ended in the five years before the new aanvang, with at
// least one day without it in between.
TEST(HerhaaldBeroep, NetBinnenEnNetBuitenVijfJaar) {
  IndicatorGegevens d;
  auto binnen = d.kind(Date(2010, 1, 1));
  auto buiten = d.kind(Date(2010, 1, 1));
  d.zorg(binnen, "0268", "11110000", "32", "2018-01-01", "2019-03-01", "31");
  d.zorg(binnen, "0268", "11110000", "33", "2024-03-01");  // 2019-03-01 = five years before
  d.zorg(buiten, "0268", "11110000", "32", "2018-01-01", "2019-03-01", "31");
  d.zorg(buiten, "0268", "11110000", "33", "2024-03-02");  // one day too late
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.begonnen, 2u);
  EXPECT_EQ(t.herhaald, 1u);
}

TEST(HerhaaldBeroep, MinstensEenDagErtussen) {
  IndicatorGegevens d;
  auto gat = d.kind(Date(2010, 1, 1));
  auto aansluitend = d.kind(Date(2010, 1, 1));
  d.zorg(gat, "0268", "11110000", "32", "2023-01-01", "2024-02-28", "31");
  d.zorg(gat, "0268", "11110000", "33", "2024-03-01");  // 29 Feb without jeugdhulp
  d.zorg(aansluitend, "0268", "11110000", "32", "2023-01-01", "2024-02-29", "31");
  d.zorg(aansluitend, "0268", "11110000", "33", "2024-03-01");  // no day in between
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.begonnen, 2u);
  EXPECT_EQ(t.herhaald, 1u);
}

// Outcome criterion 1 (spec §4.2, via §3.7): uitval = ended trajecten voortijdig afgesloten
// (02-05) among all ended trajecten.
TEST(Outcome, Uitval) {
  IndicatorGegevens d;
  const char* redenen[] = {"31", "31", "34", "32", "33", "35", "20"};
  for (const char* r : redenen) {
    auto k = d.kind(Date(2012, 1, 1));
    d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-03-01", r);
  }
  auto u = d.bereken("2024H1");
  const auto& t = u.gemeenten.at(0).t;
  EXPECT_EQ(t.beeindigd, 7u);
  EXPECT_EQ(t.reden[0], 2u);
  EXPECT_EQ(t.reden[5], 1u);  // 20 -> onbekend
  auto doc = server::indicatoren_json(u, indicators::Openbaarheid::kIntern);
  ASSERT_TRUE(doc.ok());
  const auto& g = (*doc)["gemeenten"][0];
  EXPECT_DOUBLE_EQ(g["uitvalPct"].get<double>(), 57.1);  // 4 of 7
  EXPECT_DOUBLE_EQ(g["uitvalPctPerReden"]["03"].get<double>(), 14.3);
  EXPECT_EQ(g["redenBeeindiging"]["onbekend"], 1);
}

// Outcome criterion 3.2 (spec §4.2): an ended traject has "geen nieuwe start" when no
// jeugdhulp of the jeugdige starts after its einde up to the end of the following half year.
TEST(Outcome, GeenNieuweStart) {
  IndicatorGegevens d;
  auto binnen = d.kind(Date(2012, 1, 1));
  auto buiten = d.kind(Date(2012, 1, 1));
  auto nooit = d.kind(Date(2012, 1, 1));
  d.zorg(binnen, "0268", "11110000", "32", "2024-01-01", "2024-03-01", "31");
  d.zorg(binnen, "0268", "22220000", "34", "2024-12-31");  // last day of following half year
  d.zorg(buiten, "0268", "11110000", "32", "2024-01-01", "2024-03-01", "31");
  d.zorg(buiten, "0268", "22220000", "34", "2025-01-01");
  d.zorg(nooit, "0268", "11110000", "32", "2024-01-01", "2024-03-01", "31");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.beeindigd, 3u);
  EXPECT_EQ(t.geen_nieuwe_start, 2u);
}

// spec §3.4: a traject that starts with a crisis product (JZ020 46) is gestart met crisis.
TEST(Spec34, GestartMetCrisis) {
  IndicatorGegevens d;
  d.product("46", "46001", "14");
  auto k = d.kind(Date(2012, 1, 1));
  d.zorg(k, "0268", "11110000", "46", "2024-01-05", "2024-01-20", "31", "46001");
  d.zorg(k, "0268", "11110000", "38", "2024-01-15");  // same hulpvorm 14, overlapping: merged
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.totaal, 1u);
  EXPECT_EQ(t.crisis, 1u);
}

// spec §5: jeugdbescherming (JZ020 48) and jeugdreclassering (47) count jeugdigen, not
// trajecten, and are no jeugdhulp.
TEST(Spec5, JeugdbeschermingEnJeugdreclassering) {
  IndicatorGegevens d;
  auto a = d.kind(Date(2012, 1, 1));
  auto b = d.kind(Date(2007, 1, 1));
  d.zorg(a, "0268", "33330000", "48", "2023-01-01");
  d.zorg(a, "0268", "33330000", "48", "2024-02-01", "2024-03-01", "31");
  d.zorg(b, "0268", "33330000", "47", "2024-02-01", "2024-03-01", "31");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.jeugdbescherming, 1u);
  EXPECT_EQ(t.jeugdreclassering, 1u);
  EXPECT_EQ(t.totaal, 0u);
  EXPECT_EQ(t.jongeren, 0u);
}

// DESIGN.md: the percentage uses the population 0-17 on 1 January as denominator.
TEST(Bevolking, PercentageJongerenMetJeugdhulp) {
  IndicatorGegevens d;
  d.gemeente("0268", "Nijmegen", "Rijk van Nijmegen");
  for (int l = 0; l <= 22; ++l) d.bevolking("0268", 2024, l, 10);  // 180 aged 0-17
  for (int i = 0; i < 12; ++i) {
    auto k = d.kind(Date(2012, 1, 1));
    d.zorg(k, "0268", "11110000", "32", "2024-01-01");
  }
  auto u = d.bereken("2024H1");
  EXPECT_EQ(u.gemeenten.at(0).t.bevolking0tot17, 180u);
  auto doc = server::indicatoren_json(u, indicators::Openbaarheid::kIntern);
  ASSERT_TRUE(doc.ok());
  EXPECT_DOUBLE_EQ((*doc)["gemeenten"][0]["pctJongerenMetJeugdhulp"].get<double>(), 6.7);
  EXPECT_EQ((*doc)["regio"]["naam"], "Rijk van Nijmegen");
}

// DESIGN.md disclosure control: below 10 not shown, others rounded to a multiple of 5,
// percentages from the unrounded counts.
TEST(Publiek, KleineAantallenEnAfronding) {
  using indicators::Openbaarheid;
  EXPECT_EQ(indicators::toon_aantal(9, Openbaarheid::kPubliek), std::nullopt);
  EXPECT_EQ(indicators::toon_aantal(10, Openbaarheid::kPubliek), 10u);
  EXPECT_EQ(indicators::toon_aantal(12, Openbaarheid::kPubliek), 10u);
  EXPECT_EQ(indicators::toon_aantal(13, Openbaarheid::kPubliek), 15u);
  EXPECT_EQ(indicators::toon_aantal(7, Openbaarheid::kIntern), 7u);
  IndicatorGegevens d;
  for (int l = 0; l <= 17; ++l) d.bevolking("0268", 2024, l, 10);
  for (int i = 0; i < 13; ++i) {
    auto k = d.kind(Date(2012, 1, 1));
    d.zorg(k, "0268", "11110000", i < 3 ? "35" : "32", "2024-01-01");
  }
  auto u = d.bereken("2024H1");
  auto doc = server::indicatoren_json(u, Openbaarheid::kPubliek);
  ASSERT_TRUE(doc.ok());
  const auto& g = (*doc)["gemeenten"][0];
  EXPECT_EQ(g["jongerenMetJeugdhulp"], 15);
  EXPECT_TRUE(g["perHulpvorm"]["11"]["trajecten"].is_null());
  EXPECT_EQ(g["perHulpvorm"]["02"]["trajecten"], 10);
  EXPECT_DOUBLE_EQ(g["pctJongerenMetJeugdhulp"].get<double>(), 7.2);  // 13 / 180, unrounded
}

// Kosten from accepted declaratie prestaties (credits negative), per cliënt and hulpvorm.
TEST(Kosten, PerClientEnPerHulpvorm) {
  IndicatorGegevens d;
  auto a = d.kind(Date(2012, 1, 1));
  auto b = d.kind(Date(2012, 1, 1));
  d.prestatie(a, "0268", "11110000", "32", "32A01", "2024-02-01", 10000);
  d.prestatie(a, "0268", "11110000", "32", "32A01", "2024-02-01", -2000);
  d.prestatie(b, "0268", "11110000", "35", "35A01", "2024-03-01", 30000);
  d.prestatie(b, "0268", "11110000", "35", "35A01", "2024-03-01", 99999, false);  // rejected
  d.prestatie(b, "0268", "11110000", "35", "35A01", "2024-07-01", 5000);          // H2
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.kosten_cent, 38000);
  EXPECT_EQ(t.kosten_clienten, 2u);
  EXPECT_EQ(t.hv_kosten_cent[model::hulpvorm_index(2)], 8000);
  EXPECT_EQ(t.hv_kosten_cent[model::hulpvorm_index(11)], 30000);
}

// Duration classes of ended trajecten (days, einde - aanvang + 1).
TEST(Duur, Klassen) {
  EXPECT_EQ(indicators::duurklasse(1), 0);
  EXPECT_EQ(indicators::duurklasse(90), 0);
  EXPECT_EQ(indicators::duurklasse(91), 1);
  EXPECT_EQ(indicators::duurklasse(364), 2);
  EXPECT_EQ(indicators::duurklasse(365), 3);
  EXPECT_EQ(indicators::duurklasse(1461), 6);
}

// Per regio and in total, jongeren are distinct: a jeugdige in two gemeenten counts once.
TEST(Regio, JongerenDistinctOverGemeenten) {
  IndicatorGegevens d;
  d.gemeente("0268", "Nijmegen", "Rijk van Nijmegen");
  d.gemeente("0209", "Beuningen", "Rijk van Nijmegen");
  d.gemeente("0200", "Apeldoorn", "Midden-IJssel");
  auto k = d.kind(Date(2012, 1, 1));
  d.zorg(k, "0268", "11110000", "32", "2024-01-01", "2024-02-01", "31");
  d.zorg(k, "0209", "11110000", "32", "2024-03-01");
  auto u = d.bereken("2024H1");
  for (const auto& r : u.regios)
    if (r.naam == "Rijk van Nijmegen") {
      EXPECT_EQ(r.t.jongeren, 1u);
      EXPECT_EQ(r.t.totaal, 2u);
    }
  EXPECT_EQ(u.totaal.t.jongeren, 1u);
  auto doc = server::indicatoren_json(u, indicators::Openbaarheid::kIntern, std::string("0209"));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["gemeenten"].size(), 1u);
  EXPECT_EQ((*doc)["regio"]["jongerenMetJeugdhulp"], 1);
  EXPECT_EQ((*doc)["regio"]["trajecten"]["totaal"], 2);
  EXPECT_FALSE(
      server::indicatoren_json(u, indicators::Openbaarheid::kIntern, std::string("9999")).ok());
}
