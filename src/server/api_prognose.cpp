#include "server/api_prognose.h"

#include <algorithm>

#include "model/snapshot.h"
#include "prognose/backtest.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/invoer.h"
#include "server/prognose_json.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

namespace {

// The last half-year end on or before the last declared month's end: the default peildatum.
std::optional<Date> standaard_peildatum(const model::Snapshot& s) {
  if (s.kosten.size() == 0) return std::nullopt;
  const Date eind =
      Date(*std::max_element(s.kosten.datum.begin(), s.kosten.datum.end())).last_of_month();
  const Date h2(eind.year(), 12, 31), h1(eind.year(), 6, 30);
  return eind >= h2 ? h2 : eind >= h1 ? h1 : Date(eind.year() - 1, 12, 31);
}

}  // namespace

std::vector<Route> PrognoseApi::routes() {
  return {
      {"GET",
       "/api/v1/prognoses",
       {"peildatum", "horizon", "runs", "gemeente", "scenario"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &PrognoseApi::prognoses),
       false,
       true},
      {"GET",
       "/api/v1/prognoses/backtest",
       {"runs"},
       {kBeleid, kContract},
       Scope::kRegio,
       afhandelaar(this, &PrognoseApi::prognose_backtest),
       false,
       true},
  };
}

Antwoord PrognoseApi::prognoses(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  std::optional<Date> peildatum;
  if (const auto* p = v.param("peildatum")) {
    peildatum = Date::parse(*p);
    if (!peildatum) f.push_back({"peildatum", "invalid", "peildatum is een datum JJJJ-MM-DD"});
  }
  prognose::Instellingen inst;
  inst.horizon_maanden = lees_geheel(v, "horizon", 1, prognose::kMaxHorizonMaanden, 60, f);
  inst.runs = lees_geheel(v, "runs", 1, 2000, 500, f);
  std::optional<std::string> gemeente;
  if (const auto* g = v.param("gemeente")) {
    if (is_gemeentecode(*g))
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
  if (auto fout = prognose::controleer_invoer(*snap, *peildatum, inst, scenarios))
    return ongeldig({{fout->parameter, "invalid", fout->reden}});
  auto p = prognose::voorspel(*snap, *peildatum, inst, scenarios, plafonds);
  if (!p.ok()) return uit_status(p.status());
  const bool publiek = !v.aanroeper || !heeft_persoonsrechten(v.aanroeper->rol);
  auto doc = prognose_naar_json(
      *p, prognose::historie(*snap, *peildatum),
      publiek ? indicators::Openbaarheid::kPubliek : indicators::Openbaarheid::kIntern, gemeente);
  if (!doc.ok()) return probleem_antwoord(van_status(doc.status()));
  return json_antwoord(doc->dump(-1, ' ', false, kVervang));
}

Antwoord PrognoseApi::prognose_backtest(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  prognose::Instellingen inst;
  inst.runs = lees_geheel(v, "runs", 10, 1000, 100, f);
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
  return json_antwoord(backtest_naar_json(*bt));
}

}  // namespace jr::server
