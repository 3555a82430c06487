// The authorisation matrix: every route is called by every role, once with a session scoped
// to one gemeente (0268) and once regio-wide, aimed at the caller's own gemeente, another
// gemeente (0252) and the whole regio, and must be admitted or refused exactly as the
// hand-written table below says (kVerwacht), not as the route table says: a wrong entry in the
// route table fails here. A new route is in the matrix the moment it is in the route table;
// one without a hand-written line, or one the test cannot aim at a gemeente, fails it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "server/autorisatie.h"
#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;
using server::Rol;
using server::Route;
using server::Scope;

// Who may call what, written by hand from DESIGN.md "Who uses it" and reviewed route by route;
// deliberately not read from the route table, so that a wrong entry there (the audit log
// opened to a beleidsmedewerker, a write opened to a read-only role, a scope widened from one
// gemeente to the regio) fails a test. Roles by their API names, separated by spaces; ""
// means anonymous. Every route of the API is listed: a new route without a line here fails.
struct Verwacht {
  const char* route;   // "METHOD /path"
  const char* rollen;  // who is admitted
  Scope scope;
};
constexpr const char* kIedereen =
    "jeugdconsulent regisseur contractmanager beleidsmedewerker functioneelBeheerder "
    "privacyOfficer";
const Verwacht kVerwacht[] = {
    // Sessions: logging in is the only anonymous route; every person may see and end theirs.
    {"POST /api/v1/sessie", "", Scope::kGeen},
    {"GET /api/v1/sessie", kIedereen, Scope::kGeen},
    {"DELETE /api/v1/sessie", kIedereen, Scope::kGeen},
    // The audit log (who saw which person when): the privacy officer only, regio-wide.
    {"GET /api/v1/audit", "privacyOfficer", Scope::kRegio},
    // iJw messages come in from the aanbieders' systems only (a token, never a person).
    {"POST /api/v1/berichten", "aanbieder", Scope::kGeen},
    // Figures (aggregates, small numbers suppressed): policy and contract management.
    {"GET /api/v1/indicatoren", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/kerncijfers", "beleidsmedewerker contractmanager", Scope::kRegio},
    {"GET /api/v1/kerncijfers/verloop", "beleidsmedewerker contractmanager", Scope::kRegio},
    {"GET /api/v1/perioden", "beleidsmedewerker contractmanager", Scope::kRegio},
    {"GET /api/v1/trajecten", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/voorzieningen", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/wachttijden", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/prognoses", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/prognoses/backtest", "beleidsmedewerker contractmanager", Scope::kRegio},
    {"POST /api/v1/exports", "beleidsmedewerker contractmanager", Scope::kGeen},
    // KPIs: the beleidsmedewerker sets them; contract management reads them.
    {"GET /api/v1/kpi-indicatoren", "beleidsmedewerker contractmanager functioneelBeheerder",
     Scope::kGeen},
    {"GET /api/v1/kpis", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"GET /api/v1/kpis/{id}", "beleidsmedewerker contractmanager", Scope::kGemeente},
    {"POST /api/v1/kpis", "beleidsmedewerker", Scope::kGemeente},
    {"PUT /api/v1/kpis/{id}", "beleidsmedewerker", Scope::kGemeente},
    {"DELETE /api/v1/kpis/{id}", "beleidsmedewerker", Scope::kGemeente},
    // Registers (aanbieders, products, contracts): contract management writes; the catalogue
    // is read by the consulent too (a beschikking names a product and an aanbieder).
    {"GET /api/v1/aanbieders", "contractmanager beleidsmedewerker jeugdconsulent", Scope::kGeen},
    {"GET /api/v1/aanbieders/{agb}", "contractmanager beleidsmedewerker jeugdconsulent",
     Scope::kGeen},
    {"PUT /api/v1/aanbieders/{agb}", "contractmanager", Scope::kGeen},
    {"GET /api/v1/producten", "contractmanager beleidsmedewerker jeugdconsulent", Scope::kGeen},
    {"POST /api/v1/producten", "contractmanager", Scope::kGeen},
    {"GET /api/v1/contracten", "contractmanager beleidsmedewerker", Scope::kRegio},
    {"GET /api/v1/contracten/{id}", "contractmanager beleidsmedewerker", Scope::kRegio},
    {"POST /api/v1/contracten", "contractmanager", Scope::kRegio},
    {"PUT /api/v1/contracten/{id}", "contractmanager", Scope::kRegio},
    {"DELETE /api/v1/contracten/{id}", "contractmanager", Scope::kRegio},
    // Money: plafonds are set regio-wide by contract management; spending is read per gemeente.
    {"GET /api/v1/budgetplafonds", "contractmanager beleidsmedewerker", Scope::kGemeente},
    {"GET /api/v1/budgetplafonds/{id}", "contractmanager beleidsmedewerker", Scope::kRegio},
    {"POST /api/v1/budgetplafonds", "contractmanager", Scope::kRegio},
    {"PUT /api/v1/budgetplafonds/{id}", "contractmanager", Scope::kRegio},
    {"DELETE /api/v1/budgetplafonds/{id}", "contractmanager", Scope::kRegio},
    {"GET /api/v1/uitgaven", "contractmanager beleidsmedewerker", Scope::kGemeente},
    // The toegang's work on one verzoek: checking a plafond and allocating.
    {"POST /api/v1/plafondtoetsen", "jeugdconsulent contractmanager", Scope::kGemeente},
    {"POST /api/v1/verzoeken/{id}/toewijzing", "jeugdconsulent", Scope::kGemeente},
    // Waiting: the list of who waits (pseudonymised) for those who act on it; the norms are
    // configuration (functioneel beheer) and contract terms.
    {"GET /api/v1/wachtlijst", "contractmanager jeugdconsulent regisseur", Scope::kGemeente},
    {"GET /api/v1/wachttijdnormen", "beleidsmedewerker contractmanager functioneelBeheerder",
     Scope::kGeen},
    {"GET /api/v1/wachttijdnormen/{categorie}",
     "beleidsmedewerker contractmanager functioneelBeheerder", Scope::kGeen},
    {"PUT /api/v1/wachttijdnormen/{categorie}", "contractmanager functioneelBeheerder",
     Scope::kGeen},
    {"DELETE /api/v1/wachttijdnormen/{categorie}", "contractmanager functioneelBeheerder",
     Scope::kGeen},
    // The toegang's casework (need-to-know): the jeugdconsulent registers aanmeldingen, decides
    // and answers verzoeken; the regisseur reads and plans for the gezinnen they direct; policy,
    // contract management, functioneel beheer and the privacy officer see no dossier. The
    // werkvoorraad and the open verzoeken are bound by team membership, not by a query.
    {"POST /api/v1/aanmeldingen", "jeugdconsulent", Scope::kGemeente},
    {"GET /api/v1/werkvoorraad", "jeugdconsulent regisseur", Scope::kGeen},
    {"GET /api/v1/gezinnen/{id}", "jeugdconsulent regisseur", Scope::kGemeente},
    {"PUT /api/v1/gezinnen/{id}/regisseur", "jeugdconsulent", Scope::kGemeente},
    {"POST /api/v1/gezinnen/{id}/vraagverhelderingen", "jeugdconsulent regisseur",
     Scope::kGemeente},
    {"GET /api/v1/gezinnen/{id}/gezinsplannen", "jeugdconsulent regisseur", Scope::kGemeente},
    {"POST /api/v1/gezinnen/{id}/gezinsplannen", "jeugdconsulent regisseur", Scope::kGemeente},
    {"POST /api/v1/gezinnen/{id}/besluiten", "jeugdconsulent", Scope::kGemeente},
    {"GET /api/v1/verzoeken", "jeugdconsulent", Scope::kGeen},
    {"POST /api/v1/verzoeken/{id}/antwoord", "jeugdconsulent", Scope::kGemeente},
    // The outbox: an aanbieder's token fetches its own messages.
    {"GET /api/v1/berichten", "aanbieder", Scope::kGeen},
};

// The hand-written line of `route`; nullptr when it has none.
const Verwacht* verwacht_voor(const Route& route) {
  const std::string naam = route.methode + " " + route.pad;
  for (const auto& v : kVerwacht)
    if (naam == v.route) return &v;
  return nullptr;
}

// The role names of a line.
std::set<std::string> rollen_van(const char* tekst) {
  std::set<std::string> uit;
  std::istringstream in(tekst);
  for (std::string r; in >> r;) uit.insert(r);
  return uit;
}

class Autorisatie : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fx_ = new ServerFixture();
    // The consulenten work in the teams of the gemeenten their scope covers: the regio-wide one
    // in both, the one of Nijmegen in Nijmegen's (need-to-know is team membership).
    fx_->bron().met_store([](store::Store& s) {
      auto nijmegen = s.maak_team({0, "0268", "Wijkteam Nijmegen", "wijkteam"});
      auto heumen = s.maak_team({0, "0252", "Wijkteam Heumen", "wijkteam"});
      if (!nijmegen.ok() || !heumen.ok()) throw std::runtime_error("teams");
      for (auto [team, naam] :
           {std::pair{*nijmegen, "jeugdconsulent"}, std::pair{*nijmegen, "jeugdconsulent-0268"},
            std::pair{*heumen, "jeugdconsulent"}})
        if (!s.voeg_teamlid_toe(team, naam).ok()) throw std::runtime_error("teamlid");
    });
  }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static ServerFixture* fx_;
};
ServerFixture* Autorisatie::fx_ = nullptr;

// A KPI of gemeente `g` (nullopt: the regio), made directly in the register; its id.
int64_t kpi_van(ServerFixture& fx, const std::optional<std::string>& g) {
  store::Kpi k;
  k.naam = "matrix";
  k.indicator = "pctJongerenMetJeugdhulp";
  k.gemeente = g;
  k.nulmeting_waarde = 1;
  k.nulmeting_periode = "2023";
  k.ambitie_waarde = 0.5;
  k.ambitie_jaar = 2025;
  auto r = fx.bron().met_kpis([&](store::Kpiregister& reg) { return reg.maak_kpi(k); });
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

// A gezin of gemeente `g` (nullopt: 0252) directed by `regisseur` (when not empty), made
// directly in the store; its id.
int64_t gezin_van(ServerFixture& fx, const std::optional<std::string>& g,
                  const std::string& regisseur) {
  return fx.bron().met_store([&](store::Store& s) {
    store::GezinRecord r;
    r.gemeente = g.value_or("0252");
    r.aangemaakt_op = Date(2024, 7, 1);
    if (!regisseur.empty()) r.regisseur = regisseur;
    auto id = s.maak_gezin(r);
    if (!id.ok()) throw std::runtime_error(id.status().to_string());
    return *id;
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
                                 const std::optional<std::string>& g, std::string& waarom,
                                 const std::string& beller = "") {
  Aanvraag a{r.methode, r.pad, ""};
  bool gemeente_gezet = false;
  for (size_t b = a.pad.find('{'); b != std::string::npos; b = a.pad.find('{')) {
    size_t e = a.pad.find('}', b);
    std::string naam = a.pad.substr(b + 1, e - b - 1);
    std::string waarde;
    if (r.pad.rfind("/api/v1/kpis/", 0) == 0 && naam == "id") {
      waarde = std::to_string(kpi_van(fx, g));
      gemeente_gezet = true;
    } else if (r.pad.rfind("/api/v1/gezinnen/", 0) == 0 && naam == "id") {
      // A regisseur directs the gezin it is aimed at: what is tested is role and scope.
      waarde = std::to_string(
          gezin_van(fx, g, beller.rfind("regisseur", 0) == 0 ? beller : std::string()));
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
        auto a = aanvraag(*fx_, route, doel, waarom, b.naam);
        ASSERT_TRUE(a) << waarom;
        const Verwacht* hand = verwacht_voor(route);
        ASSERT_NE(hand, nullptr) << route.methode << " " << route.pad << " mist in kVerwacht";
        const bool rol_ok = rollen_van(hand->rollen).count(std::string(server::rol_naam(b.rol)));
        bool scope_ok = true;
        if (hand->scope == Scope::kRegio) scope_ok = !b.gemeente;
        if (hand->scope == Scope::kGemeente) scope_ok = !b.gemeente || doel == b.gemeente;
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

TEST_F(Autorisatie, TheRouteTableSaysWhatWasWrittenByHand) {
  std::set<std::string> gezien;
  for (const auto& route : fx_->api().routes()) {
    const std::string naam = route.methode + " " + route.pad;
    gezien.insert(naam);
    const Verwacht* hand = verwacht_voor(route);
    if (!hand) {
      ADD_FAILURE() << naam << ": geen regel in kVerwacht (schrijf op wie deze route mag)";
      continue;
    }
    std::set<std::string> tabel;
    for (Rol r : route.rollen) tabel.insert(std::string(server::rol_naam(r)));
    EXPECT_EQ(tabel, rollen_van(hand->rollen)) << naam;
    EXPECT_EQ(route.scope, hand->scope) << naam;
    EXPECT_EQ(route.openbaar, std::string(hand->rollen).empty()) << naam;
  }
  for (const auto& v : kVerwacht) EXPECT_TRUE(gezien.count(v.route)) << v.route << " bestaat niet";
}

}  // namespace
}  // namespace jr::testing
