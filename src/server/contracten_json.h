// The contract-management routes' shared pieces (api_registers, api_plafonds,
// api_wachttijden): registers and figures of src/contracts as JSON (money in euros with two
// decimals on the wire), the bodies of a contract and a budgetplafond read strictly, and the
// edit flow of a register record (If-Match, audit context, 201 with Location and ETag).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "contracts/beheer.h"
#include "server/antwoord.h"
#include "server/databron.h"
#include "server/invoer.h"

namespace jr::server {

inline constexpr const char* kAgb = "een AGB-code van 8 cijfers";
inline constexpr const char* kCbs = "een CBS-code van 4 cijfers";
inline constexpr const char* kCategorie = "een productcategorie van 2 cijfers";
inline constexpr int64_t kMaxBedragCent = 100'000'000'000'000;  // a thousand billion euro

// The names of the aanbieders in the register, read once per request (outside the lock
// that met_contracten holds).
class Namen {
 public:
  explicit Namen(Databron& bron);
  // The name of aanbieder `agb`; the code itself when the register does not have it.
  std::string aanbieder_naam(const std::string& agb) const;

 private:
  std::map<std::string, std::string> namen_;
};

nlohmann::json euro(int64_t cent);
nlohmann::json opt(const std::optional<std::string>& s);
nlohmann::json opt(const std::optional<Date>& d);
// A percentage with one decimal; null when unknown.
nlohmann::json pct(std::optional<double> p);

// The audit context of a change through the API in processing activity `activiteit`.
store::AuditContext context(const Verzoek& v, const char* activiteit);

nlohmann::json aanbieder_json(const contracts::AanbiederRegel& a);
nlohmann::json product_json(const contracts::ProductRegel& p);
nlohmann::json contract_json(const contracts::Contract& c, const Namen& namen);
nlohmann::json plafond_json(const contracts::Budgetplafond& p, const Namen& namen);
nlohmann::json stand_json(const contracts::Jaarstand& s);
nlohmann::json melding_json(const contracts::PlafondMelding& m, const Namen& namen);
// A toewijzing as made through the API (a verzoek answered, a beschikking).
nlohmann::json toewijzing_json(const store::ToewijzingRecord& t);
nlohmann::json spreiding_json(const contracts::Spreiding& s);
nlohmann::json norm_json(const contracts::NormRegel& n);

// The body of a budgetplafond or contract, read strictly; nullopt with the invalid params in
// `f` when it is not one.
std::optional<contracts::Budgetplafond> plafond_van_body(const nlohmann::json& b,
                                                         std::vector<OngeldigeParameter>& f);
std::optional<contracts::Contract> contract_van_body(const nlohmann::json& b,
                                                     std::vector<OngeldigeParameter>& f);

// The JSON object in the body of `v`; nullopt with the problem answer in `a` otherwise.
inline std::optional<nlohmann::json> lees_body(const Verzoek& v, Antwoord& a) {
  Probleem p;
  auto b = lees_json_object(v, p);
  if (!b) a = probleem_antwoord(p);
  return b;
}

// The path parameter {agb} when it is an AGB code; nullopt otherwise.
std::optional<std::string> lees_agb(const Verzoek& v);
// Whether `c` names a wachttijdnorm: a productcategorie of two digits, or "*".
bool is_norm_categorie(const std::optional<std::string>& c);

// The first and last day of periode "2024" or "2024H1"; false when it is not one.

// What the waiting-time routes read: the cases, the norms and the peildatum.
struct Wachtdata {
  std::vector<contracts::Wachtgeval> gevallen;
  contracts::Normen normen;
  Date peildatum;
};
Result<Wachtdata> lees_wachtdata(contracts::Contractbeheer& c);

// Creating or changing (`nieuw` false: the {id} in the path, guarded by If-Match) a contract
// or budgetplafond: `van_body` checks the body, `bewaar(registers, value, id, versie,
// context)` writes it, `naar_json` answers with what was stored (201 with Location under
// `pad` when created), with its ETag.
template <class VanBody, class Bewaar, class NaarJson>
Antwoord bewaar_resource(Databron& bron, const Verzoek& v, bool nieuw, const std::string& pad,
                         VanBody van_body, Bewaar bewaar, NaarJson naar_json) {
  std::optional<int64_t> id;
  if (!nieuw && !(id = pad_id(v))) return probleem_antwoord(geen_id());
  Versie versie;
  if (!nieuw) {
    auto w = lees_voorwaarde(v);
    if (auto* p = std::get_if<Probleem>(&w)) return probleem_antwoord(*p);
    versie = std::get<Versie>(w);
  }
  Probleem leesfout;
  auto b = lees_json_object(v, leesfout);
  if (!b) return probleem_antwoord(leesfout);
  std::vector<OngeldigeParameter> f;
  auto waarde = van_body(*b, f);
  if (!waarde) return ongeldig(std::move(f));
  auto r = bron.met_contracten(
      [&](auto& c) { return bewaar(c, *waarde, id, versie, context(v, "contractbeheer")); });
  if (!r.ok()) return uit_status(r.status());
  if (!nieuw) return met_etag(naar_json(*r), r->versie);
  Antwoord a = met_etag(naar_json(*r), r->versie, 201);
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
  if (!s.ok()) return uit_status(s);
  return geen_inhoud();
}

}  // namespace jr::server
