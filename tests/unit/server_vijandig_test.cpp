// Hostile input over real HTTP: bytes that are not UTF-8 anywhere in a request, control
// characters and NULs, non-canonical ids, null where the schema does not allow it, amounts that
// round to nothing, bodies in the wrong media type, requests without a length, slow and
// greedy clients, a second server on a taken port, ids handed out twice, and two people
// editing the same record (If-Match / ETag). Each gets a 4xx problem+json, nothing is written,
// and the server keeps answering.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "server/router.h"
#include "server_test_fixture.h"

namespace jr::testing {
namespace {

using nlohmann::json;

// A plain TCP connection to the server from local address `van` (any of 127.0.0.0/8).
class Verbinding {
 public:
  Verbinding(int port, const char* van = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in bron{};
    bron.sin_family = AF_INET;
    ::inet_pton(AF_INET, van, &bron.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&bron), sizeof bron);
    sockaddr_in doel{};
    doel.sin_family = AF_INET;
    doel.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &doel.sin_addr);
    verbonden_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&doel), sizeof doel) == 0;
  }
  ~Verbinding() { ::close(fd_); }
  bool verbonden() const { return verbonden_; }
  void stuur(std::string_view s) { (void)!::send(fd_, s.data(), s.size(), MSG_NOSIGNAL); }
  // What the server sends until it closes the connection, sends a whole answer with the
  // given body size, or `ms` pass without a byte. `gesloten()` tells whether it closed.
  std::string lees(int ms = 10000) {
    std::string uit;
    char buf[4096];
    while (true) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, ms) <= 0) break;
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        gesloten_ = true;
        break;
      }
      uit.append(buf, static_cast<size_t>(n));
      if (compleet(uit)) break;
    }
    return uit;
  }
  bool gesloten() const { return gesloten_; }

 private:
  static bool compleet(const std::string& s) {
    const auto kop = s.find("\r\n\r\n");
    if (kop == std::string::npos) return false;
    const auto cl = s.find("Content-Length: ");
    if (cl == std::string::npos || cl > kop) return true;
    return s.size() >= kop + 4 + std::stoul(s.substr(cl + 16));
  }
  int fd_ = -1;
  bool verbonden_ = false;
  bool gesloten_ = false;
};

int status_van(const std::string& antwoord) {
  if (antwoord.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(antwoord.substr(9, 3));
}

class Vijandig : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  // A client that sends paths as given (no re-encoding).
  static httplib::Client rauw(const std::string& naam = "") {
    auto c = naam.empty() ? fx_->anoniem() : fx_->client(naam);
    c.set_url_encode(false);
    return c;
  }
  static void verwacht_probleem(const httplib::Result& r, int status, const std::string& code) {
    ASSERT_TRUE(r) << "geen antwoord";
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/problem+json");
    auto p = json::parse(r->body);  // the answer is valid UTF-8 JSON
    EXPECT_EQ(p["code"], code) << r->body;
  }
  static void server_antwoordt() {
    auto r = fx_->anoniem().Get("/api/v1/perioden");
    ASSERT_TRUE(r) << "de server antwoordt niet meer";
    EXPECT_EQ(r->status, 401);
  }
  static int64_t aantal_kpis() {
    auto r = fx_->client("beleidsmedewerker").Get("/api/v1/kpis");
    return r ? static_cast<int64_t>(json::parse(r->body)["kpis"].size()) : -1;
  }
  static ServerFixture* fx_;
};
ServerFixture* Vijandig::fx_ = nullptr;

// The request of the issue that stopped the whole server: the refused path went into the audit
// event, whose JSON writer threw on the byte 0xFF.
TEST_F(Vijandig, InvalidUtf8InThePathIsRefusedAndTheServerKeepsAnswering) {
  verwacht_probleem(rauw().Get("/api/v1/%ff"), 400, "invalid-encoding");
  server_antwoordt();
  verwacht_probleem(rauw().Get("/api/v1/kpis/%c3%28"), 400, "invalid-encoding");
  verwacht_probleem(rauw().Get("/overzicht%ff"), 400, "invalid-encoding");
  verwacht_probleem(rauw().Get("/api/v1/%zz"), 400, "invalid-encoding");
  server_antwoordt();
  // The refusals are in the audit log, which stays one whole chain.
  auto keten = fx_->store().verifieer_audit();
  ASSERT_TRUE(keten.ok());
  EXPECT_FALSE(keten->eerste_fout) << keten->fout;
  EXPECT_GE(keten->gecontroleerd, 4);
}

TEST_F(Vijandig, InvalidUtf8InAQueryKeyOrEchoedValueNamesTheParameter) {
  auto r = rauw("beleidsmedewerker").Get("/api/v1/perioden?%ff=1");
  verwacht_probleem(r, 400, "invalid-encoding");
  auto p = json::parse(r->body);
  EXPECT_EQ(p["invalidParams"][0]["name"], "\xEF\xBF\xBD");  // the key, its byte replaced
  r = rauw("contractmanager").Get("/api/v1/trajecten?periode=2024H1&gemeente=0268&aanbieder=%ff");
  verwacht_probleem(r, 400, "invalid-encoding");
  EXPECT_EQ(json::parse(r->body)["invalidParams"][0]["name"], "aanbieder");
  // A NUL or another control character in a value is refused the same way.
  r = rauw("beleidsmedewerker").Get("/api/v1/indicatoren?periode=2024H1&gemeente=02%0068");
  verwacht_probleem(r, 400, "invalid-encoding");
  EXPECT_EQ(json::parse(r->body)["invalidParams"][0]["code"], "control-character");
  server_antwoordt();
}

TEST_F(Vijandig, IdsAreCanonicalDecimal) {
  auto cl = rauw("beleidsmedewerker");
  for (const char* id : {"09", "+9", "-9", "0", "9e0", "%209", "99999999999999999999"})
    verwacht_probleem(cl.Get((std::string("/api/v1/kpis/") + id).c_str()), 400, "invalid-params");
  verwacht_probleem(cl.Get("/api/v1/kpis/9"), 404, "not-found");
}

json kpi(const std::string& naam) {
  return {{"naam", naam},
          {"indicator", "pctJongerenMetJeugdhulp"},
          {"gemeente", "0268"},
          {"nulmeting", {{"waarde", 9.5}, {"periode", "2020"}}},
          {"ambitie", {{"waarde", 8.0}, {"jaar", 2024}}},
          {"bron", "seed 002"},
          {"toelichting", "regel een\nregel twee"}};
}

TEST_F(Vijandig, ControlCharactersNullsAndWrongTypesAreRefusedAndNothingIsWritten) {
  auto cl = fx_->client("beleidsmedewerker");
  const int64_t voor = aantal_kpis();
  auto stuur = [&](const json& b) { return cl.Post("/api/v1/kpis", b.dump(), "application/json"); };
  auto naam_met_nul = kpi(std::string("a\0b", 3));
  verwacht_probleem(stuur(naam_met_nul), 400, "invalid-params");
  verwacht_probleem(stuur(kpi("bel\x07")), 400, "invalid-params");
  auto b = kpi("Goed");
  b["bron"] = nullptr;  // bron is a string, not nullable
  auto r = stuur(b);
  verwacht_probleem(r, 400, "invalid-params");
  EXPECT_EQ(json::parse(r->body)["invalidParams"][0]["name"], "bron");
  b = kpi("Goed");
  b["nulmeting"]["waarde"] = nullptr;
  r = stuur(b);
  verwacht_probleem(r, 400, "invalid-params");
  EXPECT_EQ(json::parse(r->body)["invalidParams"][0]["name"], "nulmeting.waarde");
  b = kpi("Goed");
  b["ambitie"]["jaar"] = 2024.5;
  verwacht_probleem(stuur(b), 400, "invalid-params");
  EXPECT_EQ(aantal_kpis(), voor);
  // gemeente is nullable (the regio); a toelichting may have line breaks.
  b = kpi("Regio");
  b["gemeente"] = nullptr;
  r = stuur(b);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_TRUE(json::parse(r->body)["gemeente"].is_null());
  EXPECT_EQ(json::parse(r->body)["toelichting"], "regel een\nregel twee");
}

TEST_F(Vijandig, JsonBodiesOnlyAsApplicationJson) {
  auto cl = fx_->client("beleidsmedewerker");
  verwacht_probleem(cl.Post("/api/v1/kpis", kpi("Tekst").dump(), "text/plain"), 415,
                    "unsupported-media-type");
  verwacht_probleem(
      cl.Post("/api/v1/kpis", kpi("Latijn").dump(), "application/json; charset=latin1"), 415,
      "unsupported-media-type");
  auto r = cl.Post("/api/v1/kpis", kpi("Utf8").dump(), "application/json; charset=utf-8");
  EXPECT_EQ(r->status, 201) << r->body;
  // The upload of an iJw message is XML: JSON is refused there.
  auto t = fx_->token_client();
  verwacht_probleem(t.Post("/api/v1/berichten", "{}", "application/json"), 415,
                    "unsupported-media-type");
}

TEST_F(Vijandig, AmountsAreWholeCentsOfAtLeastOne) {
  auto cl = fx_->client("contractmanager");
  auto product = [](json tarief) {
    return json{{"productcategorie", "45"},
                {"productcode", "45A01"},
                {"eenheid", "04"},
                {"tarief", tarief},
                {"geldigVan", "2024-01-01"}}
        .dump();
  };
  for (json t : {json(1e-320), json(0.001), json(12.345), json(0), json(-5), json("12")})
    verwacht_probleem(cl.Post("/api/v1/producten", product(t), "application/json"), 400,
                      "invalid-params");
  auto r = cl.Post("/api/v1/producten", product(12.34), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_DOUBLE_EQ(json::parse(r->body)["tarief"].get<double>(), 12.34);
  auto n = fx_->bron().met_store([](store::Store& s) {
    auto& q = static_cast<store::SqliteStore&>(s).db().prepare(
        "SELECT tarief_cent FROM product WHERE code = '45A01'");
    int64_t c = q.step() ? q.int64(0) : -1;
    q.reset();
    return c;
  });
  EXPECT_EQ(n, 1234);
}

TEST_F(Vijandig, ABodyWithoutContentLengthIsRefusedAtOnce) {
  Verbinding v(fx_->port());
  ASSERT_TRUE(v.verbonden());
  // The header is complete, the body never comes and the connection stays open: the answer
  // must not wait for it.
  v.stuur("POST /api/v1/kpis HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n{");
  const std::string a = v.lees();
  EXPECT_EQ(status_van(a), 411) << a;
  EXPECT_NE(a.find("length-required"), std::string::npos);
  Verbinding c(fx_->port());
  c.stuur("PUT /api/v1/kpis/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n");
  EXPECT_EQ(status_van(c.lees()), 411);
  Verbinding g(fx_->port());
  g.stuur("POST /api/v1/kpis HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n");
  EXPECT_EQ(status_van(g.lees()), 413);  // at once: far too large to wait for
  EXPECT_TRUE(g.gesloten() || g.lees(2000).empty());
  server_antwoordt();
}

TEST_F(Vijandig, DeletedIdsAreNeverHandedOutAgain) {
  auto cl = fx_->client("beleidsmedewerker");
  auto a = cl.Post("/api/v1/kpis", kpi("Eerste").dump(), "application/json");
  ASSERT_EQ(a->status, 201) << a->body;
  const int64_t id = json::parse(a->body)["id"];
  httplib::Headers h = {{"If-Match", a->get_header_value("ETag")}};
  ASSERT_EQ(cl.Delete(("/api/v1/kpis/" + std::to_string(id)).c_str(), h)->status, 204);
  auto b = cl.Post("/api/v1/kpis", kpi("Tweede").dump(), "application/json");
  ASSERT_EQ(b->status, 201) << b->body;
  EXPECT_GT(json::parse(b->body)["id"].get<int64_t>(), id);
}

// Two people edit the same KPI: the second, who started from the same version, is told that
// the first changed it, and the first one's change stays.
TEST_F(Vijandig, TwoSessionsEditingTheSameKpiLoseNoUpdate) {
  auto anna = fx_->client("beleidsmedewerker");
  auto bert = fx_->client("beleidsmedewerker");
  auto m = anna.Post("/api/v1/kpis", kpi("Gedeeld").dump(), "application/json");
  ASSERT_EQ(m->status, 201);
  const std::string pad =
      "/api/v1/kpis/" + std::to_string(json::parse(m->body)["id"].get<int64_t>());
  auto g1 = anna.Get(pad.c_str());
  auto g2 = bert.Get(pad.c_str());
  ASSERT_EQ(g1->get_header_value("ETag"), "\"1\"");
  ASSERT_EQ(g2->get_header_value("ETag"), "\"1\"");
  // Without If-Match: 428, nothing changes.
  verwacht_probleem(anna.Put(pad.c_str(), kpi("Zonder").dump(), "application/json"), 428,
                    "precondition-required");
  auto a =
      anna.Put(pad.c_str(), {{"If-Match", "\"1\""}}, kpi("Van Anna").dump(), "application/json");
  ASSERT_EQ(a->status, 200) << a->body;
  EXPECT_EQ(a->get_header_value("ETag"), "\"2\"");
  EXPECT_EQ(json::parse(a->body)["versie"], 2);
  verwacht_probleem(
      bert.Put(pad.c_str(), {{"If-Match", "\"1\""}}, kpi("Van Bert").dump(), "application/json"),
      412, "precondition-failed");
  verwacht_probleem(bert.Delete(pad.c_str(), {{"If-Match", "\"1\""}}), 412, "precondition-failed");
  verwacht_probleem(bert.Delete(pad.c_str()), 428, "precondition-required");
  verwacht_probleem(
      bert.Put(pad.c_str(), {{"If-Match", "W/\"2\""}}, kpi("Zwak").dump(), "application/json"), 412,
      "precondition-failed");
  EXPECT_EQ(json::parse(anna.Get(pad.c_str())->body)["naam"], "Van Anna");
  // Bert reads again and then succeeds.
  auto g3 = bert.Get(pad.c_str());
  auto b = bert.Put(pad.c_str(), {{"If-Match", g3->get_header_value("ETag")}},
                    kpi("Van Bert").dump(), "application/json");
  EXPECT_EQ(b->status, 200) << b->body;
}

TEST_F(Vijandig, ContractsPlafondsAanbiedersAndNormsAreGuardedToo) {
  auto cl = fx_->client("contractmanager");
  // A contract.
  json c = {{"kenmerk", "C-2024-1"},
            {"aanbieder", "12345678"},
            {"soort", "output"},
            {"ingangsdatum", "2024-01-01"},
            {"gemeenten", {"0268"}}};
  auto r = cl.Post("/api/v1/contracten", c.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  const std::string cpad = r->get_header_value("Location");
  EXPECT_EQ(cl.Get(cpad.c_str())->get_header_value("ETag"), "\"1\"");
  c["soort"] = "inspanning";
  verwacht_probleem(cl.Put(cpad.c_str(), c.dump(), "application/json"), 428,
                    "precondition-required");
  EXPECT_EQ(cl.Put(cpad.c_str(), {{"If-Match", "\"1\""}}, c.dump(), "application/json")->status,
            200);
  verwacht_probleem(cl.Put(cpad.c_str(), {{"If-Match", "\"1\""}}, c.dump(), "application/json"),
                    412, "precondition-failed");
  verwacht_probleem(cl.Delete(cpad.c_str(), {{"If-Match", "\"1\""}}), 412, "precondition-failed");
  EXPECT_EQ(cl.Delete(cpad.c_str(), {{"If-Match", "\"2\""}})->status, 204);
  // A budgetplafond.
  json p = {{"aanbieder", "12345678"}, {"jaar", 2024}, {"bedrag", 100000}};
  r = cl.Post("/api/v1/budgetplafonds", p.dump(), "application/json");
  ASSERT_EQ(r->status, 201) << r->body;
  const std::string ppad = r->get_header_value("Location");
  p["bedrag"] = 200000;
  EXPECT_EQ(cl.Put(ppad.c_str(), {{"If-Match", "\"1\""}}, p.dump(), "application/json")->status,
            200);
  verwacht_probleem(cl.Put(ppad.c_str(), {{"If-Match", "\"1\""}}, p.dump(), "application/json"),
                    412, "precondition-failed");
  EXPECT_EQ(json::parse(cl.Get(ppad.c_str())->body)["bedrag"], 200000);
  // An aanbieder.
  auto g = cl.Get("/api/v1/aanbieders/12345678");
  ASSERT_EQ(g->status, 200) << g->body;
  json a = {{"naam", "Jeugdhulp Oost"}, {"soort", "aanbieder"}, {"landelijk", false}};
  EXPECT_EQ(cl.Put("/api/v1/aanbieders/12345678", {{"If-Match", g->get_header_value("ETag")}},
                   a.dump(), "application/json")
                ->status,
            200);
  verwacht_probleem(
      cl.Put("/api/v1/aanbieders/12345678", {{"If-Match", g->get_header_value("ETag")}}, a.dump(),
             "application/json"),
      412, "precondition-failed");
  // A wachttijdnorm: created with If-None-Match: *, then guarded by its version.
  json n = {{"weken", 6}};
  verwacht_probleem(cl.Put("/api/v1/wachttijdnormen/37", n.dump(), "application/json"), 428,
                    "precondition-required");
  r = cl.Put("/api/v1/wachttijdnormen/37", {{"If-None-Match", "*"}}, n.dump(), "application/json");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("ETag"), "\"1\"");
  verwacht_probleem(
      cl.Put("/api/v1/wachttijdnormen/37", {{"If-None-Match", "*"}}, n.dump(), "application/json"),
      412, "precondition-failed");
  EXPECT_EQ(cl.Delete("/api/v1/wachttijdnormen/37", {{"If-Match", "\"1\""}})->status, 204);
}

// A second server on a port that is in use refuses to start instead of sharing the traffic.
TEST(VijandigServer, ASecondServerOnATakenPortRefusesToStart) {
  ServerFixture fx;
  server::ServerOpties so = ServerFixture::standaard_server();
  so.port = fx.port();
  server::Server tweede(fx.api(), so);
  Status s = tweede.bind();
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("al in gebruik"), std::string::npos) << s.message();
  auto r = fx.anoniem().Get("/api/v1/perioden");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

// Connections from one address beyond the limit are closed at once; another address is served.
TEST(VijandigServer, OneAddressCannotTakeAllConnections) {
  server::ServerOpties so = ServerFixture::standaard_server();
  so.max_per_adres = 3;
  ServerFixture fx(ServerFixture::snelle_toegang(), so);
  std::vector<std::unique_ptr<Verbinding>> traag;
  for (int i = 0; i < 3; ++i) {
    traag.push_back(std::make_unique<Verbinding>(fx.port(), "127.0.0.2"));
    ASSERT_TRUE(traag.back()->verbonden());
    traag.back()->stuur("GET /api/v1/perioden HTTP/1.1\r\nHost: x\r\n");  // never finished
  }
  // Served in order: the slow ones are accepted (and wait) before the fourth arrives.
  for (auto& t : traag) EXPECT_EQ(t->lees(200), "");
  Verbinding vierde(fx.port(), "127.0.0.2");
  vierde.stuur("GET /api/v1/perioden HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string a = vierde.lees();
  EXPECT_TRUE(vierde.gesloten());
  EXPECT_EQ(status_van(a), 0) << a;  // closed without an answer
  Verbinding ander(fx.port(), "127.0.0.1");
  ander.stuur("GET /api/v1/perioden HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_van(ander.lees()), 401);
}

// A connection that sends nothing is closed after the read timeout.
TEST(VijandigServer, ASilentConnectionIsClosed) {
  server::ServerOpties so = ServerFixture::standaard_server();
  so.lees_timeout = 1;
  ServerFixture fx(ServerFixture::snelle_toegang(), so);
  Verbinding v(fx.port());
  v.stuur("GET /api/v1/perioden HTTP/1.1\r\n");
  EXPECT_EQ(v.lees(30000), "");
  EXPECT_TRUE(v.gesloten());
}

// Whatever escapes a handler becomes a 500 problem and an audit event; the server goes on.
TEST(VijandigRouter, AnExceptionInAHandlerIsA500AndTheNextRequestIsServed) {
  ServerFixture fx;
  server::Route kapot{
      "GET", "/api/v1/kapot",      {},
      {},    server::Scope::kGeen, [](const server::Verzoek&) -> server::Antwoord { throw 42; },
      true};
  server::Router router(fx.api(), source_dir() / "web", {kapot});
  server::HttpVerzoek v;
  v.methode = "GET";
  v.doel = "/api/v1/kapot";
  auto a = router.verwerk(v);
  EXPECT_EQ(a.status, 500);
  EXPECT_EQ(a.content_type, "application/problem+json");
  EXPECT_EQ(json::parse(a.body)["code"], "internal");
  v.doel = "/api/v1/perioden";
  EXPECT_EQ(router.verwerk(v).status, 401);
  auto regels = fx.bron().met_store([](store::Store& s) {
    auto& q = static_cast<store::SqliteStore&>(s).db().prepare(
        "SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%/api/v1/kapot 500%'");
    int64_t n = q.step() ? q.int64(0) : -1;
    q.reset();
    return n;
  });
  EXPECT_EQ(regels, 1);
}

}  // namespace
}  // namespace jr::testing
