// The KPIs of the demo: the targets of Zutphen (seed 002, chapter 7) and of the regio Rijk
// van Nijmegen (seed 003, chapter 6) that map to indicators jeugdregie computes.
#pragma once

#include <optional>
#include <vector>

#include "server/databron.h"
#include "server/kpi.h"

namespace jr::server {

struct DemoKpi {
  Kpi kpi;
  // A target stated as a change (-6 for "krimp van 5-7%"): the nulmeting is then measured in
  // the data and the ambitie is that value changed by this percentage.
  std::optional<double> verandering_pct;
};

std::vector<DemoKpi> demo_kpis();

// Stores the demo KPIs when the register is empty; the number stored. A relative target is
// measured in the data at its nulmeting year or, when the data starts later, at the first
// complete year of data, with the ambitie year moved by the same number of years (said in
// its toelichting).
Result<int> zaai_demo_kpis(Databron& bron);

}  // namespace jr::server
