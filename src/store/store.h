// Store: the source of truth. Small interfaces by role, in the manner of leveldb's DB, each
// method saying what it returns on every outcome:
//   Transacties (transacties.h)        transactions and per-message or per-command units
//   Jeugdigen (jeugdigen.h)            pseudonymised jeugdigen and their sealed identity
//   Auditlog (auditlog.h)              the hash-chained audit log
//   Berichtenverkeer (berichtenverkeer.h)  the import's messages and what they carry
//   Contractregisters (contractregisters.h)  aanbieders, products and tariffs, contracten,
//                                      budgetplafonds, wachttijdnormen, and their figures
//   Gebruikersregister (gebruikersregister.h)  users and API tokens
//   Kpiregister (kpiregister.h)        the council's KPIs
//   Casusregister (casusregister.h)    the toegang's gezinnen, werkvoorraad, plans, besluiten
// A caller takes the role it needs. One implementation, SqliteStore (embedded, private to
// this folder), implements them all; open_store(url) is the only place that names it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"
#include "store/auditlog.h"
#include "store/berichtenverkeer.h"
#include "store/casusregister.h"
#include "store/contractregisters.h"
#include "store/gebruikersregister.h"
#include "store/jeugdigen.h"
#include "store/keyring.h"
#include "store/kpiregister.h"
#include "store/transacties.h"

namespace jr::store {

struct StoreOptions {
  std::filesystem::path path;      // database file
  std::filesystem::path key_file;  // empty: "<path>.key"
  // Durable commits (synchronous=FULL). Off only for throwaway test stores.
  bool durable = true;
};

class Store : public Transacties,
              public Jeugdigen,
              public Auditlog,
              public Berichtenverkeer,
              public Contractregisters,
              public Gebruikersregister,
              public Kpiregister,
              public Casusregister {
 public:
  ~Store() override = default;

  // The schema version after migrations.
  virtual int schema_version() const = 0;
};

// Opens the store that `url` names, creating and migrating it when needed: a path or a
// `sqlite:PATH` URL (SQLite with WAL and foreign keys; `options.path` is ignored). Unavailable
// when the database cannot be opened; InvalidArgument when the key file is bad or the URL names
// a scheme this program cannot open (a `postgresql://` URL is refused with that message until
// the PostgreSQL store exists); FailedPrecondition when the database is newer than this program.
Result<std::unique_ptr<Store>> open_store(std::string_view url, const StoreOptions& options,
                                          const Clock& clock);

// The file of an SQLite store that `url` names (a path, or sqlite:PATH); nullopt for a URL of
// another scheme.
std::optional<std::filesystem::path> sqlite_pad(std::string_view url);

// Opens (creating and migrating when needed) an SQLite store with WAL and foreign keys.
// Unavailable when the file cannot be opened; InvalidArgument when the key file is bad;
// FailedPrecondition when the database is newer than this program.
Result<std::unique_ptr<Store>> open_sqlite_store(const StoreOptions& options, const Clock& clock);

}  // namespace jr::store
