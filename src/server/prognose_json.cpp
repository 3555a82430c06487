#include "server/prognose_json.h"

#include <cmath>

namespace jr::server {
namespace {

using nlohmann::json;
using prognose::kAantalIndicatoren;

bool is_aantal(int i) { return i != prognose::kKosten; }

// A count after disclosure control (null, or a multiple of 5 for publiek), or a cost in cents.
json waarde(double x, int i, indicators::Openbaarheid o) {
  const double r = std::round(x);
  if (!is_aantal(i)) return static_cast<int64_t>(r);
  if (r < 0) return static_cast<int64_t>(r);
  auto t = indicators::toon_aantal(static_cast<uint64_t>(r), o);
  return t ? json(*t) : json(nullptr);
}

// A paired difference: rounded to 5 for publiek (a difference of counts is no count of
// persons, but its precision would be).
json verschil(double x, int i, indicators::Openbaarheid o) {
  const double r = std::round(x);
  if (is_aantal(i) && o == indicators::Openbaarheid::kPubliek)
    return static_cast<int64_t>(std::round(r / 5.0) * 5.0);
  return static_cast<int64_t>(r);
}

// Puts `v` under the indicator's dotted name.
void zet(json& doel, int i, json v) {
  switch (i) {
    case prognose::kJongeren:
      doel["jongerenMetJeugdhulp"] = std::move(v);
      break;
    case prognose::kTrajecten:
      doel["trajecten"]["totaal"] = std::move(v);
      break;
    case prognose::kJongerenVerblijf:
      doel["perGroep"]["metVerblijf"]["jongeren"] = std::move(v);
      break;
    default:
      doel["kosten"]["totaalCent"] = std::move(v);
  }
}

json periode_kop(const Periode& p) {
  return json{{"periode", p.naam}, {"van", p.van.iso()}, {"tot", p.tot.iso()}};
}

json reeks_json(const prognose::Reeks& r, bool is_verschil, indicators::Openbaarheid o,
                const std::vector<prognose::Historie>* hist, size_t niveau) {
  json j;
  j["soort"] = r.gemeente.empty() ? "regio" : "gemeente";
  j["gemeente"] = r.gemeente.empty() ? json(nullptr) : json(r.gemeente);
  j["naam"] = r.naam;
  j["perioden"] = json::array();
  for (const auto& pp : r.perioden) {
    json p = periode_kop(pp.periode);
    p["deelsBekend"] = pp.deels_bekend;
    for (int i = 0; i < kAantalIndicatoren; ++i) {
      const auto& v = pp.waarde[static_cast<size_t>(i)];
      auto f = [&](double x) { return is_verschil ? verschil(x, i, o) : waarde(x, i, o); };
      zet(p, i,
          json{{"gemiddelde", f(v.gemiddelde)},
               {"p10", f(v.p10)},
               {"p50", f(v.p50)},
               {"p90", f(v.p90)}});
    }
    j["perioden"].push_back(std::move(p));
  }
  if (hist) {
    j["historie"] = json::array();
    for (const auto& h : *hist) {
      json p = periode_kop(h.periode);
      for (int i = 0; i < kAantalIndicatoren; ++i)
        zet(p, i, waarde(h.waarden[niveau][static_cast<size_t>(i)], i, o));
      j["historie"].push_back(std::move(p));
    }
  }
  return j;
}

json plafonds_json(const std::vector<prognose::Plafonduitputting>& ps) {
  json a = json::array();
  for (const auto& p : ps) {
    auto d = [](const std::optional<Date>& x) { return x ? json(x->iso()) : json(nullptr); };
    a.push_back({{"aanbieder", p.aanbieder},
                 {"jaar", p.jaar},
                 {"bedragCent", p.bedrag_cent},
                 {"kansUitgeput", std::round(p.kans_uitgeput * 1000) / 1000},
                 {"uitputtingsdatum", {{"p10", d(p.p10)}, {"p50", d(p.p50)}, {"p90", d(p.p90)}}}});
  }
  return a;
}

}  // namespace

Result<json> prognose_naar_json(const prognose::Prognose& p,
                                const std::vector<prognose::Historie>& historie,
                                indicators::Openbaarheid o,
                                const std::optional<std::string>& gemeente) {
  std::optional<size_t> alleen;
  if (gemeente) {
    for (size_t g = 0; g < p.gemeenten.size(); ++g)
      if (p.gemeenten[g].gemeente == *gemeente) alleen = g;
    if (!alleen) return NotFound("gemeente " + *gemeente + " komt in de gegevens niet voor");
  }
  const bool publiek = o == indicators::Openbaarheid::kPubliek;
  json j;
  j["peildatum"] = p.peildatum.iso();
  j["horizonMaanden"] = p.horizon_maanden;
  j["runs"] = p.runs;
  j["seed"] = p.seed;
  j["niveau"] = publiek ? "publiek" : "intern";
  j["gedeclareerdTot"] = p.gedeclareerd_tot.iso();
  j["drift"] = {{"sigmaPerMaand", std::round(p.drift_sigma * 1e5) / 1e5}, {"bron", p.drift_bron}};
  const size_t regio_niveau = p.gemeenten.size();
  j["regio"] = reeks_json(p.regio, false, o, &historie, regio_niveau);
  j["gemeenten"] = json::array();
  for (size_t g = 0; g < p.gemeenten.size(); ++g)
    if (!alleen || *alleen == g)
      j["gemeenten"].push_back(reeks_json(p.gemeenten[g], false, o, &historie, g));
  j["budgetplafonds"] = plafonds_json(p.plafonds);
  j["scenarios"] = json::array();
  for (const auto& s : p.scenarios) {
    json sj;
    sj["naam"] = s.naam;
    sj["regio"] = reeks_json(s.regio, false, o, nullptr, 0);
    sj["verschil"]["regio"] = reeks_json(s.verschil_regio, true, o, nullptr, 0);
    sj["verschil"]["gemeenten"] = json::array();
    for (size_t g = 0; g < s.verschil_gemeenten.size(); ++g)
      if (!alleen || *alleen == g)
        sj["verschil"]["gemeenten"].push_back(
            reeks_json(s.verschil_gemeenten[g], true, o, nullptr, 0));
    sj["wachtendOpPlafond"] = json::array();
    for (size_t k = 0; k < s.wachtend_op_plafond.size(); ++k) {
      const auto& v = s.wachtend_op_plafond[k];
      auto f = [&](double x) { return waarde(x, prognose::kJongeren, o); };
      json w = periode_kop(p.regio.perioden[k].periode);
      w["jongeren"] = {
          {"gemiddelde", f(v.gemiddelde)}, {"p10", f(v.p10)}, {"p50", f(v.p50)}, {"p90", f(v.p90)}};
      sj["wachtendOpPlafond"].push_back(std::move(w));
    }
    sj["budgetplafonds"] = plafonds_json(s.plafonds);
    j["scenarios"].push_back(std::move(sj));
  }
  return j;
}

json backtest_naar_json(const prognose::Backtest& b) {
  json j;
  j["origines"] = json::array();
  for (const auto& o : b.origines) j["origines"].push_back(o.iso());
  j["horizonten"] = b.horizonten;
  j["methoden"] = json::array();
  for (const char* m : prognose::kMethoden) j["methoden"].push_back(m);
  j["scores"] = json::array();
  auto r4 = [](double x) { return std::round(x * 10000) / 10000; };
  for (const auto& s : b.scores) {
    j["scores"].push_back({{"methode", prognose::kMethoden[s.methode]},
                           {"indicator", prognose::indicator_naam(s.indicator)},
                           {"horizonMaanden", s.horizon},
                           {"niveau", s.regio ? "regio" : "gemeenten"},
                           {"n", s.n},
                           {"wape", r4(s.wape)},
                           {"bias", r4(s.bias)},
                           {"mase", r4(s.mase)},
                           {"dekking80", s.dekking80 ? json(r4(*s.dekking80)) : json(nullptr)},
                           {"crps", r4(s.crps)}});
  }
  return j;
}

}  // namespace jr::server
