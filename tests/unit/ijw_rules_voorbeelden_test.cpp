// The full verdict of every published example message (voorbeelden/*.xml, read at run time,
// byte-identical) and XML-level rule tests: a published example changed in memory, through
// the whole Validator (parse, XSD, reader, rules).
#include <gtest/gtest.h>

#include <set>

#include "ijw/validator.h"
#include "test_helpers.h"

namespace jr::ijw {
namespace {

Validator& validator() {
  static auto v = Validator::create(jr::testing::standaard_dir()).value();
  return *v;
}

std::string voorbeeld(const std::string& naam) {
  auto p = jr::testing::standaard_dir() / "voorbeelden" / naam;
  std::string s = jr::testing::read_all(p);
  EXPECT_FALSE(s.empty()) << p;
  return s;
}

// "REGEL xpath" per finding.
std::vector<std::string> verdict(const Validatie& v) {
  std::vector<std::string> out;
  for (const auto& f : v.findings) out.push_back(f.regelcode + " " + f.xpath);
  return out;
}
using Lines = std::vector<std::string>;

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

TEST(VoorbeeldVerdict, Jw301IsValid) {
  auto v = validator().validate(voorbeeld("JW301.xml"));
  ASSERT_TRUE(v.fout.ok()) << v.fout.message();
  EXPECT_EQ(v.type, Berichttype::JW301);
  EXPECT_TRUE(v.bericht.has_value());
  EXPECT_EQ(verdict(v), Lines{});
}

TEST(VoorbeeldVerdict, Jw305IsValid) {
  auto v = validator().validate(voorbeeld("JW305.xml"));
  ASSERT_TRUE(v.fout.ok()) << v.fout.message();
  EXPECT_EQ(verdict(v), Lines{});
}

TEST(VoorbeeldVerdict, Jw307IsValid) {
  auto v = validator().validate(voorbeeld("JW307.xml"));
  ASSERT_TRUE(v.fout.ok()) << v.fout.message();
  EXPECT_EQ(verdict(v), Lines{});
}

// The published JW315 names 2027-06-31 as ToewijzingEinddatum (twice): not a date, so the
// XSD rejects it and the rules are not reached.
TEST(VoorbeeldVerdict, Jw315FailsXsdOnNonExistingDate) {
  auto v = validator().validate(voorbeeld("JW315.xml"));
  ASSERT_TRUE(v.fout.ok()) << v.fout.message();
  ASSERT_FALSE(v.findings.empty());
  for (const auto& f : v.findings) {
    EXPECT_EQ(f.regelcode, "XSD");
    EXPECT_NE(f.melding.find("2027-06-31"), std::string::npos) << f.melding;
  }
  EXPECT_FALSE(v.bericht.has_value());
  // With the date corrected the example passes every rule.
  auto fixed = validator().validate(replace(
      replace(voorbeeld("JW315.xml"), "2027-06-31", "2027-06-30"), "2027-06-31", "2027-06-30"));
  EXPECT_EQ(verdict(fixed), Lines{});
}

// The published JW323: client 2 declares ReferentieNummer RN004 twice (TR101), and its
// RN004 for April repeats the debet of client 1's RN002 (ToewijzingNummer 10073, 45/45A04,
// April 2026: TR416). The totals add up (TR358 holds).
TEST(VoorbeeldVerdict, Jw323HasDuplicateReferentieAndDoubleDebet) {
  auto v = validator().validate(voorbeeld("JW323.xml"));
  ASSERT_TRUE(v.fout.ok()) << v.fout.message();
  EXPECT_EQ(verdict(v),
            (Lines{"TR416 /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]",
                   "TR101 /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]"}));
  for (const auto& f : v.findings) EXPECT_EQ(f.retourcode, "0001");
}

// XML-level: a changed example through the whole pipeline gives the rule and xpath.
TEST(VoorbeeldVerdict, ChangedJw305GivesTr134OnSecondStartProduct) {
  auto xml = replace(voorbeeld("JW305.xml"), "<jw305:Begindatum>2026-04-15</jw305:Begindatum>",
                     "<jw305:Begindatum>2026-04-16</jw305:Begindatum>");
  auto v = validator().validate(xml);
  EXPECT_EQ(verdict(v), Lines{"TR134 /Bericht/Client/StartProducten/StartProduct[2]/Begindatum"});
}

TEST(VoorbeeldVerdict, ChangedJw307GivesTr018) {
  auto xml = replace(voorbeeld("JW307.xml"), "<jw307:Einddatum>2026-07-17</jw307:Einddatum>",
                     "<jw307:Einddatum>2026-04-02</jw307:Einddatum>");
  auto v = validator().validate(xml);
  EXPECT_EQ(verdict(v), Lines{"TR018 /Bericht/Client/StopProducten/StopProduct[1]/Einddatum"});
}

TEST(VoorbeeldVerdict, ChangedJw301GivesBsnAndGemeenteFindings) {
  auto xml = replace(voorbeeld("JW301.xml"), "<jw301:Bsn>999900006</jw301:Bsn>",
                     "<jw301:Bsn>999900007</jw301:Bsn>");
  xml = replace(xml, "<jw301:Afzender>0384</jw301:Afzender>",
                "<jw301:Afzender>0001</jw301:Afzender>");
  auto v = validator().validate(xml);
  EXPECT_EQ(verdict(v), (Lines{"TR378 /Bericht/Header/Afzender", "CS002 /Bericht/Client/Bsn"}));
  for (const auto& f : v.findings) EXPECT_EQ(f.melding.find("999900007"), std::string::npos);
}

TEST(VoorbeeldVerdict, ChangedJw323TotalGivesTr358) {
  auto xml = replace(voorbeeld("JW323.xml"), "<ijw:TotaalBedrag>79000</ijw:TotaalBedrag>",
                     "<ijw:TotaalBedrag>79001</ijw:TotaalBedrag>");
  auto v = validator().validate(xml);
  std::set<std::string> regels;
  for (const auto& f : v.findings) regels.insert(f.regelcode);
  EXPECT_EQ(regels, (std::set<std::string>{"TR101", "TR358", "TR416"}));
}

}  // namespace
}  // namespace jr::ijw
