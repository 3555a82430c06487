// Snapshot: the read model of the indicators. A columnar (struct-of-arrays) picture of the
// store: CBS trajecten (spec §3.3-3.7) merged from the leveringen and the wijkteam care,
// maatregelen, accepted declaratie costs, and the population per gemeente and age. Codes are
// small integers (model/codes.h), gemeenten and aanbieders dictionary-encoded, days int32
// since 1970-01-01. Built by one scan per table; rebuilt after each import.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/status.h"
#include "model/codes.h"
#include "store/snapshot_source.h"

namespace jr::model {

inline constexpr int32_t kOpenEinde = INT32_MAX;  // einde of care that has not stopped

// One delivery of care before merging into trajecten.
struct Deel {
  int32_t jeugdige = 0;    // dense index
  uint32_t aanbieder = 0;  // dictionary index
  uint16_t gemeente = 0;   // dictionary index
  uint8_t hulpvorm = 0;    // CBS code
  uint8_t verwijzer = kVerwijzerGemeente;
  uint8_t reden = kRedenGeen;  // kRedenGeen while open
  uint8_t crisis = 0;
  int32_t aanvang = 0, einde = kOpenEinde;  // closed interval of days
};

// CBS trajecten, one row each, sorted by (jeugdige, aanvang, hulpvorm, aanbieder).
struct Trajecten {
  std::vector<int32_t> jeugdige, aanvang, einde;
  std::vector<uint32_t> aanbieder;
  std::vector<uint16_t> gemeente;
  std::vector<uint8_t> hulpvorm, verwijzer, reden, crisis;
  size_t size() const { return jeugdige.size(); }
  void push_back(const Deel& d);
  void reserve(size_t n);
};

// spec §3.3: care of the same jeugdige, hulpvorm and aanbieder that overlaps in time (shares
// at least one day) is one traject, from the earliest aanvang to the latest einde; parts that
// only touch (next aanvang the day after the einde) stay separate trajecten, and so do parts
// at different aanbieders or of different hulpvormen. The traject takes verwijzer, crisis and
// gemeente from the part that started it (earliest aanvang) and the reden beëindiging from the
// part that ends last (open when any part is open).
Trajecten voeg_samen(std::vector<Deel> delen);

// Jeugdbescherming and jeugdreclassering deliveries, sorted by jeugdige.
struct Maatregelen {
  std::vector<int32_t> jeugdige, aanvang, einde;
  std::vector<uint16_t> gemeente;
  std::vector<uint8_t> soort;  // Maatregel
  size_t size() const { return jeugdige.size(); }
};

// Accepted prestaties, sorted by jeugdige.
struct Kosten {
  std::vector<int32_t> jeugdige, datum;  // datum: begindatum of the prestatie
  std::vector<uint16_t> gemeente;
  std::vector<uint8_t> hulpvorm;  // 0 when not jeugdhulp
  std::vector<int64_t> bedrag_cent;
  size_t size() const { return jeugdige.size(); }
};

struct Snapshot {
  // Dictionaries. A gemeente seen in the data but missing from the register gets its code as
  // naam and the regio "" (no regio).
  std::vector<std::string> gemeente_code, gemeente_naam, regio_naam;
  std::vector<uint16_t> gemeente_regio;
  std::vector<std::string> aanbieder_code;

  // Per jeugdige (dense index): the first day on which the jeugdige is 18 and 23 years old.
  std::vector<int32_t> wordt18, wordt23;

  Trajecten trajecten;
  Maatregelen maatregelen;
  Kosten kosten;

  // Population on 1 January: bevolking[(gemeente * jaren + (jaar - jaar_min)) * 23 + leeftijd].
  int jaar_min = 0, jaren = 0;
  std::vector<uint32_t> bevolking;
  // Sum over ages [van, tot] of gemeente `g` on 1 January of `jaar`; 0 when unknown.
  uint64_t bevolking_som(uint16_t g, int jaar, int van, int tot) const;

  // What the build skipped (no person data): rows with bad dates, non-jeugdhulp products.
  struct Telling {
    uint64_t leveringen = 0, wijkteam = 0, prestaties = 0;
    uint64_t ongeldig = 0, geen_jeugdhulp = 0;
  } telling;

  size_t geheugen_bytes() const;
  uint16_t gemeente_index(std::string_view code) const;  // UINT16_MAX when unknown
};

// Builds a snapshot from SnapshotVisitor rows; usable without a store (tests, benchmarks).
class SnapshotBouwer final : public store::SnapshotVisitor {
 public:
  SnapshotBouwer();
  void gemeente(const store::BronGemeente&) override;
  void product(const store::BronProduct&) override;
  void jeugdige(const store::BronJeugdige&) override;
  void bevolking(const store::BronBevolking&) override;
  void levering(const store::BronLevering&) override;
  void wijkteam(const store::BronWijkteam&) override;
  void prestatie(const store::BronPrestatie&) override;
  // Merges the trajecten and sorts; the builder is spent afterwards.
  Snapshot klaar();

  // Direct entry for benchmarks: an already-encoded part.
  void deel(const Deel& d) { delen_.push_back(d); }
  uint16_t gemeente_id(std::string_view code);
  uint32_t aanbieder_id(std::string_view code);
  int32_t jeugdige_index(int64_t id, int32_t geboren);

 private:
  struct ProductVersie {
    int32_t van, tot;
    uint8_t hulpvorm;  // 0: not jeugdhulp
  };
  // Hulpvorm of (categorie, productcode) on day `dag`: from the categorie (31-38) or the
  // catalogue; 0 when neither says.
  uint8_t hulpvorm_van(std::string_view categorie, std::string_view code, int32_t dag);
  int32_t jeugdige_idx(int64_t id);

  Snapshot s_;
  std::unordered_map<std::string, uint16_t> gemeenten_;
  std::unordered_map<std::string, uint16_t> regios_;
  std::unordered_map<std::string, uint32_t> aanbieders_;
  std::unordered_map<std::string, std::vector<ProductVersie>> producten_;
  std::vector<int32_t> idx_van_id_;
  struct Bev {
    uint16_t g;
    int jaar, leeftijd;
    uint32_t aantal;
  };
  std::vector<Bev> bev_;
  std::vector<Deel> delen_;
  std::string sleutel_;  // scratch
};

// Builds the snapshot of `store` (one read transaction). Errors of the scan pass through.
// With `bekend_op` (ISO date): the data as known at the end of that day (scan_snapshot_bron),
// for forecasts and backtests that must not see later messages or corrections.
Result<Snapshot> bouw_snapshot(store::Store& store, std::string_view bekend_op = {});

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; false when malformed.
bool lees_dag(std::string_view iso, int32_t& dag);

}  // namespace jr::model
