// Berichtoverstijgende rules on the declaratie (JW323) and its answer (JW325), from
// regels-ijw-3.2.csv, each through the whole import.
#include "import_fixture.h"
#include "store/sqlite_store.h"

namespace jr::testing {
namespace {

class Declaratie : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    // Toewijzing 1001: 4 uur per week, 2026-04-01 .. 2026-06-30 (13 weeks: 52 uur in total).
    auto r = importeer(ijw::write_xml(jw301(1001)));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }

  import::BerichtResultaat declareer(std::vector<ijw::Prestatie> p, std::string nummer = "DN1",
                                     std::string id = "D1", const char* bsn = kBsn,
                                     Date periode = Date(2026, 4, 1)) {
    return importeer(ijw::write_xml(jw323(nummer, std::move(p), id, bsn, periode)));
}
};  // namespace

TEST_F(Declaratie, GoedeDeclaratieWordtToegekend) {
  auto r = declareer({prestatie("RN1", 1001, 16)});
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("prestatie", "toegekend = 1"), 1);
  EXPECT_EQ(tel("declaratie", "toegekend_cent = 80000"), 1);
  EXPECT_EQ(r.retour_type, "JW325");
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  // TR342: only rejected prestaties are answered; there are none.
  EXPECT_EQ(r.retour_xml.find("<jw325:Prestatie>"), std::string::npos);
}

// A declaratie is judged per prestatie: partly accepted ('deels'), JW325 lists only the
// rejected one, with the granted total of the accepted ones.
TEST_F(Declaratie, DeelsToegekend) {
  auto r = declareer({prestatie("RN1", 1001, 4), prestatie("RN2", 5555, 4)});
  EXPECT_EQ(r.uitkomst, import::Uitkomst::deels) << codes(r);
  EXPECT_TRUE(heeft(r, "9338"));
  EXPECT_EQ(tel("prestatie", "toegekend = 1"), 1);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_NE(r.retour_xml.find("<ijw:ReferentieNummer>RN2</ijw:ReferentieNummer>"),
            std::string::npos);
  EXPECT_EQ(r.retour_xml.find("<ijw:ReferentieNummer>RN1</ijw:ReferentieNummer>"),
            std::string::npos);
  EXPECT_NE(r.retour_xml.find("<ijw:TotaalBedrag>20000</ijw:TotaalBedrag>"), std::string::npos);
}

// regels-ijw-3.2 TR338: a prestatie relates to a toewijzing by its number.
TEST_F(Declaratie, Tr338OnbekendeToewijzing) {
  auto r = declareer({prestatie("RN1", 5555)});
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9338")) << codes(r);
  EXPECT_EQ(tel("prestatie", "toegekend = 1"), 0);
}

// regels-ijw-3.2 TR304 (8187): the Bsn is that of the toewijzing's client.
TEST_F(Declaratie, Tr304BsnHoortNietBijToewijzing) {
  auto r = declareer({prestatie("RN1", 1001)}, "DN1", "D1", kBsn2);
  EXPECT_TRUE(heeft(r, "8187")) << codes(r);
}

// regels-ijw-3.2 TR307: ProductPeriode not before the toewijzing's Ingangsdatum.
TEST_F(Declaratie, Tr307VoorIngangsdatum) {
  auto r = declareer({prestatie("RN1", 1001, 4, Date(2026, 3, 1), Date(2026, 3, 31))});
  EXPECT_TRUE(heeft(r, "9307")) << codes(r);
}

// regels-ijw-3.2 TR308: ProductPeriode not after the toewijzing's Einddatum.
TEST_F(Declaratie, Tr308NaEinddatum) {
  auto r = declareer({prestatie("RN1", 1001, 4, Date(2026, 7, 1), Date(2026, 7, 31))}, "DN1", "D1",
                     kBsn, Date(2026, 7, 1));
  EXPECT_TRUE(heeft(r, "9308")) << codes(r);
}

// regels-ijw-3.2 TR314 (8021): ReferentieNummer unique for the aanbieder, also within the
// message (the published example repeats RN004).
TEST_F(Declaratie, Tr314ReferentieNummerTweeKeer) {
  auto r1 = declareer({prestatie("RN1", 1001, 4)});
  ASSERT_EQ(r1.uitkomst, import::Uitkomst::geaccepteerd) << codes(r1);
  auto r2 = declareer({prestatie("RN1", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN2", "D2",
                      kBsn, Date(2026, 5, 1));
  EXPECT_TRUE(heeft(r2, "8021")) << codes(r2);
}

// regels-ijw-3.2 TR319: ProductPeriode in the current or an earlier declaratieperiode.
TEST_F(Declaratie, Tr319ProductPeriodeNaDeclaratiePeriode) {
  auto r = declareer({prestatie("RN1", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))});
  EXPECT_TRUE(heeft(r, "9319")) << codes(r);
}

// regels-ijw-3.2 TR321: the prestatie fits the toegewezen volume of its period (4 uur per
// week over April: 5 weeks, 20 uur).
TEST_F(Declaratie, Tr321MeerDanToegewezenPerPeriode) {
  auto r = declareer({prestatie("RN1", 1001, 21)});
  EXPECT_TRUE(heeft(r, "9321")) << codes(r);
  auto ok = declareer({prestatie("RN2", 1001, 20)}, "DN2", "D2");
  EXPECT_EQ(ok.uitkomst, import::Uitkomst::geaccepteerd) << codes(ok);
}

// regels-ijw-3.2 TR322: the sum over all prestaties fits the toegewezen omvang over the
// whole toewijzing (13 weeks x 4 uur = 52 uur).
TEST_F(Declaratie, Tr322SomBovenToegewezenOmvang) {
  ASSERT_EQ(declareer({prestatie("RN1", 1001, 20)}).uitkomst, import::Uitkomst::geaccepteerd);
  ASSERT_EQ(declareer({prestatie("RN2", 1001, 20, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN2",
                      "D2", kBsn, Date(2026, 5, 1))
                .uitkomst,
            import::Uitkomst::geaccepteerd);
  auto r = declareer({prestatie("RN3", 1001, 13, Date(2026, 6, 1), Date(2026, 6, 30))}, "DN3", "D3",
                     kBsn, Date(2026, 6, 1));
  EXPECT_TRUE(heeft(r, "9322")) << codes(r);
  auto ok = declareer({prestatie("RN4", 1001, 12, Date(2026, 6, 1), Date(2026, 6, 30))}, "DN4",
                      "D4", kBsn, Date(2026, 6, 1));
  EXPECT_EQ(ok.uitkomst, import::Uitkomst::geaccepteerd) << codes(ok);
}

// regels-ijw-3.2 TR322 inside one declaratie: an accepted prestatie counts towards the sum
// for the next one in the same message, a rejected one does not, and a credit subtracts.
TEST_F(Declaratie, Tr322SomBinnenEenDeclaratie) {
  // April 20 fits; May 21 is over May's 20 (TR321); June 12 fits only if May is not counted
  // (20 + 21 + 12 = 53 > 52).
  auto r = declareer(
      {prestatie("RN1", 1001, 20), prestatie("RN2", 1001, 21, Date(2026, 5, 1), Date(2026, 5, 31)),
       prestatie("RN3", 1001, 12, Date(2026, 6, 1), Date(2026, 6, 30))},
      "DN1", "D1", kBsn, Date(2026, 6, 1));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::deels) << codes(r);
  EXPECT_TRUE(heeft(r, "9321")) << codes(r);
  EXPECT_FALSE(heeft(r, "9322")) << codes(r);
  EXPECT_EQ(tel("prestatie", "toegekend = 1"), 2);
  auto r2 = declareer({prestatie("RN4", 1001, 20, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN2",
                      "D2", kBsn, Date(2026, 6, 1));
  ASSERT_EQ(r2.uitkomst, import::Uitkomst::geaccepteerd) << codes(r2);  // 52: all of it

  // A debet that reads the sum (rejected: April has a debet), then a credit of May's 20, then
  // May again with 20: fits only if the credit counts (52 - 20 + 20).
  auto c = prestatie("RN6", 1001, 20, Date(2026, 5, 1), Date(2026, 5, 31));
  c.ingediend_bedrag.debet_credit = "C";
  c.vorig_referentie_nummer = "RN4";
  auto r3 = declareer({prestatie("RN5", 1001, 1), c,
                       prestatie("RN7", 1001, 20, Date(2026, 5, 1), Date(2026, 5, 31))},
                      "DN3", "D3", kBsn, Date(2026, 6, 1));
  EXPECT_TRUE(heeft(r3, "9389")) << codes(r3);  // and 9322 for RN5: 52 + 1
  EXPECT_EQ(tel("prestatie", "toegekend = 1 AND referentie_nummer IN ('RN6', 'RN7')"), 2);
}

// One importer keeps the toewijzingen it read across its batches (detail::ToewijzingCache).
// A JW301 that changes a toewijzing in the same batch is seen by the next declaratie ...
TEST_F(Declaratie, ToewijzingGewijzigdInDezelfdeBatch) {
  import::Importer imp(*store_, *validator_, clock_, opties_);
  auto r1 = imp.import_bytes(ijw::write_xml(jw323("DN1", {prestatie("RN1", 1001, 4)}, "D1")), "1");
  auto t = jw301(1001, "T2");
  t.producten[0].einddatum = Date(2026, 4, 30);
  t.producten[0].reden_wijziging = "02";
  auto r2 = imp.import_bytes(ijw::write_xml(t), "2");
  auto r3 = imp.import_bytes(
      ijw::write_xml(jw323("DN2", {prestatie("RN2", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))},
                           "D2", kBsn, Date(2026, 5, 1))),
      "3");
  ASSERT_TRUE(imp.flush().ok());
  ASSERT_EQ(r1.uitkomst, import::Uitkomst::geaccepteerd) << codes(r1);
  ASSERT_EQ(r2.uitkomst, import::Uitkomst::geaccepteerd) << codes(r2);
  EXPECT_TRUE(heeft(r3, "9308")) << codes(r3);  // May is after the new Einddatum
}

// ... and so is a change another process commits between two batches (Store::data_versie).
TEST_F(Declaratie, ToewijzingGewijzigdDoorAnderProces) {
  import::Importer imp(*store_, *validator_, clock_, opties_);
  auto r1 = imp.import_bytes(ijw::write_xml(jw323("DN1", {prestatie("RN1", 1001, 4)}, "D1")), "1");
  ASSERT_TRUE(imp.flush().ok());
  ASSERT_EQ(r1.uitkomst, import::Uitkomst::geaccepteerd) << codes(r1);
  {
    auto ander = store::open_sqlite_store({dir_ / "jr.sqlite", {}, false}, clock_);
    ASSERT_TRUE(ander.ok()) << ander.status().to_string();
    ASSERT_TRUE(static_cast<store::SqliteStore&>(**ander)
                    .db()
                    .exec("UPDATE toewijzing SET einddatum = '2026-04-30' WHERE "
                          "toewijzing_nummer = 1001")
                    .ok());
  }
  auto r2 = imp.import_bytes(
      ijw::write_xml(jw323("DN2", {prestatie("RN2", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))},
                           "D2", kBsn, Date(2026, 5, 1))),
      "2");
  ASSERT_TRUE(imp.flush().ok());
  EXPECT_TRUE(heeft(r2, "9308")) << codes(r2);
}

// regels-ijw-3.2 TR323 (8017): a credit reverses an earlier accepted debet.
TEST_F(Declaratie, Tr323CreditZonderDebet) {
  auto c = prestatie("RN9", 1001, 4);
  c.ingediend_bedrag.debet_credit = "C";
  c.vorig_referentie_nummer = "RN1";
  auto r = declareer({c});
  EXPECT_TRUE(heeft(r, "8017")) << codes(r);
}

// regels-ijw-3.2 TR389: no second debet for the same toewijzing, product and period unless
// the first was credited; TR390: a debet is credited only once.
TEST_F(Declaratie, Tr389EnTr390DebetCredit) {
  ASSERT_EQ(declareer({prestatie("RN1", 1001, 4)}).uitkomst, import::Uitkomst::geaccepteerd);
  auto dubbel = declareer({prestatie("RN2", 1001, 4)}, "DN2", "D2");
  EXPECT_TRUE(heeft(dubbel, "9389")) << codes(dubbel);

  auto c = prestatie("RN3", 1001, 4);
  c.ingediend_bedrag.debet_credit = "C";
  c.vorig_referentie_nummer = "RN1";
  auto credit = declareer({c}, "DN3", "D3");
  EXPECT_EQ(credit.uitkomst, import::Uitkomst::geaccepteerd) << codes(credit);

  c.referentie_nummer = "RN4";
  auto nogmaals = declareer({c}, "DN4", "D4");
  EXPECT_TRUE(heeft(nogmaals, "9390")) << codes(nogmaals);

  auto opnieuw = declareer({prestatie("RN5", 1001, 3)}, "DN5", "D5");
  EXPECT_EQ(opnieuw.uitkomst, import::Uitkomst::geaccepteerd) << codes(opnieuw);
}

// regels-ijw-3.2 TR333: DeclaratieNummer unique for the aanbieder.
TEST_F(Declaratie, Tr333DeclaratieNummerTweeKeer) {
  ASSERT_EQ(declareer({prestatie("RN1", 1001, 4)}).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = declareer({prestatie("RN2", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN1", "D2",
                     kBsn, Date(2026, 5, 1));
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "9333")) << codes(r);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
  EXPECT_EQ(tel("declaratie"), 1);
}

// regels-ijw-3.2 TR339, TR340: ProductCategorie and ProductCode as toegewezen.
TEST_F(Declaratie, Tr339Tr340AnderProduct) {
  auto p = prestatie("RN1", 1001, 4);
  p.product_categorie = "44";
  p.product_code = "44A01";
  auto r = declareer({p});
  EXPECT_TRUE(heeft(r, "9339")) << codes(r);
  EXPECT_TRUE(heeft(r, "9340")) << codes(r);
}

// regels-ijw-3.2 TR341: Eenheid as toegewezen; minutes on a toewijzing in hours are fine.
TEST_F(Declaratie, Tr341Eenheid) {
  auto p = prestatie("RN1", 1001, 4);
  p.eenheid = "14";
  auto r = declareer({p});
  EXPECT_TRUE(heeft(r, "9341")) << codes(r);
  auto m = prestatie("RN2", 1001, 240);
  m.eenheid = "01";
  m.product_tarief = 100;
  m.ingediend_bedrag.bedrag = 24000;
  auto ok = declareer({m}, "DN2", "D2");
  EXPECT_FALSE(heeft(ok, "9341")) << codes(ok);
}

// regels-ijw-3.2 TR369: the sum fits the toegewezen budget.
TEST_F(Declaratie, Tr369BovenBudget) {
  auto t = jw301(1002, "T2");
  t.producten[0].omvang.reset();
  t.producten[0].product->code.reset();
  t.producten[0].budget = 30000;
  auto tr = importeer(ijw::write_xml(t));
  ASSERT_EQ(tr.uitkomst, import::Uitkomst::geaccepteerd) << codes(tr);
  auto r = declareer({prestatie("RN1", 1002, 8)});  // 400.00 > 300.00
  EXPECT_TRUE(heeft(r, "9369")) << codes(r);
}

// regels-ijw-3.2 TR384: no declaring on a removed toewijzing (RedenWijziging 13).
TEST_F(Declaratie, Tr384VerwijderdeToewijzing) {
  auto t = jw301(1001, "T2");
  t.producten[0].reden_wijziging = "13";
  t.producten[0].einddatum = t.producten[0].ingangsdatum;
  auto tr = importeer(ijw::write_xml(t));
  ASSERT_EQ(tr.uitkomst, import::Uitkomst::geaccepteerd) << codes(tr);
  auto r = declareer({prestatie("RN1", 1001, 4)});
  EXPECT_TRUE(heeft(r, "9384")) << codes(r);
}

// regels-ijw-3.2 TR387: ProductPeriode begins on the first of the month (or the toewijzing's
// Ingangsdatum); TR388: ends on the last of that month (or the toewijzing's Einddatum).
TEST_F(Declaratie, Tr387Tr388Kalendermaand) {
  auto r = declareer({prestatie("RN1", 1001, 4, Date(2026, 4, 2), Date(2026, 4, 29))});
  EXPECT_TRUE(heeft(r, "9387")) << codes(r);
  EXPECT_TRUE(heeft(r, "9388")) << codes(r);
}

// regels-ijw-3.2 TR418 (0611): the contracted tariff, checked when the catalogue has it.
TEST_F(Declaratie, Tr418TariefUitCatalogus) {
  // Without the product in the catalogue, the tariff is not checked.
  auto zonder = declareer({prestatie("RN1", 1001, 4)});
  EXPECT_EQ(zonder.uitkomst, import::Uitkomst::geaccepteerd) << codes(zonder);
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "jr.sqlite").c_str(), &db);
  sqlite3_exec(db,
               "INSERT INTO product (categorie, code, eenheid, tarief_cent) "
               "VALUES ('45', '45A03', '04', 4500)",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto r = declareer({prestatie("RN2", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN2", "D2",
                     kBsn, Date(2026, 5, 1));
  EXPECT_TRUE(heeft(r, "0611")) << codes(r);
}

// regels-ijw-3.2 TR318 (8214): care in the month after the previous declaratieperiode is
// declared in that month's declaratie, not skipped.
TEST_F(Declaratie, Tr318PeriodeOvergeslagen) {
  ASSERT_EQ(declareer({prestatie("RN1", 1001, 4)}).uitkomst, import::Uitkomst::geaccepteerd);
  auto r = declareer({prestatie("RN2", 1001, 4, Date(2026, 5, 1), Date(2026, 5, 31))}, "DN2", "D2",
                     kBsn, Date(2026, 6, 1));
  EXPECT_TRUE(heeft(r, "8214")) << codes(r);
}

}  // namespace jr::testing
// regels-ijw-3.2 TR381 (S329): a prestatie whose ProductCode is not in the catalogue's code
// list of its ProductCategorie is rejected on its own.
TEST_F(Declaratie, Tr381ProductCodeNietInCategorie) {
  catalogus("45", "45A05");
  auto r = declareer({prestatie("RN1", 1001, 4)});
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "S329")) << codes(r);
  EXPECT_EQ(tel("prestatie", "toegekend = 1"), 0);
  EXPECT_TRUE(xsd_geldig(r.retour_xml));
}

}  // namespace jr::testing
