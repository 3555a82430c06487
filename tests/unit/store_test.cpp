#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/keyring.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/verpakking.h"
#include "test_helpers.h"

using namespace jr;
using jr::testing::TempDir;

namespace {
store::JeugdigeIdentiteit kind(std::string bsn) {
  store::JeugdigeIdentiteit id;
  id.bsn = std::move(bsn);
  id.geboortedatum = Date(2012, 3, 4);
  id.geslacht = "2";
  id.achternaam = "Jansen";
  id.voornamen = "Eva";
  return id;
}

// A received message of `type` from aanbieder 65656055 with Identificatie `id`, accepted.
store::BerichtRecord ontvangen(const char* type, const char* id) {
  store::BerichtRecord b;
  b.berichttype = type;
  b.afzender = "65656055";
  b.identificatie = id;
  b.inhoud_sha256 = std::string("sha-") + id;
  b.xml = "<x/>";
  b.status = "geaccepteerd";
  return b;
}
}  // namespace

TEST(Store, OpensMigratesAndReopens) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  {
    auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    // migrations/sqlite/0001..0011: a new migration raises this number on purpose.
    EXPECT_EQ((*s)->schema_version(), 11);
  }
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->schema_version(), 11);  // reopening migrates nothing again
  EXPECT_TRUE(std::filesystem::exists(dir / "a.db.key"));
}

// migrations/sqlite/0009 rebuilds the verzoek table (JW317 beside JW315): a database of
// schema 8 keeps its verzoeken, as soort 'aanvraag', and the toewijzing that answers one
// still refers to it.
TEST(Store, Migratie0009BewaartVerzoeken) {
  TempDir dir;
  const auto pad = dir / "oud.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(pad.c_str(), &db), SQLITE_OK);
    auto exec = [&](const std::string& sql) {
      char* fout = nullptr;
      EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &fout), SQLITE_OK)
          << (fout ? fout : "") << "\n"
          << sql.substr(0, 200);
      sqlite3_free(fout);
    };
    exec(
        "CREATE TABLE schema_migratie (versie INTEGER PRIMARY KEY, naam TEXT NOT NULL,"
        " toegepast_op TEXT NOT NULL)");
    for (const auto& m : store::sqlite_migrations()) {
      if (m.version > 8) break;
      exec(m.sql);
      exec("INSERT INTO schema_migratie VALUES (" + std::to_string(m.version) + ", '" + m.name +
           "', '2026-01-01')");
    }
    exec(
        "INSERT INTO jeugdige (id, pseudoniem, bsn_pseudoniem, identiteit, geboortedatum) "
        "VALUES (1, 'p', 'b', x'00', '2012-03-04')");
    exec(
        "INSERT INTO bericht (id, richting, berichttype, inhoud_sha256, xml, status, "
        "ontvangen_op) VALUES (1, 'in', 'JW315', 'h', x'00', 'geaccepteerd', '2026-01-01')");
    exec(
        "INSERT INTO verzoek (id, bericht_id, aanbieder, gemeente, jeugdige_id, "
        "referentie_aanbieder, dagtekening, categorie, productcode, toewijzing_ingangsdatum, "
        "verwijzer_type, status) VALUES (7, 1, '65656055', '0268', 1, 'REF1', '2026-01-01', "
        "'45', '45A03', '2026-02-01', '02', 'toegewezen')");
    exec(
        "INSERT INTO toewijzing (gemeente, toewijzing_nummer, aanbieder, jeugdige_id, "
        "referentie_aanbieder, verzoek_id, toewijzingsdatum, ingangsdatum) VALUES ('0268', "
        "1001, '65656055', 1, 'REF1', 7, '2026-01-10', '2026-02-01')");
    sqlite3_close(db);
  }
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({pad, {}, true}, clock);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ((*s)->schema_version(), 11);
  auto bekend = (*s)->verzoek_referentie_bekend("65656055", "REF1");
  ASSERT_TRUE(bekend.ok());
  EXPECT_TRUE(*bekend);
  s->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(pad.c_str(), &db), SQLITE_OK);
  auto een = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::string uit = "(geen rij)";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      uit = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return uit;
  };
  EXPECT_EQ(een("SELECT soort || '/' || status || '/' || verwijzer_type FROM verzoek WHERE id = 7"),
            "aanvraag/toegewezen/02");
  EXPECT_EQ(een("SELECT v.referentie_aanbieder FROM toewijzing t JOIN verzoek v ON v.id = "
                "t.verzoek_id"),
            "REF1");
  EXPECT_EQ(een("PRAGMA foreign_key_check"), "(geen rij)");
  sqlite3_close(db);
}

// Berichtenverkeer::bewaar_verzoek refuses a record that does not fit its soort.
TEST(Store, VerzoekSoortContract) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  ASSERT_TRUE(st.begin().ok());
  auto j = st.jeugdige_id(kind("999900006"));
  ASSERT_TRUE(j.ok());
  auto b = st.bewaar_bericht(ontvangen("JW317", "W1"));
  ASSERT_TRUE(b.ok());
  store::VerzoekRecord v;
  v.bericht_id = *b;
  v.soort = "wijziging";
  v.aanbieder = "65656055";
  v.gemeente = "0268";
  v.jeugdige_id = *j;
  v.referentie_aanbieder = "W-REF";
  v.dagtekening = Date(2026, 1, 1);
  v.reden_verzoek = "1";
  // A wijziging without products, and one with a product of the wrong shape.
  EXPECT_EQ(st.bewaar_verzoek(v).status().code(), StatusCode::kInvalidArgument);
  store::VerzoekProductRecord p;
  p.soort = "nieuw";
  p.toewijzing_id = 1;
  v.producten.push_back(p);
  EXPECT_EQ(st.bewaar_verzoek(v).status().code(), StatusCode::kInvalidArgument);
  v.producten[0].toewijzing_id.reset();
  v.producten[0].gewenste_ingangsdatum = Date(2026, 2, 1);
  auto id = st.bewaar_verzoek(v);
  EXPECT_TRUE(id.ok()) << id.status().to_string();
  // An aanvraag needs its dates and verwijzer.
  store::VerzoekRecord a = v;
  a.soort = "aanvraag";
  a.referentie_aanbieder = "REF2";
  a.reden_verzoek.reset();
  a.producten.clear();
  EXPECT_EQ(st.bewaar_verzoek(a).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(st.bewaar_verzoek(v).status().code(), StatusCode::kAlreadyExists);  // TR347
  ASSERT_TRUE(st.commit().ok());
}

// Berichtenverkeer::zet_ontvangst marks only a sent message, with one of two values.
TEST(Store, OntvangstContract) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  ASSERT_TRUE(st.begin().ok());
  const store::BerichtRecord in = ontvangen("JW320", "A1");
  auto b = st.bewaar_bericht(in);
  ASSERT_TRUE(b.ok());
  // The received message is not a sent one.
  EXPECT_EQ(st.zet_ontvangst(*b, "ontvangen", *b).code(), StatusCode::kNotFound);
  EXPECT_EQ(st.zet_ontvangst(*b + 100, "ontvangen", *b).code(), StatusCode::kNotFound);
  store::BerichtRecord uit = in;
  uit.richting = "uit";
  uit.berichttype = "JW319";
  uit.inhoud_sha256 = "c";
  uit.status = "verzonden";
  auto u = st.bewaar_bericht(uit);
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(st.zet_ontvangst(*u, "gelezen", *b).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(st.zet_ontvangst(*u, "afgekeurd", *b).ok());
  ASSERT_TRUE(st.commit().ok());
  auto gelezen = st.lees_bericht(*u);
  ASSERT_TRUE(gelezen.ok());
  EXPECT_EQ(gelezen->ontvangst, std::optional<std::string>("afgekeurd"));
  EXPECT_EQ(gelezen->ontvangst_bericht_id, std::optional<int64_t>(*b));
}

TEST(Store, JeugdigeIsPseudonymisedAndIdentityEncrypted) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  ASSERT_TRUE(st.begin().ok());
  auto id = st.jeugdige_id(kind("999900006"));
  ASSERT_TRUE(id.ok());
  auto again = st.jeugdige_id(kind("999900006"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*id, *again);
  ASSERT_TRUE(st.commit().ok());
  // The BSN and the name never appear in clear in the database file.
  auto bytes = jr::testing::read_all(dir / "a.db") + jr::testing::read_all(dir / "a.db-wal");
  EXPECT_EQ(bytes.find("999900006"), std::string::npos);
  EXPECT_EQ(bytes.find("Jansen"), std::string::npos);
  // Reading the identity gives it back and leaves an audit event.
  ASSERT_TRUE(st.begin().ok());
  auto ident = st.lees_jeugdige(*id, store::AuditContext{"test", "toets", "toets", "toets"});
  ASSERT_TRUE(ident.ok()) << ident.status().to_string();
  EXPECT_EQ(ident->bsn, "999900006");
  EXPECT_EQ(ident->achternaam, "Jansen");
  ASSERT_TRUE(st.commit().ok());
  auto& db = static_cast<store::SqliteStore&>(st).db();
  auto& q =
      db.prepare("SELECT count(*), max(pseudoniem) FROM audit_event WHERE handeling = 'lezen'");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.int64(0), 1);
  EXPECT_EQ(q.text(1), st.pseudoniem("999900006", Date(2012, 3, 4)));
  q.reset();
}

TEST(Store, SameBsnWithAnotherBirthDateIsAnotherJeugdige) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->begin().ok());
  auto a = (*s)->jeugdige_id(kind("999900006"));
  auto other = kind("999900006");
  other.geboortedatum = Date(2013, 5, 6);
  auto b = (*s)->jeugdige_id(other);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  auto found = (*s)->zoek_jeugdige("999900006", Date(2013, 5, 6));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, *b);
  EXPECT_EQ((*s)->zoek_jeugdige("999900018", Date(2013, 5, 6)).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ((*s)->pseudoniem("999900006", Date(2012, 3, 4)) ==
                (*s)->pseudoniem("999900006", Date(2013, 5, 6)),
            false);
  EXPECT_TRUE((*s)->commit().ok());
}

TEST(Store, RejectsBsnFailingElfproef) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->begin().ok());
  auto id = (*s)->jeugdige_id(kind("999900007"));
  EXPECT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), StatusCode::kInvalidArgument);
  (*s)->rollback();
}

TEST(Store, UnitRollbackLeavesNothing) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  ASSERT_TRUE(st.begin().ok());
  ASSERT_TRUE(st.unit_begin().ok());
  ASSERT_TRUE(st.jeugdige_id(kind("999900006")).ok());
  st.unit_rollback();
  ASSERT_TRUE(st.unit_begin().ok());
  ASSERT_TRUE(st.jeugdige_id(kind("999900018")).ok());
  ASSERT_TRUE(st.unit_commit().ok());
  ASSERT_TRUE(st.commit().ok());
  auto& q = static_cast<store::SqliteStore&>(st).db().prepare("SELECT count(*) FROM jeugdige");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.int64(0), 1);
  q.reset();
}

// Number series are counted in memory inside a transaction: they must behave exactly as the
// table would, across units, rollbacks, commits and reopening.
TEST(Store, NummeringBinnenTransactieAlsInDeTabel) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  {
    auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
    ASSERT_TRUE(s.ok());
    auto& st = **s;
    EXPECT_EQ(*st.volgend_nummer("retour"), 1);  // outside a transaction: straight to the table
    ASSERT_TRUE(st.begin().ok());
    ASSERT_TRUE(st.unit_begin().ok());
    EXPECT_EQ(*st.volgend_nummer("retour"), 2);
    EXPECT_EQ(*st.volgend_nummer("jw325"), 1);
    ASSERT_TRUE(st.unit_commit().ok());
    ASSERT_TRUE(st.unit_begin().ok());
    EXPECT_EQ(*st.volgend_nummer("retour"), 3);
    EXPECT_EQ(*st.volgend_nummer("jw301"), 1);
    st.unit_rollback();  // gives 3 and jw301's 1 back
    ASSERT_TRUE(st.unit_begin().ok());
    EXPECT_EQ(*st.volgend_nummer("retour"), 3);
    EXPECT_EQ(*st.volgend_nummer("jw301"), 1);
    ASSERT_TRUE(st.unit_commit().ok());
    ASSERT_TRUE(st.commit().ok());
    ASSERT_TRUE(st.begin().ok());
    EXPECT_EQ(*st.volgend_nummer("retour"), 4);
    st.rollback();  // the whole transaction: 4 is not kept
    ASSERT_TRUE(st.begin().ok());
    EXPECT_EQ(*st.volgend_nummer("retour"), 4);
    ASSERT_TRUE(st.commit().ok());
  }
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& q = static_cast<store::SqliteStore&>(**s).db().prepare(
      "SELECT group_concat(reeks || '=' || laatste, ',') FROM "
      "(SELECT reeks, laatste FROM nummering ORDER BY reeks)");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.text(0), "jw301=1,jw325=1,retour=4");
  q.reset();
  EXPECT_EQ(*(*s)->volgend_nummer("retour"), 5);
}

// The content hash that makes a re-import a no-op: SHA-256 as FIPS 180-2 gives it.
TEST(Store, Sha256AlsDeStandaard) {
  EXPECT_EQ(store::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(store::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(store::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Store, AuditLogIsAppendOnly) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  ASSERT_TRUE(st.begin().ok());
  ASSERT_TRUE(st.audit({{}, "lezen", "jeugdige", "abc", "x"}).ok());
  ASSERT_TRUE(st.commit().ok());
  auto& db = static_cast<store::SqliteStore&>(st).db();
  EXPECT_FALSE(db.exec("UPDATE audit_event SET actor = 'x'").ok());
  EXPECT_FALSE(db.exec("DELETE FROM audit_event").ok());
}

TEST(Keyring, KeyFileIsCreatedOnceAndReused) {
  TempDir dir;
  auto k1 = store::Keyring::load_or_create(dir / "sleutel");
  ASSERT_TRUE(k1.ok());
  auto k2 = store::Keyring::load_or_create(dir / "sleutel");
  ASSERT_TRUE(k2.ok());
  EXPECT_EQ(k1->pseudonym("999900006"), k2->pseudonym("999900006"));
  auto sealed = k1->seal("geheim");
  auto opened = k2->open(sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "geheim");
  EXPECT_EQ(
      std::filesystem::status(dir / "sleutel").permissions() & std::filesystem::perms::group_read,
      std::filesystem::perms::none);
}

TEST(Keyring, DifferentKeysGiveDifferentPseudonymsAndCannotOpen) {
  auto a = store::Keyring::for_tests("a");
  auto b = store::Keyring::for_tests("b");
  EXPECT_NE(a.pseudonym("999900006"), b.pseudonym("999900006"));
  EXPECT_FALSE(b.open(a.seal("x")).ok());
  std::string tampered = a.seal("x");
  tampered.back() = static_cast<char>(tampered.back() ^ 1);
  EXPECT_FALSE(a.open(tampered).ok());
}

// Raw messages carry BSNs, names and addresses: the store seals them at rest and gives
// them back whole.
TEST(Store, RawMessagesAreSealedAtRest) {
  TempDir dir;
  FixedClock clock(Date(2026, 1, 1));
  auto s = store::open_sqlite_store({dir / "a.db", {}, true}, clock);
  ASSERT_TRUE(s.ok());
  auto& st = **s;
  store::BerichtRecord b;
  b.berichttype = "JW305";
  b.afzender = "12345678";
  b.ontvanger = "0268";
  b.identificatie = "X1";
  b.dagtekening = "2025-01-01";
  b.inhoud_sha256 = "ab";
  b.xml = "<Bericht><Bsn>999900043</Bsn><Achternaam>Vermeulen</Achternaam></Bericht>";
  b.status = "geaccepteerd";
  b.retour_xml = "<Retour><Bsn>999900043</Bsn></Retour>";
  ASSERT_TRUE(st.begin().ok());
  auto id = st.bewaar_bericht(b);
  ASSERT_TRUE(id.ok()) << id.status().to_string();
  ASSERT_TRUE(st.commit().ok());
  auto bytes = jr::testing::read_all(dir / "a.db") + jr::testing::read_all(dir / "a.db-wal");
  EXPECT_EQ(bytes.find("999900043"), std::string::npos);
  EXPECT_EQ(bytes.find("Vermeulen"), std::string::npos);
  auto back = st.lees_bericht(*id);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->xml, b.xml);
  EXPECT_EQ(back->retour_xml, b.retour_xml);
}

// Messages at rest: compressed, then sealed. What is stored is much smaller than the XML and
// does not show it; rows sealed before compression existed still open; tampering is refused.
TEST(Store, BerichtenGecomprimeerdEnVerzegeld) {
  auto k = store::Keyring::for_tests("verpakking");
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Bericht>";
  for (int i = 0; i < 200; ++i)
    xml += "<Prestatie><ReferentieNummer>R" + std::to_string(i) +
           "</ReferentieNummer><Bsn>999990019</Bsn></Prestatie>";
  xml += "</Bericht>";
  std::string v = store::verpak(k, xml);
  EXPECT_LT(v.size() * 5, xml.size());
  EXPECT_EQ(v.find("999990019"), std::string::npos);
  auto terug = store::pak_uit(k, v);
  ASSERT_TRUE(terug.ok()) << terug.status().to_string();
  EXPECT_EQ(*terug, xml);
  // Sealed plain XML (the format before compression) opens unchanged.
  auto oud = store::pak_uit(k, k.seal(xml));
  ASSERT_TRUE(oud.ok());
  EXPECT_EQ(*oud, xml);
  // One flipped bit anywhere: refused, never garbage.
  std::string kapot = v;
  kapot[kapot.size() / 2] ^= 1;
  EXPECT_EQ(store::pak_uit(k, kapot).status().code(), StatusCode::kInvalidArgument);
  // A sealed payload that claims to be compressed but is not: refused.
  std::string nep("\x28\xB5\x2F\xFD\x00\x00\x00", 7);
  EXPECT_EQ(store::pak_uit(k, k.seal(nep)).status().code(), StatusCode::kInvalidArgument);
  // An empty message survives the round trip.
  auto leeg = store::pak_uit(k, store::verpak(k, ""));
  ASSERT_TRUE(leeg.ok());
  EXPECT_EQ(*leeg, "");
}
