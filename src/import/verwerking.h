// Internal to src/import: the per-message-type processing of a readable message inside an
// open unit of the store: the berichtoverstijgende rules, the writes, and the retour.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/clock.h"
#include "domain/status.h"
#include "ijw/finding.h"
#include "ijw/message.h"
#include "ijw/retour.h"
#include "ijw/schema.h"
#include "import/importer.h"
#include "store/store.h"

namespace jr::import::detail {

// The product catalogue as the rules of one batch see it: the importer never writes the
// catalogue, and a batch is one transaction, so a lookup's answer holds for the whole batch.
// The importer clears it when a batch begins. Saves two queries per product or prestatie.
class CatalogusCache {
 public:
  // Store::productcode_in_catalogus, remembered.
  Result<std::optional<bool>> in_catalogus(store::Store& s, std::string_view categorie,
                                           std::string_view code);
  // Store::zoek_product, remembered.
  Result<std::optional<store::CatalogusProduct>> product(store::Store& s,
                                                         std::string_view categorie,
                                                         std::string_view code, Date datum);
  void leeg() {
    in_catalogus_.clear();
    product_.clear();
  }

 private:
  // Keyed by categorie, code (and date), separated by '\x1f'.
  std::unordered_map<std::string, std::optional<bool>> in_catalogus_;
  std::unordered_map<std::string, std::optional<store::CatalogusProduct>> product_;
};

// What the rules ask of toewijzingen during one import run: the record by gemeente and
// ToewijzingNummer, and the sums of its accepted prestaties (TR322, TR369). A declaratie
// asks this once per toewijzing per month, and the store's answer only changes when the
// import itself writes: JW301 forgets the number it stores (`vergeet`), JW323 adds what it
// accepts (`tel_bij`). The importer empties it when a unit or a batch rolls back and, at
// each batch, when another connection has committed meanwhile (Store::data_versie).
class ToewijzingCache {
 public:
  // Store::zoek_toewijzing, remembered; nullptr when there is none. Stays valid until `leeg`.
  Result<const store::ToewijzingRecord*> toewijzing(store::Store& s, std::string_view gemeente,
                                                    int64_t nummer);
  void vergeet(std::string_view gemeente, int64_t nummer);
  // Store::som_prestaties, remembered.
  Result<store::Store::Som> som(store::Store& s, int64_t toewijzing_id);
  // An accepted prestatie was stored: as som_prestaties would now answer.
  void tel_bij(int64_t toewijzing_id, int64_t volume, int64_t bedrag_cent);
  void leeg() {
    toewijzingen_.clear();
    sommen_.clear();
  }
  size_t grootte() const { return toewijzingen_.size() + sommen_.size(); }

 private:
  static std::string sleutel(std::string_view gemeente, int64_t nummer);
  std::unordered_map<std::string, std::optional<store::ToewijzingRecord>> toewijzingen_;
  std::unordered_map<int64_t, store::Store::Som> sommen_;
};

// A set of 64-bit key hashes that answers "certainly not there" or "perhaps there": a
// scalable Bloom filter (layers of doubling capacity, 16 bits and 6 probes per key, about one
// false "perhaps" in a thousand; never a false "not there"). Not thread-safe for writes.
class KeyFilter {
 public:
  void add(uint64_t h);
  bool may_contain(uint64_t h) const;
  size_t size() const { return n_; }
  size_t bytes() const;

 private:
  struct Layer {
    std::vector<uint64_t> bits;  // a power of two of bits
    size_t capacity = 0;
    size_t n = 0;
  };
  std::vector<Layer> layers_;
  size_t n_ = 0;
};

// What the berichtoverstijgende rules of one import run know without asking the store: per
// store::ImportSleutel kind a KeyFilter of the keys stored, read once at the start of the
// run (Store::scan_import_sleutels) and kept up to date by every write of the run
// (`voeg_toe`). A key the filter does not have is certainly not stored, so the rule's store
// query is skipped; any other key is asked of the store as before, so every verdict is the
// store's. A unit or batch rolled back leaves keys that are no longer stored: they only cost
// a query. When another connection has committed meanwhile (Store::data_versie) the importer
// stops using it for the rest of the run.
class RunFilters {
 public:
  static uint64_t hash(std::string_view sleutel);
  // Reads every key from the store. The store's error when the scan failed.
  Status laad(store::Store& s);
  void voeg_toe(store::ImportSleutel soort, std::string_view sleutel) {
    filters_[static_cast<size_t>(soort)].add(hash(sleutel));
  }
  bool misschien(store::ImportSleutel soort, std::string_view sleutel) const {
    return filters_[static_cast<size_t>(soort)].may_contain(hash(sleutel));
  }
  size_t bytes() const;
  const KeyFilter& filter(store::ImportSleutel soort) const {
    return filters_[static_cast<size_t>(soort)];
  }

 private:
  std::array<KeyFilter, 6> filters_;
};

// One received message being processed.
struct Ontvangst {
  store::Store& store;
  const Clock& clock;
  ijw::Berichttype type;
  std::string_view bytes;
  std::string sha256;
  // `bytes` compressed ahead (store::comprimeer) by the import's reader thread; empty: the
  // store compresses.
  std::string_view bytes_zstd;
  ijw::HeenKop kop;
  const xmlDoc* doc = nullptr;
  std::optional<int64_t> import_id;
  std::filesystem::path standaard_dir;
  // To check a header-only retour built from a broken header before it is sent.
  ijw::SchemaSet* schemas = nullptr;
  // Catalogue lookups of the current batch; nullptr: asked of the store every time.
  CatalogusCache* catalogus = nullptr;
  // Toewijzingen of the run; nullptr: asked of the store every time.
  ToewijzingCache* toewijzingen = nullptr;
  // The run's key filters; nullptr: every rule asks the store.
  RunFilters* filters = nullptr;
};

// Store::bewaar_bericht, and the message's keys into the run's filters.
Result<int64_t> bewaar_bericht(Ontvangst& o, const store::BerichtRecord& b);

// Stores a message that failed its XSD (or could not be read into its struct) as rejected,
// with a header-only retour carrying `findings`' codes when one can be built.
Status verwerk_onleesbaar(Ontvangst& o, const ijw::Findings& findings, BerichtResultaat& r);

// Each processes an XSD-valid message whose in-message rule findings are `in_bericht`.
// A non-OK Status is an operational (store) error: the caller rolls the unit back.
Status verwerk_jw301(Ontvangst& o, const ijw::Jw301& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
// A JW302 or JW320: the aanbieder's retour on a JW301 or JW319 the gemeente sent. Stored as
// received under its own identification (ijw::lees_retour_kop); marks the sent message
// 'ontvangen' (every RetourCode 0200) or 'afgekeurd'. No retour goes back.
Status verwerk_ontvangst(Ontvangst& o, const ijw::Findings& in_bericht, BerichtResultaat& r);
Status verwerk_jw305(Ontvangst& o, const ijw::Jw305& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw307(Ontvangst& o, const ijw::Jw307& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw315(Ontvangst& o, const ijw::Jw315& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
// A JW317 is judged as a whole (OP344): stored as one open verzoek (soort 'wijziging') when
// every class passes, else rejected with the codes of each class in its JW318.
Status verwerk_jw317(Ontvangst& o, const ijw::Jw317& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw323(Ontvangst& o, const ijw::Jw323& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);

// The allowed volume of a toewijzing with `volume` per `frequentie` (WMO757: 1 dag, 2 week,
// 4 maand, 6 totaal) over the closed period [begin, eind] (TR321, TR322).
int64_t toegestaan_volume(int64_t volume, std::string_view frequentie, Date begin, Date eind);

}  // namespace jr::import::detail
