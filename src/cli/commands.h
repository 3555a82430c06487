// Subcommands of the jeugdregie binary. Each registers itself on the CLI11 app and sets
// `*exit_code` when it runs. Exit codes: 0 success, 1 the input is invalid or a check
// failed, 2 usage errors, 3 an operational error (store unavailable, missing standard).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/config.h"

namespace jr::cli {

struct Context {
  Config config;
  int exit_code = 0;
};

void register_ijw(CLI::App& app, Context& ctx);          // ijw validate, ijw jw301
void register_import(CLI::App& app, Context& ctx);       // import
void register_toewijzing(CLI::App& app, Context& ctx);   // toewijzing jw301, maak
void register_serve(CLI::App& app, Context& ctx);        // serve
void register_generate(CLI::App& app, Context& ctx);     // generate
void register_indicatoren(CLI::App& app, Context& ctx);  // indicatoren
void register_prognose(CLI::App& app, Context& ctx);     // prognose, prognose --backtest
void register_bevolking(CLI::App& app, Context& ctx);    // bevolking --import
void register_register(CLI::App& app, Context& ctx);     // register --import
void register_wijkteam(CLI::App& app, Context& ctx);     // wijkteam --import
void register_autorisatie(CLI::App& app, Context& ctx);  // gebruiker, token, audit
void register_team(CLI::App& app, Context& ctx);         // team toevoegen, lid, lijst

}  // namespace jr::cli
