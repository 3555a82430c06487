// The verzoek om toewijzing (JW315) and the import of the gemeente's own sent JW301s:
// berichtoverstijgende rules from regels-ijw-3.2.csv.
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

}  // namespace
}  // namespace jr::testing
