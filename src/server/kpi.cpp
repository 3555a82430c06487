#include "server/kpi.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "domain/periode.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

indicators::Koers koers(const Kpi& k) {
  return {k.nulmeting_waarde, k.nulmeting_periode, k.ambitie_waarde, k.ambitie_jaar};
}

std::string meetperiode(const Kpi& kpi, std::string_view gekozen) {
  return indicators::meetperiode(koers(kpi), gekozen);
}

KpiBeoordeling beoordeel(const Kpi& kpi, std::string_view periode,
                         std::optional<double> realisatie) {
  return indicators::beoordeel(koers(kpi), periode, realisatie);
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
  auto n = lees_periode(k.nulmeting_periode);
  if (!n.ok()) f.push_back({"nulmeting.periode", "invalid", "periode is 2020, 2020H1 of 2020H2"});
  if (!std::isfinite(k.nulmeting_waarde))
    f.push_back({"nulmeting.waarde", "invalid", "waarde is een getal"});
  if (!std::isfinite(k.ambitie_waarde))
    f.push_back({"ambitie.waarde", "invalid", "waarde is een getal"});
  if (!geldig_jaar(k.ambitie_jaar))
    f.push_back({"ambitie.jaar", "invalid",
                 "jaar ligt tussen " + std::to_string(kEersteJaar) + " en " +
                     std::to_string(kLaatsteJaar)});
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
    k.ambitie_jaar =
        static_cast<int>(va.geheel("jaar", true, kEersteJaar, kLaatsteJaar).value_or(0));
  }
  k.bron = v.tekst("bron", {.max = 500}).value_or("");
  k.toelichting = v.tekst("toelichting", {.max = 4000, .regels = true}).value_or("");
  return k;
}

}  // namespace jr::server
