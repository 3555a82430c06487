// SqliteStore: the embedded Store. Private to src/store; callers use Store.
#pragma once

#include <memory>

#include "store/sqlite.h"
#include "store/store.h"

namespace jr::store {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<sqlite::Db> db, Keyring keyring, const Clock& clock);

  // Applies pending migrations, each in its own transaction.
  Status migrate();

  Status begin() override;
  Status commit() override;
  void rollback() override;
  Status unit_begin() override;
  Status unit_commit() override;
  void unit_rollback() override;

  Result<int64_t> jeugdige_id(const JeugdigeIdentiteit& identiteit) override;
  Result<int64_t> zoek_jeugdige(std::string_view bsn, Date geboortedatum) override;
  std::string pseudoniem(std::string_view bsn, Date geboortedatum) const override;
  std::string bsn_pseudoniem(std::string_view bsn) const override;
  Result<JeugdigeIdentiteit> lees_jeugdige(int64_t id, const AuditContext& ctx) override;
  Status audit(const AuditEvent& event) override;
  int schema_version() const override { return version_; }

  sqlite::Db& db() { return *db_; }

 private:
  std::unique_ptr<sqlite::Db> db_;
  Keyring keyring_;
  const Clock& clock_;
  int version_ = 0;
  bool in_tx_ = false;
  bool in_unit_ = false;
  std::string last_audit_hash_;
};

}  // namespace jr::store
