// The verzoek om wijziging (JW317): berichtoverstijgende rules from regels-ijw-3.2.csv, each
// with a message that gets exactly its retourcode, the stored open verzoek, and the JW318
// against its XSD.
#include <set>

#include "import_fixture.h"

namespace jr::testing {
namespace {

class ImportWijziging : public ImportTest {
 protected:
  // A JW301 whose toewijzing runs on past the JW317's Dagtekening (2026-09-01): 45A03, 4 uur
  // per week, 2026-04-01 to 2026-12-31.
  static ijw::Jw301 lopend(int64_t nummer, std::string id = "T1") {
    auto m = jw301(nummer, std::move(id));
    m.producten[0].einddatum = Date(2026, 12, 31);
    return m;
  }
  // The same toewijzing with only a categorie and a budget (an aspecifieke toewijzing), or
  // with neither (a generieke toewijzing).
  static ijw::Jw301 met_budget(int64_t nummer, bool met_categorie) {
    auto m = lopend(nummer);
    auto& p = m.producten[0];
    p.product = met_categorie ? std::optional<ijw::Product>(ijw::Product{"45", std::nullopt})
                              : std::nullopt;
    p.omvang.reset();
    p.budget = 100000;
    return m;
  }

  // A JW317 that asks more hours on toewijzing 1001 (the jeugdige's only one).
  static ijw::Jw317 meer_uren(std::string id = "W1", std::string referentie = "W-REF") {
    auto m = jw317(std::move(referentie), std::move(id));
    m.te_wijzigen.push_back(te_wijzigen(1001));
    return m;
  }

  // The JW301 that honours verzoek `referentie` on toewijzing 1001 (IV093: its
  // ReferentieAanbieder, RedenWijziging 12 geinitieerd door de aanbieder, a later end).
  static ijw::Jw301 honoreer(std::string referentie) {
    auto t = lopend(1001, "T3");
    t.producten[0].einddatum = Date(2027, 6, 30);
    t.producten[0].reden_wijziging = "12";
    t.producten[0].referentie_aanbieder = std::move(referentie);
    return t;
  }

  void toewijzing(const ijw::Jw301& m) {
    auto r = importeer(ijw::write_xml(m));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }

  // The set of retourcodes of `r`.
  static std::set<std::string> retourcodes(const import::BerichtResultaat& r) {
    std::set<std::string> s;
    for (const auto& f : r.findings) s.insert(f.retourcode);
    return s;
  }

  // Imports `m`, expects it rejected with exactly `code`, a valid JW318, and nothing stored
  // as a verzoek.
  void verwacht(const ijw::Jw317& m, const std::string& code) {
    auto r = importeer(ijw::write_xml(m), "jw317.xml");
    EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
    EXPECT_EQ(retourcodes(r), std::set<std::string>{code}) << codes(r);
    EXPECT_EQ(r.retour_type, "JW318");
    EXPECT_TRUE(xsd_geldig(r.retour_xml));
    EXPECT_NE(r.retour_xml.find("<jw318:RetourCode>" + code + "</jw318:RetourCode>"),
              std::string::npos);
    EXPECT_EQ(tel("verzoek", "soort = 'wijziging'"), 0);
  }
};

// OP308, OP344: a JW317 that passes every rule is one open verzoek om wijziging, linked to the
// toewijzingen it names, that the gemeente must answer; a toewijzing with its
// ReferentieAanbieder answers it.
TEST_F(ImportWijziging, VerzoekOmWijzigingWordtOpenVerzoek) {
  toewijzing(lopend(1001));
  auto t2 = lopend(1002, "T2");
  t2.producten[0].product = ijw::Product{"45", std::string("45A05")};
  toewijzing(t2);
  // 1002 stays as it is, 1001 gets more hours and a later end, and a new product starts.
  auto m = jw317("W-REF", "W1", {1002});
  m.te_wijzigen.push_back(te_wijzigen(1001));
  m.nieuw.push_back(nieuw_product("45A07"));

  auto r = importeer(ijw::write_xml(m), "jw317.xml");
  EXPECT_EQ(r.berichttype, "JW317");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(r.retour_type, "JW318");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_NE(r.retour_xml.find("<jw318:RetourCode>0200</jw318:RetourCode>"), std::string::npos);
  EXPECT_EQ(r.retour_xml.find("<jw318:RetourCode>0001</jw318:RetourCode>"), std::string::npos);
  EXPECT_EQ(tel("verzoek"), 1);
  EXPECT_EQ(tel("verzoek",
                "soort = 'wijziging' AND status = 'ontvangen' AND referentie_aanbieder "
                "= 'W-REF' AND reden_verzoek = '1' AND aanbieder = '65656055' AND "
                "gemeente = '0268' AND toewijzing_ingangsdatum IS NULL"),
            1);
  EXPECT_EQ(tel("verzoek_product"), 3);
  EXPECT_EQ(tel("verzoek_product p JOIN toewijzing t ON t.id = p.toewijzing_id",
                "p.soort = 'ongewijzigd' AND t.toewijzing_nummer = 1002 AND p.volgnummer = 1"),
            1);
  EXPECT_EQ(tel("verzoek_product p JOIN toewijzing t ON t.id = p.toewijzing_id",
                "p.soort = 'te_wijzigen' AND t.toewijzing_nummer = 1001 AND "
                "p.gewenste_ingangsdatum = '2026-10-01' AND p.einddatum = '2027-06-30' AND "
                "p.volume = 6"),
            1);
  EXPECT_EQ(tel("verzoek_product",
                "soort = 'nieuw' AND toewijzing_id IS NULL AND productcode = "
                "'45A07' AND gewenste_ingangsdatum = '2026-10-01'"),
            1);
  EXPECT_EQ(tel("verzoek v JOIN jeugdige j ON j.id = v.jeugdige_id JOIN toewijzing t ON "
                "t.jeugdige_id = j.id",
                "t.toewijzing_nummer = 1001"),
            1);

  // IV093: the toewijzing that honours it carries its ReferentieAanbieder (TR379) and
  // RedenWijziging 12 (geinitieerd door de aanbieder); the verzoek is then answered.
  auto a = importeer(ijw::write_xml(honoreer("W-REF")));
  EXPECT_EQ(a.uitkomst, import::Uitkomst::geaccepteerd) << codes(a);
  EXPECT_EQ(tel("verzoek", "soort = 'wijziging' AND status = 'toegewezen'"), 1);
}

// regels-ijw-3.2 TR350: an OngewijzigdProduct names a current toewijzing of this aanbieder.
TEST_F(ImportWijziging, Tr350OngewijzigdZonderToewijzing) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1", {9999});
  m.te_wijzigen.push_back(te_wijzigen(1001));
  verwacht(m, "9350");
}

// regels-ijw-3.2 TR351: a TeWijzigenProduct names a current toewijzing of this aanbieder: not
// an unknown number, not another aanbieder's, not one that ended before the Dagtekening.
TEST_F(ImportWijziging, Tr351TeWijzigenZonderActueleToewijzing) {
  toewijzing(lopend(1001));
  auto ander = lopend(1002, "T2");
  ander.header.ontvanger = "12345678";
  toewijzing(ander);
  auto oud = jw301(1003, "T3");  // ended 2026-06-30
  oud.producten[0].product = ijw::Product{"45", std::string("45A05")};
  toewijzing(oud);
  for (int64_t nummer : {9999, 1002, 1003}) {
    auto m = jw317("W-REF", "W" + std::to_string(nummer), {1001});
    m.te_wijzigen.push_back(te_wijzigen(nummer));
    SCOPED_TRACE(nummer);
    verwacht(m, "9351");
  }
}

// regels-ijw-3.2 TR349: every current toewijzing of the client at this aanbieder is named.
TEST_F(ImportWijziging, Tr349AlleActueleToewijzingen) {
  toewijzing(lopend(1001));
  auto t2 = lopend(1002, "T2");
  t2.producten[0].product = ijw::Product{"45", std::string("45A05")};
  toewijzing(t2);
  auto m = meer_uren();
  verwacht(m, "9349");
}

// regels-ijw-3.2 TR304: the Bsn is that of the client of the toewijzingen named.
TEST_F(ImportWijziging, Tr304BsnVanDeClient) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1");
  m.bsn = kBsn2;
  m.te_wijzigen.push_back(te_wijzigen(1001));
  verwacht(m, "8187");
}

// regels-ijw-3.2 TR347: the ReferentieAanbieder is new for the aanbieder, also after the
// earlier verzoek with it was answered.
TEST_F(ImportWijziging, Tr347ReferentieAlGebruikt) {
  toewijzing(lopend(1001));
  auto m = meer_uren();
  ASSERT_EQ(importeer(ijw::write_xml(m)).uitkomst, import::Uitkomst::geaccepteerd);
  ASSERT_EQ(importeer(ijw::write_xml(honoreer("W-REF"))).uitkomst, import::Uitkomst::geaccepteerd);
  auto opnieuw = jw317("W-REF", "W2", {1001});
  opnieuw.nieuw.push_back(nieuw_product("45A05"));
  auto r = importeer(ijw::write_xml(opnieuw));
  EXPECT_EQ(retourcodes(r), std::set<std::string>{"9347"}) << codes(r);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_EQ(tel("verzoek"), 1);
}

// regels-ijw-3.2 TR374: no verzoek while one of the same aanbieder for the client is open
// (here a verzoek om toewijzing).
TEST_F(ImportWijziging, Tr374OnderhandenVerzoek) {
  toewijzing(lopend(1001));
  ASSERT_EQ(importeer(ijw::write_xml(jw315("REF1", "V1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto m = meer_uren();
  verwacht(m, "9374");
}

// regels-ijw-3.2 TR374, the other way round: an open wijziging holds back a new verzoek om
// toewijzing of the same aanbieder for the client.
TEST_F(ImportWijziging, Tr374OpenWijzigingHoudtVerzoekOmToewijzingTegen) {
  toewijzing(lopend(1001));
  auto m = meer_uren();
  ASSERT_EQ(importeer(ijw::write_xml(m)).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw315("REF1", "V1")));
  EXPECT_EQ(retourcodes(r), std::set<std::string>{"9374"}) << codes(r);
}

// regels-ijw-3.2 TR357: a change from a date on or before the Dagtekening is a change from the
// toewijzing's own Ingangsdatum.
TEST_F(ImportWijziging, Tr357WijzigingInHetVerleden) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1");
  m.te_wijzigen.push_back(te_wijzigen(1001, Date(2026, 8, 15)));
  verwacht(m, "9357");
  m.header.identificatie = "W2";
  m.te_wijzigen[0].gewenste_ingangsdatum = Date(2026, 4, 1);  // the whole duration
  auto r = importeer(ijw::write_xml(m));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
}

// regels-ijw-3.2 TR373: a changed Budget applies from the toewijzing's Ingangsdatum.
TEST_F(ImportWijziging, Tr373BudgetVanafIngangsdatum) {
  toewijzing(met_budget(1001, true));
  auto m = jw317("W-REF", "W1");
  auto p = te_wijzigen(1001);
  p.omvang.reset();
  p.budget = 150000;
  m.te_wijzigen.push_back(p);
  verwacht(m, "9373");
}

// regels-ijw-3.2 TR411: a toewijzing with a ProductCode is changed with an Omvang.
TEST_F(ImportWijziging, Tr411OmvangBijProductCode) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1");
  auto p = te_wijzigen(1001);
  p.omvang.reset();
  m.te_wijzigen.push_back(p);
  verwacht(m, "9411");
}

// regels-ijw-3.2 TR412: a toewijzing of a categorie only (after 2020) gets no Omvang.
TEST_F(ImportWijziging, Tr412GeenOmvangBijCategorie) {
  toewijzing(met_budget(1001, true));
  auto m = meer_uren();
  verwacht(m, "9412");
}

// regels-ijw-3.2 TR375: a toewijzing without a Product (after 2020) gets no Omvang.
TEST_F(ImportWijziging, Tr375GeenOmvangZonderProduct) {
  toewijzing(met_budget(1001, false));
  auto m = meer_uren();
  verwacht(m, "9375");
}

// regels-ijw-3.2 TR361: the wished situation has no product twice in overlapping periods.
TEST_F(ImportWijziging, Tr361GeenOverlap) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1", {1001});
  m.nieuw.push_back(nieuw_product("45A03"));
  verwacht(m, "9361");
  m.header.identificatie = "W2";
  m.nieuw[0].gewenste_ingangsdatum = Date(2027, 1, 1);  // after the toewijzing ends
  m.nieuw[0].einddatum = Date(2027, 3, 31);
  auto r = importeer(ijw::write_xml(m));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
}

// regels-ijw-3.2 TR381 (S329): a new product's code belongs to its categorie.
TEST_F(ImportWijziging, Tr381ProductCodeVanDeCategorie) {
  catalogus("45", "45A03");
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1", {1001});
  m.nieuw.push_back(nieuw_product("45X99"));
  verwacht(m, "S329");
}

// regels-ijw-3.2 TR056: the Identificatie is new for the aanbieder; only the header goes back.
TEST_F(ImportWijziging, Tr056IdentificatieTweeKeer) {
  toewijzing(lopend(1001));
  auto m = meer_uren();
  ASSERT_EQ(importeer(ijw::write_xml(m)).uitkomst, import::Uitkomst::geaccepteerd);
  m.referentie_aanbieder = "W-REF2";
  auto r = importeer(ijw::write_xml(m));
  EXPECT_EQ(retourcodes(r), std::set<std::string>{"9056"}) << codes(r);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_EQ(r.retour_xml.find("<jw318:Client>"), std::string::npos);
  EXPECT_EQ(tel("verzoek"), 1);
}

// The in-message rules travel in the same JW318 (retourcode 0001), e.g. TR352: a verzoek om
// wijziging always names a current toewijzing.
TEST_F(ImportWijziging, InBerichtRegelsGevenRetour0001) {
  toewijzing(lopend(1001));
  auto m = jw317("W-REF", "W1");
  m.nieuw.push_back(nieuw_product("45A05"));
  verwacht(m, "0001");
}

// A JW317 that fails its XSD gets a JW318 with only its header and 0001.
TEST_F(ImportWijziging, XsdOngeldigKrijgtKopRetour) {
  auto m = jw317("W-REF", "W1", {1001});
  std::string xml = ijw::write_xml(m);
  auto pos = xml.find("<jw317:RedenVerzoek>1</jw317:RedenVerzoek>");
  ASSERT_NE(pos, std::string::npos);
  xml.erase(pos, std::string("<jw317:RedenVerzoek>1</jw317:RedenVerzoek>").size());
  auto r = importeer(xml);
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_EQ(r.retour_type, "JW318");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_EQ(r.retour_xml.find("<jw318:Client>"), std::string::npos);
}

}  // namespace
}  // namespace jr::testing
