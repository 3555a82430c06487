#include "contracts/beheer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "store/sqlite.h"
#include "store/sqlite_store.h"

namespace jr::contracts {
namespace {

using store::sqlite::Db;
using store::sqlite::Stmt;

Db& db_van(store::Store& s) { return dynamic_cast<store::SqliteStore&>(s).db(); }

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}
Date datum(const std::string& s) { return Date::parse(s).value_or(Date()); }
std::optional<Date> opt_datum(const std::optional<std::string>& s) {
  return s ? Date::parse(*s) : std::nullopt;
}

// Runs every row of `s` through `f`; the statement's status.
template <class F>
Status rijen(Stmt& s, F&& f) {
  while (s.step()) f(s);
  Status st = s.status();
  s.reset();
  return st;
}

// `f` inside one transaction of `store`: committed when it returns Ok, rolled back otherwise.
template <class F>
auto in_transactie(store::Store& store, F&& f) -> decltype(f()) {
  JR_RETURN_IF_ERROR(store.begin());
  auto r = f();
  if (!r.ok()) {
    store.rollback();
    return r;
  }
  Status c = store.commit();
  if (!c.ok()) return c;
  return r;
}

std::string euro(int64_t cent) {
  // "€ 1.234.567" (whole euros, Dutch grouping).
  std::string n = std::to_string(std::llabs(cent) / 100);
  std::string uit;
  for (size_t i = 0; i < n.size(); ++i) {
    if (i && (n.size() - i) % 3 == 0) uit += '.';
    uit += n[i];
  }
  return std::string(cent < 0 ? "-€ " : "€ ") + uit;
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

// Checks that row `sleutel` of `tabel` is at `verwacht` (see controleer_versie) and raises its
// version by one. Part of the caller's transaction.
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

std::string plafond_detail(const Budgetplafond& p) {
  return "id=" + std::to_string(p.id) + " aanbieder=" + p.aanbieder +
         " jaar=" + std::to_string(p.jaar) + " gemeente=" + p.gemeente.value_or("*") +
         " categorie=" + p.categorie.value_or("*") +
         " bedrag_cent=" + std::to_string(p.bedrag_cent) +
         " bij_overschrijding=" + p.bij_overschrijding;
}

std::string contract_detail(const Contract& c) {
  std::string g;
  for (const auto& x : c.gemeenten) g += (g.empty() ? "" : ";") + x;
  return "id=" + std::to_string(c.id) + " kenmerk=" + c.kenmerk + " aanbieder=" + c.aanbieder +
         " soort=" + c.soort + " ingangsdatum=" + c.ingangsdatum.iso() +
         " einddatum=" + (c.einddatum ? c.einddatum->iso() : "") + " gemeenten=" + g;
}

}  // namespace

Status Contractbeheer::audit(const std::string& object_type, const std::string& detail,
                             const store::AuditContext& ctx) {
  store::AuditEvent e;
  e.context = ctx;
  e.handeling = "wijzigen";
  e.object_type = object_type;
  e.detail = detail;
  return store_.audit(e);
}

// ---- aanbieders ----

Result<std::vector<AanbiederRegel>> Contractbeheer::aanbieders() {
  auto& s = db_van(store_).prepare(
      "SELECT agb, naam, soort, landelijk, versie FROM aanbieder ORDER BY agb");
  std::vector<AanbiederRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.int64(3) != 0, r.int64(4)});
  }));
  return uit;
}

Result<AanbiederRegel> Contractbeheer::lees_aanbieder(const std::string& agb) {
  auto alle = aanbieders();
  if (!alle.ok()) return alle.status();
  for (auto& a : *alle)
    if (a.agb == agb) return a;
  return NotFound("er is geen aanbieder " + agb);
}

Result<AanbiederRegel> Contractbeheer::wijzig_aanbieder(const AanbiederRegel& a, Versie versie,
                                                        const store::AuditContext& ctx) {
  auto r = in_transactie(store_, [&]() -> Result<AanbiederRegel> {
    auto& db = db_van(store_);
    JR_RETURN_IF_ERROR(neem_versie(db, "aanbieder", "agb", a.agb, versie, "aanbieder " + a.agb));
    JR_RETURN_IF_ERROR(
        db.prepare("UPDATE aanbieder SET naam = ?, soort = ?, landelijk = ? WHERE agb = ?")
            .bind(1, a.naam)
            .bind(2, a.soort)
            .bind(3, a.landelijk ? 1 : 0)
            .bind(4, a.agb)
            .run());
    if (db.changes() == 0) return NotFound("er is geen aanbieder " + a.agb);
    JR_RETURN_IF_ERROR(audit(
        "aanbieder",
        "agb=" + a.agb + " soort=" + a.soort + " landelijk=" + (a.landelijk ? "1" : "0"), ctx));
    return a;
  });
  if (!r.ok()) return r.status();
  return lees_aanbieder(a.agb);
}

// ---- producten ----

Result<std::vector<ProductRegel>> Contractbeheer::producten() {
  auto& s = db_van(store_).prepare(
      "SELECT categorie, code, omschrijving, eenheid, tarief_cent, hulpvorm, geldig_van,"
      " geldig_tot FROM product ORDER BY categorie, code, geldig_van");
  std::vector<ProductRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.opt_text(5),
                   datum(r.text(6)), opt_datum(r.opt_text(7))});
  }));
  return uit;
}

Result<ProductRegel> Contractbeheer::bewaar_product(const ProductRegel& p,
                                                    const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<ProductRegel> {
    JR_RETURN_IF_ERROR(
        db_van(store_)
            .prepare("INSERT INTO product (categorie, code, omschrijving, eenheid, tarief_cent,"
                     " hulpvorm, geldig_van, geldig_tot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
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
            .run());
    JR_RETURN_IF_ERROR(audit("product",
                             "categorie=" + p.categorie + " code=" + p.code +
                                 " geldig_van=" + p.geldig_van.iso() +
                                 " tarief_cent=" + std::to_string(p.tarief_cent),
                             ctx));
    return p;
  });
}

// ---- contracten ----

Result<std::vector<Contract>> Contractbeheer::contracten(
    const std::optional<std::string>& aanbieder) {
  auto& db = db_van(store_);
  std::string sql =
      "SELECT id, kenmerk, aanbieder, soort, ingangsdatum, einddatum, versie FROM contract";
  if (aanbieder) sql += " WHERE aanbieder = ?";
  sql += " ORDER BY aanbieder, ingangsdatum, id";
  auto& s = db.prepare(sql);
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
  auto& g = db.prepare("SELECT gemeente FROM contract_gemeente WHERE contract_id = ? ORDER BY 1");
  for (auto& c : uit) {
    g.bind(1, c.id);
    JR_RETURN_IF_ERROR(rijen(g, [&](const Stmt& r) { c.gemeenten.push_back(r.text(0)); }));
  }
  return uit;
}

Result<Contract> Contractbeheer::lees_contract(int64_t id) {
  auto alle = contracten(std::nullopt);
  if (!alle.ok()) return alle.status();
  for (auto& c : *alle)
    if (c.id == id) return c;
  return NotFound("er is geen contract " + std::to_string(id));
}

namespace {

Status controleer_contract(Db& db, int64_t id, const Contract& c) {
  auto& a = db.prepare("SELECT 1 FROM aanbieder WHERE agb = ?");
  a.bind(1, c.aanbieder);
  const bool bekend = a.step();
  a.reset();
  if (!bekend) return InvalidArgument("aanbieder " + c.aanbieder + " staat niet in het register");
  auto& k = db.prepare("SELECT id FROM contract WHERE kenmerk = ? AND id <> ?");
  k.bind(1, c.kenmerk).bind(2, id);
  const bool dubbel = k.step();
  k.reset();
  if (dubbel) return AlreadyExists("er is al een contract met kenmerk " + c.kenmerk);
  return Status::Ok();
}

// Writes contract `id` (which exists) with its gemeenten.
Status schrijf_contract(Db& db, int64_t id, const Contract& c) {
  JR_RETURN_IF_ERROR(controleer_contract(db, id, c));
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

}  // namespace

Result<Contract> Contractbeheer::maak_contract(const Contract& c, const store::AuditContext& ctx) {
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto& db = db_van(store_);
    JR_RETURN_IF_ERROR(controleer_contract(db, 0, c));
    JR_RETURN_IF_ERROR(db.prepare("INSERT INTO contract (kenmerk, aanbieder, soort, ingangsdatum)"
                                  " VALUES (?, ?, ?, ?)")
                           .bind(1, c.kenmerk)
                           .bind(2, c.aanbieder)
                           .bind(3, c.soort)
                           .bind(4, c.ingangsdatum.iso())
                           .run());
    const int64_t id = db.last_insert_rowid();
    JR_RETURN_IF_ERROR(schrijf_contract(db, id, c));
    Contract met_id = c;
    met_id.id = id;
    JR_RETURN_IF_ERROR(audit("contract", contract_detail(met_id), ctx));
    return id;
  });
  if (!r.ok()) return r.status();
  return lees_contract(*r);
}

Result<Contract> Contractbeheer::wijzig_contract(int64_t id, const Contract& c, Versie versie,
                                                 const store::AuditContext& ctx) {
  if (versie && *versie == 0) return InvalidArgument("een contract maakt u met POST");
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto& db = db_van(store_);
    JR_RETURN_IF_ERROR(
        neem_versie(db, "contract", "id", id, versie, "contract " + std::to_string(id)));
    JR_RETURN_IF_ERROR(schrijf_contract(db, id, c));
    Contract met_id = c;
    met_id.id = id;
    JR_RETURN_IF_ERROR(audit("contract", contract_detail(met_id), ctx));
    return id;
  });
  if (!r.ok()) return r.status();
  return lees_contract(id);
}

Status Contractbeheer::verwijder(const std::string& tabel, const std::string& object_type,
                                 int64_t id, Versie versie, const store::AuditContext& ctx) {
  if (versie && *versie == 0) return InvalidArgument("If-None-Match: * past niet bij verwijderen");
  return in_transactie(store_, [&]() -> Status {
    auto& db = db_van(store_);
    auto huidig = versie_van(db, tabel, "id", id);
    if (!huidig.ok()) return huidig.status();
    JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, object_type + " " + std::to_string(id)));
    JR_RETURN_IF_ERROR(db.prepare("DELETE FROM " + tabel + " WHERE id = ?").bind(1, id).run());
    if (db.changes() == 0) return NotFound("er is geen " + object_type + " " + std::to_string(id));
    return audit(object_type, "id=" + std::to_string(id) + " verwijderd", ctx);
  });
}

Status Contractbeheer::verwijder_contract(int64_t id, Versie versie,
                                          const store::AuditContext& ctx) {
  return verwijder("contract", "contract", id, versie, ctx);
}

// ---- budgetplafonds ----

Result<std::vector<Budgetplafond>> Contractbeheer::plafonds(std::optional<int> jaar) {
  std::string sql = std::string("SELECT ") + kPlafondKolommen + " FROM budgetplafond";
  if (jaar) sql += " WHERE jaar = ?";
  sql += " ORDER BY jaar, aanbieder, gemeente, categorie";
  auto& s = db_van(store_).prepare(sql);
  if (jaar) s.bind(1, *jaar);
  std::vector<Budgetplafond> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { uit.push_back(plafond_rij(r)); }));
  return uit;
}

Result<Budgetplafond> Contractbeheer::lees_plafond(int64_t id) {
  auto& s = db_van(store_).prepare(std::string("SELECT ") + kPlafondKolommen +
                                   " FROM budgetplafond WHERE id = ?");
  s.bind(1, id);
  if (s.step()) {
    auto p = plafond_rij(s);
    s.reset();
    return p;
  }
  JR_RETURN_IF_ERROR(s.status());
  return NotFound("er is geen budgetplafond " + std::to_string(id));
}

namespace {

Status controleer_plafond(Db& db, const Budgetplafond& p, int64_t eigen_id) {
  auto& a = db.prepare("SELECT soort, landelijk FROM aanbieder WHERE agb = ?");
  a.bind(1, p.aanbieder);
  if (!a.step()) {
    JR_RETURN_IF_ERROR(a.status());
    return InvalidArgument("aanbieder " + p.aanbieder + " staat niet in het register");
  }
  AanbiederRegel r{p.aanbieder, "", a.text(0), a.int64(1) != 0};
  a.reset();
  if (r.vrijgesteld())
    return InvalidArgument(
        "gecertificeerde instellingen en landelijk ingekochte zorg hebben geen budgetplafond");
  auto& d = db.prepare(
      "SELECT id FROM budgetplafond WHERE aanbieder = ? AND jaar = ? AND COALESCE(gemeente, '') = ?"
      " AND COALESCE(categorie, '') = ? AND id <> ?");
  d.bind(1, p.aanbieder)
      .bind(2, p.jaar)
      .bind(3, p.gemeente.value_or(""))
      .bind(4, p.categorie.value_or(""))
      .bind(5, eigen_id);
  const bool dubbel = d.step();
  d.reset();
  if (dubbel)
    return AlreadyExists("er is al een budgetplafond voor deze aanbieder, dit jaar en dit bereik");
  return Status::Ok();
}

}  // namespace

Result<Budgetplafond> Contractbeheer::maak_plafond(const Budgetplafond& p,
                                                   const store::AuditContext& ctx) {
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto& db = db_van(store_);
    JR_RETURN_IF_ERROR(controleer_plafond(db, p, 0));
    JR_RETURN_IF_ERROR(db.prepare("INSERT INTO budgetplafond (aanbieder, jaar, gemeente, categorie,"
                                  " bedrag_cent, bij_overschrijding) VALUES (?, ?, ?, ?, ?, ?)")
                           .bind(1, p.aanbieder)
                           .bind(2, p.jaar)
                           .bind(3, p.gemeente)
                           .bind(4, p.categorie)
                           .bind(5, p.bedrag_cent)
                           .bind(6, p.bij_overschrijding)
                           .run());
    Budgetplafond met_id = p;
    met_id.id = db.last_insert_rowid();
    JR_RETURN_IF_ERROR(audit("budgetplafond", plafond_detail(met_id), ctx));
    return met_id.id;
  });
  if (!r.ok()) return r.status();
  return lees_plafond(*r);
}

Result<Budgetplafond> Contractbeheer::wijzig_plafond(int64_t id, const Budgetplafond& p,
                                                     Versie versie,
                                                     const store::AuditContext& ctx) {
  if (versie && *versie == 0) return InvalidArgument("een budgetplafond maakt u met POST");
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto& db = db_van(store_);
    JR_RETURN_IF_ERROR(
        neem_versie(db, "budgetplafond", "id", id, versie, "budgetplafond " + std::to_string(id)));
    JR_RETURN_IF_ERROR(controleer_plafond(db, p, id));
    JR_RETURN_IF_ERROR(db.prepare("UPDATE budgetplafond SET aanbieder = ?, jaar = ?, gemeente = ?,"
                                  " categorie = ?, bedrag_cent = ?, bij_overschrijding = ?"
                                  " WHERE id = ?")
                           .bind(1, p.aanbieder)
                           .bind(2, p.jaar)
                           .bind(3, p.gemeente)
                           .bind(4, p.categorie)
                           .bind(5, p.bedrag_cent)
                           .bind(6, p.bij_overschrijding)
                           .bind(7, id)
                           .run());
    Budgetplafond met_id = p;
    met_id.id = id;
    JR_RETURN_IF_ERROR(audit("budgetplafond", plafond_detail(met_id), ctx));
    return id;
  });
  if (!r.ok()) return r.status();
  return lees_plafond(id);
}

Status Contractbeheer::verwijder_plafond(int64_t id, Versie versie,
                                         const store::AuditContext& ctx) {
  return verwijder("budgetplafond", "budgetplafond", id, versie, ctx);
}

// ---- wachttijdnormen ----

Result<Normen> Contractbeheer::normen() {
  auto& s = db_van(store_).prepare("SELECT categorie, weken FROM wachttijd_norm");
  Normen uit;
  JR_RETURN_IF_ERROR(
      rijen(s, [&](const Stmt& r) { uit[r.text(0)] = static_cast<int>(r.int64(1)); }));
  return uit;
}

Result<std::vector<NormRegel>> Contractbeheer::norm_regels() {
  auto& s = db_van(store_).prepare(
      "SELECT categorie, weken, versie FROM wachttijd_norm ORDER BY categorie");
  std::vector<NormRegel> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), static_cast<int>(r.int64(1)), r.int64(2)});
  }));
  return uit;
}

Result<NormRegel> Contractbeheer::lees_norm(const std::string& categorie) {
  auto alle = norm_regels();
  if (!alle.ok()) return alle.status();
  for (auto& n : *alle)
    if (n.categorie == categorie) return n;
  return NotFound("er is geen norm voor categorie " + categorie);
}

Result<NormRegel> Contractbeheer::zet_norm(const std::string& categorie, int weken, Versie versie,
                                           const store::AuditContext& ctx) {
  auto s = in_transactie(store_, [&]() -> Status {
    auto& db = db_van(store_);
    auto huidig = versie_van(db, "wachttijd_norm", "categorie", categorie);
    if (!huidig.ok()) return huidig.status();
    // Without a version the norm is set whether or not it exists (the register's import).
    if (*huidig || versie)
      JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, "norm voor categorie " + categorie));
    JR_RETURN_IF_ERROR(db.prepare("INSERT INTO wachttijd_norm (categorie, weken) VALUES (?, ?)"
                                  " ON CONFLICT (categorie) DO UPDATE SET weken = excluded.weken,"
                                  " versie = versie + 1")
                           .bind(1, categorie)
                           .bind(2, weken)
                           .run());
    return audit("wachttijdnorm", "categorie=" + categorie + " weken=" + std::to_string(weken),
                 ctx);
  });
  if (!s.ok()) return s;
  return lees_norm(categorie);
}

Status Contractbeheer::verwijder_norm(const std::string& categorie, Versie versie,
                                      const store::AuditContext& ctx) {
  if (categorie == "*") return FailedPrecondition("de algemene norm (*) blijft altijd bestaan");
  if (versie && *versie == 0) return InvalidArgument("If-None-Match: * past niet bij verwijderen");
  return in_transactie(store_, [&]() -> Status {
    auto& db = db_van(store_);
    auto huidig = versie_van(db, "wachttijd_norm", "categorie", categorie);
    if (!huidig.ok()) return huidig.status();
    JR_RETURN_IF_ERROR(controleer_versie(*huidig, versie, "norm voor categorie " + categorie));
    JR_RETURN_IF_ERROR(
        db.prepare("DELETE FROM wachttijd_norm WHERE categorie = ?").bind(1, categorie).run());
    return audit("wachttijdnorm", "categorie=" + categorie + " verwijderd", ctx);
  });
}

// ---- figures ----

Result<Tarievenboek> Contractbeheer::tarieven() {
  auto& s = db_van(store_).prepare(
      "SELECT categorie, code, geldig_van, geldig_tot, tarief_cent FROM product"
      " ORDER BY categorie, code, geldig_van");
  Tarievenboek boek;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    boek[{r.text(0), r.text(1)}].push_back(
        {datum(r.text(2)), opt_datum(r.opt_text(3)), r.int64(4)});
  }));
  return boek;
}

Result<std::vector<Realisatie>> Contractbeheer::realisatie(int jaar) {
  auto& s = db_van(store_).prepare(
      "SELECT p.aanbieder, d.gemeente, p.categorie, p.productcode, p.begindatum, p.einddatum,"
      " p.bedrag_cent FROM prestatie p JOIN declaratie d ON d.id = p.declaratie_id"
      " WHERE p.toegekend = 1 AND p.begindatum BETWEEN ? AND ?");
  s.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  std::vector<Realisatie> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    uit.push_back({r.text(0), r.text(1), r.text(2), r.text(3), datum(r.text(4)), datum(r.text(5)),
                   r.int64(6)});
  }));
  return uit;
}

Result<std::vector<Verplichting>> Contractbeheer::verplichtingen(Date van, Date tot) {
  auto& s = db_van(store_).prepare(
      "SELECT t.aanbieder, t.gemeente, COALESCE(t.categorie, ''), COALESCE(t.productcode, ''),"
      " t.ingangsdatum, t.einddatum, t.volume, COALESCE(t.eenheid, ''), COALESCE(t.frequentie, ''),"
      " t.budget_cent,"
      " (SELECT MAX(p.einddatum) FROM levering_stop p WHERE p.toewijzing_id = t.id"
      "   AND p.actueel = 1)"
      " FROM toewijzing t WHERE t.ingangsdatum <= ? AND (t.einddatum IS NULL OR t.einddatum >= ?)");
  s.bind(1, tot.iso()).bind(2, van.iso());
  std::vector<Verplichting> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    Verplichting v;
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

Result<Date> Contractbeheer::gedeclareerd_tot(int jaar) {
  auto& s = db_van(store_).prepare(
      "SELECT MAX(einddatum) FROM prestatie WHERE toegekend = 1 AND begindatum BETWEEN ? AND ?");
  s.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  std::optional<std::string> max;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { max = r.opt_text(0); }));
  Date d = max ? datum(*max) : Date(jaar, 1, 1).add_days(-1);
  return std::min({d, clock_.today(), Date(jaar, 12, 31)});
}

Result<std::vector<PlafondStand>> Contractbeheer::plafondstanden(int jaar) {
  auto ps = plafonds(jaar);
  if (!ps.ok()) return ps.status();
  std::vector<PlafondStand> uit;
  if (ps->empty()) return uit;
  auto boek = tarieven();
  if (!boek.ok()) return boek.status();
  auto real = realisatie(jaar);
  if (!real.ok()) return real.status();
  auto tot = gedeclareerd_tot(jaar);
  if (!tot.ok()) return tot.status();
  auto lopend = verplichtingen(tot->add_days(1), Date(jaar, 12, 31));
  if (!lopend.ok()) return lopend.status();
  // By aanbieder first, so that each plafond looks only at its own aanbieder's lines.
  std::map<std::string, std::vector<Realisatie>> real_per;
  for (auto& r : *real) real_per[r.aanbieder].push_back(std::move(r));
  std::map<std::string, std::vector<Verplichting>> lopend_per;
  for (auto& v : *lopend) lopend_per[v.aanbieder].push_back(std::move(v));
  static const std::vector<Realisatie> geen_real;
  static const std::vector<Verplichting> geen_lopend;
  for (const auto& p : *ps) {
    auto r = real_per.find(p.aanbieder);
    auto l = lopend_per.find(p.aanbieder);
    uit.push_back({p, bereken_jaarstand(
                          jaar, *tot, p.scope(), r == real_per.end() ? geen_real : r->second,
                          l == lopend_per.end() ? geen_lopend : l->second, *boek, p.bedrag_cent)});
  }
  return uit;
}

Result<std::vector<PlafondMelding>> Contractbeheer::toets(const Verplichting& nieuw) {
  std::vector<PlafondMelding> uit;
  auto boek = tarieven();
  if (!boek.ok()) return boek.status();
  const int eerste = nieuw.ingangsdatum.year();
  const int laatste = nieuw.einddatum ? nieuw.einddatum->year() : eerste;
  for (int jaar = eerste; jaar <= laatste; ++jaar) {
    auto standen = plafondstanden(jaar);
    if (!standen.ok()) return standen.status();
    for (const auto& ps : *standen) {
      if (!ps.plafond.scope().omvat(nieuw.aanbieder, nieuw.gemeente, nieuw.categorie)) continue;
      PlafondMelding m;
      m.plafond = ps.plafond;
      m.prognose_zonder = ps.stand.prognose;
      m.toets = toets_toewijzing(ps.stand, nieuw, *boek);
      m.weigeren = m.toets.overschreden && ps.plafond.bij_overschrijding == "weigeren";
      const std::string pct = m.toets.nieuw_pct
                                  ? std::to_string(static_cast<int>(std::floor(*m.toets.nieuw_pct)))
                                  : "?";
      std::string bereik = "aanbieder " + ps.plafond.aanbieder;
      if (ps.plafond.gemeente) bereik += ", gemeente " + *ps.plafond.gemeente;
      if (ps.plafond.categorie) bereik += ", productcategorie " + *ps.plafond.categorie;
      if (m.toets.overschreden)
        m.melding = "Deze toewijzing (" + euro(m.toets.extra) + " in " + std::to_string(jaar) +
                    ") brengt de prognose van " + bereik + " op " + euro(m.toets.nieuwe_prognose) +
                    ", boven het budgetplafond " + std::to_string(jaar) + " van " +
                    euro(ps.plafond.bedrag_cent) + " (" + pct + "%)." +
                    (m.weigeren ? " De toewijzing is daarom geweigerd."
                                : " De toewijzing mag, maar overleg met de contractmanager.");
      else
        m.melding = "Binnen het budgetplafond " + std::to_string(jaar) + " van " + bereik +
                    ": prognose met deze toewijzing " + euro(m.toets.nieuwe_prognose) + " van " +
                    euro(ps.plafond.bedrag_cent) + " (" + pct + "%).";
      uit.push_back(std::move(m));
    }
  }
  return uit;
}

Result<GemaakteToewijzing> Contractbeheer::maak_toewijzing(const NieuweToewijzing& n,
                                                           const store::AuditContext& ctx) {
  auto& db = db_van(store_);
  auto& s = db.prepare(
      "SELECT aanbieder, gemeente, jeugdige_id, referentie_aanbieder, categorie, productcode,"
      " toewijzing_ingangsdatum, toewijzing_einddatum, volume, eenheid, frequentie, budget_cent,"
      " status FROM verzoek WHERE id = ?");
  s.bind(1, n.verzoek_id);
  if (!s.step()) {
    JR_RETURN_IF_ERROR(s.status());
    return NotFound("er is geen verzoek " + std::to_string(n.verzoek_id));
  }
  store::ToewijzingRecord t;
  t.aanbieder = s.text(0);
  t.gemeente = s.text(1);
  t.jeugdige_id = s.int64(2);
  t.referentie_aanbieder = s.text(3);
  t.categorie = s.opt_text(4);
  t.productcode = s.opt_text(5);
  t.ingangsdatum = n.ingangsdatum.value_or(datum(s.text(6)));
  t.einddatum = n.einddatum ? n.einddatum : opt_datum(s.opt_text(7));
  t.volume = n.volume ? n.volume : s.opt_int64(8);
  t.eenheid = s.opt_text(9);
  t.frequentie = n.frequentie ? n.frequentie : s.opt_text(10);
  t.budget_cent = s.opt_int64(11);
  const std::string status = s.text(12);
  s.reset();
  if (status != "ontvangen")
    return FailedPrecondition("verzoek " + std::to_string(n.verzoek_id) + " is al " + status);
  if (t.einddatum && *t.einddatum < t.ingangsdatum)
    return InvalidArgument("de einddatum ligt voor de ingangsdatum");
  t.toewijzingsdatum = clock_.today();

  Verplichting v{t.aanbieder,
                 t.gemeente,
                 t.categorie.value_or(""),
                 t.productcode.value_or(""),
                 t.ingangsdatum,
                 t.einddatum,
                 t.volume.value_or(0),
                 t.eenheid.value_or(""),
                 t.frequentie.value_or(""),
                 t.budget_cent};
  auto meldingen = toets(v);
  if (!meldingen.ok()) return meldingen.status();
  for (const auto& m : *meldingen)
    if (m.weigeren) return GemaakteToewijzing{true, {}, std::move(meldingen).value()};

  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto& nr = db.prepare(
        "SELECT COALESCE(MAX(toewijzing_nummer), 0) + 1 FROM toewijzing"
        " WHERE gemeente = ?");
    nr.bind(1, t.gemeente);
    nr.step();
    t.toewijzing_nummer = nr.int64(0);
    nr.reset();
    auto id = store_.bewaar_toewijzing(t);
    if (!id.ok()) return id.status();
    JR_RETURN_IF_ERROR(db.prepare("UPDATE toewijzing SET verzoek_id = ? WHERE id = ?")
                           .bind(1, n.verzoek_id)
                           .bind(2, *id)
                           .run());
    JR_RETURN_IF_ERROR(db.prepare("UPDATE verzoek SET status = 'toegewezen' WHERE id = ?")
                           .bind(1, n.verzoek_id)
                           .run());
    auto& p = db.prepare("SELECT pseudoniem FROM jeugdige WHERE id = ?");
    p.bind(1, t.jeugdige_id);
    p.step();
    store::AuditEvent e;
    e.context = ctx;
    e.handeling = "wijzigen";
    e.object_type = "toewijzing";
    e.pseudoniem = p.text(0);
    p.reset();
    e.detail = "gemeente=" + t.gemeente +
               " toewijzing_nummer=" + std::to_string(t.toewijzing_nummer) +
               " verzoek=" + std::to_string(n.verzoek_id);
    JR_RETURN_IF_ERROR(store_.audit(e));
    return *id;
  });
  if (!r.ok()) return r.status();
  t.id = *r;
  return GemaakteToewijzing{false, t, std::move(meldingen).value()};
}

// ---- wachttijden ----

Result<std::vector<Wachtgeval>> Contractbeheer::wachtgevallen() {
  auto& s = db_van(store_).prepare(
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
  std::vector<Wachtgeval> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    Wachtgeval g;
    g.toewijzing_id = r.int64(0);
    g.toewijzing_nummer = r.int64(1);
    g.gemeente = r.text(2);
    g.aanbieder = r.text(3);
    g.categorie = r.text(4);
    g.productcode = r.text(5);
    g.toewijzing = datum(r.text(6));
    g.einddatum = opt_datum(r.opt_text(7));
    if (auto stop = opt_datum(r.opt_text(10)); stop && (!g.einddatum || *stop < *g.einddatum))
      g.einddatum = stop;
    if (auto a = opt_datum(r.opt_text(8)); a && *a <= g.toewijzing) {
      g.aanmelding = *a;
      g.bron = "jw315";
    } else {
      g.aanmelding = g.toewijzing;
      g.bron = "beschikking";
    }
    g.start = opt_datum(r.opt_text(9));
    if (auto los = opt_datum(r.opt_text(11)); los && (!g.start || *los < *g.start)) g.start = los;
    uit.push_back(std::move(g));
  }));
  return uit;
}

Result<Date> Contractbeheer::stand_gegevens() {
  auto& s = db_van(store_).prepare(
      "SELECT MAX(d) FROM (SELECT MAX(dagtekening) AS d FROM bericht WHERE richting = 'in'"
      " AND status <> 'afgekeurd' UNION ALL SELECT MAX(toewijzingsdatum) FROM toewijzing)");
  std::optional<std::string> max;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) { max = r.opt_text(0); }));
  Date vandaag = clock_.today();
  if (!max) return vandaag;
  auto d = Date::parse(*max);
  return d ? std::min(*d, vandaag) : vandaag;
}

Result<std::vector<Voorzieningen>> Contractbeheer::voorzieningen(int jaar) {
  auto& db = db_van(store_);
  std::map<std::string, int64_t> natura;
  auto& n = db.prepare(
      "SELECT d.gemeente, SUM(p.bedrag_cent) FROM prestatie p JOIN declaratie d"
      " ON d.id = p.declaratie_id WHERE p.toegekend = 1 AND p.begindatum BETWEEN ? AND ?"
      " GROUP BY d.gemeente");
  n.bind(1, Date(jaar, 1, 1).iso()).bind(2, Date(jaar, 12, 31).iso());
  JR_RETURN_IF_ERROR(rijen(n, [&](const Stmt& r) { natura[r.text(0)] = r.int64(1); }));
  auto& s = db.prepare(
      "SELECT g.code, g.naam,"
      " (SELECT bedrag_cent FROM voorziening_uitgaven u WHERE u.gemeente = g.code"
      "   AND u.jaar = ?1 AND u.soort = 'pgb'),"
      " (SELECT bedrag_cent FROM voorziening_uitgaven u WHERE u.gemeente = g.code"
      "   AND u.jaar = ?1 AND u.soort = 'algemeen'),"
      " o.pct_maatwerk, o.bron"
      " FROM gemeente g LEFT JOIN voorziening_doel o ON o.gemeente = g.code AND o.jaar = ?1"
      " ORDER BY g.code");
  s.bind(1, jaar);
  std::vector<Voorzieningen> uit;
  JR_RETURN_IF_ERROR(rijen(s, [&](const Stmt& r) {
    Voorzieningen v;
    v.gemeente = r.text(0);
    v.naam = r.text(1);
    auto it = natura.find(v.gemeente);
    v.natura_cent = it == natura.end() ? 0 : it->second;
    v.pgb_cent = r.opt_int64(2);
    v.algemeen_cent = r.opt_int64(3);
    if (!r.is_null(4)) v.doel_pct_maatwerk = sqlite3_column_double(r.raw(), 4);
    v.doel_bron = r.opt_text(5).value_or("");
    uit.push_back(std::move(v));
  }));
  return uit;
}

}  // namespace jr::contracts
