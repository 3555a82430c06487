#include "server/api_wachttijden.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/periode.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/contracten_json.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> WachttijdenApi::routes() {
  return {
      {"GET",
       "/api/v1/wachttijden",
       {"periode", "gemeente", "aanbieder"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &WachttijdenApi::wachttijden),
       false,
       true},
      {"GET",
       "/api/v1/wachtlijst",
       {"gemeente", "aanbieder"},
       {kContract, kConsulent, kRegisseur},
       Scope::kGemeente,
       afhandelaar(this, &WachttijdenApi::wachtlijst)},
      {"GET",
       "/api/v1/wachttijdnormen",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       afhandelaar(this, &WachttijdenApi::normen_lijst),
       false,
       true},
      {"GET",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       afhandelaar(this, &WachttijdenApi::norm_lees),
       false,
       true},
      {"PUT",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kContract, kBeheer},
       Scope::kGeen,
       afhandelaar(this, &WachttijdenApi::norm_zet)},
      {"DELETE",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kContract, kBeheer},
       Scope::kGeen,
       afhandelaar(this, &WachttijdenApi::norm_verwijder)},
  };
}

Antwoord WachttijdenApi::wachttijden(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto gemeente = lees_cijfercode(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_cijfercode(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
  std::optional<Periode> periode;
  if (const auto* p = v.param("periode")) {
    if (auto gelezen = lees_periode(*p); gelezen.ok())
      periode = *gelezen;
    else
      f.push_back({"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"});
  }
  if (!f.empty()) return ongeldig(std::move(f));
  auto antwoord = bron_.met_contracten([&](auto& c) -> Result<json> {
    auto data = lees_wachtdata(c);
    if (!data.ok()) return data.status();
    const auto* gevallen = &data->gevallen;
    const auto* normen = &data->normen;
    const Date* stand = &data->peildatum;
    if (!periode) {  // the half year of the data's date
      const Date s = *stand;
      const bool h1 = s.month() <= 6;
      periode = lees_periode(std::to_string(s.year()) + (h1 ? "H1" : "H2")).value();
    }
    const auto o = contracts::wachtoverzicht(*gevallen, *normen, *stand, periode->van, periode->tot,
                                             gemeente, aanbieder);
    auto deel = [&](const contracts::Wachtreeks& r) {
      json j = spreiding_json(r.totaal);
      auto dagen = [](std::optional<int> d) { return d ? json(*d) : json(nullptr); };
      j["mediaanTotToewijzingDagen"] = dagen(r.mediaan_tot_toewijzing);
      j["mediaanToewijzingTotStartDagen"] = dagen(r.mediaan_toewijzing_tot_start);
      return j;
    };
    auto lijst = [&](const std::map<std::string, contracts::Wachtreeks>& m, bool is_aanbieder) {
      json arr = json::array();
      for (const auto& [k, r] : m) {
        json j = deel(r);
        j["sleutel"] = k;
        if (is_aanbieder) {
          j["naam"] = namen.aanbieder_naam(k);
          auto w = o.wachtend_per_aanbieder.find(k);
          j["wachtend"] = w == o.wachtend_per_aanbieder.end() ? 0 : w->second;
        }
        arr.push_back(std::move(j));
      }
      return arr;
    };
    json normen_json = json::object();
    for (const auto& [k, w] : *normen) normen_json[k] = w;
    json klassen = json::array();
    int vorige = 0;
    for (int g : contracts::kKlasseGrenzenWeken) {
      klassen.push_back({{"vanWeken", vorige}, {"totWeken", g}});
      vorige = g;
    }
    klassen.push_back({{"vanWeken", vorige}, {"totWeken", nullptr}});
    return json{{"periode", periode->naam},
                {"peildatum", stand->iso()},
                {"gemeente", opt(gemeente)},
                {"aanbieder", opt(aanbieder)},
                {"normen", normen_json},
                {"klassen", klassen},
                {"totaal", deel(o.totaal)},
                {"wachtlijst", {{"aantal", o.wachtend}, {"bovenNorm", o.wachtend_boven_norm}}},
                {"nooitGestart", o.nooit_gestart},
                {"perAanbieder", lijst(o.per_aanbieder, true)},
                {"perProduct", lijst(o.per_product, false)},
                {"perGemeente", lijst(o.per_gemeente, false)}};
  });
  if (!antwoord.ok()) return uit_status(antwoord.status());
  return json_antwoord(antwoord->dump(-1, ' ', false, kVervang));
}

Antwoord WachttijdenApi::wachtlijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto gemeente = lees_cijfercode(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_cijfercode(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) -> Result<json> {
    auto data = lees_wachtdata(c);
    if (!data.ok()) return data.status();
    const auto* normen = &data->normen;
    const Date* stand = &data->peildatum;
    std::vector<const contracts::Wachtgeval*> w;
    for (const auto& g : data->gevallen)
      if ((!gemeente || g.gemeente == *gemeente) && (!aanbieder || g.aanbieder == *aanbieder) &&
          contracts::fase(g, *stand) == contracts::Fase::kWachtend)
        w.push_back(&g);
    std::sort(w.begin(), w.end(), [](auto* a, auto* b) { return a->aanmelding < b->aanmelding; });
    json arr = json::array();
    for (const auto* g : w) {
      const int dagen = days_between(g->aanmelding, *stand);
      const int norm = contracts::norm_dagen(*normen, g->categorie);
      arr.push_back({{"gemeente", g->gemeente},
                     {"toewijzingNummer", g->toewijzing_nummer},
                     {"aanbieder", g->aanbieder},
                     {"aanbiederNaam", namen.aanbieder_naam(g->aanbieder)},
                     {"productcategorie", g->categorie},
                     {"productcode", g->productcode},
                     {"aanmelding", g->aanmelding.iso()},
                     {"aanmeldingBron", g->bron},
                     {"toewijzingsdatum", g->toewijzing.iso()},
                     {"dagenWachtend", dagen},
                     {"normDagen", norm},
                     {"bovenNorm", dagen > norm}});
    }
    return json{{"peildatum", stand->iso()}, {"wachtlijst", arr}};
  });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(r->dump(-1, ' ', false, kVervang));
}

Antwoord WachttijdenApi::normen_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.norm_regels(); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& n : *r) arr.push_back(norm_json(n));
  return json_antwoord(json{{"normen", arr}});
}

Antwoord WachttijdenApi::norm_lees(const Verzoek& v) {
  auto cat = pad_param(v, "categorie");
  if (!is_norm_categorie(cat))
    return ongeldig({{"categorie", "invalid", "categorie is een productcategorie of *"}});
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_norm(*cat); });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(norm_json(*r), r->versie);
}

Antwoord WachttijdenApi::norm_zet(const Verzoek& v) {
  auto cat = pad_param(v, "categorie");
  if (!is_norm_categorie(cat))
    return ongeldig({{"categorie", "invalid", "categorie is een productcategorie of *"}});
  auto w = lees_voorwaarde(v, true);
  if (auto* p = std::get_if<Probleem>(&w)) return probleem_antwoord(*p);
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  auto weken = vl.geheel("weken", true, 1, 104);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) {
    return c.zet_norm(*cat, static_cast<int>(*weken), std::get<Versie>(w),
                      context(v, "contractbeheer"));
  });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(norm_json(*r), r->versie);
}

Antwoord WachttijdenApi::norm_verwijder(const Verzoek& v) {
  auto cat = pad_param(v, "categorie");
  if (!is_norm_categorie(cat))
    return ongeldig({{"categorie", "invalid", "categorie is een productcategorie of *"}});
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_norm(*cat, versie, ctx);
  });
}

}  // namespace jr::server
