// Store: the source of truth. An abstract interface in the manner of leveldb::DB, with
// SqliteStore (embedded, the default) behind it and room for a PostgresStore that callers
// cannot tell apart. Every method says what it returns on each outcome.
//
// Writes happen inside a transaction opened with begin(); a message or command is one
// unit: open a savepoint with unit_begin(), and either unit_commit() or unit_rollback().
// Person data is pseudonymised on the way in (see Keyring) and every read of it writes an
// audit event in the same transaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/date.h"
#include "domain/status.h"
#include "store/keyring.h"

namespace jr::store {

// What the gemeente knows of a child's identity. Sealed in the store; only the
// pseudonym and the geboortedatum (needed for ages in the statistics) are in clear.
struct JeugdigeIdentiteit {
  std::string bsn;
  Date geboortedatum;
  std::string geslacht = "0";  // COD046
  std::string achternaam;
  std::string voorvoegsel;
  std::string voornamen;
};

// Who reads or changes person data and why (Logboek Dataverwerkingen concepts).
struct AuditContext {
  std::string actor = "systeem";
  std::string verwerkingsactiviteit = "berichtenverkeer";
  std::string doel = "uitvoering Jeugdwet";
  std::string grondslag = "Jeugdwet art. 7.4.0";
};

struct AuditEvent {
  AuditContext context;
  std::string handeling;    // 'lezen', 'wijzigen', 'importeren', 'exporteren', 'inloggen'
  std::string object_type;  // 'jeugdige', 'bericht', ...
  std::string pseudoniem;   // of the jeugdige concerned, when any
  std::string detail;       // no person data
};

struct StoreOptions {
  std::filesystem::path path;      // database file
  std::filesystem::path key_file;  // empty: "<path>.key"
  // Durable commits (synchronous=FULL). Off only for throwaway test stores.
  bool durable = true;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- transactions ----
  // Starts a write transaction. FailedPrecondition if one is open; Unavailable if locked.
  virtual Status begin() = 0;
  // Commits it durably. Unavailable on I/O failure (the transaction is then rolled back).
  virtual Status commit() = 0;
  // Rolls back the open transaction; a no-op without one.
  virtual void rollback() = 0;
  // A unit (message, command) inside the open transaction: all of it or none of it.
  virtual Status unit_begin() = 0;
  virtual Status unit_commit() = 0;
  virtual void unit_rollback() = 0;

  // ---- jeugdigen ----
  // A jeugdige is identified by BSN and geboortedatum together (in real data the BSN alone
  // is unique, so the pair changes nothing; it lets synthetic data at national scale stay in
  // the 9999 test range). The id of that jeugdige, created (identity sealed) when new; the
  // sealed identity is refreshed when the name changed. InvalidArgument for a BSN failing
  // the elfproef.
  virtual Result<int64_t> jeugdige_id(const JeugdigeIdentiteit& identiteit) = 0;
  // The id of the jeugdige with this BSN and geboortedatum, without creating one.
  // NotFound when unknown.
  virtual Result<int64_t> zoek_jeugdige(std::string_view bsn, Date geboortedatum) = 0;
  // The pseudonym of a jeugdige (BSN + geboortedatum) under this store's key.
  virtual std::string pseudoniem(std::string_view bsn, Date geboortedatum) const = 0;
  // The pseudonym of a BSN alone, for look-ups by BSN.
  virtual std::string bsn_pseudoniem(std::string_view bsn) const = 0;
  // Reads the identity of jeugdige `id` and writes an audit event for `ctx`.
  // NotFound when there is no such jeugdige.
  virtual Result<JeugdigeIdentiteit> lees_jeugdige(int64_t id, const AuditContext& ctx) = 0;

  // ---- audit ----
  // Appends an event to the hash chain. Part of the open transaction when there is one.
  virtual Status audit(const AuditEvent& event) = 0;

  // The schema version after migrations.
  virtual int schema_version() const = 0;
};

// Opens (creating and migrating when needed) an SQLite store with WAL and foreign keys.
// Unavailable when the file cannot be opened; InvalidArgument when the key file is bad;
// FailedPrecondition when the database is newer than this program.
Result<std::unique_ptr<Store>> open_sqlite_store(const StoreOptions& options, const Clock& clock);

}  // namespace jr::store
