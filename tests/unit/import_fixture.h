// Shared fixture of the import, retour and JW301 tests: a fresh store, the validator on the
// configured standard, a fixed clock, and builders of synthetic messages between gemeente
// 0268 and aanbieder 65656055 about jeugdige 999900006 (born 2010-02-14).
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>
#include <string>

#include "domain/clock.h"
#include "ijw/retour.h"
#include "ijw/validator.h"
#include "ijw/writer.h"
#include "import/importer.h"
#include "store/store.h"
#include "test_helpers.h"

namespace jr::testing {

inline constexpr const char* kGemeente = "0268";
inline constexpr const char* kAanbieder = "65656055";
inline constexpr const char* kBsn = "999900006";
inline constexpr const char* kBsn2 = "999900018";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions so;
    so.path = dir_ / "jr.sqlite";
    so.durable = false;
    auto s = store::open_sqlite_store(so, clock_);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    auto v = ijw::Validator::create(standaard_dir());
    ASSERT_TRUE(v.ok()) << v.status().to_string();
    validator_ = std::move(*v);
  }

  // Imports one message in its own batch.
  import::BerichtResultaat importeer(const std::string& xml, std::string bron = "test.xml") {
    import::Importer imp(*store_, *validator_, clock_, opties_);
  auto r = imp.import_bytes(xml, bron);
  Status st = imp.flush();
  EXPECT_TRUE(st.ok()) << st.to_string();
  return r;
}

static std::string
codes(const import::BerichtResultaat& r) {
  std::string s;
  for (const auto& f : r.findings) s += f.regelcode + "/" + f.retourcode + " ";
  return s;
}
static bool heeft(const import::BerichtResultaat& r, const std::string& retourcode) {
  for (const auto& f : r.findings)
    if (f.retourcode == retourcode) return true;
  return false;
}

// Rows in `table`, read through a second connection (the store's data as committed).
int64_t tel(const std::string& table, const std::string& where = "") {
  sqlite3* db = nullptr;
  sqlite3_open_v2((dir_ / "jr.sqlite").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::string sql = "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where);
  sqlite3_stmt* s = nullptr;
  int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

// Adds a product to the product catalogue (as the register import would).
void catalogus(const std::string& categorie, const std::string& code) {
  sqlite3* db = nullptr;
  sqlite3_open((dir_ / "jr.sqlite").c_str(), &db);
  std::string sql = "INSERT INTO product (categorie, code, eenheid, tarief_cent) VALUES ('" +
                    categorie + "', '" + code + "', '04', 5000)";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

// Whether `xml` is valid against the XSD of its own type (the retour's schema).
::testing::AssertionResult xsd_geldig(const std::string& xml) {
  auto doc = ijw::parse_xml(xml);
  if (!doc.ok()) return ::testing::AssertionFailure() << doc.status().to_string();
  auto type = ijw::berichttype_from_namespace(
      reinterpret_cast<const char*>(xmlDocGetRootElement(doc->get())->ns->href));
  if (!type) return ::testing::AssertionFailure() << "onbekende namespace";
  ijw::Findings f;
  Status st = validator_->schemas().validate(*type, doc->get(), f);
  if (!st.ok()) return ::testing::AssertionFailure() << st.to_string();
  if (!f.empty()) {
    auto a = ::testing::AssertionFailure();
    for (const auto& x : f) a << x.xpath << ": " << x.melding << "\n";
    return a << xml;
  }
  return ::testing::AssertionSuccess();
}

static ijw::Header kop(ijw::Berichttype t, std::string id, bool van_gemeente = false) {
  ijw::Header h;
  h.type = t;
  h.afzender = van_gemeente ? kGemeente : kAanbieder;
  h.ontvanger = van_gemeente ? kAanbieder : kGemeente;
  h.identificatie = std::move(id);
  h.dagtekening = Date(2026, 9, 1);
  return h;
}

// A JW301 of the gemeente with one toegewezen product (categorie 45, code 45A03, 4 uur per
// week from 2026-04-01 to 2026-06-30).
static ijw::Jw301 jw301(int64_t nummer, std::string id = "T1", const char* bsn = kBsn) {
  ijw::Jw301 m;
  m.header = kop(ijw::Berichttype::JW301, std::move(id), true);
  m.header.dagtekening = Date(2026, 3, 25);
  m.bsn = bsn;
  m.geboortedatum.datum = Date(2010, 2, 14);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Proef";
  m.naam.voornamen = "Tim";
  ijw::Contact c;
  c.soort = "01";
  ijw::Adres a;
  a.huis = ijw::Huis{12, std::nullopt, std::nullopt, std::nullopt};
  a.postcode = "6511AA";
  a.straatnaam = "Proefstraat";
  a.plaatsnaam = "Nijmegen";
  a.land_code = "NL";
  c.adres = a;
  m.contactgegevens.push_back(c);
  ijw::ToegewezenProduct p;
  p.toewijzing_nummer = nummer;
  p.product = ijw::Product{"45", std::string("45A03")};
  p.toewijzingsdatum = Date(2026, 3, 25);
  p.ingangsdatum = Date(2026, 4, 1);
  p.einddatum = Date(2026, 6, 30);
  p.omvang = ijw::Omvang{4, "04", "2"};
  m.producten.push_back(p);
  return m;
}

static ijw::Jw305 jw305(int64_t nummer, Date begin, std::string id, std::string status = "1") {
  ijw::Jw305 m;
  m.header = kop(ijw::Berichttype::JW305, std::move(id));
  m.bsn = kBsn;
  m.geboortedatum.datum = Date(2010, 2, 14);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Proef";
  ijw::StartProduct p;
  p.toewijzing_nummer = nummer;
  p.product = ijw::Product{"45", std::string("45A03")};
  p.toewijzing_ingangsdatum = Date(2026, 4, 1);
  p.begindatum = begin;
  p.status_aanlevering = std::move(status);
  m.producten.push_back(p);
  return m;
}

static ijw::Jw307 jw307(int64_t nummer, Date begin, Date eind, std::string reden, std::string id,
                        std::string status = "1") {
  ijw::Jw307 m;
  m.header = kop(ijw::Berichttype::JW307, std::move(id));
  m.bsn = kBsn;
  m.geboortedatum.datum = Date(2010, 2, 14);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Proef";
  ijw::StopProduct p;
  p.toewijzing_nummer = nummer;
  p.product = ijw::Product{"45", std::string("45A03")};
  p.toewijzing_ingangsdatum = Date(2026, 4, 1);
  p.begindatum = begin;
  p.reden_beeindiging = std::move(reden);
  p.einddatum = eind;
  p.status_aanlevering = std::move(status);
  m.producten.push_back(p);
  return m;
}

static ijw::Jw315 jw315(std::string referentie, std::string id) {
  ijw::Jw315 m;
  m.header = kop(ijw::Berichttype::JW315, std::move(id));
  m.bsn = kBsn;
  m.geboortedatum.datum = Date(2010, 2, 14);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Proef";
  ijw::AangevraagdProduct p;
  p.referentie_aanbieder = std::move(referentie);
  p.product = ijw::Product{"45", std::string("45A03")};
  p.toewijzing_ingangsdatum = Date(2026, 6, 1);
  p.toewijzing_einddatum = Date(2026, 12, 31);
  p.omvang = ijw::Omvang{4, "04", "2"};
  p.verwijzer.type = "02";
  p.verwijzer.zorgverlener_code = "01234567";
  m.producten.push_back(p);
  return m;
}

// A debet prestatie on toewijzing `nummer` for April 2026: `uren` hours at 50.00 per hour.
static ijw::Prestatie prestatie(std::string ref, int64_t nummer, int64_t uren = 4,
                                Date begin = Date(2026, 4, 1), Date eind = Date(2026, 4, 30)) {
  ijw::Prestatie p;
  p.referentie_nummer = std::move(ref);
  p.toewijzing_nummer = nummer;
  p.product_categorie = "45";
  p.product_code = "45A03";
  p.product_periode = {begin, eind};
  p.geleverd_volume = uren;
  p.eenheid = "04";
  p.product_tarief = 5000;
  p.ingediend_bedrag = {uren * 5000, "D"};
  return p;
}

static ijw::Jw323 jw323(std::string declaratienummer, std::vector<ijw::Prestatie> prestaties,
                        std::string id, const char* bsn = kBsn,
                        Date periode_begin = Date(2026, 4, 1)) {
  ijw::Jw323 m;
  m.header = kop(ijw::Berichttype::JW323, std::move(id));
  m.declaratie_nummer = std::move(declaratienummer);
  m.declaratie_periode = {periode_begin, periode_begin.last_of_month()};
  m.declaratie_dagtekening = Date(2026, 9, 1);
  ijw::DeclaratieClient c;
  c.bsn = bsn;
  int64_t som = 0;
  for (auto& p : prestaties) som += p.ingediend_bedrag.signed_cents();
  c.prestaties = std::move(prestaties);
  m.clienten.push_back(std::move(c));
  m.totaal_ingediend_bedrag = {som < 0 ? -som : som, som < 0 ? "C" : "D"};
  return m;
}

// A JW317 of the aanbieder about jeugdige 999900006 (Dagtekening 2026-09-01, RedenVerzoek 1)
// with the given toewijzingen unchanged; tests add products to change and new products.
static ijw::Jw317 jw317(std::string referentie, std::string id,
                        std::vector<int64_t> ongewijzigd = {}) {
  ijw::Jw317 m;
  m.header = kop(ijw::Berichttype::JW317, std::move(id));
  m.bsn = kBsn;
  m.referentie_aanbieder = std::move(referentie);
  m.reden_verzoek = "1";
  m.ongewijzigd = std::move(ongewijzigd);
  return m;
}

// A TeWijzigenProduct of toewijzing `nummer`: from `vanaf`, 6 uur per week until 2027-06-30.
static ijw::TeWijzigenProduct te_wijzigen(int64_t nummer, Date vanaf = Date(2026, 10, 1)) {
  ijw::TeWijzigenProduct p;
  p.toewijzing_nummer = nummer;
  p.gewenste_ingangsdatum = vanaf;
  p.einddatum = Date(2027, 6, 30);
  p.omvang = ijw::Omvang{6, "04", "2"};
  return p;
}

// A NieuwProduct of categorie 45 with `code`: 2 uur per week from 2026-10-01 to 2026-12-31.
static ijw::NieuwProduct nieuw_product(const char* code) {
  return ijw::NieuwProduct{ijw::Product{"45", std::string(code)}, Date(2026, 10, 1),
                           Date(2026, 12, 31), ijw::Omvang{2, "04", "2"}, std::nullopt};
}

TempDir dir_;
FixedClock clock_{Date(2026, 9, 10)};
std::unique_ptr<store::Store> store_;
std::unique_ptr<ijw::Validator> validator_;
import::ImportOptions opties_;
};  // namespace jr::testing

}  // namespace jr::testing
