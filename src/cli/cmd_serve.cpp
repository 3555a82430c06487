// jeugdregie serve --db PATH [--port 8080] [--host 127.0.0.1] [--web DIR] [--vanaf DATE] [--demo]
//                  [--secure-cookie] [--sessie-minuten 30]
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/demo_casework.h"
#include "domain/date.h"
#include "ijw/validator.h"
#include "server/api.h"
#include "server/databron.h"
#include "server/demo_kpis.h"
#include "server/server.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web;
  bool demo = false;
  bool secure_cookie = false;
  int sessie_minuten = 30;
  int threads = 16;
  int max_per_adres = 64;
  std::string vanaf;
};

std::filesystem::path standaard_web_dir() {
  if (std::filesystem::exists("web/overzicht.html")) return "web";
  return std::filesystem::path(JR_SOURCE_DIR) / "web";
}

int run_serve(const ServeArgs& a, const Config& cfg) {
  std::optional<Date> vanaf;
  if (!a.vanaf.empty() && !(vanaf = Date::parse(a.vanaf))) {
    std::cerr << "jeugdregie: --vanaf is een datum JJJJ-MM-DD\n";
    return 2;
  }
  // An SQLite file must exist already: serve never starts on a new, empty one.
  if (auto pad = store::sqlite_pad(a.db); pad && !std::filesystem::exists(*pad)) {
    std::cerr << "jeugdregie: database " << a.db << " bestaat niet (eerst jeugdregie import)\n";
    return 3;
  }
  // Signals go to the waiting thread below, not to the server's threads.
  sigset_t signalen;
  sigemptyset(&signalen);
  sigaddset(&signalen, SIGINT);
  sigaddset(&signalen, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signalen, nullptr);

  SystemClock clock;
  store::StoreOptions so;
  so.path = a.db;
  so.key_file = cfg.sleutelbestand;
  auto st = store::open_store(a.db, so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  server::Databron bron(**st, clock);
  if (vanaf) bron.zet_vanaf(*vanaf);
  if (auto s = bron.ververs(); !s.ok()) {
    std::cerr << "jeugdregie: " << s.message() << "\n";
    return 3;
  }
  // Aanbieders upload iJw messages with their API token, and the toegang's besluiten build
  // JW301/JW319: both need the standard.
  auto validator = ijw::Validator::create(cfg.ijw_standaard_dir);
  if (a.demo) {
    auto w = zaai_demo_casework(bron, validator.ok() ? validator->get() : nullptr,
                                cfg.ijw_standaard_dir);
    if (!w.ok()) {
      std::cerr << "jeugdregie: demo-toegang: " << w.status().message() << "\n";
      return 3;
    }
    if (*w > 0) std::cout << "demo: team en " << *w << " aanmeldingen voor consulent-nijmegen\n";
    auto n = server::zaai_demo_kpis(bron);
    if (!n.ok()) {
      std::cerr << "jeugdregie: demo-KPI's: " << n.status().message() << "\n";
      return 3;
    }
    if (*n > 0) std::cout << "demo: " << *n << " KPI's aangemaakt\n";
  }
  server::AutorisatieOpties autorisatie;
  autorisatie.cookie_secure = a.secure_cookie;
  autorisatie.sessie_idle = std::chrono::minutes(a.sessie_minuten);
  server::Api api(bron, autorisatie);
  if (validator.ok()) {
    api.ontvang_berichten(**validator, clock);
    api.verstuur_berichten(**validator, cfg.ijw_standaard_dir);
  } else
    std::cerr << "jeugdregie: iJw-berichten (ontvangen, JW301/JW319 bouwen) niet beschikbaar: "
              << validator.status().message() << "\n";
  server::ServerOpties opties;
  opties.host = a.host;
  opties.port = a.port;
  opties.web_dir = a.web.empty() ? standaard_web_dir() : std::filesystem::path(a.web);
  opties.threads = a.threads;
  opties.max_per_adres = a.max_per_adres;
  server::Server srv(api, opties);
  if (auto s = srv.bind(); !s.ok()) {
    std::cerr << "jeugdregie: " << s.message() << "\n";
    return 3;
  }
  std::thread wacht([&] {
    int sig = 0;
    sigwait(&signalen, &sig);
    srv.stop();
  });
  std::thread warm([&] { bron.warm_op(); });
  std::cout << "jeugdregie luistert op http://" << a.host << ":" << srv.port() << "/overzicht"
            << std::endl;
  srv.luister();
  warm.join();
  pthread_kill(wacht.native_handle(), SIGTERM);
  wacht.join();
  return 0;
}

}  // namespace

void register_serve(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ServeArgs>();
  auto* c = app.add_subcommand("serve", "start de webserver: JSON-API onder /api/v1 en dashboard");
  c->add_option("--db", a->db, "SQLite-database van jeugdregie")->required();
  c->add_option("--port", a->port, "poort (0: een vrije poort)")->check(CLI::Range(0, 65535));
  c->add_option("--host", a->host, "adres om op te luisteren");
  c->add_option("--web", a->web, "map met het dashboard (standaard web/ van de broncode)");
  c->add_option("--threads", a->threads, "aantal verwerkingsthreads")->check(CLI::Range(2, 512));
  c->add_option("--max-per-adres", a->max_per_adres,
                "gelijktijdige verbindingen per clientadres (0: geen grens; achter een proxy)")
      ->check(CLI::Range(0, 100000));
  c->add_option("--vanaf", a->vanaf,
                "registratie compleet vanaf deze datum (ingebruikname); eerdere perioden worden "
                "niet aangeboden");
  c->add_flag("--demo", a->demo,
              "maak de demo-KPI's en de demo-toegang (team, aanmeldingen) aan als die er nog niet "
              "zijn");
  c->add_flag("--secure-cookie", a->secure_cookie,
              "sessiecookie alleen over HTTPS (achter een TLS-proxy)");
  c->add_option("--sessie-minuten", a->sessie_minuten, "sessie verloopt na zoveel minuten stilte")
      ->check(CLI::Range(1, 24 * 60));
  c->callback([a, &ctx] { ctx.exit_code = run_serve(*a, ctx.config); });
}

}  // namespace jr::cli
