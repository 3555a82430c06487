// jeugdregie register --db PATH --import DIR | --gemeenten F --aanbieders F --producten F
// Imports the registers (gemeenten with their regio, aanbieders, the product catalogue,
// contracten, budgetplafonds, PGB and algemene voorzieningen with their targets).
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "domain/clock.h"
#include "store/registers.h"

namespace jr::cli {
namespace {

struct RegisterArgs {
  std::string db, map, gemeenten, aanbieders, producten, contracten, budgetplafonds, voorzieningen,
      voorzieningsdoelen;
};

bool lees(const std::filesystem::path& p, std::string& uit) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  uit = ss.str();
  return true;
}

int run_register(RegisterArgs a, const Config& cfg) {
  if (!a.map.empty()) {
    auto in_map = [&](std::string& veld, const char* naam) {
      if (veld.empty() && std::filesystem::exists(std::filesystem::path(a.map) / naam))
        veld = (std::filesystem::path(a.map) / naam).string();
    };
    in_map(a.gemeenten, "gemeenten.csv");
    in_map(a.aanbieders, "aanbieders.csv");
    in_map(a.producten, "producten.csv");
    in_map(a.contracten, "contracten.csv");
    in_map(a.budgetplafonds, "budgetplafonds.csv");
    in_map(a.voorzieningen, "voorzieningen.csv");
    in_map(a.voorzieningsdoelen, "voorzieningsdoelen.csv");
  }
  if (a.gemeenten.empty() && a.aanbieders.empty() && a.producten.empty()) {
    std::cerr << "jeugdregie register: geen gemeenten.csv, aanbieders.csv of producten.csv\n";
    return 2;
  }
  SystemClock clock;
  auto store = store::open_store(a.db, {{}, cfg.sleutelbestand, true}, clock);
  if (!store.ok()) {
    std::cerr << "jeugdregie register: " << store.status().message() << "\n";
    return 3;
  }
  using Import = Result<store::RegisterVerslag> (*)(store::Store&, std::string_view);
  const std::pair<const std::string*, std::pair<const char*, Import>> stappen[] = {
      {&a.gemeenten, {"gemeenten", &store::importeer_gemeenten}},
      {&a.aanbieders, {"aanbieders", &store::importeer_aanbieders}},
      {&a.producten, {"producten", &store::importeer_producten}},
      {&a.contracten, {"contracten", &store::importeer_contracten}},
      {&a.budgetplafonds, {"budgetplafonds", &store::importeer_budgetplafonds}},
      {&a.voorzieningen, {"voorzieningen", &store::importeer_voorzieningen}},
      {&a.voorzieningsdoelen, {"voorzieningsdoelen", &store::importeer_voorzieningsdoelen}},
  };
  for (const auto& [pad, stap] : stappen) {
    if (pad->empty()) continue;
    std::string inhoud;
    if (!lees(*pad, inhoud)) {
      std::cerr << "jeugdregie register: kan " << *pad << " niet lezen\n";
      return 3;
    }
    auto r = stap.second(**store, inhoud);
    if (!r.ok()) {
      std::cerr << "jeugdregie register: " << *pad << ": " << r.status().message() << "\n";
      return r.status().code() == StatusCode::kInvalidArgument ? 1 : 3;
    }
    std::cout << stap.first << ": " << r->regels << " regels ingelezen\n";
  }
  return 0;
}

}  // namespace

void register_register(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<RegisterArgs>();
  auto* sub = app.add_subcommand(
      "register",
      "registers inlezen: gemeenten, aanbieders, producten, contracten, budgetplafonds");
  sub->add_option("--db", a->db, "database (SQLite)")->required();
  sub->add_option("--import", a->map,
                  "map met gemeenten.csv, aanbieders.csv, producten.csv, contracten.csv, ...");
  sub->add_option("--gemeenten", a->gemeenten, "gemeenten.csv (gemeente,naam,regio)");
  sub->add_option("--aanbieders", a->aanbieders, "aanbieders.csv (agb,naam,soort)");
  sub->add_option("--producten", a->producten, "producten.csv (productcatalogus)");
  sub->add_option("--contracten", a->contracten, "contracten.csv");
  sub->add_option("--budgetplafonds", a->budgetplafonds, "budgetplafonds.csv");
  sub->add_option("--voorzieningen", a->voorzieningen, "voorzieningen.csv (PGB, algemeen)");
  sub->add_option("--voorzieningsdoelen", a->voorzieningsdoelen,
                  "voorzieningsdoelen.csv (doel aandeel maatwerk)");
  sub->callback([a, &ctx] { ctx.exit_code = run_register(*a, ctx.config); });
}

}  // namespace jr::cli
