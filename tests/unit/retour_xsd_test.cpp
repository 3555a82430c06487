// Retour messages (JW306, JW308, JW316, JW318, JW325; JW302 and JW320 for tests) built by
// ijw/retour validate against their XSD in every shape: all 0200, codes per class, header
// only, and JW325 with rejected prestaties.
#include "import_fixture.h"

namespace jr::testing {
namespace {

class Retour : public ImportTest {
 protected:
  ijw::RetourGegevens gegevens(ijw::Berichttype t) {
    ijw::RetourGegevens g;
    g.identificatie = "R1";
    g.dagtekening = clock_.today();
    g.xsd = ijw::xsd_versie(standaard_dir(), t);
    return g;
  }
  std::string retour(ijw::Berichttype heen, const std::string& xml, const ijw::Oordeel& o) {
    auto doc = ijw::parse_xml(xml);
    EXPECT_TRUE(doc.ok());
    auto r = ijw::bouw_retour(heen, doc->get(), o, gegevens(*ijw::retour_van(heen)));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : std::string();
  }
};

TEST_F(Retour, Jw306Jw308Jw316InAlleVormen) {
  auto s = jw305(1001, Date(2026, 4, 3), "S1");
  s.producten.push_back(s.producten[0]);
  const std::vector<std::pair<ijw::Berichttype, std::string>> heen = {
      {ijw::Berichttype::JW305, ijw::write_xml(s)},
      {ijw::Berichttype::JW307,
       ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1"))},
      {ijw::Berichttype::JW315, ijw::write_xml(jw315("REF1", "V1"))},
  };
  for (const auto& [type, xml] : heen) {
    ijw::Oordeel leeg;
    EXPECT_TRUE(xsd_geldig(retour(type, xml, leeg))) << ijw::naam(type);
    ijw::Oordeel codes;
    codes.client = {"9374"};
    codes.producten = {{"9019", "9326"}, {}};
    std::string r = retour(type, xml, codes);
    EXPECT_TRUE(xsd_geldig(r)) << ijw::naam(type);
    EXPECT_NE(r.find(">9326<"), std::string::npos);
    ijw::Oordeel kop;
    kop.header = {"0001"};
    kop.alleen_header = true;
    EXPECT_TRUE(xsd_geldig(retour(type, xml, kop))) << ijw::naam(type);
  }
}

// JW318 on a JW317 with every kind of product: codes on the Client, the Verzoek and each
// product class, in message order; and header only.
TEST_F(Retour, Jw318InAlleVormen) {
  auto m = jw317("W-REF", "W1", {1001});
  m.te_wijzigen.push_back(te_wijzigen(1002));
  m.nieuw.push_back(nieuw_product("45A05"));
  const std::string xml = ijw::write_xml(m);
  ASSERT_TRUE(xsd_geldig(xml));
  EXPECT_TRUE(xsd_geldig(retour(ijw::Berichttype::JW317, xml, {})));
  ijw::Oordeel codes;
  codes.client = {"9374"};
  codes.verzoek = {"9349", "9347"};
  codes.producten = {{"9350"}, {"9351", "9357"}, {"S329"}};
  std::string r = retour(ijw::Berichttype::JW317, xml, codes);
  EXPECT_TRUE(xsd_geldig(r));
  for (const char* c : {">9374<", ">9349<", ">9347<", ">9350<", ">9357<", ">S329<"})
    EXPECT_NE(r.find(c), std::string::npos) << c;
  EXPECT_LT(r.find(">9350<"), r.find(">9351<"));
  EXPECT_LT(r.find(">9351<"), r.find(">S329<"));
  ijw::Oordeel kop;
  kop.header = {"9056"};
  kop.alleen_header = true;
  EXPECT_TRUE(xsd_geldig(retour(ijw::Berichttype::JW317, xml, kop)));
}

// The published examples answered with codes on every class; the JW315 example is not valid
// against its XSD (an impossible date), so it is answered with the header only.
TEST_F(Retour, OpGepubliceerdeVoorbeelden) {
  for (auto type : {ijw::Berichttype::JW305, ijw::Berichttype::JW307, ijw::Berichttype::JW315}) {
    std::string xml =
        read_all(standaard_dir() / "voorbeelden" / (std::string(ijw::naam(type)) + ".xml"));
    ijw::Oordeel o;
    o.producten = {{"9019"}};
    if (type == ijw::Berichttype::JW315) {
      o.header = {"0001"};
      o.alleen_header = true;
    }
    EXPECT_TRUE(xsd_geldig(retour(type, xml, o))) << ijw::naam(type);
  }
}

// JW325: the totals and only the rejected prestaties (TR342); header-only with 0001.
TEST_F(Retour, Jw325) {
  auto m = jw323("DN1", {prestatie("RN1", 1001), prestatie("RN2", 1002)}, "D1");
  ijw::DeclaratieClient tweede;
  tweede.bsn = kBsn2;
  tweede.prestaties.push_back(prestatie("RN3", 1003));
  tweede.prestaties.back().vorig_referentie_nummer = "RN0";
  tweede.prestaties.back().ingediend_bedrag.debet_credit = "C";
  m.clienten.push_back(tweede);
  ijw::DeclaratieOordeel o;
  o.toegekend = 20000;
  o.afgekeurd = {{0, 1, {"9338"}}, {1, 0, {"8017", "9390"}}};
  std::string r = ijw::bouw_jw325(m, o, gegevens(ijw::Berichttype::JW325));
  EXPECT_TRUE(xsd_geldig(r));
  EXPECT_EQ(r.find(">RN1<"), std::string::npos);
  EXPECT_NE(r.find(">RN2<"), std::string::npos);
  EXPECT_NE(r.find(">RN3<"), std::string::npos);

  ijw::DeclaratieOordeel geheel;
  geheel.declaratie = {"9333"};
  EXPECT_TRUE(xsd_geldig(ijw::bouw_jw325(m, geheel, gegevens(ijw::Berichttype::JW325))));

  auto doc = ijw::parse_xml(ijw::write_xml(m));
  ASSERT_TRUE(doc.ok());
  std::string kop =
      ijw::bouw_jw325_kop(ijw::lees_kop(doc->get()), {"0001"}, gegevens(ijw::Berichttype::JW325));
  EXPECT_TRUE(xsd_geldig(kop));
  EXPECT_EQ(kop.find("DeclaratieAntwoord"), std::string::npos);
}

// IV034: the retour's XsdVersie comes from its own schema's appinfo.
TEST_F(Retour, XsdVersieUitSchema) {
  auto v = ijw::xsd_versie(standaard_dir(), ijw::Berichttype::JW306);
  std::string xsd = read_all(standaard_dir() / "xsd" / "JW306.xsd");
  EXPECT_NE(xsd.find("<ijw:BerichtXsdVersie>" + v.bericht + "<"), std::string::npos);
  EXPECT_NE(xsd.find("<ijw:BasisschemaXsdVersie>" + v.basisschema + "<"), std::string::npos);
}

}  // namespace
}  // namespace jr::testing
