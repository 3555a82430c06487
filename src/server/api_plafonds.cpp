#include "server/api_plafonds.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "contracts/budget.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/contracten_json.h"
#include "server/invoer.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> PlafondsApi::routes() {
  return {
      {"GET",
       "/api/v1/budgetplafonds",
       {"jaar", "gemeente"},
       {kContract, kBeleid},
       Scope::kGemeente,
       afhandelaar(this, &PlafondsApi::plafonds_lijst),
       false,
       true},
      {"GET",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract, kBeleid},
       Scope::kRegio,
       afhandelaar(this, &PlafondsApi::plafond_lees),
       false,
       true},
      {"POST",
       "/api/v1/budgetplafonds",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &PlafondsApi::plafond_maak)},
      {"PUT",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &PlafondsApi::plafond_wijzig)},
      {"DELETE",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &PlafondsApi::plafond_verwijder)},
      {"GET",
       "/api/v1/uitgaven",
       {"jaar", "groepering", "gemeente", "aanbieder"},
       {kContract, kBeleid},
       Scope::kGemeente,
       afhandelaar(this, &PlafondsApi::uitgaven),
       false,
       true},
      {"POST",
       "/api/v1/plafondtoetsen",
       {},
       {kConsulent, kContract},
       Scope::kGemeente,
       afhandelaar(this, &PlafondsApi::plafondtoets)},
      {"POST",
       "/api/v1/verzoeken/{id}/toewijzing",
       {},
       {kConsulent},
       Scope::kGemeente,
       afhandelaar(this, &PlafondsApi::toewijzing_maak)},
      {"GET",
       "/api/v1/voorzieningen",
       {"jaar", "gemeente"},
       {kBeleid, kContract},
       Scope::kGemeente,
       afhandelaar(this, &PlafondsApi::voorzieningen),
       false,
       true},
  };
}

Antwoord PlafondsApi::plafonds_lijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  auto gemeente = lees_cijfercode(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  // The years with plafonds; the default is the latest year with plafonds up to this one.
  auto alle = bron_.met_contracten([](auto& c) { return c.plafonds(std::nullopt); });
  if (!alle.ok()) return uit_status(alle.status());
  std::set<int> jaren;
  for (const auto& p : *alle) jaren.insert(p.jaar);
  if (!jaar && !jaren.empty()) jaar = *jaren.rbegin();
  json uit;
  uit["jaren"] = json(std::vector<int>(jaren.begin(), jaren.end()));
  uit["jaar"] = jaar ? json(*jaar) : json(nullptr);
  uit["gemeente"] = opt(gemeente);
  json arr = json::array();
  std::string tot;
  if (jaar) {
    auto standen = bron_.met_contracten([&](auto& c) { return c.plafondstanden(*jaar); });
    if (!standen.ok()) return uit_status(standen.status());
    for (const auto& ps : *standen) {
      // A gemeente sees the plafonds that cover it: its own and those for all gemeenten.
      if (gemeente && ps.plafond.gemeente && *ps.plafond.gemeente != *gemeente) continue;
      json j = plafond_json(ps.plafond, namen);
      j["stand"] = stand_json(ps.stand);
      tot = ps.stand.gedeclareerd_tot.iso();
      arr.push_back(std::move(j));
    }
  }
  uit["gedeclareerdTot"] = tot.empty() ? json(nullptr) : json(tot);
  uit["signaalgrenzen"] = {80, 90, 100};
  uit["budgetplafonds"] = arr;
  return json_antwoord(uit);
}

Antwoord PlafondsApi::plafond_lees(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  const Namen namen(bron_);
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_plafond(*id); });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(plafond_json(*r, namen), r->versie);
}

Antwoord PlafondsApi::plafond_maak(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, true, "/api/v1/budgetplafonds", plafond_van_body,
      [](auto& c, const auto& w, auto, auto, const auto& ctx) { return c.maak_plafond(w, ctx); },
      [&](const auto& r) { return plafond_json(r, namen); });
}

Antwoord PlafondsApi::plafond_wijzig(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, false, "/api/v1/budgetplafonds", plafond_van_body,
      [](auto& c, const auto& w, auto id, auto versie, const auto& ctx) {
        return c.wijzig_plafond(*id, w, versie, ctx);
      },
      [&](const auto& r) { return plafond_json(r, namen); });
}

Antwoord PlafondsApi::plafond_verwijder(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_plafond(*id, versie, ctx);
  });
}

Antwoord PlafondsApi::uitgaven(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  if (!jaar && !v.param("jaar")) f.push_back({"jaar", "required", "jaar is verplicht (2024)"});
  auto gemeente = lees_cijfercode(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_cijfercode(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
  std::string groepering = "aanbieder";
  if (const auto* g = v.param("groepering")) {
    if (*g != "aanbieder" && *g != "gemeente" && *g != "product" && *g != "maand")
      f.push_back({"groepering", "invalid", "groepering is aanbieder, gemeente, product of maand"});
    groepering = *g;
  }
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) -> Result<json> {
    auto boek = c.tarieven();
    if (!boek.ok()) return boek.status();
    auto real = c.realisatie(*jaar);
    if (!real.ok()) return real.status();
    auto tot = c.gedeclareerd_tot(*jaar);
    if (!tot.ok()) return tot.status();
    auto lopend = c.verplichtingen(tot->add_days(1), Date(*jaar, 12, 31));
    if (!lopend.ok()) return lopend.status();
    auto regels = contracts::groepeer_uitgaven(*jaar, *tot, groepering, gemeente, aanbieder, *real,
                                               *lopend, *boek);
    json arr = json::array();
    for (const auto& g : regels) {
      json j = {{"sleutel", g.sleutel},
                {"gerealiseerd", euro(g.gerealiseerd)},
                {"verplicht", euro(g.verplicht)},
                {"prognose", euro(g.gerealiseerd + g.verplicht)}};
      if (groepering == "aanbieder") j["naam"] = namen.aanbieder_naam(g.sleutel);
      arr.push_back(std::move(j));
    }
    return json{{"jaar", *jaar},
                {"groepering", groepering},
                {"gemeente", opt(gemeente)},
                {"aanbieder", opt(aanbieder)},
                {"gedeclareerdTot", tot->iso()},
                {"uitgaven", arr}};
  });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(r->dump(-1, ' ', false, kVervang));
}

Antwoord PlafondsApi::plafondtoets(const Verzoek& v) {
  const Namen namen(bron_);
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  contracts::Verplichting n;
  auto aanb = vl.cijfercode("aanbieder", 8, true, false, kAgb);
  auto gem = vl.cijfercode("gemeente", 4, true, false, kCbs);
  auto cat = vl.cijfercode("productcategorie", 2, true, false, kCategorie);
  auto code = vl.tekst("productcode", {.verplicht = true, .max = 5, .leeg = false});
  auto van = vl.datum("ingangsdatum", true, false);
  n.einddatum = vl.datum("einddatum", false, true);
  auto volume = vl.geheel("volume", true, 1, 99999999);
  auto eenheid = vl.cijfercode("eenheid", 2, true, false, "een WJ756-code van 2 cijfers");
  auto freq = vl.keuze("frequentie", true, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
  if (van && n.einddatum && *n.einddatum < *van)
    vl.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  // Scope first: a caller of one gemeente learns nothing about another's (or the regio's).
  if (auto w = buiten_gemeente(v, gem)) return probleem_antwoord(*w);
  if (!f.empty()) return ongeldig(std::move(f));
  n.aanbieder = *aanb;
  n.gemeente = *gem;
  n.categorie = *cat;
  n.productcode = *code;
  n.ingangsdatum = *van;
  n.volume = *volume;
  n.eenheid = *eenheid;
  n.frequentie = *freq;
  auto r = bron_.met_contracten([&](auto& c) { return c.toets(n); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  bool toegestaan = true, overschreden = false;
  for (const auto& m : *r) {
    arr.push_back(melding_json(m, namen));
    toegestaan = toegestaan && !m.weigeren;
    overschreden = overschreden || m.toets.overschreden;
  }
  return json_antwoord(
      json{{"toegestaan", toegestaan}, {"overschreden", overschreden}, {"meldingen", arr}}.dump(
          -1, ' ', false, kVervang));
}

Antwoord PlafondsApi::toewijzing_maak(const Verzoek& v) {
  const Namen namen(bron_);
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  json leeg = json::object();
  Antwoord a;
  std::optional<json> b = leeg;
  if (!v.body.empty()) b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  contracts::NieuweToewijzing n;
  n.verzoek_id = *id;
  // The verzoek's gemeente must be the caller's (an unknown verzoek is the handler's 404).
  auto verzoek = bron_.met_store([&](store::Store& st) { return st.lees_verzoek(*id); });
  if (verzoek.ok())
    if (auto w = buiten_gemeente(v, verzoek->gemeente)) return probleem_antwoord(*w);
  n.ingangsdatum = vl.datum("ingangsdatum", false, false);
  n.einddatum = vl.datum("einddatum", false, false);
  n.volume = vl.geheel("volume", false, 1, 99999999);
  n.frequentie =
      vl.keuze("frequentie", false, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
  if (n.ingangsdatum && n.einddatum && *n.einddatum < *n.ingangsdatum)
    vl.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten(
      [&](auto& c) { return c.maak_toewijzing(n, context(v, "toewijzing jeugdhulp")); });
  if (!r.ok()) return uit_status(r.status());
  if (r->geweigerd) {
    std::string melding;
    for (const auto& m : r->meldingen)
      if (m.weigeren) melding = m.melding;
    return probleem_antwoord(
        {409, "budgetplafond-overschreden", "Budgetplafond overschreden.", melding, {}});
  }
  const auto& t = r->toewijzing;
  json meldingen = json::array();
  for (const auto& m : r->meldingen) meldingen.push_back(melding_json(m, namen));
  json uit = {{"toewijzing", toewijzing_json(t)}, {"meldingen", meldingen}};
  return json_antwoord(uit, 201);
}

Antwoord PlafondsApi::voorzieningen(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  if (!jaar && !v.param("jaar")) f.push_back({"jaar", "required", "jaar is verplicht (2024)"});
  auto gemeente = lees_cijfercode(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) { return c.voorzieningen(*jaar); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  int64_t natura = 0, pgb = 0, algemeen = 0;
  bool pgb_bekend = false, algemeen_bekend = false;
  auto deel = [](int64_t a, int64_t b) -> json {
    return b > 0 ? json(std::round(1000.0 * static_cast<double>(a) / static_cast<double>(b)) / 10.0)
                 : json(nullptr);
  };
  for (const auto& g : *r) {
    if (gemeente && g.gemeente != *gemeente) continue;
    natura += g.natura_cent;
    pgb += g.pgb_cent.value_or(0);
    algemeen += g.algemeen_cent.value_or(0);
    pgb_bekend = pgb_bekend || g.pgb_cent;
    algemeen_bekend = algemeen_bekend || g.algemeen_cent;
    const int64_t maatwerk = g.natura_cent + g.pgb_cent.value_or(0);
    arr.push_back(
        {{"gemeente", g.gemeente},
         {"naam", g.naam},
         {"natura", euro(g.natura_cent)},
         {"pgb", g.pgb_cent ? euro(*g.pgb_cent) : json(nullptr)},
         {"algemeen", g.algemeen_cent ? euro(*g.algemeen_cent) : json(nullptr)},
         {"pctNatura", g.pgb_cent ? deel(g.natura_cent, maatwerk) : json(nullptr)},
         {"pctMaatwerk",
          g.algemeen_cent ? deel(maatwerk, maatwerk + *g.algemeen_cent) : json(nullptr)},
         {"doelPctMaatwerk", g.doel_pct_maatwerk ? json(*g.doel_pct_maatwerk) : json(nullptr)},
         {"doelBron", g.doel_bron}});
  }
  const int64_t maatwerk = natura + pgb;
  json totaal = {
      {"natura", euro(natura)},
      {"pgb", pgb_bekend ? euro(pgb) : json(nullptr)},
      {"algemeen", algemeen_bekend ? euro(algemeen) : json(nullptr)},
      {"pctNatura", pgb_bekend ? deel(natura, maatwerk) : json(nullptr)},
      {"pctMaatwerk", algemeen_bekend ? deel(maatwerk, maatwerk + algemeen) : json(nullptr)}};
  return json_antwoord(json{{"jaar", *jaar}, {"gemeenten", arr}, {"totaal", totaal}});
}

}  // namespace jr::server
