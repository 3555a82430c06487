// The toegang's API: an aanmelding to a besluit through HTTP, the werkvoorraad of the caller's
// team, need-to-know on the dossier, bad input as problem+json with nothing written, the lost
// update of a plan version, a refusing plafond (409), and the aanbieder fetching its JW301.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

class ServerCasework : public ::testing::Test {
 protected:
  void SetUp() override {
    fx_ = std::make_unique<ServerFixture>();
    fx_->ontvang_berichten();
    fx_->bron().met_store([](store::Store& s) {
      auto t = s.maak_team({0, "0268", "Wijkteam Nijmegen", "wijkteam"});
      if (!t.ok() || !s.voeg_teamlid_toe(*t, "jeugdconsulent-0268").ok())
        throw std::runtime_error("team");
    });
  }

  int64_t tel(const std::string& tabel, const std::string& waar = "1") {
    return fx_->bron().met_store([&](store::Store& s) {
      auto& q = static_cast<store::SqliteStore&>(s).db().prepare("SELECT COUNT(*) FROM " + tabel +
                                                                 " WHERE " + waar);
      int64_t n = q.step() ? q.int64(0) : -1;
      q.reset();
      return n;
    });
  }

  static json aanmelding(const std::string& bsn = "999990019") {
    return {{"gemeente", "0268"},
            {"jeugdige",
             {{"bsn", bsn},
              {"geboortedatum", "2012-03-14"},
              {"achternaam", "Visser"},
              {"voornamen", "Sanne"}}},
            {"ouders",
             {{{"voornamen", "Petra"},
               {"achternaam", "Visser"},
               {"relatie", "10"},
               {"gezag", true},
               {"adres",
                {{"straat", "Lindenlaan"},
                 {"huisnummer", 12},
                 {"postcode", "6512AB"},
                 {"plaats", "Nijmegen"}}}}}},
            {"vindplaats", "huisarts"},
            {"vraag", "Slaapt slecht"},
            {"urgentie", "normaal"},
            {"toestemmingDelen", true}};
  }

  static json maatwerk() {
    return {{"lid", 1},
            {"soort", "maatwerk"},
            {"ingangsdatum", "2024-08-01"},
            {"einddatum", "2024-12-31"},
            {"motivering", "nodig"},
            {"beschikking",
             {{"aanbieder", "12345678"},
              {"productcategorie", "32"},
              {"productcode", "32A01"},
              {"volume", 4},
              {"frequentie", "2"}}}};
  }

  int64_t meld_aan(httplib::Client& c) {
    auto r = c.Post("/api/v1/aanmeldingen", aanmelding().dump(), "application/json");
    EXPECT_TRUE(r && r->status == 201) << (r ? r->body : "");
    return json::parse(r->body)["gezin"].get<int64_t>();
  }

  std::unique_ptr<ServerFixture> fx_;
};

TEST_F(ServerCasework, AanmeldingTotBesluitEnDeAanbiederHaaltDeJw301Op) {
  auto c = fx_->client("jeugdconsulent-0268");
  auto r = c.Post("/api/v1/aanmeldingen", aanmelding().dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const auto a = json::parse(r->body);
  const int64_t gezin = a["gezin"];
  EXPECT_EQ(a["lid"], 1);
  EXPECT_EQ(r->get_header_value("Location"), "/api/v1/gezinnen/" + std::to_string(gezin));

  auto w = c.Get("/api/v1/werkvoorraad");
  ASSERT_TRUE(w && w->status == 200) << (w ? w->body : "");
  auto items = json::parse(w->body)["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["gezin"], gezin);
  EXPECT_EQ(items[0]["dagenOpen"], 0);
  EXPECT_EQ(items[0]["termijn"], "2024-07-22");  // 5 werkdagen after Monday 2024-07-15
  EXPECT_EQ(items[0]["besluittermijn"], "2024-09-09");

  auto d = c.Get("/api/v1/gezinnen/" + std::to_string(gezin));
  ASSERT_TRUE(d && d->status == 200) << (d ? d->body : "");
  auto dossier = json::parse(d->body);
  EXPECT_EQ(dossier["leden"][0]["achternaam"], "Visser");
  EXPECT_EQ(dossier["leden"][1]["voornamen"], "Petra");
  EXPECT_EQ(d->get_header_value("ETag"), "\"1\"");

  // The first plan needs If-None-Match: *; the second If-Match of the first.
  json plan = {
      {"doelen",
       {{{"leefgebied", "opvoeden-en-opgroeien"},
         {"lid", 1},
         {"doel", "rust"},
         {"resultaat", "slaapt door"},
         {"evaluatiedatum", "2024-12-01"}}}},
      {"instemmingen", {{{"lid", 1}, {"instemming", true}}, {{"lid", 2}, {"instemming", true}}}}};
  const std::string pad = "/api/v1/gezinnen/" + std::to_string(gezin) + "/gezinsplannen";
  auto zonder = c.Post(pad, plan.dump(), "application/json");
  ASSERT_TRUE(zonder);
  EXPECT_EQ(zonder->status, 428);
  auto p1 = c.Post(pad, {{"If-None-Match", "*"}}, plan.dump(), "application/json");
  ASSERT_TRUE(p1 && p1->status == 201) << (p1 ? p1->body : "");
  EXPECT_TRUE(json::parse(p1->body)["instemmingCompleet"].get<bool>());
  auto p2 = c.Post(pad, {{"If-Match", "\"1\""}}, plan.dump(), "application/json");
  ASSERT_TRUE(p2 && p2->status == 201) << (p2 ? p2->body : "");
  auto verloren = c.Post(pad, {{"If-Match", "\"1\""}}, plan.dump(), "application/json");
  ASSERT_TRUE(verloren);
  EXPECT_EQ(verloren->status, 412) << verloren->body;
  EXPECT_EQ(tel("gezinsplan"), 2);

  auto b = c.Post("/api/v1/gezinnen/" + std::to_string(gezin) + "/besluiten", maatwerk().dump(),
                  "application/json");
  ASSERT_TRUE(b && b->status == 201) << (b ? b->body : "");
  auto besluit = json::parse(b->body);
  EXPECT_EQ(besluit["besluit"]["beschikking"]["bezwaartermijnTot"], "2024-08-26");
  EXPECT_EQ(besluit["bericht"]["berichttype"], "JW301");
  EXPECT_TRUE(json::parse(c.Get("/api/v1/werkvoorraad")->body)["items"].empty());

  auto t = fx_->token_client();
  auto u = t.Get("/api/v1/berichten?richting=uitgaand");
  ASSERT_TRUE(u && u->status == 200) << (u ? u->body : "");
  auto berichten = json::parse(u->body)["berichten"];
  ASSERT_EQ(berichten.size(), 1u);
  EXPECT_EQ(berichten[0]["berichttype"], "JW301");
  EXPECT_NE(berichten[0]["xml"].get<std::string>().find("<jw301:Bsn>999990019<"),
            std::string::npos);
  EXPECT_EQ(t.Get("/api/v1/berichten")->status, 400);
}

TEST_F(ServerCasework, NeedToKnow) {
  auto c = fx_->client("jeugdconsulent-0268");
  const int64_t gezin = meld_aan(c);
  const std::string pad = "/api/v1/gezinnen/" + std::to_string(gezin);
  // A consulent without a team of this gemeente, a regisseur who does not direct it.
  for (const char* wie : {"jeugdconsulent", "regisseur-0268"}) {
    auto r = fx_->client(wie).Get(pad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << wie;
    EXPECT_EQ(json::parse(r->body)["code"], "permission-denied") << wie;
  }
  // Roles without person-level rights never see a dossier.
  for (const char* wie :
       {"beleidsmedewerker", "contractmanager", "functioneelBeheerder", "privacyOfficer"}) {
    auto r = fx_->client(wie).Get(pad);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << wie;
  }
  // Once made regisseur, the regisseur sees it; the edit names the version.
  auto zet = c.Put(pad + "/regisseur", {{"If-Match", "\"1\""}},
                   json{{"regisseur", "regisseur-0268"}}.dump(), "application/json");
  ASSERT_TRUE(zet && zet->status == 200) << (zet ? zet->body : "");
  auto r = fx_->client("regisseur-0268").Get(pad);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  // The one read that was allowed left its dossier event with the jeugdige's pseudonym; the
  // refusals by need-to-know are in the log as refusals.
  EXPECT_EQ(tel("audit_event", "object_type = 'gezinsdossier' AND pseudoniem <> ''"), 1);
  EXPECT_EQ(
      tel("audit_event", "handeling = 'geweigerd' AND detail = 'GET /api/v1/gezinnen/{id} 403'"),
      2);
}

TEST_F(ServerCasework, SlechteInvoerIsProbleemEnSchrijftNiets) {
  auto c = fx_->client("jeugdconsulent-0268");
  auto elf = c.Post("/api/v1/aanmeldingen", aanmelding("999990018").dump(), "application/json");
  ASSERT_TRUE(elf);
  EXPECT_EQ(elf->status, 400);
  EXPECT_EQ(elf->get_header_value("Content-Type"), "application/problem+json");
  auto p = json::parse(elf->body);
  ASSERT_EQ(p["invalidParams"].size(), 1u);
  EXPECT_EQ(p["invalidParams"][0]["name"], "jeugdige.bsn");
  EXPECT_EQ(p["invalidParams"][0]["code"], "elfproef");
  EXPECT_EQ(tel("gezin"), 0);

  auto ander = aanmelding();
  ander["gemeente"] = "0252";
  auto buiten = c.Post("/api/v1/aanmeldingen", ander.dump(), "application/json");
  ASSERT_TRUE(buiten);
  EXPECT_EQ(buiten->status, 403);
  EXPECT_EQ(json::parse(buiten->body)["code"], "forbidden-scope");

  const int64_t gezin = meld_aan(c);
  const std::string pad = "/api/v1/gezinnen/" + std::to_string(gezin) + "/besluiten";
  auto product = maatwerk();
  product["beschikking"]["productcode"] = "32A99";
  auto aanbieder = maatwerk();
  aanbieder["beschikking"]["aanbieder"] = "87654321";
  auto eind = maatwerk();
  eind["einddatum"] = "2024-07-31";
  for (const auto& b : {product, aanbieder, eind}) {
    auto r = c.Post(pad, b.dump(), "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << r->body;
    EXPECT_EQ(json::parse(r->body)["code"], "invalid-params");
  }
  EXPECT_EQ(tel("besluit"), 0);
  EXPECT_EQ(tel("toewijzing"), 0);

  // A besluit on a gezin of another gemeente.
  auto heumen = fx_->bron().met_store([](store::Store& s) {
    store::GezinRecord g;
    g.gemeente = "0252";
    g.aangemaakt_op = Date(2024, 7, 1);
    return *s.maak_gezin(g);
  });
  auto r = c.Post("/api/v1/gezinnen/" + std::to_string(heumen) + "/besluiten", maatwerk().dump(),
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(r->body)["code"], "forbidden-scope");
}

TEST_F(ServerCasework, WeigerendPlafondGeeft409) {
  auto c = fx_->client("jeugdconsulent-0268");
  const int64_t gezin = meld_aan(c);
  fx_->bron().met_store([](store::Store& s) {
    store::Budgetplafond p;
    p.aanbieder = "12345678";
    p.jaar = 2024;
    p.bedrag_cent = 100;
    p.bij_overschrijding = "weigeren";
    if (!s.maak_plafond(p).ok()) throw std::runtime_error("plafond");
  });
  auto r = c.Post("/api/v1/gezinnen/" + std::to_string(gezin) + "/besluiten", maatwerk().dump(),
                  "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 409) << r->body;
  EXPECT_EQ(json::parse(r->body)["code"], "budgetplafond-overschreden");
  EXPECT_EQ(tel("besluit"), 0);
  EXPECT_EQ(tel("toewijzing"), 0);
  EXPECT_EQ(tel("uitgaand"), 0);
}

TEST_F(ServerCasework, VerzoekInOnderzoekEnAfwijzen) {
  const int64_t id = fx_->bron().met_store([](store::Store& s) {
    auto& db = static_cast<store::SqliteStore&>(s).db();
    auto& q = db.prepare(
        "INSERT INTO verzoek (bericht_id, aanbieder, gemeente, jeugdige_id, referentie_aanbieder,"
        " dagtekening, categorie, productcode, toewijzing_ingangsdatum, verwijzer_type)"
        " VALUES (1, '12345678', '0268', 1, 'R1', '2024-07-10', '32', '32A01', '2024-08-01', "
        "'02')");
    if (!q.run().ok()) throw std::runtime_error("verzoek");
    int64_t v = db.last_insert_rowid();
    if (!s.werk_voor_verzoek(v).ok()) throw std::runtime_error("werk");
    return v;
  });
  auto c = fx_->client("jeugdconsulent-0268");
  auto open = c.Get("/api/v1/verzoeken?status=open");
  ASSERT_TRUE(open && open->status == 200) << (open ? open->body : "");
  auto lijst = json::parse(open->body)["verzoeken"];
  ASSERT_EQ(lijst.size(), 1u);
  EXPECT_EQ(lijst[0]["termijn"], "2024-07-17");
  const std::string pad = "/api/v1/verzoeken/" + std::to_string(id) + "/antwoord";
  auto o = c.Post(pad, json{{"antwoord", "onderzoek"}}.dump(), "application/json");
  ASSERT_TRUE(o && o->status == 201) << (o ? o->body : "");
  EXPECT_EQ(json::parse(o->body)["bericht"]["berichttype"], "JW319");
  auto zonder = c.Post(pad, json{{"antwoord", "afwijzen"}}.dump(), "application/json");
  ASSERT_TRUE(zonder);
  EXPECT_EQ(zonder->status, 400);
  auto af = c.Post(pad, json{{"antwoord", "afwijzen"}, {"reden", "7"}}.dump(), "application/json");
  ASSERT_TRUE(af && af->status == 201) << (af ? af->body : "");
  EXPECT_TRUE(json::parse(c.Get("/api/v1/verzoeken")->body)["verzoeken"].empty());
  auto u = fx_->token_client().Get("/api/v1/berichten?richting=uitgaand");
  ASSERT_TRUE(u && u->status == 200);
  EXPECT_EQ(json::parse(u->body)["berichten"].size(), 2u);
}

}  // namespace
}  // namespace jr::testing
