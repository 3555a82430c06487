// jeugdregie toewijzing jw301 --db PATH --gemeente 0268 --nummer N [--out F]
// Builds the JW301 of a stored toewijzing (with the other current toewijzingen of the same
// jeugdige at the same aanbieder), stores it as sent and writes it to F or stdout.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "import/jw301.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct Jw301Args {
  std::string db;
  std::string gemeente;
  int64_t nummer = 0;
  std::string out;
  std::string actor = "systeem";
};

int run_jw301(const Jw301Args& a, const Config& cfg) {
  SystemClock clock;
  store::StoreOptions so;
  so.path = a.db;
  so.key_file = cfg.sleutelbestand;
  auto st = store::open_sqlite_store(so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  store::Store& s = **st;
  Status b = s.begin();
  if (!b.ok()) {
    std::cerr << "jeugdregie: " << b.message() << "\n";
    return 3;
  }
  store::AuditContext audit;
  audit.actor = a.actor;
  audit.verwerkingsactiviteit = "toewijzen";
  auto m = import::bouw_jw301(s, clock, cfg.ijw_standaard_dir, a.gemeente, a.nummer, audit);
  if (!m.ok()) {
    s.rollback();
    std::cerr << "jeugdregie: " << m.status().message() << "\n";
    return m.status().code() == StatusCode::kNotFound ? 1 : 3;
  }
  if (!a.out.empty()) {
    std::ofstream f(a.out, std::ios::binary | std::ios::trunc);
    f << m->xml;
    f.close();
    if (!f) {
      s.rollback();
      std::cerr << "jeugdregie: kan " << a.out << " niet schrijven\n";
      return 3;
    }
  }
  Status c = s.commit();
  if (!c.ok()) {
    std::cerr << "jeugdregie: " << c.message() << "\n";
    return 3;
  }
  if (a.out.empty()) std::cout << m->xml;
  return 0;
}

}  // namespace

void register_toewijzing(CLI::App& app, Context& ctx) {
  auto* tw = app.add_subcommand("toewijzing", "toewijzingen: berichten opbouwen");
  tw->require_subcommand(1);
  auto args = std::make_shared<Jw301Args>();
  auto* cmd = tw->add_subcommand("jw301", "bouw het JW301-bericht van een opgeslagen toewijzing");
  cmd->add_option("--db", args->db, "databasebestand")->required();
  cmd->add_option("--gemeente", args->gemeente, "CBS-gemeentecode, 4 cijfers")->required();
  cmd->add_option("--nummer", args->nummer, "ToewijzingNummer")->required();
  cmd->add_option("--out", args->out, "uitvoerbestand (standaard: stdout)");
  cmd->add_option("--actor", args->actor, "wie het bericht opbouwt (auditlog)");
  cmd->callback([args, &ctx] { ctx.exit_code = run_jw301(*args, ctx.config); });
}

}  // namespace jr::cli
