// AuditApi: the privacy officer's question "who saw this child when" (GET /api/v1/audit).
// The lookup is itself an audit event.
#pragma once

#include <vector>

#include "server/auditor.h"
#include "server/databron.h"

namespace jr::server {

class AuditApi {
 public:
  AuditApi(Databron& bron, Auditor& auditor) : bron_(bron), auditor_(auditor) {}
  std::vector<Route> routes();

 private:
  Antwoord audit_lees(const Verzoek& v);

  Databron& bron_;
  Auditor& auditor_;
};

}  // namespace jr::server
