// Security of the server over real HTTP: logging in and out, session cookies, CSRF, session
// fixation, idle timeout, lockout and throttling, API tokens, disclosure control for roles
// without person-level rights, injection in every parameter, oversized bodies, path
// traversal, and the audit trail of all of it (hash chain intact, who saw which child).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "server/autorisatie.h"
#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

json inlog(const std::string& naam, const std::string& wachtwoord) {
  return {{"gebruikersnaam", naam}, {"wachtwoord", wachtwoord}};
}

// The audit events with this handeling.
int tel_audit(ServerFixture& fx, const std::string& handeling) {
  return fx.bron().met_store([&](store::Store& s) {
    auto& db = static_cast<store::SqliteStore&>(s).db();
    auto& st = db.prepare("SELECT COUNT(*) FROM audit_event WHERE handeling = ?");
    st.bind(1, handeling);
    int n = st.step() ? static_cast<int>(st.int64(0)) : -1;
    st.reset();
    return n;
  });
}

class Beveiliging : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static ServerFixture* fx_;
};
ServerFixture* Beveiliging::fx_ = nullptr;

TEST_F(Beveiliging, LoginSetsAStrictHttpOnlyCookieAndLogoutEndsTheSession) {
  const int voor = tel_audit(*fx_, "inloggen");
  auto r = fx_->anoniem().Post(
      "/api/v1/sessie",
      inlog("beleidsmedewerker", ServerFixture::wachtwoord("beleidsmedewerker")).dump(),
      "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  std::string c = r->get_header_value("Set-Cookie");
  EXPECT_EQ(c.rfind("jr_sessie=", 0), 0u) << c;
  EXPECT_NE(c.find("HttpOnly"), std::string::npos);
  EXPECT_NE(c.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(c.find("Secure"), std::string::npos);  // plain HTTP here; --secure-cookie under TLS
  auto b = json::parse(r->body);
  EXPECT_EQ(b["rol"], "beleidsmedewerker");
  EXPECT_TRUE(b["gemeente"].is_null());
  EXPECT_EQ(b["csrfToken"].get<std::string>().size(), 64u);
  EXPECT_EQ(tel_audit(*fx_, "inloggen"), voor + 1);

  auto cl = fx_->anoniem();
  cl.set_default_headers({{"Cookie", c.substr(0, c.find(';'))}});
  EXPECT_EQ(cl.Get("/api/v1/sessie")->status, 200);
  // Logging out is state-changing: without the CSRF token it is refused.
  EXPECT_EQ(cl.Delete("/api/v1/sessie")->status, 403);
  cl.set_default_headers({{"Cookie", c.substr(0, c.find(';'))}, {"X-CSRF-Token", b["csrfToken"]}});
  auto weg = cl.Delete("/api/v1/sessie");
  EXPECT_EQ(weg->status, 204);
  EXPECT_NE(weg->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(cl.Get("/api/v1/sessie")->status, 401);
  EXPECT_EQ(cl.Get("/api/v1/perioden")->status, 401);
  EXPECT_EQ(tel_audit(*fx_, "uitloggen"), 1);
}

TEST_F(Beveiliging, WrongPasswordsAndUnknownUsersGetTheSameAnswer) {
  auto a = fx_->anoniem().Post("/api/v1/sessie", inlog("regisseur", "fout-wachtwoord-1").dump(),
                               "application/json");
  auto b = fx_->anoniem().Post("/api/v1/sessie", inlog("niemand", "fout-wachtwoord-1").dump(),
                               "application/json");
  ASSERT_EQ(a->status, 401);
  ASSERT_EQ(b->status, 401);
  EXPECT_EQ(a->body, b->body);
  EXPECT_EQ(json::parse(a->body)["code"], "invalid-credentials");
  EXPECT_TRUE(a->get_header_value("Set-Cookie").empty());
  EXPECT_GE(tel_audit(*fx_, "inloggen-mislukt"), 2);
  // A good login afterwards resets the counter of the account.
  EXPECT_EQ(
      fx_->anoniem()
          .Post("/api/v1/sessie", inlog("regisseur", ServerFixture::wachtwoord("regisseur")).dump(),
                "application/json")
          ->status,
      201);
}

TEST_F(Beveiliging, StateChangingRequestsNeedTheSessionsCsrfToken) {
  auto s = fx_->log_in("beleidsmedewerker");
  auto andere = fx_->log_in("beleidsmedewerker");
  json kpi = {{"naam", "csrf"},
              {"indicator", "uitvalPct"},
              {"nulmeting", {{"waarde", 1}, {"periode", "2023"}}},
              {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}}};
  for (const std::string& token : {std::string(), std::string(64, 'a'), andere.csrf}) {
    auto c = fx_->anoniem();
    httplib::Headers h = {{"Cookie", s.cookie}};
    if (!token.empty()) h.emplace("X-CSRF-Token", token);
    c.set_default_headers(h);
    auto r = c.Post("/api/v1/kpis", kpi.dump(), "application/json");
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(json::parse(r->body)["code"], "csrf-token");
    EXPECT_EQ(c.Post("/api/v1/exports?formaat=csv", "{}", "application/json")->status, 403);
  }
  auto n = fx_->bron().met_kpis([](store::Kpiregister& r) { return r.kpis(std::nullopt); });
  for (const auto& k : *n) EXPECT_NE(k.naam, "csrf");
}

TEST_F(Beveiliging, APlantedSessionIdentifierIsNeverPromotedAtLogin) {
  const std::string geplant(64, 'b');
  auto c = fx_->anoniem();
  c.set_default_headers({{"Cookie", "jr_sessie=" + geplant}});
  auto r = c.Post("/api/v1/sessie",
                  inlog("contractmanager", ServerFixture::wachtwoord("contractmanager")).dump(),
                  "application/json");
  ASSERT_EQ(r->status, 201);
  std::string nieuw = r->get_header_value("Set-Cookie");
  EXPECT_EQ(nieuw.find(geplant), std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/sessie")->status, 401);  // the planted identifier is worth nothing
  // Pages without a session go to the login page.
  auto p = c.Get("/overzicht");
  EXPECT_EQ(p->status, 302);
  EXPECT_EQ(p->get_header_value("Location"), "/inloggen?terug=/overzicht");
  EXPECT_EQ(fx_->anoniem().Get("/inloggen")->status, 200);
}

TEST_F(Beveiliging, ApiTokensActForTheirAanbiederOnlyAndNeverAsCookie) {
  auto t = fx_->token_client();
  auto r = t.Get("/api/v1/indicatoren?periode=2024H1");
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(r->body)["code"], "forbidden-role");
  auto vals = fx_->anoniem();
  vals.set_bearer_token_auth("jrt_" + std::string(64, '0'));
  EXPECT_EQ(vals.Get("/api/v1/perioden")->status, 401);
  auto als_cookie = fx_->anoniem();
  als_cookie.set_default_headers({{"Cookie", "jr_sessie=" + fx_->token()}});
  EXPECT_EQ(als_cookie.Get("/api/v1/sessie")->status, 401);
  EXPECT_EQ(als_cookie.Get("/overzicht")->status, 302);
}

TEST_F(Beveiliging, RolesWithoutPersonLevelRightsGetDisclosureControlFromTheServer) {
  // Nijmegen has 12 jeugdigen (rounded to 10), Heumen 3 (hidden).
  auto beleid = fx_->client("beleidsmedewerker");
  auto r = beleid.Get("/api/v1/indicatoren?periode=2024H1");
  ASSERT_EQ(r->status, 200);
  auto doc = json::parse(r->body);
  EXPECT_EQ(doc["niveau"], "publiek");
  for (const auto& g : doc["gemeenten"]) {
    if (g["gemeente"] == "0268") {
      EXPECT_EQ(g["jongerenMetJeugdhulp"], 10);
    }
    if (g["gemeente"] == "0252") {
      EXPECT_TRUE(g["jongerenMetJeugdhulp"].is_null());
    }
  }
  auto intern = beleid.Get("/api/v1/indicatoren?periode=2024H1&niveau=intern");
  EXPECT_EQ(intern->status, 403);
  EXPECT_EQ(json::parse(intern->body)["code"], "disclosure-control");
  auto kern = json::parse(beleid.Get("/api/v1/kerncijfers?periode=2024H1")->body);
  EXPECT_EQ(kern["niveau"], "publiek");
  auto traj = json::parse(beleid.Get("/api/v1/trajecten?periode=2024H1&gemeente=0268")->body);
  auto t = traj["trajecten"];
  EXPECT_TRUE(t.is_null() || t.get<int64_t>() % 5 == 0) << traj.dump();
  // The contractmanager (pseudonymised person data) sees the exact count.
  auto cm =
      json::parse(fx_->client().Get("/api/v1/indicatoren?periode=2024H1&gemeente=0268")->body);
  EXPECT_EQ(cm["gemeenten"][0]["jongerenMetJeugdhulp"], 12);
}

TEST_F(Beveiliging, AnotherGemeentesDataIsRefusedWithoutAnyFigure) {
  auto c = fx_->client("beleidsmedewerker-0268");
  EXPECT_EQ(c.Get("/api/v1/indicatoren?periode=2024H1&gemeente=0268")->status, 200);
  for (const char* pad :
       {"/api/v1/indicatoren?periode=2024H1&gemeente=0252", "/api/v1/indicatoren?periode=2024H1",
        "/api/v1/kerncijfers?periode=2024H1", "/api/v1/kerncijfers/verloop",
        "/api/v1/trajecten?periode=2024H1&gemeente=0252"}) {
    auto r = c.Get(pad);
    EXPECT_EQ(r->status, 403) << pad;
    EXPECT_EQ(json::parse(r->body)["code"], "forbidden-scope") << pad;
    EXPECT_EQ(r->body.find("jongerenMetJeugdhulp"), std::string::npos);
  }
  EXPECT_GE(tel_audit(*fx_, "geweigerd"), 5);
}

TEST_F(Beveiliging, InjectionInEveryParameterIsRefusedAndChangesNothing) {
  const std::vector<std::string> kwaad = {"' OR '1'='1", "0268' OR 1=1 --", "1; DROP TABLE kpi; --",
                                          "1 UNION SELECT wachtwoord_hash FROM gebruiker"};
  auto c = fx_->client("privacyOfficer");
  auto b = fx_->client("beleidsmedewerker");
  for (const auto& route : fx_->api().routes()) {
    if (route.openbaar) continue;
    for (const auto& w : kwaad) {
      const std::string e = httplib::detail::encode_query_param(w);
      std::vector<std::string> paden;
      std::string pad = route.pad;
      if (auto p = pad.find("{id}"); p != std::string::npos) {
        paden.push_back(pad.substr(0, p) + e + pad.substr(p + 4));
        pad.replace(p, 4, "1");
      }
      for (const auto& k : route.query) paden.push_back(pad + "?" + k + "=" + e);
      for (const auto& p : paden) {
        for (auto* cl : {&c, &b}) {
          httplib::Result r = route.methode == "GET"    ? cl->Get(p)
                              : route.methode == "POST" ? cl->Post(p, "{}", "application/json")
                              : route.methode == "PUT"  ? cl->Put(p, "{}", "application/json")
                                                        : cl->Delete(p);
          ASSERT_TRUE(r) << p;
          EXPECT_TRUE(r->status == 400 || r->status == 403 || r->status == 404)
              << route.methode << " " << p << ": " << r->status << " " << r->body;
          EXPECT_EQ(r->body.find("$argon2"), std::string::npos);
        }
      }
    }
  }
  // Injection in a login and in stored text: refused, or stored literally.
  EXPECT_EQ(fx_->anoniem()
                .Post("/api/v1/sessie", inlog("beleidsmedewerker' --", "x' OR '1'='1").dump(),
                      "application/json")
                ->status,
            401);
  json kpi = {{"naam", "x'); DROP TABLE kpi; --"},
              {"indicator", "uitvalPct"},
              {"nulmeting", {{"waarde", 1}, {"periode", "2023"}}},
              {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}}};
  auto r = b.Post("/api/v1/kpis", kpi.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(json::parse(r->body)["naam"], "x'); DROP TABLE kpi; --");
  auto n = fx_->bron().met_kpis([](store::Kpiregister& reg) { return reg.kpis(std::nullopt); });
  ASSERT_TRUE(n.ok());  // the table is still there
  auto g = fx_->bron().met_gebruikers(
      [](server::Gebruikers& reg) { return reg.zoek("beleidsmedewerker"); });
  ASSERT_TRUE(g.ok() && *g);
}

TEST_F(Beveiliging, OversizedBodiesAndPathTraversalAreRefused) {
  auto c = fx_->client("beleidsmedewerker");
  const int geweigerd_voor = tel_audit(*fx_, "geweigerd");
  std::string groot(17 * 1024 * 1024, 'x');
  auto r = c.Post("/api/v1/exports?formaat=csv", groot, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(json::parse(r->body)["code"], "payload-too-large");
  auto l = fx_->anoniem().Post("/api/v1/sessie", groot, "application/json");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->status, 413);
  for (const char* p : {"/js/../../CMakeLists.txt", "/js/%2e%2e/%2e%2e/CMakeLists.txt",
                        "/css/..%2f..%2fCMakeLists.txt", "/js/..%5c..%5cCMakeLists.txt",
                        "/vendor/../../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/js/%00.js",
                        "/node_modules/echarts/package.json", "/inloggen/../CMakeLists.txt",
                        "/js/../../../../../../etc/passwd"}) {
    auto t = c.Get(p);
    ASSERT_TRUE(t) << p;
    EXPECT_TRUE(t->status == 404 || t->status == 400) << p << ": " << t->status;
    EXPECT_EQ(t->body.find("cmake_minimum_required"), std::string::npos) << p;
    EXPECT_EQ(t->body.find("root:"), std::string::npos) << p;
  }
  // Logged: the two oversized bodies and the nine traversal attempts (the plain missing file
  // /node_modules/... is a 404 like any other and not logged).
  EXPECT_EQ(tel_audit(*fx_, "geweigerd") - geweigerd_voor, 11);
}

TEST_F(Beveiliging, PagesCarryAContentSecurityPolicyThatAllowsOnlyOwnScripts) {
  auto c = fx_->client("beleidsmedewerker");
  auto r = c.Get("/doelen");
  ASSERT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(c.Get("/api/v1/perioden")->get_header_value("Cache-Control"), "no-store");
}

TEST_F(Beveiliging, ThePrivacyOfficerSeesWhoReadAChildAndTheChainStaysWhole) {
  // A read of person data (as the JW301 builder does) leaves an event for this child.
  auto regels = fx_->bron().met_store([](store::Store& s) {
    store::AuditContext ctx{"jeugdconsulent-0268", "toewijzing", "uitvoering Jeugdwet",
                            "Jeugdwet art. 7.4.0"};
    auto id = s.zoek_jeugdige("999900006", Date(2010, 1, 1));
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE(s.lees_jeugdige(*id, ctx).ok());
    return s.audit_van_bsn("999900006");
  });
  ASSERT_TRUE(regels.ok());
  ASSERT_FALSE(regels->empty());
  EXPECT_EQ(regels->back().event.context.actor, "jeugdconsulent-0268");

  auto po = fx_->client("privacyOfficer");
  auto r = po.Get("/api/v1/audit?jeugdige=999900006");
  ASSERT_EQ(r->status, 200) << r->body;
  auto doc = json::parse(r->body);
  bool gevonden = false;
  for (const auto& e : doc["gebeurtenissen"])
    gevonden = gevonden || (e["actor"] == "jeugdconsulent-0268" && e["handeling"] == "lezen" &&
                            e["doel"] == "uitvoering Jeugdwet");
  EXPECT_TRUE(gevonden) << r->body;
  EXPECT_EQ(r->body.find("999900006"), std::string::npos);  // no BSN in the answer
  EXPECT_EQ(po.Get("/api/v1/audit?jeugdige=123456789")->status, 400);
  // The lookup itself is in the log, under this child.
  auto na = json::parse(po.Get("/api/v1/audit?jeugdige=999900006")->body);
  EXPECT_EQ(na["gebeurtenissen"].back()["actor"], "privacyOfficer");
  EXPECT_EQ(na["gebeurtenissen"].back()["objectType"], "auditlog");
  EXPECT_EQ(fx_->client("beleidsmedewerker").Get("/api/v1/audit?jeugdige=999900006")->status, 403);

  auto v = fx_->bron().met_store([](store::Store& s) { return s.verifieer_audit(); });
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->heel()) << v->fout;
  EXPECT_GE(v->gecontroleerd, 5);  // two logins, a read, two lookups at least
}

TEST(BeveiligingBerichten, AnAanbiederUploadsOnlyItsOwnMessagesAndGetsTheRetour) {
  ServerFixture fx;
  fx.ontvang_berichten();
  const std::string jw305 =
      read_all(standaard_dir() / "voorbeelden/JW305.xml");  // Afzender 65656055
  // The fixture's token belongs to 12345678: a message of 65656055 is refused, not stored.
  auto r = fx.token_client().Post("/api/v1/berichten", jw305, "application/xml");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(json::parse(r->body)["code"], "forbidden-scope");
  // A session of a person may not upload at all.
  EXPECT_EQ(
      fx.client("beleidsmedewerker").Post("/api/v1/berichten", jw305, "application/xml")->status,
      403);
  // With 65656055's own token the message is validated and imported; the answer is the retour.
  auto t = fx.bron().met_gebruikers(
      [](server::Gebruikers& g) { return g.maak_token("zorg", "65656055"); });
  ASSERT_TRUE(t.ok());
  auto c = fx.anoniem();
  c.set_bearer_token_auth(*t);
  auto ok = c.Post("/api/v1/berichten", jw305, "application/xml");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  const std::string uitkomst = ok->get_header_value("X-Uitkomst");
  EXPECT_TRUE(uitkomst == "geaccepteerd" || uitkomst == "deels" || uitkomst == "afgekeurd")
      << uitkomst;
  if (uitkomst != "geaccepteerd") {
    EXPECT_NE(ok->body.find("/jw306/"), std::string::npos) << ok->body;
  }
  // The same bytes again change nothing.
  auto nog = c.Post("/api/v1/berichten", jw305, "application/xml");
  EXPECT_EQ(nog->get_header_value("X-Uitkomst"), "overgeslagen") << nog->status << " " << nog->body;
  EXPECT_EQ(tel_audit(fx, "importeren") >= 2, true);
  EXPECT_EQ(c.Post("/api/v1/berichten", "geen xml", "application/xml")->status, 400);
}

// Lockout, throttling and the idle timeout need their own server settings.
TEST(BeveiligingInstellingen, RepeatedFailuresLockTheAccountAndThrottleTheAddress) {
  auto o = ServerFixture::snelle_autorisatie();
  o.max_pogingen = 3;
  o.max_pogingen_adres = 6;
  ServerFixture fx(o);
  const std::string goed = ServerFixture::wachtwoord("regisseur");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(fx.anoniem()
                  .Post("/api/v1/sessie", inlog("regisseur", "fout-" + std::to_string(i)).dump(),
                        "application/json")
                  ->status,
              401);
  auto dicht =
      fx.anoniem().Post("/api/v1/sessie", inlog("regisseur", goed).dump(), "application/json");
  EXPECT_EQ(dicht->status, 429);
  EXPECT_EQ(json::parse(dicht->body)["code"], "account-locked");
  EXPECT_FALSE(dicht->get_header_value("Retry-After").empty());
  // Another account from the same address still works until the address is throttled.
  EXPECT_EQ(fx.anoniem()
                .Post("/api/v1/sessie",
                      inlog("contractmanager", ServerFixture::wachtwoord("contractmanager")).dump(),
                      "application/json")
                ->status,
            201);
  for (int i = 0; i < 3; ++i)
    (void)fx.anoniem().Post("/api/v1/sessie", inlog("niemand", "fout").dump(), "application/json");
  auto rem = fx.anoniem().Post(
      "/api/v1/sessie",
      inlog("contractmanager", ServerFixture::wachtwoord("contractmanager")).dump(),
      "application/json");
  EXPECT_EQ(rem->status, 429);
  EXPECT_EQ(json::parse(rem->body)["code"], "too-many-requests");
}

TEST(BeveiligingInstellingen, AnIdleSessionExpires) {
  auto o = ServerFixture::snelle_autorisatie();
  o.sessie_idle = std::chrono::seconds(1);
  ServerFixture fx(o);
  auto c = fx.client("beleidsmedewerker");
  EXPECT_EQ(c.Get("/api/v1/perioden")->status, 200);
  fx.klok().advance(std::chrono::milliseconds(900));
  EXPECT_EQ(c.Get("/api/v1/perioden")->status, 200);  // within the idle time, which restarts
  fx.klok().advance(std::chrono::milliseconds(900));
  EXPECT_EQ(c.Get("/api/v1/perioden")->status, 200);
  fx.klok().advance(std::chrono::milliseconds(1100));
  auto r = c.Get("/api/v1/perioden");
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(json::parse(r->body)["code"], "unauthenticated");
  EXPECT_EQ(c.Get("/overzicht")->status, 302);
}

TEST(AuditKeten, VerifyFindsAChangedEvent) {
  TempDir d;
  FixedClock clock(Date(2024, 1, 1));
  store::StoreOptions so;
  so.path = d / "a.db";
  so.durable = false;
  auto s = store::open_sqlite_store(so, clock);
  ASSERT_TRUE(s.ok());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE((*s)->audit({{}, "lezen", "jeugdige", "p" + std::to_string(i), "x"}).ok());
  auto v = (*s)->verifieer_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->heel());
  EXPECT_EQ(v->gecontroleerd, 5);
  auto& db = static_cast<store::SqliteStore&>(**s).db();
  // The triggers refuse changes; someone who drops them can change a row, and is found.
  EXPECT_FALSE(db.exec("UPDATE audit_event SET actor = 'ander' WHERE id = 3").ok());
  ASSERT_TRUE(db.exec("DROP TRIGGER audit_event_geen_update").ok());
  ASSERT_TRUE(db.exec("UPDATE audit_event SET actor = 'ander' WHERE id = 3").ok());
  v = (*s)->verifieer_audit();
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->heel());
  EXPECT_EQ(*v->eerste_fout, 3);
  ASSERT_TRUE(db.exec("DROP TRIGGER audit_event_geen_delete").ok());
  ASSERT_TRUE(db.exec("UPDATE audit_event SET actor = 'systeem' WHERE id = 3; DELETE FROM "
                      "audit_event WHERE id = 2")
                  .ok());
  v = (*s)->verifieer_audit();
  EXPECT_EQ(*v->eerste_fout, 3);  // the link of 3 pointed at the deleted 2
}

}  // namespace
}  // namespace jr::testing
