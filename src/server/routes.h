// The API's route table: every route declares its method, path, the query keys it accepts,
// the roles that may call it and the gemeente scope it needs (DESIGN.md "Who uses it").
// The router enforces them before any handler runs (autorisatie.h: deny by default);
// docs/openapi.yaml repeats them (x-rollen, x-scope; a test compares), and the
// authorisation matrix test (server_autorisatie_test) tries every route with every role.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jr::server {

enum class Rol {
  kJeugdconsulent,
  kRegisseur,
  kContractmanager,
  kBeleidsmedewerker,
  kFunctioneelBeheerder,
  kPrivacyOfficer,
  kAanbieder,
};
std::string_view rol_naam(Rol r);  // 'beleidsmedewerker', 'functioneelBeheerder', ...

// Which gemeenten a caller must be allowed to see.
enum class Scope {
  kGeen,      // nothing gemeente-bound (a catalogue, an export of what the client sends)
  kGemeente,  // the gemeente in the `gemeente` query key or the resource; absent: the regio
  kRegio,     // the whole regio
};
std::string_view scope_naam(Scope s);  // 'geen', 'gemeente', 'regio'

// The authenticated caller of one request.
struct Aanroeper {
  std::string naam;  // gebruikersnaam, or "token:<naam>"
  Rol rol = Rol::kBeleidsmedewerker;
  std::optional<std::string> gemeente;   // CBS code; nullopt: the whole regio
  std::optional<std::string> aanbieder;  // AGB code of an API token
  bool via_token = false;                // Authorization: Bearer (no cookie, no CSRF)
  std::string csrf;                      // the session's CSRF token (sessions only)

  // Whether the caller may see gemeente `g` (nullopt or "regio": the whole regio).
  bool mag_gemeente(const std::optional<std::string>& g) const;
};

// A request as a route sees it (no HTTP library types).
struct Verzoek {
  std::string methode;
  std::string pad;
  std::map<std::string, std::string> pad_params;
  std::multimap<std::string, std::string> query;
  std::string body;
  std::string content_type;
  std::optional<Aanroeper> aanroeper;  // nullopt: not authenticated
  std::string csrf;                    // the X-CSRF-Token header
  std::string sessie;                  // the session identifier from the cookie, if any
  std::string adres;                   // the client's address (throttling of logins)
  std::string if_match;                // the If-Match header (lost-update guard)
  std::string if_none_match;           // the If-None-Match header (creating with PUT)

  // The single value of query key `k`; nullptr when absent.
  const std::string* param(const std::string& k) const;
};

struct Antwoord {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// What a route takes as its request body.
enum class Invoer {
  kGeen,  // nothing (a body is ignored)
  kJson,  // application/json (415 otherwise)
  kXml,   // application/xml or text/xml (415 otherwise)
};

struct Route {
  std::string methode;             // GET, POST, PUT, DELETE
  std::string pad;                 // "/api/v1/kpis/{id}"
  std::vector<std::string> query;  // accepted query keys (others: 400)
  std::vector<Rol> rollen;
  Scope scope = Scope::kRegio;
  std::function<Antwoord(const Verzoek&)> afhandelaar;
  bool openbaar = false;  // true only for logging in: no caller needed
  // A GET whose answer depends only on its path, query and the data, not on the caller
  // (beyond the access checks) and without an audit event: kept per data version
  // (Databron::bewaard).
  bool bewaren = false;
  Invoer invoer = Invoer::kGeen;
};

// Short names of the roles, for the route tables of the modules.
inline constexpr Rol kConsulent = Rol::kJeugdconsulent;
inline constexpr Rol kRegisseur = Rol::kRegisseur;
inline constexpr Rol kContract = Rol::kContractmanager;
inline constexpr Rol kBeleid = Rol::kBeleidsmedewerker;
inline constexpr Rol kBeheer = Rol::kFunctioneelBeheerder;
inline constexpr Rol kPrivacy = Rol::kPrivacyOfficer;

// The handler of a route: member function `f` of module `m`.
template <class M>
std::function<Antwoord(const Verzoek&)> afhandelaar(M* m, Antwoord (M::*f)(const Verzoek&)) {
  return [m, f](const Verzoek& v) { return (m->*f)(v); };
}

// The version in the API-Version header (semver; the major is the /v1 in the path).
inline constexpr std::string_view kApiVersie = "1.0.0";

}  // namespace jr::server
