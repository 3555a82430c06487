// The toegang's teams from the command line (functioneel beheer):
//   jeugdregie team toevoegen --db PATH --gemeente CODE --naam N [--soort wijkteam|jeugdteam]
//     a new team of one gemeente; prints its id;
//   jeugdregie team lid --db PATH --team ID --gebruiker NAAM
//     makes a user a member of a team (the team's werkvoorraad and dossiers become theirs);
//   jeugdregie team lijst --db PATH [--gemeente CODE]
//     the teams, one per line: id, gemeente, soort, naam.
// Each change is one transaction with its audit event.
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct TeamArgs {
  std::string db, gemeente, naam, soort = "wijkteam", gebruiker;
  int64_t team = 0;
};

int run_team(const TeamArgs& a, const Config& cfg, const std::string& actie) {
  SystemClock clock;
  auto st = store::open_store(a.db, {{}, cfg.sleutelbestand, true}, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie team: " << st.status().message() << "\n";
    return 3;
  }
  store::Store& s = **st;
  if (actie == "lijst") {
    auto teams = s.teams(a.gemeente.empty() ? std::nullopt : std::optional(a.gemeente));
    if (!teams.ok()) {
      std::cerr << "jeugdregie team: " << teams.status().message() << "\n";
      return 3;
    }
    for (const auto& t : *teams)
      std::cout << t.id << "\t" << t.gemeente << "\t" << t.soort << "\t" << t.naam << "\n";
    return 0;
  }
  const char* u = std::getenv("USER");
  store::AuditEvent e;
  e.context = {std::string("cli:") + (u ? u : "onbekend"), "toegang jeugdhulp",
               "inrichting van de toegang", "Jeugdwet art. 2.3"};
  e.handeling = "wijzigen";
  e.object_type = "team";
  int64_t id = a.team;
  Status r = store::in_transactie(s, [&]() -> Status {
    if (actie == "toevoegen") {
      auto t = s.maak_team({0, a.gemeente, a.naam, a.soort});
      if (!t.ok()) return t.status();
      id = *t;
      e.detail = "team=" + std::to_string(id) + " gemeente=" + a.gemeente + " toegevoegd";
    } else {
      JR_RETURN_IF_ERROR(s.voeg_teamlid_toe(a.team, a.gebruiker));
      e.detail = "team=" + std::to_string(a.team) + " lid " + a.gebruiker;
    }
    return s.audit(e);
  });
  if (!r.ok()) {
    std::cerr << "jeugdregie team: " << r.message() << "\n";
    return r.code() == StatusCode::kInternal || r.code() == StatusCode::kUnavailable ? 3 : 1;
  }
  if (actie == "toevoegen") std::cout << id << "\n";
  return 0;
}

}  // namespace

void register_team(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<TeamArgs>();
  auto* team =
      app.add_subcommand("team", "teams van de toegang (wijkteam, jeugdteam) en hun leden");
  team->require_subcommand(1);
  auto* toevoegen = team->add_subcommand("toevoegen", "een nieuw team van een gemeente");
  toevoegen->add_option("--db", a->db, "SQLite-database van jeugdregie")->required();
  toevoegen->add_option("--gemeente", a->gemeente, "CBS-code van de gemeente")->required();
  toevoegen->add_option("--naam", a->naam, "naam van het team")->required();
  toevoegen->add_option("--soort", a->soort, "wijkteam of jeugdteam");
  toevoegen->callback([a, &ctx] { ctx.exit_code = run_team(*a, ctx.config, "toevoegen"); });
  auto* lid = team->add_subcommand("lid", "een gebruiker lid maken van een team");
  lid->add_option("--db", a->db, "SQLite-database van jeugdregie")->required();
  lid->add_option("--team", a->team, "id van het team")->required();
  lid->add_option("--gebruiker", a->gebruiker, "gebruikersnaam")->required();
  lid->callback([a, &ctx] { ctx.exit_code = run_team(*a, ctx.config, "lid"); });
  auto* lijst = team->add_subcommand("lijst", "de teams");
  lijst->add_option("--db", a->db, "SQLite-database van jeugdregie")->required();
  lijst->add_option("--gemeente", a->gemeente, "alleen de teams van deze gemeente");
  lijst->callback([a, &ctx] { ctx.exit_code = run_team(*a, ctx.config, "lijst"); });
}

}  // namespace jr::cli
