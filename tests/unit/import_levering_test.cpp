// Berichtoverstijgende rules on start (JW305) and stop (JW307) levering, from
// regels-ijw-3.2.csv, each through the whole import (validate, rules, store, retour).
#include "import_fixture.h"

namespace jr::testing {
namespace {

class Levering : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    auto r = importeer(ijw::write_xml(jw301(1001)));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }
};

TEST_F(Levering, StartOpBekendeToewijzingWordtOpgeslagen) {
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("levering_start"), 1);
  EXPECT_EQ(r.retour_type, "JW306");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_NE(r.retour_xml.find("<jw306:RetourCode>0200</jw306:RetourCode>"), std::string::npos);
}

// regels-ijw-3.2 TR019: a start relates to a toewijzing by its ToewijzingNummer.
TEST_F(Levering, Tr019StartOpOnbekendeToewijzing) {
  auto r = importeer(ijw::write_xml(jw305(9999, Date(2026, 4, 3), "S1")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9019")) << codes(r);
  EXPECT_EQ(tel("levering_start"), 0);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_NE(r.retour_xml.find("<jw306:RetourCode>9019</jw306:RetourCode>"), std::string::npos);
}

// regels-ijw-3.2 TR019: the toewijzing must be for this client (BSN + geboortedatum).
TEST_F(Levering, Tr019StartVoorAndereClient) {
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1002, "T2", kBsn2))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1002, Date(2026, 4, 3), "S1")));
  EXPECT_TRUE(heeft(r, "9019")) << codes(r);
  EXPECT_EQ(tel("levering_start"), 0);
}

// regels-ijw-3.2 TR019: also for a stop.
TEST_F(Levering, Tr019StopOpOnbekendeToewijzing) {
  auto r = importeer(ijw::write_xml(jw307(4242, Date(2026, 4, 3), Date(2026, 5, 1), "31", "P1")));
  EXPECT_TRUE(heeft(r, "9019")) << codes(r);
  EXPECT_EQ(r.retour_type, "JW308");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

// regels-ijw-3.2 TR056: Identificatie unique per berichtsoort per afzender.
TEST_F(Levering, Tr056ZelfdeIdentificatieTweeKeer) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto stop = jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1");
  ASSERT_EQ(importeer(ijw::write_xml(stop)).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 5, 4), "S1")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9056")) << codes(r);
  EXPECT_EQ(tel("levering_start"), 1);
  EXPECT_EQ(tel("bericht", "berichttype = 'JW305'"), 2);  // kept, as rejected
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_EQ(r.retour_xml.find("<jw306:Client>"), std::string::npos);  // header only
}

// regels-ijw-3.2 TR063: removing (StatusAanlevering 3) needs an earlier start with that key.
TEST_F(Levering, Tr063VerwijderenZonderEerdereStart) {
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1", "3")));
  EXPECT_TRUE(heeft(r, "9063")) << codes(r);
}

TEST_F(Levering, Tr063VerwijderenVanEerdereStart) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S2", "3")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("levering_start", "actueel = 1"), 0);
}

// regels-ijw-3.2 TR063: idem for a stop.
TEST_F(Levering, Tr063StopVerwijderenZonderEerdereStop) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r =
      importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1", "3")));
  EXPECT_TRUE(heeft(r, "9063")) << codes(r);
}

// regels-ijw-3.2 TR071: a start that has a stop cannot be removed.
TEST_F(Levering, Tr071StartMetStopNietVerwijderen) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S2", "3")));
  EXPECT_TRUE(heeft(r, "9071")) << codes(r);
  EXPECT_EQ(tel("levering_start", "actueel = 1"), 1);
}

// regels-ijw-3.2 TR074: the key of a first aanlevering is new over all received messages.
TEST_F(Levering, Tr074ZelfdeStartTweeKeer) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S2")));
  EXPECT_TRUE(heeft(r, "9074")) << codes(r);
  EXPECT_EQ(tel("levering_start"), 1);
}

// regels-ijw-3.2 TR326: no new start while a current start (without stop) exists.
TEST_F(Levering, Tr326TweedeStartZonderStop) {
  ASSERT_EQ(importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 5, 4), "S2")));
  EXPECT_TRUE(heeft(r, "9326")) << codes(r);
  EXPECT_FALSE(heeft(r, "9074"));
  // After a stop, a new start is fine.
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "20", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r2 = importeer(ijw::write_xml(jw305(1001, Date(2026, 5, 4), "S3")));
  EXPECT_EQ(r2.uitkomst, import::Uitkomst::geaccepteerd) << codes(r2);
}

// regels-ijw-3.2 TR382 (9069): a stop carries the key of a start (stop before start).
TEST_F(Levering, Tr382StopZonderStart) {
  auto r = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1")));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9069")) << codes(r);
  EXPECT_EQ(tel("levering_stop"), 0);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

class Stop : public Levering {
 protected:
  void SetUp() override {
    Levering::SetUp();
    auto r = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1")));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }
};

// regels-ijw-3.2 TR413: after a stop with reden 20, the next stop has another reden.
TEST_F(Stop, Tr413TweeKeerReden20) {
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "20", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 10), "20", "P2")));
  EXPECT_TRUE(heeft(r, "9413")) << codes(r);
  auto ok = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 10), "31", "P3")));
  EXPECT_EQ(ok.uitkomst, import::Uitkomst::geaccepteerd) << codes(ok);
  EXPECT_EQ(tel("levering_stop", "actueel = 1"), 1);
}

// regels-ijw-3.2 TR414: a later stop's Einddatum is not before the current stop's.
TEST_F(Stop, Tr414EinddatumVoorEerdereStop) {
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "20", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 20), "31", "P2")));
  EXPECT_TRUE(heeft(r, "9414")) << codes(r);
}

// regels-ijw-3.2 TR415: after a definitive stop (reden not 20) no further stop.
TEST_F(Stop, Tr415NaDefinitieveStop) {
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 30), "02", "P2")));
  EXPECT_TRUE(heeft(r, "9415")) << codes(r);
  EXPECT_EQ(tel("levering_stop"), 1);
}

// regels-ijw-3.2 TR074: the same stop twice.
TEST_F(Stop, Tr074ZelfdeStopTweeKeer) {
  ASSERT_EQ(importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1")))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P2")));
  EXPECT_TRUE(heeft(r, "9074")) << codes(r);
}

// A message with two products is judged per product: one accepted, one rejected ('deels').
TEST_F(Levering, ProductenApartBeoordeeld) {
  auto m = jw305(1001, Date(2026, 4, 3), "S1");
  auto tweede = m.producten[0];
  tweede.toewijzing_nummer = 7777;
  m.producten.push_back(tweede);
  auto r = importeer(ijw::write_xml(m));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::deels) << codes(r);
  EXPECT_EQ(tel("levering_start"), 1);
  EXPECT_EQ(tel("bericht", "status = 'deels'"), 1);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

// regels-ijw-3.2 TR381 (S329): the ProductCode fits the ProductCategorie by the product code
// list in use (the catalogue); a categorie the catalogue does not have is not checked.
TEST_F(Levering, Tr381ProductCodeNietInCategorie) {
  catalogus("44", "44A01");  // categorie 45 not in the catalogue: not checked
  auto vrij = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1")));
  EXPECT_EQ(vrij.uitkomst, import::Uitkomst::geaccepteerd) << codes(vrij);
  catalogus("45", "45A05");  // now categorie 45 is, without 45A03
  auto stop =
      importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 1), "02", "E1")));
  EXPECT_EQ(stop.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(stop, "S329")) << codes(stop);
  EXPECT_EQ(tel("levering_stop"), 0);
  EXPECT_TRUE(xsd_geldig(stop.retour_xml));
  EXPECT_NE(stop.retour_xml.find("<jw308:RetourCode>S329</jw308:RetourCode>"), std::string::npos);
  catalogus("45", "45A03");
  auto goed =
      importeer(ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 5, 1), "02", "E2")));
  EXPECT_EQ(goed.uitkomst, import::Uitkomst::geaccepteerd) << codes(goed);
}

}  // namespace
}  // namespace jr::testing
