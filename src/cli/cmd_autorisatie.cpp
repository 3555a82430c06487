// Access control and the audit log from the command line:
//   jeugdregie gebruiker toevoegen --db PATH --naam N --rol R [--gemeente CODE|regio]
//     adds a user (the first functioneel beheerder, or anyone); the password comes from
//     the environment (JEUGDREGIE_WACHTWOORD) or the first line of standard input, never
//     from the command line;
//   jeugdregie token maken --db PATH --naam N --aanbieder AGB
//     an API token for a machine client acting for one aanbieder (printed once);
//   jeugdregie audit verify --db PATH
//     recomputes the hash chain of the audit log: exit 0 when whole, 1 at the first break;
//   jeugdregie audit --db PATH --jeugdige BSN [--json]
//     who read or changed what about this child, when and why (the lookup is logged too).
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "domain/bsn.h"
#include "domain/clock.h"
#include "server/autorisatie.h"
#include "server/gebruikers.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct AutorisatieArgs {
  std::string db, naam, rol, gemeente, aanbieder, bsn;
  bool json = false;
};

// Opens the store; prints the error and returns nullptr when it cannot.
std::unique_ptr<store::Store> open_store(const std::string& db, const Config& cfg,
                                         const Clock& clock, const char* wat) {
  if (db.empty()) {
    std::cerr << "jeugdregie " << wat << ": --db is verplicht\n";
    return nullptr;
  }
  auto st = store::open_store(db, {{}, cfg.sleutelbestand, true}, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie " << wat << ": " << st.status().message() << "\n";
    return nullptr;
  }
  return std::move(st).value();
}

std::string lees_wachtwoord() {
  if (const char* w = std::getenv("JEUGDREGIE_WACHTWOORD")) return w;
  const bool tty = isatty(STDIN_FILENO);
  termios oud{};
  if (tty) {
    std::cerr << "Wachtwoord: " << std::flush;
    tcgetattr(STDIN_FILENO, &oud);
    termios stil = oud;
    stil.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &stil);
  }
  std::string w;
  std::getline(std::cin, w);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &oud);
    std::cerr << "\n";
  }
  return w;
}

// The CLI's own audit actor: the operating-system user.
store::AuditContext cli_context(std::string verwerkingsactiviteit, std::string doel,
                                std::string grondslag) {
  const char* u = std::getenv("USER");
  return {std::string("cli:") + (u ? u : "onbekend"), std::move(verwerkingsactiviteit),
          std::move(doel), std::move(grondslag)};
}

int run_gebruiker_toevoegen(const AutorisatieArgs& a, const Config& cfg) {
  auto rol = server::rol_van_naam(a.rol);
  if (!rol) {
    std::cerr << "jeugdregie gebruiker: onbekende rol " << a.rol << " (";
    for (auto r : server::alle_rollen()) std::cerr << server::rol_naam(r) << " ";
    std::cerr << ")\n";
    return 2;
  }
  std::optional<std::string> gemeente;
  if (!a.gemeente.empty() && a.gemeente != "regio") gemeente = a.gemeente;
  std::string wachtwoord = lees_wachtwoord();
  SystemClock clock;
  auto store = open_store(a.db, cfg, clock, "gebruiker");
  if (!store) return 3;
  server::Gebruikers g(*store, clock);
  auto id = g.voeg_toe(a.naam, wachtwoord, *rol, gemeente);
  if (!id.ok()) {
    std::cerr << "jeugdregie gebruiker: " << id.status().message() << "\n";
    return id.status().code() == StatusCode::kInvalidArgument ||
                   id.status().code() == StatusCode::kAlreadyExists
               ? 1
               : 3;
  }
  (void)store->audit({cli_context("toegangsbeheer", "beveiliging van de gegevens", "AVG art. 32"),
                      "wijzigen", "gebruiker", "",
                      "gebruiker " + a.naam + " toegevoegd, rol " + a.rol});
  std::cout << "gebruiker " << a.naam << " toegevoegd: rol " << a.rol << ", "
            << (gemeente ? "gemeente " + *gemeente : std::string("hele regio")) << "\n";
  return 0;
}

int run_token_maken(const AutorisatieArgs& a, const Config& cfg) {
  SystemClock clock;
  auto store = open_store(a.db, cfg, clock, "token");
  if (!store) return 3;
  server::Gebruikers g(*store, clock);
  auto t = g.maak_token(a.naam, a.aanbieder);
  if (!t.ok()) {
    std::cerr << "jeugdregie token: " << t.status().message() << "\n";
    return t.status().code() == StatusCode::kInvalidArgument ? 1 : 3;
  }
  (void)store->audit({cli_context("toegangsbeheer", "beveiliging van de gegevens", "AVG art. 32"),
                      "wijzigen", "api-token", "",
                      "token " + a.naam + " voor aanbieder " + a.aanbieder + " gemaakt"});
  std::cout << *t << "\n";
  return 0;
}

int run_audit_verify(const AutorisatieArgs& a, const Config& cfg) {
  SystemClock clock;
  auto store = open_store(a.db, cfg, clock, "audit verify");
  if (!store) return 3;
  auto c = store->verifieer_audit();
  if (!c.ok()) {
    std::cerr << "jeugdregie audit verify: " << c.status().message() << "\n";
    return 3;
  }
  if (!c->heel()) {
    std::cout << "audit: FOUT bij gebeurtenis " << *c->eerste_fout << ": " << c->fout << " ("
              << c->gecontroleerd - 1 << " gebeurtenissen ervoor zijn in orde)\n";
    return 1;
  }
  std::cout << "audit: " << c->gecontroleerd << " gebeurtenissen, keten heel; laatste hash "
            << c->laatste_hash << "\n";
  return 0;
}

int run_audit_jeugdige(const AutorisatieArgs& a, const Config& cfg) {
  if (!bsn_elfproef(a.bsn)) {
    std::cerr << "jeugdregie audit: --jeugdige is een BSN (negen cijfers, elfproef)\n";
    return 2;
  }
  SystemClock clock;
  auto store = open_store(a.db, cfg, clock, "audit");
  if (!store) return 3;
  auto r = store->audit_van_bsn(a.bsn);
  if (!r.ok()) {
    std::cerr << "jeugdregie audit: " << r.status().message() << "\n";
    return 3;
  }
  // The privacy officer's lookup is itself a processing of the child's data.
  (void)store->audit({cli_context("privacytoezicht", "toezicht op de verwerking", "AVG art. 39"),
                      "lezen", "auditlog", store->bsn_pseudoniem(a.bsn),
                      std::to_string(r->size()) + " gebeurtenissen"});
  if (a.json) {
    std::cout << server::gebeurtenissen_json(*r).dump(2) << "\n";
    return 0;
  }
  if (r->empty()) std::cout << "audit: geen gebeurtenissen over deze jeugdige\n";
  for (const auto& e : *r)
    std::cout << e.tijdstip << "  " << e.event.context.actor << "  " << e.event.handeling << "  "
              << e.event.object_type << "  " << e.event.context.verwerkingsactiviteit << " / "
              << e.event.context.doel << " / " << e.event.context.grondslag << "  "
              << e.event.detail << "\n";
  return 0;
}

}  // namespace

void register_autorisatie(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<AutorisatieArgs>();
  auto* geb = app.add_subcommand("gebruiker", "gebruikers beheren");
  geb->require_subcommand(1);
  auto* toe = geb->add_subcommand("toevoegen", "een gebruiker toevoegen (wachtwoord via stdin)");
  toe->add_option("--db", a->db, "database (SQLite)")->required();
  toe->add_option("--naam", a->naam, "gebruikersnaam")->required();
  toe->add_option("--rol", a->rol, "rol (beleidsmedewerker, functioneelBeheerder, ...)")
      ->required();
  toe->add_option("--gemeente", a->gemeente, "CBS-code van de gemeente, of regio (standaard)");
  toe->callback([a, &ctx] { ctx.exit_code = run_gebruiker_toevoegen(*a, ctx.config); });

  auto* tok = app.add_subcommand("token", "API-tokens voor aanbieders");
  tok->require_subcommand(1);
  auto* maak = tok->add_subcommand("maken", "een API-token maken voor een aanbieder");
  maak->add_option("--db", a->db, "database (SQLite)")->required();
  maak->add_option("--naam", a->naam, "naam van het token")->required();
  maak->add_option("--aanbieder", a->aanbieder, "AGB-code van de aanbieder")->required();
  maak->callback([a, &ctx] { ctx.exit_code = run_token_maken(*a, ctx.config); });

  auto* aud = app.add_subcommand("audit", "het auditlog: controleren of per jeugdige inzien");
  aud->require_subcommand(0, 1);
  aud->add_option("--db", a->db, "database (SQLite)");
  aud->add_option("--jeugdige", a->bsn, "BSN van de jeugdige");
  aud->add_flag("--json", a->json, "uitvoer als JSON");
  auto* ver = aud->add_subcommand("verify", "de hashketen van het auditlog controleren");
  ver->add_option("--db", a->db, "database (SQLite)")->required();
  ver->callback([a, &ctx] { ctx.exit_code = run_audit_verify(*a, ctx.config); });
  aud->callback([a, aud, ver, &ctx] {
    if (ver->parsed()) return;
    if (a->bsn.empty()) {
      std::cerr << aud->help();
      ctx.exit_code = 2;
      return;
    }
    ctx.exit_code = run_audit_jeugdige(*a, ctx.config);
  });
}

}  // namespace jr::cli
