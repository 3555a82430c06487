// jeugdregie import --db PATH [--retour DIR] [--batch N] FILE|DIR...
// Imports received iJw messages (and the gemeente's own sent JW301s), writes the retour
// messages and prints a JSON summary. Exit 0 when every message was processed (rejections
// are answered, not errors), 1 when a message was unreadable, 3 on an operational error.
// Day archives of `jeugdregie generate --tar` (*.tar.gz, given or under a given directory)
// are read member by member after the *.xml files, in sorted order.
#include <zlib.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "domain/tar.h"
#include "ijw/validator.h"
#include "import/importer.h"
#include "store/store.h"

namespace jr::cli {
namespace {

struct ImportArgs {
  std::string db;
  std::string retour;
  size_t batch = 1000;
  std::vector<std::string> paden;
};

bool is_archief(const std::filesystem::path& p) { return p.string().ends_with(".tar.gz"); }

// The *.tar.gz files among the paths and under the directories, each directory's sorted.
std::vector<std::filesystem::path> archieven(const std::vector<std::string>& paden) {
  std::vector<std::filesystem::path> out;
  for (const auto& p : paden) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> in_map;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && is_archief(it->path())) in_map.push_back(it->path());
      std::sort(in_map.begin(), in_map.end());
      out.insert(out.end(), in_map.begin(), in_map.end());
    } else if (is_archief(p)) {
      out.emplace_back(p);
    }
  }
  return out;
}

// The whole decompressed archive; at most `max` bytes.
Result<std::string> lees_gz(const std::filesystem::path& p, size_t max) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) return NotFound("bestand bestaat niet: " + p.string());
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return Unavailable("archief kon niet geopend worden: " + p.string());
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max) {
      gzclose(f);
      return InvalidArgument("archief te groot: " + p.string());
    }
  }
  const bool fout = n < 0 || gzdirect(f);  // gzdirect: not gzip at all, read as is
  gzclose(f);
  if (fout) return InvalidArgument("archief is geen geldig gzip-bestand: " + p.string());
  return out;
}

// Imports the members of the archives in order; stops at the first operational error.
Status importeer_archieven(import::Importer& imp, const std::vector<std::filesystem::path>& lijst) {
  for (const auto& p : lijst) {
    auto bytes = lees_gz(p, size_t{4} << 30);
    if (!bytes.ok()) return bytes.status();
    auto leden = tar_members(*bytes);
    if (!leden.ok()) return InvalidArgument(p.string() + ": " + leden.status().message());
    for (const auto& lid : *leden) {
      if (!lid.name.ends_with(".xml")) continue;
      auto r = imp.import_bytes(lid.content, p.string() + ":" + lid.name);
      if (r.uitkomst == import::Uitkomst::fout)
        return Unavailable(r.bron + ": " + r.melding + " (import afgebroken)");
    }
  }
  return imp.flush();
}

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
  auto st = store::open_sqlite_store(so, clock);
  if (!st.ok()) {
    std::cerr << "jeugdregie: " << st.status().message() << "\n";
    return 3;
  }
  import::ImportOptions opt;
  if (!a.retour.empty()) opt.retour_dir = a.retour;
  opt.batch_grootte = a.batch;
  std::string bron;
  for (const auto& p : a.paden) bron += (bron.empty() ? "" : " ") + p;
  opt.bron = bron;
  import::Importer imp(**st, **v, clock, opt);
  std::vector<std::filesystem::path> paden;
  for (const auto& p : a.paden)
    if (!is_archief(p)) paden.emplace_back(p);
  const auto tar = archieven(a.paden);
  Status s = paden.empty() ? Status::Ok() : imp.import_paden(paden);
  if (s.ok() && !tar.empty()) s = importeer_archieven(imp, tar);
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
      "importeer ontvangen iJw-berichten (JW302, JW305, JW307, JW315, JW323) en eigen "
      "verzonden JW301-berichten; schrijf de retourberichten");
  cmd->add_option("--db", args->db, "databasebestand")->required();
  cmd->add_option("--retour", args->retour, "map voor de retourberichten");
  cmd->add_option("--batch", args->batch, "berichten per transactie (standaard 1000)");
  cmd->add_option("paden", args->paden, "iJw XML-bestanden of mappen")->required();
  cmd->callback([args, &ctx] { ctx.exit_code = run_import(*args, ctx.config); });
}

}  // namespace jr::cli
