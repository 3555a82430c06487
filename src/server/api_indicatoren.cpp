#include "server/api_indicatoren.h"

#include <cmath>

#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/indicatoren_json.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

namespace {

// Disclosure control: a role without person-level rights always gets niveau publiek.
bool publiek_voor(const Verzoek& v, bool gevraagd) {
  return gevraagd || !v.aanroeper || !heeft_persoonsrechten(v.aanroeper->rol);
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

// The kerncijfers answer of one indicator document (built once per document, see
// Document::afgeleid).
// The kerncijfers of the gemeenten and the regio level of one document.
json kerncijfers_van(const Document& d) {
  json gemeenten = json::array();
  for (const auto* g : d.selectie.gemeenten)
    gemeenten.push_back(kerncijfers_json(*g, d.openbaarheid));
  return {{"gemeenten", gemeenten}, {"regio", kerncijfers_json(*d.selectie.regio, d.openbaarheid)}};
}

std::string kerncijfers_document(const Document& d) {
  json uit = kerncijfers_van(d);
  uit["periode"] = d.uitkomst->periode.naam;
  uit["niveau"] = d.openbaarheid == indicators::Openbaarheid::kPubliek ? "publiek" : "intern";
  uit["landelijk"] = {{"periode", kLandelijk.periode},
                      {"bron", kLandelijk.bron},
                      {"pctJongerenMetJeugdhulp", kLandelijk.pct_jeugdhulp},
                      {"pctJongerenMetVerblijf", kLandelijk.pct_verblijf},
                      {"pctJeugdbescherming", kLandelijk.pct_jeugdbescherming},
                      {"kostenPerClient", nullptr}};
  return uit.dump(-1, ' ', false, kVervang);
}

}  // namespace

std::vector<Route> IndicatorenApi::routes() {
  return {
      {"GET",
       "/api/v1/indicatoren",
       {"periode", "gemeente", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &IndicatorenApi::indicatoren)},
      {"GET",
       "/api/v1/kerncijfers",
       {"periode", "niveau"},
       {kBeleid, kContract},
       Scope::kRegio,
       afhandelaar(this, &IndicatorenApi::kerncijfers)},
      {"GET",
       "/api/v1/kerncijfers/verloop",
       {"niveau"},
       {kBeleid, kContract},
       Scope::kRegio,
       afhandelaar(this, &IndicatorenApi::kerncijfers_verloop)},
      {"GET",
       "/api/v1/perioden",
       {},
       {kBeleid, kContract},
       Scope::kRegio,
       afhandelaar(this, &IndicatorenApi::perioden)},
      {"GET",
       "/api/v1/trajecten",
       {"periode", "gemeente", "aanbieder", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &IndicatorenApi::trajecten)},
  };
}

Antwoord IndicatorenApi::indicatoren(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, fl.gemeente, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->tekst);
}

Antwoord IndicatorenApi::kerncijfers(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, std::nullopt, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->afgeleid("kerncijfers", kerncijfers_document));
}

// The kerncijfers of every half year of /perioden in one answer (the Overzicht's trend), from
// the same cached indicator documents as /kerncijfers.
Antwoord IndicatorenApi::kerncijfers_verloop(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, false, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto p = bron_.perioden();
  if (!p.ok()) return uit_status(p.status());
  const bool publiek = publiek_voor(v, fl.publiek);
  json lijst = json::array();
  for (const auto& hj : p->halfjaren) {
    auto d = bron_.indicatoren({hj, std::nullopt, publiek});
    if (!d.ok()) return uit_status(d.status());
    json deel = kerncijfers_van(**d);
    lijst.push_back({{"periode", hj}, {"regio", deel["regio"]}, {"gemeenten", deel["gemeenten"]}});
  }
  return json_antwoord(
      json{{"niveau", publiek ? "publiek" : "intern"}, {"perioden", std::move(lijst)}}.dump(
          -1, ' ', false, kVervang));
}

Antwoord IndicatorenApi::perioden(const Verzoek&) {
  auto p = bron_.perioden();
  if (!p.ok()) return uit_status(p.status());
  json uit = {{"halfjaren", p->halfjaren}, {"jaren", p->jaren}};
  uit["laatste"] = p->halfjaren.empty() ? json(nullptr) : json(p->halfjaren.back());
  return json_antwoord(uit);
}

Antwoord IndicatorenApi::trajecten(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (fl.aanbieder && !fl.gemeente && !v.param("gemeente"))
    f.push_back({"aanbieder", "invalid", "aanbieder kan alleen samen met gemeente"});
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.trajecten({*fl.periode, fl.gemeente, fl.aanbieder, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord(d->dump(-1, ' ', false, kVervang));
}

}  // namespace jr::server
