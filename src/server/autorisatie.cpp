#include "server/autorisatie.h"

#include <sodium.h>

#include <algorithm>

#include "store/store.h"

namespace jr::server {

bool Aanroeper::mag_gemeente(const std::optional<std::string>& g) const {
  if (!gemeente) return true;  // regio-wide
  return g && *g != "regio" && *g == *gemeente;
}

std::optional<Rol> rol_van_naam(std::string_view naam) {
  for (Rol r : alle_rollen())
    if (rol_naam(r) == naam) return r;
  return std::nullopt;
}

const std::vector<Rol>& alle_rollen() {
  static const std::vector<Rol> r = {Rol::kJeugdconsulent,
                                     Rol::kRegisseur,
                                     Rol::kContractmanager,
                                     Rol::kBeleidsmedewerker,
                                     Rol::kFunctioneelBeheerder,
                                     Rol::kPrivacyOfficer,
                                     Rol::kAanbieder};
  return r;
}

bool heeft_persoonsrechten(Rol r) {
  return r == Rol::kJeugdconsulent || r == Rol::kRegisseur || r == Rol::kContractmanager ||
         r == Rol::kAanbieder;
}

Probleem scope_geweigerd() {
  return {403,
          "forbidden-scope",
          "Buiten uw gemeente.",
          "Uw account geeft geen toegang tot de gegevens van deze gemeente of van de hele regio.",
          {}};
}

std::optional<Probleem> buiten_gemeente(const Verzoek& v, const std::optional<std::string>& g) {
  if (v.aanroeper && v.aanroeper->mag_gemeente(g)) return std::nullopt;
  return scope_geweigerd();
}

std::optional<Probleem> beslis(const Route& route, const Verzoek& v) {
  if (route.openbaar) return std::nullopt;
  if (!v.aanroeper)
    return Probleem{401,
                    "unauthenticated",
                    "Niet ingelogd.",
                    "Log in (POST /api/v1/sessie) of stuur een API-token.",
                    {}};
  const Aanroeper& a = *v.aanroeper;
  if (std::find(route.rollen.begin(), route.rollen.end(), a.rol) == route.rollen.end())
    return Probleem{403,
                    "forbidden-role",
                    "Geen toegang met deze rol.",
                    "De rol " + std::string(rol_naam(a.rol)) + " mag dit niet.",
                    {}};
  if (route.methode != "GET" && !a.via_token && !gelijk_tijdvast(v.csrf, a.csrf))
    return Probleem{403,
                    "csrf-token",
                    "CSRF-token ontbreekt of klopt niet.",
                    "Stuur het csrfToken van de sessie mee in de kop X-CSRF-Token.",
                    {}};
  if (route.scope == Scope::kRegio && a.gemeente) return scope_geweigerd();
  // A route that names its gemeente in the query is checked here; one whose gemeente is that
  // of a resource (a KPI, a body) checks in its handler, and the matrix test holds it to that.
  const bool gemeente_in_query =
      std::find(route.query.begin(), route.query.end(), "gemeente") != route.query.end();
  if (route.scope == Scope::kGemeente && gemeente_in_query) {
    const std::string* g = v.param("gemeente");
    if (!a.mag_gemeente(g ? std::optional<std::string>(*g) : std::nullopt))
      return scope_geweigerd();
  }
  if (!heeft_persoonsrechten(a.rol)) {
    const std::string* n = v.param("niveau");
    if (n && *n == "intern")
      return Probleem{403,
                      "disclosure-control",
                      "Alleen gegevens met onthullingscontrole.",
                      "Deze rol ziet alleen aantallen met onthullingscontrole (niveau=publiek).",
                      {}};
  }
  return std::nullopt;
}

// ---- helpers ----

nlohmann::json gebeurtenissen_json(const std::vector<store::AuditRegel>& regels) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : regels)
    arr.push_back({{"id", e.id},
                   {"tijdstip", e.tijdstip},
                   {"actor", e.event.context.actor},
                   {"handeling", e.event.handeling},
                   {"verwerkingsactiviteit", e.event.context.verwerkingsactiviteit},
                   {"doel", e.event.context.doel},
                   {"grondslag", e.event.context.grondslag},
                   {"objectType", e.event.object_type},
                   {"detail", e.event.detail}});
  return {{"gebeurtenissen", arr}};
}

std::string willekeurig_token() {
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  std::string hex(sizeof b * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), b, sizeof b);
  hex.pop_back();
  return hex;
}

bool gelijk_tijdvast(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// ---- Sessies ----

Sessies::Sessies(std::chrono::seconds idle, std::chrono::seconds max, const Clock& klok)
    : idle_(idle), max_(max), klok_(klok) {}

std::string Sessies::maak(Aanroeper a) {
  std::string id = willekeurig_token();
  a.csrf = willekeurig_token();
  auto nu = klok_.monotonic();
  std::lock_guard lock(mu_);
  // Drop expired sessions now and then, so the map does not grow without end.
  for (auto it = sessies_.begin(); it != sessies_.end();)
    it = (nu - it->second.laatst > idle_ || nu - it->second.begin > max_) ? sessies_.erase(it)
                                                                          : std::next(it);
  sessies_[sha256_hex(id)] = {std::move(a), nu, nu};
  return id;
}

std::optional<Aanroeper> Sessies::zoek(std::string_view id) {
  if (id.size() != 64) return std::nullopt;
  auto sleutel = sha256_hex(id);
  auto nu = klok_.monotonic();
  std::lock_guard lock(mu_);
  auto it = sessies_.find(sleutel);
  if (it == sessies_.end()) return std::nullopt;
  if (nu - it->second.laatst > idle_ || nu - it->second.begin > max_) {
    sessies_.erase(it);
    return std::nullopt;
  }
  it->second.laatst = nu;
  return it->second.aanroeper;
}

void Sessies::verwijder(std::string_view id) {
  auto sleutel = sha256_hex(id);
  std::lock_guard lock(mu_);
  sessies_.erase(sleutel);
}

size_t Sessies::aantal() {
  std::lock_guard lock(mu_);
  return sessies_.size();
}

// ---- Afremmer ----

int64_t Afremmer::wachttijd(const std::string& adres) {
  auto nu = klok_.monotonic();
  std::lock_guard lock(mu_);
  auto it = pogingen_.find(adres);
  if (it == pogingen_.end()) return 0;
  auto& p = it->second;
  p.erase(std::remove_if(p.begin(), p.end(), [&](auto t) { return nu - t > venster_; }), p.end());
  if (static_cast<int>(p.size()) < max_) return 0;
  auto rest = std::chrono::duration_cast<std::chrono::seconds>(venster_ - (nu - p.front()));
  return std::max<int64_t>(1, rest.count());
}

void Afremmer::mislukt(const std::string& adres) {
  std::lock_guard lock(mu_);
  if (pogingen_.size() > 100000) pogingen_.clear();  // bounded memory under a flood
  pogingen_[adres].push_back(klok_.monotonic());
}

}  // namespace jr::server
