// Budget: spend against budgetplafonds, without I/O. Realised spend comes from accepted
// JW323 prestaties (credit lines negative), committed spend from running toewijzingen
// (omvang x tarief per day up to the einddatum), and the forecast to year end is realised
// up to the declared-to date plus committed after it (docs/contracten.md).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.h"
#include "store/contractregisters.h"

namespace jr::contracts {

// A contracted tariff of one product for the days [van, tot] (tot open: no end).
struct Tarief {
  Date van;
  std::optional<Date> tot;
  int64_t cent = 0;  // per eenheid
};

// (productcategorie, productcode) -> its tariffs, ordered by van.
using Tarievenboek = std::map<std::pair<std::string, std::string>, std::vector<Tarief>>;

// The tariff of product (categorie, code) on day `d`; nullopt when the catalogue has none.
std::optional<int64_t> tarief_op(const Tarievenboek& boek, const std::string& categorie,
                                 const std::string& code, Date d);

// An accepted prestatie as the budget sees it (store/contractregisters.h).
using Realisatie = store::Prestatiebedrag;

// A toewijzing as the budget sees it: what it commits from `ingangsdatum` to `einddatum`
// (WJ756 eenheid: 83 = euro's, volume in whole euros; WMO757 frequentie: 1 dag, 2 week,
// 4 maand, 6 totaal; budget_cent used when there is no volume).
using Verplichting = store::LopendeToewijzing;

// Cost in cents per day of `v` on day `d` at the tariffs of `boek`; 0 outside the
// toewijzing. `zonder_tarief` is set when the product has no tariff on `d`.
double dagkosten(const Verplichting& v, Date d, const Tarievenboek& boek, bool* zonder_tarief);

// Cost in cents of `v` on the days [van, tot], rounded to whole cents.
int64_t kosten(const Verplichting& v, Date van, Date tot, const Tarievenboek& boek);

// Which spend a budgetplafond covers: one aanbieder, optionally one gemeente and/or
// productcategorie.
struct PlafondScope {
  std::string aanbieder;
  std::optional<std::string> gemeente;
  std::optional<std::string> categorie;
  bool omvat(const std::string& aanbieder, const std::string& gemeente,
             const std::string& categorie) const;
};

// Signal levels: the highest of 80, 90, 100 that `pct` reached; 0 below 80.
int signaal(std::optional<double> pct);

// The spend of one scope in one calendar year.
struct Jaarstand {
  int jaar = 0;
  Date gedeclareerd_tot;  // realised counts up to this day; committed after it
  std::array<int64_t, 12> gerealiseerd_per_maand{};  // by the month of the ProductPeriode begin
  std::array<int64_t, 12> verplicht_per_maand{};     // committed after gedeclareerd_tot
  int64_t gerealiseerd = 0, verplicht = 0, prognose = 0;  // cents
  int64_t lopende_toewijzingen = 0;  // toewijzingen that commit money after gedeclareerd_tot
  bool zonder_tarief = false;        // some committed day had no tariff (counted as 0)
  std::optional<int64_t> plafond;    // cents
  std::optional<double> gebruik_pct, prognose_pct;  // realised and forecast / plafond
  // The first day on which cumulative spend (realised spread evenly over each
  // ProductPeriode, then committed per day) reaches the plafond; nullopt when it does not
  // this year. `uitgeput` when that day is on or before gedeclareerd_tot (it happened).
  std::optional<Date> uitputtingsdatum;
  bool uitgeput = false;
};

// The year `jaar` of scope `scope`: prestaties with their ProductPeriode begin in the year
// and up to `gedeclareerd_tot`, toewijzingen committing after it, against `plafond`.
Jaarstand bereken_jaarstand(int jaar, Date gedeclareerd_tot, const PlafondScope& scope,
                            const std::vector<Realisatie>& realisatie,
                            const std::vector<Verplichting>& lopend, const Tarievenboek& boek,
                            std::optional<int64_t> plafond);

// The plafond check of a new toewijzing: the forecast of `stand` plus what `nieuw` costs in
// that year; `overschreden` when that exceeds the plafond.
struct Toets {
  int64_t extra = 0;            // cents the new toewijzing costs in the year
  int64_t nieuwe_prognose = 0;  // cents
  std::optional<double> nieuw_pct;
  bool overschreden = false;
};
Toets toets_toewijzing(const Jaarstand& stand, const Verplichting& nieuw, const Tarievenboek& boek);

// Spend of `jaar` grouped by aanbieder (AGB), gemeente (CBS code), product ("categorie
// code") or maand ("2024-01"), optionally of one gemeente and/or aanbieder: realised up to
// `gedeclareerd_tot` and committed after it. Sorted by key.
struct Uitgavenregel {
  std::string sleutel;
  int64_t gerealiseerd = 0, verplicht = 0;  // cents
};
std::vector<Uitgavenregel> groepeer_uitgaven(int jaar, Date gedeclareerd_tot,
                                             const std::string& groepering,
                                             const std::optional<std::string>& gemeente,
                                             const std::optional<std::string>& aanbieder,
                                             const std::vector<Realisatie>& realisatie,
                                             const std::vector<Verplichting>& lopend,
                                             const Tarievenboek& boek);

}  // namespace jr::contracts
