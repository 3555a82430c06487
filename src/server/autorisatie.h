// Autorisatie: who is calling, and whether a route lets them. The router calls beslis() before
// every handler: a route admits only the roles it declares (an empty list admits nobody),
// and only within the caller's gemeente scope; a state-changing request made with a session
// cookie must carry the session's CSRF token. Sessions live in memory (Sessies); users and
// API tokens in the database (Gebruikers, gebruikers.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.h"
#include "server/gebruikers.h"
#include "server/probleem.h"
#include "server/routes.h"
#include "store/keyring.h"

namespace jr::store {
struct AuditRegel;
}

namespace jr::server {

// The role named `naam` ('beleidsmedewerker', 'privacyOfficer', ...); nullopt when unknown.
std::optional<Rol> rol_van_naam(std::string_view naam);
// Every role, in declaration order.
const std::vector<Rol>& alle_rollen();
// Roles that may see person-level data (DESIGN.md): jeugdconsulent, regisseur,
// contractmanager (pseudonymised), aanbieder (its own clients). Everyone else gets
// aggregates only, through disclosure control.
bool heeft_persoonsrechten(Rol r);

// Why a request is refused: nullopt when `route` admits `aanroeper` for this request.
// 401 'unauthenticated' without a caller; 403 'forbidden-role' for a role the route does not
// declare; 403 'csrf-token' for a POST/PUT/DELETE by session without the right
// X-CSRF-Token; 403 'forbidden-scope' for a route of scope regio called with a gemeente's
// scope, or of scope gemeente whose query key `gemeente` (absent or 'regio': the whole
// regio) lies outside the caller's scope; 403
// 'disclosure-control' when a role without person-level rights asks for niveau=intern.
// Resource-bound scope (a KPI's own gemeente) is checked by the handler with
// scope_geweigerd().
std::optional<Probleem> beslis(const Route& route, const Verzoek& v);
// 403 'forbidden-scope'.
Probleem scope_geweigerd();
// For handlers with resource-bound scope: 403 'forbidden-scope' unless the caller of `v` may
// see gemeente `g` (nullopt or 'regio': the whole regio); nullopt when it may.
std::optional<Probleem> buiten_gemeente(const Verzoek& v, const std::optional<std::string>& g);

// Sessions, lockout and throttling of logins.
struct AutorisatieOpties {
  std::chrono::seconds sessie_idle{30 * 60};      // idle timeout
  std::chrono::seconds sessie_max{12 * 60 * 60};  // absolute lifetime
  bool cookie_secure = false;                     // Secure cookie (served under TLS)
  int max_pogingen = 5;                           // consecutive failures per account ...
  int64_t blokkeer_seconden = 15 * 60;            // ... lock it this long
  int max_pogingen_adres = 20;                    // failures per client address ...
  std::chrono::seconds venster{10 * 60};          // ... in this window, then 429
  HashKosten kosten = HashKosten::kInteractief;   // of the dummy hash for unknown users
};

// The session cookie's name.
inline constexpr std::string_view kSessieCookie = "jr_sessie";

// Sessions in memory: a random 256-bit identifier in the cookie, looked up by its hash.
// A session ends after `idle` without requests, after `max` in any case, or on logout.
class Sessies {
 public:
  // `klok` (its monotonic time) must outlive this object.
  Sessies(std::chrono::seconds idle, std::chrono::seconds max, const Clock& klok);

  // A new session for `a` (with a fresh CSRF token); the identifier for the cookie.
  std::string maak(Aanroeper a);
  // The caller of session `id`, refreshing its idle timer; nullopt when unknown or expired.
  std::optional<Aanroeper> zoek(std::string_view id);
  void verwijder(std::string_view id);
  size_t aantal();

 private:
  struct Sessie {
    Aanroeper aanroeper;
    Clock::Moment begin, laatst;
  };
  std::chrono::seconds idle_, max_;
  const Clock& klok_;
  std::mutex mu_;
  std::map<std::string, Sessie> sessies_;  // key: SHA-256 hex of the identifier
};

// Audit events as the privacy officer reads them: {"gebeurtenissen": [{id, tijdstip, actor,
// handeling, verwerkingsactiviteit, doel, grondslag, objectType, detail}]}, no pseudonym.
nlohmann::json gebeurtenissen_json(const std::vector<store::AuditRegel>& regels);

// 32 random bytes as 64 hex characters (libsodium randombytes).
std::string willekeurig_token();
using store::sha256_hex;  // SHA-256 as hex (store/keyring.h)
// Constant-time comparison of two strings.
bool gelijk_tijdvast(std::string_view a, std::string_view b);

// Failed logins per client address in a sliding window: more than `max` in `venster` and the
// address must wait (429) until the window has passed.
class Afremmer {
 public:
  // `klok` (its monotonic time) must outlive this object.
  Afremmer(int max, std::chrono::seconds venster, const Clock& klok)
      : max_(max), venster_(venster), klok_(klok) {}
  // Seconds to wait before this address may try again; 0: it may.
  int64_t wachttijd(const std::string& adres);
  void mislukt(const std::string& adres);

 private:
  int max_;
  std::chrono::seconds venster_;
  const Clock& klok_;
  std::mutex mu_;
  std::map<std::string, std::vector<Clock::Moment>> pogingen_;
};

}  // namespace jr::server
