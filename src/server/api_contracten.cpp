// The API of contract management: registers (aanbieders, producten, contracten,
// budgetplafonds, wachttijdnormen), spend against plafonds, the plafond check of a new
// toewijzing, waiting times and the wachtlijst, and zorg in natura / PGB / algemene
// voorzieningen. Money is in euros (numbers with two decimals) on the wire.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "contracts/budget.h"
#include "server/api.h"
#include "server/invoer.h"
#include "server/autorisatie.h"
#include "store/sqlite_store.h"

namespace jr::server {

using contracts::Budgetplafond;
using nlohmann::json;

namespace {

constexpr auto kBeleid = Rol::kBeleidsmedewerker;
constexpr auto kContract = Rol::kContractmanager;
constexpr auto kBeheer = Rol::kFunctioneelBeheerder;
constexpr auto kConsulent = Rol::kJeugdconsulent;
constexpr auto kRegie = Rol::kRegisseur;

bool cijfers(const std::string& s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Antwoord fout(const Status& s) { return probleem_antwoord(van_status(s)); }
Antwoord ongeldig(std::vector<OngeldigeParameter> f) {
  return probleem_antwoord(ongeldige_parameters(std::move(f)));
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

std::optional<std::string> pad_param(const Verzoek& v, const char* naam) {
  auto it = v.pad_params.find(naam);
  if (it == v.pad_params.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> pad_id(const Verzoek& v) {
  auto s = pad_param(v, "id");
  return s ? canoniek_id(*s) : std::nullopt;
}

Antwoord geen_id() { return ongeldig({{"id", "invalid", "id is een positief geheel getal"}}); }

// A JSON body as an object; nullopt (with the problem in `a`) otherwise.
std::optional<json> lees_body(const Verzoek& v, Antwoord& a) {
  Probleem p;
  auto b = lees_json_object(v, p);
  if (!b) a = probleem_antwoord(p);
  return b;
}

// The answer of a stored record: its JSON, its version as ETag.
Antwoord met_etag(const json& j, int64_t versie, int status = 200) {
  Antwoord a = json_antwoord(j.dump(-1, ' ', false, kVervang), status);
  a.headers.emplace_back("ETag", etag(versie));
  return a;
}

// Creating or changing (`nieuw` false: the {id} in the path, guarded by If-Match) a contract
// or budgetplafond: `van_body` checks the body, `bewaar(registers, value, id, versie,
// context)` writes it, `naar_json` answers with what was stored (201 with Location under
// `pad` when created), with its ETag.
template <class VanBody, class Bewaar, class NaarJson>
Antwoord bewaar_resource(Databron& bron, const Verzoek& v, bool nieuw, const std::string& pad,
                         VanBody van_body, Bewaar bewaar, NaarJson naar_json) {
  std::optional<int64_t> id;
  if (!nieuw && !(id = pad_id(v))) return geen_id();
  Versie versie;
  if (!nieuw) {
    auto w = lees_voorwaarde(v);
    if (auto* p = std::get_if<Probleem>(&w)) return probleem_antwoord(*p);
    versie = std::get<Versie>(w);
  }
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  auto waarde = van_body(*b, f);
  if (!waarde) return ongeldig(std::move(f));
  auto r = bron.met_contracten(
      [&](auto& c) { return bewaar(c, *waarde, id, versie, context(v, "contractbeheer")); });
  if (!r.ok()) return fout(r.status());
  if (!nieuw) return met_etag(naar_json(*r), r->versie);
  a = met_etag(naar_json(*r), r->versie, 201);
  a.headers.emplace_back("Location", pad + "/" + std::to_string(r->id));
  return a;
}

// 204 after `verwijder(registers, versie, context)` succeeded; the version from If-Match.
template <class Verwijder>
Antwoord verwijder_resource(Databron& bron, const Verzoek& v, Verwijder verwijder) {
  auto w = lees_voorwaarde(v);
  if (auto* p = std::get_if<Probleem>(&w)) return probleem_antwoord(*p);
  auto s = bron.met_contracten(
      [&](auto& c) { return verwijder(c, std::get<Versie>(w), context(v, "contractbeheer")); });
  if (!s.ok()) return fout(s);
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  return a;
}

const char* const kAgb = "een AGB-code van 8 cijfers";
const char* const kCbs = "een CBS-code van 4 cijfers";
const char* const kCategorie = "een productcategorie van 2 cijfers";
constexpr int64_t kMaxBedragCent = 100'000'000'000'000;  // a thousand billion euro

// A value from a fixed set; adds an invalid param otherwise.
std::optional<std::string> een_van(Velden& vl, const char* k, bool verplicht,
                                   std::initializer_list<const char*> waarden, const char* uitleg) {
  auto s = vl.tekst(k, {.verplicht = verplicht});
  if (s && std::none_of(waarden.begin(), waarden.end(), [&](const char* w) { return *s == w; })) {
    vl.fout(k, "invalid", vl.naam(k) + " is " + uitleg);
    return std::nullopt;
  }
  return s;
}

std::optional<int> lees_jaar(const Verzoek& v, std::vector<OngeldigeParameter>& f) {
  const auto* j = v.param("jaar");
  if (!j) return std::nullopt;
  if (!cijfers(*j, 4) || std::stoi(*j) < 2015 || std::stoi(*j) > 2100) {
    f.push_back({"jaar", "invalid", "jaar is een jaartal (2024)"});
    return std::nullopt;
  }
  return std::stoi(*j);
}

std::optional<std::string> lees_code(const Verzoek& v, const char* k, size_t n, const char* wat,
                                     std::vector<OngeldigeParameter>& f) {
  const auto* s = v.param(k);
  if (!s) return std::nullopt;
  if (!cijfers(*s, n)) {
    f.push_back({k, "invalid", std::string(k) + " is " + wat});
    return std::nullopt;
  }
  return *s;
}

// The names of the aanbieders in the register, read once per request (outside the lock
// that met_contracten holds).
class Namen {
 public:
  explicit Namen(Databron& bron) {
    auto a = bron.met_contracten([](auto& c) { return c.aanbieders(); });
    if (a.ok())
      for (const auto& x : *a) namen_[x.agb] = x.naam;
  }
  std::string aanbieder_naam(const std::string& agb) const {
    auto it = namen_.find(agb);
    return it == namen_.end() ? agb : it->second;
  }

 private:
  std::map<std::string, std::string> namen_;
};

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
  auto jaar = v.geheel("jaar", true, 2015, 2100);
  p.gemeente = v.cijfercode("gemeente", 4, false, true, kCbs);
  p.categorie = v.cijfercode("productcategorie", 2, false, true, kCategorie);
  auto bedrag = v.bedrag_cent("bedrag", true, kMaxBedragCent);
  auto bij = een_van(v, "bijOverschrijding", false, {"waarschuwen", "weigeren"},
                     "waarschuwen of weigeren");
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
  auto soort = een_van(v, "soort", true, {"inspanning", "output", "taakgericht"},
                       "inspanning, output of taakgericht");
  auto van = v.datum("ingangsdatum", true, false);
  auto tot = v.datum("einddatum", false, true);
  if (van && tot && *tot < *van)
    v.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (const json* g = v.lijst("gemeenten", true)) {
    for (const auto& x : *g) {
      if (!x.is_string() || !cijfers(x.get<std::string>(), 4)) {
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

// The year of a periode "2024" or "2024H1": its first and last day.
bool periode_grenzen(const std::string& p, Date& van, Date& tot) {
  if (p.size() != 4 && p.size() != 6) return false;
  if (!cijfers(p.substr(0, 4), 4)) return false;
  const int j = std::stoi(p.substr(0, 4));
  if (j < 2015 || j > 2100) return false;
  if (p.size() == 4) {
    van = Date(j, 1, 1);
    tot = Date(j, 12, 31);
    return true;
  }
  if (p[4] != 'H' || (p[5] != '1' && p[5] != '2')) return false;
  van = p[5] == '1' ? Date(j, 1, 1) : Date(j, 7, 1);
  tot = p[5] == '1' ? Date(j, 6, 30) : Date(j, 12, 31);
  return true;
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

// What the waiting-time routes read: the cases, the norms and the peildatum.
struct Wachtdata {
  std::vector<contracts::Wachtgeval> gevallen;
  contracts::Normen normen;
  Date peildatum;
};
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

}  // namespace

std::vector<Route> Api::contract_routes() {
  auto h = [this](Antwoord (Api::*m)(const Verzoek&)) {
    return [this, m](const Verzoek& v) { return (this->*m)(v); };
  };
  std::vector<Route> r = {
      {"GET",
       "/api/v1/aanbieders",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       h(&Api::aanbieders_lijst)},
      {"GET",
       "/api/v1/aanbieders/{agb}",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       h(&Api::aanbieder_lees)},
      {"PUT", "/api/v1/aanbieders/{agb}", {}, {kContract}, Scope::kGeen, h(&Api::aanbieder_wijzig)},
      {"GET",
       "/api/v1/producten",
       {},
       {kContract, kBeleid, kConsulent},
       Scope::kGeen,
       h(&Api::producten_lijst)},
      {"POST", "/api/v1/producten", {}, {kContract}, Scope::kGeen, h(&Api::product_bewaar)},
      {"GET",
       "/api/v1/contracten",
       {"aanbieder"},
       {kContract, kBeleid},
       Scope::kRegio,
       h(&Api::contracten_lijst)},
      {"POST", "/api/v1/contracten", {}, {kContract}, Scope::kRegio, h(&Api::contract_maak)},
      {"GET",
       "/api/v1/contracten/{id}",
       {},
       {kContract, kBeleid},
       Scope::kRegio,
       h(&Api::contract_lees)},
      {"PUT", "/api/v1/contracten/{id}", {}, {kContract}, Scope::kRegio, h(&Api::contract_wijzig)},
      {"DELETE",
       "/api/v1/contracten/{id}",
       {},
       {kContract},
       Scope::kRegio,
       h(&Api::contract_verwijder)},
      {"GET",
       "/api/v1/budgetplafonds",
       {"jaar", "gemeente"},
       {kContract, kBeleid},
       Scope::kGemeente,
       h(&Api::plafonds_lijst)},
      {"POST", "/api/v1/budgetplafonds", {}, {kContract}, Scope::kRegio, h(&Api::plafond_maak)},
      {"GET",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract, kBeleid},
       Scope::kRegio,
       h(&Api::plafond_lees)},
      {"PUT",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract},
       Scope::kRegio,
       h(&Api::plafond_wijzig)},
      {"DELETE",
       "/api/v1/budgetplafonds/{id}",
       {},
       {kContract},
       Scope::kRegio,
       h(&Api::plafond_verwijder)},
      {"GET",
       "/api/v1/uitgaven",
       {"jaar", "groepering", "gemeente", "aanbieder"},
       {kContract, kBeleid},
       Scope::kGemeente,
       h(&Api::uitgaven)},
      {"POST",
       "/api/v1/plafondtoetsen",
       {},
       {kConsulent, kContract},
       Scope::kGemeente,
       h(&Api::plafondtoets)},
      {"POST",
       "/api/v1/verzoeken/{id}/toewijzing",
       {},
       {kConsulent},
       Scope::kGemeente,
       h(&Api::toewijzing_maak)},
      {"GET",
       "/api/v1/wachttijden",
       {"periode", "gemeente", "aanbieder"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::wachttijden)},
      {"GET",
       "/api/v1/wachtlijst",
       {"gemeente", "aanbieder"},
       {kContract, kConsulent, kRegie},
       Scope::kGemeente,
       h(&Api::wachtlijst)},
      {"GET",
       "/api/v1/wachttijdnormen",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       h(&Api::normen_lijst)},
      {"GET",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       h(&Api::norm_lees)},
      {"PUT",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kContract, kBeheer},
       Scope::kGeen,
       h(&Api::norm_zet)},
      {"DELETE",
       "/api/v1/wachttijdnormen/{categorie}",
       {},
       {kContract, kBeheer},
       Scope::kGeen,
       h(&Api::norm_verwijder)},
      {"GET",
       "/api/v1/voorzieningen",
       {"jaar", "gemeente"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::voorzieningen)},
  };
  // The reads are computed from the registers and declarations per request and are the same
  // for every caller allowed to ask: kept per data version. Not the wachtlijst, which names
  // toewijzingen.
  for (auto& route : r)
    if (route.methode == "GET" && route.pad != "/api/v1/wachtlijst") route.bewaren = true;
  return r;
}

// ---- aanbieders en producten ----

namespace {
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
  if (!agb || !cijfers(*agb, 8)) return std::nullopt;
  return agb;
}
}  // namespace

Antwoord Api::aanbieders_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.aanbieders(); });
  if (!r.ok()) return fout(r.status());
  json arr = json::array();
  for (const auto& a : *r) arr.push_back(aanbieder_json(a));
  return json_antwoord(json{{"aanbieders", arr}}.dump(-1, ' ', false, kVervang));
}

Antwoord Api::aanbieder_lees(const Verzoek& v) {
  auto agb = lees_agb(v);
  if (!agb) return ongeldig({{"agb", "invalid", "agb is een AGB-code van 8 cijfers"}});
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_aanbieder(*agb); });
  if (!r.ok()) return fout(r.status());
  return met_etag(aanbieder_json(*r), r->versie);
}

Antwoord Api::aanbieder_wijzig(const Verzoek& v) {
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
      een_van(vl, "soort", true, {"aanbieder", "gi", "wijkteam"}, "aanbieder, gi of wijkteam");
  r.landelijk = vl.waarheid("landelijk", false).value_or(false);
  if (!f.empty()) return ongeldig(std::move(f));
  r.naam = *naam;
  r.soort = *soort;
  auto gewijzigd = bron_.met_contracten([&](auto& c) {
    return c.wijzig_aanbieder(r, std::get<Versie>(w), context(v, "contractbeheer"));
  });
  if (!gewijzigd.ok()) return fout(gewijzigd.status());
  return met_etag(aanbieder_json(*gewijzigd), gewijzigd->versie);
}

namespace {
json product_json(const contracts::ProductRegel& p) {
  return {{"productcategorie", p.categorie}, {"productcode", p.code},
          {"omschrijving", p.omschrijving},  {"eenheid", p.eenheid},
          {"tarief", euro(p.tarief_cent)},   {"hulpvorm", opt(p.hulpvorm)},
          {"geldigVan", p.geldig_van.iso()}, {"geldigTot", opt(p.geldig_tot)}};
}
}  // namespace

Antwoord Api::producten_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.producten(); });
  if (!r.ok()) return fout(r.status());
  json arr = json::array();
  for (const auto& p : *r) arr.push_back(product_json(p));
  return json_antwoord(json{{"producten", arr}}.dump(-1, ' ', false, kVervang));
}

Antwoord Api::product_bewaar(const Verzoek& v) {
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
  if (!r.ok()) return fout(r.status());
  return json_antwoord(product_json(*r).dump(-1, ' ', false, kVervang), 201);
}

// ---- contracten ----

Antwoord Api::contracten_lijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto a = lees_code(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) { return c.contracten(a); });
  if (!r.ok()) return fout(r.status());
  json arr = json::array();
  for (const auto& c : *r) arr.push_back(contract_json(c, namen));
  return json_antwoord(json{{"contracten", arr}}.dump(-1, ' ', false, kVervang));
}

Antwoord Api::contract_lees(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return geen_id();
  const Namen namen(bron_);
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_contract(*id); });
  if (!r.ok()) return fout(r.status());
  return met_etag(contract_json(*r, namen), r->versie);
}

Antwoord Api::contract_maak(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, true, "/api/v1/contracten", contract_van_body,
      [](auto& c, const auto& w, auto, auto, const auto& ctx) { return c.maak_contract(w, ctx); },
      [&](const auto& r) { return contract_json(r, namen); });
}

Antwoord Api::contract_wijzig(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, false, "/api/v1/contracten", contract_van_body,
      [](auto& c, const auto& w, auto id, auto versie, const auto& ctx) {
        return c.wijzig_contract(*id, w, versie, ctx);
      },
      [&](const auto& r) { return contract_json(r, namen); });
}

Antwoord Api::contract_verwijder(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return geen_id();
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_contract(*id, versie, ctx);
  });
}

// ---- budgetplafonds ----

Antwoord Api::plafonds_lijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  auto gemeente = lees_code(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  // The years with plafonds; the default is the latest year with plafonds up to this one.
  auto alle = bron_.met_contracten([](auto& c) { return c.plafonds(std::nullopt); });
  if (!alle.ok()) return fout(alle.status());
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
    if (!standen.ok()) return fout(standen.status());
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
  return json_antwoord(uit.dump(-1, ' ', false, kVervang));
}

Antwoord Api::plafond_lees(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return geen_id();
  const Namen namen(bron_);
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_plafond(*id); });
  if (!r.ok()) return fout(r.status());
  return met_etag(plafond_json(*r, namen), r->versie);
}

Antwoord Api::plafond_maak(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, true, "/api/v1/budgetplafonds", plafond_van_body,
      [](auto& c, const auto& w, auto, auto, const auto& ctx) { return c.maak_plafond(w, ctx); },
      [&](const auto& r) { return plafond_json(r, namen); });
}

Antwoord Api::plafond_wijzig(const Verzoek& v) {
  const Namen namen(bron_);
  return bewaar_resource(
      bron_, v, false, "/api/v1/budgetplafonds", plafond_van_body,
      [](auto& c, const auto& w, auto id, auto versie, const auto& ctx) {
        return c.wijzig_plafond(*id, w, versie, ctx);
      },
      [&](const auto& r) { return plafond_json(r, namen); });
}

Antwoord Api::plafond_verwijder(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return geen_id();
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_plafond(*id, versie, ctx);
  });
}

Antwoord Api::uitgaven(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  if (!jaar && !v.param("jaar")) f.push_back({"jaar", "required", "jaar is verplicht (2024)"});
  auto gemeente = lees_code(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_code(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
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
  if (!r.ok()) return fout(r.status());
  return json_antwoord(r->dump(-1, ' ', false, kVervang));
}

Antwoord Api::plafondtoets(const Verzoek& v) {
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
  auto freq =
      een_van(vl, "frequentie", true, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
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
  if (!r.ok()) return fout(r.status());
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

Antwoord Api::toewijzing_maak(const Verzoek& v) {
  const Namen namen(bron_);
  auto id = pad_id(v);
  if (!id) return geen_id();
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
  auto verzoek_gemeente = bron_.met_store([&](store::Store& st) -> std::optional<std::string> {
    auto& q = static_cast<store::SqliteStore&>(st).db().prepare(
        "SELECT gemeente FROM verzoek WHERE id = ?");
    q.bind(1, *id);
    std::optional<std::string> g;
    if (q.step()) g = q.text(0);
    q.reset();
    return g;
  });
  if (verzoek_gemeente)
    if (auto w = buiten_gemeente(v, *verzoek_gemeente)) return probleem_antwoord(*w);
  n.ingangsdatum = vl.datum("ingangsdatum", false, false);
  n.einddatum = vl.datum("einddatum", false, false);
  n.volume = vl.geheel("volume", false, 1, 99999999);
  n.frequentie =
      een_van(vl, "frequentie", false, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
  if (n.ingangsdatum && n.einddatum && *n.einddatum < *n.ingangsdatum)
    vl.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten(
      [&](auto& c) { return c.maak_toewijzing(n, context(v, "toewijzing jeugdhulp")); });
  if (!r.ok()) {
    const std::string& m = r.status().message();
    if (r.status().code() == StatusCode::kFailedPrecondition &&
        m.find("budgetplafond") != std::string::npos)
      return probleem_antwoord(
          {409, "budgetplafond-overschreden", "Budgetplafond overschreden.", m, {}});
    return fout(r.status());
  }
  const auto& t = r->toewijzing;
  json meldingen = json::array();
  for (const auto& m : r->meldingen) meldingen.push_back(melding_json(m, namen));
  json uit = {{"toewijzing",
               {{"id", t.id},
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
                {"frequentie", opt(t.frequentie)}}},
              {"meldingen", meldingen}};
  return json_antwoord(uit.dump(-1, ' ', false, kVervang), 201);
}

// ---- wachttijden ----

Antwoord Api::wachttijden(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto gemeente = lees_code(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_code(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
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
  if (!antwoord.ok()) return fout(antwoord.status());
  return json_antwoord(antwoord->dump(-1, ' ', false, kVervang));
}

Antwoord Api::wachtlijst(const Verzoek& v) {
  const Namen namen(bron_);
  std::vector<OngeldigeParameter> f;
  auto gemeente = lees_code(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  auto aanbieder = lees_code(v, "aanbieder", 8, "een AGB-code van 8 cijfers", f);
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
  if (!r.ok()) return fout(r.status());
  return json_antwoord(r->dump(-1, ' ', false, kVervang));
}

namespace {
json norm_json(const contracts::NormRegel& n) {
  return {{"productcategorie", n.categorie}, {"weken", n.weken}, {"versie", n.versie}};
}
bool is_norm_categorie(const std::optional<std::string>& c) {
  return c && (*c == "*" || cijfers(*c, 2));
}
}  // namespace

Antwoord Api::normen_lijst(const Verzoek&) {
  auto r = bron_.met_contracten([](auto& c) { return c.norm_regels(); });
  if (!r.ok()) return fout(r.status());
  json arr = json::array();
  for (const auto& n : *r) arr.push_back(norm_json(n));
  return json_antwoord(json{{"normen", arr}}.dump(-1, ' ', false, kVervang));
}

Antwoord Api::norm_lees(const Verzoek& v) {
  auto cat = pad_param(v, "categorie");
  if (!is_norm_categorie(cat))
    return ongeldig({{"categorie", "invalid", "categorie is een productcategorie of *"}});
  auto r = bron_.met_contracten([&](auto& c) { return c.lees_norm(*cat); });
  if (!r.ok()) return fout(r.status());
  return met_etag(norm_json(*r), r->versie);
}

Antwoord Api::norm_zet(const Verzoek& v) {
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
  if (!r.ok()) return fout(r.status());
  return met_etag(norm_json(*r), r->versie);
}

Antwoord Api::norm_verwijder(const Verzoek& v) {
  auto cat = pad_param(v, "categorie");
  if (!is_norm_categorie(cat))
    return ongeldig({{"categorie", "invalid", "categorie is een productcategorie of *"}});
  return verwijder_resource(bron_, v, [&](auto& c, auto versie, const auto& ctx) {
    return c.verwijder_norm(*cat, versie, ctx);
  });
}

Antwoord Api::voorzieningen(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto jaar = lees_jaar(v, f);
  if (!jaar && !v.param("jaar")) f.push_back({"jaar", "required", "jaar is verplicht (2024)"});
  auto gemeente = lees_code(v, "gemeente", 4, "een CBS-code van vier cijfers", f);
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = bron_.met_contracten([&](auto& c) { return c.voorzieningen(*jaar); });
  if (!r.ok()) return fout(r.status());
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
  return json_antwoord(
      json{{"jaar", *jaar}, {"gemeenten", arr}, {"totaal", totaal}}.dump(-1, ' ', false, kVervang));
}

}  // namespace jr::server
