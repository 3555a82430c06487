// ExportApi: a table as the dashboard shows it, downloaded as CSV or XLSX
// (POST /api/v1/exports?formaat=csv|xlsx); every export is an audit event.
#pragma once

#include <vector>

#include "server/auditor.h"

namespace jr::server {

class ExportApi {
 public:
  explicit ExportApi(Auditor& auditor) : auditor_(auditor) {}
  std::vector<Route> routes();

 private:
  Antwoord exporteer(const Verzoek& v);

  Auditor& auditor_;
};

}  // namespace jr::server
