// Gebruikersregister: the people who log in (a password hash, one role, a gemeente or the
// whole regio, a failed-login counter with a temporary lockout) and the API tokens of machine
// clients, each bound to one AGB code and stored only as its hash. Hashing and checking
// passwords is the caller's (server/gebruikers.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace jr::store {

struct Gebruiker {
  int64_t id = 0;
  std::string gebruikersnaam;
  std::string wachtwoord_hash;  // argon2id string
  std::string rol;              // 'beleidsmedewerker', 'privacyOfficer', ...
  std::optional<std::string> gemeente;
  bool actief = true;
  int64_t mislukte_pogingen = 0;
  std::optional<int64_t> geblokkeerd_tot;  // Unix seconds
};

struct ApiToken {
  std::string naam;
  std::string aanbieder;  // AGB code
};

class Gebruikersregister {
 public:
  virtual ~Gebruikersregister() = default;

  // Adds user `g` (its id, counter and lockout are ignored) created at `aangemaakt_op`; its id.
  // AlreadyExists when the name is taken.
  virtual Result<int64_t> voeg_gebruiker_toe(const Gebruiker& g,
                                             std::string_view aangemaakt_op) = 0;
  // The user with this name; nullopt when there is none.
  virtual Result<std::optional<Gebruiker>> zoek_gebruiker(std::string_view gebruikersnaam) = 0;
  // Records a failed login of user `id` at Unix time `nu`: after `max` consecutive failures
  // the account is locked until nu + blokkeer_seconden and the counter restarts. Whether it
  // is locked now. NotFound when there is no such user.
  virtual Result<bool> login_mislukt(int64_t id, int64_t nu, int max,
                                     int64_t blokkeer_seconden) = 0;
  // Records a successful login: the counter goes back to 0 and a lockout ends.
  virtual Status login_gelukt(int64_t id) = 0;
  // Stores an API token by the SHA-256 of the token, for aanbieder `agb`.
  virtual Status voeg_token_toe(std::string_view naam, std::string_view token_sha256,
                                std::string_view agb, std::string_view aangemaakt_op) = 0;
  // The token with this SHA-256; nullopt when unknown or revoked.
  virtual Result<std::optional<ApiToken>> zoek_token(std::string_view token_sha256) = 0;
};

}  // namespace jr::store
