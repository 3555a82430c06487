// The toegang's work on a real store (src/casework on SqliteStore): an aanmelding makes a gezin
// and a werkvoorraad item of the team, moves between gezinnen are kept, a received JW315
// becomes an item of its gezin, plan versions cannot be lost, a maatwerk besluit makes the
// toewijzing and a valid JW301 in the outbox, a refusing plafond writes nothing, and answers
// to a verzoek are valid JW319s.
#include "casework/casework.h"

#include "ijw/reader.h"
#include "ijw/retour.h"
#include "ijw/xml.h"
#include "import_fixture.h"
#include "store/sqlite_store.h"

namespace jr::testing {
namespace {

class Casework : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    ASSERT_TRUE(store_->begin().ok());
    for (const char* n : {"consulent", "regisseur", "buiten"}) {
      store::Gebruiker g;
      g.gebruikersnaam = n;
      g.wachtwoord_hash = "x";
      g.rol = std::string(n) == "regisseur" ? "regisseur" : "jeugdconsulent";
      g.gemeente = kGemeente;
      ASSERT_TRUE(store_->voeg_gebruiker_toe(g, "2026-01-01T00:00:00Z").ok());
    }
    auto t = store_->maak_team({0, kGemeente, "Wijkteam Oost", "wijkteam"});
    ASSERT_TRUE(t.ok());
    team_ = *t;
    ASSERT_TRUE(store_->voeg_teamlid_toe(team_, "consulent").ok());
    ASSERT_TRUE(store_->commit().ok());
    catalogus("45", "45A03");
    ASSERT_TRUE(store_->begin().ok());
    auto& db = static_cast<store::SqliteStore&>(*store_).db();
    ASSERT_TRUE(db.exec("INSERT INTO aanbieder (agb, naam) VALUES ('65656055', 'Oost')").ok());
    ASSERT_TRUE(store_->commit().ok());
    contracten_ = std::make_unique<contracts::Contractbeheer>(*store_, clock_);
    cw_ = std::make_unique<casework::Casework>(*store_, *contracten_, clock_);
    cw_->berichten(*validator_, standaard_dir());
  }

  casework::NieuweAanmelding aanmelding(const char* bsn = kBsn) {
    casework::NieuweAanmelding a;
    a.gemeente = kGemeente;
    a.jeugdige.bsn = bsn;
    a.jeugdige.geboortedatum = Date(2012, 3, 14);
    a.jeugdige.achternaam = "Visser";
    a.jeugdige.voornamen = "Sanne";
    store::Gezinslid o;
    o.soort = "ouder";
    o.ouder = store::OuderIdentiteit{"Petra",  "",         "Visser", "0612345678", "", "Lindenlaan",
                                     "6512AB", "Nijmegen", 12};
    o.relatie = "10";
    o.gezag = true;
    a.ouders.push_back(o);
    a.vindplaats = "huisarts";
    a.urgentie = "normaal";
    a.vraag = "Zorgen over slapen en school";
    a.toestemming_delen = true;
    return a;
  }

  casework::NieuwBesluit maatwerk(Date begin = Date(2026, 10, 1)) {
    casework::NieuwBesluit b;
    b.lid = 1;
    b.soort = "maatwerk";
    b.ingangsdatum = begin;
    b.einddatum = Date(2026, 12, 31);
    b.motivering = "Lichte hulp was niet genoeg";
    b.beschikking = casework::NieuweBeschikking{kAanbieder, "45", "45A03", 4, std::nullopt, "2"};
    return b;
  }

  casework::Medewerker consulent_{"consulent", false, std::string(kGemeente)};
  casework::Medewerker regisseur_{"regisseur", true, std::string(kGemeente)};
  casework::Medewerker buiten_{"buiten", false, std::string(kGemeente)};  // no team
  store::AuditContext ctx_;
  int64_t team_ = 0;
  std::unique_ptr<contracts::Contractbeheer> contracten_;
  std::unique_ptr<casework::Casework> cw_;
};

TEST_F(Casework, AanmeldingMaaktGezinEnWerkvoorraadVanHetTeam) {
  auto r = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_TRUE(r->nieuw_gezin);
  EXPECT_EQ(r->lid, 1);
  auto w = cw_->werkvoorraad(consulent_, ctx_);
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].item.gezin_id, r->gezin);
  EXPECT_EQ((*w)[0].item.team_id, std::optional<int64_t>(team_));
  EXPECT_EQ((*w)[0].status, "nieuw");
  EXPECT_EQ((*w)[0].termijn_soort, "eerste-contact");
  EXPECT_EQ((*w)[0].termijn, Date(2026, 9, 17));  // 5 werkdagen after Thursday 2026-09-10
  EXPECT_EQ((*w)[0].besluittermijn, std::optional<Date>(Date(2026, 11, 5)));
  // The question and the ouder's name are sealed in the store.
  EXPECT_EQ(tel("aanmelding", "CAST(inhoud AS TEXT) LIKE '%slapen%'"), 0);
  EXPECT_EQ(tel("gezinslid", "soort = 'ouder' AND CAST(identiteit AS TEXT) LIKE '%Petra%'"), 0);
  // Someone without a team sees nothing.
  auto leeg = cw_->werkvoorraad(buiten_, ctx_);
  ASSERT_TRUE(leeg.ok());
  EXPECT_TRUE(leeg->empty());
}

TEST_F(Casework, BsnZonderElfproefSchrijftNiets) {
  auto r = cw_->meld_aan(aanmelding("999900007"), consulent_, ctx_);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tel("gezin"), 0);
  EXPECT_EQ(tel("jeugdige"), 0);
}

TEST_F(Casework, EenJeugdigeInEenGezinTegelijkVerhuizingenBewaard) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  // A second aanmelding of the same jeugdige lands in the same gezin, ouder not added twice.
  auto b = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->gezin, a->gezin);
  EXPECT_FALSE(b->nieuw_gezin);
  EXPECT_EQ(tel("gezinslid"), 2);
  // A move to another gezin ends the first membership and keeps it.
  auto ander = cw_->meld_aan(aanmelding(kBsn2), consulent_, ctx_);
  ASSERT_TRUE(ander.ok());
  clock_.advance(std::chrono::hours(24 * 3));
  auto verhuisd = aanmelding();
  verhuisd.gezin = ander->gezin;
  verhuisd.ouders.clear();
  auto c = cw_->meld_aan(verhuisd, consulent_, ctx_);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->gezin, ander->gezin);
  EXPECT_EQ(tel("gezinslid", "jeugdige_id IS NOT NULL AND tot IS NULL"), 2);
  EXPECT_EQ(tel("gezinslid", "gezin_id = " + std::to_string(a->gezin) + " AND tot = '2026-09-13'"),
            1);
}

TEST_F(Casework, NeedToKnowRegisseurAlleenZijnGezinnen) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(cw_->dossier(a->gezin, regisseur_, ctx_).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(cw_->dossier(a->gezin, buiten_, ctx_).status().code(), StatusCode::kPermissionDenied);
  auto g = cw_->zet_regisseur(a->gezin, "regisseur", Versie(1), consulent_, ctx_);
  ASSERT_TRUE(g.ok()) << g.status().to_string();
  const int64_t voor = tel("audit_event", "handeling = 'lezen'");
  auto d = cw_->dossier(a->gezin, regisseur_, ctx_);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  ASSERT_EQ(d->leden.size(), 2u);
  EXPECT_EQ(d->leden[0].jeugdige->achternaam, "Visser");
  EXPECT_EQ(d->leden[1].lid.ouder->voornamen, "Petra");
  EXPECT_EQ(d->aanmeldingen[0].vraag, "Zorgen over slapen en school");
  // The identity read, the dossier read per jeugdige and the ouders: three events.
  EXPECT_EQ(tel("audit_event", "handeling = 'lezen'") - voor, 3);
  // The regisseur's version moved on: an edit from version 1 is refused.
  EXPECT_EQ(cw_->zet_regisseur(a->gezin, std::nullopt, Versie(1), consulent_, ctx_).status().code(),
            StatusCode::kAborted);
}

TEST_F(Casework, PlanversiesGaanNietVerloren) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  casework::NieuwPlan p;
  p.doelen.push_back({"opvoeden-en-opgroeien", 1, "Rust in huis", "Sanne slaapt door",
                      Date(2026, 12, 1), std::nullopt});
  p.afspraken.push_back({"aanbieder", std::string(kAanbieder), "Begeleiding thuis"});
  p.instemmingen.push_back({2, true, std::nullopt});  // the ouder with gezag; Sanne is 14
  auto v1 = cw_->nieuw_gezinsplan(a->gezin, p, Versie(0), consulent_, ctx_);
  ASSERT_TRUE(v1.ok()) << v1.status().to_string();
  EXPECT_EQ(v1->plan.versie, 1);
  EXPECT_FALSE(v1->instemming_compleet);  // 12-15: Sanne must agree too
  ASSERT_EQ(v1->instemming.size(), 1u);
  EXPECT_EQ(v1->instemming[0].ontbreekt, std::vector<int64_t>{1});
  p.instemmingen.push_back({1, true, std::nullopt});
  auto v2 = cw_->nieuw_gezinsplan(a->gezin, p, Versie(1), consulent_, ctx_);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->plan.versie, 2);
  EXPECT_TRUE(v2->instemming_compleet);
  // Someone who also started from version 1 is refused; nothing is written.
  auto laat = cw_->nieuw_gezinsplan(a->gezin, p, Versie(1), consulent_, ctx_);
  EXPECT_EQ(laat.status().code(), StatusCode::kAborted);
  EXPECT_EQ(cw_->nieuw_gezinsplan(a->gezin, p, Versie(0), consulent_, ctx_).status().code(),
            StatusCode::kAborted);
  EXPECT_EQ(tel("gezinsplan"), 2);
  // The evaluation: each goal behaald, deels or niet-behaald.
  p.doelen[0].evaluatie = "deels";
  auto v3 = cw_->nieuw_gezinsplan(a->gezin, p, Versie(2), consulent_, ctx_);
  ASSERT_TRUE(v3.ok());
  auto alle = cw_->gezinsplannen(a->gezin, consulent_, ctx_);
  ASSERT_TRUE(alle.ok());
  ASSERT_EQ(alle->size(), 3u);
  EXPECT_EQ(alle->back().plan.doelen[0].evaluatie, std::optional<std::string>("deels"));
  EXPECT_EQ(alle->front().plan.doelen[0].doel, "Rust in huis");
  // Planning picked the item up: first contact today.
  auto w = cw_->werkvoorraad(consulent_, ctx_);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ((*w)[0].item.medewerker, std::optional<std::string>("consulent"));
  EXPECT_EQ((*w)[0].termijn_soort, "besluit");
}

TEST_F(Casework, MaatwerkMaaktToewijzingEnGeldigeJw301InDeUitbak) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  auto b = cw_->neem_besluit(a->gezin, maatwerk(), consulent_, ctx_);
  ASSERT_TRUE(b.ok()) << b.status().to_string();
  ASSERT_FALSE(b->geweigerd);
  ASSERT_TRUE(b->toewijzing.has_value());
  EXPECT_EQ(b->besluit.bezwaar_tot, std::optional<Date>(Date(2026, 10, 22)));
  EXPECT_EQ(b->toewijzing->eenheid, std::optional<std::string>("04"));  // from the catalogue
  // The aanmelding is decided: the werkvoorraad is empty.
  auto w = cw_->werkvoorraad(consulent_, ctx_);
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(w->empty());
  // The aanbieder fetches the JW301; it validates and names the toewijzing.
  auto u = cw_->haal_uitgaand_op(kAanbieder, ctx_);
  ASSERT_TRUE(u.ok()) << u.status().to_string();
  ASSERT_EQ(u->size(), 1u);
  auto v = validator_->validate((*u)[0].xml);
  ASSERT_TRUE(v.geldig()) << (v.findings.empty() ? v.fout.to_string() : v.findings[0].xpath);
  const auto& m = std::get<ijw::Jw301>(*v.bericht);
  EXPECT_EQ(m.bsn, kBsn);
  ASSERT_EQ(m.producten.size(), 1u);
  EXPECT_EQ(m.producten[0].toewijzing_nummer, b->toewijzing->toewijzing_nummer);
  EXPECT_EQ(tel("uitgaand", "status = 'opgehaald'"), 1);
  EXPECT_EQ(tel("audit_event", "handeling = 'exporteren'"), 1);
  // Fetched but not yet confirmed: offered again. The aanbieder's JW302 on it, through the
  // import, marks it received: the outbox offers it no more.
  ASSERT_EQ(cw_->haal_uitgaand_op(kAanbieder, ctx_)->size(), 1u);
  auto heen = ijw::parse_xml((*u)[0].xml);
  ASSERT_TRUE(heen.ok());
  ijw::RetourGegevens g;
  g.identificatie = "R1";
  g.dagtekening = Date(2026, 9, 11);
  g.xsd = ijw::xsd_versie(standaard_dir(), ijw::Berichttype::JW302);
  auto jw302 = ijw::bouw_retour(ijw::Berichttype::JW301, heen->get(), ijw::Oordeel{}, g);
  ASSERT_TRUE(jw302.ok()) << jw302.status().to_string();
  auto r = importeer(*jw302, "jw302.xml");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << r.melding;
  EXPECT_EQ(tel("uitgaand", "status = 'ontvangen'"), 1);
  EXPECT_TRUE(cw_->haal_uitgaand_op(kAanbieder, ctx_)->empty());
}

TEST_F(Casework, WeigerendPlafondSchrijftNiets) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(store_->begin().ok());
  store::Budgetplafond p;
  p.aanbieder = kAanbieder;
  p.jaar = 2026;
  p.bedrag_cent = 100;
  p.bij_overschrijding = "weigeren";
  ASSERT_TRUE(store_->maak_plafond(p).ok());
  ASSERT_TRUE(store_->commit().ok());
  const int64_t audit = tel("audit_event");
  auto b = cw_->neem_besluit(a->gezin, maatwerk(), consulent_, ctx_);
  ASSERT_TRUE(b.ok()) << b.status().to_string();
  EXPECT_TRUE(b->geweigerd);
  ASSERT_FALSE(b->meldingen.empty());
  EXPECT_EQ(tel("toewijzing"), 0);
  EXPECT_EQ(tel("besluit"), 0);
  EXPECT_EQ(tel("bericht", "richting = 'uit'"), 0);
  EXPECT_EQ(tel("uitgaand"), 0);
  EXPECT_EQ(tel("audit_event"), audit);
  EXPECT_EQ(tel("werkitem", "afgehandeld_op IS NULL"), 1);
}

TEST_F(Casework, OnbekendProductOfEinddatumVoorIngangSchrijftNiets) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  auto b = maatwerk();
  b.beschikking->productcode = "45A99";
  EXPECT_EQ(cw_->neem_besluit(a->gezin, b, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);
  b = maatwerk();
  b.beschikking->aanbieder = "11111111";
  EXPECT_EQ(cw_->neem_besluit(a->gezin, b, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);
  b = maatwerk(Date(2027, 2, 1));  // after the einddatum
  EXPECT_EQ(cw_->neem_besluit(a->gezin, b, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(tel("besluit"), 0);
  EXPECT_EQ(tel("toewijzing"), 0);
}

TEST_F(Casework, WijkteamTeltAlsWijkteamzorg) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  casework::NieuwBesluit b;
  b.lid = 1;
  b.soort = "wijkteam";
  b.ingangsdatum = Date(2026, 9, 14);
  auto r = cw_->neem_besluit(a->gezin, b, consulent_, ctx_);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(tel("wijkteam_traject", "gemeente = '0268' AND begindatum = '2026-09-14'"), 1);
}

TEST_F(Casework, Jw315WordtWerkInHetGezinEnKrijgtGeldigeJw319) {
  auto r = importeer(ijw::write_xml(jw315("REF1", "V1")));
  ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("werkitem", "soort = 'verzoek'"), 1);
  EXPECT_EQ(tel("gezinslid"), 1);  // a new gezin with the jeugdige
  auto w = cw_->werkvoorraad(consulent_, ctx_);
  ASSERT_TRUE(w.ok());
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].termijn, Date(2026, 9, 8));  // OP274: 5 werkdagen after 2026-09-01
  EXPECT_TRUE((*w)[0].verlopen);
  auto open = cw_->open_verzoeken(consulent_, ctx_);
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  const int64_t id = (*open)[0].verzoek.id;
  // In onderzoek: a JW319 with VerzoekAntwoord 2, and only once (TR360).
  casework::VerzoekAntwoord onderzoek;
  onderzoek.antwoord = "onderzoek";
  auto o = cw_->beantwoord_verzoek(id, onderzoek, consulent_, ctx_);
  ASSERT_TRUE(o.ok()) << o.status().to_string();
  EXPECT_EQ(o->berichttype, "JW319");
  EXPECT_EQ(cw_->beantwoord_verzoek(id, onderzoek, consulent_, ctx_).status().code(),
            StatusCode::kFailedPrecondition);
  // Refused for woonplaatsbeginsel: reden 8 with the responsible gemeente.
  casework::VerzoekAntwoord af;
  af.antwoord = "afwijzen";
  af.reden = "8";
  EXPECT_EQ(cw_->beantwoord_verzoek(id, af, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);  // TR377: no gemeente
  af.woonplaats_gemeente = "0252";
  auto x = cw_->beantwoord_verzoek(id, af, consulent_, ctx_);
  ASSERT_TRUE(x.ok()) << x.status().to_string();
  EXPECT_EQ(tel("verzoek", "status = 'afgewezen'"), 1);
  auto u = cw_->haal_uitgaand_op(kAanbieder, ctx_);
  ASSERT_TRUE(u.ok());
  ASSERT_EQ(u->size(), 2u);
  for (const auto& b : *u) {
    EXPECT_EQ(b.berichttype, "JW319");
    EXPECT_TRUE(xsd_geldig(b.xml));
  }
  EXPECT_NE((*u)[1].xml.find("<jw319:RedenAfwijzingVerzoek>8<"), std::string::npos);
  EXPECT_NE((*u)[1].xml.find("<jw319:Gemeente>0252<"), std::string::npos);
  EXPECT_NE((*u)[0].xml.find("<jw319:VerzoekAntwoord>2<"), std::string::npos);
  // Answered: no longer open, and no further answer.
  EXPECT_TRUE(cw_->werkvoorraad(consulent_, ctx_)->empty());
  EXPECT_EQ(cw_->beantwoord_verzoek(id, onderzoek, consulent_, ctx_).status().code(),
            StatusCode::kFailedPrecondition);
}

// A JW317 (verzoek om wijziging) is werk for the toegang too. It is answered as a whole: in
// onderzoek or afgewezen by a JW319 that validates; toewijzen (new toewijzingen per product)
// is not offered yet and writes nothing.
TEST_F(Casework, Jw317WordtWerkEnKrijgtGeldigeJw319) {
  auto t = jw301(1001);
  t.producten[0].einddatum = Date(2026, 12, 31);
  ASSERT_EQ(importeer(ijw::write_xml(t)).uitkomst, import::Uitkomst::geaccepteerd);
  auto m = jw317("W-REF", "W1");
  m.te_wijzigen.push_back(te_wijzigen(1001));
  auto r = importeer(ijw::write_xml(m), "jw317.xml");
  ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  EXPECT_EQ(tel("werkitem", "soort = 'verzoek'"), 1);
  auto open = cw_->open_verzoeken(consulent_, ctx_);
  ASSERT_TRUE(open.ok()) << open.status().to_string();
  ASSERT_EQ(open->size(), 1u);
  const auto& v = (*open)[0].verzoek;
  EXPECT_EQ(v.soort, "wijziging");
  EXPECT_EQ(v.reden_verzoek, std::optional<std::string>("1"));
  EXPECT_FALSE(v.ingangsdatum.has_value());
  casework::VerzoekAntwoord toe;
  toe.antwoord = "toewijzen";
  EXPECT_EQ(cw_->beantwoord_verzoek(v.id, toe, consulent_, ctx_).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(tel("uitgaand"), 0);
  casework::VerzoekAntwoord af;
  af.antwoord = "afwijzen";
  af.reden = "2";
  auto x = cw_->beantwoord_verzoek(v.id, af, consulent_, ctx_);
  ASSERT_TRUE(x.ok()) << x.status().to_string();
  EXPECT_EQ(x->berichttype, "JW319");
  EXPECT_EQ(tel("verzoek", "soort = 'wijziging' AND status = 'afgewezen'"), 1);
  auto u = cw_->haal_uitgaand_op(kAanbieder, ctx_);
  ASSERT_TRUE(u.ok() && u->size() == 1);
  EXPECT_TRUE(validator_->validate((*u)[0].xml).geldig());
  EXPECT_NE((*u)[0].xml.find("<jw319:ReferentieAanbieder>W-REF<"), std::string::npos);
  // The aanbieder's JW320 with a rejection code marks it afgekeurd in the outbox.
  auto heen = ijw::parse_xml((*u)[0].xml);
  ASSERT_TRUE(heen.ok());
  ijw::Oordeel o;
  o.client = {"0001"};
  ijw::RetourGegevens g;
  g.identificatie = "R2";
  g.dagtekening = Date(2026, 9, 11);
  g.xsd = ijw::xsd_versie(standaard_dir(), ijw::Berichttype::JW320);
  auto jw320 = ijw::bouw_retour(ijw::Berichttype::JW319, heen->get(), o, g);
  ASSERT_TRUE(jw320.ok()) << jw320.status().to_string();
  EXPECT_EQ(importeer(*jw320, "jw320.xml").uitkomst, import::Uitkomst::geaccepteerd);
  EXPECT_EQ(tel("uitgaand", "status = 'afgekeurd'"), 1);
}

TEST_F(Casework, VerzoekToewijzenBouwtJw301) {
  auto r = importeer(ijw::write_xml(jw315("REF1", "V1")));
  ASSERT_EQ(r.uitkomst, import::Uitkomst::geaccepteerd) << codes(r);
  auto open = cw_->open_verzoeken(consulent_, ctx_);
  ASSERT_TRUE(open.ok() && open->size() == 1);
  casework::VerzoekAntwoord t;
  t.antwoord = "toewijzen";
  // The JW315 brings no address, and the JW301 needs one: refused, nothing written.
  EXPECT_EQ(cw_->beantwoord_verzoek((*open)[0].verzoek.id, t, consulent_, ctx_).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(tel("toewijzing"), 0);
  EXPECT_EQ(tel("verzoek", "status = 'ontvangen'"), 1);
  // An aanmelding of the same jeugdige adds its ouder with the household's address to the gezin.
  auto a = aanmelding();
  a.jeugdige.geboortedatum = Date(2010, 2, 14);
  auto g = cw_->meld_aan(a, consulent_, ctx_);
  ASSERT_TRUE(g.ok()) << g.status().to_string();
  EXPECT_FALSE(g->nieuw_gezin);
  auto x = cw_->beantwoord_verzoek((*open)[0].verzoek.id, t, consulent_, ctx_);
  ASSERT_TRUE(x.ok()) << x.status().to_string();
  EXPECT_EQ(x->berichttype, "JW301");
  EXPECT_EQ(tel("verzoek", "status = 'toegewezen'"), 1);
  auto u = cw_->haal_uitgaand_op(kAanbieder, ctx_);
  ASSERT_TRUE(u.ok() && u->size() == 1);
  auto v = validator_->validate((*u)[0].xml);
  ASSERT_TRUE(v.geldig()) << (v.findings.empty() ? v.fout.to_string() : v.findings[0].regelcode);
  const auto& m = std::get<ijw::Jw301>(*v.bericht);
  EXPECT_EQ(m.producten[0].referentie_aanbieder, std::optional<std::string>("REF1"));
  ASSERT_EQ(m.contactgegevens.size(), 1u);
  EXPECT_EQ(m.contactgegevens[0].adres->postcode, std::optional<std::string>("6512AB"));
  // The ouder is a Relatie with her COD472 relation (10 ouder).
  ASSERT_EQ(m.relaties.size(), 1u);
  EXPECT_EQ(m.relaties[0].soort, "10");
  EXPECT_EQ(m.relaties[0].naam.geslachtsnaam.achternaam, "Visser");
  // Outside the teams' gemeenten: refused.
  EXPECT_EQ(cw_->open_verzoeken(buiten_, ctx_)->size(), 0u);
}

TEST_F(Casework, VraagverhelderingPerLeefgebied) {
  auto a = cw_->meld_aan(aanmelding(), consulent_, ctx_);
  ASSERT_TRUE(a.ok());
  casework::NieuweVraagverheldering v;
  v.scores.push_back({"opvoeden-en-opgroeien", std::nullopt, 2, "veel ruzie"});
  v.sterke_punten = "betrokken oma";
  ASSERT_TRUE(cw_->leg_vraagverheldering_vast(a->gezin, v, consulent_, ctx_).ok());
  // Big 5 is for jongeren from 16; Sanne is 14.
  v.scores = {{"big5-school-en-werk", 1, 3, ""}};
  EXPECT_EQ(cw_->leg_vraagverheldering_vast(a->gezin, v, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);
  v.scores = {{"onbekend", std::nullopt, 3, ""}};
  EXPECT_EQ(cw_->leg_vraagverheldering_vast(a->gezin, v, consulent_, ctx_).status().code(),
            StatusCode::kInvalidArgument);
  auto d = cw_->dossier(a->gezin, consulent_, ctx_);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->vraagverhelderingen.size(), 1u);
  EXPECT_EQ(d->vraagverhelderingen[0].sterke_punten, "betrokken oma");
  EXPECT_EQ(d->vraagverhelderingen[0].scores[0].score, 2);
  EXPECT_EQ(d->leefgebieden.size(), 11u);
}

}  // namespace
}  // namespace jr::testing
