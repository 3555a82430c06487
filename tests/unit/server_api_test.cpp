// The /api/v1 endpoints over real HTTP against a small synthetic region: each endpoint's
// answer, and its problem+json (RFC 9457, NLGov API Design Rules) for bad parameters.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/statisch.h"
#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

class ServerApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static json get_json(const std::string& pad, int verwacht = 200) {
    auto r = fx_->client().Get(pad);
    EXPECT_TRUE(r) << pad;
    if (!r) return {};
    EXPECT_EQ(r->status, verwacht) << pad << ": " << r->body;
    EXPECT_EQ(r->get_header_value("API-Version"), "1.0.0") << pad;
    return json::parse(r->body);
  }
  // A 400 problem document naming `param` among its invalidParams.
  static void expect_ongeldig(const std::string& methode, const std::string& pad,
                              const std::string& param, const std::string& body = "") {
    auto c = fx_->client("beleidsmedewerker");
    httplib::Result r = methode == "GET"    ? c.Get(pad)
                        : methode == "POST" ? c.Post(pad, body, "application/json")
                        : methode == "PUT"  ? c.Put(pad, body, "application/json")
                                            : c.Delete(pad);
    ASSERT_TRUE(r) << pad;
    EXPECT_EQ(r->status, 400) << methode << " " << pad << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    EXPECT_EQ(r->get_header_value("API-Version"), "1.0.0");
    auto p = json::parse(r->body);
    EXPECT_EQ(p["status"], 400);
    EXPECT_EQ(p["code"], "invalid-params");
    EXPECT_TRUE(p.contains("title") && p.contains("detail") && p.contains("type"));
    bool gevonden = false;
    for (const auto& ip : p["invalidParams"]) gevonden = gevonden || ip["name"] == param;
    EXPECT_TRUE(gevonden) << "geen invalidParam " << param << " in " << r->body;
  }
  static ServerFixture* fx_;
};
ServerFixture* ServerApi::fx_ = nullptr;

const json* gemeente(const json& doc, const std::string& code) {
  for (const auto& g : doc["gemeenten"])
    if (g["gemeente"] == code) return &g;
  return nullptr;
}

TEST_F(ServerApi, IndicatorenServesTheIndicatorDocumentPerGemeenteAndRegio) {
  auto doc = get_json("/api/v1/indicatoren?periode=2024H1");
  EXPECT_EQ(doc["periode"], "2024H1");
  EXPECT_EQ(doc["van"], "2024-01-01");
  const json* nijmegen = gemeente(doc, "0268");
  ASSERT_TRUE(nijmegen);
  EXPECT_EQ((*nijmegen)["jongerenMetJeugdhulp"], 12);
  EXPECT_EQ((*nijmegen)["bevolking0tot17"], 1800);
  EXPECT_EQ((*nijmegen)["perHulpvorm"]["11"]["jongeren"], 2);
  EXPECT_EQ(doc["regio"]["jongerenMetJeugdhulp"], 15);
  // One gemeente, and disclosure control: 12 rounds to 10, 3 is hidden.
  auto een = get_json("/api/v1/indicatoren?periode=2024H1&gemeente=0252&niveau=publiek");
  ASSERT_EQ(een["gemeenten"].size(), 1u);
  EXPECT_TRUE(een["gemeenten"][0]["jongerenMetJeugdhulp"].is_null());
  auto pub = get_json("/api/v1/indicatoren?periode=2024H1&niveau=publiek");
  EXPECT_EQ((*gemeente(pub, "0268"))["jongerenMetJeugdhulp"], 10);
}

TEST_F(ServerApi, IndicatorenRejectsBadParametersWithProblemJson) {
  expect_ongeldig("GET", "/api/v1/indicatoren", "periode");
  expect_ongeldig("GET", "/api/v1/indicatoren?periode=2024H3", "periode");
  expect_ongeldig("GET", "/api/v1/indicatoren?periode=2024H1&gemeente=268", "gemeente");
  expect_ongeldig("GET", "/api/v1/indicatoren?periode=2024H1&niveau=geheim", "niveau");
  expect_ongeldig("GET", "/api/v1/indicatoren?periode=2024H1&pagina=2", "pagina");
  expect_ongeldig("GET", "/api/v1/indicatoren?periode=2024H1&periode=2024H2", "periode");
  auto p = get_json("/api/v1/indicatoren?periode=2024H1&gemeente=0999", 404);
  EXPECT_EQ(p["code"], "not-found");
}

TEST_F(ServerApi, KerncijfersComputesPercentagesAgainstRegioAndLandelijk) {
  auto k = get_json("/api/v1/kerncijfers?periode=2024H1");
  const json* nijmegen = gemeente(k, "0268");
  ASSERT_TRUE(nijmegen);
  EXPECT_EQ((*nijmegen)["pctJongerenMetJeugdhulp"], 0.7);  // 12 of 1800
  EXPECT_EQ((*nijmegen)["pctJongerenMetVerblijf"], 0.1);   // 2 of 1800
  EXPECT_EQ(k["regio"]["pctJongerenMetJeugdhulp"], 0.6);   // 15 of 2700
  EXPECT_EQ(k["landelijk"]["pctJongerenMetJeugdhulp"], 9.7);
  expect_ongeldig("GET", "/api/v1/kerncijfers", "periode");
  expect_ongeldig("GET", "/api/v1/kerncijfers?periode=2024&gemeente=0268", "gemeente");
}

// The trend of the Overzicht in one request: per half year of /perioden exactly what
// /kerncijfers gives for that half year.
TEST_F(ServerApi, KerncijfersVerloopGivesEveryHalfYearLikeKerncijfers) {
  auto v = get_json("/api/v1/kerncijfers/verloop");
  auto perioden = get_json("/api/v1/perioden");
  ASSERT_EQ(v["perioden"].size(), perioden["halfjaren"].size());
  for (size_t i = 0; i < v["perioden"].size(); ++i) {
    const auto& p = v["perioden"][i];
    EXPECT_EQ(p["periode"], perioden["halfjaren"][i]);
    auto k = get_json("/api/v1/kerncijfers?periode=" + p["periode"].get<std::string>());
    EXPECT_EQ(p["regio"], k["regio"]);
    EXPECT_EQ(p["gemeenten"], k["gemeenten"]);
  }
  EXPECT_EQ((*gemeente(v["perioden"][0], "0268"))["pctJongerenMetJeugdhulp"], 0.7);
  EXPECT_EQ(v["niveau"], "intern");
  auto pub = get_json("/api/v1/kerncijfers/verloop?niveau=publiek");
  EXPECT_EQ(pub["niveau"], "publiek");
  EXPECT_EQ(pub["perioden"][0]["gemeenten"],
            get_json("/api/v1/kerncijfers?periode=2024H1&niveau=publiek")["gemeenten"]);
  expect_ongeldig("GET", "/api/v1/kerncijfers/verloop?niveau=geheim", "niveau");
  expect_ongeldig("GET", "/api/v1/kerncijfers/verloop?periode=2024H1", "periode");
}

// The session names the regio the dashboard's header shows, for a regio-wide user and for
// one scoped to a gemeente.
TEST_F(ServerApi, SessieNamesTheRegio) {
  auto s = get_json("/api/v1/sessie");
  EXPECT_EQ(s["regio"], "Testregio");
  EXPECT_EQ(s["regio"], get_json("/api/v1/kerncijfers?periode=2024H1")["regio"]["naam"]);
  auto r = fx_->client("beleidsmedewerker-0268").Get("/api/v1/sessie");
  ASSERT_TRUE(r);
  EXPECT_EQ(json::parse(r->body)["regio"], "Testregio");
}

TEST_F(ServerApi, PeriodenListsTheHalfYearsWithData) {
  auto p = get_json("/api/v1/perioden");
  EXPECT_EQ(p["halfjaren"], json::array({"2024H1"}));
  EXPECT_EQ(p["jaren"], json::array({"2024"}));
  EXPECT_EQ(p["laatste"], "2024H1");
  expect_ongeldig("GET", "/api/v1/perioden?periode=2024", "periode");
}

// The data run from 2024-01-15; a go-live date (serve --vanaf) hides the periods that begin
// before it, because care that ended before go-live was never registered.
TEST(ServerPerioden, BeginAtTheGoLiveDate) {
  ServerFixture fx;
  fx.bron().zet_vanaf(Date(2024, 1, 1));
  auto p = fx.bron().perioden();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->halfjaren, std::vector<std::string>{"2024H1"});
  EXPECT_EQ(p->jaren, std::vector<std::string>{"2024"});
  fx.bron().zet_vanaf(Date(2024, 1, 2));
  p = fx.bron().perioden();
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->halfjaren.empty());
  EXPECT_TRUE(p->jaren.empty());
}

TEST_F(ServerApi, TrajectenDrillsDownFromRegioToGemeenteToAanbiederToProduct) {
  auto regio = get_json("/api/v1/trajecten?periode=2024H1");
  EXPECT_EQ(regio["uitsplitsing"], "gemeente");
  EXPECT_EQ(regio["trajecten"], 15);
  EXPECT_EQ(regio["perHulpvorm"]["01"], 3);  // wijkteam Heumen
  EXPECT_EQ(regio["perVerwijzer"]["06"], 3);
  auto gem = get_json("/api/v1/trajecten?periode=2024H1&gemeente=0268");
  EXPECT_EQ(gem["uitsplitsing"], "aanbieder");
  ASSERT_EQ(gem["onderdelen"].size(), 1u);
  EXPECT_EQ(gem["onderdelen"][0]["naam"], "Jeugdhulp Oost");
  EXPECT_EQ(gem["onderdelen"][0]["trajecten"], 12);
  EXPECT_EQ(gem["beeindigd"], 4);
  EXPECT_EQ(gem["redenBeeindiging"]["01"], 4);
  EXPECT_EQ(gem["duurklassen"]["van3Tot6Maanden"], 0);
  EXPECT_EQ(gem["duurklassen"]["tot3Maanden"], 4);  // 2024-01-15..03-31: 77 days
  auto prod = get_json("/api/v1/trajecten?periode=2024H1&gemeente=0268&aanbieder=12345678");
  EXPECT_EQ(prod["uitsplitsing"], "product");
  ASSERT_EQ(prod["onderdelen"].size(), 2u);
  EXPECT_EQ(prod["onderdelen"][0]["code"], "32-32A01");
  EXPECT_EQ(prod["onderdelen"][0]["naam"], "Ambulante begeleiding");
  EXPECT_EQ(prod["onderdelen"][0]["leveringen"], 10);
  EXPECT_EQ(prod["onderdelen"][1]["leveringen"], 2);
  expect_ongeldig("GET", "/api/v1/trajecten?periode=2024H1&aanbieder=12345678", "aanbieder");
  expect_ongeldig("GET", "/api/v1/trajecten?periode=24H1", "periode");
  get_json("/api/v1/trajecten?periode=2024H1&gemeente=0268&aanbieder=87654321", 404);
}

TEST_F(ServerApi, KpiIndicatorenListsWhatAKpiCanFollow) {
  auto k = get_json("/api/v1/kpi-indicatoren");
  ASSERT_FALSE(k["indicatoren"].empty());
  EXPECT_EQ(k["indicatoren"][0]["sleutel"], "pctJongerenMetJeugdhulp");
  expect_ongeldig("GET", "/api/v1/kpi-indicatoren?x=1", "x");
}

TEST_F(ServerApi, KpiIsCreatedReadChangedAndRemovedWithItsStatus) {
  auto c = fx_->client("beleidsmedewerker");
  // Nijmegen: 1,0% in 2023H1 down to 0,5% in 2025. At the end of 2024H1 the path expects
  // 1,0 - 0,5 * (1 / 2,5) = 0,8; measured 12 of 1800 = 0,67: op koers.
  json kpi = {{"naam", "Minder jeugdhulp"},
              {"indicator", "pctJongerenMetJeugdhulp"},
              {"gemeente", "0268"},
              {"nulmeting", {{"waarde", 1.0}, {"periode", "2023H1"}}},
              {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}},
              {"bron", "test"}};
  auto r = c.Post("/api/v1/kpis", kpi.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  auto gemaakt = json::parse(r->body);
  const int64_t id = gemaakt["id"];
  EXPECT_EQ(r->get_header_value("Location"), "/api/v1/kpis/" + std::to_string(id));
  EXPECT_EQ(gemaakt["beoordeling"]["status"], "opKoers");
  EXPECT_EQ(gemaakt["beoordeling"]["periode"], "2024H1");
  EXPECT_NEAR(gemaakt["beoordeling"]["verwacht"].get<double>(), 0.8, 1e-9);
  EXPECT_NEAR(gemaakt["beoordeling"]["realisatie"].get<double>(), 0.7, 1e-9);
  EXPECT_EQ(gemaakt["aangemaaktOp"], "2024-07-15T00:00:00Z");

  auto lijst = get_json("/api/v1/kpis?gemeente=0268");
  bool erin = false;
  for (const auto& k : lijst["kpis"]) erin = erin || k["id"] == id;
  EXPECT_TRUE(erin);
  EXPECT_TRUE(get_json("/api/v1/kpis?gemeente=regio")["kpis"].empty());

  // Stricter: 0,6 already in 2024: now behind the path.
  kpi["ambitie"] = {{"waarde", 0.2}, {"jaar", 2024}};
  auto w = c.Put("/api/v1/kpis/" + std::to_string(id), {{"If-Match", "\"1\""}}, kpi.dump(),
                 "application/json");
  ASSERT_TRUE(w);
  ASSERT_EQ(w->status, 200) << w->body;
  auto gewijzigd = json::parse(w->body);
  EXPECT_EQ(gewijzigd["ambitie"]["waarde"], 0.2);
  // Path: 1,0 -> 0,2 over 2023.5..2025.0; at 2024.5 expects 0,4667; 0,7 is 0,233 behind, a
  // quarter of 0,8 is 0,2: uit koers.
  EXPECT_EQ(gewijzigd["beoordeling"]["status"], "uitKoers");
  EXPECT_EQ(get_json("/api/v1/kpis/" + std::to_string(id) + "?periode=2024H1")["naam"],
            "Minder jeugdhulp");

  auto d =
      c.Delete("/api/v1/kpis/" + std::to_string(id), {{"If-Match", w->get_header_value("ETag")}});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 204);
  EXPECT_EQ(d->get_header_value("API-Version"), "1.0.0");
  EXPECT_EQ(get_json("/api/v1/kpis/" + std::to_string(id), 404)["code"], "not-found");
  auto d2 = c.Delete("/api/v1/kpis/" + std::to_string(id), {{"If-Match", "*"}});
  EXPECT_EQ(d2->status, 404);
}

TEST_F(ServerApi, KpiWithoutDataForItsGemeenteIsOnbekend) {
  // Zutphen (0301) is not in this region's data.
  json kpi = {{"naam", "Zutphen"},
              {"indicator", "pctJongerenMetJeugdhulp"},
              {"gemeente", "0301"},
              {"nulmeting", {{"waarde", 11.1}, {"periode", "2020H1"}}},
              {"ambitie", {{"waarde", 10.0}, {"jaar", 2024}}}};
  auto c = fx_->client("beleidsmedewerker");
  auto r = c.Post("/api/v1/kpis", kpi.dump(), "application/json");
  ASSERT_EQ(r->status, 201);
  auto k = json::parse(r->body);
  EXPECT_EQ(k["beoordeling"]["status"], "onbekend");
  EXPECT_TRUE(k["beoordeling"]["realisatie"].is_null());
  c.Delete("/api/v1/kpis/" + std::to_string(k["id"].get<int64_t>()), {{"If-Match", "*"}});
}

TEST_F(ServerApi, KpiRejectsBadInputWithTheFieldsNamed) {
  json kpi = {{"naam", ""},
              {"indicator", "geluk"},
              {"nulmeting", {{"waarde", 1.0}, {"periode", "2023H7"}}},
              {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}}};
  expect_ongeldig("POST", "/api/v1/kpis", "indicator", kpi.dump());
  expect_ongeldig("POST", "/api/v1/kpis", "nulmeting.periode", kpi.dump());
  expect_ongeldig("POST", "/api/v1/kpis", "naam", kpi.dump());
  expect_ongeldig("POST", "/api/v1/kpis", "body", "{niet json");
  expect_ongeldig("POST", "/api/v1/kpis", "ambitie", R"({"naam": "x", "indicator": "uitvalPct",
      "nulmeting": {"waarde": 1, "periode": "2023"}})");
  expect_ongeldig("PUT", "/api/v1/kpis/abc", "id", kpi.dump());
  expect_ongeldig("GET", "/api/v1/kpis/1?periode=gisteren", "periode");
  expect_ongeldig("GET", "/api/v1/kpis?gemeente=nijmegen", "gemeente");
  expect_ongeldig("DELETE", "/api/v1/kpis/-1", "id");
  auto r = fx_->client("beleidsmedewerker")
               .Put("/api/v1/kpis/999999",
                    json({{"naam", "x"},
                          {"indicator", "uitvalPct"},
                          {"nulmeting", {{"waarde", 1}, {"periode", "2023"}}},
                          {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}}})
                        .dump(),
                    "application/json");
  EXPECT_EQ(r->status, 404);
}

TEST_F(ServerApi, ExportsGiveCsvAndXlsxDownloads) {
  json t = {
      {"titel", "Per gemeente 2024H1"},
      {"kolommen", {"Gemeente", "Trajecten"}},
      {"rijen", json::array({json::array({"Nijmegen", 12}), json::array({"Heumen", nullptr})})}};
  auto c = fx_->client();
  auto csv = c.Post("/api/v1/exports?formaat=csv", t.dump(), "application/json");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body, "Gemeente,Trajecten\r\nNijmegen,12\r\nHeumen,\r\n");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"per-gemeente-2024h1.csv\"");
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  auto xlsx = c.Post("/api/v1/exports?formaat=xlsx", t.dump(), "application/json");
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  expect_ongeldig("POST", "/api/v1/exports?formaat=pdf", "formaat", t.dump());
  expect_ongeldig("POST", "/api/v1/exports", "formaat", t.dump());
  expect_ongeldig("POST", "/api/v1/exports?formaat=csv", "rijen",
                  R"({"titel": "x", "kolommen": ["a"], "rijen": [[1, 2]]})");
}

TEST_F(ServerApi, UnknownPathsAndMethodsAnswerWithProblems) {
  auto c = fx_->client();
  auto r = c.Get("/api/v1/bestaat-niet");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
  EXPECT_EQ(json::parse(r->body)["code"], "not-found");
  auto m = c.Patch("/api/v1/kpis", "{}", "application/json");
  EXPECT_EQ(m->status, 405);
  EXPECT_EQ(m->get_header_value("Allow"), "GET, POST");
  EXPECT_EQ(json::parse(m->body)["code"], "method-not-allowed");
}

TEST_F(ServerApi, DashboardPagesAndFilesAreServedAndPathsCannotEscape) {
  auto c = fx_->client();
  for (const char* p : {"/overzicht", "/trajecten", "/doelen", "/vergelijken"}) {
    auto r = c.Get(p);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << p;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(r->body.find("lang=\"nl\""), std::string::npos);
  }
  auto css = c.Get("/css/dashboard.css");
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto js = c.Get("/js/api.js");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(c.Get("/js/../../CMakeLists.txt")->status, 404);
  EXPECT_EQ(c.Get("/js/%2e%2e/%2e%2e/CMakeLists.txt")->status, 404);
  EXPECT_EQ(c.Get("/package.json")->status, 404);
  EXPECT_EQ(c.Get("/")->status, 302);
}

TEST(ServerVeiligPad, StaysInsideTheRootAndRefusesSymlinksOut) {
  TempDir d;
  std::filesystem::create_directories(d / "web/js");
  std::ofstream(d / "web/js/a.js") << "x";
  std::ofstream(d / "geheim.txt") << "x";
  std::filesystem::create_symlink(d / "geheim.txt", d / "web/js/link.js");
  EXPECT_TRUE(server::veilig_pad(d / "web", "/js/a.js"));
  EXPECT_FALSE(server::veilig_pad(d / "web", "/js/../../geheim.txt"));
  EXPECT_FALSE(server::veilig_pad(d / "web", "/js/link.js"));
  EXPECT_FALSE(server::veilig_pad(d / "web", "/js/.verborgen"));
  EXPECT_FALSE(server::veilig_pad(d / "web", "/js"));
  EXPECT_FALSE(server::veilig_pad(d / "web", "js/a.js"));
}

TEST(ServerCache, IndicatorDocumentIsComputedOncePerKeyAndRefreshedAfterAnImport) {
  ServerFixture fx;
  auto a = fx.bron().indicatoren({"2024H1", std::nullopt, false});
  ASSERT_TRUE(a.ok());
  auto b = fx.bron().indicatoren({"2024H1", std::nullopt, false});
  EXPECT_EQ(a->get(), b->get());  // same cached document
  EXPECT_EQ(fx.bron().cache_missers(), 1u);
  (void)fx.bron().indicatoren({"2024H1", std::string("0268"), false});
  EXPECT_EQ(fx.bron().cache_missers(), 2u);
  auto voor = fx.bron().indicatoren({"2024H1", std::string("0252"), false});
  ASSERT_TRUE(voor.ok());
  EXPECT_EQ(fx.bron().cache_missers(), 3u);
  const uint64_t heumen = (*voor)->niveau(std::string("0252"))->t.jongeren;

  // Another process (an import) adds wijkteam care in Heumen for a jeugdige without care
  // there. The server looks at the database version at most twice a second: within half a
  // second it keeps its answer, after that it sees the new version and recomputes.
  auto ander = store::sqlite::Db::open(fx.db_pad().string());
  ASSERT_TRUE(ander.ok());
  ASSERT_TRUE((*ander)
                  ->exec("INSERT INTO wijkteam_traject (gemeente, jeugdige_id, begindatum)"
                         " VALUES ('0252', 1, '2024-03-01')")
                  .ok());
  fx.klok().advance(std::chrono::milliseconds(400));
  auto vroeg = fx.bron().indicatoren({"2024H1", std::string("0252"), false});
  ASSERT_TRUE(vroeg.ok());
  EXPECT_EQ(vroeg->get(), voor->get());
  EXPECT_EQ(fx.bron().cache_missers(), 3u);
  fx.klok().advance(std::chrono::milliseconds(200));
  auto c = fx.bron().indicatoren({"2024H1", std::string("0252"), false});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->niveau(std::string("0252"))->t.jongeren, heumen + 1);
  EXPECT_EQ(heumen + 1, 4u);
  EXPECT_NE((*c)->tekst.find("\"jongerenMetJeugdhulp\":4"), std::string::npos);
  EXPECT_EQ(fx.bron().cache_missers(), 4u);
}

}  // namespace
}  // namespace jr::testing
