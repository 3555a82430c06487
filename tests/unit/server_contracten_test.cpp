// The contract-management API over HTTP: budgetplafonds created, read with their use, changed
// and removed; bad input as problem+json naming the field; exempt aanbieders refused; the
// plafondtoets; waiting times, norms and the two dashboard pages.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

class ServerContracten : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static httplib::Result stuur(const std::string& methode, const std::string& pad,
                               const std::string& body = "") {
    // Edits name any version (If-Match: *); the version guard has its own tests
    // (server_vijandig_test).
    auto c = fx_->client();
    return methode == "GET"    ? c.Get(pad)
           : methode == "POST" ? c.Post(pad, body, "application/json")
           : methode == "PUT"  ? c.Put(pad, {{"If-Match", "*"}}, body, "application/json")
                               : c.Delete(pad, {{"If-Match", "*"}});
  }
  static json ok(const std::string& methode, const std::string& pad, const std::string& body = "",
                 int verwacht = 200) {
    auto r = stuur(methode, pad, body);
    EXPECT_TRUE(r) << pad;
    if (!r) return {};
    EXPECT_EQ(r->status, verwacht) << methode << " " << pad << ": " << r->body;
    EXPECT_EQ(r->get_header_value("API-Version"), "1.0.0");
    return r->body.empty() ? json() : json::parse(r->body);
  }
  static json probleem(const std::string& methode, const std::string& pad, int status,
                       const std::string& body = "") {
    auto r = stuur(methode, pad, body);
    EXPECT_TRUE(r) << pad;
    if (!r) return {};
    EXPECT_EQ(r->status, status) << methode << " " << pad << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    return json::parse(r->body);
  }
  static bool noemt(const json& p, const std::string& veld) {
    for (const auto& ip : p["invalidParams"])
      if (ip["name"] == veld) return true;
    return false;
  }
  static ServerFixture* fx_;
};
ServerFixture* ServerContracten::fx_ = nullptr;

TEST_F(ServerContracten, BudgetplafondAanmakenLezenWijzigenVerwijderen) {
  auto leeg = ok("GET", "/api/v1/budgetplafonds");
  EXPECT_EQ(leeg["jaren"], json::array());
  EXPECT_TRUE(leeg["jaar"].is_null());

  auto p =
      ok("POST", "/api/v1/budgetplafonds",
         R"({"aanbieder":"12345678","jaar":2024,"bedrag":1500.5,"bijOverschrijding":"weigeren"})",
         201);
  EXPECT_EQ(p["aanbiederNaam"], "Jeugdhulp Oost");
  EXPECT_EQ(p["bedrag"], 1500.5);
  EXPECT_TRUE(p["gemeente"].is_null());
  const std::string pad = "/api/v1/budgetplafonds/" + std::to_string(p["id"].get<int64_t>());

  auto lijst = ok("GET", "/api/v1/budgetplafonds?jaar=2024");
  ASSERT_EQ(lijst["budgetplafonds"].size(), 1u);
  const auto& stand = lijst["budgetplafonds"][0]["stand"];
  EXPECT_EQ(stand["gerealiseerd"], 0.0);
  EXPECT_EQ(stand["signaal"], 0);
  EXPECT_EQ(stand["perMaand"].size(), 12u);
  EXPECT_EQ(lijst["jaren"], json::array({2024}));
  EXPECT_EQ(ok("GET", "/api/v1/budgetplafonds")["jaar"], 2024);  // the latest year by default

  // The same scope twice: 409.
  auto dubbel = probleem("POST", "/api/v1/budgetplafonds", 409,
                         R"({"aanbieder":"12345678","jaar":2024,"bedrag":1})");
  EXPECT_EQ(dubbel["code"], "conflict");

  auto w = ok("PUT", pad, R"({"aanbieder":"12345678","jaar":2024,"gemeente":"0268","bedrag":900})");
  EXPECT_EQ(w["gemeente"], "0268");
  EXPECT_EQ(w["bijOverschrijding"], "waarschuwen");
  // A gemeente sees the plafonds that cover it.
  EXPECT_EQ(ok("GET", "/api/v1/budgetplafonds?jaar=2024&gemeente=0268")["budgetplafonds"].size(),
            1u);
  EXPECT_EQ(ok("GET", "/api/v1/budgetplafonds?jaar=2024&gemeente=0252")["budgetplafonds"].size(),
            0u);

  auto r = stuur("DELETE", pad);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  probleem("DELETE", pad, 404);
}

TEST_F(ServerContracten, FoutieveInvoerNoemtHetVeld) {
  auto p = probleem("POST", "/api/v1/budgetplafonds", 400,
                    R"({"aanbieder":"123","jaar":2300,"bedrag":-5,"bijOverschrijding":"soms"})");
  EXPECT_EQ(p["code"], "invalid-params");
  for (const char* veld : {"aanbieder", "jaar", "bedrag", "bijOverschrijding"})
    EXPECT_TRUE(noemt(p, veld)) << veld << " " << p.dump();
  EXPECT_TRUE(noemt(probleem("POST", "/api/v1/budgetplafonds", 400, "geen json"), "body"));
  EXPECT_TRUE(noemt(probleem("GET", "/api/v1/uitgaven", 400), "jaar"));
  EXPECT_TRUE(noemt(probleem("GET", "/api/v1/uitgaven?jaar=2024&groepering=x", 400), "groepering"));
  EXPECT_TRUE(noemt(probleem("GET", "/api/v1/wachttijden?periode=2024H3", 400), "periode"));
  EXPECT_TRUE(noemt(probleem("PUT", "/api/v1/budgetplafonds/abc", 400, "{}"), "id"));
  EXPECT_TRUE(
      noemt(probleem("PUT", "/api/v1/wachttijdnormen/xyz", 400, R"({"weken":3})"), "categorie"));
  EXPECT_TRUE(
      noemt(probleem("POST", "/api/v1/contracten", 400, R"({"kenmerk":"K"})"), "gemeenten"));
  // Unknown aanbieder and an exempt one (landelijk ingekocht).
  probleem("POST", "/api/v1/budgetplafonds", 400,
           R"({"aanbieder":"87654321","jaar":2024,"bedrag":1})");
  ok("PUT", "/api/v1/aanbieders/12345678",
     R"({"naam":"Jeugdhulp Oost","soort":"aanbieder","landelijk":true})");
  auto lta = probleem("POST", "/api/v1/budgetplafonds", 400,
                      R"({"aanbieder":"12345678","jaar":2025,"bedrag":1})");
  EXPECT_NE(lta["detail"].get<std::string>().find("landelijk"), std::string::npos);
  auto a = ok("GET", "/api/v1/aanbieders");
  EXPECT_EQ(a["aanbieders"][0]["vrijgesteld"], true);
  ok("PUT", "/api/v1/aanbieders/12345678", R"({"naam":"Jeugdhulp Oost","soort":"aanbieder"})");
}

TEST_F(ServerContracten, ContractenProductenEnUitgaven) {
  auto c = ok("POST", "/api/v1/contracten",
              R"({"kenmerk":"JH-2024-1","aanbieder":"12345678","soort":"output",)"
              R"("ingangsdatum":"2024-01-01","gemeenten":["0268","0252"]})",
              201);
  EXPECT_EQ(c["gemeenten"].size(), 2u);
  EXPECT_EQ(ok("GET", "/api/v1/contracten?aanbieder=12345678")["contracten"].size(), 1u);
  // A tariff period from 1 July 2024.
  auto pr = ok("POST", "/api/v1/producten",
               R"({"productcategorie":"32","productcode":"32A01","eenheid":"04","tarief":12.5,)"
               R"("geldigVan":"2024-07-01"})",
               201);
  EXPECT_EQ(pr["tarief"], 12.5);
  size_t perioden = 0;
  const json producten = ok("GET", "/api/v1/producten");
  for (const auto& p : producten["producten"]) perioden += p["productcode"] == "32A01";
  EXPECT_EQ(perioden, 2u);
  auto u = ok("GET", "/api/v1/uitgaven?jaar=2024&groepering=maand");
  EXPECT_EQ(u["uitgaven"].size(), 12u);
  EXPECT_EQ(u["gedeclareerdTot"], "2023-12-31");  // nothing declared in 2024
  auto r = stuur("DELETE", "/api/v1/contracten/" + std::to_string(c["id"].get<int64_t>()));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
}

TEST_F(ServerContracten, PlafondtoetsGeeftEenDuidelijkeMelding) {
  auto p = ok("POST", "/api/v1/budgetplafonds",
              R"({"aanbieder":"12345678","jaar":2026,"bedrag":100,"bijOverschrijding":"weigeren"})",
              201);
  // 2 etmalen pleegzorg a week at 50.00 from 1 July to 31 December 2026: 184 days x 2/7 x 50.00.
  auto t = ok("POST", "/api/v1/plafondtoetsen",
              R"({"aanbieder":"12345678","gemeente":"0268","productcategorie":"35",)"
              R"("productcode":"35A01","ingangsdatum":"2026-07-01","einddatum":"2026-12-31",)"
              R"("volume":2,"eenheid":"14","frequentie":"2"})");
  EXPECT_EQ(t["toegestaan"], false);
  EXPECT_EQ(t["overschreden"], true);
  ASSERT_EQ(t["meldingen"].size(), 1u);
  EXPECT_NEAR(t["meldingen"][0]["kosten"].get<double>(), 184.0 * 2.0 / 7.0 * 50.0, 0.01);
  EXPECT_NE(t["meldingen"][0]["melding"].get<std::string>().find("geweigerd"), std::string::npos);
  // Toewijzen is the jeugdconsulent's: refused to the contractmanager; an unknown verzoek 404.
  probleem("POST", "/api/v1/verzoeken/999/toewijzing", 403, "{}");
  auto r = fx_->client("jeugdconsulent")
               .Post("/api/v1/verzoeken/999/toewijzing", "{}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404) << r->body;
  stuur("DELETE", "/api/v1/budgetplafonds/" + std::to_string(p["id"].get<int64_t>()));
}

TEST_F(ServerContracten, WachttijdenNormenEnPaginas) {
  auto w = ok("GET", "/api/v1/wachttijden?periode=2024H1");
  EXPECT_EQ(w["periode"], "2024H1");
  EXPECT_EQ(w["normen"]["*"], 10);
  EXPECT_EQ(w["klassen"].size(), 8u);
  EXPECT_EQ(w["totaal"]["aantal"], 0);  // the fixture's starts have no toewijzing
  EXPECT_TRUE(ok("GET", "/api/v1/wachtlijst")["wachtlijst"].is_array());
  ok("PUT", "/api/v1/wachttijdnormen/37", R"({"weken":2})");
  EXPECT_EQ(ok("GET", "/api/v1/wachttijdnormen")["normen"].size(), 2u);
  probleem("DELETE", "/api/v1/wachttijdnormen/*", 409);
  auto r = stuur("DELETE", "/api/v1/wachttijdnormen/37");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  auto v = ok("GET", "/api/v1/voorzieningen?jaar=2024");
  EXPECT_EQ(v["gemeenten"].size(), 2u);
  EXPECT_TRUE(v["totaal"]["pctMaatwerk"].is_null());  // no reported algemene voorzieningen
  for (const char* pagina :
       {"/contracten", "/contracten/budgetplafonds", "/contracten/uitgaven",
        "/contracten/contracten", "/contracten/registers", "/wachttijden", "/js/contracten.js",
        "/js/contracten/gedeeld.js", "/js/contracten/budgetplafonds.js", "/js/wachttijden.js"}) {
    auto p = fx_->client().Get(pagina);
    ASSERT_TRUE(p) << pagina;
    EXPECT_EQ(p->status, 200) << pagina;
  }
}

// The contract and waiting-time reads are kept per data version (Databron::bewaard): asked
// again they are not computed again, and an edit through the API shows in the very next read
// of the same URL.
TEST_F(ServerContracten, BewaardeAntwoordenVolgenElkeWijziging) {
  auto& bron = fx_->bron();
  const std::string plafonds = "/api/v1/budgetplafonds?jaar=2025";
  EXPECT_TRUE(ok("GET", plafonds)["budgetplafonds"].empty());
  const auto missers = bron.antwoord_missers();
  EXPECT_TRUE(ok("GET", plafonds)["budgetplafonds"].empty());
  EXPECT_EQ(bron.antwoord_missers(), missers);  // served from the cache

  auto p =
      ok("POST", "/api/v1/budgetplafonds",
         R"({"aanbieder":"12345678","jaar":2025,"bedrag":1000,"bijOverschrijding":"waarschuwen"})",
         201);
  auto na = ok("GET", plafonds);
  ASSERT_EQ(na["budgetplafonds"].size(), 1u);
  EXPECT_EQ(na["budgetplafonds"][0]["bedrag"], 1000.0);
  EXPECT_GT(bron.antwoord_missers(), missers);
  const std::string pad = "/api/v1/budgetplafonds/" + std::to_string(p["id"].get<int64_t>());
  ok("PUT", pad,
     R"({"aanbieder":"12345678","jaar":2025,"bedrag":2500,"bijOverschrijding":"waarschuwen"})");
  EXPECT_EQ(ok("GET", plafonds)["budgetplafonds"][0]["bedrag"], 2500.0);
  ASSERT_TRUE(stuur("DELETE", pad));
  EXPECT_TRUE(ok("GET", plafonds)["budgetplafonds"].empty());

  // A norm changes the waiting-time figures; a new tariff the products.
  const std::string wacht = "/api/v1/wachttijden?periode=2024H1";
  EXPECT_FALSE(ok("GET", wacht)["normen"].contains("36"));
  ok("PUT", "/api/v1/wachttijdnormen/36", R"({"weken":3})");
  EXPECT_EQ(ok("GET", wacht)["normen"]["36"], 3);
  ASSERT_TRUE(stuur("DELETE", "/api/v1/wachttijdnormen/36"));
  EXPECT_FALSE(ok("GET", wacht)["normen"].contains("36"));

  auto tarieven = [&] {
    std::vector<double> t;
    const json lijst = ok("GET", "/api/v1/producten");
    for (const auto& x : lijst["producten"])
      if (x["productcode"] == "35A01") t.push_back(x["tarief"].get<double>());
    return t;
  };
  const auto voor = tarieven();
  ok("POST", "/api/v1/producten",
     R"({"productcategorie":"35","productcode":"35A01","eenheid":"14","tarief":61.25,)"
     R"("geldigVan":"2027-01-01"})",
     201);
  const auto daarna = tarieven();
  EXPECT_EQ(daarna.size(), voor.size() + 1);
  EXPECT_NE(std::find(daarna.begin(), daarna.end(), 61.25), daarna.end());
}

// Another process's commit (an import, the register command) empties the kept answers too,
// within half a second (PRAGMA data_version).
TEST_F(ServerContracten, BewaardeAntwoordenVolgenEenAnderProces) {
  const std::string normen = "/api/v1/wachttijdnormen";
  EXPECT_EQ(ok("GET", normen)["normen"].size(), 1u);
  sqlite3* ander = nullptr;
  ASSERT_EQ(sqlite3_open(fx_->db_pad().c_str(), &ander), SQLITE_OK);
  sqlite3_busy_timeout(ander, 5000);
  ASSERT_EQ(sqlite3_exec(ander, "INSERT INTO wachttijd_norm (categorie, weken) VALUES ('45', 4)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  fx_->klok().advance(std::chrono::milliseconds(600));
  EXPECT_EQ(ok("GET", normen)["normen"].size(), 2u);
  ASSERT_EQ(sqlite3_exec(ander, "DELETE FROM wachttijd_norm WHERE categorie = '45'", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(ander);
  fx_->klok().advance(std::chrono::milliseconds(600));
  EXPECT_EQ(ok("GET", normen)["normen"].size(), 1u);
}

}  // namespace
}  // namespace jr::testing
