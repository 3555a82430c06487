// KpiRegister: the stored KPIs (table kpi, migration 0004) on the store's SQLite database.
// Not thread-safe: the caller serialises access to the connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.h"
#include "domain/status.h"
#include "domain/versie.h"
#include "server/kpi.h"

namespace jr::store::sqlite {
class Db;
}

namespace jr::server {

class KpiRegister {
 public:
  KpiRegister(store::sqlite::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  // All KPIs, by id; only those of `gemeente` when given ("regio": those of the regio).
  Result<std::vector<Kpi>> lijst(const std::optional<std::string>& gemeente = std::nullopt);
  // KPI `id`. NotFound when there is none.
  Result<Kpi> lees(int64_t id);
  // Stores a new KPI (its id and timestamps are set here); the stored KPI.
  Result<Kpi> maak(const Kpi& kpi);
  // Replaces the writable fields of KPI `id` and raises its version; the stored KPI.
  // NotFound when there is none, Aborted when it is not at version `versie`.
  Result<Kpi> wijzig(int64_t id, const Kpi& kpi, Versie versie);
  // Removes KPI `id`. NotFound when there is none, Aborted when it is not at `versie`.
  Status verwijder(int64_t id, Versie versie);

 private:
  store::sqlite::Db& db_;
  const Clock& clock_;
};

}  // namespace jr::server
