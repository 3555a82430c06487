#include "server/indicatoren_json.h"

#include "model/codes.h"

namespace jr::server {

using indicators::Cijfers;
using indicators::Niveau;
using indicators::Openbaarheid;
using nlohmann::json;

namespace {

template <class T>
json of_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json kosten_json(const indicators::Kosten& k) {
  return {{"totaalCent", of_null(k.totaal_cent)},
          {"clienten", of_null(k.clienten)},
          {"perClientCent", of_null(k.per_client_cent)}};
}

json niveau_json(const Niveau& nv, Openbaarheid o) {
  const Cijfers c = indicators::toon(nv.t, o);
  json g = json::object();
  switch (nv.soort) {
    case Niveau::Soort::kGemeente:
      g["soort"] = "gemeente";
      g["gemeente"] = nv.code;
      g["naam"] = nv.naam;
      g["regio"] = nv.regio.empty() ? json(nullptr) : json(nv.regio);
      break;
    case Niveau::Soort::kRegio:
      g["soort"] = "regio";
      g["gemeente"] = nullptr;
      g["naam"] = nv.naam.empty() ? "(geen regio)" : nv.naam;
      g["gemeenten"] = nv.gemeenten;
      break;
    case Niveau::Soort::kTotaal:
      g["soort"] = "totaal";
      g["gemeente"] = nullptr;
      g["naam"] = nv.naam;
      break;
  }
  g["bevolking0tot17"] = c.bevolking0tot17;
  g["jongerenMetJeugdhulp"] = of_null(c.jongeren);
  g["jongerenMetJeugdhulp0tot17"] = of_null(c.jongeren0tot17);
  g["pctJongerenMetJeugdhulp"] = of_null(c.pct_jongeren);
  g["trajecten"] = {{"totaal", of_null(c.trajecten)},
                    {"begonnen", of_null(c.begonnen)},
                    {"beeindigd", of_null(c.beeindigd)},
                    {"lopendEinde", of_null(c.lopend_einde)}};
  json hv = json::object();
  for (size_t k = 0; k < model::kHulpvormen.size(); ++k)
    hv[model::code2(model::kHulpvormen[k])] = {{"jongeren", of_null(c.hv_jongeren[k])},
                                               {"trajecten", of_null(c.hv_trajecten[k])}};
  g["perHulpvorm"] = hv;
  g["perGroep"] = {
      {"zonderVerblijf",
       {{"jongeren", of_null(c.groep_jongeren[0])}, {"trajecten", of_null(c.groep_trajecten[0])}}},
      {"metVerblijf",
       {{"jongeren", of_null(c.groep_jongeren[1])}, {"trajecten", of_null(c.groep_trajecten[1])}}}};
  json vw = json::object();
  for (size_t k = 0; k < model::kVerwijzers.size(); ++k)
    vw[model::code2(model::kVerwijzers[k])] = of_null(c.verwijzer[k]);
  g["perVerwijzer"] = vw;
  json rd = json::object();
  for (uint8_t k = 1; k <= 5; ++k) rd[model::code2(k)] = of_null(c.reden[k - 1]);
  rd["onbekend"] = of_null(c.reden[5]);
  g["redenBeeindiging"] = rd;
  g["gemiddeldeDuurDagen"] = of_null(c.gemiddelde_duur_dagen);
  json dk = json::object();
  for (size_t k = 0; k < c.duurklassen.size(); ++k)
    dk[indicators::kDuurklasseNamen[k]] = of_null(c.duurklassen[k]);
  g["duurklassen"] = dk;
  g["herhaaldBeroep"] = of_null(c.herhaald);
  g["gestartMetCrisis"] = of_null(c.crisis);
  g["uitvalPct"] = of_null(c.uitval_pct);
  json up = json::object();
  for (uint8_t k = 2; k <= 5; ++k) up[model::code2(k)] = of_null(c.uitval_pct_reden[k - 2]);
  g["uitvalPctPerReden"] = up;
  g["geenNieuweStart"] = of_null(c.geen_nieuwe_start);
  g["geenNieuweStartPct"] = of_null(c.geen_nieuwe_start_pct);
  g["jeugdbescherming"] = of_null(c.jeugdbescherming);
  g["jeugdreclassering"] = of_null(c.jeugdreclassering);
  json k = kosten_json(c.kosten);
  json kh = json::object();
  for (size_t i = 0; i < model::kHulpvormen.size(); ++i)
    kh[model::code2(model::kHulpvormen[i])] = kosten_json(c.hv_kosten[i]);
  k["perHulpvorm"] = kh;
  g["kosten"] = k;
  return g;
}

}  // namespace

Result<json> indicatoren_json(const indicators::Uitkomst& u, Openbaarheid o,
                              const std::optional<std::string>& gemeente) {
  auto s = indicators::selecteer(u, gemeente);
  if (!s.ok()) return s.status();
  json doc;
  doc["periode"] = u.periode.naam;
  doc["van"] = u.periode.van.iso();
  doc["tot"] = u.periode.tot.iso();
  doc["niveau"] = o == Openbaarheid::kPubliek ? "publiek" : "intern";
  json gemeenten = json::array(), regios = json::array();
  for (const Niveau* g : s->gemeenten) gemeenten.push_back(niveau_json(*g, o));
  for (const Niveau* r : s->regios) regios.push_back(niveau_json(*r, o));
  doc["gemeenten"] = gemeenten;
  doc["regio"] = niveau_json(*s->regio, o);
  doc["regios"] = regios;
  doc["totaal"] = niveau_json(*s->totaal, o);
  return doc;
}

json kerncijfers_json(const Niveau& n, Openbaarheid o) {
  const auto k = indicators::kerncijfers(indicators::toon(n.t, o));
  json j;
  j["gemeente"] = n.soort == Niveau::Soort::kGemeente ? json(n.code) : json(nullptr);
  j["naam"] = n.soort == Niveau::Soort::kRegio && n.naam.empty() ? "(geen regio)" : n.naam;
  j["bevolking0tot17"] = k.bevolking0tot17;
  j["jongerenMetJeugdhulp"] = of_null(k.jongeren);
  j["pctJongerenMetJeugdhulp"] = of_null(k.pct_jeugdhulp);
  j["pctJongerenMetVerblijf"] = of_null(k.pct_verblijf);
  j["pctJeugdbescherming"] = of_null(k.pct_jeugdbescherming);
  j["kostenPerClient"] = of_null(k.kosten_per_client);
  return j;
}

namespace {
void plat_in(const json& j, const std::string& pad,
             std::vector<std::pair<std::string, std::string>>& uit) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      plat_in(it.value(), pad.empty() ? it.key() : pad + "." + it.key(), uit);
  } else if (j.is_array()) {
    std::string s;
    for (const auto& e : j)
      s += (s.empty() ? "" : " ") + (e.is_string() ? e.get<std::string>() : e.dump());
    uit.emplace_back(pad, s);
  } else if (j.is_null()) {
    uit.emplace_back(pad, "");
  } else if (j.is_string()) {
    uit.emplace_back(pad, j.get<std::string>());
  } else {
    uit.emplace_back(pad, j.dump());
  }
}
}  // namespace

std::vector<std::pair<std::string, std::string>> plat(const json& object) {
  std::vector<std::pair<std::string, std::string>> uit;
  plat_in(object, "", uit);
  return uit;
}

}  // namespace jr::server
