// jeugdregie generate --regio NAAM --van DATE --tot DATE --seed N --out DIR [--schaal F]
//                     [--parameters FILE] [--rapport] [--tar]
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "generate/generator.h"

namespace jr::cli {
namespace {

struct GenerateArgs {
  std::string regio;
  std::string van, tot;
  uint64_t seed = 1;
  std::string out;
  double schaal = 1.0;
  std::string parameters;
  bool rapport = false;
  bool tar = false;
};

int run_generate(const GenerateArgs& a, const Config& cfg) {
  auto van = Date::parse(a.van), tot = Date::parse(a.tot);
  if (!van || !tot) {
    std::cerr << "jeugdregie: --van en --tot zijn datums JJJJ-MM-DD\n";
    return 2;
  }
  auto params =
      generate::Parameters::load(a.parameters.empty() ? generate::standaard_parameters_bestand()
                                                      : std::filesystem::path(a.parameters));
  if (!params.ok()) {
    std::cerr << "jeugdregie: " << params.status().message() << "\n";
    return 2;
  }
  auto codes = ijw::Codelijsten::load(cfg.ijw_standaard_dir);
  if (!codes.ok()) {
    std::cerr << "jeugdregie: " << codes.status().message() << "\n";
    return 3;
  }
  generate::Opties o{a.regio, *van, *tot, a.seed, a.schaal};
  const auto t0 = std::chrono::steady_clock::now();
  auto u = generate::genereer(o, *params, *codes, a.out, a.tar);
  const double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!u.ok()) {
    std::cerr << "jeugdregie: " << u.status().message() << "\n";
    const auto c = u.status().code();
    return c == StatusCode::kInvalidArgument || c == StatusCode::kNotFound ||
                   c == StatusCode::kFailedPrecondition
               ? 2
               : 3;
  }
  std::cout << "regio " << a.regio << ": " << u->berichten << " berichten ("
            << u->bytes / (1024 * 1024) << " MiB) in " << static_cast<int64_t>(sec) << " s naar "
            << a.out << "\n";
  if (a.rapport) {
    std::cout << "\n" << u->rapport.tekst(*params);
    return u->rapport.alles_binnen() ? 0 : 1;
  }
  return 0;
}

}  // namespace

void register_generate(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<GenerateArgs>();
  auto* cmd = app.add_subcommand("generate", "genereer een synthetische regio (berichten en CSV)");
  cmd->add_option("--regio", a->regio, "rijk-van-nijmegen, zutphen of nl")->required();
  cmd->add_option("--van", a->van, "eerste dag (JJJJ-MM-DD)")->required();
  cmd->add_option("--tot", a->tot, "laatste dag (JJJJ-MM-DD)")->required();
  cmd->add_option("--seed", a->seed, "startwaarde van de toevalsgenerator")->required();
  cmd->add_option("--out", a->out, "uitvoermap (leeg of nieuw)")->required();
  cmd->add_option("--schaal", a->schaal, "schaalfactor op de bevolking (standaard 1)");
  cmd->add_option("--parameters", a->parameters,
                  "parameterbestand (standaard data/generator/parameters.json)");
  cmd->add_flag("--rapport", a->rapport,
                "toon doel naast gegenereerde waarde per kalibratiecijfer");
  cmd->add_flag("--tar", a->tar,
                "berichten per dag in één archief berichten/JJJJ/JJJJ-MM-DD.tar.gz (voor nl)");
  cmd->callback([a, &ctx] { ctx.exit_code = run_generate(*a, ctx.config); });
}

}  // namespace jr::cli
