// Contract management on a real store: registers with their audit events, declaraties that
// the import accepted or refused (with their retourcodes) flowing into the plafond, the plafond
// check when a verzoek is toegewezen (warning or refusal), and waiting times from the stored
// messages.
#include <cmath>
#include <cstdlib>

#include "contracts/beheer.h"
#include "import_fixture.h"
#include "store/registers.h"

namespace jr::testing {
namespace {

class Contracten : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    ASSERT_TRUE(store::importeer_aanbieders(*store_,
                                            "agb,naam,soort\n"
                                            "65656055,Jeugdhulp Proef,aanbieder\n"
                                            "99000009,GI Proef,gi\n")
                    .ok());
    beheer_ = std::make_unique<contracts::Contractbeheer>(*store_, clock_);
    // 45A03 at 50.00 per hour, as the fixture's prestaties declare.
    contracts::ProductRegel p{"45", "45A03", "Ambulant", "04", 5000, "02", Date(2015, 1, 1), {}};
    ASSERT_TRUE(beheer_->bewaar_product(p, ctx_).ok());
  }

  contracts::Budgetplafond plafond(int64_t cent, std::string bij = "waarschuwen") {
    contracts::Budgetplafond p;
    p.aanbieder = kAanbieder;
    p.jaar = 2026;
    p.bedrag_cent = cent;
    p.bij_overschrijding = std::move(bij);
    return p;
  }

  import::BerichtResultaat declareer(std::vector<ijw::Prestatie> p, std::string nummer,
                                     std::string id) {
    return importeer(ijw::write_xml(jw323(nummer, std::move(p), id)));
}

store::AuditContext ctx_;
std::unique_ptr<contracts::Contractbeheer> beheer_;
};  // namespace

// Declaraties reach the plafond only when the import accepted them: a prestatie refused with
// retourcode 9338 (TR338, unknown toewijzing) does not count; a credit line (TR389/TR390)
// cancels its debet.
TEST_F(Contracten, GeaccepteerdeDeclaratiesMetCreditregelsInHetPlafond) {
  // Toewijzing 1001: 4 uur per week, 2026-04-01 .. 2026-06-30.
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  ASSERT_TRUE(beheer_->maak_plafond(plafond(400000), ctx_).ok());

  auto r1 = declareer({prestatie("RN1", 1001, 16), prestatie("RN2", 5555, 4)}, "DN1", "D1");
  EXPECT_EQ(r1.uitkomst, import::Uitkomst::deels) << codes(r1);
  EXPECT_TRUE(heeft(r1, "9338")) << codes(r1);
  auto c = prestatie("RN3", 1001, 16);
  c.ingediend_bedrag.debet_credit = "C";
  c.vorig_referentie_nummer = "RN1";
  ASSERT_EQ(declareer({c}, "DN2", "D2").uitkomst, import::Uitkomst::geaccepteerd);
  auto r3 = declareer({prestatie("RN4", 1001, 12)}, "DN3", "D3");
  ASSERT_EQ(r3.uitkomst, import::Uitkomst::geaccepteerd) << codes(r3);
  // A second debet for April without a credit is refused (TR389, 9389) and does not count.
  auto r4 = declareer({prestatie("RN5", 1001, 4)}, "DN4", "D4");
  EXPECT_TRUE(heeft(r4, "9389")) << codes(r4);

  auto standen = beheer_->plafondstanden(2026);
  ASSERT_TRUE(standen.ok()) << standen.status().to_string();
  ASSERT_EQ(standen->size(), 1u);
  const auto& s = (*standen)[0].stand;
  EXPECT_EQ(s.gerealiseerd, 12 * 5000);  // 80,000 - 80,000 + 60,000
  EXPECT_EQ(s.gedeclareerd_tot, Date(2026, 4, 30));
  // Committed: 1 May - 30 June, 4 hours a week at 50.00 (each month rounded to the cent).
  EXPECT_EQ(s.verplicht,
            std::llround(31.0 * 4.0 / 7.0 * 5000.0) + std::llround(30.0 * 4.0 / 7.0 * 5000.0));
  EXPECT_EQ(s.prognose, s.gerealiseerd + s.verplicht);
  EXPECT_EQ(s.lopende_toewijzingen, 1);
  EXPECT_DOUBLE_EQ(*s.gebruik_pct, 15.0);

  auto v = beheer_->voorzieningen(2026);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->empty());  // no gemeenten in the register in this fixture
}

// GIs and landelijk ingekochte zorg have no plafond (seed 002), through the API and the CSV.
TEST_F(Contracten, GeenPlafondVoorGiOfLandelijkeInkoop) {
  auto p = plafond(100000);
  p.aanbieder = "99000009";
  auto r = beheer_->maak_plafond(p, ctx_);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  auto csv = store::importeer_budgetplafonds(
      *store_,
      "aanbieder,jaar,gemeente,productcategorie,bedrag_cent,bij_overschrijding\n"
      "65656055,2026,,,100000,weigeren\n"
      "99000009,2026,,,100000,\n");
  EXPECT_EQ(csv.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(csv.status().message().find("regel 3"), std::string::npos);
  EXPECT_EQ(tel("budgetplafond"), 0);  // all or nothing
  ASSERT_TRUE(
      beheer_
          ->wijzig_aanbieder({kAanbieder, "Jeugdhulp Proef", "aanbieder", true}, std::nullopt, ctx_)
          .ok());
  EXPECT_EQ(beheer_->maak_plafond(plafond(100000), ctx_).status().code(),
            StatusCode::kInvalidArgument);
}

// Every change to the registers writes one audit event, in the same transaction.
TEST_F(Contracten, ElkeWijzigingGeaudit) {
  const int64_t voor = tel("audit_event");
  auto p = beheer_->maak_plafond(plafond(100000), ctx_);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(beheer_->maak_plafond(plafond(200000), ctx_).status().code(),
            StatusCode::kAlreadyExists);
  auto w = plafond(150000);
  ASSERT_TRUE(beheer_->wijzig_plafond(p->id, w, std::nullopt, ctx_).ok());
  EXPECT_EQ(beheer_->lees_plafond(p->id)->bedrag_cent, 150000);
  ASSERT_TRUE(beheer_->verwijder_plafond(p->id, std::nullopt, ctx_).ok());
  EXPECT_EQ(beheer_->verwijder_plafond(p->id, std::nullopt, ctx_).code(), StatusCode::kNotFound);
  contracts::Contract c{0,  "JH-1",          kAanbieder, "inspanning", Date(2026, 1, 1),
                        {}, {"0268", "0209"}};
  auto gemaakt = beheer_->maak_contract(c, ctx_);
  ASSERT_TRUE(gemaakt.ok()) << gemaakt.status().to_string();
  EXPECT_EQ(gemaakt->gemeenten.size(), 2u);
  EXPECT_EQ(beheer_->maak_contract(c, ctx_).status().code(), StatusCode::kAlreadyExists);
  ASSERT_TRUE(beheer_->zet_norm("37", 2, std::nullopt, ctx_).ok());
  EXPECT_EQ(beheer_->verwijder_norm("*", std::nullopt, ctx_).code(),
            StatusCode::kFailedPrecondition);
  // maak, wijzig, verwijder plafond; maak contract; zet norm: five changes, five events.
  EXPECT_EQ(tel("audit_event") - voor, 5);
  EXPECT_EQ(tel("audit_event", "object_type = 'budgetplafond' AND handeling = 'wijzigen'"), 3);
  EXPECT_EQ(tel("audit_event", "object_type = 'contract'"), 1);

  // CSV imports write one event per line.
  const int64_t voor_csv = tel("audit_event");
  ASSERT_TRUE(
      store::importeer_contracten(*store_,
                                  "kenmerk,aanbieder,soort,ingangsdatum,einddatum,gemeenten\n"
                                  "JH-2,65656055,output,2026-01-01,2026-12-31,0268;0209\n"
                                  "JH-1,65656055,inspanning,2025-01-01,,0268\n")
          .ok());
  EXPECT_EQ(tel("audit_event") - voor_csv, 2);
  EXPECT_EQ(tel("contract_gemeente"), 3);  // JH-1 now has only 0268
}

// Toewijzen of a verzoek: a plafond that says weigeren refuses a toewijzing that would exceed
// it (nothing written, the verzoek stays open); one that says waarschuwen lets it through with
// the message.
TEST_F(Contracten, ToewijzingBovenHetPlafondWeigerenOfWaarschuwen) {
  // Verzoek: 4 uur per week from 2026-06-01 to 2026-12-31 = 214 days x 4/7 x 50.00.
  ASSERT_EQ(importeer(ijw::write_xml(jw315("REF1", "V1"))).uitkomst,
            import::Uitkomst::geaccepteerd);
  const int64_t kosten = std::llround(214.0 * 4.0 / 7.0 * 5000.0);
  auto p = beheer_->maak_plafond(plafond(kosten - 100, "weigeren"), ctx_);
  ASSERT_TRUE(p.ok());
  auto voorzet = beheer_->toets({kAanbieder, kGemeente, "45", "45A03", Date(2026, 6, 1),
                                 Date(2026, 12, 31), 4, "04", "2", std::nullopt});
  ASSERT_TRUE(voorzet.ok());
  ASSERT_EQ(voorzet->size(), 1u);
  EXPECT_EQ((*voorzet)[0].toets.extra, kosten);
  EXPECT_TRUE((*voorzet)[0].weigeren);

  const int64_t verzoek_id = 1;
  auto geweigerd = beheer_->maak_toewijzing({verzoek_id, {}, {}, {}, {}}, ctx_);
  ASSERT_TRUE(geweigerd.ok()) << geweigerd.status().to_string();
  ASSERT_TRUE(geweigerd->geweigerd);
  ASSERT_EQ(geweigerd->meldingen.size(), 1u);
  EXPECT_TRUE(geweigerd->meldingen[0].weigeren);
  EXPECT_NE(geweigerd->meldingen[0].melding.find("budgetplafond"), std::string::npos);
  EXPECT_NE(geweigerd->meldingen[0].melding.find("geweigerd"), std::string::npos);
  EXPECT_EQ(tel("toewijzing"), 0);
  EXPECT_EQ(tel("verzoek", "status = 'ontvangen'"), 1);

  // A shorter toewijzing fits under the plafond.
  auto korter = beheer_->toets({kAanbieder, kGemeente, "45", "45A03", Date(2026, 6, 1),
                                Date(2026, 11, 30), 4, "04", "2", std::nullopt});
  EXPECT_FALSE((*korter)[0].toets.overschreden);

  auto w = plafond(kosten - 100, "waarschuwen");
  ASSERT_TRUE(beheer_->wijzig_plafond(p->id, w, std::nullopt, ctx_).ok());
  const int64_t audit_voor = tel("audit_event", "object_type = 'toewijzing'");
  auto gemaakt = beheer_->maak_toewijzing({verzoek_id, {}, {}, {}, {}}, ctx_);
  ASSERT_TRUE(gemaakt.ok()) << gemaakt.status().to_string();
  ASSERT_EQ(gemaakt->meldingen.size(), 1u);
  EXPECT_TRUE(gemaakt->meldingen[0].toets.overschreden);
  EXPECT_FALSE(gemaakt->meldingen[0].weigeren);
  EXPECT_NE(gemaakt->meldingen[0].melding.find("boven het budgetplafond"), std::string::npos);
  EXPECT_EQ(gemaakt->toewijzing.toewijzing_nummer, 1);
  EXPECT_EQ(gemaakt->toewijzing.toewijzingsdatum, Date(2026, 9, 10));
  EXPECT_EQ(tel("toewijzing", "verzoek_id = 1"), 1);
  EXPECT_EQ(tel("verzoek", "status = 'toegewezen'"), 1);
  EXPECT_EQ(tel("audit_event", "object_type = 'toewijzing'") - audit_voor, 1);
  EXPECT_EQ(tel("audit_event", "object_type = 'toewijzing' AND pseudoniem IS NOT NULL"), 1);
  // Answered once only.
  EXPECT_EQ(beheer_->maak_toewijzing({verzoek_id, {}, {}, {}, {}}, ctx_).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(beheer_->maak_toewijzing({99, {}, {}, {}, {}}, ctx_).status().code(),
            StatusCode::kNotFound);

  // Now committed in the plafond's forecast: the toewijzing runs after the declared-to date.
  auto standen = beheer_->plafondstanden(2026);
  EXPECT_LE(std::llabs((*standen)[0].stand.verplicht - kosten), 7);  // rounded per month
  EXPECT_EQ(contracts::signaal((*standen)[0].stand.prognose_pct), 100);

  // The new toewijzing waits: aanmelding is the JW315's dagtekening (2026-09-01).
  auto gevallen = beheer_->wachtgevallen();
  ASSERT_TRUE(gevallen.ok());
  ASSERT_EQ(gevallen->size(), 1u);
  EXPECT_EQ((*gevallen)[0].bron, "jw315");
  EXPECT_EQ((*gevallen)[0].aanmelding, Date(2026, 9, 1));
  EXPECT_EQ(*beheer_->stand_gegevens(), Date(2026, 9, 10));
  EXPECT_EQ(contracts::fase((*gevallen)[0], Date(2026, 9, 10)), contracts::Fase::kWachtend);
}

// Waiting times from the messages: a toewijzing without a verzoek is measured from the
// beschikking (toewijzingsdatum) to the JW305 begindatum; one that ended without a start is a
// start that never came.
TEST_F(Contracten, WachttijdUitStartberichten) {
  ASSERT_EQ(importeer(ijw::write_xml(jw301(1001))).uitkomst, import::Uitkomst::geaccepteerd);
  auto t2 = jw301(1002, "T2", kBsn2);
  ASSERT_EQ(importeer(ijw::write_xml(t2)).uitkomst, import::Uitkomst::geaccepteerd);
  auto s = importeer(ijw::write_xml(jw305(1001, Date(2026, 4, 15), "S1")));
  ASSERT_EQ(s.uitkomst, import::Uitkomst::geaccepteerd) << codes(s);
  auto gevallen = beheer_->wachtgevallen();
  ASSERT_TRUE(gevallen.ok());
  ASSERT_EQ(gevallen->size(), 2u);
  const auto& g1 = (*gevallen)[0];
  EXPECT_EQ(g1.bron, "beschikking");
  ASSERT_TRUE(g1.start);
  EXPECT_EQ(days_between(g1.aanmelding, *g1.start), 21);  // 2026-03-25 .. 2026-04-15
  const auto& g2 = (*gevallen)[1];
  EXPECT_FALSE(g2.start);
  // Toewijzing 1002 ended on 2026-06-30 without a start.
  EXPECT_EQ(contracts::fase(g2, Date(2026, 9, 1)), contracts::Fase::kNooitGestart);
  EXPECT_EQ(contracts::fase(g2, Date(2026, 5, 1)), contracts::Fase::kWachtend);
}

}  // namespace jr::testing
}  // namespace jr::testing
