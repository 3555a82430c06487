#include "server/api_registers.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/contracten_json.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> RegistersApi::routes() {
  return {
      {"GET",
       "/api/v1/aanbieders",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       afhandelaar(this, &RegistersApi::aanbieders_lijst),
       false,
       true},
      {"GET",
       "/api/v1/aanbieders/{agb}",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       afhandelaar(this, &RegistersApi::aanbieder_lees),
       false,
       true},
      {"PUT",
       "/api/v1/aanbieders/{agb}",
       {},
       {kContract},
       Scope::kGeen,
       afhandelaar(this, &RegistersApi::aanbieder_wijzig)},
      {"GET",
       "/api/v1/producten",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       afhandelaar(this, &RegistersApi::producten_lijst),
       false,
       true},
      {"POST",
       "/api/v1/producten",
       {},
       {kContract},
       Scope::kGeen,
       afhandelaar(this, &RegistersApi::product_bewaar)},
      {"GET",
       "/api/v1/contracten",
       {"aanbieder"},
       {kContract, kBeleid},
       Scope::kRegio,
       afhandelaar(this, &RegistersApi::contracten_lijst),
       false,
       true},
      {"GET",
       "/api/v1/contracten/{id}",
       {},
       {kContract, kBeleid},
       Scope::kRegio,
       afhandelaar(this, &RegistersApi::contract_lees),
       false,
       true},
      {"POST",
       "/api/v1/contracten",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &RegistersApi::contract_maak)},
      {"PUT",
       "/api/v1/contracten/{id}",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &RegistersApi::contract_wijzig)},
      {"DELETE",
       "/api/v1/contracten/{id}",
       {},
       {kContract},
       Scope::kRegio,
       afhandelaar(this, &RegistersApi::contract_verwijder)},
  };
}

Antwoord RegistersApi::aanbieders_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.aanbieders(); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& a : *r) arr.push_back(aanbieder_json(a));
  return json_antwoord(json{{"aanbieders", arr}});
}

Antwoord RegistersApi::aanbieder_lees(const Verzoek& v) {
  auto agb = lees_agb(v);
  if (!agb) return ongeldig({{"agb", "invalid", "agb is een AGB-code van 8 cijfers"}});
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_aanbieder(*agb); });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(aanbieder_json(*r), r->versie);
}

Antwoord RegistersApi::aanbieder_wijzig(const Verzoek& v) {
  auto agb = lees_agb(v);
  if (!agb) return ongeldig({{"agb", "invalid", "agb is een AGB-code van 8 cijfers"}});
  auto w = lees_voorwaarde(v);
  if (auto* p = std::get_if<Probleem>(&w)) return probleem_antwoord(*p);
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  contracts::AanbiederRegel r;
  r.agb = *agb;
  auto naam = vl.tekst("naam", {.verplicht = true, .leeg = false});
  auto soort =
      vl.keuze("soort", true, {"aanbieder", "gi", "wijkteam"}, "aanbieder, gi of wijkteam");
  r.landelijk = vl.waarheid("landelijk", false).value_or(false);
  if (!f.empty()) return ongeldig(std::move(f));
  r.naam = *naam;
  r.soort = *soort;
  auto gewijzigd = bron_.met_contracten([&](auto& c) {
    return c.wijzig_aanbieder(r, std::get<Versie>(w), context(v, "contractbeheer"));
  });
  if (!gewijzigd.ok()) return uit_status(gewijzigd.status());
  return met_etag(aanbieder_json(*gewijzigd), gewijzigd->versie);
}

Antwoord RegistersApi::producten_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.producten(); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& p : *r) arr.push_back(product_json(p));
  return json_antwoord(json{{"producten", arr}});
}

Antwoord RegistersApi::product_bewaar(const Verzoek& v) {
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  contracts::ProductRegel p;
  auto cat = vl.cijfercode("productcategorie", 2, true, false, kCategorie);
  auto code = vl.tekst("productcode", {.verplicht = true, .max = 5, .leeg = false});
  auto oms = vl.tekst("omschrijving", {});
  auto eenheid = vl.cijfercode("eenheid", 2, true, false, "een WJ756-code van 2 cijfers");
  auto tarief = vl.bedrag_cent("tarief", true, kMaxBedragCent);
  p.hulpvorm = vl.cijfercode("hulpvorm", 2, false, true, "een CBS-hulpvorm");
  auto van = vl.datum("geldigVan", true, false);
  p.geldig_tot = vl.datum("geldigTot", false, true);
  if (van && p.geldig_tot && *p.geldig_tot < *van)
    vl.fout("geldigTot", "invalid", "geldigTot ligt voor geldigVan");
  if (!f.empty()) return ongeldig(std::move(f));
  p.categorie = *cat;
  p.code = *code;
  p.omschrijving = oms.value_or("");
  p.eenheid = *eenheid;
  p.tarief_cent = *tarief;
  p.geldig_van = *van;
  auto r = bron_.met_contracten(
      [&](auto& c) { return c.bewaar_product(p, context(v, "contractbeheer")); });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(product_json(*r), 201);
}

Antwoord RegistersApi::contracten_lijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto a = lees_cijfercode(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) { return c.contracten(a); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& c : *r) arr.push_back(contract_json(c, namen));
  return json_antwoord(json{{"contracten", arr}});
}

Antwoord RegistersApi::contract_lees(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  const Namen namen(bron_);
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_contract(*id); });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(contract_json(*r, namen), r->versie);
}

Antwoord RegistersApi::contract_maak(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, true, "/api/v1/contracten", contract_van_body,
      [](auto& c, const auto& w, auto, auto, const auto& ctx) { return c.maak_contract(w, ctx); },
      [&](const auto& r) { return contract_json(r, namen); });
}

Antwoord RegistersApi::contract_wijzig(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, false, "/api/v1/contracten", contract_van_body,
      [](auto& c, const auto& w, auto id, auto versie, const auto& ctx) {
        return c.wijzig_contract(*id, w, versie, ctx);
      },
      [&](const auto& r) { return contract_json(r, namen); });
}

Antwoord RegistersApi::contract_verwijder(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_contract(*id, versie, ctx);
  });
}

}  // namespace jr::server
