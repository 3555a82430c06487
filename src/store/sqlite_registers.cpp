// SqliteStore's registers: Contractregisters, Gebruikersregister and Kpiregister on SQLite
// (migrations 0004-0007). Writes are part of the caller's transaction.
#include <algorithm>

#include "store/sqlite_store.h"

namespace jr::store {
namespace {

using sqlite::Db;
using sqlite::Stmt;

Date datum(const std::string& s) { return Date::parse(s).value_or(Date()); }
std::optional<Date> opt_datum(const std::optional<std::string>& s) {
  return s ? Date::parse(*s) : std::nullopt;
}
std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

// Runs every row of `s` through `f`; the statement's status.
template <class F>
Status rijen(Stmt& s, F&& f) {
  while (s.step()) f(s);
  Status st = s.status();
  s.reset();
  return st;
}

// The version of the row of `tabel` whose `kolom` is `sleutel`; nullopt when there is none.
template <class K>
Result<std::optional<int64_t>> versie_van(Db& db, const std::string& tabel,
                                          const std::string& kolom, const K& sleutel) {
  auto& s = db.prepare("SELECT versie FROM " + tabel + " WHERE " + kolom + " = ?");
  s.bind(1, sleutel);
  std::optional<int64_t> v;
  if (s.step()) v = s.int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return v;
}

// Checks that row `sleutel` of `tabel` is at `verwacht` (controleer_versie) and, when it
// exists, raises its version by one.
template <class K>
Status neem_versie(Db& db, const std::string& tabel, const std::string& kolom, const K& sleutel,
                   Versie verwacht, const std::string& wat) {
  auto huidig = versie_van(db, tabel, kolom, sleutel);
  if (!huidig.ok()) return huidig.status();
  JR_RETURN_IF_ERROR(controleer_versie(*huidig, verwacht, wat));
  if (!*huidig) return Status::Ok();
  return db.prepare("UPDATE " + tabel + " SET versie = versie + 1 WHERE " + kolom + " = ?")
      .bind(1, sleutel)
      .run();
}

// Deletes row `id` of `tabel` when it is at `versie`.
Status verwijder_rij(Db& db, const std::string& tabel, const std::string& wat, int64_t id,
                     Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("If-None-Match: * past niet bij verwijderen");
  auto huidig = versie_van(db, tabel, "id", id);
  if (!huidig.ok()) return huidig.status();
  JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, wat + " " + std::to_string(id)));
  return db.prepare("DELETE FROM " + tabel + " WHERE id = ?").bind(1, id).run();
}

Status aanbieder_bekend(Db& db, const std::string& agb) {
  auto& a = db.prepare("SELECT 1 FROM aanbieder WHERE agb = ?");
  a.bind(1, agb);
  const bool bekend = a.step();
  Status st = a.status();
  a.reset();
  JR_RETURN_IF_ERROR(st);
  if (!bekend) return InvalidArgument("aanbieder " + agb + " staat niet in het register");
  return Status::Ok();
}

// Writes the fields of contract `id` (which exists) and its gemeenten.
Status schrijf_contract(Db& db, int64_t id, const Contract& c) {
  JR_RETURN_IF_ERROR(aanbieder_bekend(db, c.aanbieder));
  auto& k = db.prepare("SELECT id FROM contract WHERE kenmerk = ? AND id <> ?");
  k.bind(1, c.kenmerk).bind(2, id);
  const bool dubbel = k.step();
  k.reset();
  if (dubbel) return AlreadyExists("er is al een contract met kenmerk " + c.kenmerk);
  JR_RETURN_IF_ERROR(db.prepare("UPDATE contract SET kenmerk = ?, aanbieder = ?, soort = ?,"
                                " ingangsdatum = ?, einddatum = ? WHERE id = ?")
                         .bind(1, c.kenmerk)
                         .bind(2, c.aanbieder)
                         .bind(3, c.soort)
                         .bind(4, c.ingangsdatum.iso())
                         .bind(5, iso(c.einddatum))
                         .bind(6, id)
                         .run());
  JR_RETURN_IF_ERROR(
      db.prepare("DELETE FROM contract_gemeente WHERE contract_id = ?").bind(1, id).run());
  for (const auto& g : c.gemeenten)
    JR_RETURN_IF_ERROR(
        db.prepare("INSERT OR IGNORE INTO contract_gemeente (contract_id, gemeente) VALUES (?, ?)")
            .bind(1, id)
            .bind(2, g)
            .run());
  return Status::Ok();
}

// Writes the fields of plafond `id` (0: a new one); its id.
Result<int64_t> schrijf_plafond(Db& db, int64_t id, const Budgetplafond& p) {
  JR_RETURN_IF_ERROR(aanbieder_bekend(db, p.aanbieder));
  auto& dubbel = db.prepare(
      "SELECT 1 FROM budgetplafond WHERE aanbieder = ? AND jaar = ? AND"
      " COALESCE(gemeente, '') = COALESCE(?, '') AND COALESCE(categorie, '') = COALESCE(?, '')"
      " AND id <> ?");
  dubbel.bind(1, p.aanbieder).bind(2, p.jaar).bind(3, p.gemeente).bind(4, p.categorie).bind(5, id);
  const bool bestaat = dubbel.step();
  dubbel.reset();
  if (bestaat)
    return AlreadyExists("er is al een budgetplafond voor deze aanbieder, dit jaar en dit bereik");
  auto& s = id == 0 ? db.prepare(
                          "INSERT INTO budgetplafond (aanbieder, jaar, gemeente, categorie,"
                          " bedrag_cent, bij_overschrijding) VALUES (?, ?, ?, ?, ?, ?)")
                    : db.prepare(
                          "UPDATE budgetplafond SET aanbieder = ?, jaar = ?, gemeente = ?,"
                          " categorie = ?, bedrag_cent = ?, bij_overschrijding = ?"
                          " WHERE id = ?");
  s.bind(1, p.aanbieder)
      .bind(2, p.jaar)
      .bind(3, p.gemeente)
      .bind(4, p.categorie)
      .bind(5, p.bedrag_cent)
      .bind(6, p.bij_overschrijding);
  if (id != 0) s.bind(7, id);
  JR_RETURN_IF_ERROR(s.run());
  return id == 0 ? db.last_insert_rowid() : id;
}

constexpr const char* kPlafondKolommen =
    "id, aanbieder, jaar, gemeente, categorie, bedrag_cent, bij_overschrijding, versie";

Budgetplafond plafond_rij(const Stmt& s) {
  Budgetplafond p;
  p.id = s.int64(0);
  p.aanbieder = s.text(1);
  p.jaar = static_cast<int>(s.int64(2));
  p.gemeente = s.opt_text(3);
  p.categorie = s.opt_text(4);
  p.bedrag_cent = s.int64(5);
  p.bij_overschrijding = s.text(6);
  p.versie = s.int64(7);
  return p;
}

constexpr const char* kKpiKolommen =
    "id, naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, ambitie_waarde, "
    "ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op, versie";

Kpi kpi_rij(const Stmt& s) {
  Kpi k;
  k.id = s.int64(0);
  k.naam = s.text(1);
  k.indicator = s.text(2);
  k.gemeente = s.opt_text(3);
  k.nulmeting_waarde = s.real(4);
  k.nulmeting_periode = s.text(5);
  k.ambitie_waarde = s.real(6);
  k.ambitie_jaar = static_cast<int>(s.int64(7));
  k.bron = s.text(8);
  k.toelichting = s.text(9);
  k.aangemaakt_op = s.text(10);
  k.gewijzigd_op = s.text(11);
  k.versie = s.int64(12);
  return k;
}

void bind_kpi(Stmt& s, const Kpi& k) {
  s.bind(1, k.naam).bind(2, k.indicator).bind(3, k.gemeente);
  s.bind_real(4, k.nulmeting_waarde);
  s.bind(5, k.nulmeting_periode);
  s.bind_real(6, k.ambitie_waarde);
  s.bind(7, k.ambitie_jaar).bind(8, k.bron).bind(9, k.toelichting);
}

}  // namespace

// ---- Contractregisters ----

Result<std::vector<AanbiederRegel>> SqliteStore::aanbieders() {
  auto& s = db_->prepare("SELECT agb, naam, soort, landelijk, versie FROM aanbieder ORDER BY agb");
  std::vector<AanbiederRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.int64(3) != 0, r.int64(4)});
  }));
  return uit;
}

Status SqliteStore::wijzig_aanbieder(const AanbiederRegel& a, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("een aanbieder komt uit het register");
  JR_RETURN_IF_ERROR(neem_versie(*db_, "aanbieder", "agb", a.agb, versie, "aanbieder " + a.agb));
  JR_RETURN_IF_ERROR(
      db_->prepare("UPDATE aanbieder SET naam = ?, soort = ?, landelijk = ? WHERE agb = ?")
          .bind(1, a.naam)
          .bind(2, a.soort)
          .bind(3, a.landelijk ? 1 : 0)
          .bind(4, a.agb)
          .run());
  if (db_->changes() == 0) return NotFound("er is geen aanbieder " + a.agb);
  return Status::Ok();
}

Result<std::vector<ProductRegel>> SqliteStore::producten() {
  auto& s = db_->prepare(
      "SELECT categorie, code, omschrijving, eenheid, tarief_cent, hulpvorm, geldig_van,"
      " geldig_tot FROM product ORDER BY categorie, code, geldig_van");
  std::vector<ProductRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.opt_text(5),
                   datum(r.text(6)), opt_datum(r.opt_text(7))});
  }));
  return uit;
}

Status SqliteStore::bewaar_product(const ProductRegel& p) {
  return db_
      ->prepare(
          "INSERT INTO product (categorie, code, omschrijving, eenheid, tarief_cent, hulpvorm,"
          " geldig_van, geldig_tot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          " ON CONFLICT (categorie, code, geldig_van) DO UPDATE SET"
          " omschrijving = excluded.omschrijving, eenheid = excluded.eenheid,"
          " tarief_cent = excluded.tarief_cent, hulpvorm = excluded.hulpvorm,"
          " geldig_tot = excluded.geldig_tot")
      .bind(1, p.categorie)
      .bind(2, p.code)
      .bind(3, p.omschrijving)
      .bind(4, p.eenheid)
      .bind(5, p.tarief_cent)
      .bind(6, p.hulpvorm)
      .bind(7, p.geldig_van.iso())
      .bind(8, iso(p.geldig_tot))
      .run();
}

Result<std::vector<Contract>> SqliteStore::contracten(const std::optional<std::string>& aanbieder) {
  std::string sql =
      "SELECT id, kenmerk, aanbieder, soort, ingangsdatum, einddatum, versie FROM contract";
  if (aanbieder) sql += " WHERE aanbieder = ?";
  sql += " ORDER BY aanbieder, ingangsdatum, id";
  auto& s = db_->prepare(sql);
  if (aanbieder) s.bind(1, *aanbieder);
  std::vector<Contract> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.int64(0),
                   r.text(1),
                   r.text(2),
                   r.text(3),
                   datum(r.text(4)),
                   opt_datum(r.opt_text(5)),
                   {},
                   r.int64(6)});
  }));
  auto& g = db_->prepare("SELECT gemeente FROM contract_gemeente WHERE contract_id = ? ORDER BY 1");
  for (auto& c : uit) {
    g.bind(1, c.id);
    JR_RETURN_IF_ERROR(rijen(g, [&](const Stmt& r) { c.gemeenten.push_back(r.text(0)); }));
  }
  return uit;
}

Result<int64_t> SqliteStore::maak_contract(const Contract& c) {
  JR_RETURN_IF_ERROR(aanbieder_bekend(*db_, c.aanbieder));
  Status st = db_->prepare(
                     "INSERT INTO contract (kenmerk, aanbieder, soort, ingangsdatum)"
                     " VALUES (?, ?, ?, ?)")
                  .bind(1, c.kenmerk)
                  .bind(2, c.aanbieder)
                  .bind(3, c.soort)
                  .bind(4, c.ingangsdatum.iso())
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("er is al een contract met kenmerk " + c.kenmerk);
  JR_RETURN_IF_ERROR(st);
  const int64_t id = db_->last_insert_rowid();
  JR_RETURN_IF_ERROR(schrijf_contract(*db_, id, c));
  return id;
}

Status SqliteStore::wijzig_contract(int64_t id, const Contract& c, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("een contract maakt u met POST");
  JR_RETURN_IF_ERROR(
      neem_versie(*db_, "contract", "id", id, versie, "contract " + std::to_string(id)));
  return schrijf_contract(*db_, id, c);
}

Status SqliteStore::verwijder_contract(int64_t id, Versie versie) {
  return verwijder_rij(*db_, "contract", "contract", id, versie);
}

Result<std::vector<Budgetplafond>> SqliteStore::plafonds(std::optional<int> jaar) {
  std::string sql = std::string("SELECT ") + kPlafondKolommen + " FROM budgetplafond";
  if (jaar) sql += " WHERE jaar = ?";
  sql += " ORDER BY jaar, aanbieder, gemeente, categorie";
  auto& s = db_->prepare(sql);
  if (jaar) s.bind(1, *jaar);
  std::vector<Budgetplafond> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { uit.push_back(plafond_rij(r)); }));
  return uit;
}

Result<Budgetplafond> SqliteStore::lees_plafond(int64_t id) {
  auto& s =
      db_->prepare(std::string("SELECT ") + kPlafondKolommen + " FROM budgetplafond WHERE id = ?");
  s.bind(1, id);
  std::optional<Budgetplafond> p;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { p = plafond_rij(r); }));
  if (!p) return NotFound("er is geen budgetplafond " + std::to_string(id));
  return *p;
}

Result<int64_t> SqliteStore::maak_plafond(const Budgetplafond& p) {
  return schrijf_plafond(*db_, 0, p);
}

Status SqliteStore::wijzig_plafond(int64_t id, const Budgetplafond& p, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("een budgetplafond maakt u met POST");
  JR_RETURN_IF_ERROR(
      neem_versie(*db_, "budgetplafond", "id", id, versie, "budgetplafond " + std::to_string(id)));
  return schrijf_plafond(*db_, id, p).status();
}

Status SqliteStore::verwijder_plafond(int64_t id, Versie versie) {
  return verwijder_rij(*db_, "budgetplafond", "budgetplafond", id, versie);
}

Result<std::vector<NormRegel>> SqliteStore::normen() {
  auto& s = db_->prepare("SELECT categorie, weken, versie FROM wachttijd_norm ORDER BY categorie");
  std::vector<NormRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), static_cast<int>(r.int64(1)), r.int64(2)});
  }));
  return uit;
}

Status SqliteStore::zet_norm(const std::string& categorie, int weken, Versie versie) {
  auto huidig = versie_van(*db_, "wachttijd_norm", "categorie", categorie);
  if (!huidig.ok()) return huidig.status();
  // Without a version the norm is set whether or not it exists (the register's import).
  if (*huidig || versie)
    JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, "norm voor categorie " + categorie));
  return db_
      ->prepare(
          "INSERT INTO wachttijd_norm (categorie, weken) VALUES (?, ?)"
          " ON CONFLICT (categorie) DO UPDATE SET weken = excluded.weken, versie = versie + 1")
      .bind(1, categorie)
      .bind(2, weken)
      .run();
}

Status SqliteStore::verwijder_norm(const std::string& categorie, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("If-None-Match: * past niet bij verwijderen");
  auto huidig = versie_van(*db_, "wachttijd_norm", "categorie", categorie);
  if (!huidig.ok()) return huidig.status();
  JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, "norm voor categorie " + categorie));
  return db_->prepare("DELETE FROM wachttijd_norm WHERE categorie = ?").bind(1, categorie).run();
}

Result<std::vector<TariefRij>> SqliteStore::tarieven() {
  auto& s = db_->prepare(
      "SELECT categorie, code, geldig_van, geldig_tot, tarief_cent FROM product"
      " ORDER BY categorie, code, geldig_van");
  std::vector<TariefRij> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), datum(r.text(2)), opt_datum(r.opt_text(3)), r.int64(4)});
  }));
  return uit;
}

Result<std::vector<Prestatiebedrag>> SqliteStore::prestatiebedragen(int jaar) {
  auto& s = db_->prepare(
      "SELECT p.aanbieder, d.gemeente, p.categorie, p.productcode, p.begindatum, p.einddatum,"
      " p.bedrag_cent FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id"
      " WHERE p.toegekend = 1 AND p.begindatum BETWEEN ? AND ?");
  s.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  std::vector<Prestatiebedrag> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.text(3), datum(r.text(4)), datum(r.text(5)),
                   r.int64(6)});
  }));
  return uit;
}

Result<std::optional<Date>> SqliteStore::laatste_prestatiedag(int jaar) {
  auto& s = db_->prepare(
      "SELECT MAX(einddatum) FROM prestatie WHERE toegekend = 1 AND begindatum BETWEEN ? AND ?");
  s.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  std::optional<std::string> max;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { max = r.opt_text(0); }));
  return opt_datum(max);
}

Result<std::vector<LopendeToewijzing>> SqliteStore::lopende_toewijzingen(Date van, Date tot) {
  auto& s = db_->prepare(
      "SELECT t.aanbieder, t.gemeente, COALESCE(t.categorie, ''), COALESCE(t.productcode, ''),"
      " t.ingangsdatum, t.einddatum, t.volume, COALESCE(t.eenheid, ''), COALESCE(t.frequentie, ''),"
      " t.budget_cent,"
      " (SELECT MAX(p.einddatum) FROM levering_stop p WHERE p.toewijzing_id = t.id"
      "   AND p.actueel = 1)"
      " FROM toewijzing t WHERE t.ingangsdatum <= ? AND (t.einddatum IS NULL OR t.einddatum >= ?)");
  s.bind(1, tot.iso()).bind(2, van.iso());
  std::vector<LopendeToewijzing> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    LopendeToewijzing v;
    v.aanbieder = r.text(0);
    v.gemeente = r.text(1);
    v.categorie = r.text(2);
    v.productcode = r.text(3);
    v.ingangsdatum = datum(r.text(4));
    v.einddatum = opt_datum(r.opt_text(5));
    if (auto stop = opt_datum(r.opt_text(10)); stop && (!v.einddatum || *stop < *v.einddatum))
      v.einddatum = stop;
    v.volume = r.opt_int64(6).value_or(0);
    v.eenheid = r.text(7);
    v.frequentie = r.text(8);
    v.budget_cent = r.opt_int64(9);
    if (!v.einddatum || van <= *v.einddatum) uit.push_back(std::move(v));
  }));
  return uit;
}

Result<std::vector<WachtRij>> SqliteStore::wachtrijen() {
  auto& s = db_->prepare(
      "SELECT t.id, t.toewijzing_nummer, t.gemeente, t.aanbieder, COALESCE(t.categorie, ''),"
      " COALESCE(t.productcode, ''), t.toewijzingsdatum, t.einddatum, v.dagtekening,"
      " (SELECT MIN(s.begindatum) FROM levering_start s WHERE s.toewijzing_id = t.id"
      "   AND s.actueel = 1),"
      " (SELECT MAX(p.einddatum) FROM levering_stop p WHERE p.toewijzing_id = t.id"
      "   AND p.actueel = 1),"
      // A start that names the toewijzing only by number (stored before the toewijzing).
      " (SELECT MIN(s.begindatum) FROM levering_start s WHERE s.jeugdige_id = t.jeugdige_id"
      "   AND s.toewijzing_nummer = t.toewijzing_nummer AND s.toewijzing_id IS NULL"
      "   AND s.gemeente = t.gemeente AND s.actueel = 1)"
      " FROM toewijzing t LEFT JOIN verzoek v ON v.id = COALESCE(t.verzoek_id,"
      "   (SELECT v2.id FROM verzoek v2 WHERE v2.aanbieder = t.aanbieder"
      "     AND v2.referentie_aanbieder = t.referentie_aanbieder))"
      " ORDER BY t.id");
  std::vector<WachtRij> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    WachtRij g;
    g.toewijzing_id = r.int64(0);
    g.toewijzing_nummer = r.int64(1);
    g.gemeente = r.text(2);
    g.aanbieder = r.text(3);
    g.categorie = r.text(4);
    g.productcode = r.text(5);
    g.toewijzingsdatum = datum(r.text(6));
    g.einddatum = opt_datum(r.opt_text(7));
    if (auto stop = opt_datum(r.opt_text(10)); stop && (!g.einddatum || *stop < *g.einddatum))
      g.einddatum = stop;
    g.verzoek_dagtekening = opt_datum(r.opt_text(8));
    g.eerste_start = opt_datum(r.opt_text(9));
    if (auto los = opt_datum(r.opt_text(11)); los && (!g.eerste_start || *los < *g.eerste_start))
      g.eerste_start = los;
    uit.push_back(std::move(g));
  }));
  return uit;
}

Result<std::optional<Date>> SqliteStore::laatste_gegevensdag() {
  auto& s = db_->prepare(
      "SELECT MAX(d) FROM (SELECT MAX(dagtekening) AS d FROM bericht WHERE richting = 'in'"
      " AND status <> 'afgekeurd' UNION ALL SELECT MAX(toewijzingsdatum) FROM toewijzing)");
  std::optional<std::string> max;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { max = r.opt_text(0); }));
  return opt_datum(max);
}

Result<std::map<std::string, int64_t>> SqliteStore::natura_per_gemeente(int jaar) {
  auto& n = db_->prepare(
      "SELECT d.gemeente, SUM(p.bedrag_cent) FROM prestatie p JOIN declaratie d"
      " ON d.id = p.declaratie_id WHERE p.toegekend = 1 AND p.begindatum BETWEEN ? AND ?"
      " GROUP BY d.gemeente");
  n.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  std::map<std::string, int64_t> uit;
  JR_RETURN_IF_ERROR(rijen(n, [&](const Stmt& r) { uit[r.text(0)] = r.int64(1); }));
  return uit;
}

Result<std::vector<VoorzieningRij>> SqliteStore::voorzieningen(int jaar) {
  auto& s = db_->prepare(
      "SELECT g.code, g.naam,"
      " (SELECT bedrag_cent FROM voorziening_uitgaven u WHERE u.gemeente = g.code"
      "   AND u.jaar = ?1 AND u.soort = 'pgb'),"
      " (SELECT bedrag_cent FROM voorziening_uitgaven u WHERE u.gemeente = g.code"
      "   AND u.jaar = ?1 AND u.soort = 'algemeen'),"
      " o.pct_maatwerk, o.bron"
      " FROM gemeente g LEFT JOIN voorziening_doel o ON o.gemeente = g.code AND o.jaar = ?1"
      " ORDER BY g.code");
  s.bind(1, jaar);
  std::vector<VoorzieningRij> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    VoorzieningRij v;
    v.gemeente = r.text(0);
    v.naam = r.text(1);
    v.pgb_cent = r.opt_int64(2);
    v.algemeen_cent = r.opt_int64(3);
    if (!r.is_null(4)) v.doel_pct_maatwerk = r.real(4);
    v.doel_bron = r.opt_text(5).value_or("");
    uit.push_back(std::move(v));
  }));
  return uit;
}

Result<std::vector<LeveringenPerProduct>> SqliteStore::leveringen_per_product(
    std::string_view agb, std::string_view gemeente, Date van, Date tot) {
  auto& q = db_->prepare(
      "SELECT COALESCE(s.categorie, ''), COALESCE(s.productcode, ''), COUNT(*), "
      "  (SELECT omschrijving FROM product p WHERE p.categorie = s.categorie "
      "     AND p.code = s.productcode ORDER BY geldig_van DESC LIMIT 1) "
      "FROM levering_start s "
      "LEFT JOIN levering_stop e ON e.jeugdige_id = s.jeugdige_id AND e.actueel = 1 "
      "  AND e.toewijzing_nummer IS s.toewijzing_nummer AND e.begindatum = s.begindatum "
      "LEFT JOIN toewijzing w ON w.id = s.toewijzing_id "
      "WHERE s.actueel = 1 AND s.aanbieder = ?1 AND COALESCE(w.gemeente, s.gemeente) = ?2 "
      "  AND s.begindatum <= ?3 AND (e.einddatum IS NULL OR e.einddatum >= ?4) "
      "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2");
  q.bind(1, agb).bind(2, gemeente).bind(3, tot.iso()).bind(4, van.iso());
  std::vector<LeveringenPerProduct> uit;
  JR_RETURN_IF_ERROR(rijen(q, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.int64(2), r.opt_text(3).value_or("")});
  }));
  return uit;
}

Result<OpenVerzoek> SqliteStore::lees_verzoek(int64_t id) {
  auto& s = db_->prepare(
      "SELECT aanbieder, gemeente, jeugdige_id, referentie_aanbieder, categorie, productcode,"
      " toewijzing_ingangsdatum, toewijzing_einddatum, volume, eenheid, frequentie, budget_cent,"
      " status FROM verzoek WHERE id = ?");
  s.bind(1, id);
  std::optional<OpenVerzoek> v;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    v = OpenVerzoek{id,
                    r.text(0),
                    r.text(1),
                    r.int64(2),
                    r.text(3),
                    r.opt_text(4),
                    r.opt_text(5),
                    datum(r.text(6)),
                    opt_datum(r.opt_text(7)),
                    r.opt_int64(8),
                    r.opt_text(9),
                    r.opt_text(10),
                    r.opt_int64(11),
                    r.text(12)};
  }));
  if (!v) return NotFound("er is geen verzoek " + std::to_string(id));
  return *v;
}

Result<int64_t> SqliteStore::volgend_toewijzingnummer(std::string_view gemeente) {
  auto& nr = db_->prepare(
      "SELECT COALESCE(MAX(toewijzing_nummer), 0) + 1 FROM toewijzing WHERE gemeente = ?");
  nr.bind(1, gemeente);
  int64_t n = 1;
  JR_RETURN_IF_ERROR(rijen(nr, [&](const Stmt& r) { n = r.int64(0); }));
  return n;
}

Status SqliteStore::koppel_verzoek(int64_t verzoek_id, int64_t toewijzing_id) {
  JR_RETURN_IF_ERROR(db_->prepare("UPDATE toewijzing SET verzoek_id = ? WHERE id = ?")
                         .bind(1, verzoek_id)
                         .bind(2, toewijzing_id)
                         .run());
  return db_->prepare("UPDATE verzoek SET status = 'toegewezen' WHERE id = ?")
      .bind(1, verzoek_id)
      .run();
}

// ---- Gebruikersregister ----

Result<int64_t> SqliteStore::voeg_gebruiker_toe(const Gebruiker& g,
                                                std::string_view aangemaakt_op) {
  Status st = db_->prepare(
                     "INSERT INTO gebruiker (gebruikersnaam, wachtwoord_hash, rol, gemeente, "
                     "aangemaakt_op) VALUES (?, ?, ?, ?, ?)")
                  .bind(1, g.gebruikersnaam)
                  .bind(2, g.wachtwoord_hash)
                  .bind(3, g.rol)
                  .bind(4, g.gemeente)
                  .bind(5, aangemaakt_op)
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("gebruiker " + g.gebruikersnaam + " bestaat al");
  JR_RETURN_IF_ERROR(st);
  return db_->last_insert_rowid();
}

Result<std::optional<Gebruiker>> SqliteStore::zoek_gebruiker(std::string_view gebruikersnaam) {
  auto& s = db_->prepare(
      "SELECT id, gebruikersnaam, wachtwoord_hash, rol, gemeente, actief, mislukte_pogingen, "
      "geblokkeerd_tot FROM gebruiker WHERE gebruikersnaam = ?");
  s.bind(1, gebruikersnaam);
  std::optional<Gebruiker> g;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    g = Gebruiker{r.int64(0),    r.text(1),       r.text(2),  r.text(3),
                  r.opt_text(4), r.int64(5) != 0, r.int64(6), r.opt_int64(7)};
  }));
  return g;
}

Result<bool> SqliteStore::login_mislukt(int64_t id, int64_t nu, int max,
                                        int64_t blokkeer_seconden) {
  auto& s = db_->prepare("SELECT mislukte_pogingen FROM gebruiker WHERE id = ?");
  s.bind(1, id);
  std::optional<int64_t> eerder;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { eerder = r.int64(0); }));
  if (!eerder) return NotFound("er is geen gebruiker " + std::to_string(id));
  const int64_t n = *eerder + 1;
  const bool blokkeer = n >= max;
  JR_RETURN_IF_ERROR(
      db_->prepare("UPDATE gebruiker SET mislukte_pogingen = ?, geblokkeerd_tot = ? WHERE id = ?")
          .bind(1, blokkeer ? int64_t{0} : n)
          .bind(2, blokkeer ? std::optional<int64_t>(nu + blokkeer_seconden) : std::nullopt)
          .bind(3, id)
          .run());
  return blokkeer;
}

Status SqliteStore::login_gelukt(int64_t id) {
  return db_
      ->prepare(
          "UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE id = ? AND "
          "(mislukte_pogingen <> 0 OR geblokkeerd_tot IS NOT NULL)")
      .bind(1, id)
      .run();
}

Status SqliteStore::voeg_token_toe(std::string_view naam, std::string_view token_sha256,
                                   std::string_view agb, std::string_view aangemaakt_op) {
  return db_
      ->prepare(
          "INSERT INTO api_token (naam, token_sha256, aanbieder, aangemaakt_op) VALUES (?, ?, ?, "
          "?)")
      .bind(1, naam)
      .bind(2, token_sha256)
      .bind(3, agb)
      .bind(4, aangemaakt_op)
      .run();
}

Result<std::optional<ApiToken>> SqliteStore::zoek_token(std::string_view token_sha256) {
  auto& s = db_->prepare(
      "SELECT naam, aanbieder FROM api_token WHERE token_sha256 = ? AND ingetrokken = 0");
  s.bind(1, token_sha256);
  std::optional<ApiToken> t;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { t = ApiToken{r.text(0), r.text(1)}; }));
  return t;
}

// ---- Kpiregister ----

Result<std::vector<Kpi>> SqliteStore::kpis(const std::optional<std::string>& gemeente) {
  std::string sql = std::string("SELECT ") + kKpiKolommen + " FROM kpi";
  if (gemeente) sql += *gemeente == "regio" ? " WHERE gemeente IS NULL" : " WHERE gemeente = ?";
  sql += " ORDER BY id";
  auto& s = db_->prepare(sql);
  if (gemeente && *gemeente != "regio") s.bind(1, *gemeente);
  std::vector<Kpi> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { uit.push_back(kpi_rij(r)); }));
  return uit;
}

Result<Kpi> SqliteStore::lees_kpi(int64_t id) {
  auto& s = db_->prepare(std::string("SELECT ") + kKpiKolommen + " FROM kpi WHERE id = ?");
  s.bind(1, id);
  std::optional<Kpi> k;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { k = kpi_rij(r); }));
  if (!k) return NotFound("er is geen KPI " + std::to_string(id));
  return *k;
}

Result<Kpi> SqliteStore::maak_kpi(const Kpi& kpi) {
  const auto nu = clock_.now_iso();
  auto& s = db_->prepare(
      "INSERT INTO kpi (naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, "
      "ambitie_waarde, ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_kpi(s, kpi);
  s.bind(10, nu).bind(11, nu);
  JR_RETURN_IF_ERROR(s.run());
  return lees_kpi(db_->last_insert_rowid());
}

Result<Kpi> SqliteStore::wijzig_kpi(int64_t id, const Kpi& kpi, Versie versie) {
  if (versie && *versie == 0) return InvalidArgument("een KPI maakt u met POST");
  // One statement: the version is compared and raised in the same UPDATE.
  auto& s = db_->prepare(
      "UPDATE kpi SET naam = ?, indicator = ?, gemeente = ?, nulmeting_waarde = ?, "
      "nulmeting_periode = ?, ambitie_waarde = ?, ambitie_jaar = ?, bron = ?, toelichting = ?, "
      "gewijzigd_op = ?, versie = versie + 1 WHERE id = ? AND (?12 IS NULL OR versie = ?12)");
  bind_kpi(s, kpi);
  s.bind(10, clock_.now_iso()).bind(11, id).bind(12, versie);
  JR_RETURN_IF_ERROR(s.run());
  if (db_->changes() == 0) {
    auto v = versie_van(*db_, "kpi", "id", id);
    if (!v.ok()) return v.status();
    JR_RETURN_IF_ERROR(controleer_versie(*v, versie, "KPI " + std::to_string(id)));
    return Internal("KPI " + std::to_string(id) + " niet gewijzigd");
  }
  return lees_kpi(id);
}

Status SqliteStore::verwijder_kpi(int64_t id, Versie versie) {
  return verwijder_rij(*db_, "kpi", "KPI", id, versie);
}

}  // namespace jr::store
