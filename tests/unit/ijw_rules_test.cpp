// In-message rules on the typed messages (JW301, JW305, JW307, JW315, JW323): one TEST per
// rule of regels-ijw-3.2.csv, each with a message that satisfies it and one that violates it.
// Messages are built as structs; the baselines are valid and give no finding at all.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/bsn.h"
#include "ijw/rules.h"
#include "ijw/rules_common.h"
#include "test_helpers.h"

namespace jr::ijw {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

const Codelijsten& codelijsten() {
  static const Codelijsten c = Codelijsten::load(jr::testing::standaard_dir()).value();
  return c;
}

template <class M>
Findings check(const M& m) {
  Findings f;
  Bericht b = m;
  RuleContext ctx{&codelijsten()};
  check_rules(m.header.type, nullptr, &b, ctx, f);
  return f;
}

// Findings of one rule, as "xpath" strings.
std::vector<std::string> paths(const Findings& f, const std::string& regel) {
  std::vector<std::string> out;
  for (const auto& x : f)
    if (x.regelcode == regel) out.push_back(x.xpath);
  return out;
}
using Paths = std::vector<std::string>;

std::string dump(const Findings& f) {
  std::string s;
  for (const auto& x : f) s += x.regelcode + " " + x.xpath + " " + x.melding + "\n";
  return s;
}

Header header(Berichttype t, const char* afzender, const char* ontvanger, const char* dag) {
  Header h;
  h.type = t;
  h.afzender = afzender;
  h.ontvanger = ontvanger;
  h.identificatie = "1";
  h.dagtekening = d(dag);
  return h;
}

Contact brp_adres() {
  Contact c;
  c.soort = "01";
  Adres a;
  a.huis = Huis{9, std::nullopt, std::nullopt, std::nullopt};
  a.postcode = "1234AB";
  a.land_code = "NL";
  c.adres = a;
  return c;
}

Jw301 jw301() {
  Jw301 m;
  m.header = header(Berichttype::JW301, "0384", "42420001", "2026-04-01");
  m.bsn = "999900006";
  m.geboortedatum.datum = d("2010-02-14");
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Wit";
  m.contactgegevens.push_back(brp_adres());
  ToegewezenProduct p;
  p.toewijzing_nummer = 300201;
  p.product = Product{"55", "55A11"};
  p.toewijzingsdatum = d("2026-04-01");
  p.ingangsdatum = d("2026-04-01");
  p.einddatum = d("2026-07-14");
  p.omvang = Omvang{2, "04", "2"};
  m.producten.push_back(p);
  return m;
}

ToegewezenProduct tweede(const Jw301& m) {
  ToegewezenProduct p = m.producten[0];
  p.toewijzing_nummer = 300202;
  p.product = Product{"55", "55A12"};
  return p;
}

Jw305 jw305() {
  Jw305 m;
  m.header = header(Berichttype::JW305, "65656055", "0363", "2026-04-15");
  m.bsn = "999900018";
  m.geboortedatum.datum = d("2010-02-14");
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Wit";
  StartProduct p;
  p.toewijzing_nummer = 300201;
  p.product = Product{"55", "55A11"};
  p.toewijzing_ingangsdatum = d("2026-04-01");
  p.begindatum = d("2026-04-03");
  m.producten.push_back(p);
  return m;
}

Jw307 jw307() {
  Jw307 m;
  m.header = header(Berichttype::JW307, "65656055", "0363", "2026-07-20");
  m.bsn = "999900031";
  m.geboortedatum.datum = d("2010-02-14");
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Wit";
  StopProduct p;
  p.toewijzing_nummer = 300201;
  p.product = Product{"55", "55A11"};
  p.toewijzing_ingangsdatum = d("2026-04-01");
  p.begindatum = d("2026-04-03");
  p.reden_beeindiging = "31";
  p.einddatum = d("2026-07-17");
  m.producten.push_back(p);
  return m;
}

Jw315 jw315() {
  Jw315 m;
  m.header = header(Berichttype::JW315, "42420001", "0384", "2026-04-01");
  m.bsn = "999900043";
  m.geboortedatum.datum = d("2010-02-14");
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Wit";
  AangevraagdProduct p;
  p.referentie_aanbieder = "REF1";
  p.product = Product{"55", "55A11"};
  p.toewijzing_ingangsdatum = d("2026-04-01");
  p.toewijzing_einddatum = d("2027-03-31");
  p.omvang = Omvang{2, "16", "4"};
  p.verwijzer.type = "01";
  m.producten.push_back(p);
  return m;
}

AangevraagdProduct tweede(const Jw315& m) {
  AangevraagdProduct p = m.producten[0];
  p.referentie_aanbieder = "REF2";
  p.product = Product{"55", "55A12"};
  return p;
}

Prestatie prestatie(const char* ref, int64_t nummer, int64_t cents) {
  Prestatie p;
  p.referentie_nummer = ref;
  p.toewijzing_nummer = nummer;
  p.product_categorie = "45";
  p.product_code = "45A03";
  p.product_periode = Periode{d("2026-04-01"), d("2026-04-30")};
  p.geleverd_volume = 4;
  p.eenheid = "04";
  p.product_tarief = cents / 4;
  p.ingediend_bedrag = BedragMetDC{cents, "D"};
  return p;
}

Jw323 jw323() {
  Jw323 m;
  m.header = header(Berichttype::JW323, "65656055", "0384", "2026-05-06");
  m.declaratie_nummer = "DN001";
  m.declaratie_periode = Periode{d("2026-04-01"), d("2026-04-30")};
  m.declaratie_dagtekening = d("2026-05-06");
  m.totaal_ingediend_bedrag = BedragMetDC{8000, "D"};
  m.clienten.push_back({"999900055", {prestatie("RN001", 10072, 5000)}});
  m.clienten.push_back({"999900067", {prestatie("RN002", 10073, 3000)}});
  return m;
}

TEST(RuleBaselines, SyntheticMessagesAreValid) {
  for (const char* bsn :
       {"999900006", "999900018", "999900031", "999900043", "999900055", "999900067", "999900079"})
    ASSERT_TRUE(bsn_elfproef(bsn)) << bsn;
  EXPECT_EQ(dump(check(jw301())), "");
  EXPECT_EQ(dump(check(jw305())), "");
  EXPECT_EQ(dump(check(jw307())), "");
  EXPECT_EQ(dump(check(jw315())), "");
  EXPECT_EQ(dump(check(jw323())), "");
}

TEST(RuleBaselines, FindingCarriesRetourcodeAndNoPersonData) {
  auto m = jw301();
  m.bsn = "999900007";  // fails the elfproef
  m.geboortedatum.datum = d("2027-01-01");
  auto f = check(m);
  ASSERT_FALSE(f.empty());
  for (const auto& x : f) {
    EXPECT_EQ(x.retourcode, "0001") << x.regelcode;
    EXPECT_EQ(x.melding.find("999900007"), std::string::npos) << x.melding;
    EXPECT_EQ(x.melding.find("2027-01-01"), std::string::npos) << x.melding;
    EXPECT_EQ(x.melding.find("Wit"), std::string::npos) << x.melding;
  }
}

// ---------------------------------------------------------------- Client and Contact (JW301)

// regels-ijw-3.2 CD005: LandCode is filled when Postcode is filled, and only then.
TEST(Cd005, LandCodeGoesWithPostcode) {
  auto m = jw301();
  m.contactgegevens[0].adres->land_code.reset();
  EXPECT_EQ(paths(check(m), "CD005"),
            Paths{"/Bericht/Client/Contactgegevens/Contact[1]/Adres/LandCode"});
  m = jw301();
  m.contactgegevens[0].adres->postcode.reset();
  m.contactgegevens[0].adres->land_code = "BE";
  EXPECT_EQ(paths(check(m), "CD005").size(), 1u);
  EXPECT_TRUE(paths(check(jw301()), "CD005").empty());
}

// regels-ijw-3.2 CD007: Taal is filled when Communicatie/Vorm is 1 (tolk taal), else empty.
TEST(Cd007, TaalOnlyWithTolk) {
  auto m = jw301();
  m.communicatie = Communicatie{"1", std::nullopt};
  EXPECT_EQ(paths(check(m), "CD007"), Paths{"/Bericht/Client/Communicatie/Taal"});
  m.communicatie = Communicatie{"2", "Zweeds"};
  EXPECT_EQ(paths(check(m), "CD007"), Paths{"/Bericht/Client/Communicatie/Taal"});
  m.communicatie = Communicatie{"1", "Zweeds"};
  EXPECT_TRUE(paths(check(m), "CD007").empty());
}

// regels-ijw-3.2 CD009: a Contact Periode only with Soort adres 04 (tijdelijk adres).
TEST(Cd009, PeriodeOnlyForTijdelijkAdres) {
  auto m = jw301();
  Contact c = brp_adres();
  c.soort = "04";
  c.periode = OpenPeriode{d("2026-01-01"), std::nullopt};
  m.contactgegevens.push_back(c);
  EXPECT_TRUE(paths(check(m), "CD009").empty());
  m.contactgegevens[0].periode = OpenPeriode{d("2026-01-01"), std::nullopt};
  EXPECT_EQ(paths(check(m), "CD009"), Paths{"/Bericht/Client/Contactgegevens/Contact[1]/Periode"});
}

// regels-ijw-3.2 CD025: an address in the Netherlands has a Huis.
TEST(Cd025, HuisRequiredInNederland) {
  auto m = jw301();
  m.contactgegevens[0].telefoon01 = Telefoon{"0201234567", "0031"};
  m.contactgegevens[0].adres->huis.reset();
  EXPECT_EQ(paths(check(m), "CD025"),
            Paths{"/Bericht/Client/Contactgegevens/Contact[1]/Adres/Huis"});
  m.contactgegevens[0].adres->land_code = "BE";
  m.contactgegevens[0].adres->postcode = "1000";
  EXPECT_TRUE(paths(check(m), "CD025").empty());
}

// regels-ijw-3.2 CD034: a BRP (01) or verblijf (03) address has a Postcode.
TEST(Cd034, PostcodeForBrpAndVerblijfadres) {
  auto m = jw301();
  m.contactgegevens[0].adres->postcode.reset();
  m.contactgegevens[0].adres->land_code.reset();
  m.contactgegevens[0].telefoon01 = Telefoon{"0201234567", "0031"};
  EXPECT_EQ(paths(check(m), "CD034"),
            Paths{"/Bericht/Client/Contactgegevens/Contact[1]/Adres/Postcode"});
  m.contactgegevens[0].soort = "02";
  m.contactgegevens.push_back(brp_adres());
  EXPECT_TRUE(paths(check(m), "CD034").empty());
}

// regels-ijw-3.2 CS089: a Dutch postcode has the form [1-9][0-9]{3}[a-zA-Z]{2}.
TEST(Cs089, NederlandsePostcode) {
  auto m = jw301();
  for (const char* fout : {"0234AB", "1234 AB", "12345A", "1234A"}) {
    m.contactgegevens[0].adres->postcode = fout;
    EXPECT_EQ(paths(check(m), "CS089"),
              Paths{"/Bericht/Client/Contactgegevens/Contact[1]/Adres/Postcode"})
        << fout;
  }
  m.contactgegevens[0].adres->postcode = "9999xx";
  EXPECT_TRUE(paths(check(m), "CS089").empty());
  m.contactgegevens[0].adres->postcode = "B-1000";
  m.contactgegevens[0].adres->land_code = "BE";
  EXPECT_TRUE(paths(check(m), "CS089").empty());
}

// regels-ijw-3.2 TR006: a Contact has a Telefoon and/or Huis with Postcode.
TEST(Tr006, ContactHasTelefoonOrHuisAndPostcode) {
  auto m = jw301();
  Contact c;
  c.soort = "02";
  c.emailadres = "a@b.nl";
  m.contactgegevens.push_back(c);
  EXPECT_EQ(paths(check(m), "TR006"), Paths{"/Bericht/Client/Contactgegevens/Contact[2]"});
  m.contactgegevens[1].telefoon02 = Telefoon{"0612345678", "0031"};
  EXPECT_TRUE(paths(check(m), "TR006").empty());
}

// regels-ijw-3.2 TR061: a client has an address of Soort 01, 02 or 03.
TEST(Tr061, ClientHasWoonOfCorrespondentieadres) {
  auto m = jw301();
  m.contactgegevens[0].soort = "04";
  EXPECT_EQ(paths(check(m), "TR061"), Paths{"/Bericht/Client/Contactgegevens"});
  m.contactgegevens[0].soort = "02";
  EXPECT_TRUE(paths(check(m), "TR061").empty());
}

// regels-ijw-3.2 CS050: NaamGebruik 1-4 with a Partnernaam, else 1 or 6.
TEST(Cs050, NaamGebruikMatchesPartnernaam) {
  auto m = jw301();
  m.naam.naam_gebruik = "3";
  EXPECT_EQ(paths(check(m), "CS050"), Paths{"/Bericht/Client/Naam/NaamGebruik"});
  m.naam.partnernaam = Achternaam{"Vries", "de"};
  EXPECT_TRUE(paths(check(m), "CS050").empty());
  Relatie r;
  r.nummer = "1";
  r.soort = "12";
  r.naam.geslachtsnaam.achternaam = "Galen";
  r.naam.partnernaam = Achternaam{"Vries", std::nullopt};
  r.naam.naam_gebruik = "6";
  r.contact = brp_adres();
  m.relaties.push_back(r);
  EXPECT_EQ(paths(check(m), "CS050"),
            Paths{"/Bericht/Client/Relaties/Relatie[1]/Naam/NaamGebruik"});
}

// regels-ijw-3.2 CS318: a client's NaamGebruik is not 6 (niet-natuurlijk persoon).
TEST(Cs318, ClientIsNatuurlijkPersoon) {
  auto m = jw301();
  m.naam.naam_gebruik = "6";
  EXPECT_EQ(paths(check(m), "CS318"), Paths{"/Bericht/Client/Naam/NaamGebruik"});
  EXPECT_TRUE(paths(check(m), "CS050").empty());  // 6 without Partnernaam is fine for CS050
  m.naam.naam_gebruik = "1";
  EXPECT_TRUE(paths(check(m), "CS318").empty());
}

// regels-ijw-3.2 CS139: DatumGebruik and Datum of a Geboortedatum agree.
TEST(Cs139, DatumGebruikMatchesDatum) {
  auto m = jw305();
  m.geboortedatum = Geboortedatum{d("2010-02-14"), "1"};  // day unknown: must be the 1st
  EXPECT_EQ(paths(check(m), "CS139"), Paths{"/Bericht/Client/Geboortedatum/Datum"});
  m.geboortedatum = Geboortedatum{d("2010-02-01"), "1"};
  EXPECT_TRUE(paths(check(m), "CS139").empty());
  m.geboortedatum = Geboortedatum{d("2010-02-01"), "2"};  // month unknown: 1 January
  EXPECT_EQ(paths(check(m), "CS139").size(), 1u);
  m.geboortedatum = Geboortedatum{d("2010-01-01"), "2"};
  EXPECT_TRUE(paths(check(m), "CS139").empty());
  m.geboortedatum = Geboortedatum{d("2010-01-01"), "3"};  // unknown: 1900-01-01
  EXPECT_EQ(paths(check(m), "CS139").size(), 1u);
  m.geboortedatum = Geboortedatum{d("1900-01-01"), "3"};
  EXPECT_TRUE(paths(check(m), "CS139").empty());
}

// regels-ijw-3.2 TR002: a birth date at most 120 years before Dagtekening, unless unknown.
TEST(Tr002, GeboortedatumAtMost120YearsBack) {
  auto m = jw315();  // Dagtekening 2026-04-01
  m.geboortedatum.datum = d("1906-03-31");
  EXPECT_EQ(paths(check(m), "TR002"), Paths{"/Bericht/Client/Geboortedatum/Datum"});
  m.geboortedatum.datum = d("1906-04-01");
  EXPECT_TRUE(paths(check(m), "TR002").empty());
  m.geboortedatum = Geboortedatum{d("1900-01-01"), "3"};
  EXPECT_TRUE(paths(check(m), "TR002").empty());
  m.geboortedatum = Geboortedatum{d("1900-01-01"), std::nullopt};
  EXPECT_EQ(paths(check(m), "TR002").size(), 1u);
}

// regels-ijw-3.2 TR134: dates that lie in the past are not after Dagtekening.
TEST(Tr134, NotAfterDagtekening) {
  auto m301 = jw301();
  m301.geboortedatum.datum = d("2026-04-02");
  m301.producten[0].toewijzingsdatum = d("2026-04-02");
  EXPECT_EQ(paths(check(m301), "TR134"),
            (Paths{"/Bericht/Client/Geboortedatum/Datum",
                   "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Toewijzingsdatum"}));
  auto m305 = jw305();  // Dagtekening 2026-04-15
  m305.producten[0].begindatum = d("2026-04-15");
  EXPECT_TRUE(paths(check(m305), "TR134").empty());
  m305.producten.push_back(m305.producten[0]);
  m305.producten[1].toewijzing_nummer = 300202;
  m305.producten[1].begindatum = d("2026-04-16");
  EXPECT_EQ(paths(check(m305), "TR134"),
            Paths{"/Bericht/Client/StartProducten/StartProduct[2]/Begindatum"});
  auto m307 = jw307();
  m307.producten[0].einddatum = d("2026-07-21");
  EXPECT_EQ(paths(check(m307), "TR134"),
            Paths{"/Bericht/Client/StopProducten/StopProduct[1]/Einddatum"});
  auto m323 = jw323();
  m323.declaratie_dagtekening = d("2026-05-07");
  EXPECT_EQ(paths(check(m323), "TR134"), Paths{"/Bericht/Declaratie/DeclaratieDagtekening"});
}

// regels-ijw-3.2 CS002: the BSN passes the elfproef.
TEST(Cs002, BsnElfproef) {
  auto m = jw307();
  m.bsn = "999900032";
  auto f = check(m);
  EXPECT_EQ(paths(f, "CS002"), Paths{"/Bericht/Client/Bsn"});
  EXPECT_EQ(f[0].melding, "BSN voldoet niet aan de elfproef");
  auto d323 = jw323();
  d323.clienten[1].bsn = "123456789";
  EXPECT_EQ(paths(check(d323), "CS002"), Paths{"/Bericht/Declaratie/Clienten/Client[2]/Bsn"});
  EXPECT_TRUE(paths(check(jw307()), "CS002").empty());
}

// ---------------------------------------------------------------- ToegewezenProduct (JW301)

// regels-ijw-3.2 CS003: an end date is not before the begin date of its period.
TEST(Cs003, EinddatumNotBeforeBegin) {
  auto m = jw301();
  m.producten[0].einddatum = d("2026-03-31");
  EXPECT_EQ(paths(check(m), "CS003"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum"});
  m.producten[0].einddatum = d("2026-04-01");
  EXPECT_TRUE(paths(check(m), "CS003").empty());
  auto v = jw315();
  v.producten[0].toewijzing_einddatum = d("2026-03-01");
  EXPECT_EQ(
      paths(check(v), "CS003"),
      Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum"});
  auto c = jw301();
  Contact t = brp_adres();
  t.soort = "04";
  t.periode = OpenPeriode{d("2026-02-01"), d("2026-01-31")};
  c.contactgegevens.push_back(t);
  EXPECT_EQ(paths(check(c), "CS003"),
            Paths{"/Bericht/Client/Contactgegevens/Contact[2]/Periode/Einddatum"});
}

// regels-ijw-3.2 CD041: a Product/Code asks for an Omvang.
TEST(Cd041, OmvangWithProductCode) {
  auto m = jw301();
  m.producten[0].omvang.reset();
  EXPECT_EQ(paths(check(m), "CD041"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang"});
  m.producten[0].product->code.reset();
  EXPECT_TRUE(paths(check(m), "CD041").empty());
  auto v = jw315();
  v.producten[0].omvang.reset();
  EXPECT_EQ(paths(check(v), "CD041").size(), 1u);
}

// regels-ijw-3.2 CD075: a Budget asks for an end date.
TEST(Cd075, EinddatumWithBudget) {
  auto m = jw301();
  m.producten[0].omvang.reset();
  m.producten[0].product->code.reset();
  m.producten[0].budget = 100000;
  EXPECT_TRUE(paths(check(m), "CD075").empty());
  m.producten[0].einddatum.reset();
  EXPECT_EQ(paths(check(m), "CD075"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum"});
}

// regels-ijw-3.2 CD076: Frequentie 2 (per week) asks for an end date.
TEST(Cd076, EinddatumWithPerWeek) {
  auto v = jw315();
  v.producten[0].omvang->frequentie = "2";
  EXPECT_TRUE(paths(check(v), "CD076").empty());
  v.producten[0].toewijzing_einddatum.reset();
  EXPECT_EQ(
      paths(check(v), "CD076"),
      Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum"});
  v.producten[0].omvang->frequentie = "4";
  EXPECT_TRUE(paths(check(v), "CD076").empty());
}

// regels-ijw-3.2 CD077 and CD078: Omvang and Budget exclude each other.
TEST(Cd077, NoOmvangWithBudget) {
  auto m = jw301();
  m.producten[0].budget = 5000;
  EXPECT_EQ(paths(check(m), "CD077"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang"});
  m.producten[0].omvang.reset();
  EXPECT_TRUE(paths(check(m), "CD077").empty());
}
TEST(Cd078, NoBudgetWithOmvang) {
  auto v = jw315();
  v.producten[0].budget = 5000;
  EXPECT_EQ(paths(check(v), "CD078"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Budget"});
  v.producten[0].budget.reset();
  EXPECT_TRUE(paths(check(v), "CD078").empty());
}

// regels-ijw-3.2 CD079: without a Budget the Product is required.
TEST(Cd079, ProductWithoutBudget) {
  auto m = jw301();
  m.producten[0].product.reset();
  m.producten[0].omvang.reset();
  EXPECT_EQ(paths(check(m), "CD079"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Product"});
  m.producten[0].budget = 100000;
  EXPECT_TRUE(paths(check(m), "CD079").empty());
}

// regels-ijw-3.2 CD080: without a Product/Code and ending after 2020 (or open), no Omvang.
TEST(Cd080, NoOmvangForCategoryOnlyAfter2020) {
  auto m = jw301();
  m.producten[0].product->code.reset();
  EXPECT_EQ(paths(check(m), "CD080"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang"});
  m.producten[0].ingangsdatum = d("2020-01-01");
  m.producten[0].toewijzingsdatum = d("2020-01-01");
  m.producten[0].einddatum = d("2020-12-31");
  EXPECT_TRUE(paths(check(m), "CD080").empty());
  m.producten[0].einddatum.reset();
  m.producten[0].omvang->frequentie = "4";
  EXPECT_EQ(paths(check(m), "CD080").size(), 1u);
}

// regels-ijw-3.2 CD095: CD080 for AangevraagdProduct (ToewijzingEinddatum).
TEST(Cd095, NoOmvangForCategoryOnlyRequest) {
  auto v = jw315();
  v.producten[0].product->code.reset();
  EXPECT_EQ(paths(check(v), "CD095"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Omvang"});
  v.producten[0].omvang.reset();
  EXPECT_TRUE(paths(check(v), "CD095").empty());
}

// regels-ijw-3.2 CS338: eenheid 14/16/83/84 after 2020 has Frequentie 2, 4 or 6.
TEST(Cs338, FrequentieForEtmaalDagdeelEuroStuks) {
  auto m = jw301();
  m.producten[0].omvang = Omvang{2, "14", "1"};
  EXPECT_EQ(paths(check(m), "CS338"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang/Frequentie"});
  m.producten[0].omvang = Omvang{2, "04", "1"};  // uur per dag is allowed
  EXPECT_TRUE(paths(check(m), "CS338").empty());
  m.producten[0].omvang = Omvang{2, "84", "6"};
  EXPECT_TRUE(paths(check(m), "CS338").empty());
}

// regels-ijw-3.2 CS343: CS338 for AangevraagdProduct (ToewijzingEinddatum).
TEST(Cs343, FrequentieForEtmaalDagdeelEuroStuksRequest) {
  auto v = jw315();
  v.producten[0].omvang = Omvang{3, "16", "1"};
  EXPECT_EQ(paths(check(v), "CS343"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Omvang/Frequentie"});
  v.producten[0].omvang = Omvang{3, "16", "2"};
  EXPECT_TRUE(paths(check(v), "CS343").empty());
}

// regels-ijw-3.2 CS335: RedenWijziging 13 (verwijderd) only when Einddatum == Ingangsdatum.
TEST(Cs335, VerwijderdOnlyWithZeroLength) {
  auto m = jw301();
  m.producten[0].reden_wijziging = "13";
  EXPECT_EQ(paths(check(m), "CS335"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/RedenWijziging"});
  m.producten[0].einddatum = m.producten[0].ingangsdatum;
  EXPECT_TRUE(paths(check(m), "CS335").empty());
}

// regels-ijw-3.2 CS336: RedenWijziging 01 (administratieve correctie, vervallen) is not used.
TEST(Cs336, AdministratieveCorrectieVervallen) {
  auto m = jw301();
  m.producten[0].reden_wijziging = "01";
  EXPECT_EQ(paths(check(m), "CS336"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/RedenWijziging"});
  m.producten[0].reden_wijziging = "02";
  EXPECT_TRUE(paths(check(m), "CS336").empty());
}

// regels-ijw-3.2 TR302: the same product only more than once when the periods do not overlap;
// removed allocations do not count; a missing code compares the category, a missing product
// compares with everything.
TEST(Tr302, SameProductNoOverlapInToewijzing) {
  auto m = jw301();
  auto p = m.producten[0];
  p.toewijzing_nummer = 300202;
  p.ingangsdatum = d("2026-07-14");  // touches the end day: overlap
  p.einddatum = d("2026-09-30");
  m.producten.push_back(p);
  EXPECT_EQ(paths(check(m), "TR302"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"});
  m.producten[1].ingangsdatum = d("2026-07-15");
  EXPECT_TRUE(paths(check(m), "TR302").empty());
  m.producten[1] = tweede(m);  // other code, same period
  EXPECT_TRUE(paths(check(m), "TR302").empty());
  m.producten[1].product->code.reset();  // category level: 55 == 55
  m.producten[1].omvang.reset();
  EXPECT_EQ(paths(check(m), "TR302").size(), 1u);
  m.producten[1].product.reset();
  m.producten[1].budget = 1000;
  EXPECT_EQ(paths(check(m), "TR302").size(), 1u);
  // A removed allocation (RedenWijziging 13, Einddatum == Ingangsdatum) does not count.
  auto r = jw301();
  auto weg = r.producten[0];
  weg.toewijzing_nummer = 300100;
  weg.einddatum = weg.ingangsdatum;
  weg.reden_wijziging = "13";
  r.producten.push_back(weg);
  EXPECT_TRUE(paths(check(r), "TR302").empty());
}

// regels-ijw-3.2 TR101: no duplicate logical keys within a message. The keys are the
// "Sleutelelement" elements of each class in the iJw 3.2 information model, together with those
// of the classes above it. JW301: Relatie (Nummer), Contact (Soort), ToegewezenProduct
// (ToewijzingNummer).
TEST(Tr101, Jw301Klassen) {
  auto m = jw301();
  m.producten.push_back(tweede(m));
  EXPECT_TRUE(paths(check(m), "TR101").empty());
  m.producten[1].toewijzing_nummer = m.producten[0].toewijzing_nummer;
  EXPECT_EQ(paths(check(m), "TR101"),
            Paths{"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"});

  m = jw301();
  Relatie r;
  r.nummer = "R1";
  r.soort = "01";
  r.naam.geslachtsnaam.achternaam = "Wit";
  r.contact = brp_adres();
  m.relaties = {r, r};
  m.relaties[1].soort = "02";  // not part of the key
  EXPECT_EQ(paths(check(m), "TR101"), Paths{"/Bericht/Client/Relaties/Relatie[2]"});
  m.relaties[1].nummer = "R2";
  EXPECT_TRUE(paths(check(m), "TR101").empty());

  m = jw301();
  m.contactgegevens.push_back(brp_adres());
  m.contactgegevens[1].adres->postcode = "6511AA";  // another address, the same Soort
  EXPECT_EQ(paths(check(m), "TR101"), Paths{"/Bericht/Client/Contactgegevens/Contact[2]"});
  m.contactgegevens[1].soort = "03";
  EXPECT_TRUE(paths(check(m), "TR101").empty());
}

// TR101, JW305 StartProduct: ToewijzingNummer, Product and Begindatum. IV008: the
// ToewijzingIngangsdatum and StatusAanlevering are not in the key, so a removal (3) and a new
// delivery (1) that differ only there are two lines with one key.
TEST(Tr101, Jw305StartProduct) {
  auto s = jw305();
  s.producten.push_back(s.producten[0]);
  EXPECT_EQ(paths(check(s), "TR101"), Paths{"/Bericht/Client/StartProducten/StartProduct[2]"});
  s.producten[1].begindatum = d("2026-04-04");
  EXPECT_TRUE(paths(check(s), "TR101").empty());
  s = jw305();
  s.producten.push_back(s.producten[0]);
  s.producten[0].status_aanlevering = "3";
  s.producten[1].toewijzing_ingangsdatum = d("2026-04-02");
  EXPECT_EQ(paths(check(s), "TR101"), Paths{"/Bericht/Client/StartProducten/StartProduct[2]"});
  s.producten[1].product = Product{"55", "55A12"};  // Product is in the key
  EXPECT_TRUE(paths(check(s), "TR101").empty());
  s.producten[1].product = Product{"55", std::nullopt};  // so is an absent Code
  EXPECT_TRUE(paths(check(s), "TR101").empty());
}

// TR101, JW307 StopProduct: ToewijzingNummer, Product, Begindatum, RedenBeeindiging and
// Einddatum.
TEST(Tr101, Jw307StopProduct) {
  auto e = jw307();
  e.producten.push_back(e.producten[0]);
  EXPECT_EQ(paths(check(e), "TR101"), Paths{"/Bericht/Client/StopProducten/StopProduct[2]"});
  e.producten[1].reden_beeindiging = "20";
  EXPECT_TRUE(paths(check(e), "TR101").empty());
}

// TR101, JW315 AangevraagdProduct (ReferentieAanbieder): a duplicated line is a duplicate key
// (TR101) as well as a second use of the reference (TR383) and an overlap (TR386).
TEST(Tr101, Jw315AangevraagdProduct) {
  auto v = jw315();
  v.producten.push_back(v.producten[0]);
  const auto f = check(v);
  const std::string p2 = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]";
  EXPECT_EQ(paths(f, "TR101"), Paths{p2});
  EXPECT_EQ(paths(f, "TR383"), Paths{p2 + "/ReferentieAanbieder"});
  EXPECT_EQ(paths(f, "TR386"), Paths{p2});
  v.producten[1] = tweede(v);
  EXPECT_TRUE(paths(check(v), "TR101").empty());
}

// TR101, JW323: Client (Bsn) and Prestatie (ProductReferentie: ReferentieNummer and
// VorigReferentieNummer) under its Client's Bsn.
TEST(Tr101, Jw323ClientEnPrestatie) {
  auto dcl = jw323();
  dcl.clienten[1].prestaties.push_back(prestatie("RN002", 10099, 0));
  dcl.clienten[1].prestaties[1].product_periode = Periode{d("2026-03-01"), d("2026-03-31")};
  EXPECT_EQ(paths(check(dcl), "TR101"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]"});
  // The same ReferentieNummer crediting another prestatie is another ProductReferentie.
  dcl.clienten[1].prestaties[1].vorig_referentie_nummer = "RN000";
  dcl.clienten[1].prestaties[1].ingediend_bedrag.debet_credit = "C";
  EXPECT_TRUE(paths(check(dcl), "TR101").empty());
  // The same number at another client is not a duplicate key; twice at that client is.
  dcl = jw323();
  dcl.clienten[1].prestaties[0].referentie_nummer = "RN001";
  EXPECT_TRUE(paths(check(dcl), "TR101").empty());
  dcl.clienten[1].prestaties.push_back(prestatie("RN001", 10099, 0));
  EXPECT_EQ(paths(check(dcl), "TR101"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]"});
  dcl = jw323();
  dcl.clienten[1].bsn = dcl.clienten[0].bsn;
  EXPECT_EQ(paths(check(dcl), "TR101"), Paths{"/Bericht/Declaratie/Clienten/Client[2]"});
  // Under two Clients with one Bsn, a prestatie with the key of one under the first is a
  // duplicate too: its key includes the Client's.
  dcl.clienten[1].prestaties[0].referentie_nummer = "RN001";
  EXPECT_EQ(paths(check(dcl), "TR101"),
            (Paths{"/Bericht/Declaratie/Clienten/Client[2]",
                   "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]"}));
}

// regels-ijw-3.2 TR378: the gemeentecode is in the CBS list (retourcode S300).
TEST(Tr378, GemeentecodeInCbsLijst) {
  auto m = jw301();
  m.header.afzender = "0001";
  auto f = check(m);
  ASSERT_EQ(paths(f, "TR378"), Paths{"/Bericht/Header/Afzender"});
  EXPECT_EQ(f[0].retourcode, "S300");
  auto s = jw305();
  s.header.ontvanger = "9999";
  EXPECT_EQ(paths(check(s), "TR378"), Paths{"/Bericht/Header/Ontvanger"});
  auto dcl = jw323();
  dcl.header.ontvanger = "0000";
  EXPECT_EQ(paths(check(dcl), "TR378"), Paths{"/Bericht/Header/Ontvanger"});
  EXPECT_TRUE(paths(check(jw315()), "TR378").empty());
  // Without codelists the rule is skipped, not failed.
  Findings f2;
  Bericht b = m;
  check_rules(Berichttype::JW301, nullptr, &b, RuleContext{}, f2);
  EXPECT_TRUE(paths(f2, "TR378").empty());
}

// ---------------------------------------------------------------- JW305 / JW307

// regels-ijw-3.2 CS058: StatusAanlevering is 1 (eerste aanlevering) or 3 (verwijderen).
TEST(Cs058, StatusAanleveringEenOfDrie) {
  auto s = jw305();
  s.producten[0].status_aanlevering = "2";
  EXPECT_EQ(paths(check(s), "CS058"),
            Paths{"/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering"});
  s.producten[0].status_aanlevering = "3";
  EXPECT_TRUE(paths(check(s), "CS058").empty());
  auto e = jw307();
  e.producten[0].status_aanlevering = "2";
  EXPECT_EQ(paths(check(e), "CS058"),
            Paths{"/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering"});
}

// regels-ijw-3.2 TR018: Einddatum of a StopProduct is not before its Begindatum.
TEST(Tr018, StopBeforeStart) {
  auto e = jw307();
  e.producten.push_back(e.producten[0]);
  e.producten[1].toewijzing_nummer = 300202;
  e.producten[1].einddatum = d("2026-04-02");
  EXPECT_EQ(paths(check(e), "TR018"),
            Paths{"/Bericht/Client/StopProducten/StopProduct[2]/Einddatum"});
  e.producten[1].einddatum = e.producten[1].begindatum;
  EXPECT_TRUE(paths(check(e), "TR018").empty());
}

// ---------------------------------------------------------------- JW315

// regels-ijw-3.2 CD043: BeschikkingIngangsdatum with a BeschikkingNummer, and only then.
TEST(Cd043, BeschikkingIngangsdatumWithNummer) {
  auto v = jw315();
  v.producten[0].beschikking_nummer = 123;
  EXPECT_EQ(paths(check(v), "CD043"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/"
                  "BeschikkingIngangsdatum"});
  v.producten[0].beschikking_ingangsdatum = d("2026-03-15");
  EXPECT_TRUE(paths(check(v), "CD043").empty());
  v.producten[0].beschikking_nummer.reset();
  EXPECT_EQ(paths(check(v), "CD043").size(), 1u);
}

// regels-ijw-3.2 CD066 CD067 CD068: Naam and ZorgverlenerCode of the Verwijzer.
TEST(Cd066, NoNaamWithZorgverlenerCode) {
  auto v = jw315();
  v.producten[0].verwijzer = Verwijzer{"02", "Huisarts Jansen", "01234567"};
  EXPECT_EQ(paths(check(v), "CD066"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/Naam"});
  v.producten[0].verwijzer.naam.reset();
  EXPECT_TRUE(paths(check(v), "CD066").empty());
}
TEST(Cd067, NaamWithoutZorgverlenerCode) {
  auto v = jw315();
  v.producten[0].verwijzer = Verwijzer{"05", std::nullopt, std::nullopt};
  EXPECT_EQ(paths(check(v), "CD067"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/Naam"});
  v.producten[0].verwijzer.naam = "Dr. Specialist";
  EXPECT_TRUE(paths(check(v), "CD067").empty());
}
TEST(Cd068, NoZorgverlenerCodeForOtherTypes) {
  auto v = jw315();
  v.producten[0].verwijzer = Verwijzer{"01", std::nullopt, "01234567"};
  EXPECT_EQ(paths(check(v), "CD068"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/"
                  "ZorgverlenerCode"});
  v.producten[0].verwijzer.type = "03";
  EXPECT_TRUE(paths(check(v), "CD068").empty());
}

// regels-ijw-3.2 TR383: ReferentieAanbieder is unique per AangevraagdProduct.
TEST(Tr383, ReferentieAanbiederUnique) {
  auto v = jw315();
  v.producten.push_back(tweede(v));
  EXPECT_TRUE(paths(check(v), "TR383").empty());
  v.producten[1].referentie_aanbieder = v.producten[0].referentie_aanbieder;
  EXPECT_EQ(paths(check(v), "TR383"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/"
                  "ReferentieAanbieder"});
}

// regels-ijw-3.2 TR386: the same product only more than once in a request when the periods do
// not overlap.
TEST(Tr386, SameProductNoOverlapInVerzoek) {
  auto v = jw315();
  auto p = v.producten[0];
  p.referentie_aanbieder = "REF2";
  p.toewijzing_ingangsdatum = d("2027-03-31");
  p.toewijzing_einddatum.reset();
  v.producten.push_back(p);
  EXPECT_EQ(paths(check(v), "TR386"),
            Paths{"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]"});
  v.producten[1].toewijzing_ingangsdatum = d("2027-04-01");
  EXPECT_TRUE(paths(check(v), "TR386").empty());
}

// ---------------------------------------------------------------- JW323

// regels-ijw-3.2 CS100: DeclaratiePeriode and ProductPeriode from 2021-01-01.
TEST(Cs100, PeriodeFrom2021) {
  auto m = jw323();
  m.clienten[0].prestaties[0].product_periode = Periode{d("2020-12-01"), d("2020-12-31")};
  EXPECT_EQ(paths(check(m), "CS100"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                  "ProductPeriode/Begindatum"});
  m.clienten[0].prestaties[0].product_periode = Periode{d("2021-01-01"), d("2021-01-31")};
  EXPECT_TRUE(paths(check(m), "CS100").empty());
}

// regels-ijw-3.2 CS337: a ProductPeriode lies within one calendar month.
TEST(Cs337, ProductPeriodeInOneMonth) {
  auto m = jw323();
  m.clienten[0].prestaties[0].product_periode = Periode{d("2026-03-15"), d("2026-04-15")};
  EXPECT_EQ(paths(check(m), "CS337"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                  "ProductPeriode/Einddatum"});
  m.clienten[0].prestaties[0].product_periode = Periode{d("2026-04-10"), d("2026-04-12")};
  EXPECT_TRUE(paths(check(m), "CS337").empty());
}

// regels-ijw-3.2 CS340: DeclaratiePeriode is exactly one whole calendar month.
TEST(Cs340, DeclaratiePeriodeIsHeleMaand) {
  auto m = jw323();
  m.declaratie_periode = Periode{d("2026-04-01"), d("2026-04-29")};
  EXPECT_EQ(paths(check(m), "CS340"), Paths{"/Bericht/Declaratie/DeclaratiePeriode"});
  m.declaratie_periode = Periode{d("2026-03-02"), d("2026-04-01")};
  EXPECT_EQ(paths(check(m), "CS340").size(), 1u);
  m.declaratie_periode = Periode{d("2026-02-01"), d("2026-02-28")};
  EXPECT_TRUE(paths(check(m), "CS340").empty());
}

// regels-ijw-3.2 TR137: an end date >= begin and not after Dagtekening.
TEST(Tr137, EindeNaBeginEnNietNaDagtekening) {
  auto m = jw323();  // Dagtekening 2026-05-06
  m.declaratie_periode = Periode{d("2026-05-01"), d("2026-05-31")};
  m.clienten[0].prestaties[0].product_periode = Periode{d("2026-04-20"), d("2026-04-19")};
  EXPECT_EQ(paths(check(m), "TR137"),
            (Paths{"/Bericht/Declaratie/DeclaratiePeriode/Einddatum",
                   "/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                   "ProductPeriode/Einddatum"}));
  m = jw323();
  m.clienten[0].prestaties[0].product_periode = Periode{d("2026-05-01"), d("2026-05-06")};
  EXPECT_TRUE(paths(check(m), "TR137").empty());
}

// regels-ijw-3.2 TR335: a ProductPeriode ends at most 5 years before DeclaratieDagtekening.
TEST(Tr335, NietOuderDanVijfJaar) {
  auto m = jw323();  // DeclaratieDagtekening 2026-05-06
  m.clienten[0].prestaties[0].product_periode = Periode{d("2021-05-01"), d("2021-05-05")};
  EXPECT_EQ(paths(check(m), "TR335"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                  "ProductPeriode/Einddatum"});
  m.clienten[0].prestaties[0].product_periode = Periode{d("2021-05-01"), d("2021-05-06")};
  EXPECT_TRUE(paths(check(m), "TR335").empty());
}

// regels-ijw-3.2 CD087: ProductTarief unless Eenheid is 83 (euro's).
TEST(Cd087, TariefUnlessEuros) {
  auto m = jw323();
  m.clienten[0].prestaties[0].product_tarief.reset();
  EXPECT_EQ(paths(check(m), "CD087"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductTarief"});
  m = jw323();
  auto& p = m.clienten[0].prestaties[0];
  p.eenheid = "83";
  p.geleverd_volume = 5000;
  EXPECT_EQ(paths(check(m), "CD087").size(), 1u);
  p.product_tarief.reset();
  EXPECT_TRUE(paths(check(m), "CD087").empty());
}

// regels-ijw-3.2 CS339: with Eenheid 83 (euro's) IngediendBedrag equals GeleverdVolume.
TEST(Cs339, EurosBedragIsVolume) {
  auto m = jw323();
  auto& p = m.clienten[0].prestaties[0];
  p.eenheid = "83";
  p.product_tarief.reset();
  p.geleverd_volume = 4999;
  EXPECT_EQ(paths(check(m), "CS339"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                  "IngediendBedrag/Bedrag"});
  p.geleverd_volume = 5000;
  EXPECT_TRUE(paths(check(m), "CS339").empty());
}

// regels-ijw-3.2 CD060: VorigReferentieNummer with a credit prestatie, and only then.
TEST(Cd060, VorigReferentieOnlyForCredit) {
  auto m = jw323();
  auto& p = m.clienten[1].prestaties[0];
  p.ingediend_bedrag.debet_credit = "C";
  m.totaal_ingediend_bedrag = BedragMetDC{2000, "D"};
  EXPECT_EQ(paths(check(m), "CD060"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/"
                  "ProductReferentie/VorigReferentieNummer"});
  p.vorig_referentie_nummer = "RN000";
  EXPECT_TRUE(paths(check(m), "CD060").empty());
  p.ingediend_bedrag.debet_credit = "D";
  EXPECT_EQ(paths(check(m), "CD060").size(), 1u);
}

// regels-ijw-3.2 CS325: a (Totaal)Bedrag of 0 is debet.
TEST(Cs325, NulIsDebet) {
  auto m = jw323();
  m.clienten[0].prestaties[0].ingediend_bedrag = BedragMetDC{0, "C"};
  m.clienten[0].prestaties[0].vorig_referentie_nummer = "RN000";
  m.totaal_ingediend_bedrag = BedragMetDC{3000, "D"};
  EXPECT_EQ(paths(check(m), "CS325"),
            Paths{"/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/"
                  "IngediendBedrag/DebetCredit"});
  m = jw323();
  m.clienten[0].prestaties[0].ingediend_bedrag.debet_credit = "C";
  m.clienten[0].prestaties[0].vorig_referentie_nummer = "RN000";
  m.clienten[0].prestaties[0].ingediend_bedrag.bedrag = 3000;
  m.totaal_ingediend_bedrag = BedragMetDC{0, "C"};
  EXPECT_EQ(paths(check(m), "CS325"),
            Paths{"/Bericht/Declaratie/TotaalIngediendBedrag/DebetCredit"});
  m.totaal_ingediend_bedrag.debet_credit = "D";
  EXPECT_TRUE(paths(check(m), "CS325").empty());
  EXPECT_TRUE(paths(check(m), "TR358").empty());
}

// regels-ijw-3.2 TR315: a VorigReferentieNummer occurs once in the message.
TEST(Tr315, VorigReferentieNummerUnique) {
  auto m = jw323();
  for (auto& c : m.clienten) {
    c.prestaties[0].ingediend_bedrag.debet_credit = "C";
    c.prestaties[0].vorig_referentie_nummer = "RN000";
  }
  m.totaal_ingediend_bedrag = BedragMetDC{8000, "C"};
  EXPECT_EQ(paths(check(m), "TR315"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/"
                  "ProductReferentie/VorigReferentieNummer"});
  m.clienten[1].prestaties[0].vorig_referentie_nummer = "RN009";
  EXPECT_TRUE(paths(check(m), "TR315").empty());
}

// regels-ijw-3.2 TR316: a debet prestatie is not credited in the same message.
TEST(Tr316, NoCreditOfDebetInSameMessage) {
  auto m = jw323();
  auto& p = m.clienten[1].prestaties[0];
  p.ingediend_bedrag.debet_credit = "C";
  p.vorig_referentie_nummer = "RN001";
  m.totaal_ingediend_bedrag = BedragMetDC{2000, "D"};
  EXPECT_EQ(paths(check(m), "TR316"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]/"
                  "ProductReferentie/VorigReferentieNummer"});
  p.vorig_referentie_nummer = "RN999";
  EXPECT_TRUE(paths(check(m), "TR316").empty());
}

// regels-ijw-3.2 TR358: TotaalIngediendBedrag is the signed sum of the prestaties.
TEST(Tr358, TotaalIsSomVanPrestaties) {
  auto m = jw323();
  m.totaal_ingediend_bedrag.bedrag = 8001;
  auto f = check(m);
  EXPECT_EQ(paths(f, "TR358"), Paths{"/Bericht/Declaratie/TotaalIngediendBedrag"});
  m.clienten[1].prestaties[0].ingediend_bedrag.debet_credit = "C";
  m.clienten[1].prestaties[0].vorig_referentie_nummer = "RN000";
  m.totaal_ingediend_bedrag = BedragMetDC{2000, "D"};  // 5000 - 3000
  EXPECT_TRUE(paths(check(m), "TR358").empty());
}

// regels-ijw-3.2 TR416: no second debet for the same toewijzing, product and period.
TEST(Tr416, NoSecondDebetForSamePrestatie) {
  auto m = jw323();
  m.clienten[1].prestaties[0].toewijzing_nummer = 10072;
  EXPECT_EQ(paths(check(m), "TR416"),
            Paths{"/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[1]"});
  m.clienten[1].prestaties[0].product_periode = Periode{d("2026-04-01"), d("2026-04-15")};
  EXPECT_TRUE(paths(check(m), "TR416").empty());
  m = jw323();
  m.clienten[1].prestaties[0].toewijzing_nummer = 10072;
  m.clienten[1].prestaties[0].ingediend_bedrag.debet_credit = "C";
  m.clienten[1].prestaties[0].vorig_referentie_nummer = "RN000";
  m.totaal_ingediend_bedrag = BedragMetDC{2000, "D"};
  EXPECT_TRUE(paths(check(m), "TR416").empty());
}

// Helpers of the rules themselves.
TEST(RuleHelpers, YearsBeforeAndOverlap) {
  EXPECT_EQ(rules::years_before(d("2024-02-29"), 1), d("2023-02-28"));
  EXPECT_EQ(rules::years_before(d("2026-04-01"), 120), d("1906-04-01"));
  std::vector<rules::ProductPeriode> ps(2);
  ps[0] = {std::string_view("45"), std::nullopt, d("2026-01-01"), std::nullopt, true};
  ps[1] = {std::string_view("45"), std::string_view("45A03"), d("2030-01-01"), d("2030-02-01"),
           true};
  int n = 0;
  rules::for_each_overlap(ps, [&](size_t j, size_t i) {
    EXPECT_EQ(j, 1u);
    EXPECT_EQ(i, 0u);
    ++n;
  });
  EXPECT_EQ(n, 1);  // open end overlaps everything later
}

}  // namespace
}  // namespace jr::ijw
