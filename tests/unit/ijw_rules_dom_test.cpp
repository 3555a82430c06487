// In-message rules on the messages checked on their XML tree: JW317 (verzoek om wijziging),
// JW319 (antwoord verzoek) and JW325 (declaratie-antwoord). Synthetic messages, built here as
// XML text; each baseline passes the XSD and every rule.
#include <gtest/gtest.h>

#include "ijw/rules.h"
#include "ijw/validator.h"
#include "ijw/xml.h"
#include "test_helpers.h"

namespace jr::ijw {
namespace {

using Paths = std::vector<std::string>;

std::string replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) s.replace(pos, from.size(), to);
  return s;
}

Validator& validator() {
  static auto v = Validator::create(jr::testing::standaard_dir()).value();
  return *v;
}

// All findings (XSD and rules) of `xml` through the Validator.
Findings validate(const std::string& xml) {
  auto r = validator().validate(xml);
  EXPECT_TRUE(r.fout.ok()) << r.fout.message();
  return r.findings;
}

Paths paths(const Findings& f, const std::string& regel) {
  Paths out;
  for (const auto& x : f)
    if (x.regelcode == regel) out.push_back(x.xpath);
  return out;
}

std::string dump(const Findings& f) {
  std::string s;
  for (const auto& x : f) s += x.regelcode + " " + x.xpath + " " + x.melding + "\n";
  return s;
}

const char* kXsd =
    "<jw:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>"
    "<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw:XsdVersie>";

std::string bericht(const char* type, const std::string& header, const std::string& body) {
  std::string ns = std::string("http://www.istandaarden.nl/ijw/3_2/") + type + "/schema";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jw:Bericht xmlns:jw=\"" + ns +
         "\" xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\"><jw:Header>" +
         header + "</jw:Header>" + body + "</jw:Bericht>\n";
}

// ---------------------------------------------------------------- JW317
std::string jw317(const std::string& verzoek_inhoud, const char* dagtekening = "2026-04-01",
                  const char* gemeente = "0384", const char* bsn = "999900006") {
  std::string h =
      std::string("<jw:BerichtCode>486</jw:BerichtCode><jw:BerichtVersie>3</jw:BerichtVersie>") +
      "<jw:BerichtSubversie>2</jw:BerichtSubversie><jw:Afzender>42420001</jw:Afzender>" +
      "<jw:Ontvanger>" + gemeente + "</jw:Ontvanger><jw:BerichtIdentificatie>" +
      "<ijw:Identificatie>VOW1</ijw:Identificatie><ijw:Dagtekening>" + dagtekening +
      "</ijw:Dagtekening></jw:BerichtIdentificatie>" + kXsd;
  std::string b = std::string("<jw:Client><jw:Bsn>") + bsn +
                  "</jw:Bsn><jw:Verzoek><jw:ReferentieAanbieder>VOW-REF-1</jw:ReferentieAanbieder>"
                  "<jw:RedenVerzoek>1</jw:RedenVerzoek>" +
                  verzoek_inhoud + "</jw:Verzoek></jw:Client>";
  return bericht("jw317", h, b);
}

std::string ongewijzigd(const char* nr) {
  return std::string("<jw:OngewijzigdeProducten><jw:OngewijzigdProduct><jw:ToewijzingNummer>") +
         nr + "</jw:ToewijzingNummer></jw:OngewijzigdProduct></jw:OngewijzigdeProducten>";
}

std::string te_wijzigen_product(const char* nr, const char* ingang, const std::string& rest) {
  return std::string("<jw:TeWijzigenProduct><jw:ToewijzingNummer>") + nr +
         "</jw:ToewijzingNummer><jw:GewensteIngangsdatum>" + ingang + "</jw:GewensteIngangsdatum>" +
         rest + "</jw:TeWijzigenProduct>";
}

std::string omvang(const char* volume, const char* eenheid, const char* freq) {
  return std::string("<jw:Omvang><ijw:Volume>") + volume + "</ijw:Volume><ijw:Eenheid>" + eenheid +
         "</ijw:Eenheid><ijw:Frequentie>" + freq + "</ijw:Frequentie></jw:Omvang>";
}

std::string nieuw_product(const std::string& product, const char* ingang, const std::string& rest) {
  return "<jw:NieuwProduct>" + product + "<jw:GewensteIngangsdatum>" + ingang +
         "</jw:GewensteIngangsdatum>" + rest + "</jw:NieuwProduct>";
}

std::string product(const char* cat, const char* code) {
  std::string s = std::string("<jw:Product><ijw:Categorie>") + cat + "</ijw:Categorie>";
  if (code) s += std::string("<ijw:Code>") + code + "</ijw:Code>";
  return s + "</jw:Product>";
}

// A valid JW317: one unchanged allocation, one to change, one new product.
std::string jw317_basis() {
  return jw317(
      ongewijzigd("300201") + "<jw:TeWijzigenProducten>" +
      te_wijzigen_product("300202", "2026-05-01",
                          "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("3", "04", "2")) +
      "</jw:TeWijzigenProducten><jw:NieuweProducten>" +
      nieuw_product(product("55", "55A13"), "2026-05-01",
                    "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("6", "04", "2")) +
      "</jw:NieuweProducten>");
}

const std::string kTwp = "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct";
const std::string kNp = "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct";

TEST(Jw317Rules, BaselineIsValid) { EXPECT_EQ(dump(validate(jw317_basis())), ""); }

// regels-ijw-3.2 TR352: a VOW has at least one OngewijzigdProduct or TeWijzigenProduct.
TEST(Tr352, VerzoekOmWijzigingHeeftBestaandProduct) {
  std::string np =
      "<jw:NieuweProducten>" +
      nieuw_product(product("55", "55A13"), "2026-05-01",
                    "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("6", "04", "2")) +
      "</jw:NieuweProducten>";
  EXPECT_EQ(paths(validate(jw317(np)), "TR352"), Paths{"/Bericht/Client/Verzoek"});
  EXPECT_TRUE(paths(validate(jw317(ongewijzigd("1") + np)), "TR352").empty());
}

// regels-ijw-3.2 TR353: a VOW has at least one TeWijzigenProduct or NieuwProduct.
TEST(Tr353, VerzoekOmWijzigingWijzigtIets) {
  EXPECT_EQ(paths(validate(jw317(ongewijzigd("1"))), "TR353"), Paths{"/Bericht/Client/Verzoek"});
  EXPECT_TRUE(paths(validate(jw317_basis()), "TR353").empty());
}

// regels-ijw-3.2 TR380: NieuwProduct/GewensteIngangsdatum lies after Dagtekening.
TEST(Tr380, GewensteIngangsdatumInDeToekomst) {
  EXPECT_EQ(paths(validate(replace(jw317_basis(),
                                   "<jw:GewensteIngangsdatum>2026-05-01</"
                                   "jw:GewensteIngangsdatum><jw:Einddatum>2026-12-31</"
                                   "jw:Einddatum><jw:Omvang><ijw:Volume>6",
                                   "<jw:GewensteIngangsdatum>2026-04-01</"
                                   "jw:GewensteIngangsdatum><jw:Einddatum>2026-12-31</"
                                   "jw:Einddatum><jw:Omvang><ijw:Volume>6")),
                  "TR380"),
            Paths{kNp + "[1]/GewensteIngangsdatum"});
  // A TeWijzigenProduct may name a past date (TR357 decides, with the stored allocation).
  EXPECT_TRUE(paths(validate(replace(jw317_basis(), "<jw:GewensteIngangsdatum>2026-05-01",
                                     "<jw:GewensteIngangsdatum>2026-01-01")),
                    "TR380")
                  .empty());
}

// regels-ijw-3.2 TR410: the same product twice in NieuwProduct only without overlap.
TEST(Tr410, NieuwProductZonderOverlap) {
  auto np = [](const char* code, const char* begin, const char* eind) {
    return nieuw_product(
        product("55", code), begin,
        std::string("<jw:Einddatum>") + eind + "</jw:Einddatum>" + omvang("6", "04", "2"));
  };
  std::string base = ongewijzigd("1") + "<jw:NieuweProducten>";
  auto overlap = jw317(base + np("55A13", "2026-05-01", "2026-08-31") +
                       np("55A13", "2026-08-31", "2026-12-31") + "</jw:NieuweProducten>");
  EXPECT_EQ(paths(validate(overlap), "TR410"), Paths{kNp + "[2]"});
  auto na_elkaar = jw317(base + np("55A13", "2026-05-01", "2026-08-31") +
                         np("55A13", "2026-09-01", "2026-12-31") + "</jw:NieuweProducten>");
  EXPECT_TRUE(paths(validate(na_elkaar), "TR410").empty());
  auto ander = jw317(base + np("55A13", "2026-05-01", "2026-08-31") +
                     np("55A14", "2026-05-01", "2026-12-31") + "</jw:NieuweProducten>");
  EXPECT_TRUE(paths(validate(ander), "TR410").empty());
}

// regels-ijw-3.2 TR101 (JW317): a ToewijzingNummer once over Ongewijzigd and TeWijzigen (our
// choice: both name a current toewijzing by that key), compared as a number.
TEST(Tr101, VerzoekOmWijzigingToewijzingNummerEenmaal) {
  auto dubbel =
      replace(jw317_basis(), "<jw:ToewijzingNummer>300202", "<jw:ToewijzingNummer>300201");
  EXPECT_EQ(paths(validate(dubbel), "TR101"), Paths{kTwp + "[1]"});
  EXPECT_TRUE(paths(validate(jw317_basis()), "TR101").empty());
  auto twee = replace(jw317_basis(), ongewijzigd("300201"),
                      "<jw:OngewijzigdeProducten><jw:OngewijzigdProduct><jw:ToewijzingNummer>"
                      "300201</jw:ToewijzingNummer></jw:OngewijzigdProduct><jw:OngewijzigdProduct>"
                      "<jw:ToewijzingNummer>0300201</jw:ToewijzingNummer></jw:OngewijzigdProduct>"
                      "</jw:OngewijzigdeProducten>");
  EXPECT_EQ(paths(validate(twee), "TR101"),
            Paths{"/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[2]"});
}

// regels-ijw-3.2 TR101 (JW317): NieuwProduct's key is Product and GewensteIngangsdatum.
TEST(Tr101, VerzoekOmWijzigingNieuwProduct) {
  auto np = [](const char* code, const char* begin) {
    return nieuw_product(product("55", code), begin,
                         "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("6", "04", "2"));
  };
  std::string base = ongewijzigd("1") + "<jw:NieuweProducten>";
  auto dubbel =
      jw317(base + np("55A13", "2026-05-01") + np("55A13", "2026-05-01") + "</jw:NieuweProducten>");
  EXPECT_EQ(paths(validate(dubbel), "TR101"), Paths{kNp + "[2]"});
  auto later =
      jw317(base + np("55A13", "2026-05-01") + np("55A13", "2026-06-01") + "</jw:NieuweProducten>");
  EXPECT_TRUE(paths(validate(later), "TR101").empty());  // TR410's overlap, not a duplicate
  EXPECT_EQ(paths(validate(later), "TR410"), Paths{kNp + "[2]"});
}

// regels-ijw-3.2 CD096 (and CD041/CD079/CS003/CS338/CD075-CD078 on JW317 products).
TEST(Cd096, NieuwProductZonderCodeZonderOmvang) {
  auto zonder_code = replace(jw317_basis(), product("55", "55A13"), product("55", nullptr));
  EXPECT_EQ(paths(validate(zonder_code), "CD096"), Paths{kNp + "[1]/Omvang"});
  EXPECT_TRUE(paths(validate(jw317_basis()), "CD096").empty());
}

TEST(Jw317Rules, OmvangBudgetConditionsOnTeWijzigenAndNieuwProduct) {
  // CS003: Einddatum before GewensteIngangsdatum.
  auto f = validate(replace(jw317_basis(),
                            "<jw:Einddatum>2026-12-31</jw:Einddatum><jw:Omvang><ijw:Volume>3",
                            "<jw:Einddatum>2026-04-30</jw:Einddatum><jw:Omvang><ijw:Volume>3"));
  EXPECT_EQ(paths(f, "CS003"), Paths{kTwp + "[1]/Einddatum"});
  // CD076: per week without Einddatum.
  f = validate(replace(jw317_basis(),
                       "<jw:Einddatum>2026-12-31</jw:Einddatum><jw:Omvang><ijw:Volume>6",
                       "<jw:Omvang><ijw:Volume>6"));
  EXPECT_EQ(paths(f, "CD076"), Paths{kNp + "[1]/Einddatum"});
  // CD077 + CD078: Omvang and Budget together.
  f = validate(
      replace(jw317_basis(), "</ijw:Frequentie></jw:Omvang></jw:TeWijzigenProduct>",
              "</ijw:Frequentie></jw:Omvang><jw:Budget>1000</jw:Budget></jw:TeWijzigenProduct>"));
  EXPECT_EQ(paths(f, "CD077"), Paths{kTwp + "[1]/Omvang"});
  EXPECT_EQ(paths(f, "CD078"), Paths{kTwp + "[1]/Budget"});
  // CD041: a NieuwProduct with a code has an Omvang; CD075: a Budget has an Einddatum.
  f = validate(replace(jw317_basis(),
                       "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("6", "04", "2"),
                       "<jw:Budget>1000</jw:Budget>"));
  EXPECT_EQ(paths(f, "CD041"), Paths{kNp + "[1]/Omvang"});
  EXPECT_EQ(paths(f, "CD075"), Paths{kNp + "[1]/Einddatum"});
  // CD079: no Product and no Budget.
  f = validate(replace(jw317_basis(), product("55", "55A13"), ""));
  EXPECT_EQ(paths(f, "CD079"), Paths{kNp + "[1]/Product"});
  // CS338: dagdeel per dag.
  f = validate(replace(jw317_basis(), omvang("3", "04", "2"), omvang("3", "16", "1")));
  EXPECT_EQ(paths(f, "CS338"), Paths{kTwp + "[1]/Omvang/Frequentie"});
}

TEST(Jw317Rules, BsnAndGemeente) {
  auto f = validate(
      jw317(ongewijzigd("1") + "<jw:NieuweProducten>" +
                nieuw_product(product("55", "55A13"), "2026-05-01",
                              "<jw:Einddatum>2026-12-31</jw:Einddatum>" + omvang("6", "04", "2")) +
                "</jw:NieuweProducten>",
            "2026-04-01", "0002", "999900007"));
  EXPECT_EQ(paths(f, "CS002"), Paths{"/Bericht/Client/Bsn"});
  EXPECT_EQ(paths(f, "TR378"), Paths{"/Bericht/Header/Ontvanger"});
}

// ---------------------------------------------------------------- JW319
std::string jw319(const std::string& antwoord, const char* afzender = "0384") {
  std::string h =
      std::string("<jw:BerichtCode>488</jw:BerichtCode><jw:BerichtVersie>3</jw:BerichtVersie>") +
      "<jw:BerichtSubversie>2</jw:BerichtSubversie><jw:Afzender>" + afzender +
      "</jw:Afzender><jw:Ontvanger>42420001</jw:Ontvanger><jw:BerichtIdentificatie>" +
      "<ijw:Identificatie>AVW1</ijw:Identificatie><ijw:Dagtekening>2026-04-02" +
      "</ijw:Dagtekening></jw:BerichtIdentificatie>" + kXsd;
  return bericht("jw319", h,
                 "<jw:Antwoord><jw:ReferentieAanbieder>VOW-REF-1</jw:ReferentieAanbieder>" +
                     antwoord + "</jw:Antwoord>");
}
const char* kAfgewezen8 =
    "<jw:VerzoekAntwoord>1</jw:VerzoekAntwoord><jw:RedenAfwijzingVerzoek>8</"
    "jw:RedenAfwijzingVerzoek>";
const char* kWpb = "<jw:Woonplaatsbeginsel><jw:Gemeente>0363</jw:Gemeente></jw:Woonplaatsbeginsel>";

TEST(Jw319Rules, BaselineIsValid) {
  EXPECT_EQ(dump(validate(jw319(std::string(kAfgewezen8) + kWpb))), "");
  EXPECT_EQ(dump(validate(jw319("<jw:VerzoekAntwoord>2</jw:VerzoekAntwoord>"))), "");
}

// regels-ijw-3.2 CD085: a rejected request (VerzoekAntwoord 1) has a RedenAfwijzingVerzoek.
TEST(Cd085, AfwijzingHeeftReden) {
  EXPECT_EQ(paths(validate(jw319("<jw:VerzoekAntwoord>1</jw:VerzoekAntwoord>")), "CD085"),
            Paths{"/Bericht/Antwoord/RedenAfwijzingVerzoek"});
  EXPECT_TRUE(paths(validate(jw319(std::string(kAfgewezen8) + kWpb)), "CD085").empty());
}

// regels-ijw-3.2 CD086: in onderzoek (VerzoekAntwoord 2) has no RedenAfwijzingVerzoek.
TEST(Cd086, InOnderzoekZonderReden) {
  EXPECT_EQ(paths(validate(jw319("<jw:VerzoekAntwoord>2</jw:VerzoekAntwoord>"
                                 "<jw:RedenAfwijzingVerzoek>3</jw:RedenAfwijzingVerzoek>")),
                  "CD086"),
            Paths{"/Bericht/Antwoord/RedenAfwijzingVerzoek"});
  EXPECT_TRUE(
      paths(validate(jw319("<jw:VerzoekAntwoord>2</jw:VerzoekAntwoord>")), "CD086").empty());
}

// regels-ijw-3.2 TR377: reden 8 (woonplaatsbeginsel) comes with a Woonplaatsbeginsel.
TEST(Tr377, WoonplaatsbeginselBijReden8) {
  EXPECT_EQ(paths(validate(jw319(kAfgewezen8)), "TR377"),
            Paths{"/Bericht/Antwoord/Woonplaatsbeginsel"});
  EXPECT_TRUE(paths(validate(jw319(std::string(kAfgewezen8) + kWpb)), "TR377").empty());
}

// regels-ijw-3.2 TR409: a Woonplaatsbeginsel only with reden 8.
TEST(Tr409, GeenWoonplaatsbeginselZonderReden8) {
  EXPECT_EQ(
      paths(validate(jw319(std::string("<jw:VerzoekAntwoord>1</jw:VerzoekAntwoord>"
                                       "<jw:RedenAfwijzingVerzoek>3</jw:RedenAfwijzingVerzoek>") +
                           kWpb)),
            "TR409"),
      Paths{"/Bericht/Antwoord/Woonplaatsbeginsel"});
  EXPECT_TRUE(paths(validate(jw319(std::string(kAfgewezen8) + kWpb)), "TR409").empty());
}

// regels-ijw-3.2 TR378 (JW319): Afzender and Woonplaatsbeginsel/Gemeente are CBS codes.
TEST(Tr378, AntwoordGemeentecodes) {
  auto f = validate(
      jw319(std::string(kAfgewezen8) +
                "<jw:Woonplaatsbeginsel><jw:Gemeente>0001</jw:Gemeente></jw:Woonplaatsbeginsel>",
            "0002"));
  EXPECT_EQ(paths(f, "TR378"),
            (Paths{"/Bericht/Header/Afzender", "/Bericht/Antwoord/Woonplaatsbeginsel/Gemeente"}));
  for (const auto& x : f) EXPECT_EQ(x.retourcode, "S300");
}

// ---------------------------------------------------------------- JW325
std::string prestatie325(const char* ref, const char* bedrag, const char* dc,
                         const char* vorig = nullptr, const char* eind = "2026-04-30") {
  std::string r = std::string("<jw:Prestatie><jw:ProductReferentie><ijw:ReferentieNummer>") + ref +
                  "</ijw:ReferentieNummer>";
  if (vorig)
    r += std::string("<ijw:VorigReferentieNummer>") + vorig + "</ijw:VorigReferentieNummer>";
  return r + "</jw:ProductReferentie><jw:ToewijzingNummer>10072</jw:ToewijzingNummer>" +
         "<jw:ProductCategorie>45</jw:ProductCategorie><jw:ProductCode>45A03</jw:ProductCode>" +
         "<jw:ProductPeriode><ijw:Begindatum>2026-04-01</ijw:Begindatum><ijw:Einddatum>" + eind +
         "</ijw:Einddatum></jw:ProductPeriode><jw:GeleverdVolume>4</jw:GeleverdVolume>" +
         "<jw:Eenheid>04</jw:Eenheid><jw:ProductTarief>1250</jw:ProductTarief>" +
         "<jw:IngediendBedrag><ijw:Bedrag>" + bedrag + "</ijw:Bedrag><ijw:DebetCredit>" + dc +
         "</ijw:DebetCredit></jw:IngediendBedrag>" +
         "<jw:RetourCodes><jw:RetourCode>0611</jw:RetourCode></jw:RetourCodes></jw:Prestatie>";
}

std::string client325(const char* bsn, const std::string& prestaties) {
  return std::string("<jw:Client><jw:Bsn>") + bsn + "</jw:Bsn><jw:Prestaties>" + prestaties +
         "</jw:Prestaties><jw:RetourCodes><jw:RetourCode>0200</jw:RetourCode></jw:RetourCodes>"
         "</jw:Client>";
}

std::string totaal(const char* naam, const char* bedrag, const char* dc) {
  return std::string("<jw:") + naam + "><ijw:TotaalBedrag>" + bedrag +
         "</ijw:TotaalBedrag><ijw:DebetCredit>" + dc + "</ijw:DebetCredit></jw:" + naam + ">";
}

std::string jw325(const std::string& totalen, const std::string& clienten,
                  const char* afzender = "0384") {
  std::string h =
      std::string("<jw:BerichtCode>491</jw:BerichtCode><jw:BerichtVersie>3</jw:BerichtVersie>") +
      "<jw:BerichtSubversie>2</jw:BerichtSubversie><jw:Afzender>" + afzender +
      "</jw:Afzender><jw:Ontvanger>65656055</jw:Ontvanger><jw:BerichtIdentificatie>" +
      "<ijw:Identificatie>DA1</ijw:Identificatie><ijw:Dagtekening>2026-05-20" +
      "</ijw:Dagtekening></jw:BerichtIdentificatie>" + kXsd +
      "<jw:DeclaratieIdentificatie><ijw:Identificatie>765432198</ijw:Identificatie>"
      "<ijw:Dagtekening>2026-05-06</ijw:Dagtekening></jw:DeclaratieIdentificatie>"
      "<jw:XsdVersieDeclaratie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>"
      "<ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw:XsdVersieDeclaratie>"
      "<jw:RetourCodes><jw:RetourCode>0200</jw:RetourCode></jw:RetourCodes>";
  std::string body = "<jw:DeclaratieAntwoord><jw:DeclaratieNummer>DN001</jw:DeclaratieNummer>" +
                     totalen +
                     (clienten.empty() ? "" : "<jw:Clienten>" + clienten + "</jw:Clienten>") +
                     "<jw:RetourCodes><jw:RetourCode>0200</jw:RetourCode></jw:RetourCodes>"
                     "</jw:DeclaratieAntwoord>";
  return bericht("jw325", h, body);
}

// Submitted 79000, granted 74000: the rejected prestatie of 5000 explains the difference.
std::string jw325_basis() {
  return jw325(
      totaal("TotaalIngediendBedrag", "79000", "D") + totaal("TotaalToegekendBedrag", "74000", "D"),
      client325("999900006", prestatie325("RN001", "5000", "D")));
}
const std::string kPrestatie325 =
    "/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie";

TEST(Jw325Rules, BaselineIsValid) { EXPECT_EQ(dump(validate(jw325_basis())), ""); }

// regels-ijw-3.2 TR342: the rejected prestaties explain submitted minus granted.
TEST(Tr342, AfgewezenPrestatiesVerklarenVerschil) {
  auto f = validate(jw325(
      totaal("TotaalIngediendBedrag", "79000", "D") + totaal("TotaalToegekendBedrag", "79000", "D"),
      client325("999900006", prestatie325("RN001", "5000", "D"))));
  EXPECT_EQ(paths(f, "TR342"), Paths{"/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag"});
  EXPECT_TRUE(paths(validate(jw325_basis()), "TR342").empty());
  // Rejected as a whole: no prestaties, granted 0.
  EXPECT_TRUE(paths(validate(jw325(totaal("TotaalIngediendBedrag", "79000", "D") +
                                       totaal("TotaalToegekendBedrag", "0", "D"),
                                   "")),
                    "TR342")
                  .empty());
}

// regels-ijw-3.2 CD060 (JW325): VorigReferentieNummer with credit only.
TEST(Cd060, DeclaratieAntwoordVorigReferentie) {
  auto f = validate(jw325(
      totaal("TotaalIngediendBedrag", "0", "D") + totaal("TotaalToegekendBedrag", "5000", "D"),
      client325("999900006", prestatie325("RN001", "5000", "C"))));
  EXPECT_EQ(paths(f, "CD060"),
            Paths{kPrestatie325 + "[1]/ProductReferentie/VorigReferentieNummer"});
  EXPECT_TRUE(paths(f, "TR342").empty());
  f = validate(jw325(
      totaal("TotaalIngediendBedrag", "0", "D") + totaal("TotaalToegekendBedrag", "5000", "D"),
      client325("999900006", prestatie325("RN001", "5000", "C", "RN000"))));
  EXPECT_TRUE(paths(f, "CD060").empty());
}

// regels-ijw-3.2 CS325 (JW325): totals and amounts of 0 are debet.
TEST(Cs325, DeclaratieAntwoordNulIsDebet) {
  auto f = validate(jw325(
      totaal("TotaalIngediendBedrag", "5000", "D") + totaal("TotaalToegekendBedrag", "0", "C"),
      client325("999900006", prestatie325("RN001", "5000", "D"))));
  EXPECT_EQ(paths(f, "CS325"),
            Paths{"/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit"});
  EXPECT_TRUE(paths(validate(jw325_basis()), "CS325").empty());
}

// regels-ijw-3.2 TR137 (JW325): ProductPeriode/Einddatum not after the Dagtekening.
TEST(Tr137, DeclaratieAntwoordProductPeriode) {
  auto f = validate(jw325(
      totaal("TotaalIngediendBedrag", "79000", "D") + totaal("TotaalToegekendBedrag", "74000", "D"),
      client325("999900006", prestatie325("RN001", "5000", "D", nullptr, "2026-05-21"))));
  EXPECT_EQ(paths(f, "TR137"), Paths{kPrestatie325 + "[1]/ProductPeriode/Einddatum"});
}

// regels-ijw-3.2 TR101 and CS002 (JW325).
TEST(Tr101, DeclaratieAntwoordDubbeleSleutels) {
  auto f = validate(jw325(
      totaal("TotaalIngediendBedrag", "79000", "D") + totaal("TotaalToegekendBedrag", "69000", "D"),
      client325("999900006",
                prestatie325("RN001", "5000", "D") + prestatie325("RN001", "5000", "D"))));
  EXPECT_EQ(paths(f, "TR101"), Paths{kPrestatie325 + "[2]"});
  EXPECT_TRUE(paths(f, "TR342").empty());
  f = validate(jw325(
      totaal("TotaalIngediendBedrag", "79000", "D") + totaal("TotaalToegekendBedrag", "74000", "D"),
      client325("999900007", prestatie325("RN001", "5000", "D")), "0002"));
  EXPECT_EQ(paths(f, "CS002"), Paths{"/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Bsn"});
  EXPECT_EQ(paths(f, "TR378"), Paths{"/Bericht/Header/Afzender"});
}

// Values split by a comment or written as CDATA are read whole (the XSD sees them whole too).
TEST(Cs002, SplitTextIsReadWhole) {
  auto xml =
      replace(jw325_basis(), "<jw:Bsn>999900006</jw:Bsn>", "<jw:Bsn>9999<!-- x -->00006</jw:Bsn>");
  EXPECT_EQ(dump(validate(xml)), "");
  xml = replace(jw325_basis(), "<jw:Bsn>999900006</jw:Bsn>",
                "<jw:Bsn><![CDATA[999900006]]></jw:Bsn>");
  EXPECT_EQ(dump(validate(xml)), "");
  xml =
      replace(jw325_basis(), "<jw:Bsn>999900006</jw:Bsn>", "<jw:Bsn>9999<!-- x -->00007</jw:Bsn>");
  EXPECT_EQ(paths(validate(xml), "CS002"),
            Paths{"/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Bsn"});
}

// The retour messages of JW301/305/307/315/317 have no in-message rules: check_rules adds
// nothing for them, whatever the tree holds.
TEST(RetourRules, NoInMessageRulesForRetourTypes) {
  auto doc = parse_xml(jw317_basis());
  ASSERT_TRUE(doc.ok());
  for (auto t : {Berichttype::JW302, Berichttype::JW306, Berichttype::JW308, Berichttype::JW316,
                 Berichttype::JW318, Berichttype::JW320}) {
    Findings f;
    check_rules(t, doc->get(), nullptr, RuleContext{}, f);
    EXPECT_TRUE(f.empty()) << naam(t);
  }
}

}  // namespace
}  // namespace jr::ijw
