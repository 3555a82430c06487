// Regio: the static side of a synthetic region — gemeenten with their population by age
// and year and their target share of jeugdigen with jeugdhulp, the aanbieders and GIs
// with the hulpvormen they offer, and the product catalogue. Built once from the
// parameters, the CBS gemeente codelist (read at run time) and a seeded Rng.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "domain/status.h"
#include "generate/parameters.h"
#include "generate/rng.h"
#include "ijw/codelijsten.h"

namespace jr::generate {

struct Gemeente {
  std::string code;  // CBS, 4 digits
  std::string naam;
  std::string regio;               // jeugdzorgregio
  std::array<double, 23> basis{};  // population per age 0-22 in the reference year
  double pct_jeugdhulp = 0;        // target: % of 0-17 with jeugdhulp in a year
};

struct Aanbieder {
  std::string agb;  // 8 digits, synthetic
  std::string naam;
  std::string soort;                    // "aanbieder" or "gi"
  std::string regio;                    // jeugdzorgregio it serves
  std::vector<std::string> hulpvormen;  // CBS codes offered (empty for a GI)
  double grootte = 1;                   // relative share of referrals
};

struct Regio {
  std::string naam;  // rijk-van-nijmegen, zutphen, nl
  int referentiejaar = 2019;
  double groei_per_jaar = 0;
  std::vector<Gemeente> gemeenten;      // sorted by code
  std::vector<Aanbieder> aanbieders;    // sorted by agb
  std::vector<ProductParam> producten;  // jeugdhulp products, then 48, then 47
  double pct_jeugdbescherming = 0, pct_jeugdreclassering = 0, pct_met_verblijf = 0;

  // Population of gemeente `g` (index) of age `leeftijd` on 1 January of `jaar`.
  int64_t aantal(size_t g, int jaar, int leeftijd) const;
  int64_t aantal_0_17(size_t g, int jaar) const;
};

// The names accepted by `bouw_regio`.
std::vector<std::string> regio_namen(const Parameters& p);

// NotFound when `naam` is not a region of the parameters or a gemeente is missing from
// the codelist; InvalidArgument when `schaal` is not positive.
Result<Regio> bouw_regio(const std::string& naam, const Parameters& p, const ijw::Codelijsten& c,
                         double schaal, Rng& rng);

}  // namespace jr::generate
