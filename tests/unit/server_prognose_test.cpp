// GET /api/v1/prognoses and /prognoses/backtest over real HTTP: bad input is a problem+json
// 400 naming the parameter; data too short for a backtest is a 409. (The 200 answers are
// checked against the page in tests/browser/prognose.test.mjs, on a generated region.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

class ServerPrognose : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static json probleem(const std::string& pad, int status, const std::string& param = "") {
    auto r = fx_->client("beleidsmedewerker").Get(pad);
    EXPECT_TRUE(r) << pad;
    if (!r) return {};
    EXPECT_EQ(r->status, status) << pad << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << pad;
    auto p = json::parse(r->body);
    if (!param.empty()) {
      EXPECT_EQ(p["code"], "invalid-params") << pad;
      bool gevonden = false;
      for (const auto& ip : p["invalidParams"]) gevonden = gevonden || ip["name"] == param;
      EXPECT_TRUE(gevonden) << "geen invalidParam " << param << " in " << r->body;
    }
    return p;
  }
  static ServerFixture* fx_;
};
ServerFixture* ServerPrognose::fx_ = nullptr;

TEST_F(ServerPrognose, BadInputIsProblemJson400) {
  probleem("/api/v1/prognoses?horizon=61", 400, "horizon");
  probleem("/api/v1/prognoses?horizon=twee", 400, "horizon");
  probleem("/api/v1/prognoses?runs=0", 400, "runs");
  probleem("/api/v1/prognoses?peildatum=2024-02-30", 400, "peildatum");
  probleem("/api/v1/prognoses?gemeente=268", 400, "gemeente");
  probleem("/api/v1/prognoses?pagina=1", 400, "pagina");
  probleem("/api/v1/prognoses?scenario=%7B%22naam%22%3A%22x%22%2C%22afschalen%22%3A%7B%7D%7D", 400,
           "scenario");  // {"naam":"x","afschalen":{}}: an unknown key
  probleem(
      "/api/v1/"
      "prognoses?scenario=%7B%22naam%22%3A%22x%22%2C%22afschaling%22%3A%7B%22duur_min_pct%22%3A95%"
      "7D%7D",
      400, "scenario");  // a factor out of range
  // The fixture has no declaraties: every peildatum lies before the data start.
  auto p = probleem("/api/v1/prognoses?peildatum=2024-06-30", 400, "peildatum");
  EXPECT_NE(
      p["invalidParams"][0]["reason"].get<std::string>().find("voor het begin van de gegevens"),
      std::string::npos);
  auto b = probleem("/api/v1/prognoses/backtest", 409);
  EXPECT_EQ(b["code"], "failed-precondition");
}

TEST_F(ServerPrognose, OnlyBeleidAndContractRoles) {
  for (const char* rol :
       {"jeugdconsulent", "regisseur", "functioneelBeheerder", "privacyOfficer"}) {
    auto r = fx_->client(rol).Get("/api/v1/prognoses?horizon=6");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << rol;
  }
}

}  // namespace
}  // namespace jr::testing
