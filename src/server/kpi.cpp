#include "server/kpi.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "indicators/periode.h"
#include "server/invoer.h"

namespace jr::server {
namespace {

using nlohmann::json;

std::optional<double> getal(const json& j) {
  if (j.is_number()) return j.get<double>();
  return std::nullopt;
}

std::optional<double> veld(const json& g, std::string_view naam) {
  auto it = g.find(std::string(naam));
  if (it == g.end()) return std::nullopt;
  return getal(*it);
}

// A count that the document gives either as a number or as an object with a count inside
// ({"jongeren": n} or {"totaal": n}).
std::optional<double> telling(const json& g, std::string_view naam) {
  auto it = g.find(std::string(naam));
  if (it == g.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  if (it->is_object()) {
    for (const char* k : {"jongeren", "totaal", "aantal"})
      if (auto v = veld(*it, k)) return v;
  }
  return std::nullopt;
}

// Sum of perHulpvorm[code][wat] over `codes`; nullopt when none is present.
std::optional<double> som_hulpvorm(const json& g, std::initializer_list<const char*> codes,
                                   const char* wat) {
  auto it = g.find("perHulpvorm");
  if (it == g.end() || !it->is_object()) return std::nullopt;
  std::optional<double> som;
  for (const char* c : codes) {
    auto h = it->find(c);
    if (h == it->end()) continue;
    auto v = h->is_object() ? veld(*h, wat) : std::nullopt;
    if (!v) return std::nullopt;  // suppressed: the sum is unknown
    som = som.value_or(0) + *v;
  }
  return som ? som : std::optional<double>(0.0);
}

std::optional<double> pct_van_bevolking(const json& g, std::optional<double> teller) {
  auto noemer = veld(g, "bevolking0tot17");
  if (!teller || !noemer || *noemer <= 0) return std::nullopt;
  return 100.0 * *teller / *noemer;
}

// Kosten in euro: the document holds cents ("kosten": {"totaalCent": n, ...}) or a number.
std::optional<double> kosten_euro(const json& g) {
  auto it = g.find("kosten");
  if (it == g.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>() / 100.0;
  if (it->is_object()) {
    if (auto v = veld(*it, "totaalCent")) return *v / 100.0;
    if (auto v = veld(*it, "totaal")) return *v / 100.0;
  }
  return std::nullopt;
}

std::optional<double> kosten_per_client(const json& g) {
  auto it = g.find("kosten");
  if (it != g.end() && it->is_object() && it->contains("perClientCent")) {
    auto v = veld(*it, "perClientCent");  // null: no clients, or hidden
    return v ? std::optional<double>(*v / 100.0) : std::nullopt;
  }
  auto k = kosten_euro(g);
  auto n = veld(g, "jongerenMetJeugdhulp");
  if (!k || !n || *n <= 0) return std::nullopt;
  return *k / *n;
}

double eind_van(const indicators::Periode& p) {
  // End of the period as a fractional year: 2020 -> 2021.0, 2020H1 -> 2020.5.
  return p.tot.month() == 6 ? p.jaar() + 0.5 : p.jaar() + 1.0;
}

}  // namespace

const std::vector<KpiIndicator>& kpi_indicatoren() {
  static const std::vector<KpiIndicator> v = {
      {"pctJongerenMetJeugdhulp", "% jongeren (0-17) met jeugdhulp", "procent"},
      {"jongerenMetJeugdhulp", "Jongeren (0-22) met jeugdhulp", "aantal"},
      {"pctJongerenMetVerblijf", "% jongeren (0-17) met jeugdhulp met verblijf", "procent"},
      {"pctJeugdbescherming", "% jongeren (0-17) met jeugdbescherming", "procent"},
      {"jeugdbescherming", "Jongeren met jeugdbescherming", "aantal"},
      {"kostenTotaal", "Kosten jeugdhulp (gedeclareerd)", "euro"},
      {"kostenPerClient", "Kosten per cliënt", "euro"},
      {"trajectenPleegzorg", "Trajecten pleegzorg", "aantal"},
      {"trajectenGezinshuis", "Trajecten gezinsgericht verblijf (gezinshuis)", "aantal"},
      {"trajectenResidentieel", "Trajecten residentieel en gesloten verblijf", "aantal"},
      {"gemiddeldeDuurDagen", "Gemiddelde duur beëindigde trajecten", "dagen"},
      {"uitvalPct", "% voortijdig beëindigde trajecten", "procent"},
  };
  return v;
}

const KpiIndicator* zoek_kpi_indicator(std::string_view sleutel) {
  for (const auto& k : kpi_indicatoren())
    if (k.sleutel == sleutel) return &k;
  return nullptr;
}

std::optional<double> indicator_waarde(const json& g, std::string_view s) {
  if (!g.is_object()) return std::nullopt;
  if (s == "pctJongerenMetJeugdhulp") return veld(g, s);
  if (s == "jongerenMetJeugdhulp") return veld(g, s);
  if (s == "pctJongerenMetVerblijf") {
    if (auto v = veld(g, s)) return v;
    // Distinct jongeren with verblijf (perGroep) when the document has them; otherwise the
    // sum over the hulpvormen 11-14 (counts a jeugdige with two of them twice).
    if (auto pg = g.find("perGroep"); pg != g.end() && pg->is_object()) {
      if (auto mv = pg->find("metVerblijf"); mv != pg->end() && mv->is_object())
        return pct_van_bevolking(g, veld(*mv, "jongeren"));
    }
    return pct_van_bevolking(g, som_hulpvorm(g, {"11", "12", "13", "14"}, "jongeren"));
  }
  if (s == "pctJeugdbescherming") return pct_van_bevolking(g, telling(g, "jeugdbescherming"));
  if (s == "jeugdbescherming") return telling(g, s);
  if (s == "kostenTotaal") return kosten_euro(g);
  if (s == "kostenPerClient") return kosten_per_client(g);
  if (s == "trajectenPleegzorg") return som_hulpvorm(g, {"11"}, "trajecten");
  if (s == "trajectenGezinshuis") return som_hulpvorm(g, {"12"}, "trajecten");
  if (s == "trajectenResidentieel") return som_hulpvorm(g, {"13", "14"}, "trajecten");
  if (s == "gemiddeldeDuurDagen") return veld(g, s);
  if (s == "uitvalPct") return veld(g, s);
  return std::nullopt;
}

std::string_view kpi_status_naam(KpiStatus s) {
  switch (s) {
    case KpiStatus::kOpKoers:
      return "opKoers";
    case KpiStatus::kRisico:
      return "risico";
    case KpiStatus::kUitKoers:
      return "uitKoers";
    case KpiStatus::kOnbekend:
      break;
  }
  return "onbekend";
}

std::string meetperiode(const Kpi& kpi, std::string_view gekozen) {
  auto g = indicators::lees_periode(gekozen);
  auto n = indicators::lees_periode(kpi.nulmeting_periode);
  if (!g.ok() || !n.ok()) return {};
  bool nul_is_jaar = kpi.nulmeting_periode.size() == 4;
  bool gek_is_jaar = gekozen.size() == 4;
  int jaar = g->jaar();
  if (nul_is_jaar) {
    // A whole year, complete by the end of the chosen period.
    if (!gek_is_jaar && gekozen.back() == '1') --jaar;
    return std::to_string(jaar);
  }
  if (gek_is_jaar) return std::to_string(jaar) + "H2";
  return std::string(gekozen);
}

KpiBeoordeling beoordeel(const Kpi& kpi, std::string_view periode,
                         std::optional<double> realisatie) {
  KpiBeoordeling b;
  b.periode = std::string(periode);
  b.realisatie = realisatie;
  auto p = indicators::lees_periode(periode);
  auto n = indicators::lees_periode(kpi.nulmeting_periode);
  if (!p.ok() || !n.ok()) return b;
  const double t0 = eind_van(*n), t1 = kpi.ambitie_jaar + 1.0, t = eind_van(*p);
  if (t1 <= t0) return b;
  const double v0 = kpi.nulmeting_waarde, v1 = kpi.ambitie_waarde;
  const double f = std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
  b.verwacht = v0 + (v1 - v0) * f;
  if (!realisatie) return b;
  const double r = *realisatie;
  double achterstand;  // > 0: behind the path
  if (v1 < v0)
    achterstand = r - *b.verwacht;
  else if (v1 > v0)
    achterstand = *b.verwacht - r;
  else
    achterstand = std::abs(r - v0);
  const double marge = v1 != v0 ? 0.25 * std::abs(v1 - v0) : 0.05 * std::abs(v0);
  constexpr double kEps = 1e-9;
  if (achterstand <= kEps)
    b.status = KpiStatus::kOpKoers;
  else if (achterstand <= marge + kEps)
    b.status = KpiStatus::kRisico;
  else
    b.status = KpiStatus::kUitKoers;
  return b;
}

std::vector<OngeldigeParameter> valideer(const Kpi& k) {
  std::vector<OngeldigeParameter> f;
  if (k.naam.empty() || k.naam.size() > 200)
    f.push_back({"naam", "invalid", "naam is verplicht (hoogstens 200 tekens)"});
  if (!zoek_kpi_indicator(k.indicator))
    f.push_back({"indicator", "unknown", "onbekende indicator; zie /api/v1/kpi-indicatoren"});
  if (k.gemeente) {
    const auto& c = *k.gemeente;
    bool ok = c.size() == 4 &&
              std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!ok) f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers"});
  }
  auto n = indicators::lees_periode(k.nulmeting_periode);
  if (!n.ok()) f.push_back({"nulmeting.periode", "invalid", "periode is 2020, 2020H1 of 2020H2"});
  if (!std::isfinite(k.nulmeting_waarde))
    f.push_back({"nulmeting.waarde", "invalid", "waarde is een getal"});
  if (!std::isfinite(k.ambitie_waarde))
    f.push_back({"ambitie.waarde", "invalid", "waarde is een getal"});
  if (k.ambitie_jaar < 1900 || k.ambitie_jaar > 2199)
    f.push_back({"ambitie.jaar", "invalid", "jaar ligt tussen 1900 en 2199"});
  else if (n.ok() && k.ambitie_jaar < n->jaar())
    f.push_back({"ambitie.jaar", "invalid", "het ambitiejaar ligt voor de nulmeting"});
  else if (n.ok() && k.ambitie_jaar == n->jaar() && k.nulmeting_periode.size() != 6)
    f.push_back({"ambitie.jaar", "invalid", "het ambitiejaar moet na de nulmeting eindigen"});
  if (k.bron.size() > 500) f.push_back({"bron", "invalid", "bron is hoogstens 500 tekens"});
  if (k.toelichting.size() > 4000)
    f.push_back({"toelichting", "invalid", "toelichting is hoogstens 4000 tekens"});
  return f;
}

json kpi_json(const Kpi& k) {
  json j = {
      {"id", k.id},
      {"naam", k.naam},
      {"indicator", k.indicator},
      {"gemeente", k.gemeente ? json(*k.gemeente) : json(nullptr)},
      {"nulmeting", {{"waarde", k.nulmeting_waarde}, {"periode", k.nulmeting_periode}}},
      {"ambitie", {{"waarde", k.ambitie_waarde}, {"jaar", k.ambitie_jaar}}},
      {"bron", k.bron},
      {"toelichting", k.toelichting},
      {"versie", k.versie},
      {"aangemaaktOp", k.aangemaakt_op},
      {"gewijzigdOp", k.gewijzigd_op},
  };
  if (const auto* ind = zoek_kpi_indicator(k.indicator)) j["eenheid"] = ind->eenheid;
  return j;
}

Kpi kpi_van_json(const json& j, std::vector<OngeldigeParameter>& f) {
  Kpi k;
  if (!j.is_object()) {
    f.push_back({"body", "invalid", "de body is een JSON-object"});
    return k;
  }
  Velden v{j, f};
  k.naam = v.tekst("naam", {.verplicht = true}).value_or("");
  k.indicator = v.tekst("indicator", {.verplicht = true, .max = 100}).value_or("");
  // Empty or null: the regio.
  auto gemeente = v.tekst("gemeente", {.nullable = true, .max = 4});
  if (gemeente && !gemeente->empty()) k.gemeente = gemeente;
  if (const json* n = v.object("nulmeting", true)) {
    Velden vn{*n, f, "nulmeting"};
    k.nulmeting_waarde = vn.getal("waarde", true, -1e15, 1e15).value_or(0);
    k.nulmeting_periode = vn.tekst("periode", {.verplicht = true, .max = 6}).value_or("");
  }
  if (const json* a = v.object("ambitie", true)) {
    Velden va{*a, f, "ambitie"};
    k.ambitie_waarde = va.getal("waarde", true, -1e15, 1e15).value_or(0);
    k.ambitie_jaar = static_cast<int>(va.geheel("jaar", true, 1900, 2199).value_or(0));
  }
  k.bron = v.tekst("bron", {.max = 500}).value_or("");
  k.toelichting = v.tekst("toelichting", {.max = 4000, .regels = true}).value_or("");
  return k;
}

}  // namespace jr::server
