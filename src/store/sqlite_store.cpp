#include "store/sqlite_store.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "domain/bsn.h"
#include "store/migrations.h"

namespace jr::store {

namespace {
constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string sha256_hex(std::string_view s) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  std::string hex(sizeof out * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out, sizeof out);
  hex.pop_back();
  return hex;
}
}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<sqlite::Db> db, Keyring keyring, const Clock& clock)
    : db_(std::move(db)), keyring_(std::move(keyring)), clock_(clock) {}

Status SqliteStore::migrate() {
  JR_RETURN_IF_ERROR(db_->exec(
      "CREATE TABLE IF NOT EXISTS schema_migratie (versie INTEGER PRIMARY KEY, naam TEXT NOT NULL,"
      " toegepast_op TEXT NOT NULL)"));
  {
    auto& s = db_->prepare("SELECT COALESCE(MAX(versie), 0) FROM schema_migratie");
    version_ = s.step() ? static_cast<int>(s.int64(0)) : 0;
    s.reset();
  }
  const auto& all = sqlite_migrations();
  int newest = all.empty() ? 0 : all.back().version;
  if (version_ > newest)
    return FailedPrecondition("database heeft schemaversie " + std::to_string(version_) +
                              ", dit programma kent tot " + std::to_string(newest));
  for (const auto& m : all) {
    if (m.version <= version_) continue;
    JR_RETURN_IF_ERROR(db_->exec("BEGIN IMMEDIATE"));
    Status st = db_->exec(m.sql);
    if (st.ok()) {
      st = db_->prepare("INSERT INTO schema_migratie (versie, naam, toegepast_op) VALUES (?, ?, ?)")
               .bind(1, m.version)
               .bind(2, m.name)
               .bind(3, clock_.now_iso())
               .run();
    }
    if (!st.ok()) {
      (void)db_->exec("ROLLBACK");
      return Status(st.code(), "migratie " + m.name + " mislukt: " + st.message());
    }
    JR_RETURN_IF_ERROR(db_->exec("COMMIT"));
    version_ = m.version;
  }
  return Status::Ok();
}

Status SqliteStore::begin() {
  if (in_tx_) return FailedPrecondition("er loopt al een transactie");
  JR_RETURN_IF_ERROR(db_->exec("BEGIN IMMEDIATE"));
  in_tx_ = true;
  return Status::Ok();
}

Status SqliteStore::commit() {
  if (!in_tx_) return FailedPrecondition("geen open transactie");
  Status st = db_->exec("COMMIT");
  if (!st.ok()) {
    (void)db_->exec("ROLLBACK");
    last_audit_hash_.clear();
  }
  in_tx_ = false;
  in_unit_ = false;
  return st;
}

void SqliteStore::rollback() {
  if (!in_tx_) return;
  (void)db_->exec("ROLLBACK");
  in_tx_ = false;
  in_unit_ = false;
  last_audit_hash_.clear();
}

Status SqliteStore::unit_begin() {
  if (!in_tx_) return FailedPrecondition("unit_begin zonder transactie");
  if (in_unit_) return FailedPrecondition("er loopt al een eenheid");
  JR_RETURN_IF_ERROR(db_->exec("SAVEPOINT eenheid"));
  in_unit_ = true;
  return Status::Ok();
}

Status SqliteStore::unit_commit() {
  if (!in_unit_) return FailedPrecondition("geen open eenheid");
  in_unit_ = false;
  return db_->exec("RELEASE eenheid");
}

void SqliteStore::unit_rollback() {
  if (!in_unit_) return;
  (void)db_->exec("ROLLBACK TO eenheid");
  (void)db_->exec("RELEASE eenheid");
  in_unit_ = false;
  last_audit_hash_.clear();  // the chain head may have been rolled back
}

std::string SqliteStore::pseudoniem(std::string_view bsn, Date geboortedatum) const {
  std::string key(bsn);
  key += '|';
  key += geboortedatum.iso();
  return keyring_.pseudonym(key);
}

std::string SqliteStore::bsn_pseudoniem(std::string_view bsn) const {
  return keyring_.pseudonym(bsn);
}

Result<int64_t> SqliteStore::zoek_jeugdige(std::string_view bsn, Date geboortedatum) {
  auto& sel = db_->prepare("SELECT id FROM jeugdige WHERE pseudoniem = ?");
  sel.bind(1, pseudoniem(bsn, geboortedatum));
  if (sel.step()) {
    int64_t id = sel.int64(0);
    sel.reset();
    return id;
  }
  Status st = sel.status();
  sel.reset();
  if (!st.ok()) return st;
  return NotFound("jeugdige onbekend");
}

Result<int64_t> SqliteStore::jeugdige_id(const JeugdigeIdentiteit& id) {
  if (!bsn_elfproef(id.bsn)) return InvalidArgument("BSN voldoet niet aan de elfproef");
  std::string pseudo = pseudoniem(id.bsn, id.geboortedatum);
  auto& sel = db_->prepare("SELECT id, geslacht FROM jeugdige WHERE pseudoniem = ?");
  sel.bind(1, pseudo);
  if (sel.step()) {
    int64_t existing = sel.int64(0);
    bool same = sel.text(1) == id.geslacht;
    sel.reset();
    if (!same) {
      nlohmann::json j = {{"bsn", id.bsn},
                          {"achternaam", id.achternaam},
                          {"voorvoegsel", id.voorvoegsel},
                          {"voornamen", id.voornamen}};
      JR_RETURN_IF_ERROR(db_->prepare("UPDATE jeugdige SET identiteit = ?, geboortedatum = ?, "
                                      "geslacht = ? WHERE id = ?")
                             .bind_blob(1, keyring_.seal(j.dump()))
                             .bind(2, id.geboortedatum.iso())
                             .bind(3, id.geslacht)
                             .bind(4, existing)
                             .run());
    }
    return existing;
  }
  JR_RETURN_IF_ERROR(sel.status());
  sel.reset();
  nlohmann::json j = {{"bsn", id.bsn},
                      {"achternaam", id.achternaam},
                      {"voorvoegsel", id.voorvoegsel},
                      {"voornamen", id.voornamen}};
  JR_RETURN_IF_ERROR(db_->prepare("INSERT INTO jeugdige (pseudoniem, bsn_pseudoniem, identiteit, "
                                  "geboortedatum, geslacht) VALUES (?, ?, ?, ?, ?)")
                         .bind(1, pseudo)
                         .bind(2, bsn_pseudoniem(id.bsn))
                         .bind_blob(3, keyring_.seal(j.dump()))
                         .bind(4, id.geboortedatum.iso())
                         .bind(5, id.geslacht)
                         .run());
  return db_->last_insert_rowid();
}

Result<JeugdigeIdentiteit> SqliteStore::lees_jeugdige(int64_t id, const AuditContext& ctx) {
  auto& s = db_->prepare(
      "SELECT pseudoniem, identiteit, geboortedatum, geslacht FROM jeugdige WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) {
    Status st = s.status();
    s.reset();
    if (!st.ok()) return st;
    return NotFound("jeugdige " + std::to_string(id) + " bestaat niet");
  }
  std::string pseudo = s.text(0);
  const void* blob = sqlite3_column_blob(s.raw(), 1);
  std::string sealed(static_cast<const char*>(blob),
                     static_cast<size_t>(sqlite3_column_bytes(s.raw(), 1)));
  auto geboren = Date::parse(s.text(2));
  std::string geslacht = s.text(3);
  s.reset();
  auto plain = keyring_.open(sealed);
  if (!plain.ok()) return plain.status();
  auto j = nlohmann::json::parse(*plain, nullptr, false);
  if (j.is_discarded()) return Internal("identiteit van jeugdige is beschadigd");
  JeugdigeIdentiteit out;
  out.bsn = j.value("bsn", "");
  out.achternaam = j.value("achternaam", "");
  out.voorvoegsel = j.value("voorvoegsel", "");
  out.voornamen = j.value("voornamen", "");
  out.geboortedatum = geboren.value_or(Date());
  out.geslacht = geslacht;
  AuditEvent ev{ctx, "lezen", "jeugdige", pseudo, "identiteit gelezen"};
  JR_RETURN_IF_ERROR(audit(ev));
  return out;
}

Status SqliteStore::audit(const AuditEvent& e) {
  if (last_audit_hash_.empty()) {
    auto& s = db_->prepare("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1");
    last_audit_hash_ = s.step() ? s.text(0) : std::string(kGenesisHash);
    s.reset();
  }
  std::string tijd = clock_.now_iso();
  nlohmann::json body = {{"tijdstip", tijd},
                         {"actor", e.context.actor},
                         {"handeling", e.handeling},
                         {"verwerkingsactiviteit", e.context.verwerkingsactiviteit},
                         {"doel", e.context.doel},
                         {"grondslag", e.context.grondslag},
                         {"objectType", e.object_type},
                         {"pseudoniem", e.pseudoniem},
                         {"detail", e.detail},
                         {"vorigeHash", last_audit_hash_}};
  std::string hash = sha256_hex(body.dump());
  Status st = db_->prepare(
                     "INSERT INTO audit_event (tijdstip, actor, handeling, verwerkingsactiviteit, "
                     "doel, grondslag, object_type, pseudoniem, detail, vorige_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .bind(1, tijd)
                  .bind(2, e.context.actor)
                  .bind(3, e.handeling)
                  .bind(4, e.context.verwerkingsactiviteit)
                  .bind(5, e.context.doel)
                  .bind(6, e.context.grondslag)
                  .bind(7, e.object_type)
                  .bind(8, e.pseudoniem)
                  .bind(9, e.detail)
                  .bind(10, last_audit_hash_)
                  .bind(11, hash)
                  .run();
  if (st.ok()) last_audit_hash_ = hash;
  return st;
}

Result<std::unique_ptr<Store>> open_sqlite_store(const StoreOptions& o, const Clock& clock) {
  auto key_file = o.key_file.empty() ? std::filesystem::path(o.path.string() + ".key") : o.key_file;
  auto keys = Keyring::load_or_create(key_file);
  if (!keys.ok()) return keys.status();
  auto db = sqlite::Db::open(o.path.string());
  if (!db.ok()) return db.status();
  auto& d = **db;
  JR_RETURN_IF_ERROR(d.exec("PRAGMA journal_mode = WAL"));
  JR_RETURN_IF_ERROR(d.exec("PRAGMA foreign_keys = ON"));
  JR_RETURN_IF_ERROR(d.exec(o.durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = OFF"));
  auto store = std::make_unique<SqliteStore>(std::move(*db), std::move(*keys), clock);
  JR_RETURN_IF_ERROR(store->migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jr::store
