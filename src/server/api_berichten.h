// BerichtenApi: an aanbieder uploads an iJw message with its API token
// (POST /api/v1/berichten); the body goes to src/import as it came, and the answer is the
// retour message. The message's Afzender must be the token's AGB code.
#pragma once

#include <vector>

#include "domain/clock.h"
#include "server/auditor.h"
#include "server/databron.h"

namespace jr::ijw {
class Validator;
}

namespace jr::server {

class BerichtenApi {
 public:
  BerichtenApi(Databron& bron, Auditor& auditor) : bron_(bron), auditor_(auditor) {}
  std::vector<Route> routes();
  // Lets the route import with this validator and clock; without them it answers 503.
  void ontvang(ijw::Validator& validator, const Clock& klok) {
    validator_ = &validator;
    klok_ = &klok;
  }

 private:
  Antwoord berichten(const Verzoek& v);

  Databron& bron_;
  Auditor& auditor_;
  ijw::Validator* validator_ = nullptr;
  const Clock* klok_ = nullptr;
};

}  // namespace jr::server
