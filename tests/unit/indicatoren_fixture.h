// Test fixture for the model and indicator tests: a fresh SQLite store in a temp dir with
// helpers that write the rows the import writes (toewijzing, verzoek, JW305 start, JW307
// stop, prestatie, wijkteam, bevolking), then build the snapshot and compute a period.
// Synthetic data only: BSNs from the 9999 test range.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "domain/bsn.h"
#include "indicators/indicatoren.h"
#include "model/snapshot.h"
#include "server/indicatoren_json.h"
#include "store/sqlite_store.h"
#include "test_helpers.h"

namespace jr::testing {

// A valid test BSN number i (999900000 + ..., elfproef checked).
inline std::string test_bsn(int i) {
  int found = 0;
  for (int n = 999900000;; ++n) {
    std::string s = std::to_string(n);
    if (jr::bsn_elfproef(s) && found++ == i) return s;
  }
}

class IndicatorGegevens {
 public:
  IndicatorGegevens() : clock_(Date(2026, 1, 1)) {
    auto s = store::open_sqlite_store({dir_ / "ind.db", {}, false}, clock_);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    Status st = db().exec(
        "INSERT INTO bericht (id, richting, berichttype, inhoud_sha256, xml, status,"
        " ontvangen_op) VALUES (1, 'in', 'JW305', 'x', x'00', 'geaccepteerd', '2026-01-01')");
    EXPECT_TRUE(st.ok()) << st.to_string();
  }

  store::Store& store() { return *store_; }
  std::filesystem::path pad() const { return dir_ / "ind.db"; }
  store::sqlite::Db& db() { return static_cast<store::SqliteStore&>(*store_).db(); }

  int64_t kind(Date geboren, int nr = -1) {
    store::JeugdigeIdentiteit id;
    id.bsn = test_bsn(nr >= 0 ? nr : volgend_kind_++);
    id.geboortedatum = geboren;
    auto r = store_->jeugdige_id(id);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : 0;
  }

  void gemeente(const std::string& code, const std::string& naam, const std::string& regio) {
    exec(db().prepare("INSERT INTO gemeente (code, naam, regio) VALUES (?, ?, ?)")
             .bind(1, code)
             .bind(2, naam)
             .bind(3, regio));
  }
  void product(const std::string& cat, const std::string& code, std::optional<std::string> hv) {
    exec(db().prepare("INSERT INTO product (categorie, code, eenheid, tarief_cent, hulpvorm)"
                      " VALUES (?, ?, '14', 1000, ?)")
             .bind(1, cat)
             .bind(2, code)
             .bind(3, hv));
  }
  void bevolking(const std::string& g, int jaar, int leeftijd, int aantal) {
    exec(db().prepare("INSERT INTO bevolking (gemeente, jaar, leeftijd, aantal) VALUES (?,?,?,?)")
             .bind(1, g)
             .bind(2, jaar)
             .bind(3, leeftijd)
             .bind(4, aantal));
  }

  // A JW315 verzoek with this verwijzer, answered by the toewijzing with the same referentie.
  void verzoek(int64_t kind, const std::string& gemeente, const std::string& aanbieder,
               const std::string& referentie, const std::string& verwijzer) {
    exec(db().prepare("INSERT INTO verzoek (bericht_id, aanbieder, gemeente, jeugdige_id,"
                      " referentie_aanbieder, dagtekening, toewijzing_ingangsdatum, verwijzer_type)"
                      " VALUES (1, ?, ?, ?, ?, '2015-01-01', '2015-01-01', ?)")
             .bind(1, aanbieder)
             .bind(2, gemeente)
             .bind(3, kind)
             .bind(4, referentie)
             .bind(5, verwijzer));
  }

  // A JW301 toewijzing; its number.
  int64_t toewijzing(int64_t kind, const std::string& gemeente, const std::string& aanbieder,
                     const std::string& categorie, const std::string& productcode = "",
                     std::optional<std::string> referentie = std::nullopt) {
    int64_t nr = ++toewijzing_nr_;
    exec(db().prepare("INSERT INTO toewijzing (gemeente, toewijzing_nummer, aanbieder, jeugdige_id,"
                      " referentie_aanbieder, categorie, productcode, toewijzingsdatum,"
                      " ingangsdatum) VALUES (?, ?, ?, ?, ?, ?, ?, '2015-01-01', '2015-01-01')")
             .bind(1, gemeente)
             .bind(2, nr)
             .bind(3, aanbieder)
             .bind(4, kind)
             .bind(5, referentie)
             .bind(6, categorie)
             .bind(7, productcode.empty() ? std::optional<std::string>{}
                                          : std::optional{productcode}));
    return nr;
  }

  // A JW305 start on toewijzing `nr` (product from the toewijzing); its row id.
  int64_t start(int64_t kind, const std::string& gemeente, const std::string& aanbieder, int64_t nr,
                const std::string& begin, bool actueel = true) {
    exec(db().prepare("INSERT INTO levering_start (bericht_id, aanbieder, gemeente, jeugdige_id,"
                      " toewijzing_nummer, begindatum, actueel) VALUES (1, ?, ?, ?, ?, ?, ?)")
             .bind(1, aanbieder)
             .bind(2, gemeente)
             .bind(3, kind)
             .bind(4, nr)
             .bind(5, begin)
             .bind(6, actueel ? 1 : 0));
    return db().last_insert_rowid();
  }
  // A JW307 stop of the start with this begindatum.
  void stop(int64_t kind, const std::string& gemeente, const std::string& aanbieder, int64_t nr,
            const std::string& begin, const std::string& einde, const std::string& jz588,
            bool actueel = true) {
    exec(db().prepare("INSERT INTO levering_stop (bericht_id, aanbieder, gemeente, jeugdige_id,"
                      " toewijzing_nummer, begindatum, einddatum, reden_beeindiging, actueel)"
                      " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")
             .bind(1, aanbieder)
             .bind(2, gemeente)
             .bind(3, kind)
             .bind(4, nr)
             .bind(5, begin)
             .bind(6, einde)
             .bind(7, jz588)
             .bind(8, actueel ? 1 : 0));
  }

  // Toewijzing + start (+ stop when `einde` is set): one delivery of care.
  int64_t zorg(int64_t kind, const std::string& gemeente, const std::string& aanbieder,
               const std::string& categorie, const std::string& begin,
               std::optional<std::string> einde = std::nullopt, const std::string& jz588 = "31",
               const std::string& productcode = "") {
    int64_t nr = toewijzing(kind, gemeente, aanbieder, categorie, productcode);
    start(kind, gemeente, aanbieder, nr, begin);
    if (einde) stop(kind, gemeente, aanbieder, nr, begin, *einde, jz588);
    return nr;
  }

  void wijkteam(int64_t kind, const std::string& gemeente, const std::string& begin,
                std::optional<std::string> einde = std::nullopt,
                std::optional<std::string> jz588 = std::nullopt) {
    exec(db().prepare("INSERT INTO wijkteam_traject (gemeente, jeugdige_id, begindatum,"
                      " einddatum, reden_beeindiging) VALUES (?, ?, ?, ?, ?)")
             .bind(1, gemeente)
             .bind(2, kind)
             .bind(3, begin)
             .bind(4, einde)
             .bind(5, jz588));
  }

  void prestatie(int64_t kind, const std::string& gemeente, const std::string& aanbieder,
                 const std::string& categorie, const std::string& productcode,
                 const std::string& begin, int64_t bedrag_cent, bool toegekend = true) {
    ++declaratie_nr_;
    exec(db().prepare("INSERT INTO declaratie (bericht_id, aanbieder, gemeente, declaratie_nummer,"
                      " periode_begin, periode_eind, dagtekening, totaal_cent) VALUES"
                      " (1, ?, ?, ?, ?, ?, ?, ?)")
             .bind(1, aanbieder)
             .bind(2, gemeente)
             .bind(3, std::to_string(declaratie_nr_))
             .bind(4, begin)
             .bind(5, begin)
             .bind(6, begin)
             .bind(7, bedrag_cent));
    int64_t d = db().last_insert_rowid();
    exec(db().prepare("INSERT INTO prestatie (declaratie_id, aanbieder, jeugdige_id,"
                      " toewijzing_nummer, referentie_nummer, categorie, productcode, begindatum,"
                      " einddatum, volume, eenheid, bedrag_cent, debet_credit, toegekend)"
                      " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 1, '14', ?, 'D', ?)")
             .bind(1, d)
             .bind(2, aanbieder)
             .bind(3, kind)
             .bind(4, "r" + std::to_string(declaratie_nr_))
             .bind(5, categorie)
             .bind(6, productcode)
             .bind(7, begin)
             .bind(8, begin)
             .bind(9, bedrag_cent)
             .bind(10, toegekend ? 1 : 0));
  }

  model::Snapshot snapshot() {
    auto s = model::bouw_snapshot(*store_);
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return std::move(*s);
  }

  indicators::Uitkomst bereken(const std::string& periode) {
    auto s = snapshot();
    auto p = lees_periode(periode);
    EXPECT_TRUE(p.ok());
    return indicators::bereken(s, indicators::leid_af(s), *p);
  }

  // The Telling of gemeente `code` in `periode`.
  indicators::Telling telling(const std::string& periode, const std::string& code) {
    auto u = bereken(periode);
    for (const auto& g : u.gemeenten)
      if (g.code == code) return g.t;
    ADD_FAILURE() << "gemeente " << code << " niet in de uitkomst";
    return {};
  }

 private:
  void exec(store::sqlite::Stmt& s) {
    Status st = s.run();
    EXPECT_TRUE(st.ok()) << st.to_string();
  }
  TempDir dir_;
  FixedClock clock_;
  std::unique_ptr<store::Store> store_;
  int volgend_kind_ = 0;
  int64_t toewijzing_nr_ = 0;
  int64_t declaratie_nr_ = 0;
};

}  // namespace jr::testing
