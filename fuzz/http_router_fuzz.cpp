// libFuzzer target for the server's router: arbitrary requests, as a client could send them,
// through the edge checks, the route table, the access checks and every handler, on a small
// store with a user of every role. An input is a raw HTTP request in text:
//
//   METHOD TARGET\n
//   Header: value\n ...
//   \n
//   body
//
// with two headers of our own: `X-Fuzz-Sessie: <rol>` sends the cookie and CSRF token of a
// logged-in user with that role (a fuzzer cannot guess a session), `X-Fuzz-Token: 1` the API
// token of aanbieder 12345678. Any exception that escapes (the router is noexcept: it would
// terminate) or any 5xx answer aborts the run. Seeds: fuzz/corpus-http_router_fuzz/.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "ijw/validator.h"
#include "server/api.h"
#include "server/databron.h"
#include "server/gebruikers.h"
#include "server/router.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using namespace jr;

struct Omgeving {
  Omgeving() : klok(Date(2024, 7, 15)) {
    dir = fs::temp_directory_path() / ("jr-http-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    store::StoreOptions o;
    o.path = dir / "jr.db";
    o.durable = false;
    auto s = store::open_sqlite_store(o, klok);
    if (!s.ok()) {
      std::fprintf(stderr, "store: %s\n", s.status().to_string().c_str());
      std::abort();
    }
    st = std::move(s).value();
    bron = std::make_unique<server::Databron>(*st, klok);
    server::AutorisatieOpties t;
    t.kosten = server::HashKosten::kMinimaal;
    api = std::make_unique<server::Api>(*bron, t);
    const char* env = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR");
    const fs::path standaard =
        env && *env ? fs::path(env) : fs::path(JR_SOURCE_DIR) / ".." / "shared" / "ijw";
    auto v = ijw::Validator::create(standaard);
    if (v.ok()) {
      validator = std::move(v).value();
      api->ontvang_berichten(*validator, klok);
    }
    router = std::make_unique<server::Router>(*api, fs::path(JR_SOURCE_DIR) / "web");
    // A user of every role, logged in once; the aanbieder's token.
    bron->met_gebruikers([&](server::Gebruikers& g) {
      for (server::Rol r : server::alle_rollen()) {
        if (r == server::Rol::kAanbieder) continue;
        const std::string naam(server::rol_naam(r));
        (void)g.voeg_toe(naam, "wachtwoord-" + naam, r, std::nullopt,
                         server::HashKosten::kMinimaal);
      }
      auto tk = g.maak_token("oost", "12345678");
      if (tk.ok()) token = *tk;
    });
    for (server::Rol r : server::alle_rollen()) {
      if (r == server::Rol::kAanbieder) continue;
      const std::string naam(server::rol_naam(r));
      server::HttpVerzoek in;
      in.methode = "POST";
      in.doel = "/api/v1/sessie";
      in.kopregels = {{"Content-Type", "application/json"}};
      in.body = R"({"gebruikersnaam":")" + naam + R"(","wachtwoord":"wachtwoord-)" + naam + "\"}";
      in.adres = "10.0.0.1";
      auto a = router->verwerk(in);
      std::string cookie;
      for (const auto& [k, w] : a.headers)
        if (k == "Set-Cookie") cookie = w.substr(0, w.find(';'));
      const auto p = a.body.find("\"csrfToken\":\"");
      if (a.status != 201 || cookie.empty() || p == std::string::npos) {
        std::fprintf(stderr, "inloggen %s: %d %s\n", naam.c_str(), a.status, a.body.c_str());
        std::abort();
      }
      sessies[naam] = {cookie, a.body.substr(p + 13, 64)};
    }
  }
  ~Omgeving() {
    router.reset();
    api.reset();
    bron.reset();
    st.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  fs::path dir;
  FixedClock klok;
  std::unique_ptr<store::Store> st;
  std::unique_ptr<server::Databron> bron;
  std::unique_ptr<server::Api> api;
  std::unique_ptr<ijw::Validator> validator;
  std::unique_ptr<server::Router> router;
  std::string token;
  std::map<std::string, std::pair<std::string, std::string>> sessies;  // rol -> cookie, csrf
};

Omgeving& omgeving() {
  static Omgeving o;
  return o;
}

// Splits the raw request text into a request for the router.
server::HttpVerzoek lees(std::string_view in, Omgeving& o) {
  server::HttpVerzoek r;
  r.adres = "10.0.0.2";
  size_t eol = in.find('\n');
  std::string_view eerste = in.substr(0, eol);
  in = eol == std::string_view::npos ? std::string_view() : in.substr(eol + 1);
  const size_t sp = eerste.find(' ');
  r.methode = std::string(eerste.substr(0, sp));
  r.doel = sp == std::string_view::npos ? "/" : std::string(eerste.substr(sp + 1));
  while (!in.empty()) {
    eol = in.find('\n');
    std::string_view regel = in.substr(0, eol);
    in = eol == std::string_view::npos ? std::string_view() : in.substr(eol + 1);
    if (regel.empty()) break;
    const size_t dp = regel.find(':');
    std::string naam(regel.substr(0, dp));
    std::string waarde(dp == std::string_view::npos ? "" : regel.substr(dp + 1));
    while (!waarde.empty() && waarde.front() == ' ') waarde.erase(waarde.begin());
    if (naam == "X-Fuzz-Sessie") {
      auto s = o.sessies.find(waarde);
      if (s != o.sessies.end()) {
        r.kopregels.emplace_back("Cookie", s->second.first);
        r.kopregels.emplace_back("X-CSRF-Token", s->second.second);
      }
    } else if (naam == "X-Fuzz-Token") {
      r.kopregels.emplace_back("Authorization", "Bearer " + o.token);
    } else {
      r.kopregels.emplace_back(std::move(naam), std::move(waarde));
    }
  }
  r.body = std::string(in);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& o = omgeving();
  auto verzoek = lees(std::string_view(reinterpret_cast<const char*>(data), size), o);
  // A logout would end the fuzzer's own sessions: the route is tried without one.
  if (verzoek.methode == "DELETE" && verzoek.doel.rfind("/api/v1/sessie", 0) == 0) {
    std::erase_if(verzoek.kopregels, [](const auto& h) { return h.first == "Cookie"; });
  }
  const auto a = o.router->verwerk(verzoek);
  if (a.status >= 500 || a.status < 100) {
    std::fprintf(stderr, "%s %s -> %d %s\n", verzoek.methode.c_str(), verzoek.doel.c_str(),
                 a.status, a.body.substr(0, 300).c_str());
    std::abort();
  }
  return 0;
}
