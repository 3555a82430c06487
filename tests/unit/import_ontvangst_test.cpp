// The aanbieder's retour on what the gemeente sent (JW302 on a JW301, JW320 on a JW319): it
// marks the sent message received or rejected, under its own identification.
#include "import_fixture.h"

namespace jr::testing {
namespace {

class ImportOntvangst : public ImportTest {
 protected:
  // A JW319 (antwoord: verzoek afgewezen) the gemeente sent, stored as the casework would
  // store it: outgoing, status 'verzonden'. Its id.
  int64_t verzonden_jw319(const std::string& id) {
    jw319_ = std::string(
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jw319:Bericht xmlns:jw319=\"http://"
                 "www.istandaarden.nl/ijw/3_2/jw319/schema\" xmlns:ijw=\"http://"
                 "www.istandaarden.nl/ijw/3_2/basisschema/schema\"><jw319:Header><jw319:"
                 "BerichtCode>488</jw319:BerichtCode><jw319:BerichtVersie>3</"
                 "jw319:BerichtVersie><jw319:BerichtSubversie>2</jw319:BerichtSubversie><jw319:"
                 "Afzender>") +
             kGemeente + "</jw319:Afzender><jw319:Ontvanger>" + kAanbieder +
             "</jw319:Ontvanger><jw319:BerichtIdentificatie><ijw:Identificatie>" + id +
             "</ijw:Identificatie><ijw:Dagtekening>2026-09-05</ijw:Dagtekening></"
             "jw319:BerichtIdentificatie><jw319:XsdVersie><ijw:BasisschemaXsdVersie>0.1.0</"
             "ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>0.1.0</ijw:BerichtXsdVersie></"
             "jw319:XsdVersie></jw319:Header><jw319:Antwoord><jw319:ReferentieAanbieder>W-REF</"
             "jw319:ReferentieAanbieder><jw319:VerzoekAntwoord>1</"
             "jw319:VerzoekAntwoord><jw319:RedenAfwijzingVerzoek>2</"
             "jw319:RedenAfwijzingVerzoek></jw319:Antwoord></jw319:Bericht>\n";
    EXPECT_TRUE(xsd_geldig(jw319_));
    EXPECT_TRUE(validator_->validate(jw319_).geldig());
    store::BerichtRecord b;
    b.richting = "uit";
    b.berichttype = "JW319";
    b.afzender = kGemeente;
    b.ontvanger = kAanbieder;
    b.identificatie = id;
    b.dagtekening = "2026-09-05";
    b.inhoud_sha256 = store::sha256_hex(jw319_);
    b.xml = jw319_;
    b.status = "verzonden";
    EXPECT_TRUE(store_->begin().ok());
    auto r = store_->bewaar_bericht(b);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    EXPECT_TRUE(store_->commit().ok());
    return r.ok() ? *r : 0;
  }

  // The aanbieder's retour on `heen` (of type `type`): RetourCodes `codes` on the Client (of a
  // JW319: the Antwoord), 0200 elsewhere.
  static std::string retour_op(ijw::Berichttype type, const std::string& heen,
                               ijw::Codes codes = {}, std::string id = "A1") {
    auto doc = ijw::parse_xml(heen);
    EXPECT_TRUE(doc.ok());
    ijw::Oordeel o;
    o.client = std::move(codes);
    ijw::RetourGegevens g;
    g.identificatie = std::move(id);
    g.dagtekening = Date(2026, 9, 6);
    g.xsd = ijw::xsd_versie(standaard_dir(), *ijw::retour_van(type));
    auto x = ijw::bouw_retour(type, doc->get(), o, g);
    EXPECT_TRUE(x.ok()) << x.status().to_string();
    return x.ok() ? *x : std::string();
  }

  std::string jw319_;
};

// Uitgaand (issue 16): the JW320 on a sent JW319 marks it received, under the JW320's own
// identification (the aanbieder sends it, with its IdentificatieRetour).
TEST_F(ImportOntvangst, Jw320MarkeertJw319AlsOntvangen) {
  const int64_t heen = verzonden_jw319("AW1");
  const std::string jw320 = retour_op(ijw::Berichttype::JW319, jw319_);
  ASSERT_TRUE(xsd_geldig(jw320));
  auto r = importeer(jw320, "jw320.xml");
  EXPECT_EQ(r.berichttype, "JW320");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r) << r.melding;
  EXPECT_TRUE(r.retour_xml.empty());  // a retour is not answered
  ASSERT_TRUE(r.bericht_id);
  auto b = store_->lees_bericht(heen);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->ontvangst, std::optional<std::string>("ontvangen"));
  EXPECT_EQ(b->ontvangst_bericht_id, r.bericht_id);
  auto ontvangen = store_->lees_bericht(*r.bericht_id);
  ASSERT_TRUE(ontvangen.ok());
  EXPECT_EQ(ontvangen->richting, "in");
  EXPECT_EQ(ontvangen->afzender, kAanbieder);
  EXPECT_EQ(ontvangen->ontvanger, kGemeente);
  EXPECT_EQ(ontvangen->identificatie, "A1");
  EXPECT_EQ(ontvangen->status, "geaccepteerd");
}

// A JW320 with a RetourCode other than 0200 marks the JW319 rejected by the aanbieder.
TEST_F(ImportOntvangst, Jw320MetAfkeuringMarkeertAfgekeurd) {
  const int64_t heen = verzonden_jw319("AW1");
  auto r = importeer(retour_op(ijw::Berichttype::JW319, jw319_, {"9355"}), "jw320.xml");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  auto b = store_->lees_bericht(heen);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->ontvangst, std::optional<std::string>("afgekeurd"));
}

// A JW320 on a JW319 that was never sent (here: another Identificatie) marks nothing and is
// kept as rejected, with the reason in the summary.
TEST_F(ImportOntvangst, Jw320ZonderVerzondenJw319) {
  const int64_t heen = verzonden_jw319("AW1");
  std::string ander = jw319_;
  ander.replace(ander.find(">AW1<"), 5, ">AW9<");
  auto r = importeer(retour_op(ijw::Berichttype::JW319, ander), "jw320.xml");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_NE(r.melding.find("JW319"), std::string::npos) << r.melding;
  auto b = store_->lees_bericht(heen);
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(b->ontvangst);
  EXPECT_EQ(tel("bericht", "berichttype = 'JW320' AND status = 'afgekeurd'"), 1);
}

// A second retour with the same IdentificatieRetour is TR056's, not an operational error; a
// later retour with its own identification replaces the marking.
TEST_F(ImportOntvangst, TweedeRetour) {
  const int64_t heen = verzonden_jw319("AW1");
  ASSERT_EQ(importeer(retour_op(ijw::Berichttype::JW319, jw319_), "a.xml").uitkomst,
            import::Uitkomst::geaccepteerd);
  auto dubbel = importeer(retour_op(ijw::Berichttype::JW319, jw319_, {"9355"}), "b.xml");
  EXPECT_EQ(dubbel.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(dubbel, "9056")) << codes(dubbel);
  EXPECT_EQ(store_->lees_bericht(heen)->ontvangst, std::optional<std::string>("ontvangen"));
  auto later = importeer(retour_op(ijw::Berichttype::JW319, jw319_, {"9355"}, "A2"), "c.xml");
  EXPECT_EQ(later.uitkomst, import::Uitkomst::geaccepteerd) << codes(later);
  EXPECT_EQ(store_->lees_bericht(heen)->ontvangst, std::optional<std::string>("afgekeurd"));
}

// An aanbieder's upload (API token) takes its own retour: the JW320's sender is the aanbieder,
// the Ontvanger of the JW319 it repeats.
TEST_F(ImportOntvangst, UploadDoorDeAanbieder) {
  const int64_t heen = verzonden_jw319("AW1");
  opties_.afzender = kAanbieder;
  auto r = importeer(retour_op(ijw::Berichttype::JW319, jw319_), "jw320.xml");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << r.melding;
  EXPECT_EQ(store_->lees_bericht(heen)->ontvangst, std::optional<std::string>("ontvangen"));
  opties_.afzender = "12345678";
  auto ander = importeer(retour_op(ijw::Berichttype::JW319, jw319_, {}, "A3"), "jw320.xml");
  EXPECT_EQ(ander.uitkomst, import::Uitkomst::andere_afzender);
}

// The JW302 on a sent JW301 marks it the same way.
TEST_F(ImportOntvangst, Jw302MarkeertJw301) {
  const std::string jw301_xml = ijw::write_xml(jw301(1001));
  auto t = importeer(jw301_xml);
  ASSERT_EQ(t.uitkomst, import::Uitkomst::geaccepteerd);
  auto r = importeer(retour_op(ijw::Berichttype::JW301, jw301_xml), "jw302.xml");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r) << r.melding;
  auto b = store_->lees_bericht(*t.bericht_id);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->ontvangst, std::optional<std::string>("ontvangen"));
  EXPECT_EQ(b->ontvangst_bericht_id, r.bericht_id);
}

}  // namespace
}  // namespace jr::testing
