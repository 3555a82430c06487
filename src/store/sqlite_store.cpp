#include "store/sqlite_store.h"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/bsn.h"
#include "domain/tekst.h"
#include "store/keyring.h"
#include "store/migrations.h"
#include "store/verpakking.h"

namespace jr::store {

namespace {
constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace

std::string import_sleutel(std::initializer_list<std::string_view> velden) {
  std::string out;
  bool eerste = true;
  for (std::string_view v : velden) {
    if (!eerste) out += '\x1f';
    out += v;
    eerste = false;
  }
  return out;
}

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
  // Foreign keys are off while migrations run (a table rebuilt by SQLite's procedure would
  // otherwise cascade its DROP into the rows that refer to it), and checked before each
  // commit instead. The pragma has no effect inside a transaction, hence out here.
  bool fk_uit = false;
  for (const auto& m : all) {
    if (m.version <= version_) continue;
    if (!fk_uit) {
      JR_RETURN_IF_ERROR(db_->exec("PRAGMA foreign_keys = OFF"));
      fk_uit = true;
    }
    JR_RETURN_IF_ERROR(db_->exec("BEGIN IMMEDIATE"));
    Status st = db_->exec(m.sql);
    if (st.ok()) {
      auto& fk = db_->prepare("PRAGMA foreign_key_check");
      if (fk.step()) st = FailedPrecondition("verwijzing klopt niet in tabel " + fk.text(0));
      if (st.ok()) st = fk.status();
      fk.reset();
    }
    if (st.ok()) {
      st = db_->prepare("INSERT INTO schema_migratie (versie, naam, toegepast_op) VALUES (?, ?, ?)")
               .bind(1, m.version)
               .bind(2, m.name)
               .bind(3, clock_.now_iso())
               .run();
    }
    if (!st.ok()) {
      (void)db_->exec("ROLLBACK");
      (void)db_->exec("PRAGMA foreign_keys = ON");
      return Status(st.code(), "migratie " + m.name + " mislukt: " + st.message());
    }
    JR_RETURN_IF_ERROR(db_->exec("COMMIT"));
    version_ = m.version;
  }
  if (fk_uit) JR_RETURN_IF_ERROR(db_->exec("PRAGMA foreign_keys = ON"));
  return Status::Ok();
}

Status SqliteStore::begin() {
  if (in_tx_) return FailedPrecondition("er loopt al een transactie");
  JR_RETURN_IF_ERROR(db_->prepare("BEGIN IMMEDIATE").run());
  in_tx_ = true;
  return Status::Ok();
}

Status SqliteStore::commit() {
  if (!in_tx_) return FailedPrecondition("geen open transactie");
  Status st = schrijf_reeksen();
  reeksen_.clear();
  if (st.ok()) st = db_->prepare("COMMIT").run();
  if (!st.ok()) {
    (void)db_->exec("ROLLBACK");
  }
  in_tx_ = false;
  in_unit_ = false;
  return st;
}

void SqliteStore::rollback() {
  reeksen_.clear();
  if (!in_tx_) return;
  (void)db_->exec("ROLLBACK");
  in_tx_ = false;
  in_unit_ = false;
}

Status SqliteStore::unit_begin() {
  if (!in_tx_) return FailedPrecondition("unit_begin zonder transactie");
  if (in_unit_) return FailedPrecondition("er loopt al een eenheid");
  JR_RETURN_IF_ERROR(db_->prepare("SAVEPOINT eenheid").run());
  for (Reeks& r : reeksen_) r.bij_eenheid = r.laatste;
  in_unit_ = true;
  return Status::Ok();
}

Status SqliteStore::unit_commit() {
  if (!in_unit_) return FailedPrecondition("geen open eenheid");
  in_unit_ = false;
  return db_->prepare("RELEASE eenheid").run();
}

void SqliteStore::unit_rollback() {
  if (!in_unit_) return;
  (void)db_->exec("ROLLBACK TO eenheid");
  (void)db_->exec("RELEASE eenheid");
  for (Reeks& r : reeksen_) r.laatste = r.bij_eenheid;
  in_unit_ = false;
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

Result<std::string> SqliteStore::pseudoniem_van(int64_t id) {
  auto& p = db_->prepare("SELECT pseudoniem FROM jeugdige WHERE id = ?");
  p.bind(1, id);
  std::optional<std::string> uit;
  if (p.step()) uit = p.text(0);
  Status st = p.status();
  p.reset();
  JR_RETURN_IF_ERROR(st);
  if (!uit) return NotFound("er is geen jeugdige " + std::to_string(id));
  return *uit;
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

namespace {

// The hash of an event: SHA-256 of its fields and its predecessor's hash as one JSON object.
std::string audit_hash(const std::string& tijd, const AuditEvent& e, const std::string& vorige) {
  nlohmann::json body = {{"tijdstip", tijd},
                         {"actor", e.context.actor},
                         {"handeling", e.handeling},
                         {"verwerkingsactiviteit", e.context.verwerkingsactiviteit},
                         {"doel", e.context.doel},
                         {"grondslag", e.context.grondslag},
                         {"objectType", e.object_type},
                         {"pseudoniem", e.pseudoniem},
                         {"detail", e.detail},
                         {"vorigeHash", vorige}};
  return sha256_hex(body.dump());
}

constexpr std::string_view kAuditKolommen =
    "id, tijdstip, actor, handeling, verwerkingsactiviteit, doel, grondslag, "
    "COALESCE(object_type, ''), COALESCE(pseudoniem, ''), COALESCE(detail, ''), vorige_hash, hash";

AuditRegel audit_regel(const sqlite::Stmt& s) {
  AuditRegel r;
  r.id = s.int64(0);
  r.tijdstip = s.text(1);
  r.event.context.actor = s.text(2);
  r.event.handeling = s.text(3);
  r.event.context.verwerkingsactiviteit = s.text(4);
  r.event.context.doel = s.text(5);
  r.event.context.grondslag = s.text(6);
  r.event.object_type = s.text(7);
  r.event.pseudoniem = s.text(8);
  r.event.detail = s.text(9);
  return r;
}

}  // namespace

Status SqliteStore::audit(const AuditEvent& gebeurtenis) {
  // Fields may carry what a client sent (a refused path): stored, hashed and shown as UTF-8,
  // with any other byte replaced by U+FFFD.
  AuditEvent e = gebeurtenis;
  for (std::string* veld :
       {&e.context.actor, &e.context.verwerkingsactiviteit, &e.context.doel, &e.context.grondslag,
        &e.handeling, &e.object_type, &e.pseudoniem, &e.detail})
    if (!utf8_geldig(*veld)) *veld = utf8_vervangen(*veld);
  // Without an open transaction the event is its own: the head is read and the event appended
  // under one write lock, so a concurrent writer (an import next to the server) cannot fork it.
  const bool eigen = !in_tx_;
  if (eigen) JR_RETURN_IF_ERROR(db_->exec("BEGIN IMMEDIATE"));
  auto& kop = db_->prepare("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1");
  std::string vorige = kop.step() ? kop.text(0) : std::string(kGenesisHash);
  Status st = kop.status();
  kop.reset();
  std::string tijd = clock_.now_iso();
  if (st.ok()) {
    std::string hash = audit_hash(tijd, e, vorige);
    st = db_->prepare(
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
             .bind(10, vorige)
             .bind(11, hash)
             .run();
  }
  if (eigen) {
    if (st.ok()) st = db_->exec("COMMIT");
    if (!st.ok()) (void)db_->exec("ROLLBACK");
  }
  return st;
}

Result<AuditControle> SqliteStore::verifieer_audit() {
  AuditControle c;
  std::string vorige(kGenesisHash);
  auto& s = db_->prepare(std::string("SELECT ") + std::string(kAuditKolommen) +
                         " FROM audit_event ORDER BY id");
  while (s.step()) {
    AuditRegel r = audit_regel(s);
    std::string opgeslagen_vorige = s.text(10);
    std::string opgeslagen = s.text(11);
    ++c.gecontroleerd;
    if (opgeslagen_vorige != vorige) {
      c.eerste_fout = r.id;
      c.fout = "de schakel naar de vorige gebeurtenis klopt niet (verwijderd of ingevoegd)";
    } else if (audit_hash(r.tijdstip, r.event, vorige) != opgeslagen) {
      c.eerste_fout = r.id;
      c.fout = "de inhoud past niet bij de opgeslagen hash (gewijzigd)";
    }
    if (c.eerste_fout) break;
    vorige = opgeslagen;
  }
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  c.laatste_hash = vorige;
  return c;
}

Result<std::vector<AuditRegel>> SqliteStore::audit_van_bsn(std::string_view bsn) {
  std::vector<AuditRegel> uit;
  auto& s =
      db_->prepare(std::string("SELECT ") + std::string(kAuditKolommen) +
                   " FROM audit_event WHERE pseudoniem = ?1 OR pseudoniem IN (SELECT pseudoniem"
                   " FROM jeugdige WHERE bsn_pseudoniem = ?1) ORDER BY id");
  s.bind(1, bsn_pseudoniem(bsn));
  while (s.step()) uit.push_back(audit_regel(s));
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return uit;
}

// ---- iJw message flow ----

namespace {

// Steps a prepared statement to completion, calling `row` for each result row; resets it.
template <class F>
Status each_row(sqlite::Stmt& s, F&& row) {
  for (;;) {
    int rc = sqlite3_step(s.raw());
    if (rc == SQLITE_ROW) {
      row(s);
      continue;
    }
    Status st = rc == SQLITE_DONE
                    ? Status::Ok()
                    : sqlite::status_from_sqlite(rc, sqlite3_errmsg(sqlite3_db_handle(s.raw())));
    s.reset();
    return st;
  }
}

std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

Date date_col(const sqlite::Stmt& s, int col) { return Date::parse(s.text(col)).value_or(Date()); }

std::optional<Date> opt_date_col(const sqlite::Stmt& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return Date::parse(s.text(col));
}

Result<int64_t> insert_run(sqlite::Db& db, sqlite::Stmt& s) {
  Status st = s.run();
  if (!st.ok()) return st;
  return db.last_insert_rowid();
}

constexpr std::string_view kToewijzingCols =
    "t.id, t.gemeente, t.toewijzing_nummer, t.aanbieder, t.jeugdige_id, j.bsn_pseudoniem, "
    "t.referentie_aanbieder, t.categorie, t.productcode, t.toewijzingsdatum, t.toewijzingstijd, "
    "t.ingangsdatum, t.einddatum, t.reden_wijziging, t.volume, t.eenheid, t.frequentie, "
    "t.budget_cent, t.commentaar, t.bericht_id";

ToewijzingRecord toewijzing_from(const sqlite::Stmt& s) {
  ToewijzingRecord t;
  t.id = s.int64(0);
  t.gemeente = s.text(1);
  t.toewijzing_nummer = s.int64(2);
  t.aanbieder = s.text(3);
  t.jeugdige_id = s.int64(4);
  t.jeugdige_bsn_pseudoniem = s.text(5);
  t.referentie_aanbieder = s.opt_text(6);
  t.categorie = s.opt_text(7);
  t.productcode = s.opt_text(8);
  t.toewijzingsdatum = date_col(s, 9);
  t.toewijzingstijd = s.text(10);
  t.ingangsdatum = date_col(s, 11);
  t.einddatum = opt_date_col(s, 12);
  t.reden_wijziging = s.opt_text(13);
  t.volume = s.opt_int64(14);
  t.eenheid = s.opt_text(15);
  t.frequentie = s.opt_text(16);
  t.budget_cent = s.opt_int64(17);
  t.commentaar = s.opt_text(18);
  t.bericht_id = s.opt_int64(19);
  return t;
}

Result<std::vector<LeveringRecord>> leveringen(sqlite::Db& db, bool stop,
                                               std::string_view aanbieder, int64_t jeugdige_id,
                                               int64_t nummer) {
  auto& s = db.prepare(
      stop ? "SELECT id, bericht_id, aanbieder, gemeente, jeugdige_id, toewijzing_id, "
             "toewijzing_nummer, categorie, productcode, begindatum, actueel, einddatum, "
             "reden_beeindiging FROM levering_stop WHERE jeugdige_id = ? AND toewijzing_nummer = "
             "? AND aanbieder = ? ORDER BY id"
           : "SELECT id, bericht_id, aanbieder, gemeente, jeugdige_id, toewijzing_id, "
             "toewijzing_nummer, categorie, productcode, begindatum, actueel FROM levering_start "
             "WHERE jeugdige_id = ? AND toewijzing_nummer = ? AND aanbieder = ? ORDER BY id");
  s.bind(1, jeugdige_id).bind(2, nummer).bind(3, aanbieder);
  std::vector<LeveringRecord> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    LeveringRecord l;
    l.id = r.int64(0);
    l.bericht_id = r.int64(1);
    l.aanbieder = r.text(2);
    l.gemeente = r.text(3);
    l.jeugdige_id = r.int64(4);
    l.toewijzing_id = r.opt_int64(5);
    l.toewijzing_nummer = r.opt_int64(6);
    l.categorie = r.opt_text(7);
    l.productcode = r.opt_text(8);
    l.begindatum = date_col(r, 9);
    l.actueel = r.int64(10) != 0;
    if (stop) {
      l.einddatum = opt_date_col(r, 11);
      l.reden_beeindiging = r.opt_text(12);
    }
    out.push_back(std::move(l));
  }));
  return out;
}

}  // namespace

Result<std::optional<int64_t>> SqliteStore::zoek_bericht(std::string_view richting,
                                                         std::string_view sha) {
  auto& s = db_->prepare("SELECT id FROM bericht WHERE richting = ? AND inhoud_sha256 = ?");
  s.bind(1, richting).bind(2, sha);
  std::optional<int64_t> id;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { id = r.int64(0); }));
  return id;
}

Result<bool> SqliteStore::identificatie_bekend(std::string_view type, std::string_view afzender,
                                               std::string_view identificatie) {
  auto& s = db_->prepare(
      "SELECT 1 FROM bericht WHERE berichttype = ? AND afzender = ? AND identificatie = ? LIMIT 1");
  s.bind(1, type).bind(2, afzender).bind(3, identificatie);
  bool found = false;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt&) { found = true; }));
  return found;
}

Result<int64_t> SqliteStore::bewaar_bericht(const BerichtRecord& b) {
  auto& s = db_->prepare(
      "INSERT INTO bericht (richting, berichttype, afzender, ontvanger, identificatie, "
      "dagtekening, inhoud_sha256, xml, status, retourcodes, retour_xml, ontvangen_op, import_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, b.richting)
      .bind(2, b.berichttype)
      .bind(3, b.afzender)
      .bind(4, b.ontvanger)
      .bind(5, b.identificatie)
      .bind(6, b.dagtekening)
      .bind(7, b.inhoud_sha256)
      // Raw messages carry BSNs and names: sealed at rest. Empty: set by zet_bericht_uitkomst.
      .bind_blob(8, b.xml.empty() ? std::string() : verpak(keyring_, b.xml))
      .bind(9, b.status)
      .bind(10, b.retourcodes)
      .bind(12, clock_.now_iso())
      .bind(13, b.import_id);
  if (b.retour_xml.empty())
    s.bind_null(11);
  else
    s.bind_blob(11, verpak(keyring_, b.retour_xml));
  return insert_run(*db_, s);
}

Status SqliteStore::zet_bericht_uitkomst(int64_t id, std::string_view status,
                                         std::string_view retourcodes, std::string_view retour_xml,
                                         std::string_view xml, std::string_view xml_zstd) {
  auto& s = db_->prepare(
      xml.empty() ? "UPDATE bericht SET status = ?, retourcodes = ?, retour_xml = ? WHERE id = ?"
                  : "UPDATE bericht SET status = ?, retourcodes = ?, retour_xml = ?, xml = ? "
                    "WHERE id = ?");
  s.bind(1, status).bind(2, retourcodes).bind(4, id);
  if (!xml.empty())
    s.bind_blob(4, xml_zstd.empty() ? verpak(keyring_, xml) : keyring_.seal(xml_zstd)).bind(5, id);
  if (retour_xml.empty())
    s.bind_null(3);
  else
    s.bind_blob(3, verpak(keyring_, retour_xml));
  JR_RETURN_IF_ERROR(s.run());
  if (db_->changes() == 0) return NotFound("bericht " + std::to_string(id) + " bestaat niet");
  return Status::Ok();
}

Result<BerichtRecord> SqliteStore::lees_bericht(int64_t id) {
  auto& s = db_->prepare(
      "SELECT id, richting, berichttype, afzender, ontvanger, identificatie, dagtekening, "
      "inhoud_sha256, xml, status, retourcodes, retour_xml, import_id, ontvangst, "
      "ontvangst_bericht_id FROM bericht WHERE id = ?");
  s.bind(1, id);
  std::optional<BerichtRecord> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    BerichtRecord b;
    b.id = r.int64(0);
    b.richting = r.text(1);
    b.berichttype = r.text(2);
    b.afzender = r.opt_text(3).value_or("");
    b.ontvanger = r.opt_text(4).value_or("");
    b.identificatie = r.opt_text(5).value_or("");
    b.dagtekening = r.opt_text(6).value_or("");
    b.inhoud_sha256 = r.text(7);
    b.xml = r.opt_text(8).value_or("");
    b.retour_xml = r.opt_text(11).value_or("");
    b.status = r.text(9);
    b.retourcodes = r.text(10);
    b.import_id = r.opt_int64(12);
    b.ontvangst = r.opt_text(13);
    b.ontvangst_bericht_id = r.opt_int64(14);
    out = std::move(b);
  }));
  if (!out) return NotFound("bericht " + std::to_string(id) + " bestaat niet");
  for (std::string* sealed : {&out->xml, &out->retour_xml}) {
    if (sealed->empty()) continue;
    auto plain = pak_uit(keyring_, *sealed);
    if (!plain.ok()) return plain.status();
    *sealed = std::move(*plain);
  }
  return std::move(*out);
}

Result<std::optional<Store::OpgeslagenBericht>> SqliteStore::zoek_bericht_inhoud(
    std::string_view sha) {
  // Two seeks on bericht_inhoud (richting, inhoud_sha256); 'in' sorts before 'uit'.
  auto& s = db_->prepare(
      "SELECT id, berichttype FROM bericht WHERE richting IN ('in', 'uit') AND inhoud_sha256 = ? "
      "ORDER BY richting LIMIT 1");
  s.bind(1, sha);
  std::optional<OpgeslagenBericht> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    out = OpgeslagenBericht{r.int64(0), r.text(1)};
  }));
  return out;
}

Status SqliteStore::scan_import_sleutels(
    const std::function<void(ImportSleutel, std::string_view)>& fn) {
  // Each key is built in SQL exactly as import_sleutel builds it (char(31) between fields);
  // every query reads one covering index, not the tables with their sealed XML.
  static constexpr std::pair<ImportSleutel, const char*> kScans[] = {
      {ImportSleutel::inhoud, "SELECT inhoud_sha256 FROM bericht INDEXED BY bericht_inhoud"},
      {ImportSleutel::identificatie,
       "SELECT berichttype || char(31) || COALESCE(afzender, '') || char(31) || "
       "COALESCE(identificatie, '') FROM bericht INDEXED BY bericht_afzender_identificatie"},
      {ImportSleutel::prestatie,
       "SELECT aanbieder || char(31) || referentie_nummer FROM prestatie "
       "INDEXED BY prestatie_referentie WHERE toegekend = 1"},
      {ImportSleutel::debet,
       "SELECT aanbieder || char(31) || toewijzing_nummer || char(31) || begindatum || char(31) "
       "|| categorie || char(31) || productcode FROM prestatie INDEXED BY prestatie_sleutel "
       "WHERE toegekend = 1"},
      {ImportSleutel::start,
       "SELECT jeugdige_id || char(31) || COALESCE(toewijzing_nummer, '') FROM levering_start "
       "INDEXED BY levering_start_key"},
      {ImportSleutel::stop,
       "SELECT jeugdige_id || char(31) || COALESCE(toewijzing_nummer, '') FROM levering_stop "
       "INDEXED BY levering_stop_key"},
  };
  const bool eigen = !in_tx_;
  if (eigen) JR_RETURN_IF_ERROR(db_->exec("BEGIN"));
  Status st;
  for (const auto& [soort, sql] : kScans) {
    auto& s = db_->prepare(sql);
    while (s.step()) {
      auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s.raw(), 0));
      int n = sqlite3_column_bytes(s.raw(), 0);
      fn(soort, std::string_view(p ? p : "", static_cast<size_t>(n)));
    }
    st = s.status();
    s.reset();
    if (!st.ok()) break;
  }
  if (eigen) (void)db_->exec(st.ok() ? "COMMIT" : "ROLLBACK");
  return st;
}

Result<int64_t> SqliteStore::data_versie() {
  auto& s = db_->prepare("PRAGMA data_version");
  int64_t v = 0;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { v = r.int64(0); }));
  return v;
}

Result<int64_t> SqliteStore::volgend_nummer(std::string_view reeks) {
  if (in_tx_) {
    auto it = std::find_if(reeksen_.begin(), reeksen_.end(),
                           [&](const Reeks& r) { return r.naam == reeks; });
    if (it == reeksen_.end()) {
      auto& sel = db_->prepare("SELECT laatste FROM nummering WHERE reeks = ?");
      sel.bind(1, reeks);
      int64_t laatste = 0;
      JR_RETURN_IF_ERROR(each_row(sel, [&](const sqlite::Stmt& r) { laatste = r.int64(0); }));
      // Numbers taken in a unit that is still open are given back if it rolls back.
      reeksen_.push_back({std::string(reeks), laatste, laatste});
      it = std::prev(reeksen_.end());
    }
    return ++it->laatste;
  }
  auto& s = db_->prepare(
      "INSERT INTO nummering (reeks, laatste) VALUES (?, 1) "
      "ON CONFLICT (reeks) DO UPDATE SET laatste = laatste + 1 RETURNING laatste");
  s.bind(1, reeks);
  int64_t n = 0;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { n = r.int64(0); }));
  return n;
}

Status SqliteStore::schrijf_reeksen() {
  for (const Reeks& r : reeksen_)
    JR_RETURN_IF_ERROR(db_->prepare("INSERT INTO nummering (reeks, laatste) VALUES (?, ?) "
                                    "ON CONFLICT (reeks) DO UPDATE SET laatste = excluded.laatste")
                           .bind(1, r.naam)
                           .bind(2, r.laatste)
                           .run());
  return Status::Ok();
}

Result<std::optional<int64_t>> SqliteStore::zoek_verzonden(std::string_view berichttype,
                                                           std::string_view afzender,
                                                           std::string_view ontvanger,
                                                           std::string_view identificatie,
                                                           std::string_view dagtekening) {
  auto& s = db_->prepare(
      "SELECT id FROM bericht INDEXED BY bericht_afzender_identificatie WHERE berichttype = ? "
      "AND afzender = ? AND identificatie = ? AND richting = 'uit' AND ontvanger = ? AND "
      "dagtekening = ? AND status <> 'afgekeurd' ORDER BY id DESC LIMIT 1");
  s.bind(1, berichttype)
      .bind(2, afzender)
      .bind(3, identificatie)
      .bind(4, ontvanger)
      .bind(5, dagtekening);
  std::optional<int64_t> id;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { id = r.int64(0); }));
  return id;
}

Status SqliteStore::zet_ontvangst(int64_t id, std::string_view ontvangst,
                                  int64_t retour_bericht_id) {
  if (ontvangst != "ontvangen" && ontvangst != "afgekeurd")
    return InvalidArgument("ontvangst moet 'ontvangen' of 'afgekeurd' zijn");
  JR_RETURN_IF_ERROR(db_->prepare("UPDATE bericht SET ontvangst = ?, ontvangst_bericht_id = ? "
                                  "WHERE id = ? AND richting = 'uit'")
                         .bind(1, ontvangst)
                         .bind(2, retour_bericht_id)
                         .bind(3, id)
                         .run());
  if (db_->changes() == 0)
    return NotFound("verzonden bericht " + std::to_string(id) + " bestaat niet");
  // A message the casework put in the outbox is no longer offered to its aanbieder.
  return db_->prepare("UPDATE uitgaand SET status = ?, retour_op = ? WHERE bericht_id = ?")
      .bind(1, ontvangst)
      .bind(2, clock_.now_iso())
      .bind(3, id)
      .run();
}

Result<int64_t> SqliteStore::start_import_run(std::string_view bron) {
  auto& s = db_->prepare("INSERT INTO import_run (gestart_op, bron) VALUES (?, ?)");
  s.bind(1, clock_.now_iso()).bind(2, bron);
  return insert_run(*db_, s);
}

Status SqliteStore::sluit_import_run(int64_t id, const ImportTellers& t) {
  JR_RETURN_IF_ERROR(
      db_->prepare("UPDATE import_run SET klaar_op = ?, ontvangen = ?, geaccepteerd = ?, "
                   "afgekeurd = ?, overgeslagen = ? WHERE id = ?")
          .bind(1, clock_.now_iso())
          .bind(2, t.ontvangen)
          .bind(3, t.geaccepteerd)
          .bind(4, t.afgekeurd)
          .bind(5, t.overgeslagen)
          .bind(6, id)
          .run());
  if (db_->changes() == 0) return NotFound("importrun " + std::to_string(id) + " bestaat niet");
  return Status::Ok();
}

Result<std::optional<ToewijzingRecord>> SqliteStore::zoek_toewijzing(std::string_view gemeente,
                                                                     int64_t nummer) {
  static const std::string sql = std::string("SELECT ") + std::string(kToewijzingCols) +
                                 " FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id "
                                 "WHERE t.gemeente = ? AND t.toewijzing_nummer = ?";
  auto& s = db_->prepare(sql);
  s.bind(1, gemeente).bind(2, nummer);
  std::optional<ToewijzingRecord> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { out = toewijzing_from(r); }));
  return out;
}

Result<std::vector<ToewijzingRecord>> SqliteStore::toewijzingen_van(std::string_view gemeente,
                                                                    std::string_view aanbieder,
                                                                    int64_t jeugdige_id) {
  static const std::string sql =
      std::string("SELECT ") + std::string(kToewijzingCols) +
      " FROM toewijzing t JOIN jeugdige j ON j.id = t.jeugdige_id "
      "WHERE t.gemeente = ? AND t.aanbieder = ? AND t.jeugdige_id = ? ORDER BY t.toewijzing_nummer";
  auto& s = db_->prepare(sql);
  s.bind(1, gemeente).bind(2, aanbieder).bind(3, jeugdige_id);
  std::vector<ToewijzingRecord> out;
  JR_RETURN_IF_ERROR(
      each_row(s, [&](const sqlite::Stmt& r) { out.push_back(toewijzing_from(r)); }));
  return out;
}

Result<int64_t> SqliteStore::bewaar_toewijzing(const ToewijzingRecord& t) {
  auto& s = db_->prepare(
      "INSERT INTO toewijzing (gemeente, toewijzing_nummer, aanbieder, jeugdige_id, "
      "referentie_aanbieder, categorie, productcode, toewijzingsdatum, toewijzingstijd, "
      "ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget_cent, "
      "commentaar, bericht_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (gemeente, toewijzing_nummer) DO UPDATE SET aanbieder = excluded.aanbieder, "
      "jeugdige_id = excluded.jeugdige_id, referentie_aanbieder = excluded.referentie_aanbieder, "
      "categorie = excluded.categorie, productcode = excluded.productcode, "
      "toewijzingsdatum = excluded.toewijzingsdatum, toewijzingstijd = excluded.toewijzingstijd, "
      "ingangsdatum = excluded.ingangsdatum, einddatum = excluded.einddatum, "
      "reden_wijziging = excluded.reden_wijziging, volume = excluded.volume, "
      "eenheid = excluded.eenheid, frequentie = excluded.frequentie, "
      "budget_cent = excluded.budget_cent, commentaar = excluded.commentaar, "
      "bericht_id = COALESCE(excluded.bericht_id, bericht_id) RETURNING id");
  s.bind(1, t.gemeente)
      .bind(2, t.toewijzing_nummer)
      .bind(3, t.aanbieder)
      .bind(4, t.jeugdige_id)
      .bind(5, t.referentie_aanbieder)
      .bind(6, t.categorie)
      .bind(7, t.productcode)
      .bind(8, t.toewijzingsdatum.iso())
      .bind(9, t.toewijzingstijd)
      .bind(10, t.ingangsdatum.iso())
      .bind(11, opt_iso(t.einddatum))
      .bind(12, t.reden_wijziging)
      .bind(13, t.volume)
      .bind(14, t.eenheid)
      .bind(15, t.frequentie)
      .bind(16, t.budget_cent)
      .bind(17, t.commentaar)
      .bind(18, t.bericht_id);
  int64_t id = 0;
  Status st = each_row(s, [&](const sqlite::Stmt& r) { id = r.int64(0); });
  if (!st.ok()) {
    if (st.code() == StatusCode::kAlreadyExists)
      return InvalidArgument("toewijzing verwijst naar een onbekende jeugdige");
    return st;
  }
  return id;
}

Result<int64_t> SqliteStore::open_prestaties(int64_t toewijzing_id) {
  auto& s = db_->prepare(
      "SELECT COUNT(*) FROM prestatie p WHERE p.toewijzing_id = ? AND p.toegekend = 1 AND "
      "p.debet_credit = 'D' AND NOT EXISTS (SELECT 1 FROM prestatie c WHERE c.aanbieder = "
      "p.aanbieder AND c.vorig_referentie_nummer = p.referentie_nummer AND c.toegekend = 1 AND "
      "c.debet_credit = 'C')");
  s.bind(1, toewijzing_id);
  int64_t n = 0;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { n = r.int64(0); }));
  return n;
}

Result<std::vector<LeveringRecord>> SqliteStore::starts(std::string_view aanbieder,
                                                        int64_t jeugdige_id, int64_t nummer) {
  return leveringen(*db_, false, aanbieder, jeugdige_id, nummer);
}

Result<std::vector<LeveringRecord>> SqliteStore::stops(std::string_view aanbieder,
                                                       int64_t jeugdige_id, int64_t nummer) {
  return leveringen(*db_, true, aanbieder, jeugdige_id, nummer);
}

Result<int64_t> SqliteStore::bewaar_levering(const LeveringRecord& l) {
  if (l.einddatum) {
    auto& s = db_->prepare(
        "INSERT INTO levering_stop (bericht_id, aanbieder, gemeente, jeugdige_id, toewijzing_id, "
        "toewijzing_nummer, categorie, productcode, begindatum, einddatum, reden_beeindiging, "
        "actueel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, l.bericht_id)
        .bind(2, l.aanbieder)
        .bind(3, l.gemeente)
        .bind(4, l.jeugdige_id)
        .bind(5, l.toewijzing_id)
        .bind(6, l.toewijzing_nummer)
        .bind(7, l.categorie)
        .bind(8, l.productcode)
        .bind(9, l.begindatum.iso())
        .bind(10, l.einddatum->iso())
        .bind(11, l.reden_beeindiging.value_or(""))
        .bind(12, l.actueel ? 1 : 0);
    return insert_run(*db_, s);
  }
  auto& s = db_->prepare(
      "INSERT INTO levering_start (bericht_id, aanbieder, gemeente, jeugdige_id, toewijzing_id, "
      "toewijzing_nummer, categorie, productcode, begindatum, actueel) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, l.bericht_id)
      .bind(2, l.aanbieder)
      .bind(3, l.gemeente)
      .bind(4, l.jeugdige_id)
      .bind(5, l.toewijzing_id)
      .bind(6, l.toewijzing_nummer)
      .bind(7, l.categorie)
      .bind(8, l.productcode)
      .bind(9, l.begindatum.iso())
      .bind(10, l.actueel ? 1 : 0);
  return insert_run(*db_, s);
}

Status SqliteStore::trek_levering_in(int64_t id, bool stop, int64_t door_bericht) {
  JR_RETURN_IF_ERROR(
      db_->prepare(stop
                       ? "UPDATE levering_stop SET actueel = 0, ingetrokken_door = ? WHERE id = ?"
                       : "UPDATE levering_start SET actueel = 0, ingetrokken_door = ? WHERE id = ?")
          .bind(1, door_bericht)
          .bind(2, id)
          .run());
  if (db_->changes() == 0) return NotFound("levering " + std::to_string(id) + " bestaat niet");
  return Status::Ok();
}

Result<bool> SqliteStore::verzoek_referentie_bekend(std::string_view aanbieder,
                                                    std::string_view ref) {
  auto& s = db_->prepare(
      "SELECT 1 FROM verzoek WHERE aanbieder = ? AND referentie_aanbieder = ? LIMIT 1");
  s.bind(1, aanbieder).bind(2, ref);
  bool found = false;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt&) { found = true; }));
  return found;
}

Result<bool> SqliteStore::verzoek_onderhanden(std::string_view aanbieder, int64_t jeugdige_id) {
  auto& s = db_->prepare(
      "SELECT 1 FROM verzoek WHERE aanbieder = ? AND jeugdige_id = ? AND status = 'ontvangen' "
      "LIMIT 1");
  s.bind(1, aanbieder).bind(2, jeugdige_id);
  bool found = false;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt&) { found = true; }));
  return found;
}

Result<int64_t> SqliteStore::bewaar_verzoek(const VerzoekRecord& v) {
  const bool wijziging = v.soort == "wijziging";
  if (!wijziging && v.soort != "aanvraag")
    return InvalidArgument("soort verzoek moet 'aanvraag' of 'wijziging' zijn");
  if (!wijziging && (!v.toewijzing_ingangsdatum || !v.verwijzer_type || !v.producten.empty()))
    return InvalidArgument(
        "een verzoek om toewijzing heeft een ToewijzingIngangsdatum en een "
        "verwijzer en geen producten van een wijziging");
  if (wijziging && (!v.reden_verzoek || v.producten.empty() || v.categorie ||
                    v.toewijzing_ingangsdatum || v.verwijzer_type))
    return InvalidArgument(
        "een verzoek om wijziging heeft een RedenVerzoek en producten, en "
        "geen product, datums of verwijzer van zichzelf");
  for (const VerzoekProductRecord& p : v.producten) {
    const bool nieuw = p.soort == "nieuw";
    if ((!nieuw && p.soort != "ongewijzigd" && p.soort != "te_wijzigen") ||
        nieuw == p.toewijzing_id.has_value() ||
        (p.soort != "ongewijzigd" && !p.gewenste_ingangsdatum))
      return InvalidArgument("product van een verzoek om wijziging past niet bij zijn soort");
  }
  auto& s = db_->prepare(
      "INSERT INTO verzoek (bericht_id, soort, aanbieder, gemeente, jeugdige_id, "
      "referentie_aanbieder, dagtekening, reden_verzoek, categorie, productcode, "
      "beschikking_nummer, beschikking_ingangsdatum, toewijzing_ingangsdatum, "
      "toewijzing_einddatum, volume, eenheid, frequentie, budget_cent, verwijzer_type, "
      "verwijzer_naam, verwijzer_zorgverlener) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, v.bericht_id)
      .bind(2, v.soort)
      .bind(3, v.aanbieder)
      .bind(4, v.gemeente)
      .bind(5, v.jeugdige_id)
      .bind(6, v.referentie_aanbieder)
      .bind(7, v.dagtekening.iso())
      .bind(8, v.reden_verzoek)
      .bind(9, v.categorie)
      .bind(10, v.productcode)
      .bind(11, v.beschikking_nummer)
      .bind(12, opt_iso(v.beschikking_ingangsdatum))
      .bind(13, opt_iso(v.toewijzing_ingangsdatum))
      .bind(14, opt_iso(v.toewijzing_einddatum))
      .bind(15, v.volume)
      .bind(16, v.eenheid)
      .bind(17, v.frequentie)
      .bind(18, v.budget_cent)
      .bind(19, v.verwijzer_type)
      .bind(20, v.verwijzer_naam)
      .bind(21, v.verwijzer_zorgverlener);
  auto id = insert_run(*db_, s);
  if (!id.ok()) return id;
  for (size_t i = 0; i < v.producten.size(); ++i) {
    const VerzoekProductRecord& p = v.producten[i];
    auto& q = db_->prepare(
        "INSERT INTO verzoek_product (verzoek_id, volgnummer, soort, toewijzing_id, "
        "toewijzing_nummer, categorie, productcode, gewenste_ingangsdatum, einddatum, volume, "
        "eenheid, frequentie, budget_cent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, *id)
        .bind(2, static_cast<int64_t>(i + 1))
        .bind(3, p.soort)
        .bind(4, p.toewijzing_id)
        .bind(5, p.toewijzing_nummer)
        .bind(6, p.categorie)
        .bind(7, p.productcode)
        .bind(8, opt_iso(p.gewenste_ingangsdatum))
        .bind(9, opt_iso(p.einddatum))
        .bind(10, p.volume)
        .bind(11, p.eenheid)
        .bind(12, p.frequentie)
        .bind(13, p.budget_cent);
    auto pid = insert_run(*db_, q);
    if (!pid.ok()) return pid.status();
  }
  return id;
}

Result<std::optional<int64_t>> SqliteStore::verzoek_toegewezen(std::string_view aanbieder,
                                                               std::string_view ref) {
  auto& s = db_->prepare(
      "UPDATE verzoek SET status = 'toegewezen' WHERE aanbieder = ? AND referentie_aanbieder = ? "
      "RETURNING id");
  s.bind(1, aanbieder).bind(2, ref);
  std::optional<int64_t> id;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { id = r.int64(0); }));
  return id;
}

Result<bool> SqliteStore::declaratie_nummer_bekend(std::string_view aanbieder,
                                                   std::string_view nummer) {
  auto& s = db_->prepare(
      "SELECT 1 FROM declaratie WHERE aanbieder = ? AND declaratie_nummer = ? LIMIT 1");
  s.bind(1, aanbieder).bind(2, nummer);
  bool found = false;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt&) { found = true; }));
  return found;
}

Result<std::optional<Date>> SqliteStore::laatste_declaratieperiode(std::string_view aanbieder,
                                                                   std::string_view gemeente) {
  auto& s = db_->prepare(
      "SELECT MAX(periode_begin) FROM declaratie WHERE aanbieder = ? AND gemeente = ?");
  s.bind(1, aanbieder).bind(2, gemeente);
  std::optional<Date> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { out = opt_date_col(r, 0); }));
  return out;
}

Result<std::optional<PrestatieRecord>> SqliteStore::zoek_prestatie(std::string_view aanbieder,
                                                                   std::string_view referentie) {
  auto& s = db_->prepare(
      "SELECT id, declaratie_id, aanbieder, jeugdige_id, toewijzing_id, toewijzing_nummer, "
      "referentie_nummer, vorig_referentie_nummer, categorie, productcode, begindatum, einddatum, "
      "volume, eenheid, tarief_cent, bedrag_cent, debet_credit, toegekend, retourcodes "
      "FROM prestatie WHERE aanbieder = ? AND referentie_nummer = ? AND toegekend = 1");
  s.bind(1, aanbieder).bind(2, referentie);
  std::optional<PrestatieRecord> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    PrestatieRecord p;
    p.id = r.int64(0);
    p.declaratie_id = r.int64(1);
    p.aanbieder = r.text(2);
    p.jeugdige_id = r.int64(3);
    p.toewijzing_id = r.opt_int64(4);
    p.toewijzing_nummer = r.int64(5);
    p.referentie_nummer = r.text(6);
    p.vorig_referentie_nummer = r.opt_text(7);
    p.categorie = r.text(8);
    p.productcode = r.text(9);
    p.begindatum = date_col(r, 10);
    p.einddatum = date_col(r, 11);
    p.volume = r.int64(12);
    p.eenheid = r.text(13);
    p.tarief_cent = r.opt_int64(14);
    p.bedrag_cent = r.int64(15);
    p.debet_credit = r.text(16);
    p.toegekend = r.int64(17) != 0;
    p.retourcodes = r.text(18);
    out = std::move(p);
  }));
  return out;
}

Result<bool> SqliteStore::gecrediteerd(std::string_view aanbieder, std::string_view referentie) {
  auto& s = db_->prepare(
      "SELECT 1 FROM prestatie WHERE aanbieder = ? AND vorig_referentie_nummer = ? AND "
      "toegekend = 1 AND debet_credit = 'C' LIMIT 1");
  s.bind(1, aanbieder).bind(2, referentie);
  bool found = false;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt&) { found = true; }));
  return found;
}

Result<std::vector<std::string>> SqliteStore::debet_prestaties(std::string_view aanbieder,
                                                               int64_t nummer,
                                                               std::string_view categorie,
                                                               std::string_view productcode,
                                                               Date begindatum) {
  auto& s = db_->prepare(
      "SELECT referentie_nummer FROM prestatie WHERE aanbieder = ? AND toewijzing_nummer = ? AND "
      "begindatum = ? AND categorie = ? AND productcode = ? AND toegekend = 1 AND "
      "debet_credit = 'D' ORDER BY id");
  s.bind(1, aanbieder)
      .bind(2, nummer)
      .bind(3, begindatum.iso())
      .bind(4, categorie)
      .bind(5, productcode);
  std::vector<std::string> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) { out.push_back(r.text(0)); }));
  return out;
}

Result<Store::Som> SqliteStore::som_prestaties(int64_t toewijzing_id) {
  auto& s = db_->prepare(
      "SELECT COALESCE(SUM(CASE WHEN debet_credit = 'C' THEN -volume ELSE volume END), 0), "
      "COALESCE(SUM(bedrag_cent), 0) FROM prestatie WHERE toewijzing_id = ? AND toegekend = 1");
  s.bind(1, toewijzing_id);
  Som som;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    som.volume = r.int64(0);
    som.bedrag_cent = r.int64(1);
  }));
  return som;
}

Result<int64_t> SqliteStore::bewaar_declaratie(const DeclaratieRecord& d) {
  auto& s = db_->prepare(
      "INSERT INTO declaratie (bericht_id, aanbieder, gemeente, declaratie_nummer, periode_begin, "
      "periode_eind, dagtekening, totaal_cent, toegekend_cent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, d.bericht_id)
      .bind(2, d.aanbieder)
      .bind(3, d.gemeente)
      .bind(4, d.declaratie_nummer)
      .bind(5, d.periode_begin.iso())
      .bind(6, d.periode_eind.iso())
      .bind(7, d.dagtekening.iso())
      .bind(8, d.totaal_cent)
      .bind(9, d.toegekend_cent);
  return insert_run(*db_, s);
}

Status SqliteStore::zet_declaratie_toegekend(int64_t id, int64_t toegekend_cent) {
  JR_RETURN_IF_ERROR(db_->prepare("UPDATE declaratie SET toegekend_cent = ? WHERE id = ?")
                         .bind(1, toegekend_cent)
                         .bind(2, id)
                         .run());
  if (db_->changes() == 0) return NotFound("declaratie " + std::to_string(id) + " bestaat niet");
  return Status::Ok();
}

Result<int64_t> SqliteStore::bewaar_prestatie(const PrestatieRecord& p) {
  auto& s = db_->prepare(
      "INSERT INTO prestatie (declaratie_id, aanbieder, jeugdige_id, toewijzing_id, "
      "toewijzing_nummer, referentie_nummer, vorig_referentie_nummer, categorie, productcode, "
      "begindatum, einddatum, volume, eenheid, tarief_cent, bedrag_cent, debet_credit, toegekend, "
      "retourcodes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, p.declaratie_id)
      .bind(2, p.aanbieder)
      .bind(3, p.jeugdige_id)
      .bind(4, p.toewijzing_id)
      .bind(5, p.toewijzing_nummer)
      .bind(6, p.referentie_nummer)
      .bind(7, p.vorig_referentie_nummer)
      .bind(8, p.categorie)
      .bind(9, p.productcode)
      .bind(10, p.begindatum.iso())
      .bind(11, p.einddatum.iso())
      .bind(12, p.volume)
      .bind(13, p.eenheid)
      .bind(14, p.tarief_cent)
      .bind(15, p.bedrag_cent)
      .bind(16, p.debet_credit)
      .bind(17, p.toegekend ? 1 : 0)
      .bind(18, p.retourcodes);
  return insert_run(*db_, s);
}

Result<std::optional<CatalogusProduct>> SqliteStore::zoek_product(std::string_view categorie,
                                                                  std::string_view code,
                                                                  Date datum) {
  auto& s = db_->prepare(
      "SELECT categorie, code, eenheid, tarief_cent, hulpvorm FROM product WHERE categorie = ? "
      "AND code = ? AND geldig_van <= ? AND (geldig_tot IS NULL OR geldig_tot >= ?) "
      "ORDER BY geldig_van DESC LIMIT 1");
  std::string d = datum.iso();
  s.bind(1, categorie).bind(2, code).bind(3, d).bind(4, d);
  std::optional<CatalogusProduct> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    out = CatalogusProduct{r.text(0), r.text(1), r.text(2), r.int64(3), r.opt_text(4)};
  }));
  return out;
}

Result<std::optional<bool>> SqliteStore::productcode_in_catalogus(std::string_view categorie,
                                                                  std::string_view code) {
  auto& s = db_->prepare(
      "SELECT EXISTS (SELECT 1 FROM product WHERE categorie = ?1), "
      "EXISTS (SELECT 1 FROM product WHERE categorie = ?1 AND code = ?2)");
  s.bind(1, categorie).bind(2, code);
  std::optional<bool> out;
  JR_RETURN_IF_ERROR(each_row(s, [&](const sqlite::Stmt& r) {
    if (r.int64(0) != 0) out = r.int64(1) != 0;
  }));
  return out;
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
  // A batch of imported messages (raw XML and retour of each) fits in the page cache, so the
  // transaction does not spill to the WAL before its commit.
  JR_RETURN_IF_ERROR(d.exec("PRAGMA cache_size = -65536"));
  // Pages read through a memory map instead of a copy per read (up to 1 GiB of the file), and
  // a checkpoint every 10,000 pages instead of 1,000, so that index pages changed by
  // successive batches are copied back once: together 15 % less CPU and wall time for an
  // import (bench/import.sh, 2026-11-22).
  JR_RETURN_IF_ERROR(d.exec("PRAGMA mmap_size = 1073741824"));
  JR_RETURN_IF_ERROR(d.exec("PRAGMA wal_autocheckpoint = 10000"));
  auto store = std::make_unique<SqliteStore>(std::move(*db), std::move(*keys), clock);
  JR_RETURN_IF_ERROR(store->migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jr::store

namespace jr::store {

namespace {

// The scheme of `url` ("sqlite", "postgresql"); empty for a plain path. A scheme comes before
// any '/' and holds only letters, digits, '+', '-' and '.'.
std::string_view schema_van(std::string_view url) {
  const auto dubbelepunt = url.find(':');
  if (dubbelepunt == std::string_view::npos || dubbelepunt == 0) return {};
  const std::string_view schema = url.substr(0, dubbelepunt);
  const bool ok = std::all_of(schema.begin(), schema.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '-' || c == '.';
  });
  return ok ? schema : std::string_view();
}

}  // namespace

std::optional<std::filesystem::path> sqlite_pad(std::string_view url) {
  const std::string_view schema = schema_van(url);
  if (schema.empty()) return std::filesystem::path(std::string(url));
  if (schema != "sqlite") return std::nullopt;
  std::string_view pad = url.substr(schema.size() + 1);
  if (pad.rfind("//", 0) == 0) pad.remove_prefix(2);  // sqlite://PATH as well as sqlite:PATH
  return std::filesystem::path(std::string(pad));
}

Result<std::unique_ptr<Store>> open_store(std::string_view url, const StoreOptions& options,
                                          const Clock& clock) {
  if (url.empty()) return InvalidArgument("geen database opgegeven");
  const std::string_view schema = schema_van(url);
  if (schema == "postgresql" || schema == "postgres")
    return InvalidArgument(
        "een PostgreSQL-database (" + std::string(schema) +
        "://...) kan deze versie van jeugdregie nog niet openen; gebruik een SQLite-bestand");
  auto pad = sqlite_pad(url);
  if (!pad)
    return InvalidArgument("onbekend soort database '" + std::string(schema) +
                           "': gebruik een pad of sqlite:PAD");
  if (pad->empty()) return InvalidArgument("sqlite: zonder pad naar de database");
  StoreOptions o = options;
  o.path = *pad;
  return open_sqlite_store(o, clock);
}

}  // namespace jr::store
