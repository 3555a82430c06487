#include "server/api.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "server/export.h"

namespace jr::server {

using nlohmann::json;

namespace {

constexpr auto kBeleid = Rol::kBeleidsmedewerker;
constexpr auto kContract = Rol::kContractmanager;
constexpr auto kBeheer = Rol::kFunctioneelBeheerder;

bool is_gemeentecode(const std::string& s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_periode(const std::string& s) {
  if (s.size() != 4 && s.size() != 6) return false;
  for (size_t i = 0; i < 4; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return s.size() == 4 || (s[4] == 'H' && (s[5] == '1' || s[5] == '2'));
}

// Reads the common query keys; adds invalid params for bad values.
struct Filters {
  std::optional<std::string> periode, gemeente, aanbieder;
  bool publiek = false;
};

Filters lees_filters(const Verzoek& v, bool periode_verplicht, std::vector<OngeldigeParameter>& f) {
  Filters r;
  if (const auto* p = v.param("periode")) {
    if (is_periode(*p))
      r.periode = *p;
    else
      f.push_back({"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"});
  } else if (periode_verplicht) {
    f.push_back({"periode", "required", "periode is verplicht (2024 of 2024H1)"});
  }
  if (const auto* g = v.param("gemeente")) {
    if (is_gemeentecode(*g))
      r.gemeente = *g;
    else
      f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers"});
  }
  if (const auto* a = v.param("aanbieder")) {
    if (!a->empty() && a->size() <= 40)
      r.aanbieder = *a;
    else
      f.push_back({"aanbieder", "invalid", "aanbieder is een AGB-code"});
  }
  if (const auto* n = v.param("niveau")) {
    if (*n == "publiek")
      r.publiek = true;
    else if (*n != "intern")
      f.push_back({"niveau", "invalid", "niveau is intern of publiek"});
  }
  return r;
}

// National reference figures (CBS, as cited in seed 002 for the first half of 2020 and in
// ../shared/calibratie): percentage of jongeren 0-17 with jeugdhulp, with verblijf and with
// jeugdbescherming. No national kosten per cliënt is published there.
struct Landelijk {
  const char* periode;
  const char* bron;
  double pct_jeugdhulp, pct_verblijf, pct_jeugdbescherming;
};
constexpr Landelijk kLandelijk = {"2020H1", "CBS, eerste halfjaar 2020", 9.7, 1.1, 1.1};

json een_decimaal(std::optional<double> v) {
  if (!v) return nullptr;
  return std::round(*v * 10.0) / 10.0;
}

json kerncijfers_van(const json& g) {
  json k;
  k["gemeente"] = g.value("gemeente", json(nullptr));
  k["naam"] = g.value("naam", json(nullptr));
  k["bevolking0tot17"] = g.value("bevolking0tot17", json(nullptr));
  k["jongerenMetJeugdhulp"] = g.value("jongerenMetJeugdhulp", json(nullptr));
  k["pctJongerenMetJeugdhulp"] = een_decimaal(indicator_waarde(g, "pctJongerenMetJeugdhulp"));
  k["pctJongerenMetVerblijf"] = een_decimaal(indicator_waarde(g, "pctJongerenMetVerblijf"));
  k["pctJeugdbescherming"] = een_decimaal(indicator_waarde(g, "pctJeugdbescherming"));
  auto kpc = indicator_waarde(g, "kostenPerClient");
  k["kostenPerClient"] = kpc ? json(std::llround(*kpc)) : json(nullptr);
  return k;
}

Antwoord uit_status(const Status& s) { return probleem_antwoord(van_status(s)); }

std::optional<int64_t> lees_id(const Verzoek& v) {
  auto it = v.pad_params.find("id");
  if (it == v.pad_params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  for (char c : it->second)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(it->second);
}

}  // namespace

const std::string* Verzoek::param(const std::string& k) const {
  auto it = query.find(k);
  return it == query.end() ? nullptr : &it->second;
}

std::string_view rol_naam(Rol r) {
  switch (r) {
    case Rol::kJeugdconsulent:
      return "jeugdconsulent";
    case Rol::kRegisseur:
      return "regisseur";
    case Rol::kContractmanager:
      return "contractmanager";
    case Rol::kBeleidsmedewerker:
      return "beleidsmedewerker";
    case Rol::kFunctioneelBeheerder:
      return "functioneelBeheerder";
    case Rol::kPrivacyOfficer:
      return "privacyOfficer";
    case Rol::kAanbieder:
      return "aanbieder";
  }
  return "";
}

std::string_view scope_naam(Scope s) {
  switch (s) {
    case Scope::kGeen:
      return "geen";
    case Scope::kGemeente:
      return "gemeente";
    case Scope::kRegio:
      return "regio";
  }
  return "";
}

Antwoord probleem_antwoord(const Probleem& p) {
  Antwoord a;
  a.status = p.status;
  a.content_type = "application/problem+json";
  a.body = p.json();
  return a;
}

Antwoord json_antwoord(std::string body, int status) {
  Antwoord a;
  a.status = status;
  a.body = std::move(body);
  return a;
}

Antwoord Api::behandel(const Route& route, const Verzoek& v) {
  Antwoord a;
  std::vector<OngeldigeParameter> f;
  std::set<std::string> gezien;
  for (const auto& [k, waarde] : v.query) {
    (void)waarde;
    if (std::find(route.query.begin(), route.query.end(), k) == route.query.end())
      f.push_back({k, "unknown", "onbekende parameter " + k});
    else if (!gezien.insert(k).second)
      f.push_back({k, "invalid", "parameter " + k + " komt meer dan eens voor"});
  }
  if (!f.empty()) {
    a = probleem_antwoord(ongeldige_parameters(std::move(f)));
  } else {
    try {
      a = route.afhandelaar(v);
    } catch (const std::exception&) {
      a = uit_status(Internal("onverwachte fout"));
    }
  }
  a.headers.emplace_back("API-Version", std::string(kApiVersie));
  return a;
}

std::vector<Route> Api::routes() {
  auto h = [this](Antwoord (Api::*m)(const Verzoek&)) {
    return [this, m](const Verzoek& v) { return (this->*m)(v); };
  };
  std::vector<Route> r = {
      {"GET",
       "/api/v1/indicatoren",
       {"periode", "gemeente", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::indicatoren)},
      {"GET",
       "/api/v1/kerncijfers",
       {"periode", "niveau"},
       {kBeleid, kContract},
       Scope::kRegio,
       h(&Api::kerncijfers)},
      {"GET", "/api/v1/perioden", {}, {kBeleid, kContract}, Scope::kRegio, h(&Api::perioden)},
      {"GET",
       "/api/v1/trajecten",
       {"periode", "gemeente", "aanbieder", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::trajecten)},
      {"GET",
       "/api/v1/kpi-indicatoren",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       h(&Api::kpi_indicatoren)},
      {"GET",
       "/api/v1/kpis",
       {"periode", "gemeente"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::kpis_lijst)},
      {"POST", "/api/v1/kpis", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_maak)},
      {"GET",
       "/api/v1/kpis/{id}",
       {"periode"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::kpi_lees)},
      {"PUT", "/api/v1/kpis/{id}", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_wijzig)},
      {"DELETE", "/api/v1/kpis/{id}", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_verwijder)},
      {"POST",
       "/api/v1/exports",
       {"formaat"},
       {kBeleid, kContract},
       Scope::kGeen,
       h(&Api::exporteer)},
  };
  for (auto& c : contract_routes()) r.push_back(std::move(c));
  return r;
}

Antwoord Api::indicatoren(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, fl.gemeente, fl.publiek});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->tekst);
}

namespace {
// The kerncijfers answer of one indicator document (built once per document, see
// Document::afgeleid).
std::string kerncijfers_document(const json& doc) {
  json uit;
  uit["periode"] = doc["periode"];
  uit["niveau"] = doc["niveau"];
  json gemeenten = json::array();
  for (const auto& g : doc["gemeenten"]) gemeenten.push_back(kerncijfers_van(g));
  uit["gemeenten"] = gemeenten;
  uit["regio"] = kerncijfers_van(doc["regio"]);
  uit["landelijk"] = {{"periode", kLandelijk.periode},
                      {"bron", kLandelijk.bron},
                      {"pctJongerenMetJeugdhulp", kLandelijk.pct_jeugdhulp},
                      {"pctJongerenMetVerblijf", kLandelijk.pct_verblijf},
                      {"pctJeugdbescherming", kLandelijk.pct_jeugdbescherming},
                      {"kostenPerClient", nullptr}};
  return uit.dump();
}
}  // namespace

Antwoord Api::kerncijfers(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, std::nullopt, fl.publiek});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->afgeleid("kerncijfers", kerncijfers_document));
}

Antwoord Api::perioden(const Verzoek&) {
  auto p = bron_.perioden();
  if (!p.ok()) return uit_status(p.status());
  json uit = {{"halfjaren", p->halfjaren}, {"jaren", p->jaren}};
  uit["laatste"] = p->halfjaren.empty() ? json(nullptr) : json(p->halfjaren.back());
  return json_antwoord(uit.dump());
}

Antwoord Api::trajecten(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (fl.aanbieder && !fl.gemeente && !v.param("gemeente"))
    f.push_back({"aanbieder", "invalid", "aanbieder kan alleen samen met gemeente"});
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.trajecten({*fl.periode, fl.gemeente, fl.aanbieder, fl.publiek});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord(d->dump());
}

Antwoord Api::kpi_indicatoren(const Verzoek&) {
  json arr = json::array();
  for (const auto& k : jr::server::kpi_indicatoren())
    arr.push_back({{"sleutel", std::string(k.sleutel)},
                   {"naam", std::string(k.naam)},
                   {"eenheid", std::string(k.eenheid)}});
  return json_antwoord(json{{"indicatoren", arr}}.dump());
}

std::string Api::laatste_halfjaar() {
  auto p = bron_.perioden();
  if (!p.ok() || p->halfjaren.empty()) return {};
  return p->halfjaren.back();
}

json Api::met_beoordeling(const Kpi& k, const std::string& periode) {
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
        const json& doc = (*d)->json;
        if (!k.gemeente) {
          realisatie = indicator_waarde(doc["regio"], k.indicator);
        } else {
          for (const auto& g : doc["gemeenten"])
            if (g.value("gemeente", "") == *k.gemeente)
              realisatie = indicator_waarde(g, k.indicator);
        }
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

Antwoord Api::kpis_lijst(const Verzoek& v) {
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
  auto lijst = bron_.met_kpis([&](KpiRegister& r) { return r.lijst(filter); });
  if (!lijst.ok()) return uit_status(lijst.status());
  json arr = json::array();
  for (const auto& k : *lijst) arr.push_back(met_beoordeling(k, periode));
  json uit = {{"periode", periode.empty() ? json(nullptr) : json(periode)}, {"kpis", arr}};
  return json_antwoord(uit.dump());
}

Antwoord Api::kpi_maak(const Verzoek& v) {
  json body = json::parse(v.body, nullptr, false);
  if (body.is_discarded())
    return probleem_antwoord(
        ongeldige_parameters({{"body", "invalid", "de body is geen geldige JSON"}}));
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.maak(k); });
  if (!r.ok()) return uit_status(r.status());
  Antwoord a = json_antwoord(met_beoordeling(*r, laatste_halfjaar()).dump(), 201);
  a.headers.emplace_back("Location", "/api/v1/kpis/" + std::to_string(r->id));
  return a;
}

Antwoord Api::kpi_lees(const Verzoek& v) {
  auto id = lees_id(v);
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
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.lees(*id); });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(met_beoordeling(*r, periode).dump());
}

Antwoord Api::kpi_wijzig(const Verzoek& v) {
  auto id = lees_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  json body = json::parse(v.body, nullptr, false);
  if (body.is_discarded())
    return probleem_antwoord(
        ongeldige_parameters({{"body", "invalid", "de body is geen geldige JSON"}}));
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.wijzig(*id, k); });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(met_beoordeling(*r, laatste_halfjaar()).dump());
}

Antwoord Api::kpi_verwijder(const Verzoek& v) {
  auto id = lees_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  auto s = bron_.met_kpis([&](KpiRegister& reg) { return reg.verwijder(*id); });
  if (!s.ok()) return uit_status(s);
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  return a;
}

Antwoord Api::exporteer(const Verzoek& v) {
  const auto* formaat = v.param("formaat");
  if (!formaat || (*formaat != "csv" && *formaat != "xlsx"))
    return probleem_antwoord(ongeldige_parameters(
        {{"formaat", formaat ? "invalid" : "required", "formaat is csv of xlsx"}}));
  json body = json::parse(v.body, nullptr, false);
  if (body.is_discarded())
    return probleem_antwoord(
        ongeldige_parameters({{"body", "invalid", "de body is geen geldige JSON"}}));
  std::vector<OngeldigeParameter> f;
  Tabel t = tabel_van_json(body, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  Antwoord a;
  if (*formaat == "csv") {
    a.content_type = "text/csv; charset=utf-8";
    a.body = naar_csv(t);
  } else {
    auto x = naar_xlsx(t);
    if (!x.ok()) return uit_status(x.status());
    a.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    a.body = std::move(x).value();
  }
  a.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + bestandsnaam(t, *formaat) + "\"");
  return a;
}

}  // namespace jr::server
