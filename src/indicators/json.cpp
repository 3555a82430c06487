#include "indicators/json.h"

#include <cmath>

namespace jr::indicators {

using nlohmann::json;

std::optional<uint64_t> toon_aantal(uint64_t n, Openbaarheid o) {
  if (o == Openbaarheid::kIntern) return n;
  if (n < 10) return std::nullopt;
  return (n + 2) / 5 * 5;
}

namespace {

json een_decimaal(double x) { return std::round(x * 10.0) / 10.0; }

struct Maker {
  Openbaarheid o;

  json aantal(uint64_t n) const {
    auto v = toon_aantal(n, o);
    return v ? json(*v) : json(nullptr);
  }
  json pct(uint64_t teller, uint64_t noemer) const {
    if (noemer == 0) return nullptr;
    if (o == Openbaarheid::kPubliek && (teller < 10 || noemer < 10)) return nullptr;
    return een_decimaal(100.0 * static_cast<double>(teller) / static_cast<double>(noemer));
  }
  json kosten(int64_t cent, uint64_t clienten) const {
    json k;
    const bool zichtbaar = o == Openbaarheid::kIntern || clienten >= 10;
    k["totaalCent"] = zichtbaar ? json(cent) : json(nullptr);
    k["clienten"] = aantal(clienten);
    k["perClientCent"] = zichtbaar && clienten > 0
                             ? json(static_cast<int64_t>(std::llround(
                                   static_cast<double>(cent) / static_cast<double>(clienten))))
                             : json(nullptr);
    return k;
  }

  json niveau(const Niveau& nv) const {
    const Telling& t = nv.t;
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
    g["bevolking0tot17"] = t.bevolking0tot17;
    g["jongerenMetJeugdhulp"] = aantal(t.jongeren);
    g["jongerenMetJeugdhulp0tot17"] = aantal(t.jongeren0tot17);
    g["pctJongerenMetJeugdhulp"] = pct(t.jongeren0tot17, t.bevolking0tot17);
    g["trajecten"] = {{"totaal", aantal(t.totaal)},
                      {"begonnen", aantal(t.begonnen)},
                      {"beeindigd", aantal(t.beeindigd)},
                      {"lopendEinde", aantal(t.lopend_einde)}};
    json hv = json::object();
    for (size_t k = 0; k < model::kHulpvormen.size(); ++k)
      hv[model::code2(model::kHulpvormen[k])] = {{"jongeren", aantal(t.hv_jongeren[k])},
                                                 {"trajecten", aantal(t.hv_trajecten[k])}};
    g["perHulpvorm"] = hv;
    g["perGroep"] = {
        {"zonderVerblijf",
         {{"jongeren", aantal(t.groep_jongeren[0])}, {"trajecten", aantal(t.groep_trajecten[0])}}},
        {"metVerblijf",
         {{"jongeren", aantal(t.groep_jongeren[1])}, {"trajecten", aantal(t.groep_trajecten[1])}}}};
    json vw = json::object();
    for (size_t k = 0; k < model::kVerwijzers.size(); ++k)
      vw[model::code2(model::kVerwijzers[k])] = aantal(t.verwijzer[k]);
    g["perVerwijzer"] = vw;
    json rd = json::object();
    for (uint8_t k = 1; k <= 5; ++k) rd[model::code2(k)] = aantal(t.reden[k - 1]);
    rd["onbekend"] = aantal(t.reden[5]);
    g["redenBeeindiging"] = rd;
    const bool duur_zichtbaar =
        t.beeindigd > 0 && (o == Openbaarheid::kIntern || t.beeindigd >= 10);
    g["gemiddeldeDuurDagen"] =
        duur_zichtbaar
            ? een_decimaal(static_cast<double>(t.duur_som) / static_cast<double>(t.beeindigd))
            : json(nullptr);
    static constexpr const char* kKlassen[] = {
        "tot3Maanden",  "van3Tot6Maanden", "van6MaandenTot1Jaar", "van1Tot2Jaar",
        "van2Tot3Jaar", "van3Tot4Jaar",    "vanaf4Jaar"};
    json dk = json::object();
    for (size_t k = 0; k < t.duurklassen.size(); ++k) dk[kKlassen[k]] = aantal(t.duurklassen[k]);
    g["duurklassen"] = dk;
    g["herhaaldBeroep"] = aantal(t.herhaald);
    g["gestartMetCrisis"] = aantal(t.crisis);
    const uint64_t uitval = t.reden[1] + t.reden[2] + t.reden[3] + t.reden[4];
    g["uitvalPct"] = pct(uitval, t.beeindigd);
    json up = json::object();
    for (uint8_t k = 2; k <= 5; ++k) up[model::code2(k)] = pct(t.reden[k - 1], t.beeindigd);
    g["uitvalPctPerReden"] = up;
    g["geenNieuweStart"] = aantal(t.geen_nieuwe_start);
    g["geenNieuweStartPct"] = pct(t.geen_nieuwe_start, t.beeindigd);
    g["jeugdbescherming"] = aantal(t.jeugdbescherming);
    g["jeugdreclassering"] = aantal(t.jeugdreclassering);
    json k = kosten(t.kosten_cent, t.kosten_clienten);
    json kh = json::object();
    for (size_t i = 0; i < model::kHulpvormen.size(); ++i)
      kh[model::code2(model::kHulpvormen[i])] =
          kosten(t.hv_kosten_cent[i], t.hv_kosten_clienten[i]);
    k["perHulpvorm"] = kh;
    g["kosten"] = k;
    return g;
  }
};

}  // namespace

Result<json> naar_json(const Uitkomst& u, Openbaarheid o,
                       const std::optional<std::string>& gemeente) {
  Maker m{o};
  json doc;
  doc["periode"] = u.periode.naam;
  doc["van"] = u.periode.van.iso();
  doc["tot"] = u.periode.tot.iso();
  doc["niveau"] = o == Openbaarheid::kPubliek ? "publiek" : "intern";
  json gemeenten = json::array(), regios = json::array();
  std::string regio_van_gemeente;
  bool gevonden = false;
  for (const Niveau& g : u.gemeenten) {
    if (gemeente && g.code != *gemeente) continue;
    gevonden = true;
    regio_van_gemeente = g.regio;
    gemeenten.push_back(m.niveau(g));
  }
  if (gemeente && !gevonden) return NotFound("gemeente " + *gemeente + " komt niet voor");
  const Niveau* enige = nullptr;
  size_t aantal_regios = 0;
  for (const Niveau& r : u.regios) {
    if (r.gemeenten.empty()) continue;
    if (gemeente && r.naam != regio_van_gemeente) continue;
    regios.push_back(m.niveau(r));
    enige = &r;
    ++aantal_regios;
  }
  doc["gemeenten"] = gemeenten;
  doc["regio"] = aantal_regios == 1 ? m.niveau(*enige) : m.niveau(u.totaal);
  doc["regios"] = regios;
  doc["totaal"] = m.niveau(u.totaal);
  return doc;
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

}  // namespace jr::indicators
