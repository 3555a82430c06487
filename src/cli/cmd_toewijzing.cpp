// jeugdregie toewijzing jw301 --db PATH --gemeente 0268 --nummer N [--out F]
// Builds the JW301 of a stored toewijzing (with the other current toewijzingen of the same
// jeugdige at the same aanbieder), stores it as sent and writes it to F or stdout.
// jeugdregie toewijzing maak --db PATH --verzoek ID [--ingangsdatum D] [--einddatum D]
// [--volume N] [--frequentie F]
// Answers a stored verzoek om toewijzing with a toewijzing after the budgetplafond check
// (docs/contracten.md): prints the plafond messages; exit 1 when a plafond refuses it.
#include <fstream>
#include <iostream>

#include "casework/jw301.h"
#include "cli/commands.h"
#include "contracts/beheer.h"
#include "domain/clock.h"
#include "ijw/validator.h"
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
  auto st = store::open_store(a.db, so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  store::Store& s = **st;
  auto validator = ijw::Validator::create(cfg.ijw_standaard_dir);
  if (!validator.ok()) {
    std::cerr << "jeugdregie: " << validator.status().message() << "\n";
    return 3;
  }
  Status b = s.begin();
  if (!b.ok()) {
    std::cerr << "jeugdregie: " << b.message() << "\n";
    return 3;
  }
  store::AuditContext audit;
  audit.actor = a.actor;
  audit.verwerkingsactiviteit = "toewijzen";
  auto m = casework::bouw_jw301(s, clock, cfg.ijw_standaard_dir, **validator, a.gemeente, a.nummer,
                                audit);
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

struct MaakArgs {
  std::string db;
  int64_t verzoek = 0;
  std::string ingangsdatum, einddatum, frequentie;
  int64_t volume = 0;
  std::string actor = "systeem";
};

int run_maak(const MaakArgs& a, const Config& cfg) {
  contracts::NieuweToewijzing n;
  n.verzoek_id = a.verzoek;
  for (auto [tekst, doel] :
       {std::pair{&a.ingangsdatum, &n.ingangsdatum}, std::pair{&a.einddatum, &n.einddatum}}) {
    if (tekst->empty()) continue;
    *doel = Date::parse(*tekst);
    if (!*doel) {
      std::cerr << "jeugdregie: geen datum JJJJ-MM-DD: " << *tekst << "\n";
      return 2;
    }
  }
  if (a.volume > 0) n.volume = a.volume;
  if (!a.frequentie.empty()) n.frequentie = a.frequentie;
  SystemClock clock;
  store::StoreOptions so;
  so.path = a.db;
  so.key_file = cfg.sleutelbestand;
  auto st = store::open_store(a.db, so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  contracts::Contractbeheer beheer(**st, clock);
  store::AuditContext audit;
  audit.actor = a.actor;
  audit.verwerkingsactiviteit = "toewijzing jeugdhulp";
  auto r = beheer.maak_toewijzing(n, audit);
  if (!r.ok()) {
    std::cerr << "jeugdregie: " << r.status().message() << "\n";
    const auto c = r.status().code();
    return c == StatusCode::kFailedPrecondition || c == StatusCode::kNotFound ||
                   c == StatusCode::kInvalidArgument
               ? 1
               : 3;
  }
  if (r->geweigerd) {
    for (const auto& m : r->meldingen)
      if (m.weigeren) std::cerr << "jeugdregie: " << m.melding << "\n";
    return 1;
  }
  std::cout << "toewijzing " << r->toewijzing.gemeente << " " << r->toewijzing.toewijzing_nummer
            << "\n";
  for (const auto& m : r->meldingen) std::cout << m.melding << "\n";
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

  auto maak = std::make_shared<MaakArgs>();
  auto* mk = tw->add_subcommand(
      "maak", "wijs een opgeslagen verzoek om toewijzing toe, na de toets aan de budgetplafonds");
  mk->add_option("--db", maak->db, "databasebestand")->required();
  mk->add_option("--verzoek", maak->verzoek, "id van het verzoek")->required();
  mk->add_option("--ingangsdatum", maak->ingangsdatum, "afwijkende ingangsdatum (JJJJ-MM-DD)");
  mk->add_option("--einddatum", maak->einddatum, "afwijkende einddatum (JJJJ-MM-DD)");
  mk->add_option("--volume", maak->volume, "afwijkend volume");
  mk->add_option("--frequentie", maak->frequentie, "afwijkende frequentie (WMO757)");
  mk->add_option("--actor", maak->actor, "wie toewijst (auditlog)");
  mk->callback([maak, &ctx] { ctx.exit_code = run_maak(*maak, ctx.config); });
}

}  // namespace jr::cli
