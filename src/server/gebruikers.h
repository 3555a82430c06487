// Gebruikers: the users with argon2id password hashes (libsodium crypto_pwhash_str), their
// failed-login counter and temporary lockout, and the API tokens of machine clients, each
// scoped to one AGB code, on the store's Gebruikersregister. Not thread-safe: the caller
// serialises access to the store. Hashing a password is slow
// on purpose; wachtwoord_klopt() runs without the connection and may run outside its lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"
#include "server/routes.h"

namespace jr::store {
class Gebruikersregister;
}

namespace jr::server {

// The argon2id cost. kInteractief is libsodium's interactive limit (64 MiB); kMinimaal only
// for tests, where hundreds of logins must be cheap.
enum class HashKosten { kInteractief, kMinimaal };

struct GebruikerRecord {
  int64_t id = 0;
  std::string gebruikersnaam;
  std::string wachtwoord_hash;
  Rol rol = Rol::kBeleidsmedewerker;
  std::optional<std::string> gemeente;
  bool actief = true;
  int64_t mislukte_pogingen = 0;
  std::optional<int64_t> geblokkeerd_tot;  // Unix seconds
};

// The argon2id string of `wachtwoord`. Internal when libsodium runs out of memory.
Result<std::string> hash_wachtwoord(std::string_view wachtwoord, HashKosten kosten);
// Whether `wachtwoord` matches the argon2id string `hash` (constant time in the password).
bool wachtwoord_klopt(std::string_view hash, std::string_view wachtwoord);
// InvalidArgument unless the password is at least 12 characters.
Status controleer_wachtwoordsterkte(std::string_view wachtwoord);

class Gebruikers {
 public:
  Gebruikers(store::Gebruikersregister& gebruikers, const Clock& clock)
      : register_(gebruikers), clock_(clock) {}

  // Adds a user; its id. InvalidArgument for a bad name, gemeente, weak password, or role
  // aanbieder (machine clients use tokens); AlreadyExists when the name is taken.
  Result<int64_t> voeg_toe(std::string_view naam, std::string_view wachtwoord, Rol rol,
                           const std::optional<std::string>& gemeente,
                           HashKosten kosten = HashKosten::kInteractief);
  // The user with this name; nullopt when there is none.
  Result<std::optional<GebruikerRecord>> zoek(std::string_view naam);
  // Records a failed login at Unix time `nu`: after `max` consecutive failures the account
  // is locked until nu + blokkeer_seconden (and the counter restarts). Whether it is locked.
  Result<bool> mislukt(int64_t id, int64_t nu, int max, int64_t blokkeer_seconden);
  // Records a successful login (the counter goes back to 0).
  Status gelukt(int64_t id);

  // A new API token for aanbieder `agb` (8 digits); the token itself, shown once (only its
  // SHA-256 is stored).
  Result<std::string> maak_token(std::string_view naam, std::string_view agb);
  // The caller behind a token (role aanbieder, scope its AGB); nullopt when unknown or
  // revoked.
  Result<std::optional<Aanroeper>> zoek_token(std::string_view token);

 private:
  store::Gebruikersregister& register_;
  const Clock& clock_;
};

}  // namespace jr::server
