// SessieApi: logging in and out (POST, GET and DELETE /api/v1/sessie). A login checks the
// password (argon2id, at most two at a time), locks an account after repeated failures,
// throttles an address, and gives a fresh session and CSRF token; every attempt is in the
// audit log.
#pragma once

#include <semaphore>
#include <string>
#include <vector>

#include "server/auditor.h"
#include "server/autorisatie.h"
#include "server/databron.h"

namespace jr::server {

class SessieApi {
 public:
  SessieApi(Databron& bron, Sessies& sessies, const AutorisatieOpties& opties, Auditor& auditor);
  std::vector<Route> routes();

 private:
  Antwoord sessie_maak(const Verzoek& v);
  Antwoord sessie_lees(const Verzoek& v);
  Antwoord sessie_verwijder(const Verzoek& v);

  Databron& bron_;
  Sessies& sessies_;
  const AutorisatieOpties& opties_;
  Auditor& auditor_;
  Afremmer afremmer_;
  std::counting_semaphore<64> hashes_{2};  // argon2id runs at most twice at a time
  std::string dummy_hash_;                 // verified for unknown users (equal timing)
};

}  // namespace jr::server
