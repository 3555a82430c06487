// jeugdregie prognose --db PATH --peildatum DATE [--horizon MAANDEN] [--runs N]
//                     [--gemeente CODE] [--scenario FILE] [--niveau intern|publiek]
//                     [--seed N] --formaat json|csv|tabel
// jeugdregie prognose --db PATH --backtest [--runs N] [--seed N] --formaat json|csv|tabel
// Where youth care is heading, from the data as known on the peildatum, and how accurate that
// was on the data itself (docs/prognose.md).
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "contracts/beheer.h"
#include "domain/clock.h"
#include "model/snapshot.h"
#include "prognose/backtest.h"
#include "server/prognose_json.h"

namespace jr::cli {
namespace {

struct PrognoseArgs {
  std::string db, peildatum, gemeente, scenario, niveau = "intern", formaat = "json";
  int horizon = 60, runs = 1000;
  uint64_t seed = 1;
  bool backtest = false;
};

std::string getal(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    std::ostringstream s;
    s << v.get<double>();
    return s.str();
  }
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The indicators of a period object as (name, distribution) pairs, in document order.
std::vector<std::pair<std::string, const nlohmann::json*>> figuren(const nlohmann::json& p) {
  std::vector<std::pair<std::string, const nlohmann::json*>> uit;
  for (int i = 0; i < prognose::kAantalIndicatoren; ++i) {
    const std::string naam = prognose::indicator_naam(i);
    const nlohmann::json* v = &p;
    std::stringstream ss(naam);
    std::string deel;
    while (std::getline(ss, deel, '.')) v = &(*v)[deel];
    uit.emplace_back(naam, v);
  }
  return uit;
}

void schrijf_csv(const nlohmann::json& doc, std::ostream& out) {
  out << "scenario,soort,gemeente,naam,periode,indicator,gemiddelde,p10,p50,p90\n";
  auto reeks = [&](const std::string& scenario, const nlohmann::json& r) {
    for (const auto& p : r["perioden"])
      for (const auto& [naam, v] : figuren(p))
        out << scenario << ',' << r["soort"].get<std::string>() << ','
            << (r["gemeente"].is_null() ? "" : r["gemeente"].get<std::string>()) << ','
            << r["naam"].get<std::string>() << ',' << p["periode"].get<std::string>() << ',' << naam
            << ',' << getal((*v)["gemiddelde"]) << ',' << getal((*v)["p10"]) << ','
            << getal((*v)["p50"]) << ',' << getal((*v)["p90"]) << '\n';
  };
  reeks("", doc["regio"]);
  for (const auto& g : doc["gemeenten"]) reeks("", g);
  for (const auto& s : doc["scenarios"]) {
    const std::string n = s["naam"];
    reeks(n, s["regio"]);
    reeks(n + " (verschil)", s["verschil"]["regio"]);
    for (const auto& g : s["verschil"]["gemeenten"]) reeks(n + " (verschil)", g);
  }
}

void schrijf_tabel(const nlohmann::json& doc, std::ostream& out) {
  out << "Prognose jeugdhulp vanaf peildatum " << doc["peildatum"].get<std::string>() << " ("
      << doc["runs"] << " runs, drift " << getal(doc["drift"]["sigmaPerMaand"]) << " per maand, "
      << doc["drift"]["bron"].get<std::string>() << "; " << doc["niveau"].get<std::string>()
      << ")\n";
  auto reeks = [&](const std::string& kop, const nlohmann::json& r) {
    out << "\n" << kop << "\n";
    out << std::left << std::setw(32) << "indicator" << std::setw(9) << "periode" << std::right
        << std::setw(14) << "p10" << std::setw(14) << "p50" << std::setw(14) << "p90"
        << "\n";
    for (int i = 0; i < prognose::kAantalIndicatoren; ++i) {
      if (r.contains("historie"))
        for (const auto& h : r["historie"]) {
          const auto v = figuren(h)[static_cast<size_t>(i)];
          out << std::left << std::setw(32) << v.first << std::setw(9)
              << h["periode"].get<std::string>() << std::right << std::setw(14) << ""
              << std::setw(14) << (v.second->is_null() ? "." : getal(*v.second)) << std::setw(14)
              << ""
              << "  gerealiseerd\n";
        }
      for (const auto& p : r["perioden"]) {
        const auto v = figuren(p)[static_cast<size_t>(i)];
        auto f = [&](const char* k) {
          const auto& x = (*v.second)[k];
          return x.is_null() ? std::string(".") : getal(x);
        };
        out << std::left << std::setw(32) << v.first << std::setw(9)
            << p["periode"].get<std::string>() << std::right << std::setw(14) << f("p10")
            << std::setw(14) << f("p50") << std::setw(14) << f("p90") << "\n";
      }
    }
  };
  reeks("Regio", doc["regio"]);
  for (const auto& g : doc["gemeenten"])
    reeks("Gemeente " + g["gemeente"].get<std::string>() + " " + g["naam"].get<std::string>(), g);
  for (const auto& s : doc["scenarios"])
    reeks("Scenario " + s["naam"].get<std::string>() + ": verschil met de basis, regio",
          s["verschil"]["regio"]);
}

void schrijf_backtest(const nlohmann::json& doc, const std::string& formaat, std::ostream& out) {
  if (formaat == "json") {
    out << doc.dump(2) << "\n";
    return;
  }
  const char* velden[] = {"methode", "indicator", "horizonMaanden", "niveau",    "n",
                          "wape",    "bias",      "mase",           "dekking80", "crps"};
  if (formaat == "csv") {
    out << "methode,indicator,horizonMaanden,niveau,n,wape,bias,mase,dekking80,crps\n";
    for (const auto& s : doc["scores"]) {
      bool eerst = true;
      for (const char* v : velden) out << (eerst ? "" : ",") << getal(s[v]), eerst = false;
      out << "\n";
    }
    return;
  }
  out << "Backtest: origines";
  for (const auto& o : doc["origines"]) out << " " << o.get<std::string>();
  out << "\n"
      << std::left << std::setw(26) << "methode" << std::setw(31) << "indicator" << std::setw(4)
      << "h" << std::setw(10) << "niveau" << std::right << std::setw(5) << "n" << std::setw(8)
      << "WAPE" << std::setw(8) << "bias" << std::setw(8) << "MASE" << std::setw(9) << "dekking"
      << std::setw(8) << "CRPS"
      << "\n";
  for (const auto& s : doc["scores"]) {
    auto pct = [](const nlohmann::json& x) {
      if (x.is_null()) return std::string("-");
      std::ostringstream o;
      o << std::fixed << std::setprecision(1) << x.get<double>() * 100 << "%";
      return o.str();
    };
    std::ostringstream mase;
    mase << std::fixed << std::setprecision(2) << s["mase"].get<double>();
    out << std::left << std::setw(26) << s["methode"].get<std::string>() << std::setw(31)
        << s["indicator"].get<std::string>() << std::setw(4) << getal(s["horizonMaanden"])
        << std::setw(10) << s["niveau"].get<std::string>() << std::right << std::setw(5)
        << getal(s["n"]) << std::setw(8) << pct(s["wape"]) << std::setw(8) << pct(s["bias"])
        << std::setw(8) << mase.str() << std::setw(9) << pct(s["dekking80"]) << std::setw(8)
        << pct(s["crps"]) << "\n";
  }
}

int fout(const std::string& melding, int code) {
  std::cerr << "jeugdregie prognose: " << melding << "\n";
  return code;
}

int run_prognose(const PrognoseArgs& a, const Config& cfg) {
  if (a.horizon < 1 || a.horizon > prognose::kMaxHorizonMaanden)
    return fout("--horizon: 1 tot en met 60 maanden (vijf jaar), niet " + std::to_string(a.horizon),
                2);
  if (a.runs < 1 || a.runs > 100000) return fout("--runs: 1 tot en met 100000", 2);
  std::optional<Date> peildatum;
  if (!a.peildatum.empty()) {
    peildatum = Date::parse(a.peildatum);
    if (!peildatum) return fout("--peildatum: geen datum JJJJ-MM-DD: " + a.peildatum, 2);
  } else if (!a.backtest) {
    return fout("--peildatum ontbreekt", 2);
  }
  std::vector<prognose::Scenario> scenarios;
  if (!a.scenario.empty()) {
    std::ifstream in(a.scenario, std::ios::binary);
    if (!in) return fout("scenariobestand niet gevonden: " + a.scenario, 2);
    std::stringstream ss;
    ss << in.rdbuf();
    auto s = prognose::lees_scenarios(ss.str());
    if (!s.ok()) return fout(s.status().message(), 2);
    scenarios = std::move(*s);
  }
  if (!std::filesystem::exists(a.db)) return fout("database " + a.db + " bestaat niet", 3);
  SystemClock clock;
  auto store = store::open_store(a.db, {{}, cfg.sleutelbestand, true}, clock);
  if (!store.ok()) return fout(store.status().message(), 3);
  prognose::Instellingen inst;
  inst.horizon_maanden = a.horizon;
  inst.runs = a.runs;
  inst.seed = a.seed;

  if (a.backtest) {
    auto volledig = model::bouw_snapshot(**store);
    if (!volledig.ok()) return fout(volledig.status().message(), 3);
    auto kennis = [&](Date d) { return model::bouw_snapshot(**store, d.iso()); };
    auto bt = prognose::backtest(*volledig, kennis, inst);
    if (!bt.ok())
      return fout(bt.status().message(),
                  bt.status().code() == StatusCode::kInvalidArgument ? 2 : 3);
    schrijf_backtest(server::backtest_naar_json(*bt), a.formaat, std::cout);
    return 0;
  }

  auto snapshot = model::bouw_snapshot(**store, peildatum->iso());
  if (!snapshot.ok()) return fout(snapshot.status().message(), 3);
  if (!a.gemeente.empty() && snapshot->gemeente_index(a.gemeente) == UINT16_MAX)
    return fout("gemeente " + a.gemeente + " komt in de gegevens niet voor", 2);
  // The register's budgetplafonds for the whole aanbieder (scoped ones are not forecast).
  std::vector<prognose::Plafond> plafonds;
  contracts::Contractbeheer beheer(**store, clock);
  if (auto pl = beheer.plafonds(std::nullopt); pl.ok())
    for (const auto& p : *pl)
      if (!p.gemeente && !p.categorie) plafonds.push_back({p.aanbieder, p.jaar, p.bedrag_cent});
  auto pr = prognose::voorspel(*snapshot, *peildatum, inst, scenarios, plafonds);
  if (!pr.ok()) return fout(pr.status().message(), 2);
  const auto hist = prognose::historie(*snapshot, *peildatum);
  auto doc = server::prognose_naar_json(
      *pr, hist,
      a.niveau == "publiek" ? indicators::Openbaarheid::kPubliek
                            : indicators::Openbaarheid::kIntern,
      a.gemeente.empty() ? std::nullopt : std::optional<std::string>(a.gemeente));
  if (!doc.ok()) return fout(doc.status().message(), 2);
  if (a.formaat == "csv")
    schrijf_csv(*doc, std::cout);
  else if (a.formaat == "tabel")
    schrijf_tabel(*doc, std::cout);
  else
    std::cout << doc->dump(2) << "\n";
  return 0;
}

}  // namespace

void register_prognose(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<PrognoseArgs>();
  auto* sub =
      app.add_subcommand("prognose", "prognose van de jeugdhulp met onzekerheid en scenario's");
  sub->add_option("--db", a->db, "database (SQLite)")->required();
  sub->add_option("--peildatum", a->peildatum,
                  "rekenen met wat op deze dag bekend was (JJJJ-MM-DD)");
  sub->add_option("--horizon", a->horizon, "maanden vooruit (1-60, standaard 60)");
  sub->add_option("--runs", a->runs, "aantal Monte-Carloruns (standaard 1000)");
  sub->add_option("--gemeente", a->gemeente, "alleen deze gemeente (CBS-code) naast de regio");
  sub->add_option("--scenario", a->scenario, "bestand met scenario's (JSON)");
  sub->add_option("--niveau", a->niveau, "intern of publiek (onthullingscontrole)")
      ->check(CLI::IsMember({"intern", "publiek"}));
  sub->add_option("--seed", a->seed, "zaad van de toevalsgetallen (standaard 1)");
  sub->add_flag("--backtest", a->backtest, "de nauwkeurigheid op de eigen gegevens meten");
  sub->add_option("--formaat", a->formaat, "json, csv of tabel")
      ->check(CLI::IsMember({"json", "csv", "tabel"}));
  sub->callback([a, &ctx] { ctx.exit_code = run_prognose(*a, ctx.config); });
}

}  // namespace jr::cli
