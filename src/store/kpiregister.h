// Kpiregister: the council's targets (KPIs) as stored: an indicator for one gemeente or the
// whole regio, a nulmeting and an ambitie, with a version that every change raises.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/status.h"
#include "domain/versie.h"

namespace jr::store {

struct Kpi {
  int64_t id = 0;
  std::string naam;
  std::string indicator;                // a key of the indicators a KPI can follow
  std::optional<std::string> gemeente;  // CBS code; nullopt: the regio
  double nulmeting_waarde = 0;
  std::string nulmeting_periode;  // '2020' or '2020H1'
  double ambitie_waarde = 0;
  int ambitie_jaar = 0;
  std::string bron;         // the policy document the target comes from
  std::string toelichting;  // free text
  std::string aangemaakt_op, gewijzigd_op;
  int64_t versie = 1;  // raised by every change (If-Match)
};

class Kpiregister {
 public:
  virtual ~Kpiregister() = default;

  // All KPIs, by id; only those of `gemeente` when given ("regio": those of the regio).
  virtual Result<std::vector<Kpi>> kpis(const std::optional<std::string>& gemeente) = 0;
  // KPI `id`. NotFound when there is none.
  virtual Result<Kpi> lees_kpi(int64_t id) = 0;
  // Stores a new KPI (id, timestamps and version are set here, the id never used before);
  // the stored KPI.
  virtual Result<Kpi> maak_kpi(const Kpi& kpi) = 0;
  // Replaces the writable fields of KPI `id` and raises its version; the stored KPI.
  // NotFound when there is none; Aborted when it is not at version `versie`; InvalidArgument
  // for `versie` 0.
  virtual Result<Kpi> wijzig_kpi(int64_t id, const Kpi& kpi, Versie versie) = 0;
  // Removes KPI `id`. NotFound when there is none; Aborted when it is not at `versie`.
  virtual Status verwijder_kpi(int64_t id, Versie versie) = 0;
};

}  // namespace jr::store
