// A small synthetic region in a fresh SQLite store, and a jeugdregie server on a free port
// serving it: the fixture of the server_*_test files.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "domain/clock.h"
#include "ijw/validator.h"
#include "server/api.h"
#include "server/databron.h"
#include "server/server.h"
#include "store/sqlite.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "test_helpers.h"

namespace jr::testing {

// Testregio: Nijmegen (0268, 100 children per age 0-17) and Heumen (0252, 50 per age).
// In 2024H1: 12 jeugdigen in Nijmegen at aanbieder 12345678, 10 with product 32A01
// (hulpvorm 02, 4 of them stopped on 2024-03-31 "volgens plan") and 2 with 35A01 (pleegzorg);
// 3 jeugdigen in Heumen with wijkteam care. BSNs from the 9999 test range.
// Users: for every role but aanbieder one for the whole regio (named as the role:
// 'beleidsmedewerker', 'privacyOfficer', ...) and one for Nijmegen ('<rol>-0268'), password
// wachtwoord(naam); an API token for aanbieder 12345678 (token()).
class ServerFixture {
 public:
  explicit ServerFixture(server::AutorisatieOpties autorisatie = snelle_autorisatie(),
                         server::ServerOpties so = standaard_server())
      : clock_(Date(2024, 7, 15)) {
    store::StoreOptions o;
    o.path = dir_ / "jr.db";
    o.durable = false;
    auto s = store::open_sqlite_store(o, clock_);
    if (!s.ok()) throw std::runtime_error(s.status().to_string());
    store_ = std::move(s).value();
    vul();
    bron_ = std::make_unique<server::Databron>(*store_, clock_);
    api_ = std::make_unique<server::Api>(*bron_, autorisatie);
    maak_gebruikers();
    srv_ = std::make_unique<server::Server>(*api_, so);
    auto b = srv_->bind();
    if (!b.ok()) throw std::runtime_error(b.to_string());
    draad_ = std::thread([this] { srv_->luister(); });
    srv_->wacht_tot_klaar();
  }
  ~ServerFixture() {
    srv_->stop();
    draad_.join();
  }

  // Any free port, four workers, the dashboard of this source tree.
  static server::ServerOpties standaard_server() {
    server::ServerOpties so;
    so.port = 0;
    so.threads = 4;
    so.web_dir = source_dir() / "web";
    return so;
  }
  int port() const { return srv_->port(); }

  // Cheap password hashes: hundreds of logins in the matrix test.
  static server::AutorisatieOpties snelle_autorisatie() {
    server::AutorisatieOpties o;
    o.kosten = server::HashKosten::kMinimaal;
    o.max_pogingen_adres = 1000;
    return o;
  }
  static std::string wachtwoord(const std::string& naam) { return "wachtwoord-van-" + naam; }

  // A client without a session.
  httplib::Client anoniem() const {
    httplib::Client c("127.0.0.1", srv_->port());
    c.set_read_timeout(30, 0);
    return c;
  }

  struct Sessie {
    std::string cookie;  // "jr_sessie=..."
    std::string csrf;
  };
  // Logs `naam` in; throws when that fails.
  Sessie log_in(const std::string& naam) const {
    nlohmann::json b = {{"gebruikersnaam", naam}, {"wachtwoord", wachtwoord(naam)}};
    auto r = anoniem().Post("/api/v1/sessie", b.dump(), "application/json");
    if (!r || r->status != 201)
      throw std::runtime_error("inloggen " + naam + ": " + (r ? r->body : "geen antwoord"));
    std::string c = r->get_header_value("Set-Cookie");
    return {c.substr(0, c.find(';')), nlohmann::json::parse(r->body)["csrfToken"]};
  }

  // A client logged in as `naam` (default: a regio-wide contractmanager, who sees figures
  // without disclosure control), sending the session's CSRF token.
  httplib::Client client(const std::string& naam = "contractmanager") const {
    auto c = anoniem();
    auto s = log_in(naam);
    c.set_default_headers({{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}});
    return c;
  }
  // A client with the aanbieder's API token.
  httplib::Client token_client() const {
    auto c = anoniem();
    c.set_bearer_token_auth(token_);
    return c;
  }
  const std::string& token() const { return token_; }
  // Lets POST /api/v1/berichten import, and besluiten and answers build JW301/JW319 (with the
  // standard of ../shared/ijw).
  void ontvang_berichten() {
    auto v = ijw::Validator::create(standaard_dir());
    if (!v.ok()) throw std::runtime_error(v.status().to_string());
    validator_ = std::move(v).value();
    api_->ontvang_berichten(*validator_, clock_);
    api_->verstuur_berichten(*validator_, standaard_dir());
  }
  // The server's clock (2024-07-15, standing still until a test advances it).
  FixedClock& klok() { return clock_; }
  server::Databron& bron() { return *bron_; }
  server::Api& api() { return *api_; }
  store::Store& store() { return *store_; }
  std::filesystem::path db_pad() const { return dir_ / "jr.db"; }

 private:
  void vul() {
    auto& db = static_cast<store::SqliteStore&>(*store_).db();
    auto ok = [](const Status& s) {
      if (!s.ok()) throw std::runtime_error(s.to_string());
    };
    ok(db.exec(
        "INSERT INTO gemeente (code, naam, regio) VALUES ('0268', 'Nijmegen', 'Testregio'),"
        " ('0252', 'Heumen', 'Testregio');"
        "INSERT INTO aanbieder (agb, naam) VALUES ('12345678', 'Jeugdhulp Oost');"
        "INSERT INTO product (categorie, code, omschrijving, eenheid, tarief_cent) VALUES"
        " ('32', '32A01', 'Ambulante begeleiding', '04', 1000),"
        " ('35', '35A01', 'Pleegzorg', '14', 5000);"
        "INSERT INTO bericht (id, richting, berichttype, inhoud_sha256, xml, status, ontvangen_op)"
        " VALUES (1, 'in', 'JW305', 'x', 'x', 'geaccepteerd', '2024-01-15T00:00:00Z');"));
    for (int jaar : {2023, 2024})
      for (int leeftijd = 0; leeftijd <= 22; ++leeftijd) {
        auto& s = db.prepare("INSERT INTO bevolking VALUES (?, ?, ?, ?)");
        s.bind(1, "0268").bind(2, jaar).bind(3, leeftijd).bind(4, leeftijd <= 17 ? 100 : 80);
        ok(s.run());
        auto& t = db.prepare("INSERT INTO bevolking VALUES (?, ?, ?, ?)");
        t.bind(1, "0252").bind(2, jaar).bind(3, leeftijd).bind(4, leeftijd <= 17 ? 50 : 40);
        ok(t.run());
      }
    auto jeugdige = [&](int n) {
      store::JeugdigeIdentiteit id;
      id.bsn = "999900006";
      id.geboortedatum = Date(2010, 1, 1).add_days(n);
      auto r = store_->jeugdige_id(id);
      if (!r.ok()) throw std::runtime_error(r.status().to_string());
      return *r;
    };
    for (int i = 0; i < 12; ++i) {
      int64_t j = jeugdige(i);
      const bool pleeg = i >= 10;
      auto& s = db.prepare(
          "INSERT INTO levering_start (bericht_id, aanbieder, gemeente, jeugdige_id,"
          " toewijzing_nummer, categorie, productcode, begindatum) VALUES (1, '12345678', '0268',"
          " ?, ?, ?, ?, '2024-01-15')");
      s.bind(1, j).bind(2, 100 + i).bind(3, pleeg ? "35" : "32").bind(4, pleeg ? "35A01" : "32A01");
      ok(s.run());
      if (i < 4) {
        auto& e = db.prepare(
            "INSERT INTO levering_stop (bericht_id, aanbieder, gemeente, jeugdige_id,"
            " toewijzing_nummer, categorie, productcode, begindatum, einddatum,"
            " reden_beeindiging) VALUES (1, '12345678', '0268', ?, ?, '32', '32A01',"
            " '2024-01-15', '2024-03-31', '31')");
        e.bind(1, j).bind(2, 100 + i);
        ok(e.run());
      }
    }
    for (int i = 0; i < 3; ++i) {
      auto& s = db.prepare(
          "INSERT INTO wijkteam_traject (gemeente, jeugdige_id, begindatum) VALUES"
          " ('0252', ?, '2024-02-01')");
      s.bind(1, jeugdige(100 + i));
      ok(s.run());
    }
  }

  void maak_gebruikers() {
    bron_->met_gebruikers([&](server::Gebruikers& g) {
      for (server::Rol r : server::alle_rollen()) {
        if (r == server::Rol::kAanbieder) continue;
        std::string naam(server::rol_naam(r));
        for (auto [n, gem] : {std::pair{naam, std::optional<std::string>()},
                              std::pair{naam + "-0268", std::optional<std::string>("0268")}}) {
          auto id = g.voeg_toe(n, wachtwoord(n), r, gem, server::HashKosten::kMinimaal);
          if (!id.ok()) throw std::runtime_error(id.status().to_string());
        }
      }
      auto t = g.maak_token("oost", "12345678");
      if (!t.ok()) throw std::runtime_error(t.status().to_string());
      token_ = *t;
    });
  }

  std::string token_;
  std::unique_ptr<ijw::Validator> validator_;
  TempDir dir_;
  FixedClock clock_;  // stands still; tests move it with klok().advance()
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<server::Databron> bron_;
  std::unique_ptr<server::Api> api_;
  std::unique_ptr<server::Server> srv_;
  std::thread draad_;
};

}  // namespace jr::testing
