// The authorisation matrix, generated from the route table: every route is called by every
// role, once with a session scoped to one gemeente (0268) and once regio-wide, aimed at the
// caller's own gemeente, another gemeente (0252) and the whole regio, and must be admitted
// or refused exactly as its declared roles and scope say. A new route is in the matrix the
// moment it is in the table; one the test cannot aim at a gemeente fails it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "server/autorisatie.h"
#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;
using server::Rol;
using server::Route;
using server::Scope;

class Autorisatie : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static ServerFixture* fx_;
};
ServerFixture* Autorisatie::fx_ = nullptr;

// A KPI of gemeente `g` (nullopt: the regio), made directly in the register; its id.
int64_t kpi_van(ServerFixture& fx, const std::optional<std::string>& g) {
  server::Kpi k;
  k.naam = "matrix";
  k.indicator = "pctJongerenMetJeugdhulp";
  k.gemeente = g;
  k.nulmeting_waarde = 1;
  k.nulmeting_periode = "2023";
  k.ambitie_waarde = 0.5;
  k.ambitie_jaar = 2025;
  auto r = fx.bron().met_kpis([&](server::KpiRegister& reg) { return reg.maak(k); });
  if (!r.ok()) throw std::runtime_error(r.status().to_string());
  return r->id;
}

// A verzoek om toewijzing (JW315) received for gemeente `g` (nullopt: 0252, as a verzoek is
// always some gemeente's), made directly in the store; its id.
int64_t verzoek_van(ServerFixture& fx, const std::optional<std::string>& g) {
  static int n = 0;
  return fx.bron().met_store([&](store::Store& s) {
    auto& db = static_cast<store::SqliteStore&>(s).db();
    auto& q = db.prepare(
        "INSERT INTO verzoek (bericht_id, aanbieder, gemeente, jeugdige_id, referentie_aanbieder,"
        " dagtekening, categorie, productcode, toewijzing_ingangsdatum, verwijzer_type)"
        " VALUES (1, '12345678', ?, 1, ?, '2024-07-01', '32', '32A01', '2024-07-01', '01')");
    q.bind(1, g.value_or("0252")).bind(2, "matrix-" + std::to_string(++n));
    auto st = q.run();
    if (!st.ok()) throw std::runtime_error(st.to_string());
    return db.last_insert_rowid();
  });
}

// A body that fits every state-changing route: a valid KPI of gemeente `g`, a small export
// table and a valid plafondtoets or toewijzing (a route reads the fields it knows).
std::string body_voor(const std::optional<std::string>& g) {
  json b = {{"aanbieder", "12345678"},
            {"productcategorie", "32"},
            {"productcode", "32A01"},
            {"ingangsdatum", "2024-07-01"},
            {"volume", 1},
            {"eenheid", "04"},
            {"frequentie", "2"},
            {"naam", "matrix"},
            {"indicator", "pctJongerenMetJeugdhulp"},
            {"nulmeting", {{"waarde", 1.0}, {"periode", "2023"}}},
            {"ambitie", {{"waarde", 0.5}, {"jaar", 2025}}},
            {"titel", "matrix"},
            {"kolommen", {"a"}},
            {"rijen", json::array({json::array({1})})}};
  if (g) b["gemeente"] = *g;
  return b.dump();
}

struct Aanvraag {
  std::string methode, pad, body;
};

// The request for `r` aimed at gemeente `g` (nullopt: the regio), or an explanation of why
// the test cannot aim this route at a gemeente.
std::optional<Aanvraag> aanvraag(ServerFixture& fx, const Route& r,
                                 const std::optional<std::string>& g, std::string& waarom) {
  Aanvraag a{r.methode, r.pad, ""};
  bool gemeente_gezet = false;
  for (size_t b = a.pad.find('{'); b != std::string::npos; b = a.pad.find('{')) {
    size_t e = a.pad.find('}', b);
    std::string naam = a.pad.substr(b + 1, e - b - 1);
    std::string waarde;
    if (r.pad.rfind("/api/v1/kpis/", 0) == 0 && naam == "id") {
      waarde = std::to_string(kpi_van(fx, g));
      gemeente_gezet = true;
    } else if (r.pad.rfind("/api/v1/verzoeken/", 0) == 0 && naam == "id") {
      waarde = std::to_string(verzoek_van(fx, g));
      gemeente_gezet = true;
    } else if (r.scope != Scope::kGemeente) {
      waarde = "1";  // the scope does not depend on the resource: any value will do
    } else {
      waarom = "geen voorbeeld van gemeente " + g.value_or("regio") + " voor padparameter {" +
               naam + "} van " + r.pad;
      return std::nullopt;
    }
    a.pad.replace(b, e - b + 1, waarde);
  }
  std::string q;
  auto zet = [&](const std::string& k, const std::string& v) {
    q += (q.empty() ? "?" : "&") + k + "=" + v;
  };
  for (const auto& k : r.query) {
    if (k == "gemeente") {
      if (g) zet(k, *g);
      gemeente_gezet = true;
    } else if (k == "periode") {
      zet(k, "2024H1");
    } else if (k == "jeugdige") {
      zet(k, "999900006");
    } else if (k == "formaat") {
      zet(k, "csv");
    }
  }
  a.pad += q;
  if (r.methode == "POST" || r.methode == "PUT") {
    a.body = body_voor(g);
    gemeente_gezet = true;
  }
  if (r.scope == Scope::kGemeente && !gemeente_gezet) {
    waarom =
        r.methode + " " + r.pad + " heeft scope gemeente maar geen gemeente in pad, query of body";
    return std::nullopt;
  }
  return a;
}

httplib::Result stuur(httplib::Client& c, const Aanvraag& a) {
  if (a.methode == "GET") return c.Get(a.pad);
  if (a.methode == "POST") return c.Post(a.pad, a.body, "application/json");
  // An edit names any version (If-Match: *): what is tested here is who is let through.
  if (a.methode == "PUT") return c.Put(a.pad, {{"If-Match", "*"}}, a.body, "application/json");
  return c.Delete(a.pad, {{"If-Match", "*"}});
}

// A refusal: problem+json with only the problem's own fields, no data.
void expect_weigering(const httplib::Result& r, int status, const std::set<std::string>& codes,
                      const std::string& wat) {
  ASSERT_TRUE(r) << wat;
  EXPECT_EQ(r->status, status) << wat << ": " << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json") << wat;
  auto p = json::parse(r->body, nullptr, false);
  ASSERT_TRUE(p.is_object()) << wat;
  EXPECT_TRUE(codes.count(p.value("code", ""))) << wat << ": " << r->body;
  for (const auto& [k, v] : p.items()) {
    (void)v;
    EXPECT_TRUE(k == "type" || k == "code" || k == "title" || k == "status" || k == "detail")
        << wat << ": veld " << k;
  }
}

TEST_F(Autorisatie, OnlyLoggingInIsOpenToAnonymousCallers) {
  for (const auto& r : fx_->api().routes()) {
    if (r.openbaar) {
      EXPECT_EQ(r.methode + " " + r.pad, "POST /api/v1/sessie");
      continue;
    }
    EXPECT_FALSE(r.rollen.empty()) << r.pad << " laat niemand toe";
    std::string waarom;
    auto a = aanvraag(*fx_, r, "0268", waarom);
    ASSERT_TRUE(a) << waarom;
    auto c = fx_->anoniem();
    expect_weigering(stuur(c, *a), 401, {"unauthenticated"}, r.methode + " " + a->pad);
  }
}

TEST_F(Autorisatie, EveryRouteAdmitsExactlyItsRolesWithinTheirGemeente) {
  struct Beller {
    Rol rol;
    std::optional<std::string> gemeente;  // scope of the caller
    std::string naam;                     // empty: the aanbieder's token
  };
  std::vector<Beller> bellers;
  for (Rol r : server::alle_rollen()) {
    if (r == Rol::kAanbieder) {
      bellers.push_back({r, std::nullopt, ""});
      continue;
    }
    std::string n(server::rol_naam(r));
    bellers.push_back({r, std::nullopt, n});
    bellers.push_back({r, "0268", n + "-0268"});
  }
  const std::vector<std::optional<std::string>> doelen = {"0268", "0252", std::nullopt};
  int toegelaten = 0, geweigerd = 0;
  for (const auto& route : fx_->api().routes()) {
    if (route.openbaar) continue;
    for (const auto& b : bellers) {
      for (const auto& doel : doelen) {
        std::string waarom;
        auto a = aanvraag(*fx_, route, doel, waarom);
        ASSERT_TRUE(a) << waarom;
        const bool rol_ok =
            std::find(route.rollen.begin(), route.rollen.end(), b.rol) != route.rollen.end();
        bool scope_ok = true;
        if (route.scope == Scope::kRegio) scope_ok = !b.gemeente;
        if (route.scope == Scope::kGemeente) scope_ok = !b.gemeente || doel == b.gemeente;
        const bool verwacht = rol_ok && scope_ok;
        auto c = b.naam.empty() ? fx_->token_client() : fx_->client(b.naam);
        auto r = stuur(c, *a);
        std::string wat = route.methode + " " + a->pad + " als " +
                          (b.naam.empty() ? "token" : b.naam) + " (doel " + doel.value_or("regio") +
                          ")";
        ASSERT_TRUE(r) << wat;
        if (verwacht) {
          ++toegelaten;
          EXPECT_NE(r->status, 401) << wat << ": " << r->body;
          EXPECT_NE(r->status, 403) << wat << ": " << r->body;
          EXPECT_LT(r->status, 500) << wat << ": " << r->body;
        } else {
          ++geweigerd;
          expect_weigering(r, 403, {rol_ok ? "forbidden-scope" : "forbidden-role"}, wat);
        }
      }
    }
  }
  // The matrix is not empty on either side.
  EXPECT_GT(toegelaten, 20);
  EXPECT_GT(geweigerd, 100);
}

}  // namespace
}  // namespace jr::testing
