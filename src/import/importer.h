// Importer: what a gemeente receives (JW302, JW305, JW307, JW315, JW317, JW320, JW323) and
// its own sent JW301s, from bytes to stored state: validate (ijw::Validator), apply the
// berichtoverstijgende rules against the store, store what is accepted with the raw XML and
// retourcodes (one savepoint per message, batches of messages per transaction), and build
// the retour message (JW306, JW308, JW316, JW318, JW325). A JW302 or JW320 (the aanbieder's
// retour on a sent JW301 or JW319) gets no retour: it marks the sent message as received or
// rejected.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/clock.h"
#include "domain/status.h"
#include "ijw/finding.h"
#include "ijw/validator.h"
#include "store/store.h"

namespace jr::import {

namespace detail {
class CatalogusCache;
class ToewijzingCache;
class KeyFilter;
class RunFilters;
}  // namespace detail

struct ImportOptions {
  // Where retour messages are written (one file each); nullopt: not written.
  std::optional<std::filesystem::path> retour_dir;
  // Messages per transaction; each message stays atomic through its own savepoint.
  size_t batch_grootte = 1000;
  // Name of the run in the import_run record (e.g. the command line's paths).
  std::string bron = "import";
  // import_paden reads the files on a second thread and hashes, parses, validates and
  // compresses the next messages on `werkers` more, while this one applies the rules and
  // writes in stream order. The result is the same; only the wall time differs. Off:
  // everything on the calling thread.
  bool parallel = true;
  // Threads that parse and validate ahead when `parallel`; 0: one per core.
  size_t werkers = 0;
  // Only messages from this AGB code are taken (an aanbieder's upload with its token): a
  // readable message with another Afzender (of a retour JW302/JW320: another Ontvanger, the
  // aanbieder that sends it) is Uitkomst::andere_afzender, checked before anything else, and
  // nothing of it is stored or recognised. nullopt: any afzender.
  std::optional<std::string> afzender;
  // Called on the writing thread after each committed batch with the number of messages
  // committed in this run so far (progress of a long import); empty: not called.
  std::function<void(int64_t vastgelegd)> na_batch;
};

enum class Uitkomst {
  geaccepteerd,     // stored, every part accepted
  deels,            // stored, some products/prestaties rejected
  afgekeurd,        // rejected as a whole (stored as a rejected message when it had a header)
  overgeslagen,     // the same bytes were imported before: nothing changed
  fout,             // operational error (store unavailable ...): nothing of it stored
  andere_afzender,  // not from ImportOptions::afzender: not processed, nothing stored
};
std::string_view naam(Uitkomst u);

// What happened to one message.
struct BerichtResultaat {
  std::string bron;                      // file name or caller's label
  std::string berichttype = "onbekend";  // "JW305"; "onbekend" when unreadable
  Uitkomst uitkomst = Uitkomst::afgekeurd;
  ijw::Findings findings;   // every reason for a rejection (of the whole or of a part)
  std::string melding;      // readable Dutch summary for unreadable messages and errors
  bool onleesbaar = false;  // not an iJw message at all (not XML, no known type): no retour
  std::string retour_xml;   // the retour message; empty when there is none
  std::string retour_type;  // "JW306" ...
  std::optional<int64_t> bericht_id;
};

// Counters per berichttype ("JW305", "onbekend").
struct TypeTellers {
  int64_t ontvangen = 0;
  int64_t geaccepteerd = 0;
  int64_t deels = 0;
  int64_t afgekeurd = 0;
  int64_t overgeslagen = 0;
  int64_t fout = 0;
  std::map<std::string, int64_t> retourcodes;  // per retourcode over all findings
};

struct Samenvatting {
  std::map<std::string, TypeTellers> per_type;
  std::vector<std::string> meldingen;  // unreadable messages and errors, "bron: melding"
  int64_t retouren_geschreven = 0;
  // Messages parsed and validated in this run (on any thread). A message already stored is
  // recognised by its content hash before it is parsed, so a re-import of what is stored
  // parses nothing.
  int64_t gevalideerd = 0;
  int64_t fouten() const;
};

// The summary as JSON: {"berichten": {"JW305": {"ontvangen": n, "geaccepteerd": n, "deels": n,
// "afgekeurd": n, "overgeslagen": n, "fout": n, "retourcodes": {"9019": n}}}, "totaal": {...},
// "retourenGeschreven": n, "meldingen": [...]}.
std::string samenvatting_json(const Samenvatting& s);

class Importer {
 public:
  Importer(store::Store& store, ijw::Validator& validator, const Clock& clock,
           ImportOptions options = {});
  // Rolls back a batch that was not flushed.
  ~Importer();
  Importer(const Importer&) = delete;
  Importer& operator=(const Importer&) = delete;

  // Imports one message inside the current batch (opening one when needed) and commits the
  // batch when it is full. The result is final once the batch is committed (flush()); an
  // operational error gives Uitkomst::fout with the message undone (and, when the batch's
  // commit failed, the batch). Callers should stop at a fout: later messages may depend on
  // the lost ones.
  BerichtResultaat import_bytes(std::string_view bytes, std::string_view bron);

  // Commits the open batch and writes the retour files of its messages. OK without a batch.
  // Unavailable (or the store's code) when the commit failed: the batch's messages are then
  // not stored and are counted as fout.
  Status flush();

  // Imports the given files and the *.xml files and *.tar.gz day archives (of `generate
  // --tar`; their *.xml members in archive order) under the given directories (recursively,
  // in sorted order) as one run (recorded in import_run), then flushes. The first operational
  // error (also a broken archive), or OK (rejected messages are not errors).
  Status import_paden(const std::vector<std::filesystem::path>& paden);

  const Samenvatting& samenvatting() const { return samenvatting_; }

 private:
  struct Voorbereid;
  BerichtResultaat import_voorbereid(Voorbereid& p);
  BerichtResultaat verwerk(Voorbereid& p);
  Status importeer_bestanden(const std::vector<std::filesystem::path>& files);
  void tel(const BerichtResultaat& r);
  Status schrijf_retour(const BerichtResultaat& r);

  store::Store& store_;
  ijw::Validator& validator_;
  const Clock& clock_;
  ImportOptions options_;
  int64_t vastgelegd_ = 0;  // messages committed in this run (ImportOptions::na_batch)
  bool batch_open_ = false;
  bool commit_mislukt_ = false;
  std::vector<BerichtResultaat> batch_;
  std::optional<int64_t> run_id_;
  Samenvatting samenvatting_;
  // Catalogue lookups of the open batch (see detail::CatalogusCache).
  std::unique_ptr<detail::CatalogusCache> catalogus_;
  // Toewijzingen and their prestatie sums across the run (see detail::ToewijzingCache), and
  // the store's data_versie when they were last known valid.
  std::unique_ptr<detail::ToewijzingCache> toewijzingen_;
  std::optional<int64_t> data_versie_;
  static constexpr size_t kToewijzingenMax = 2'000'000;
  // The run's key filters (detail::RunFilters, import_paden only) and the store's
  // data_versie before they were read; dropped when another connection commits.
  std::unique_ptr<detail::RunFilters> filters_;
  std::optional<int64_t> filter_versie_;
};

// The files to import: each path that is a file, and the *.xml and *.tar.gz files under each
// directory (recursively), directories' files in sorted order. NotFound for a path that does
// not exist.
Result<std::vector<std::filesystem::path>> verzamel_bestanden(
    const std::vector<std::filesystem::path>& paden);

}  // namespace jr::import
