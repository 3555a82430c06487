// The estimated model behind voorspel (prognose.h): rates with their Poisson-Gamma posterior,
// mixes, the population ahead, cost rates, the care running at the peildatum and what is
// already known of the first half year. Internal to src/prognose; tests use it to check the
// estimation (rates recovered, shrinkage).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "prognose/prognose.h"

namespace jr::prognose::detail {

inline constexpr int kH = 8;   // hulpvormen (model::kHulpvormen order)
inline constexpr int kDB = 5;  // time in care, months: [0,3) [3,6) [6,12) [12,24) [24,inf)
inline constexpr int kGB = 5;  // months since the last end: [0,1) [1,3) [3,6) [6,12) [12,24)
inline constexpr int kLB = 4;  // age bands 0-3, 4-11, 12-17, 18-22
inline constexpr int kV = 7;   // verwijzers (model::kVerwijzers order)
inline constexpr double kDagenPerMaand = 30.436875;
inline constexpr std::array<double, kDB + 1> kDuurGrens = {0, 3, 6, 12, 24, 1e9};
inline constexpr std::array<double, kGB + 1> kGatGrens = {0, 1, 3, 6, 12, 24};
inline constexpr std::array<int, kLB + 1> kLeeftijdGrens = {0, 4, 12, 18, 23};

// A rate (events per unit of exposure) with its posterior Gamma(a, b): mean a / b. a holds
// the (weighted) events plus the prior's, b the exposure plus the prior's.
struct Gamma {
  double a = 0, b = 0;
  double punt() const { return b > 0 ? a / b : 0; }
};

struct Lopend {  // a traject running at the peildatum
  int32_t aanvang;
  uint32_t aanbieder;
  uint8_t h;  // hulpvorm index
};

struct Persoon {  // a jeugdige in care at the peildatum or with care ended in the 24 months before
  int32_t jeugdige;  // snapshot index: the key of its random numbers
  uint16_t g;
  int32_t wordt23;
  int32_t zorg_tot;  // last day of care when not in care at the peildatum; otherwise unused
  bool in_zorg;
  uint8_t laatste_h;
  uint32_t eerste = 0, aantal = 0;                   // its running trajecten in Model::lopend
  uint16_t basis_mask = 0, basis_mask_verblijf = 0;  // half years of known care (ended before P)
};

struct Model {
  Instellingen inst;
  int32_t p = 0, d = 0, t = 0;  // peildatum, declared-to day, last day simulated
  int G = 0;                    // gemeenten
  std::vector<Periode> perioden;
  std::vector<bool> deels_bekend;
  std::vector<int32_t> maand_begin;  // first day of each simulated month (the first: p + 1)

  std::vector<Gamma> eind;             // end hazard per month: (g * kH + h) * kDB + band
  std::vector<Gamma> spawn;            // a further start while in care, per month: g * kH + h
  std::array<Gamma, kGB> heropname{};  // re-entry per month after the last end, by band
  std::vector<Gamma> instroom;         // new jeugdigen per inhabitant-month: (g * kLB + l) * kV + v
  std::array<double, 12> seizoen{};
  double schok_variantie = 0;  // variance of the common monthly shock on inflow (0: Poisson)

  // Cumulative mixes of the hulpvorm of a start: new (by verwijzer), while in care (by the
  // hulpvorm it follows), re-entry (by the last hulpvorm).
  std::array<std::array<double, kH>, kV> mix_nieuw{};
  std::array<std::array<double, kH>, kH> mix_vervolg{}, mix_heropname{};
  // Aanbieder of a start per g * kH + h: cumulative weights and aanbieder indices.
  std::vector<std::vector<double>> aanbieder_cum;
  std::vector<std::vector<uint32_t>> aanbieder_idx;
  std::array<std::array<double, 23>, kLB> leeftijd_cum{};

  int pop_jaar0 = 0, pop_jaren = 0;
  std::vector<double> pop;  // (g * kLB + l) * pop_jaren + (jaar - pop_jaar0)

  std::vector<double> kosten_dag;          // cents per day in care, g * kH + h
  std::vector<double> overige_kosten_dag;  // cents per day, per g (maatregelen and the rest)

  std::vector<Persoon> personen;
  std::vector<Lopend> lopend;
  // What is known of each half year before the simulation adds to it: trajecten ended by the
  // peildatum, declared costs up to d, their costs after d. (g * K + k) * kAantalIndicatoren.
  std::vector<double> basis;

  // Plafonds followed: aanbieder index -> slot; spend of each slot before p in p's year.
  std::vector<int> plafond_slot;
  std::vector<uint32_t> slot_aanbieder;
  std::vector<double> slot_voor_p;

  double bevolking(int g, int l, int jaar) const;
  int maand_van(int32_t dag) const;  // index in maand_begin; -1 before, size() after
};

// Estimates the model of `s` at `peildatum` (validated by voorspel).
Model schat(const model::Snapshot& s, Date peildatum, const Instellingen& inst,
            const std::vector<uint32_t>& gevolgde_aanbieders);

// The rates of one run: parameter draws from the posteriors (or the point estimates).
struct Trekking {
  std::vector<double> eind, spawn, instroom;
  std::array<double, kGB> heropname{};
};
Trekking trek_parameters(const Model& m, uint32_t run, bool onzeker);

}  // namespace jr::prognose::detail
