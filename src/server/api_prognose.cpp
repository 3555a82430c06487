// The API of the prognose: GET /api/v1/prognoses (the forecast with its history and
// scenarios, the document of `jeugdregie prognose --formaat json`) and
// GET /api/v1/prognoses/backtest (how accurate it was on the data). For beleid and contract
// roles, always with disclosure control on counts (docs/prognose.md).
#include <algorithm>

#include "model/snapshot.h"
#include "prognose/backtest.h"
#include "server/api.h"
#include "server/prognose_json.h"
#include "server/autorisatie.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

namespace {

Antwoord ongeldig(std::vector<OngeldigeParameter> f) {
  return probleem_antwoord(ongeldige_parameters(std::move(f)));
}

// An integer query key in [lo, hi]; `standaard` when absent.
int getal(const Verzoek& v, const char* k, int lo, int hi, int standaard,
          std::vector<OngeldigeParameter>& f) {
  const std::string* p = v.param(k);
  if (!p) return standaard;
  const bool cijfers =
      !p->empty() && p->size() <= 6 &&
      std::all_of(p->begin(), p->end(), [](char c) { return c >= '0' && c <= '9'; });
  const int x = cijfers ? std::stoi(*p) : -1;
  if (x < lo || x > hi)
    f.push_back({k, "invalid",
                 std::string(k) + " is een geheel getal van " + std::to_string(lo) +
                     " tot en met " + std::to_string(hi)});
  return x;
}

// The last half-year end on or before the last declared month's end: the default peildatum.
std::optional<Date> standaard_peildatum(const model::Snapshot& s) {
  if (s.kosten.size() == 0) return std::nullopt;
  const Date eind =
      Date(*std::max_element(s.kosten.datum.begin(), s.kosten.datum.end())).last_of_month();
  const Date h2(eind.year(), 12, 31), h1(eind.year(), 6, 30);
  return eind >= h2 ? h2 : eind >= h1 ? h1 : Date(eind.year() - 1, 12, 31);
}

}  // namespace

Antwoord Api::prognoses(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  std::optional<Date> peildatum;
  if (const auto* p = v.param("peildatum")) {
    peildatum = Date::parse(*p);
    if (!peildatum) f.push_back({"peildatum", "invalid", "peildatum is een datum JJJJ-MM-DD"});
  }
  prognose::Instellingen inst;
  inst.horizon_maanden = getal(v, "horizon", 1, prognose::kMaxHorizonMaanden, 60, f);
  inst.runs = getal(v, "runs", 1, 2000, 500, f);
  std::optional<std::string> gemeente;
  if (const auto* g = v.param("gemeente")) {
    if (g->size() == 4 &&
        std::all_of(g->begin(), g->end(), [](char c) { return c >= '0' && c <= '9'; }))
      gemeente = *g;
    else
      f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers"});
  }
  std::vector<prognose::Scenario> scenarios;
  if (const auto* s = v.param("scenario")) {
    auto r = prognose::lees_scenarios(*s);
    if (r.ok())
      scenarios = std::move(*r);
    else
      f.push_back({"scenario", "invalid", r.status().message()});
  }
  if (!f.empty()) return ongeldig(std::move(f));

  // The snapshot as known on the peildatum (the default: the last half-year end of the data).
  auto snap = bron_.met_store([&](store::Store& st) -> Result<model::Snapshot> {
    if (!peildatum) {
      auto alles = model::bouw_snapshot(st);
      if (!alles.ok()) return alles.status();
      peildatum = standaard_peildatum(*alles);
      if (!peildatum) return InvalidArgument("geen gegevens om op te rekenen");
    }
    return model::bouw_snapshot(st, peildatum->iso());
  });
  if (!snap.ok()) {
    if (snap.status().code() == StatusCode::kInvalidArgument)
      return ongeldig({{"peildatum", "invalid", snap.status().message()}});
    return probleem_antwoord(van_status(snap.status()));
  }
  std::vector<prognose::Plafond> plafonds;
  auto pl =
      bron_.met_contracten([](contracts::Contractbeheer& c) { return c.plafonds(std::nullopt); });
  if (pl.ok())
    for (const auto& p : *pl)
      if (!p.gemeente && !p.categorie) plafonds.push_back({p.aanbieder, p.jaar, p.bedrag_cent});
  auto p = prognose::voorspel(*snap, *peildatum, inst, scenarios, plafonds);
  if (!p.ok()) {
    const std::string& m = p.status().message();
    const char* sleutel = m.rfind("scenario", 0) == 0  ? "scenario"
                          : m.rfind("horizon", 0) == 0 ? "horizon"
                                                       : "peildatum";
    return ongeldig({{sleutel, "invalid", m}});
  }
  const bool publiek = !v.aanroeper || !heeft_persoonsrechten(v.aanroeper->rol);
  auto doc = prognose_naar_json(
      *p, prognose::historie(*snap, *peildatum),
      publiek ? indicators::Openbaarheid::kPubliek : indicators::Openbaarheid::kIntern, gemeente);
  if (!doc.ok()) return probleem_antwoord(van_status(doc.status()));
  return json_antwoord(doc->dump(-1, ' ', false, kVervang));
}

Antwoord Api::prognose_backtest(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  prognose::Instellingen inst;
  inst.runs = getal(v, "runs", 10, 1000, 100, f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto bt = bron_.met_store([&](store::Store& st) -> Result<prognose::Backtest> {
    auto alles = model::bouw_snapshot(st);
    if (!alles.ok()) return alles.status();
    return prognose::backtest(
        *alles, [&](Date d) { return model::bouw_snapshot(st, d.iso()); }, inst);
  });
  if (!bt.ok()) {
    if (bt.status().code() == StatusCode::kInvalidArgument)
      return probleem_antwoord(van_status(FailedPrecondition(bt.status().message())));
    return probleem_antwoord(van_status(bt.status()));
  }
  return json_antwoord(backtest_naar_json(*bt).dump(-1, ' ', false, kVervang));
}

std::vector<Route> Api::prognose_routes() {
  auto h = [this](Antwoord (Api::*m)(const Verzoek&)) {
    return [this, m](const Verzoek& v) { return (this->*m)(v); };
  };
  const std::vector<Rol> rollen = {Rol::kBeleidsmedewerker, Rol::kContractmanager};
  return {
      {"GET",
       "/api/v1/prognoses",
       {"peildatum", "horizon", "runs", "gemeente", "scenario"},
       rollen,
       Scope::kGemeente,
       h(&Api::prognoses),
       false,
       true},
      {"GET",
       "/api/v1/prognoses/backtest",
       {"runs"},
       rollen,
       Scope::kRegio,
       h(&Api::prognose_backtest),
       false,
       true},
  };
}

}  // namespace jr::server
