// The toegang's pure rules: werkdagen and deadlines (Algemene termijnenwet, Awb, iJw OP274)
// and whose consent a gezinsplan needs by age (Jeugdwet 7.3.4).
#include <gtest/gtest.h>

#include "casework/instemming.h"
#include "casework/termijnen.h"

namespace jr::casework {
namespace {

TEST(CaseworkTermijnen, PaaszondagVanBekendeJaren) {
  EXPECT_EQ(paaszondag(2024), Date(2024, 3, 31));
  EXPECT_EQ(paaszondag(2025), Date(2025, 4, 20));
  EXPECT_EQ(paaszondag(2026), Date(2026, 4, 5));
  EXPECT_EQ(paaszondag(2027), Date(2027, 3, 28));
}

// Algemene termijnenwet art. 3: the recognised holidays; Goede Vrijdag is not one.
TEST(CaseworkTermijnen, FeestdagenVanDeAlgemeneTermijnenwet) {
  EXPECT_TRUE(feestdag(Date(2026, 1, 1)));
  EXPECT_TRUE(feestdag(Date(2026, 4, 6)));   // tweede Paasdag
  EXPECT_FALSE(feestdag(Date(2026, 4, 3)));  // Goede Vrijdag
  EXPECT_TRUE(feestdag(Date(2026, 5, 14)));  // Hemelvaartsdag
  EXPECT_TRUE(feestdag(Date(2026, 5, 25)));  // tweede Pinksterdag
  EXPECT_TRUE(feestdag(Date(2026, 4, 27)));  // Koningsdag (a Monday)
  EXPECT_TRUE(feestdag(Date(2025, 4, 26)));  // 27 April 2025 is a Sunday: the 26th
  EXPECT_FALSE(feestdag(Date(2025, 4, 27)));
  EXPECT_TRUE(feestdag(Date(2026, 5, 5)));  // Bevrijdingsdag
  EXPECT_TRUE(feestdag(Date(2026, 12, 26)));
  EXPECT_FALSE(feestdag(Date(2026, 12, 24)));
}

TEST(CaseworkTermijnen, WerkdagenSlaanWeekendEnFeestdagenOver) {
  // Thursday 2026-04-02 + 5 werkdagen: Fri 3, (weekend, Easter Monday 6), Tue 7, Wed 8, Thu 9,
  // Fri 10.
  EXPECT_EQ(werkdagen_na(Date(2026, 4, 2), 5), Date(2026, 4, 10));
  // Friday + 1 werkdag is Monday.
  EXPECT_EQ(werkdagen_na(Date(2026, 9, 11), 1), Date(2026, 9, 14));
}

// Awb 4:13 (eight weeks) and Algemene termijnenwet art. 1 (a term ending on a Saturday, Sunday
// or holiday moves to the next werkdag).
TEST(CaseworkTermijnen, BesluittermijnAchtWekenOpEenWerkdag) {
  store::CaseworkInstellingen i;
  EXPECT_EQ(besluittermijn(Date(2026, 9, 10), i), Date(2026, 11, 5));
  // 2026-11-07 + 8 weeks = 2027-01-02, a Saturday: the Monday after.
  EXPECT_EQ(besluittermijn(Date(2026, 11, 7), i), Date(2027, 1, 4));
  i.awb_weken = 6;
  EXPECT_EQ(besluittermijn(Date(2026, 9, 10), i), Date(2026, 10, 22));
  i.eerste_contact_werkdagen = 3;
  EXPECT_EQ(contacttermijn(Date(2026, 9, 10), i), Date(2026, 9, 15));
}

// Awb 6:7/6:8: six weeks from the day after sending.
TEST(CaseworkTermijnen, BezwaartermijnZesWeken) {
  EXPECT_EQ(bezwaartermijn(Date(2026, 9, 10)), Date(2026, 10, 22));
}

// iJw OP274: 5 werkdagen to answer a verzoek; 8 weeks after its dagtekening once in onderzoek.
TEST(CaseworkTermijnen, VerzoektermijnVijfWerkdagenOfAchtWeken) {
  EXPECT_EQ(verzoektermijn(Date(2026, 9, 1), false), Date(2026, 9, 8));
  EXPECT_EQ(verzoektermijn(Date(2026, 9, 1), true), Date(2026, 10, 27));
}

// Jeugdwet 7.3.4: under 12 the ouders; 12 to 15 both; from 16 the jeugdige.
TEST(CaseworkInstemming, VereisteInstemmingPerLeeftijd) {
  EXPECT_TRUE(vereiste_instemming(11).ouders);
  EXPECT_FALSE(vereiste_instemming(11).jeugdige);
  EXPECT_TRUE(vereiste_instemming(12).ouders);
  EXPECT_TRUE(vereiste_instemming(12).jeugdige);
  EXPECT_TRUE(vereiste_instemming(15).ouders);
  EXPECT_TRUE(vereiste_instemming(15).jeugdige);
  EXPECT_FALSE(vereiste_instemming(16).ouders);
  EXPECT_TRUE(vereiste_instemming(16).jeugdige);
}

store::Gezinslid jeugdige(int64_t id, int64_t lid, Date geboren) {
  store::Gezinslid l;
  l.id = id;
  l.volgnummer = lid;
  l.soort = "jeugdige";
  l.jeugdige_id = id;
  l.geboortedatum = geboren;
  l.van = Date(2020, 1, 1);
  return l;
}

store::Gezinslid ouder(int64_t id, int64_t lid, bool gezag) {
  store::Gezinslid l;
  l.id = id;
  l.volgnummer = lid;
  l.soort = "ouder";
  l.ouder = store::OuderIdentiteit{"Anna", "", "Proef", "", "", "", "", "", 0};
  l.gezag = gezag;
  l.van = Date(2020, 1, 1);
  return l;
}

TEST(CaseworkInstemming, PerJeugdigeWieNogMoetInstemmen) {
  const Date d(2026, 9, 10);
  // Lid 1 is 11 (turns 12 tomorrow), lid 2 is exactly 12, lid 3 is 16; lid 4 has gezag, lid 5
  // (a stepparent) has none.
  std::vector<store::Gezinslid> leden = {
      jeugdige(101, 1, Date(2014, 9, 11)), jeugdige(102, 2, Date(2014, 9, 10)),
      jeugdige(103, 3, Date(2010, 9, 10)), ouder(201, 4, true), ouder(202, 5, false)};
  std::vector<store::PlanInstemming> ja = {{201, true, d}, {103, true, d}};
  auto s = instemming(leden, ja, d);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].leeftijd, 11);
  EXPECT_TRUE(s[0].compleet());  // the ouder with gezag agreed
  EXPECT_EQ(s[1].leeftijd, 12);
  EXPECT_EQ(s[1].ontbreekt, std::vector<int64_t>{2});  // the 12-year-old must agree too
  EXPECT_TRUE(s[2].compleet());                        // 16: the jeugdige alone
  // A refusal counts as missing; the ouder without gezag is never asked.
  std::vector<store::PlanInstemming> nee = {{201, false, d}, {102, true, d}};
  auto t = instemming(leden, nee, d);
  EXPECT_EQ(t[0].ontbreekt, std::vector<int64_t>{4});
  EXPECT_EQ(t[1].ontbreekt, std::vector<int64_t>{4});
  EXPECT_EQ(t[2].ontbreekt, std::vector<int64_t>{3});
}

TEST(CaseworkInstemming, ZonderGezagOntbreektDeInstemmingVanDeOuders) {
  const Date d(2026, 9, 10);
  auto s = instemming({jeugdige(101, 1, Date(2020, 1, 1))}, {}, d);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].ontbreekt, std::vector<int64_t>{0});
}

}  // namespace
}  // namespace jr::casework
