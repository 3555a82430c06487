// The CSV imports that share one shape (read a file, open the store, import, report):
//   jeugdregie bevolking --db PATH --import bevolking.csv
//     the population on 1 January per gemeente and age (the denominator of the percentage
//     jongeren met jeugdhulp);
//   jeugdregie wijkteam --db PATH --import wijkteam.csv
//     the care given by the gemeente's own wijkteam (CBS hulpvorm 01, verwijzer 06);
//     identities are pseudonymised through Store::jeugdige_id.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "store/registers.h"

namespace jr::cli {
namespace {

struct CsvImportArgs {
  std::string db, bestand;
};

// Reads `a.bestand` and runs `import` on a store at `a.db`; exit code.
int run_csv_import(const CsvImportArgs& a, const Config& cfg, const char* naam,
                   Result<store::RegisterVerslag> (*import)(store::Store&, std::string_view)) {
  std::ifstream in(a.bestand, std::ios::binary);
  if (!in) {
    std::cerr << "jeugdregie " << naam << ": kan " << a.bestand << " niet lezen\n";
    return 3;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  SystemClock clock;
  auto store = store::open_store(a.db, {{}, cfg.sleutelbestand, true}, clock);
  if (!store.ok()) {
    std::cerr << "jeugdregie " << naam << ": " << store.status().message() << "\n";
    return 3;
  }
  auto r = import(**store, ss.str());
  if (!r.ok()) {
    std::cerr << "jeugdregie " << naam << ": " << a.bestand << ": " << r.status().message() << "\n";
    return r.status().code() == StatusCode::kInvalidArgument ? 1 : 3;
  }
  std::cout << naam << ": " << r->regels << " regels ingelezen\n";
  return 0;
}

}  // namespace

void register_bevolking(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CsvImportArgs>();
  auto* sub =
      app.add_subcommand("bevolking", "bevolking op 1 januari per gemeente en leeftijd inlezen");
  sub->add_option("--db", a->db, "database (SQLite)")->required();
  sub->add_option("--import", a->bestand, "bevolking.csv (gemeente,jaar,leeftijd,aantal)")
      ->required();
  sub->callback([a, &ctx] {
    ctx.exit_code = run_csv_import(*a, ctx.config, "bevolking", &store::importeer_bevolking);
  });
}

void register_wijkteam(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CsvImportArgs>();
  auto* sub = app.add_subcommand("wijkteam", "jeugdhulp door het eigen wijkteam inlezen");
  sub->add_option("--db", a->db, "database (SQLite)")->required();
  sub->add_option("--import", a->bestand,
                  "wijkteam.csv "
                  "(gemeente,bsn,geboortedatum,geslacht,begindatum,einddatum,reden_beeindiging)")
      ->required();
  sub->callback([a, &ctx] {
    ctx.exit_code = run_csv_import(*a, ctx.config, "wijkteam", &store::importeer_wijkteam);
  });
}

}  // namespace jr::cli
