// jeugdregie import --db PATH [--retour DIR] [--batch N] [--voortgang] FILE|DIR...
// Imports received iJw messages (and the gemeente's own sent JW301s), writes the retour
// messages and prints a JSON summary. Exit 0 when every message was processed (rejections
// are answered, not errors), 1 when a message was unreadable, 3 on an operational error.
// Day archives of `jeugdregie generate --tar` (*.tar.gz, given or under a given directory)
// are read member by member, in sorted order with the *.xml files.
#include <iostream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "ijw/validator.h"
#include "import/importer.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::string retour;
  size_t batch = 1000;
  bool voortgang = false;
  std::vector<std::string> paden;
};

int run_import(const ImportArgs& a, const Config& cfg) {
  SystemClock clock;
  auto v = ijw::Validator::create(cfg.ijw_standaard_dir);
  if (!v.ok()) {
    std::cerr << "jeugdregie: " << v.status().message() << "\n";
    return 3;
  }
  store::StoreOptions so;
  so.path = a.db;
  so.key_file = cfg.sleutelbestand;
  auto st = store::open_store(a.db, so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  import::ImportOptions opt;
  if (!a.retour.empty()) opt.retour_dir = a.retour;
  opt.batch_grootte = a.batch;
  if (a.voortgang)
    opt.na_batch = [](int64_t n) {
      std::cerr << "jeugdregie: " << n << " berichten vastgelegd" << std::endl;
    };
  std::string bron;
  for (const auto& p : a.paden) bron += (bron.empty() ? "" : " ") + p;
  opt.bron = bron;
  import::Importer imp(**st, **v, clock, opt);
  std::vector<std::filesystem::path> paden(a.paden.begin(), a.paden.end());
  Status s = imp.import_paden(paden);
  const auto& sam = imp.samenvatting();
  std::cout << import::samenvatting_json(sam) << "\n";
  for (const auto& m : sam.meldingen) std::cerr << "jeugdregie: " << m << "\n";
  if (!s.ok()) {
    std::cerr << "jeugdregie: " << s.message() << "\n";
    return s.code() == StatusCode::kNotFound ? 2 : 3;
  }
  if (sam.fouten() > 0) return 3;
  auto onbekend = sam.per_type.find("onbekend");
  if (onbekend != sam.per_type.end() && onbekend->second.afgekeurd > 0) return 1;
  return 0;
}

}  // namespace

void register_import(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand(
      "import",
      "importeer ontvangen iJw-berichten (JW305, JW307, JW315, JW317, JW323; en JW302 en "
      "JW320, de retour van de aanbieder op een verzonden JW301 of JW319) en eigen verzonden "
      "JW301-berichten; schrijf de retourberichten (JW306, JW308, JW316, JW318, JW325)");
  cmd->add_option("--db", args->db, "databasebestand")->required();
  cmd->add_option("--retour", args->retour, "map voor de retourberichten");
  cmd->add_option("--batch", args->batch, "berichten per transactie (standaard 1000)");
  cmd->add_flag("--voortgang", args->voortgang,
                "meld na elke vastgelegde transactie hoeveel berichten er vastliggen");
  cmd->add_option("paden", args->paden, "iJw XML-bestanden of mappen")->required();
  cmd->callback([args, &ctx] { ctx.exit_code = run_import(*args, ctx.config); });
}

}  // namespace jr::cli
