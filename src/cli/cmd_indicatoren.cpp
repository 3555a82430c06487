// jeugdregie indicatoren --db PATH --periode P [--gemeente CODE] [--niveau intern|publiek]
//                        [--formaat json|csv|tabel]
// The national youth-care indicators of one period from the store (docs/indicatoren.md).
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "indicators/indicatoren.h"
#include "model/snapshot.h"
#include "server/indicatoren_json.h"

namespace jr::cli {
namespace {

struct IndicatorenArgs {
  std::string db, periode, gemeente, niveau = "intern", formaat = "json";
};

std::string csv_veld(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// The levels of the document in output order: gemeenten, regios, totaal.
std::vector<const nlohmann::json*> niveaus(const nlohmann::json& doc) {
  std::vector<const nlohmann::json*> uit;
  for (const auto& g : doc["gemeenten"]) uit.push_back(&g);
  for (const auto& r : doc["regios"]) uit.push_back(&r);
  uit.push_back(&doc["totaal"]);
  return uit;
}

void schrijf_csv(const nlohmann::json& doc, std::ostream& out) {
  out << "periode,niveau,gemeente,naam,indicator,waarde\n";
  for (const auto* g : niveaus(doc)) {
    const std::string soort = (*g)["soort"], naam = (*g)["naam"];
    const std::string code =
        (*g)["gemeente"].is_string() ? (*g)["gemeente"].get<std::string>() : "";
    for (const auto& [pad, waarde] : server::plat(*g)) {
      if (pad == "soort" || pad == "gemeente" || pad == "naam") continue;
      out << doc["periode"].get<std::string>() << ',' << soort << ',' << code << ','
          << csv_veld(naam) << ',' << pad << ',' << csv_veld(waarde) << '\n';
    }
  }
}

void schrijf_tabel(const nlohmann::json& doc, std::ostream& out) {
  auto lijst = niveaus(doc);
  std::vector<std::vector<std::pair<std::string, std::string>>> kolommen;
  for (const auto* g : lijst) kolommen.push_back(server::plat(*g));
  size_t breedte_pad = 10;
  for (const auto& [pad, w] : kolommen.front()) breedte_pad = std::max(breedte_pad, pad.size());
  std::vector<size_t> breedte;
  for (size_t k = 0; k < kolommen.size(); ++k) {
    size_t b = 6;
    for (const auto& [pad, w] : kolommen[k])
      if (pad != "gemeenten") b = std::max(b, w.size());
    breedte.push_back(std::min<size_t>(b, 24));
  }
  out << "Indicatoren jeugdhulp " << doc["periode"].get<std::string>() << " ("
      << doc["van"].get<std::string>() << " t/m " << doc["tot"].get<std::string>() << ", "
      << doc["niveau"].get<std::string>() << ")\n";
  // The names first, then the figures (JSON objects keep their keys sorted).
  std::vector<std::string> paden = {"naam"};
  for (const auto& [pad, w] : kolommen.front())
    if (pad != "naam" && pad != "soort" && pad != "gemeente" && pad != "regio" &&
        pad != "gemeenten")
      paden.push_back(pad);
  for (const std::string& pad : paden) {
    out << std::left << std::setw(static_cast<int>(breedte_pad)) << pad;
    for (size_t k = 0; k < kolommen.size(); ++k) {
      std::string w;
      for (const auto& [p, v] : kolommen[k])
        if (p == pad) w = v.empty() ? "." : v;
      if (w.size() > breedte[k]) w = w.substr(0, breedte[k]);
      out << "  " << (pad == "naam" ? std::left : std::right)
          << std::setw(static_cast<int>(breedte[k])) << w;
    }
    out << '\n';
  }
}

int run_indicatoren(const IndicatorenArgs& a, const Config& cfg) {
  auto periode = lees_periode(a.periode);
  if (!periode.ok()) {
    std::cerr << "jeugdregie indicatoren: " << periode.status().message() << "\n";
    return 2;
  }
  const auto openbaarheid = a.niveau == "publiek" ? indicators::Openbaarheid::kPubliek
                                                  : indicators::Openbaarheid::kIntern;
  if (!std::filesystem::exists(a.db)) {
    std::cerr << "jeugdregie indicatoren: database " << a.db << " bestaat niet\n";
    return 3;
  }
  SystemClock clock;
  auto store = store::open_store(a.db, {{}, cfg.sleutelbestand, true}, clock);
  if (!store.ok()) {
    std::cerr << "jeugdregie indicatoren: " << store.status().message() << "\n";
    return 3;
  }
  auto snapshot = model::bouw_snapshot(**store);
  if (!snapshot.ok()) {
    std::cerr << "jeugdregie indicatoren: " << snapshot.status().message() << "\n";
    return 3;
  }
  auto uitkomst = indicators::bereken(*snapshot, indicators::leid_af(*snapshot), *periode);
  auto doc = server::indicatoren_json(
      uitkomst, openbaarheid,
      a.gemeente.empty() ? std::nullopt : std::optional<std::string>(a.gemeente));
  if (!doc.ok()) {
    std::cerr << "jeugdregie indicatoren: " << doc.status().message() << "\n";
    return 1;
  }
  if (a.formaat == "csv")
    schrijf_csv(*doc, std::cout);
  else if (a.formaat == "tabel")
    schrijf_tabel(*doc, std::cout);
  else
    std::cout << doc->dump(2) << "\n";
  return 0;
}

}  // namespace

void register_indicatoren(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<IndicatorenArgs>();
  auto* sub =
      app.add_subcommand("indicatoren", "landelijke indicatoren jeugdhulp (CBS-definities)");
  sub->add_option("--db", a->db, "database (SQLite)")->required();
  sub->add_option("--periode", a->periode, "verslagperiode: 2024H1, 2024H2 of 2024")->required();
  sub->add_option("--gemeente", a->gemeente, "alleen deze gemeente (CBS-code) en haar regio");
  sub->add_option("--niveau", a->niveau, "intern of publiek (onthullingscontrole)")
      ->check(CLI::IsMember({"intern", "publiek"}));
  sub->add_option("--formaat", a->formaat, "json, csv of tabel")
      ->check(CLI::IsMember({"json", "csv", "tabel"}));
  sub->callback([a, &ctx] { ctx.exit_code = run_indicatoren(*a, ctx.config); });
}

}  // namespace jr::cli
