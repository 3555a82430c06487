// Databron: what the API reads, behind one lock on the store's connection. The indicator
// documents come from a columnar snapshot of the store (src/model, src/indicators) and are
// cached per (periode, gemeente, niveau); the snapshot is rebuilt and the cache emptied when
// another process (an import) has committed to the database. KPIs and the contract registers
// (src/contracts) live in the same database.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>
#include <string>
#include <tuple>
#include <vector>

#include "contracts/beheer.h"
#include "domain/clock.h"
#include "domain/date.h"
#include "domain/status.h"
#include "indicators/weergave.h"
#include "server/gebruikers.h"
#include "server/routes.h"

namespace jr::store {
class Store;
struct AuditEvent;
}  // namespace jr::store

namespace jr::server {

struct IndicatorVraag {
  std::string periode;                  // "2024H1", "2024"
  std::optional<std::string> gemeente;  // CBS code
  bool publiek = false;                 // disclosure control (niveau=publiek)
};

// One cached indicator document: the typed figures it shows, and the bytes the API sends;
// plus answers derived from it (e.g. the kerncijfers), made once per document by
// `maak(document)` and kept with it, so that a busy endpoint serves bytes instead of building
// JSON per request. Readers (KPIs, kerncijfers) use the typed figures, never the text.
struct Document {
  std::shared_ptr<const indicators::Uitkomst> uitkomst;
  indicators::Openbaarheid openbaarheid = indicators::Openbaarheid::kIntern;
  indicators::Selectie selectie;  // points into *uitkomst
  std::string tekst;              // the JSON answer of GET /api/v1/indicatoren

  // The level a KPI of `gemeente` follows: that gemeente, or without one the document's regio
  // level; nullptr when the document does not have the gemeente.
  const indicators::Niveau* niveau(const std::optional<std::string>& gemeente) const {
    if (!gemeente) return selectie.regio;
    for (const auto* g : selectie.gemeenten)
      if (g->code == *gemeente) return g;
    return nullptr;
  }

  template <class F>
  const std::string& afgeleid(const std::string& naam, F&& maak) const {
    std::lock_guard lock(afgeleid_mu_);
    auto it = afgeleid_.find(naam);
    if (it == afgeleid_.end()) it = afgeleid_.emplace(naam, maak(*this)).first;
    return it->second;  // map nodes are stable and never erased while the document lives
  }

 private:
  mutable std::mutex afgeleid_mu_;
  mutable std::map<std::string, std::string> afgeleid_;
};

struct TrajectVraag {
  std::string periode;
  std::optional<std::string> gemeente;
  std::optional<std::string> aanbieder;  // AGB code (or "wijkteam:<gemeente>")
  bool publiek = false;
};

class Databron {
 public:
  Databron(store::Store& store, const Clock& clock);
  ~Databron();

  // The indicator document. InvalidArgument for a malformed periode; NotFound for a
  // gemeente without data; Unavailable when the store cannot be read.
  Result<std::shared_ptr<const Document>> indicatoren(const IndicatorVraag& v);

  // The first day from which the registration is complete (a gemeente's go-live: care that
  // ran before it was converted in, care that ended before it is absent). Periods that
  // begin before it are incomplete and are not listed by perioden(); unset: the first day of
  // the data.
  void zet_vanaf(Date vanaf) { vanaf_dag_ = vanaf.days(); }

  // The half years and years for which there is data, oldest first (from `vanaf` on).
  struct Perioden {
    std::vector<std::string> halfjaren, jaren;
  };
  Result<Perioden> perioden();
  // The name of the regio of `gemeente`, or without one the regio of all gemeenten in the
  // data; nullopt when unknown or when the gemeenten lie in more than one regio.
  std::optional<std::string> regio_naam(const std::optional<std::string>& gemeente);

  // Trajecten active in the periode, for the regio, one gemeente or one aanbieder in a
  // gemeente, broken down by the next level (gemeente, aanbieder, product), hulpvorm,
  // verwijzer, reden beëindiging and duurklasse.
  Result<nlohmann::json> trajecten(const TrajectVraag& v);

  // Names of the aanbieders in the register (AGB -> naam).
  std::string aanbieder_naam(const std::string& agb);

  // KPIs: `f` runs with the register under the store lock.
  template <class F>
  auto met_kpis(F&& f) {
    std::lock_guard lock(db_mu_);
    return f(static_cast<store::Kpiregister&>(store_));
  }

  // Users and tokens: `f` runs with the register under the store lock.
  template <class F>
  auto met_gebruikers(F&& f) {
    std::lock_guard lock(db_mu_);
    return f(gebruikers_);
  }
  // `f(store)` under the store lock (audit queries).
  template <class F>
  auto met_store(F&& f) {
    std::lock_guard lock(db_mu_);
    return f(store_);
  }
  // The clock this server reads "now" from (sessions, throttling, polls, timestamps).
  const Clock& klok() const { return clock_; }
  // Appends an audit event (its own transaction), under the store lock.
  Status audit(const store::AuditEvent& e);

  // Forgets the snapshot's database version, so the next read rebuilds it: after a write on
  // this connection, which the store's data version does not report.
  void vernieuw();
  // Contract management: `f` runs with the registers under the store lock.
  template <class F>
  auto met_contracten(F&& f) {
    std::lock_guard lock(db_mu_);
    return f(contracten_);
  }

  // Answers of read routes that depend only on their path, query and the data (the contract
  // and waiting-time figures, computed in SQL per request otherwise; Route::bewaren), kept
  // per `sleutel` until the data changes: a write through this server (vergeet_antwoorden)
  // or another process's commit (the store's data version, looked at at most twice a second, as
  // for the snapshot). `maak` runs on a miss; only 200 answers are kept. An answer made while
  // a write finished is not kept (it may predate the write).
  Antwoord bewaard(const std::string& sleutel, const std::function<Antwoord()>& maak);
  void vergeet_antwoorden();
  uint64_t antwoord_missers() const { return antwoord_missers_.load(); }

  // Computes the snapshot now when it is missing or stale (used at start-up to warm up).
  Status ververs();
  // Fills the cache for every periode (intern, regio-wide) — start-up warm-up.
  void warm_op();

  uint64_t cache_missers() const { return missers_.load(); }

 private:
  struct Stand;  // snapshot + derived data of one database version
  Result<std::shared_ptr<const Stand>> stand();
  // The store's data version (Transacties::data_versie: it moves when another process
  // committed), asked at most twice a second: the one mechanism by which the snapshot and the
  // kept answers see an import beside the server. nullopt when the store cannot say.
  std::optional<int64_t> extern_versie();

  store::Store& store_;
  const Clock& clock_;
  std::mutex db_mu_;  // the store's connection
  Gebruikers gebruikers_;
  contracts::Contractbeheer contracten_;
  std::mutex stand_mu_;
  std::shared_ptr<const Stand> stand_;
  std::atomic<int64_t> laatste_controle_ms_{0};
  int64_t data_versie_ = -1;
  std::mutex versie_mu_;  // before db_mu_
  std::optional<int64_t> extern_versie_;
  int64_t extern_gezien_ms_ = 0;

  using Sleutel = std::tuple<std::string, std::string, bool>;
  std::shared_mutex cache_mu_;
  std::map<Sleutel, std::shared_ptr<const Document>> cache_;
  std::atomic<uint64_t> missers_{0};
  std::optional<int32_t> vanaf_dag_;

  std::mutex antwoord_mu_;  // before db_mu_
  std::map<std::string, Antwoord> antwoorden_;
  uint64_t antwoord_generatie_ = 0;  // +1 whenever antwoorden_ is emptied
  int64_t antwoord_data_versie_ = -1;
  std::atomic<uint64_t> antwoord_missers_{0};
  std::map<std::string, std::string> aanbieder_namen_;
};

}  // namespace jr::server
