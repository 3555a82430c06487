#include "prognose/scenario.h"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace jr::prognose {
namespace {

using nlohmann::json;

struct Fout : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void alleen(const json& j, const std::string& waar, std::initializer_list<const char*> sleutels) {
  if (!j.is_object()) throw Fout(waar + ": verwacht een object");
  for (const auto& [k, v] : j.items()) {
    bool bekend = false;
    for (const char* s : sleutels) bekend = bekend || k == s;
    if (!bekend) throw Fout(waar + ": onbekende sleutel '" + k + "'");
  }
}

double getal(const json& j, const char* k, double lo, double hi, const std::string& waar) {
  if (!j.contains(k)) throw Fout(waar + ": '" + k + "' ontbreekt");
  const json& v = j.at(k);
  if (!v.is_number()) throw Fout(waar + "." + k + ": verwacht een getal");
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi))
    throw Fout(waar + "." + k + ": " + v.dump() + " ligt buiten " + json(lo).dump() + "-" +
               json(hi).dump());
  return x;
}

Scenario scenario_uit(const json& j) {
  alleen(j, "scenario",
         {"naam", "poh_jeugd", "afschaling", "verblijf_naar_pleegzorg", "budgetplafonds"});
  Scenario s;
  if (!j.contains("naam") || !j.at("naam").is_string() || j.at("naam").get<std::string>().empty())
    throw Fout("scenario: 'naam' ontbreekt");
  s.naam = j.at("naam").get<std::string>();
  const std::string w = "scenario '" + s.naam + "'";
  if (j.contains("poh_jeugd")) {
    alleen(j.at("poh_jeugd"), w + ".poh_jeugd", {"huisarts_verwijzingen_min_pct"});
    s.huisarts_verlaging =
        getal(j.at("poh_jeugd"), "huisarts_verwijzingen_min_pct", 0, 90, w + ".poh_jeugd") / 100;
  }
  if (j.contains("afschaling")) {
    alleen(j.at("afschaling"), w + ".afschaling", {"duur_min_pct"});
    s.duur_verkorting = getal(j.at("afschaling"), "duur_min_pct", 0, 90, w + ".afschaling") / 100;
  }
  if (j.contains("verblijf_naar_pleegzorg")) {
    const json& v = j.at("verblijf_naar_pleegzorg");
    const std::string vw = w + ".verblijf_naar_pleegzorg";
    alleen(v, vw, {"aandeel_pct", "pleegzorg_capaciteit_pct"});
    s.verblijf_naar_pleegzorg = getal(v, "aandeel_pct", 0, 100, vw) / 100;
    if (v.contains("pleegzorg_capaciteit_pct"))
      s.pleegzorg_capaciteit = getal(v, "pleegzorg_capaciteit_pct", 100, 500, vw) / 100;
  }
  if (j.contains("budgetplafonds")) {
    const json& l = j.at("budgetplafonds");
    if (!l.is_array()) throw Fout(w + ".budgetplafonds: verwacht een lijst");
    for (const auto& p : l) {
      const std::string pw = w + ".budgetplafonds";
      alleen(p, pw, {"aanbieder", "bedrag_cent_per_jaar", "bij_uitputting"});
      Scenario::Plafond pl;
      if (!p.contains("aanbieder") || !p.at("aanbieder").is_string())
        throw Fout(pw + ": 'aanbieder' ontbreekt");
      pl.aanbieder = p.at("aanbieder").get<std::string>();
      const double n = getal(p, "bedrag_cent_per_jaar", 1, 1e15, pw);
      pl.bedrag_cent_per_jaar = static_cast<int64_t>(n);
      const std::string b = p.value("bij_uitputting", std::string("wachtrij"));
      if (b != "wachtrij" && b != "omleiden")
        throw Fout(pw + ".bij_uitputting: 'wachtrij' of 'omleiden', niet '" + b + "'");
      pl.omleiden = b == "omleiden";
      s.plafonds.push_back(std::move(pl));
    }
  }
  return s;
}

}  // namespace

Result<std::vector<Scenario>> lees_scenarios(std::string_view tekst) {
  try {
    const json j = json::parse(tekst);
    std::vector<Scenario> uit;
    if (j.is_object() && j.contains("scenarios")) {
      alleen(j, "scenariobestand", {"scenarios"});
      if (!j.at("scenarios").is_array()) throw Fout("scenarios: verwacht een lijst");
      for (const auto& s : j.at("scenarios")) uit.push_back(scenario_uit(s));
    } else {
      uit.push_back(scenario_uit(j));
    }
    std::set<std::string> namen;
    for (const auto& s : uit)
      if (!namen.insert(s.naam).second) throw Fout("scenario '" + s.naam + "' komt twee keer voor");
    return uit;
  } catch (const json::exception& e) {
    return InvalidArgument(std::string("scenariobestand: geen geldige JSON: ") + e.what());
  } catch (const Fout& e) {
    return InvalidArgument(std::string("scenariobestand: ") + e.what());
  }
}

}  // namespace jr::prognose
