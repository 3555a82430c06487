// jeugdregie ijw validate FILE... [--json]
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "ijw/validator.h"

namespace jr::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  bool json = false;
};

int run_validate(const ValidateArgs& a, const Config& cfg) {
  auto v = ijw::Validator::create(cfg.ijw_standaard_dir);
  if (!v.ok()) {
    std::cerr << "jeugdregie: " << v.status().message() << "\n";
    return 3;
  }
  bool all_valid = true;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : a.files) {
    nlohmann::json jf = {{"bestand", f}};
    ijw::Findings findings;
    std::optional<ijw::Berichttype> type;
    auto bytes = ijw::read_file_limited(f, (*v)->limits().max_bytes);
    if (!bytes.ok()) {
      findings.push_back({"BESTAND", "0001", "/", bytes.status().message()});
    } else {
      auto r = (*v)->validate(*bytes);
      type = r.type;
      if (!r.fout.ok()) findings.push_back({"XML", "0001", "/", r.fout.message()});
      for (auto& fi : r.findings) findings.push_back(std::move(fi));
    }
    all_valid = all_valid && findings.empty();
    if (a.json) {
      jf["berichttype"] = type ? nlohmann::json(std::string(ijw::naam(*type))) : nlohmann::json();
      jf["geldig"] = findings.empty();
      jf["fouten"] = nlohmann::json::array();
      for (const auto& fi : findings)
        jf["fouten"].push_back({{"regelcode", fi.regelcode},
                                {"retourcode", fi.retourcode},
                                {"xpath", fi.xpath},
                                {"melding", fi.melding}});
      out.push_back(std::move(jf));
    } else if (findings.empty()) {
      std::cout << f << ": OK\n";
    } else {
      for (const auto& fi : findings)
        std::cout << f << ": FOUT " << fi.regelcode << " " << fi.retourcode << " "
                  << (fi.xpath.empty() ? "/" : fi.xpath) << " " << fi.melding << "\n";
    }
  }
  if (a.json)
    std::cout << nlohmann::json{{"geldig", all_valid}, {"bestanden", out}}.dump(2) << "\n";
  return all_valid ? 0 : 1;
}

}  // namespace

void register_ijw(CLI::App& app, Context& ctx) {
  auto* ijw = app.add_subcommand("ijw", "iJw 3.2-berichten: valideren en opbouwen");
  ijw->require_subcommand(1);
  auto args = std::make_shared<ValidateArgs>();
  auto* val = ijw->add_subcommand("validate", "valideer iJw-berichten tegen XSD en berichtregels");
  val->add_option("bestanden", args->files, "iJw XML-bestanden")->required();
  val->add_flag("--json", args->json, "uitvoer als JSON");
  val->callback([args, &ctx] { ctx.exit_code = run_validate(*args, ctx.config); });
}

}  // namespace jr::cli
