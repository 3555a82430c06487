// The register, bevolking and wijkteam imports (generator CSV formats) and what they mean
// for the indicators.
#include <gtest/gtest.h>

#include "indicatoren_fixture.h"
#include "store/registers.h"

using namespace jr;
using jr::testing::IndicatorGegevens;
using jr::testing::test_bsn;

TEST(RegisterImport, GemeentenMetRegioInDeIndicatoren) {
  IndicatorGegevens d;
  auto r = store::importeer_gemeenten(d.store(),
                                      "gemeente,naam,regio\r\n0268,Nijmegen,Rijk van Nijmegen\r\n"
                                      "0209,\"Beuningen, Gld\",Rijk van Nijmegen\r\n");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->regels, 2);
  auto k = d.kind(Date(2012, 1, 1));
  d.zorg(k, "0209", "11110000", "32", "2024-01-01");
  auto u = d.bereken("2024H1");
  auto doc = server::indicatoren_json(u, indicators::Openbaarheid::kIntern, std::string("0209"));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ((*doc)["gemeenten"][0]["naam"], "Beuningen, Gld");
  EXPECT_EQ((*doc)["regio"]["naam"], "Rijk van Nijmegen");
  // Re-import replaces by key.
  ASSERT_TRUE(
      store::importeer_gemeenten(d.store(), "gemeente,naam,regio\n0209,Beuningen,X\n").ok());
  auto s = d.snapshot();
  auto g = s.gemeente_index("0209");
  ASSERT_NE(g, UINT16_MAX);
  EXPECT_EQ(s.gemeente_naam[g], "Beuningen");
  EXPECT_EQ(s.regio_naam[s.gemeente_regio[g]], "X");
}

TEST(RegisterImport, FouteRegelSlaatNietsOp) {
  IndicatorGegevens d;
  auto r =
      store::importeer_gemeenten(d.store(), "gemeente,naam,regio\n0268,Nijmegen,R\n268,Kapot,R\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("regel 3"), std::string::npos);
  EXPECT_EQ(d.snapshot().gemeente_index("0268"), UINT16_MAX);
  EXPECT_FALSE(store::importeer_gemeenten(d.store(), "code,naam\n0268,Nijmegen\n").ok());
}

TEST(RegisterImport, ProductcatalogusGeeftHulpvorm) {
  IndicatorGegevens d;
  auto r = store::importeer_producten(
      d.store(),
      "productcategorie,productcode,omschrijving,eenheid,tarief_cent,hulpvorm,geldig_van,"
      "geldig_tot\n45,45A12,Ambulant,04,8500,02,2015-01-01,\n48,48001,OTS,14,5000,,2015-01-01,\n");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  auto k = d.kind(Date(2012, 1, 1));
  d.zorg(k, "0268", "11110000", "45", "2024-01-01", std::nullopt, "31", "45A12");
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(2)], 1u);
  EXPECT_FALSE(store::importeer_producten(
                   d.store(),
                   "productcategorie,productcode,omschrijving,eenheid,tarief_cent,hulpvorm,"
                   "geldig_van,geldig_tot\n45,45A12,Ambulant,04,8500,05,2015-01-01,\n")
                   .ok());
}

TEST(RegisterImport, Aanbieders) {
  IndicatorGegevens d;
  EXPECT_TRUE(store::importeer_aanbieders(d.store(),
                                          "agb,naam,soort\n12345678,Zorg BV,aanbieder\n"
                                          "87654321,GI Oost,gi\n")
                  .ok());
  EXPECT_FALSE(
      store::importeer_aanbieders(d.store(), "agb,naam,soort\n12345678,Zorg BV,anders\n").ok());
}

// DESIGN.md: the percentage's denominator is the population 0-17 on 1 January.
TEST(BevolkingImport, NoemerVanHetPercentage) {
  IndicatorGegevens d;
  std::string csv = "gemeente,jaar,leeftijd,aantal\n";
  for (int l = 0; l <= 22; ++l) csv += "0268,2024," + std::to_string(l) + ",100\n";
  csv += "0268,2023,5,7\n";
  auto r = store::importeer_bevolking(d.store(), csv);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->regels, 24);
  EXPECT_EQ(d.telling("2024H2", "0268").bevolking0tot17, 1800u);
  EXPECT_EQ(d.telling("2023", "0268").bevolking0tot17, 7u);
  EXPECT_FALSE(
      store::importeer_bevolking(d.store(), "gemeente,jaar,leeftijd,aantal\n0268,2024,5,-1\n")
          .ok());
}

// spec §3.2/§3.3: wijkteam care is hulpvorm 01, verwijzer 06; the jeugdige is the same one the
// messages know (BSN + geboortedatum), so herhaald beroep sees both.
TEST(WijkteamImport, ZelfdeJeugdigeAlsInDeBerichten) {
  IndicatorGegevens d;
  auto k = d.kind(Date(2012, 4, 1), 3);
  d.zorg(k, "0268", "11110000", "32", "2022-01-01", "2022-06-30", "31");
  std::string csv =
      "gemeente,bsn,geboortedatum,geslacht,begindatum,einddatum,reden_beeindiging\n"
      "0268," +
      test_bsn(3) +
      ",2012-04-01,2,2024-02-01,2024-05-31,31\n"
      "0268," +
      test_bsn(4) + ",2013-04-01,1,2024-03-01,,\n";
  auto r = store::importeer_wijkteam(d.store(), csv);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  auto t = d.telling("2024H1", "0268");
  EXPECT_EQ(t.hv_trajecten[model::hulpvorm_index(1)], 2u);
  EXPECT_EQ(t.verwijzer[model::verwijzer_index(6)], 2u);
  EXPECT_EQ(t.herhaald, 1u);
  EXPECT_EQ(t.beeindigd, 1u);
  // Re-import of the same file changes nothing.
  ASSERT_TRUE(store::importeer_wijkteam(d.store(), csv).ok());
  EXPECT_EQ(d.telling("2024H1", "0268").totaal, 2u);
}

TEST(WijkteamImport, OngeldigBsnZonderHetBsnInDeMelding) {
  IndicatorGegevens d;
  auto r = store::importeer_wijkteam(
      d.store(),
      "gemeente,bsn,geboortedatum,geslacht,begindatum,einddatum,reden_beeindiging\n"
      "0268,999900001,2012-04-01,2,2024-02-01,,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("elfproef"), std::string::npos);
  EXPECT_EQ(r.status().message().find("999900001"), std::string::npos);
}
