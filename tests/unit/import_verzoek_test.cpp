// The verzoek om toewijzing (JW315) and the import of the gemeente's own sent JW301s:
// berichtoverstijgende rules from regels-ijw-3.2.csv.
#include <set>

#include "import_fixture.h"

namespace jr::testing {
namespace {

using Verzoek = ImportTest;
using Toewijzing = ImportTest;

TEST_F(Verzoek, VerzoekWordtOpgeslagenMetRetour) {
  auto r = importeer(ijw::write_xml(jw315("REF1", "V1")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("verzoek"), 1);
  EXPECT_EQ(tel("jeugdige"), 1);
  EXPECT_EQ(r.retour_type, "JW316");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

// regels-ijw-3.2 TR347: ReferentieAanbieder unique for the aanbieder, also after the first
// verzoek was answered with a toewijzing.
TEST_F(Verzoek, Tr347ReferentieTweeKeer) {
  ASSERT_EQ(importeer(ijw::write_xml(jw315("REF1", "V1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto t = jw301(1001);
  t.producten[0].referentie_aanbieder = "REF1";
  ASSERT_EQ(importeer(ijw::write_xml(t)).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw315("REF1", "V2")));
  EXPECT_TRUE(heeft(r, "9347")) << codes(r);
  EXPECT_EQ(tel("verzoek"), 1);
}

// regels-ijw-3.2 TR374: no new verzoek while one of the same aanbieder is still open; a
// toewijzing (JW301 with that ReferentieAanbieder) closes it.
TEST_F(Verzoek, Tr374OnderhandenVerzoek) {
  ASSERT_EQ(importeer(ijw::write_xml(jw315("REF1", "V1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw315("REF2", "V2")));
  EXPECT_TRUE(heeft(r, "9374")) << codes(r);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));

  auto t = jw301(1001);
  t.producten[0].referentie_aanbieder = "REF1";
  ASSERT_EQ(importeer(ijw::write_xml(t)).uitkomst, import::Uitkomst::geaccepteerd);
  EXPECT_EQ(tel("verzoek", "status = 'toegewezen'"), 1);
  auto r2 = importeer(ijw::write_xml(jw315("REF3", "V3")));
  EXPECT_EQ(r2.uitkomst, import::Uitkomst::geaccepteerd) << codes(r2);
}

// regels-ijw-3.2 TR101: a JW315 with an AangevraagdProduct twice: the second line is a
// duplicate key (TR101) besides a second ReferentieAanbieder (TR383) and an overlap (TR386);
// the first is taken.
TEST_F(Verzoek, Tr101DubbelAangevraagdProduct) {
  auto m = jw315("REF1", "V1");
  m.producten.push_back(m.producten[0]);
  auto r = importeer(ijw::write_xml(m));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::deels) << codes(r);
  std::set<std::string> regels;
  for (const auto& f : r.findings) {
    EXPECT_EQ(f.xpath.rfind("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]", 0), 0u)
        << f.xpath;
    regels.insert(f.regelcode);
  }
  EXPECT_EQ(regels, (std::set<std::string>{"TR101", "TR383", "TR386"}));
  EXPECT_EQ(tel("verzoek"), 1);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

// DESIGN.md: imported JW301s become stored toewijzingen; there is no retour on them.
TEST_F(Toewijzing, EigenJw301WordtToewijzing) {
  auto r = importeer(ijw::write_xml(jw301(1001)));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_TRUE(r.retour_xml.empty());
  EXPECT_EQ(tel("toewijzing", "toewijzing_nummer = 1001 AND gemeente = '0268'"), 1);
  EXPECT_EQ(tel("bericht", "richting = 'uit' AND status = 'verzonden'"), 1);
}

// A JW301 with a known number changes that toewijzing (here: an earlier Einddatum).
TEST_F(Toewijzing, Jw301WijzigtBestaandeToewijzing) {
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  auto t = jw301(1001, "T2");
  t.producten[0].einddatum = Date(2026, 5, 31);
  t.producten[0].reden_wijziging = "05";
  auto r = importeer(ijw::write_xml(t));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("toewijzing"), 1);
  EXPECT_EQ(tel("toewijzing", "einddatum = '2026-05-31'"), 1);
}

// regels-ijw-3.2 TR332: a number identifies one ToegewezenProduct within the gemeente.
TEST_F(Toewijzing, Tr332NummerVoorAnderProduct) {
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw301(1001, "T2", kBsn2)));
  EXPECT_TRUE(heeft(r, "9332")) << codes(r);
  EXPECT_EQ(tel("toewijzing"), 1);
}

// regels-ijw-3.2 TR385: a toewijzing with accepted, uncredited prestaties is not removed.
TEST_F(Toewijzing, Tr385VerwijderenMetPrestaties) {
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  auto d = importeer(ijw::write_xml(jw323("DN1", {prestatie("RN1", 1001, 4)}, "D1")));
  ASSERT_EQ(d.uitkomst, import::Uitkomst::geaccepteerd) << codes(d);
  auto t = jw301(1001, "T2");
  t.producten[0].reden_wijziging = "13";
  t.producten[0].einddatum = t.producten[0].ingangsdatum;
  auto r = importeer(ijw::write_xml(t));
  EXPECT_TRUE(heeft(r, "9385")) << codes(r);
  EXPECT_EQ(tel("toewijzing", "reden_wijziging = '13'"), 0);
}

// regels-ijw-3.2 TR379 (9379): a ReferentieAanbieder on a ToegewezenProduct is that of a
// verzoek om toewijzing of the aanbieder; a change of the toewijzing may repeat it.
TEST_F(Toewijzing, Tr379ReferentieZonderVerzoek) {
  auto zonder = jw301(1001);
  zonder.producten[0].referentie_aanbieder = "ONBEKEND";
  auto r = importeer(ijw::write_xml(zonder));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9379")) << codes(r);
  EXPECT_EQ(tel("toewijzing"), 0);

  ASSERT_EQ(importeer(ijw::write_xml(jw315("REF1", "V1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto met = jw301(1001, "T2");
  met.producten[0].referentie_aanbieder = "REF1";
  auto r2 = importeer(ijw::write_xml(met));
  EXPECT_EQ(r2.uitkomst, import::Uitkomst::geaccepteerd) << codes(r2);
  EXPECT_EQ(tel("toewijzing", "referentie_aanbieder = 'REF1'"), 1);
  // The same toewijzing changed later, repeating the reference.
  auto wijziging = jw301(1001, "T3");
  wijziging.producten[0].referentie_aanbieder = "REF1";
  wijziging.producten[0].einddatum = Date(2026, 5, 31);
  wijziging.producten[0].reden_wijziging = "05";
  auto r3 = importeer(ijw::write_xml(wijziging));
  EXPECT_EQ(r3.uitkomst, import::Uitkomst::geaccepteerd) << codes(r3);
}

// regels-ijw-3.2 TR381 (S329) on the gemeente's own JW301 and on a received JW315.
TEST_F(Toewijzing, Tr381ProductCodeNietInCategorie) {
  catalogus("45", "45A05");
  auto r = importeer(ijw::write_xml(jw301(1001)));
  EXPECT_TRUE(heeft(r, "S329")) << codes(r);
  EXPECT_EQ(tel("toewijzing"), 0);
  auto v = importeer(ijw::write_xml(jw315("REF1", "V1")));
  EXPECT_TRUE(heeft(v, "S329")) << codes(v);
  EXPECT_EQ(tel("verzoek"), 0);
  EXPECT_TRUE(xsd_geldig(v.retour_xml));
}

// The JW302 an aanbieder returns on a JW301 the gemeente sent: stored as received with its
// raw XML, once (a second import of the same file changes nothing).
TEST_F(Toewijzing, Jw302WordtOpgeslagen) {
  const std::string jw301_xml = ijw::write_xml(jw301(1001));
  ASSERT_EQ(importeer(jw301_xml).uitkomst, import::Uitkomst::geaccepteerd);
  auto doc = ijw::parse_xml(jw301_xml);
  ASSERT_TRUE(doc.ok());
  ijw::Oordeel oordeel;
  ijw::RetourGegevens g;
  g.identificatie = "A1";
  g.dagtekening = Date(2026, 3, 27);
  g.xsd = ijw::xsd_versie(standaard_dir(), ijw::Berichttype::JW302);
  auto jw302 = ijw::bouw_retour(ijw::Berichttype::JW301, doc->get(), oordeel, g);
  ASSERT_TRUE(jw302.ok()) << jw302.status().to_string();
  ASSERT_TRUE(xsd_geldig(*jw302));

  auto r = importeer(*jw302, "jw302.xml");
  EXPECT_EQ(r.berichttype, "JW302");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_TRUE(r.retour_xml.empty());  // a retour is not answered
  ASSERT_TRUE(r.bericht_id);
  auto b = store_->lees_bericht(*r.bericht_id);
  ASSERT_TRUE(b.ok()) << b.status().to_string();
  EXPECT_EQ(b->richting, "in");
  EXPECT_EQ(b->berichttype, "JW302");
  // Stored under its own identification: the aanbieder sent it, as IdentificatieRetour A1
  // (its header repeats the JW301's, which the retour marks as received).
  EXPECT_EQ(b->afzender, kAanbieder);
  EXPECT_EQ(b->ontvanger, kGemeente);
  EXPECT_EQ(b->identificatie, "A1");
  EXPECT_EQ(b->status, "geaccepteerd");
  EXPECT_EQ(b->xml, *jw302);
  EXPECT_EQ(tel("toewijzing"), 1);  // the toewijzing itself is unchanged

  auto nogmaals = importeer(*jw302, "jw302.xml");
  EXPECT_EQ(nogmaals.uitkomst, import::Uitkomst::overgeslagen);
  EXPECT_EQ(tel("bericht", "berichttype = 'JW302'"), 1);
}

// A JW302 that fails its XSD is stored as rejected with the XSD finding, and gets no retour.
TEST_F(Toewijzing, Jw302OngeldigWordtAfgekeurd) {
  auto doc = ijw::parse_xml(ijw::write_xml(jw301(1001)));
  ASSERT_TRUE(doc.ok());
  ijw::RetourGegevens g;
  g.identificatie = "A1";
  g.dagtekening = Date(2026, 3, 27);
  auto jw302 = ijw::bouw_retour(ijw::Berichttype::JW301, doc->get(), ijw::Oordeel{}, g);
  ASSERT_TRUE(jw302.ok());
  std::string kapot = *jw302;
  auto pos = kapot.find("<jw302:IdentificatieRetour>A1</jw302:IdentificatieRetour>");
  ASSERT_NE(pos, std::string::npos) << kapot;
  kapot.erase(pos, std::string("<jw302:IdentificatieRetour>A1</jw302:IdentificatieRetour>").size());
  auto r = importeer(kapot, "jw302.xml");
  EXPECT_EQ(r.berichttype, "JW302");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "0001")) << codes(r);
  EXPECT_TRUE(r.retour_xml.empty());
  EXPECT_EQ(tel("bericht", "berichttype = 'JW302' AND status = 'afgekeurd'"), 1);
}

}  // namespace
}  // namespace jr::testing
