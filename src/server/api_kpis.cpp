#include "server/api_kpis.h"

#include <algorithm>

#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> KpiApi::routes() {
  return {
      {"GET",
       "/api/v1/kpi-indicatoren",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       afhandelaar(this, &KpiApi::kpi_indicatoren)},
      {"GET",
       "/api/v1/kpis",
       {"periode", "gemeente"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &KpiApi::kpis_lijst)},
      {"POST",
       "/api/v1/kpis",
       {},
       {kBeleid},
       Scope::kGemeente,
       afhandelaar(this, &KpiApi::kpi_maak)},
      {"GET",
       "/api/v1/kpis/{id}",
       {"periode"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &KpiApi::kpi_lees)},
      {"PUT",
       "/api/v1/kpis/{id}",
       {},
       {kBeleid},
       Scope::kGemeente,
       afhandelaar(this, &KpiApi::kpi_wijzig)},
      {"DELETE",
       "/api/v1/kpis/{id}",
       {},
       {kBeleid},
       Scope::kGemeente,
       afhandelaar(this, &KpiApi::kpi_verwijder)},
  };
}

Antwoord KpiApi::kpi_indicatoren(const Verzoek&) {
  json arr = json::array();
  for (const auto& k : jr::server::kpi_indicatoren())
    arr.push_back({{"sleutel", std::string(k.sleutel)},
                   {"naam", std::string(k.naam)},
                   {"eenheid", std::string(k.eenheid)}});
  return json_antwoord(json{{"indicatoren", arr}});
}

std::string KpiApi::laatste_halfjaar() {
  auto p = bron_.perioden();
  if (!p.ok() || p->halfjaren.empty()) return {};
  return p->halfjaren.back();
}

json KpiApi::met_beoordeling(const Kpi& k, const std::string& periode) {
  json j = kpi_json(k);
  std::string mp = periode.empty() ? std::string() : meetperiode(k, periode);
  std::optional<double> realisatie;
  if (!mp.empty()) {
    // Only a period fully inside the data counts: a year needs its second half year.
    auto p = bron_.perioden();
    bool binnen = false;
    if (p.ok()) {
      const auto& hj = p->halfjaren;
      std::string laatste_helft = mp.size() == 4 ? mp + "H2" : mp;
      binnen = std::find(hj.begin(), hj.end(), laatste_helft) != hj.end();
    }
    if (binnen) {
      auto d = bron_.indicatoren({mp, std::nullopt, false});
      if (d.ok()) {
        if (const auto* n = (*d)->niveau(k.gemeente))
          realisatie =
              indicators::kpi_waarde(indicators::toon(n->t, (*d)->openbaarheid), k.indicator);
      }
    }
  }
  auto b = beoordeel(k, mp, realisatie);
  json r;
  r["status"] = kpi_status_naam(b.status);
  r["periode"] = mp.empty() ? json(nullptr) : json(mp);
  r["realisatie"] = b.realisatie ? json(*b.realisatie) : json(nullptr);
  r["verwacht"] = b.verwacht ? json(*b.verwacht) : json(nullptr);
  j["beoordeling"] = r;
  return j;
}

Antwoord KpiApi::kpis_lijst(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  std::optional<std::string> filter;
  if (const auto* g = v.param("gemeente")) {
    if (*g == "regio" || is_gemeentecode(*g))
      filter = *g;
    else
      f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers of regio"});
  }
  std::string periode;
  if (const auto* p = v.param("periode")) {
    if (is_periode(*p))
      periode = *p;
    else
      f.push_back({"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"});
  }
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (periode.empty()) periode = laatste_halfjaar();
  auto lijst = bron_.met_kpis([&](store::Kpiregister& r) { return r.kpis(filter); });
  if (!lijst.ok()) return uit_status(lijst.status());
  json arr = json::array();
  for (const auto& k : *lijst) arr.push_back(met_beoordeling(k, periode));
  json uit = {{"periode", periode.empty() ? json(nullptr) : json(periode)}, {"kpis", arr}};
  return json_antwoord(uit);
}

Antwoord KpiApi::kpi_maak(const Verzoek& v) {
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(*body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (auto w = buiten_gemeente(v, k.gemeente)) return probleem_antwoord(*w);
  auto r = bron_.met_kpis([&](store::Kpiregister& reg) { return reg.maak_kpi(k); });
  if (!r.ok()) return uit_status(r.status());
  Antwoord a = met_etag(met_beoordeling(*r, laatste_halfjaar()), r->versie, 201);
  a.headers.emplace_back("Location", "/api/v1/kpis/" + std::to_string(r->id));
  return a;
}

Antwoord KpiApi::kpi_lees(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  std::string periode;
  if (const auto* p = v.param("periode")) {
    if (!is_periode(*p))
      return probleem_antwoord(ongeldige_parameters(
          {{"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"}}));
    periode = *p;
  }
  if (periode.empty()) periode = laatste_halfjaar();
  auto r = bron_.met_kpis([&](store::Kpiregister& reg) { return reg.lees_kpi(*id); });
  if (!r.ok()) return uit_status(r.status());
  if (auto w = buiten_gemeente(v, r->gemeente)) return probleem_antwoord(*w);
  return met_etag(met_beoordeling(*r, periode), r->versie);
}

// What an edit of KPI {id} in `v` acts on: the id and the version it names. First whether the
// caller may touch the KPI at all (400 for the id, 404, 403), only then what the edit needs
// (428, 412), so that a caller without rights learns nothing about the record.
std::variant<std::pair<int64_t, Versie>, Antwoord> KpiApi::kpi_bewerking(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  auto oud = bron_.met_kpis([&](store::Kpiregister& reg) { return reg.lees_kpi(*id); });
  if (!oud.ok()) return uit_status(oud.status());
  if (auto w = buiten_gemeente(v, oud->gemeente)) return probleem_antwoord(*w);
  auto voorwaarde = lees_voorwaarde(v);
  if (auto* p = std::get_if<Probleem>(&voorwaarde)) return probleem_antwoord(*p);
  return std::pair{*id, std::get<Versie>(voorwaarde)};
}

Antwoord KpiApi::kpi_wijzig(const Verzoek& v) {
  auto b = kpi_bewerking(v);
  if (auto* a = std::get_if<Antwoord>(&b)) return *a;
  // Named copies, not a structured binding: clang 14 (the fuzz build) cannot capture one.
  const int64_t id = std::get<std::pair<int64_t, Versie>>(b).first;
  const Versie versie = std::get<std::pair<int64_t, Versie>>(b).second;
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(*body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (auto w = buiten_gemeente(v, k.gemeente)) return probleem_antwoord(*w);
  // The version guards the gap since the scope check: a KPI moved to another gemeente
  // meanwhile has another version.
  auto r = bron_.met_kpis([&](store::Kpiregister& reg) { return reg.wijzig_kpi(id, k, versie); });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(met_beoordeling(*r, laatste_halfjaar()), r->versie);
}

Antwoord KpiApi::kpi_verwijder(const Verzoek& v) {
  auto b = kpi_bewerking(v);
  if (auto* a = std::get_if<Antwoord>(&b)) return *a;
  // Named copies, not a structured binding: clang 14 (the fuzz build) cannot capture one.
  const int64_t id = std::get<std::pair<int64_t, Versie>>(b).first;
  const Versie versie = std::get<std::pair<int64_t, Versie>>(b).second;
  Status s = bron_.met_kpis([&](store::Kpiregister& reg) { return reg.verwijder_kpi(id, versie); });
  if (!s.ok()) return uit_status(s);
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  return a;
}

}  // namespace jr::server
