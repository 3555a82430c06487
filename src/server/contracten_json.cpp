#include "server/contracten_json.h"

#include <cmath>

#include "domain/periode.h"
#include "server/invoer.h"

namespace jr::server {

using contracts::Budgetplafond;
using nlohmann::json;

Namen::Namen(Databron& bron) {
  auto a = bron.met_contracten([](auto& c) { return c.aanbieders(); });
  if (a.ok())
    for (const auto& x : *a) namen_[x.agb] = x.naam;
}

std::string Namen::aanbieder_naam(const std::string& agb) const {
  auto it = namen_.find(agb);
  return it == namen_.end() ? agb : it->second;
}

json euro(int64_t cent) { return static_cast<double>(cent) / 100.0; }

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json opt(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json pct(std::optional<double> p) { return p ? json(std::round(*p * 10.0) / 10.0) : json(nullptr); }

// The audit context of a change through the API (the actor follows from the session once
// access control is in place).
store::AuditContext context(const Verzoek& v, const char* activiteit) {
  store::AuditContext c;
  c.actor = v.aanroeper ? v.aanroeper->naam : "api";
  c.verwerkingsactiviteit = activiteit;
  c.doel = "inkoop en contractmanagement jeugdhulp";
  c.grondslag = "Jeugdwet art. 2.6";
  return c;
}

json toewijzing_json(const store::ToewijzingRecord& t) {
  return {{"id", t.id},
          {"gemeente", t.gemeente},
          {"toewijzingNummer", t.toewijzing_nummer},
          {"aanbieder", t.aanbieder},
          {"productcategorie", opt(t.categorie)},
          {"productcode", opt(t.productcode)},
          {"toewijzingsdatum", t.toewijzingsdatum.iso()},
          {"ingangsdatum", t.ingangsdatum.iso()},
          {"einddatum", opt(t.einddatum)},
          {"volume", t.volume ? json(*t.volume) : json(nullptr)},
          {"eenheid", opt(t.eenheid)},
          {"frequentie", opt(t.frequentie)}};
}

json plafond_json(const Budgetplafond& p, const Namen& bron) {
  return {{"id", p.id},
          {"aanbieder", p.aanbieder},
          {"aanbiederNaam", bron.aanbieder_naam(p.aanbieder)},
          {"jaar", p.jaar},
          {"gemeente", opt(p.gemeente)},
          {"productcategorie", opt(p.categorie)},
          {"bedrag", euro(p.bedrag_cent)},
          {"bijOverschrijding", p.bij_overschrijding},
          {"versie", p.versie}};
}

json stand_json(const contracts::Jaarstand& s) {
  json maanden = json::array();
  for (size_t m = 0; m < 12; ++m)
    maanden.push_back({{"maand", Date(s.jaar, static_cast<unsigned>(m + 1), 1).iso().substr(0, 7)},
                       {"gerealiseerd", euro(s.gerealiseerd_per_maand[m])},
                       {"verplicht", euro(s.verplicht_per_maand[m])}});
  return {{"gedeclareerdTot", s.gedeclareerd_tot.iso()},
          {"gerealiseerd", euro(s.gerealiseerd)},
          {"verplicht", euro(s.verplicht)},
          {"prognose", euro(s.prognose)},
          {"lopendeToewijzingen", s.lopende_toewijzingen},
          {"zonderTarief", s.zonder_tarief},
          {"gebruikPct", pct(s.gebruik_pct)},
          {"prognosePct", pct(s.prognose_pct)},
          {"signaal", contracts::signaal(s.gebruik_pct)},
          {"signaalPrognose", contracts::signaal(s.prognose_pct)},
          {"uitputtingsdatum", opt(s.uitputtingsdatum)},
          {"uitgeput", s.uitgeput},
          {"perMaand", maanden}};
}

std::optional<Budgetplafond> plafond_van_body(const json& b, std::vector<OngeldigeParameter>& f) {
  Velden v{b, f};
  Budgetplafond p;
  auto a = v.cijfercode("aanbieder", 8, true, false, kAgb);
  auto jaar = v.geheel("jaar", true, kEersteJaar, kLaatsteJaar);
  p.gemeente = v.cijfercode("gemeente", 4, false, true, kCbs);
  p.categorie = v.cijfercode("productcategorie", 2, false, true, kCategorie);
  auto bedrag = v.bedrag_cent("bedrag", true, kMaxBedragCent);
  auto bij =
      v.keuze("bijOverschrijding", false, {"waarschuwen", "weigeren"}, "waarschuwen of weigeren");
  if (!f.empty()) return std::nullopt;
  p.aanbieder = *a;
  p.jaar = static_cast<int>(*jaar);
  p.bedrag_cent = *bedrag;
  p.bij_overschrijding = bij.value_or("waarschuwen");
  return p;
}

std::optional<contracts::Contract> contract_van_body(const json& b,
                                                     std::vector<OngeldigeParameter>& f) {
  Velden v{b, f};
  contracts::Contract c;
  auto kenmerk = v.tekst("kenmerk", {.verplicht = true, .max = 50, .leeg = false});
  auto a = v.cijfercode("aanbieder", 8, true, false, kAgb);
  auto soort = v.keuze("soort", true, {"inspanning", "output", "taakgericht"},
                       "inspanning, output of taakgericht");
  auto van = v.datum("ingangsdatum", true, false);
  auto tot = v.datum("einddatum", false, true);
  if (van && tot && *tot < *van)
    v.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (const json* g = v.lijst("gemeenten", true)) {
    for (const auto& x : *g) {
      if (!x.is_string() || !is_cijfers(x.get<std::string>(), 4)) {
        v.fout("gemeenten", "invalid", "gemeenten is een lijst van CBS-codes");
        break;
      }
      c.gemeenten.push_back(x.get<std::string>());
    }
    if (g->empty()) v.fout("gemeenten", "required", "gemeenten is een lijst van CBS-codes");
  }
  if (!f.empty()) return std::nullopt;
  c.kenmerk = *kenmerk;
  c.aanbieder = *a;
  c.soort = *soort;
  c.ingangsdatum = *van;
  c.einddatum = tot;
  return c;
}

json contract_json(const contracts::Contract& c, const Namen& bron) {
  return {{"id", c.id},
          {"kenmerk", c.kenmerk},
          {"aanbieder", c.aanbieder},
          {"aanbiederNaam", bron.aanbieder_naam(c.aanbieder)},
          {"soort", c.soort},
          {"ingangsdatum", c.ingangsdatum.iso()},
          {"einddatum", opt(c.einddatum)},
          {"gemeenten", c.gemeenten},
          {"versie", c.versie}};
}

json melding_json(const contracts::PlafondMelding& m, const Namen& bron) {
  return {{"plafond", plafond_json(m.plafond, bron)},
          {"kosten", euro(m.toets.extra)},
          {"prognoseZonder", euro(m.prognose_zonder)},
          {"prognoseMet", euro(m.toets.nieuwe_prognose)},
          {"prognoseMetPct", pct(m.toets.nieuw_pct)},
          {"overschreden", m.toets.overschreden},
          {"geweigerd", m.weigeren},
          {"melding", m.melding}};
}

json spreiding_json(const contracts::Spreiding& s) {
  json klassen = json::array();
  for (auto n : s.klassen) klassen.push_back(n);
  auto o = [](std::optional<int> v) { return v ? json(*v) : json(nullptr); };
  return {
      {"aantal", s.aantal},
      {"gemiddeldDagen", s.gemiddeld ? json(std::round(*s.gemiddeld * 10) / 10) : json(nullptr)},
      {"mediaanDagen", o(s.mediaan)},
      {"p80Dagen", o(s.p80)},
      {"p90Dagen", o(s.p90)},
      {"maximumDagen", o(s.maximum)},
      {"bovenNorm", s.boven_norm},
      {"pctBovenNorm", pct(s.pct_boven_norm)},
      {"klassen", klassen}};
}

Result<Wachtdata> lees_wachtdata(contracts::Contractbeheer& c) {
  Wachtdata w;
  auto g = c.wachtgevallen();
  if (!g.ok()) return g.status();
  auto n = c.normen();
  if (!n.ok()) return n.status();
  auto s = c.stand_gegevens();
  if (!s.ok()) return s.status();
  w.gevallen = std::move(g).value();
  w.normen = std::move(n).value();
  w.peildatum = *s;
  return w;
}

json aanbieder_json(const contracts::AanbiederRegel& a) {
  return {{"agb", a.agb},
          {"naam", a.naam},
          {"soort", a.soort},
          {"landelijk", a.landelijk},
          {"vrijgesteld", a.vrijgesteld()},
          {"versie", a.versie}};
}

std::optional<std::string> lees_agb(const Verzoek& v) {
  auto agb = pad_param(v, "agb");
  if (!agb || !is_cijfers(*agb, 8)) return std::nullopt;
  return agb;
}

json product_json(const contracts::ProductRegel& p) {
  return {{"productcategorie", p.categorie}, {"productcode", p.code},
          {"omschrijving", p.omschrijving},  {"eenheid", p.eenheid},
          {"tarief", euro(p.tarief_cent)},   {"hulpvorm", opt(p.hulpvorm)},
          {"geldigVan", p.geldig_van.iso()}, {"geldigTot", opt(p.geldig_tot)}};
}

json norm_json(const contracts::NormRegel& n) {
  return {{"productcategorie", n.categorie}, {"weken", n.weken}, {"versie", n.versie}};
}

bool is_norm_categorie(const std::optional<std::string>& c) {
  return c && (*c == "*" || is_cijfers(*c, 2));
}

}  // namespace jr::server
