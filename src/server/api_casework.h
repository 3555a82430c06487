// CaseworkApi: the toegang's routes on src/casework. Aanmeldingen (POST /aanmeldingen), the
// team's werkvoorraad (GET /werkvoorraad), the gezinsdossier (GET /gezinnen/{id}), its
// regisseur (PUT), vraagverheldering (POST), gezinsplan versions (GET|POST, If-Match /
// If-None-Match on the plan version), besluiten (POST, 409 'budgetplafond-overschreden'),
// open verzoeken om toewijzing and their answers (GET /verzoeken, POST
// /verzoeken/{id}/antwoord), and the aanbieder's outbox (GET /berichten?richting=uitgaand,
// API token). The gemeente scope is checked first (403 'forbidden-scope'), then need-to-know
// (403 'permission-denied': no team of the gezin's gemeente, or not its regisseur).
#pragma once

#include <filesystem>
#include <vector>

#include "server/databron.h"

namespace jr::ijw {
class Validator;
}

namespace jr::server {

class CaseworkApi {
 public:
  explicit CaseworkApi(Databron& bron) : bron_(bron) {}
  std::vector<Route> routes();
  // Lets besluiten and answers build and validate JW301/JW319 with this validator (used under
  // the store lock only) and standard; without them those routes answer 503.
  void verstuur(ijw::Validator& validator, std::filesystem::path standaard_dir) {
    validator_ = &validator;
    standaard_dir_ = std::move(standaard_dir);
  }

 private:
  Antwoord aanmelding(const Verzoek& v);
  Antwoord werkvoorraad(const Verzoek& v);
  Antwoord dossier(const Verzoek& v);
  Antwoord regisseur(const Verzoek& v);
  Antwoord vraagverheldering(const Verzoek& v);
  Antwoord plannen(const Verzoek& v);
  Antwoord plan_maak(const Verzoek& v);
  Antwoord besluit(const Verzoek& v);
  Antwoord verzoeken(const Verzoek& v);
  Antwoord antwoord(const Verzoek& v);
  Antwoord uitgaand(const Verzoek& v);

  // `f(casework)` under the store lock.
  template <class F>
  auto met_casework(F&& f);
  // 404 for an unknown gezin, 403 'forbidden-scope' outside the caller's gemeenten; nullopt
  // when the caller may go on.
  std::optional<Antwoord> gezin_buiten_scope(const Verzoek& v, int64_t id);

  Databron& bron_;
  ijw::Validator* validator_ = nullptr;
  std::filesystem::path standaard_dir_;
};

}  // namespace jr::server
