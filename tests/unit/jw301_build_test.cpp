// Building a JW301 from a stored toewijzing: validates (XSD and in-message rules), reads
// back into the same values, reads the identity through lees_jeugdige (audit event), and
// the command line writes it.
#include "casework/jw301.h"
#include "ijw/reader.h"
#include "import_fixture.h"

namespace jr::testing {
namespace {

class Jw301Bouwen : public ImportTest {
 protected:
  FixedClock mei_{Date(2026, 5, 1)};  // while both toewijzingen are current

  void SetUp() override {
    ImportTest::SetUp();
    // The verzoek the first product honours (TR379).
    auto v = importeer(ijw::write_xml(jw315("REF1", "V1")));
    ASSERT_EQ(v.uitkomst, import::Uitkomst::geaccepteerd) << codes(v);
    auto t = jw301(1001);
    t.producten[0].referentie_aanbieder = "REF1";
    auto tweede = t.producten[0];
    tweede.toewijzing_nummer = 1002;
    tweede.referentie_aanbieder.reset();
    tweede.product = ijw::Product{"43", std::nullopt};
    tweede.omvang.reset();
    tweede.budget = 120000;
    t.producten.push_back(tweede);
    auto r = importeer(ijw::write_xml(t));
    ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  }
};

TEST_F(Jw301Bouwen, GeldigEnTerugTeLezen) {
  ASSERT_TRUE(store_->begin().ok());
  auto b = casework::bouw_jw301(*store_, mei_, standaard_dir(), *validator_, kGemeente, 1001, {});
  ASSERT_TRUE(b.ok()) << b.status().to_string();
  ASSERT_TRUE(store_->commit().ok());
  auto v = validator_->validate(b->xml);
  ASSERT_TRUE(v.fout.ok()) << v.fout.to_string();
  for (const auto& f : v.findings)
    ADD_FAILURE() << f.regelcode << " " << f.xpath << " " << f.melding;
  ASSERT_TRUE(v.bericht.has_value());
  const auto& m = std::get<ijw::Jw301>(*v.bericht);
  EXPECT_EQ(m.bsn, kBsn);
  EXPECT_EQ(m.geboortedatum.datum, Date(2010, 2, 14));
  EXPECT_EQ(m.naam.geslachtsnaam.achternaam, "Proef");
  EXPECT_EQ(m.header.afzender, kGemeente);
  EXPECT_EQ(m.header.ontvanger, kAanbieder);
  ASSERT_EQ(m.producten.size(), 2u);  // both current toewijzingen at this aanbieder
  EXPECT_EQ(m.producten[0].toewijzing_nummer, 1001);
  EXPECT_EQ(m.producten[0].referentie_aanbieder, std::optional<std::string>("REF1"));
  ASSERT_TRUE(m.producten[0].omvang.has_value());
  EXPECT_EQ(m.producten[0].omvang->volume, 4);
  EXPECT_EQ(m.producten[0].einddatum, std::optional<Date>(Date(2026, 6, 30)));
  EXPECT_EQ(m.producten[1].budget, std::optional<int64_t>(120000));
  // The identity was read through lees_jeugdige: one audit event; the message is stored.
  EXPECT_EQ(tel("audit_event", "handeling = 'lezen' AND object_type = 'jeugdige'"), 1);
  EXPECT_EQ(tel("bericht", "richting = 'uit' AND berichttype = 'JW301'"), 2);
}

TEST_F(Jw301Bouwen, OnbekendeToewijzing) {
  ASSERT_TRUE(store_->begin().ok());
  auto b = casework::bouw_jw301(*store_, mei_, standaard_dir(), *validator_, kGemeente, 4242, {});
  store_->rollback();
  EXPECT_EQ(b.status().code(), StatusCode::kNotFound);
}

// Every built message carries a new BerichtIdentificatie (TR056).
TEST_F(Jw301Bouwen, NieuweIdentificatie) {
  ASSERT_TRUE(store_->begin().ok());
  auto a = casework::bouw_jw301(*store_, mei_, standaard_dir(), *validator_, kGemeente, 1001, {});
  auto b = casework::bouw_jw301(*store_, mei_, standaard_dir(), *validator_, kGemeente, 1002, {});
  ASSERT_TRUE(store_->commit().ok());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->bericht.header.identificatie, b->bericht.header.identificatie);
}

TEST_F(Jw301Bouwen, CommandLine) {
  store_.reset();  // release the database for the command
  std::string out = (dir_ / "jw301.xml").string();
  std::string cmd = binary() + " --standaard " + standaard_dir().string() +
                    " toewijzing jw301 --db " + (dir_ / "jr.sqlite").string() +
                    " --gemeente 0268 --nummer 1002 --out " + out;
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto v = validator_->validate(read_all(out));
  EXPECT_TRUE(v.geldig());
  ASSERT_TRUE(v.bericht.has_value());
  bool gevraagd = false;
  for (const auto& p : std::get<ijw::Jw301>(*v.bericht).producten)
    gevraagd = gevraagd || p.toewijzing_nummer == 1002;
  EXPECT_TRUE(gevraagd);
}

}  // namespace
}  // namespace jr::testing
