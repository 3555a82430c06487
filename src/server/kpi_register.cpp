#include "server/kpi_register.h"

#include "store/sqlite.h"

namespace jr::server {
namespace {

constexpr const char* kKolommen =
    "id, naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, ambitie_waarde, "
    "ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op, versie";

Kpi rij(const store::sqlite::Stmt& s) {
  Kpi k;
  k.id = s.int64(0);
  k.naam = s.text(1);
  k.indicator = s.text(2);
  k.gemeente = s.opt_text(3);
  k.nulmeting_waarde = sqlite3_column_double(s.raw(), 4);
  k.nulmeting_periode = s.text(5);
  k.ambitie_waarde = sqlite3_column_double(s.raw(), 6);
  k.ambitie_jaar = static_cast<int>(s.int64(7));
  k.bron = s.text(8);
  k.toelichting = s.text(9);
  k.aangemaakt_op = s.text(10);
  k.gewijzigd_op = s.text(11);
  k.versie = s.int64(12);
  return k;
}

void bind_velden(store::sqlite::Stmt& s, const Kpi& k) {
  s.bind(1, k.naam).bind(2, k.indicator).bind(3, k.gemeente);
  sqlite3_bind_double(s.raw(), 4, k.nulmeting_waarde);
  s.bind(5, k.nulmeting_periode);
  sqlite3_bind_double(s.raw(), 6, k.ambitie_waarde);
  s.bind(7, k.ambitie_jaar).bind(8, k.bron).bind(9, k.toelichting);
}

}  // namespace

Result<std::vector<Kpi>> KpiRegister::lijst(const std::optional<std::string>& gemeente) {
  std::string sql = std::string("SELECT ") + kKolommen + " FROM kpi";
  if (gemeente) sql += *gemeente == "regio" ? " WHERE gemeente IS NULL" : " WHERE gemeente = ?";
  sql += " ORDER BY id";
  auto& s = db_.prepare(sql);
  if (gemeente && *gemeente != "regio") s.bind(1, *gemeente);
  std::vector<Kpi> uit;
  while (s.step()) uit.push_back(rij(s));
  if (!s.status().ok()) return s.status();
  return uit;
}

Result<Kpi> KpiRegister::lees(int64_t id) {
  auto& s = db_.prepare(std::string("SELECT ") + kKolommen + " FROM kpi WHERE id = ?");
  s.bind(1, id);
  if (s.step()) {
    Kpi k = rij(s);
    s.reset();
    return k;
  }
  if (!s.status().ok()) return s.status();
  return NotFound("er is geen KPI " + std::to_string(id));
}

Result<Kpi> KpiRegister::maak(const Kpi& kpi) {
  auto nu = clock_.now_iso();
  auto& s = db_.prepare(
      "INSERT INTO kpi (naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, "
      "ambitie_waarde, ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_velden(s, kpi);
  s.bind(10, nu).bind(11, nu);
  JR_RETURN_IF_ERROR(s.run());
  return lees(db_.last_insert_rowid());
}

namespace {
// The version of KPI `id`; nullopt when there is none.
Result<std::optional<int64_t>> versie_van(store::sqlite::Db& db, int64_t id) {
  auto& s = db.prepare("SELECT versie FROM kpi WHERE id = ?");
  s.bind(1, id);
  std::optional<int64_t> v;
  if (s.step()) v = s.int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return v;
}
}  // namespace

Result<Kpi> KpiRegister::wijzig(int64_t id, const Kpi& kpi, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("een KPI maakt u met POST");
  // One statement: the version is compared and raised in the same UPDATE.
  auto& s = db_.prepare(
      "UPDATE kpi SET naam = ?, indicator = ?, gemeente = ?, nulmeting_waarde = ?, "
      "nulmeting_periode = ?, ambitie_waarde = ?, ambitie_jaar = ?, bron = ?, toelichting = ?, "
      "gewijzigd_op = ?, versie = versie + 1 WHERE id = ? AND (?12 IS NULL OR versie = ?12)");
  bind_velden(s, kpi);
  s.bind(10, clock_.now_iso()).bind(11, id).bind(12, versie);
  JR_RETURN_IF_ERROR(s.run());
  if (db_.changes() == 0) {
    auto v = versie_van(db_, id);
    if (!v.ok()) return v.status();
    JR_RETURN_IF_ERROR(controleer_versie(*v, versie, "KPI " + std::to_string(id)));
    return Internal("KPI " + std::to_string(id) + " niet gewijzigd");
  }
  return lees(id);
}

Status KpiRegister::verwijder(int64_t id, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("If-None-Match: * past niet bij verwijderen");
  auto& s = db_.prepare("DELETE FROM kpi WHERE id = ? AND (?2 IS NULL OR versie = ?2)");
  s.bind(1, id).bind(2, versie);
  JR_RETURN_IF_ERROR(s.run());
  if (db_.changes() == 0) {
    auto v = versie_van(db_, id);
    if (!v.ok()) return v.status();
    JR_RETURN_IF_ERROR(controleer_versie(*v, versie, "KPI " + std::to_string(id)));
    return Internal("KPI " + std::to_string(id) + " niet verwijderd");
  }
  return Status::Ok();
}

}  // namespace jr::server
