#include "server/api_wachttijden.h"

#include <algorithm>
#include <cmath>
#include <set>

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
  Date van, tot;
  std::optional<std::string> periode;
  if (const auto* p = v.param("periode")) {
    if (periode_grenzen(*p, van, tot))
      periode = *p;
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
      periode = std::to_string(s.year()) + (h1 ? "H1" : "H2");
      periode_grenzen(*periode, van, tot);
    }
    // Waits of the starts in the periode; per aanbieder, product and gemeente.
    struct Reeks {
      std::vector<int> totaal, norm, tot_toewijzing, tot_start;
    };
    Reeks alles;
    std::map<std::string, Reeks> per_aanbieder, per_product, per_gemeente;
    int64_t wachtend = 0, nooit = 0, wachtend_boven = 0;
    std::map<std::string, std::pair<int64_t, int64_t>> wachtend_per_aanbieder;  // n, boven
    auto voeg = [](Reeks& r, int t, int n, int a, int s) {
      r.totaal.push_back(t);
      r.norm.push_back(n);
      r.tot_toewijzing.push_back(a);
      r.tot_start.push_back(s);
    };
    for (const auto& g : *gevallen) {
      if (gemeente && g.gemeente != *gemeente) continue;
      if (aanbieder && g.aanbieder != *aanbieder) continue;
      const int norm = contracts::norm_dagen(*normen, g.categorie);
      const auto fase = contracts::fase(g, *stand);
      if (fase == contracts::Fase::kWachtend) {
        ++wachtend;
        const bool boven = days_between(g.aanmelding, *stand) > norm;
        wachtend_boven += boven;
        auto& w = wachtend_per_aanbieder[g.aanbieder];
        ++w.first;
        w.second += boven;
      }
      if (fase == contracts::Fase::kNooitGestart && tot >= g.toewijzing && g.einddatum &&
          *g.einddatum >= van)
        ++nooit;
      if (!g.start || *g.start < van || tot < *g.start || *stand < *g.start) continue;
      const int t = std::max(0, days_between(g.aanmelding, *g.start));
      const int a = std::max(0, days_between(g.aanmelding, g.toewijzing));
      const int s = std::max(0, days_between(g.toewijzing, *g.start));
      voeg(alles, t, norm, a, s);
      voeg(per_aanbieder[g.aanbieder], t, norm, a, s);
      voeg(per_product[g.categorie + " " + g.productcode], t, norm, a, s);
      voeg(per_gemeente[g.gemeente], t, norm, a, s);
    }
    auto deel = [&](const Reeks& r) {
      json j = spreiding_json(contracts::spreiding(r.totaal, r.norm));
      auto a = contracts::spreiding(r.tot_toewijzing, r.tot_toewijzing);
      auto s = contracts::spreiding(r.tot_start, r.tot_start);
      j["mediaanTotToewijzingDagen"] = a.mediaan ? json(*a.mediaan) : json(nullptr);
      j["mediaanToewijzingTotStartDagen"] = s.mediaan ? json(*s.mediaan) : json(nullptr);
      return j;
    };
    auto lijst = [&](const std::map<std::string, Reeks>& m, const char* soort) {
      json arr = json::array();
      for (const auto& [k, r] : m) {
        json j = deel(r);
        j["sleutel"] = k;
        if (std::string(soort) == "aanbieder") {
          j["naam"] = namen.aanbieder_naam(k);
          auto w = wachtend_per_aanbieder.find(k);
          j["wachtend"] = w == wachtend_per_aanbieder.end() ? 0 : w->second.first;
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
    return json{{"periode", *periode},
                {"peildatum", stand->iso()},
                {"gemeente", opt(gemeente)},
                {"aanbieder", opt(aanbieder)},
                {"normen", normen_json},
                {"klassen", klassen},
                {"totaal", deel(alles)},
                {"wachtlijst", {{"aantal", wachtend}, {"bovenNorm", wachtend_boven}}},
                {"nooitGestart", nooit},
                {"perAanbieder", lijst(per_aanbieder, "aanbieder")},
                {"perProduct", lijst(per_product, "product")},
                {"perGemeente", lijst(per_gemeente, "gemeente")}};
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
