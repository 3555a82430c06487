// jeugdregie: one binary, many subcommands (see commands.h).
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  jr::cli::Context ctx;
  ctx.config = jr::cli::Config::load();
  CLI::App app{"jeugdregie: regie op de jeugdhulp van een gemeente of regio"};
  app.require_subcommand(1);
  std::string standaard;
  app.add_option("--standaard", standaard, "map met de iJw-standaard (ijw.standaard_dir)");
  app.parse_complete_callback([&] {
    if (!standaard.empty()) ctx.config.ijw_standaard_dir = standaard;
  });
  jr::cli::register_ijw(app, ctx);
  jr::cli::register_import(app, ctx);
  jr::cli::register_toewijzing(app, ctx);
  jr::cli::register_serve(app, ctx);
  jr::cli::register_generate(app, ctx);
  jr::cli::register_indicatoren(app, ctx);
  jr::cli::register_prognose(app, ctx);
  jr::cli::register_bevolking(app, ctx);
  jr::cli::register_register(app, ctx);
  jr::cli::register_wijkteam(app, ctx);
  jr::cli::register_autorisatie(app, ctx);
  jr::cli::register_team(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}
