#include "server/kpi_register.h"

#include "store/sqlite.h"

namespace jr::server {
namespace {

constexpr const char* kKolommen =
    "id, naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, ambitie_waarde, "
    "ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op";

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

Result<Kpi> KpiRegister::wijzig(int64_t id, const Kpi& kpi) {
  auto& s = db_.prepare(
      "UPDATE kpi SET naam = ?, indicator = ?, gemeente = ?, nulmeting_waarde = ?, "
      "nulmeting_periode = ?, ambitie_waarde = ?, ambitie_jaar = ?, bron = ?, toelichting = ?, "
      "gewijzigd_op = ? WHERE id = ?");
  bind_velden(s, kpi);
  s.bind(10, clock_.now_iso()).bind(11, id);
  JR_RETURN_IF_ERROR(s.run());
  if (db_.changes() == 0) return NotFound("er is geen KPI " + std::to_string(id));
  return lees(id);
}

Status KpiRegister::verwijder(int64_t id) {
  auto& s = db_.prepare("DELETE FROM kpi WHERE id = ?");
  s.bind(1, id);
  JR_RETURN_IF_ERROR(s.run());
  if (db_.changes() == 0) return NotFound("er is geen KPI " + std::to_string(id));
  return Status::Ok();
}

}  // namespace jr::server
