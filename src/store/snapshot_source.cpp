#include "store/snapshot_source.h"

#include "store/sqlite_store.h"

namespace jr::store {

namespace {

std::string_view col(sqlite3_stmt* s, int i) {
  const unsigned char* p = sqlite3_column_text(s, i);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, i))};
}

// Runs `sql` and calls `row(stmt)` for each row; `?1`, when the statement has it, is bound to
// `bekend_op`. The statement is not cached: each scan runs once per snapshot.
template <class F>
Status scan(sqlite::Db& db, const char* sql, F&& row, std::string_view bekend_op = {}) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db.raw(), sql, -1, &s, nullptr);
  if (rc != SQLITE_OK) return sqlite::status_from_sqlite(rc, "snapshot: " + db.errmsg());
  if (sqlite3_bind_parameter_count(s) >= 1)
    sqlite3_bind_text(s, 1, bekend_op.data(), static_cast<int>(bekend_op.size()), SQLITE_TRANSIENT);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(s);
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return sqlite::status_from_sqlite(rc, "snapshot: " + db.errmsg());
  return Status::Ok();
}

constexpr const char* kLeveringen = R"sql(
SELECT s.jeugdige_id,
       COALESCE(t.gemeente, s.gemeente),
       s.aanbieder,
       COALESCE(s.categorie, t.categorie, ''),
       COALESCE(s.productcode, t.productcode, ''),
       s.begindatum,
       p.einddatum,
       p.reden_beeindiging,
       COALESCE(v.verwijzer_type,
                (SELECT v2.verwijzer_type FROM verzoek v2
                  WHERE v2.aanbieder = t.aanbieder
                    AND v2.referentie_aanbieder = t.referentie_aanbieder))
FROM levering_start s
LEFT JOIN toewijzing t
  ON t.id = COALESCE(s.toewijzing_id,
                     (SELECT t2.id FROM toewijzing t2
                       WHERE t2.gemeente = s.gemeente AND t2.toewijzing_nummer = s.toewijzing_nummer))
LEFT JOIN verzoek v ON v.id = t.verzoek_id
LEFT JOIN levering_stop p
  ON p.id = (SELECT MAX(p2.id) FROM levering_stop p2
              WHERE p2.jeugdige_id = s.jeugdige_id
                AND p2.toewijzing_nummer IS s.toewijzing_nummer
                AND p2.begindatum = s.begindatum
                AND p2.aanbieder = s.aanbieder
                AND p2.gemeente = s.gemeente
                AND p2.actueel = 1)
WHERE s.actueel = 1
)sql";

// The same deliveries as known at the end of day ?1 (see snapshot_source.h).
constexpr const char* kLeveringenBekendOp = R"sql(
SELECT s.jeugdige_id,
       COALESCE(t.gemeente, s.gemeente),
       s.aanbieder,
       COALESCE(s.categorie, t.categorie, ''),
       COALESCE(s.productcode, t.productcode, ''),
       s.begindatum,
       p.einddatum,
       p.reden_beeindiging,
       COALESCE(v.verwijzer_type,
                (SELECT v2.verwijzer_type FROM verzoek v2
                  WHERE v2.aanbieder = t.aanbieder
                    AND v2.referentie_aanbieder = t.referentie_aanbieder))
FROM levering_start s
JOIN bericht bs ON bs.id = s.bericht_id
LEFT JOIN toewijzing t
  ON t.id = COALESCE(s.toewijzing_id,
                     (SELECT t2.id FROM toewijzing t2
                       WHERE t2.gemeente = s.gemeente AND t2.toewijzing_nummer = s.toewijzing_nummer))
LEFT JOIN verzoek v ON v.id = t.verzoek_id
LEFT JOIN levering_stop p
  ON p.id = (SELECT MAX(p2.id) FROM levering_stop p2 JOIN bericht b2 ON b2.id = p2.bericht_id
              WHERE p2.jeugdige_id = s.jeugdige_id
                AND p2.toewijzing_nummer IS s.toewijzing_nummer
                AND p2.begindatum = s.begindatum
                AND p2.aanbieder = s.aanbieder
                AND p2.gemeente = s.gemeente
                AND b2.dagtekening <= ?1
                AND p2.einddatum <= ?1
                AND (p2.actueel = 1 OR
                     (SELECT b3.dagtekening FROM bericht b3 WHERE b3.id = p2.ingetrokken_door) > ?1))
WHERE bs.dagtekening <= ?1
  AND s.begindatum <= ?1
  AND (s.actueel = 1 OR
       (SELECT b4.dagtekening FROM bericht b4 WHERE b4.id = s.ingetrokken_door) > ?1)
)sql";

}  // namespace

Status scan_snapshot_bron(Store& store, SnapshotVisitor& v, std::string_view bekend_op) {
  const bool asof = !bekend_op.empty();
  auto* sq = dynamic_cast<SqliteStore*>(&store);
  if (sq == nullptr) return FailedPrecondition("snapshot: alleen voor een SQLite-store");
  sqlite::Db& db = sq->db();
  JR_RETURN_IF_ERROR(db.exec("BEGIN"));
  auto run = [&]() -> Status {
    JR_RETURN_IF_ERROR(
        scan(db, "SELECT code, naam, COALESCE(regio, '') FROM gemeente", [&](auto* s) {
          v.gemeente({col(s, 0), col(s, 1), col(s, 2)});
        }));
    JR_RETURN_IF_ERROR(scan(db, "SELECT agb, soort FROM aanbieder", [&](auto* s) {
      v.aanbieder({col(s, 0), col(s, 1)});
    }));
    JR_RETURN_IF_ERROR(
        scan(db,
             "SELECT categorie, code, COALESCE(hulpvorm, ''), geldig_van, COALESCE(geldig_tot, '') "
             "FROM product",
             [&](auto* s) {
               v.product({col(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4)});
             }));
    JR_RETURN_IF_ERROR(scan(db, "SELECT id, geboortedatum FROM jeugdige ORDER BY id", [&](auto* s) {
      v.jeugdige({sqlite3_column_int64(s, 0), col(s, 1)});
    }));
    JR_RETURN_IF_ERROR(scan(
        db,
        asof ? "SELECT gemeente, jaar, leeftijd, aantal FROM bevolking"
               " WHERE jaar <= CAST(substr(?1, 1, 4) AS INTEGER)"
             : "SELECT gemeente, jaar, leeftijd, aantal FROM bevolking",
        [&](auto* s) {
          v.bevolking({col(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
                       sqlite3_column_int64(s, 3)});
        },
        bekend_op));
    JR_RETURN_IF_ERROR(scan(
        db, asof ? kLeveringenBekendOp : kLeveringen,
        [&](auto* s) {
          v.levering({sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4),
                      col(s, 5), col(s, 6), col(s, 7), col(s, 8)});
        },
        bekend_op));
    JR_RETURN_IF_ERROR(scan(
        db,
        asof ? "SELECT jeugdige_id, gemeente, begindatum,"
               " CASE WHEN einddatum <= ?1 THEN einddatum ELSE '' END,"
               " CASE WHEN einddatum <= ?1 THEN COALESCE(reden_beeindiging, '') ELSE '' END"
               " FROM wijkteam_traject WHERE begindatum <= ?1"
             : "SELECT jeugdige_id, gemeente, begindatum, COALESCE(einddatum, ''), "
               "COALESCE(reden_beeindiging, '') FROM wijkteam_traject",
        [&](auto* s) {
          v.wijkteam({sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4)});
        },
        bekend_op));
    return scan(
        db,
        asof ? "SELECT pr.jeugdige_id, d.gemeente, pr.categorie, pr.productcode, pr.begindatum,"
               " pr.bedrag_cent FROM prestatie pr JOIN declaratie d ON d.id = pr.declaratie_id"
               " WHERE pr.toegekend = 1 AND d.dagtekening <= ?1"
             : "SELECT pr.jeugdige_id, d.gemeente, pr.categorie, pr.productcode, pr.begindatum,"
               " pr.bedrag_cent FROM prestatie pr JOIN declaratie d ON d.id = pr.declaratie_id"
               " WHERE pr.toegekend = 1",
        [&](auto* s) {
          v.prestatie({sqlite3_column_int64(s, 0), col(s, 1), col(s, 2), col(s, 3), col(s, 4),
                       sqlite3_column_int64(s, 5)});
        },
        bekend_op);
  };
  Status st = run();
  (void)db.exec(st.ok() ? "COMMIT" : "ROLLBACK");
  return st;
}

}  // namespace jr::store
