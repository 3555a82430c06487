// Internal to src/import: the per-message-type processing of a readable message inside an
// open unit of the store: the berichtoverstijgende rules, the writes, and the retour.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

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
};

// Stores a message that failed its XSD (or could not be read into its struct) as rejected,
// with a header-only retour carrying `findings`' codes when one can be built.
Status verwerk_onleesbaar(Ontvangst& o, const ijw::Findings& findings, BerichtResultaat& r);

// Each processes an XSD-valid message whose in-message rule findings are `in_bericht`.
// A non-OK Status is an operational (store) error: the caller rolls the unit back.
Status verwerk_jw301(Ontvangst& o, const ijw::Jw301& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw302(Ontvangst& o, const ijw::Findings& in_bericht, BerichtResultaat& r);
Status verwerk_jw305(Ontvangst& o, const ijw::Jw305& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw307(Ontvangst& o, const ijw::Jw307& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw315(Ontvangst& o, const ijw::Jw315& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);
Status verwerk_jw323(Ontvangst& o, const ijw::Jw323& m, const ijw::Findings& in_bericht,
                     BerichtResultaat& r);

// The allowed volume of a toewijzing with `volume` per `frequentie` (WMO757: 1 dag, 2 week,
// 4 maand, 6 totaal) over the closed period [begin, eind] (TR321, TR322).
int64_t toegestaan_volume(int64_t volume, std::string_view frequentie, Date begin, Date eind);

}  // namespace jr::import::detail
