// SqliteStore's Casusregister on SQLite (migration 0011): the toegang's records. Writes are
// part of the caller's transaction; free text and the identities of ouders are sealed with
// the store's Keyring (a JSON object, nonce || ciphertext), as the identity of a jeugdige is.
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"

namespace jr::store {
namespace {

using nlohmann::json;
using sqlite::Db;
using sqlite::Stmt;

Date dag(const std::string& s) { return Date::parse(s).value_or(Date()); }
std::optional<Date> opt_dag(const std::optional<std::string>& s) {
  return s ? Date::parse(*s) : std::nullopt;
}
std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

template <class F>
Status elke_rij(Stmt& s, F&& f) {
  while (s.step()) {
    Status st = f(s);
    if (!st.ok()) {
      s.reset();
      return st;
    }
  }
  Status st = s.status();
  s.reset();
  return st;
}

std::string blob(const Stmt& s, int col) {
  const void* p = sqlite3_column_blob(s.raw(), col);
  return p ? std::string(static_cast<const char*>(p),
                         static_cast<size_t>(sqlite3_column_bytes(s.raw(), col)))
           : std::string();
}

// Whether `sql` (one bound integer or text) finds a row.
template <class K>
Result<bool> bestaat(Db& db, std::string_view sql, const K& sleutel) {
  auto& s = db.prepare(sql);
  s.bind(1, sleutel);
  const bool ja = s.step();
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return ja;
}

template <class K>
Status moet_bestaan(Db& db, std::string_view sql, const K& sleutel, const std::string& wat) {
  auto b = bestaat(db, sql, sleutel);
  if (!b.ok()) return b.status();
  if (!*b) return NotFound(wat + " bestaat niet");
  return Status::Ok();
}

// The next volgnummer of a member of gezin `gezin_id`.
Result<int64_t> volgend_lid(Db& db, int64_t gezin_id) {
  auto& s = db.prepare("SELECT COALESCE(MAX(volgnummer), 0) + 1 FROM gezinslid WHERE gezin_id = ?");
  s.bind(1, gezin_id);
  int64_t n = 1;
  if (s.step()) n = s.int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return n;
}

constexpr const char* kWerkitemKolommen =
    "w.id, w.soort, w.aanmelding_id, w.verzoek_id, w.gezin_id, w.gemeente, w.team_id,"
    " w.medewerker, w.ontvangen_op, w.eerste_contact_op, w.afgehandeld_op, a.vindplaats,"
    " a.urgentie, v.aanbieder, v.categorie, v.productcode, v.status,"
    " EXISTS (SELECT 1 FROM verzoek_antwoord va WHERE va.verzoek_id = w.verzoek_id"
    "   AND va.antwoord = 'onderzoek')"
    " FROM werkitem w LEFT JOIN aanmelding a ON a.id = w.aanmelding_id"
    " LEFT JOIN verzoek v ON v.id = w.verzoek_id";
constexpr const char* kOpen =
    "((w.soort = 'aanmelding' AND w.afgehandeld_op IS NULL) OR"
    " (w.soort = 'verzoek' AND v.status = 'ontvangen'))";

Werkitem werkitem_van(const Stmt& r) {
  Werkitem w;
  w.id = r.int64(0);
  w.soort = r.text(1);
  w.aanmelding_id = r.opt_int64(2);
  w.verzoek_id = r.opt_int64(3);
  w.gezin_id = r.int64(4);
  w.gemeente = r.text(5);
  w.team_id = r.opt_int64(6);
  w.medewerker = r.opt_text(7);
  w.ontvangen_op = dag(r.text(8));
  w.eerste_contact_op = opt_dag(r.opt_text(9));
  w.afgehandeld_op = opt_dag(r.opt_text(10));
  w.vindplaats = r.opt_text(11);
  w.urgentie = r.opt_text(12);
  w.aanbieder = r.opt_text(13);
  w.categorie = r.opt_text(14);
  w.productcode = r.opt_text(15);
  w.verzoek_status = r.opt_text(16);
  w.in_onderzoek = r.int64(17) != 0;
  return w;
}

// "?, ?, ?" for n values.
std::string vraagtekens(size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s;
}

}  // namespace

// ---- sealing ----

std::string SqliteStore::verzegel(const nlohmann::json& j) const {
  return keyring_.seal(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

Result<nlohmann::json> SqliteStore::ontzegel(std::string_view sealed) const {
  auto plain = keyring_.open(sealed);
  if (!plain.ok()) return plain.status();
  auto j = json::parse(*plain, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Internal("verzegelde inhoud is beschadigd");
  return j;
}

// ---- teams ----

Result<int64_t> SqliteStore::maak_team(const Team& t) {
  if (t.soort != "wijkteam" && t.soort != "jeugdteam")
    return InvalidArgument("soort van een team is wijkteam of jeugdteam");
  Status st = db_->prepare("INSERT INTO team (gemeente, naam, soort) VALUES (?, ?, ?)")
                  .bind(1, t.gemeente)
                  .bind(2, t.naam)
                  .bind(3, t.soort)
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("gemeente " + t.gemeente + " heeft al een team " + t.naam);
  JR_RETURN_IF_ERROR(st);
  return db_->last_insert_rowid();
}

Status SqliteStore::voeg_teamlid_toe(int64_t team_id, std::string_view gebruikersnaam) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM team WHERE id = ?", team_id,
                                  "team " + std::to_string(team_id)));
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gebruiker WHERE gebruikersnaam = ?",
                                  gebruikersnaam, "gebruiker " + std::string(gebruikersnaam)));
  return db_->prepare("INSERT OR IGNORE INTO team_lid (team_id, gebruikersnaam) VALUES (?, ?)")
      .bind(1, team_id)
      .bind(2, gebruikersnaam)
      .run();
}

Result<std::vector<Team>> SqliteStore::teams(const std::optional<std::string>& gemeente) {
  auto& s = db_->prepare(
      "SELECT id, gemeente, naam, soort FROM team WHERE ?1 IS NULL OR gemeente = ?1 ORDER BY id");
  s.bind(1, gemeente);
  std::vector<Team> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)});
    return Status::Ok();
  }));
  return uit;
}

Result<std::vector<Team>> SqliteStore::teams_van(std::string_view gebruikersnaam) {
  auto& s = db_->prepare(
      "SELECT t.id, t.gemeente, t.naam, t.soort FROM team t JOIN team_lid l ON l.team_id = t.id"
      " WHERE l.gebruikersnaam = ? ORDER BY t.id");
  s.bind(1, gebruikersnaam);
  std::vector<Team> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back({r.int64(0), r.text(1), r.text(2), r.text(3)});
    return Status::Ok();
  }));
  return uit;
}

// ---- configuration ----

Result<CaseworkInstellingen> SqliteStore::instellingen(std::string_view gemeente) {
  auto& s = db_->prepare(
      "SELECT awb_weken, eerste_contact_werkdagen FROM casework_instelling WHERE gemeente = ?");
  s.bind(1, gemeente);
  CaseworkInstellingen i;
  if (s.step()) {
    i.awb_weken = static_cast<int>(s.int64(0));
    i.eerste_contact_werkdagen = static_cast<int>(s.int64(1));
  }
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return i;
}

Status SqliteStore::zet_instellingen(std::string_view gemeente, const CaseworkInstellingen& i) {
  if (i.awb_weken < 1 || i.awb_weken > 26 || i.eerste_contact_werkdagen < 1 ||
      i.eerste_contact_werkdagen > 60)
    return InvalidArgument("termijnen buiten bereik (1-26 weken, 1-60 werkdagen)");
  return db_
      ->prepare(
          "INSERT INTO casework_instelling (gemeente, awb_weken, eerste_contact_werkdagen)"
          " VALUES (?, ?, ?) ON CONFLICT (gemeente) DO UPDATE SET awb_weken = excluded.awb_weken,"
          " eerste_contact_werkdagen = excluded.eerste_contact_werkdagen")
      .bind(1, gemeente)
      .bind(2, i.awb_weken)
      .bind(3, i.eerste_contact_werkdagen)
      .run();
}

Result<std::vector<Leefgebied>> SqliteStore::leefgebieden(std::string_view gemeente) {
  // The gemeente's own list when it has one, else the default list.
  auto& s = db_->prepare(
      "SELECT code, naam, vanaf_leeftijd FROM leefgebied WHERE gemeente IS"
      " (SELECT gemeente FROM leefgebied WHERE gemeente = ?1 LIMIT 1) ORDER BY volgorde, code");
  s.bind(1, gemeente);
  std::vector<Leefgebied> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    Leefgebied l{r.text(0), r.text(1), std::nullopt};
    if (auto v = r.opt_int64(2)) l.vanaf_leeftijd = static_cast<int>(*v);
    uit.push_back(std::move(l));
    return Status::Ok();
  }));
  return uit;
}

// ---- gezinnen ----

Result<int64_t> SqliteStore::maak_gezin(const GezinRecord& g) {
  if (g.team_id)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM team WHERE id = ?", *g.team_id,
                                    "team " + std::to_string(*g.team_id)));
  JR_RETURN_IF_ERROR(
      db_->prepare(
             "INSERT INTO gezin (gemeente, team_id, regisseur, aangemaakt_op) VALUES (?, ?, ?, ?)")
          .bind(1, g.gemeente)
          .bind(2, g.team_id)
          .bind(3, g.regisseur)
          .bind(4, g.aangemaakt_op.iso())
          .run());
  return db_->last_insert_rowid();
}

Result<int64_t> SqliteStore::voeg_jeugdige_toe(int64_t gezin_id, int64_t jeugdige_id, Date van) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", gezin_id,
                                  "gezin " + std::to_string(gezin_id)));
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM jeugdige WHERE id = ?", jeugdige_id,
                                  "jeugdige " + std::to_string(jeugdige_id)));
  auto& nu = db_->prepare(
      "SELECT gezin_id, volgnummer FROM gezinslid WHERE jeugdige_id = ? AND tot IS NULL");
  nu.bind(1, jeugdige_id);
  std::optional<std::pair<int64_t, int64_t>> huidig;
  if (nu.step()) huidig = std::pair{nu.int64(0), nu.int64(1)};
  Status st = nu.status();
  nu.reset();
  JR_RETURN_IF_ERROR(st);
  if (huidig && huidig->first == gezin_id) return huidig->second;
  if (huidig)  // a move: the old membership ends where the new one begins
    JR_RETURN_IF_ERROR(
        db_->prepare("UPDATE gezinslid SET tot = ? WHERE jeugdige_id = ? AND tot IS NULL")
            .bind(1, van.iso())
            .bind(2, jeugdige_id)
            .run());
  auto n = volgend_lid(*db_, gezin_id);
  if (!n.ok()) return n.status();
  JR_RETURN_IF_ERROR(
      db_->prepare("INSERT INTO gezinslid (gezin_id, volgnummer, soort, jeugdige_id, van)"
                   " VALUES (?, ?, 'jeugdige', ?, ?)")
          .bind(1, gezin_id)
          .bind(2, *n)
          .bind(3, jeugdige_id)
          .bind(4, van.iso())
          .run());
  return *n;
}

Result<int64_t> SqliteStore::voeg_ouder_toe(int64_t gezin_id, const Gezinslid& lid) {
  if (!lid.ouder) return InvalidArgument("een ouder/verzorger heeft een naam");
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", gezin_id,
                                  "gezin " + std::to_string(gezin_id)));
  auto n = volgend_lid(*db_, gezin_id);
  if (!n.ok()) return n.status();
  const OuderIdentiteit& o = *lid.ouder;
  json j = {{"voornamen", o.voornamen},   {"voorvoegsel", o.voorvoegsel},
            {"achternaam", o.achternaam}, {"telefoon", o.telefoon},
            {"email", o.email},           {"straat", o.straat},
            {"huisnummer", o.huisnummer}, {"postcode", o.postcode},
            {"plaats", o.plaats}};
  JR_RETURN_IF_ERROR(
      db_->prepare(
             "INSERT INTO gezinslid (gezin_id, volgnummer, soort, identiteit, relatie, gezag, van)"
             " VALUES (?, ?, 'ouder', ?, ?, ?, ?)")
          .bind(1, gezin_id)
          .bind(2, *n)
          .bind_blob(3, verzegel(j))
          .bind(4, lid.relatie)
          .bind(5, lid.gezag ? 1 : 0)
          .bind(6, lid.van.iso())
          .run());
  return *n;
}

Result<std::optional<int64_t>> SqliteStore::gezin_van_jeugdige(int64_t jeugdige_id) {
  auto& s = db_->prepare("SELECT gezin_id FROM gezinslid WHERE jeugdige_id = ? AND tot IS NULL");
  s.bind(1, jeugdige_id);
  std::optional<int64_t> g;
  if (s.step()) g = s.int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return g;
}

Result<GezinRecord> SqliteStore::lees_gezin(int64_t id) {
  auto& s = db_->prepare(
      "SELECT gemeente, team_id, regisseur, aangemaakt_op, versie FROM gezin WHERE id = ?");
  s.bind(1, id);
  std::optional<GezinRecord> g;
  if (s.step())
    g = GezinRecord{id, s.text(0), s.opt_int64(1), s.opt_text(2), dag(s.text(3)), s.int64(4), {}};
  Status st = s.status();
  s.reset();
  JR_RETURN_IF_ERROR(st);
  if (!g) return NotFound("gezin " + std::to_string(id) + " bestaat niet");
  auto& l = db_->prepare(
      "SELECT l.id, l.volgnummer, l.soort, l.jeugdige_id, j.geboortedatum, l.identiteit,"
      " l.relatie, l.gezag, l.van, l.tot FROM gezinslid l LEFT JOIN jeugdige j"
      " ON j.id = l.jeugdige_id WHERE l.gezin_id = ? ORDER BY l.volgnummer");
  l.bind(1, id);
  JR_RETURN_IF_ERROR(elke_rij(l, [&](const Stmt& r) -> Status {
    Gezinslid m;
    m.id = r.int64(0);
    m.volgnummer = r.int64(1);
    m.soort = r.text(2);
    m.jeugdige_id = r.opt_int64(3);
    m.geboortedatum = opt_dag(r.opt_text(4));
    if (!r.is_null(5)) {
      auto j = ontzegel(blob(r, 5));
      if (!j.ok()) return j.status();
      OuderIdentiteit o;
      o.voornamen = j->value("voornamen", "");
      o.voorvoegsel = j->value("voorvoegsel", "");
      o.achternaam = j->value("achternaam", "");
      o.telefoon = j->value("telefoon", "");
      o.email = j->value("email", "");
      o.straat = j->value("straat", "");
      o.huisnummer = j->value("huisnummer", int64_t{0});
      o.postcode = j->value("postcode", "");
      o.plaats = j->value("plaats", "");
      m.ouder = std::move(o);
    }
    m.relatie = r.opt_text(6);
    m.gezag = r.int64(7) != 0;
    m.van = dag(r.text(8));
    m.tot = opt_dag(r.opt_text(9));
    g->leden.push_back(std::move(m));
    return Status::Ok();
  }));
  return *g;
}

Status SqliteStore::zet_regisseur(int64_t id, const std::optional<std::string>& regisseur,
                                  Versie versie) {
  auto& s = db_->prepare("SELECT versie FROM gezin WHERE id = ?");
  s.bind(1, id);
  std::optional<int64_t> huidig;
  if (s.step()) huidig = s.int64(0);
  Status st = s.status();
  s.reset();
  JR_RETURN_IF_ERROR(st);
  if (!huidig) return NotFound("gezin " + std::to_string(id) + " bestaat niet");
  if (versie && *versie == 0) return Aborted("gezin " + std::to_string(id) + " bestaat al");
  JR_RETURN_IF_ERROR(controleer_versie(huidig, versie, "gezin " + std::to_string(id)));
  if (regisseur)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gebruiker WHERE gebruikersnaam = ?",
                                    *regisseur, "gebruiker " + *regisseur));
  return db_->prepare("UPDATE gezin SET regisseur = ?, versie = versie + 1 WHERE id = ?")
      .bind(1, regisseur)
      .bind(2, id)
      .run();
}

// ---- aanmeldingen and werkvoorraad ----

Result<int64_t> SqliteStore::bewaar_aanmelding(const AanmeldingRecord& a,
                                               std::optional<int64_t> team_id) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", a.gezin_id,
                                  "gezin " + std::to_string(a.gezin_id)));
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM jeugdige WHERE id = ?", a.jeugdige_id,
                                  "jeugdige " + std::to_string(a.jeugdige_id)));
  if (team_id)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM team WHERE id = ?", *team_id,
                                    "team " + std::to_string(*team_id)));
  JR_RETURN_IF_ERROR(
      db_->prepare("INSERT INTO aanmelding (gezin_id, jeugdige_id, gemeente, vindplaats,"
                   " aangemeld_op, urgentie, toestemming_delen, medewerker, inhoud)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(1, a.gezin_id)
          .bind(2, a.jeugdige_id)
          .bind(3, a.gemeente)
          .bind(4, a.vindplaats)
          .bind(5, a.aangemeld_op.iso())
          .bind(6, a.urgentie)
          .bind(7, a.toestemming_delen ? 1 : 0)
          .bind(8, a.medewerker)
          .bind_blob(9, verzegel(json{{"vraag", a.vraag}}))
          .run());
  const int64_t id = db_->last_insert_rowid();
  JR_RETURN_IF_ERROR(db_->prepare("INSERT INTO werkitem (soort, aanmelding_id, gezin_id, gemeente,"
                                  " team_id, ontvangen_op) VALUES ('aanmelding', ?, ?, ?, ?, ?)")
                         .bind(1, id)
                         .bind(2, a.gezin_id)
                         .bind(3, a.gemeente)
                         .bind(4, team_id)
                         .bind(5, a.aangemeld_op.iso())
                         .run());
  return id;
}

Result<std::vector<AanmeldingRecord>> SqliteStore::aanmeldingen(int64_t gezin_id) {
  auto& s = db_->prepare(
      "SELECT id, jeugdige_id, gemeente, vindplaats, aangemeld_op, urgentie, toestemming_delen,"
      " medewerker, inhoud FROM aanmelding WHERE gezin_id = ? ORDER BY aangemeld_op, id");
  s.bind(1, gezin_id);
  std::vector<AanmeldingRecord> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) -> Status {
    AanmeldingRecord a;
    a.id = r.int64(0);
    a.gezin_id = gezin_id;
    a.jeugdige_id = r.int64(1);
    a.gemeente = r.text(2);
    a.vindplaats = r.text(3);
    a.aangemeld_op = dag(r.text(4));
    a.urgentie = r.text(5);
    a.toestemming_delen = r.int64(6) != 0;
    a.medewerker = r.text(7);
    auto j = ontzegel(blob(r, 8));
    if (!j.ok()) return j.status();
    a.vraag = j->value("vraag", "");
    uit.push_back(std::move(a));
    return Status::Ok();
  }));
  return uit;
}

Result<int64_t> SqliteStore::werk_voor_verzoek(int64_t verzoek_id) {
  auto bestaand = werkitem_van_verzoek(verzoek_id);
  if (!bestaand.ok()) return bestaand.status();
  if (*bestaand) return **bestaand;
  auto& v = db_->prepare("SELECT gemeente, jeugdige_id, dagtekening FROM verzoek WHERE id = ?");
  v.bind(1, verzoek_id);
  std::optional<std::tuple<std::string, int64_t, std::string>> vz;
  if (v.step()) vz = std::tuple{v.text(0), v.int64(1), v.text(2)};
  Status st = v.status();
  v.reset();
  JR_RETURN_IF_ERROR(st);
  if (!vz) return NotFound("verzoek " + std::to_string(verzoek_id) + " bestaat niet");
  const auto& [gemeente, jeugdige_id, dagtekening] = *vz;
  auto gezin = gezin_van_jeugdige(jeugdige_id);
  if (!gezin.ok()) return gezin.status();
  std::optional<int64_t> team;
  if (*gezin) {
    auto& t = db_->prepare("SELECT team_id FROM gezin WHERE id = ?");
    t.bind(1, **gezin);
    if (t.step()) team = t.opt_int64(0);
    st = t.status();
    t.reset();
    JR_RETURN_IF_ERROR(st);
  }
  if (!team) {
    auto& t = db_->prepare("SELECT MIN(id) FROM team WHERE gemeente = ?");
    t.bind(1, gemeente);
    if (t.step()) team = t.opt_int64(0);
    st = t.status();
    t.reset();
    JR_RETURN_IF_ERROR(st);
  }
  if (!*gezin) {
    GezinRecord g;
    g.gemeente = gemeente;
    g.team_id = team;
    g.aangemaakt_op = dag(dagtekening);
    auto nieuw = maak_gezin(g);
    if (!nieuw.ok()) return nieuw.status();
    auto lid = voeg_jeugdige_toe(*nieuw, jeugdige_id, dag(dagtekening));
    if (!lid.ok()) return lid.status();
    *gezin = *nieuw;
  }
  JR_RETURN_IF_ERROR(
      db_->prepare("INSERT INTO werkitem (soort, verzoek_id, gezin_id, gemeente, team_id,"
                   " ontvangen_op) VALUES ('verzoek', ?, ?, ?, ?, ?)")
          .bind(1, verzoek_id)
          .bind(2, **gezin)
          .bind(3, gemeente)
          .bind(4, team)
          .bind(5, dagtekening)
          .run());
  return db_->last_insert_rowid();
}

Result<std::optional<int64_t>> SqliteStore::werkitem_van_verzoek(int64_t verzoek_id) {
  auto& s = db_->prepare("SELECT id FROM werkitem WHERE verzoek_id = ?");
  s.bind(1, verzoek_id);
  std::optional<int64_t> id;
  if (s.step()) id = s.int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Werkitem>> SqliteStore::werkvoorraad(const WerkvoorraadVraag& v) {
  std::string sql = std::string("SELECT ") + kWerkitemKolommen + " WHERE " + kOpen + " AND (0";
  if (!v.teams.empty()) sql += " OR w.team_id IN (" + vraagtekens(v.teams.size()) + ")";
  if (!v.gemeenten.empty())
    sql += " OR (w.team_id IS NULL AND w.gemeente IN (" + vraagtekens(v.gemeenten.size()) + "))";
  if (v.regisseur) sql += " OR w.gezin_id IN (SELECT id FROM gezin WHERE regisseur = ?)";
  sql += ") ORDER BY w.ontvangen_op, w.id";
  auto& s = db_->prepare(sql);
  int i = 1;
  for (int64_t t : v.teams) s.bind(i++, t);
  for (const auto& g : v.gemeenten) s.bind(i++, g);
  if (v.regisseur) s.bind(i++, *v.regisseur);
  std::vector<Werkitem> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back(werkitem_van(r));
    return Status::Ok();
  }));
  return uit;
}

Result<std::vector<Werkitem>> SqliteStore::werkitems_van_gezin(int64_t gezin_id) {
  auto& s = db_->prepare(std::string("SELECT ") + kWerkitemKolommen + " WHERE " + kOpen +
                         " AND w.gezin_id = ? ORDER BY w.ontvangen_op, w.id");
  s.bind(1, gezin_id);
  std::vector<Werkitem> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back(werkitem_van(r));
    return Status::Ok();
  }));
  return uit;
}

Result<int64_t> SqliteStore::pak_op(int64_t gezin_id, std::string_view medewerker, Date datum) {
  auto open = werkitems_van_gezin(gezin_id);
  if (!open.ok()) return open.status();
  int64_t n = 0;
  for (const auto& w : *open) {
    if (w.medewerker && w.eerste_contact_op) continue;
    JR_RETURN_IF_ERROR(
        db_->prepare("UPDATE werkitem SET medewerker = COALESCE(medewerker, ?),"
                     " eerste_contact_op = COALESCE(eerste_contact_op, ?) WHERE id = ?")
            .bind(1, medewerker)
            .bind(2, datum.iso())
            .bind(3, w.id)
            .run());
    ++n;
  }
  return n;
}

Result<int64_t> SqliteStore::handel_aanmeldingen_af(int64_t gezin_id, int64_t jeugdige_id,
                                                    Date datum) {
  JR_RETURN_IF_ERROR(
      db_->prepare("UPDATE werkitem SET afgehandeld_op = ? WHERE soort = 'aanmelding'"
                   " AND afgehandeld_op IS NULL AND gezin_id = ? AND aanmelding_id IN"
                   " (SELECT id FROM aanmelding WHERE jeugdige_id = ?)")
          .bind(1, datum.iso())
          .bind(2, gezin_id)
          .bind(3, jeugdige_id)
          .run());
  return db_->changes();
}

// ---- vraagverheldering ----

Result<int64_t> SqliteStore::bewaar_vraagverheldering(const VraagverhelderingRecord& v) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", v.gezin_id,
                                  "gezin " + std::to_string(v.gezin_id)));
  json inhoud = {
      {"sterkePunten", v.sterke_punten}, {"netwerk", v.netwerk}, {"eigenKracht", v.eigen_kracht}};
  JR_RETURN_IF_ERROR(db_->prepare("INSERT INTO vraagverheldering (gezin_id, datum, medewerker, "
                                  "inhoud) VALUES (?, ?, ?, ?)")
                         .bind(1, v.gezin_id)
                         .bind(2, v.datum.iso())
                         .bind(3, v.medewerker)
                         .bind_blob(4, verzegel(inhoud))
                         .run());
  const int64_t id = db_->last_insert_rowid();
  for (const auto& s : v.scores) {
    Status st = db_->prepare(
                       "INSERT INTO leefgebied_score (vraagverheldering_id, leefgebied,"
                       " jeugdige_id, score, inhoud) VALUES (?, ?, ?, ?, ?)")
                    .bind(1, id)
                    .bind(2, s.leefgebied)
                    .bind(3, s.jeugdige_id)
                    .bind(4, s.score)
                    .bind_blob(5, verzegel(json{{"toelichting", s.toelichting}}))
                    .run();
    if (st.code() == StatusCode::kAlreadyExists)
      return AlreadyExists("leefgebied " + s.leefgebied + " heeft twee scores");
    JR_RETURN_IF_ERROR(st);
  }
  return id;
}

Result<std::vector<VraagverhelderingRecord>> SqliteStore::vraagverhelderingen(int64_t gezin_id) {
  auto& s = db_->prepare(
      "SELECT id, datum, medewerker, inhoud FROM vraagverheldering WHERE gezin_id = ?"
      " ORDER BY datum, id");
  s.bind(1, gezin_id);
  std::vector<VraagverhelderingRecord> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) -> Status {
    VraagverhelderingRecord v;
    v.id = r.int64(0);
    v.gezin_id = gezin_id;
    v.datum = dag(r.text(1));
    v.medewerker = r.text(2);
    auto j = ontzegel(blob(r, 3));
    if (!j.ok()) return j.status();
    v.sterke_punten = j->value("sterkePunten", "");
    v.netwerk = j->value("netwerk", "");
    v.eigen_kracht = j->value("eigenKracht", "");
    uit.push_back(std::move(v));
    return Status::Ok();
  }));
  for (auto& v : uit) {
    auto& sc = db_->prepare(
        "SELECT s.leefgebied, s.jeugdige_id, s.score, s.inhoud FROM leefgebied_score s"
        " LEFT JOIN leefgebied l ON l.code = s.leefgebied AND l.gemeente IS NULL"
        " WHERE s.vraagverheldering_id = ? ORDER BY COALESCE(l.volgorde, 99), s.leefgebied,"
        " s.jeugdige_id");
    sc.bind(1, v.id);
    JR_RETURN_IF_ERROR(elke_rij(sc, [&](const Stmt& r) -> Status {
      auto j = ontzegel(blob(r, 3));
      if (!j.ok()) return j.status();
      v.scores.push_back(
          {r.text(0), r.opt_int64(1), static_cast<int>(r.int64(2)), j->value("toelichting", "")});
      return Status::Ok();
    }));
  }
  return uit;
}

// ---- gezinsplan ----

Result<std::optional<int64_t>> SqliteStore::plan_versie(int64_t gezin_id) {
  auto& s = db_->prepare("SELECT MAX(versie) FROM gezinsplan WHERE gezin_id = ?");
  s.bind(1, gezin_id);
  std::optional<int64_t> v;
  if (s.step()) v = s.opt_int64(0);
  Status st = s.status();
  s.reset();
  if (!st.ok()) return st;
  return v;
}

Result<int64_t> SqliteStore::bewaar_gezinsplan(const GezinsplanRecord& p, Versie basis) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", p.gezin_id,
                                  "gezin " + std::to_string(p.gezin_id)));
  auto huidig = plan_versie(p.gezin_id);
  if (!huidig.ok()) return huidig.status();
  const std::string wat = "het gezinsplan van gezin " + std::to_string(p.gezin_id);
  if (basis && *basis == 0) {
    if (*huidig) return Aborted(wat + " bestaat al");
  } else if (basis && huidig->value_or(0) != *basis) {
    return Aborted(wat + " is intussen gewijzigd");
  }
  const int64_t versie = huidig->value_or(0) + 1;
  Status st =
      db_->prepare(
             "INSERT INTO gezinsplan (gezin_id, versie, datum, medewerker) VALUES (?, ?, ?, ?)")
          .bind(1, p.gezin_id)
          .bind(2, versie)
          .bind(3, p.datum.iso())
          .bind(4, p.medewerker)
          .run();
  if (st.code() == StatusCode::kAlreadyExists) return Aborted(wat + " is intussen gewijzigd");
  JR_RETURN_IF_ERROR(st);
  const int64_t id = db_->last_insert_rowid();
  int64_t n = 0;
  for (const auto& d : p.doelen)
    JR_RETURN_IF_ERROR(
        db_->prepare("INSERT INTO plan_doel (plan_id, volgnummer, leefgebied, jeugdige_id,"
                     " evaluatiedatum, evaluatie, inhoud) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, ++n)
            .bind(3, d.leefgebied)
            .bind(4, d.jeugdige_id)
            .bind(5, d.evaluatiedatum.iso())
            .bind(6, d.evaluatie)
            .bind_blob(7, verzegel(json{{"doel", d.doel}, {"resultaat", d.resultaat}}))
            .run());
  n = 0;
  for (const auto& a : p.afspraken)
    JR_RETURN_IF_ERROR(
        db_->prepare("INSERT INTO plan_afspraak (plan_id, volgnummer, wie, aanbieder,"
                     " inhoud) VALUES (?, ?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, ++n)
            .bind(3, a.wie)
            .bind(4, a.aanbieder)
            .bind_blob(5, verzegel(json{{"wat", a.wat}}))
            .run());
  for (const auto& i : p.instemmingen) {
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezinslid WHERE id = ?", i.lid_id,
                                    "gezinslid " + std::to_string(i.lid_id)));
    JR_RETURN_IF_ERROR(
        db_->prepare("INSERT INTO plan_instemming (plan_id, lid_id, instemming, datum)"
                     " VALUES (?, ?, ?, ?)")
            .bind(1, id)
            .bind(2, i.lid_id)
            .bind(3, i.instemming ? 1 : 0)
            .bind(4, i.datum.iso())
            .run());
  }
  return versie;
}

Result<std::vector<GezinsplanRecord>> SqliteStore::gezinsplannen(int64_t gezin_id) {
  auto& s = db_->prepare(
      "SELECT id, versie, datum, medewerker FROM gezinsplan WHERE gezin_id = ? ORDER BY versie");
  s.bind(1, gezin_id);
  std::vector<GezinsplanRecord> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    GezinsplanRecord p;
    p.id = r.int64(0);
    p.gezin_id = gezin_id;
    p.versie = r.int64(1);
    p.datum = dag(r.text(2));
    p.medewerker = r.text(3);
    uit.push_back(std::move(p));
    return Status::Ok();
  }));
  for (auto& p : uit) {
    auto& d = db_->prepare(
        "SELECT leefgebied, jeugdige_id, evaluatiedatum, evaluatie, inhoud FROM plan_doel"
        " WHERE plan_id = ? ORDER BY volgnummer");
    d.bind(1, p.id);
    JR_RETURN_IF_ERROR(elke_rij(d, [&](const Stmt& r) -> Status {
      auto j = ontzegel(blob(r, 4));
      if (!j.ok()) return j.status();
      p.doelen.push_back({r.text(0), r.opt_int64(1), j->value("doel", ""),
                          j->value("resultaat", ""), dag(r.text(2)), r.opt_text(3)});
      return Status::Ok();
    }));
    auto& a = db_->prepare(
        "SELECT wie, aanbieder, inhoud FROM plan_afspraak WHERE plan_id = ? ORDER BY volgnummer");
    a.bind(1, p.id);
    JR_RETURN_IF_ERROR(elke_rij(a, [&](const Stmt& r) -> Status {
      auto j = ontzegel(blob(r, 2));
      if (!j.ok()) return j.status();
      p.afspraken.push_back({r.text(0), r.opt_text(1), j->value("wat", "")});
      return Status::Ok();
    }));
    auto& i = db_->prepare(
        "SELECT lid_id, instemming, datum FROM plan_instemming WHERE plan_id = ? ORDER BY lid_id");
    i.bind(1, p.id);
    JR_RETURN_IF_ERROR(elke_rij(i, [&](const Stmt& r) {
      p.instemmingen.push_back({r.int64(0), r.int64(1) != 0, dag(r.text(2))});
      return Status::Ok();
    }));
  }
  return uit;
}

// ---- besluiten ----

Result<int64_t> SqliteStore::bewaar_besluit(const BesluitRecord& b) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM gezin WHERE id = ?", b.gezin_id,
                                  "gezin " + std::to_string(b.gezin_id)));
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM jeugdige WHERE id = ?", b.jeugdige_id,
                                  "jeugdige " + std::to_string(b.jeugdige_id)));
  if (b.aanbieder)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM aanbieder WHERE agb = ?", *b.aanbieder,
                                    "aanbieder " + *b.aanbieder));
  if (b.toewijzing_id)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM toewijzing WHERE id = ?", *b.toewijzing_id,
                                    "toewijzing " + std::to_string(*b.toewijzing_id)));
  if (b.wijkteam_traject_id)
    JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM wijkteam_traject WHERE id = ?",
                                    *b.wijkteam_traject_id, "wijkteam traject"));
  JR_RETURN_IF_ERROR(
      db_->prepare(
             "INSERT INTO besluit (gezin_id, jeugdige_id, gemeente, soort, besluitdatum,"
             " medewerker, ingangsdatum, einddatum, aanbieder, categorie, productcode, volume,"
             " eenheid, frequentie, verzonden_op, bezwaar_tot, toewijzing_id, wijkteam_traject_id,"
             " inhoud) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(1, b.gezin_id)
          .bind(2, b.jeugdige_id)
          .bind(3, b.gemeente)
          .bind(4, b.soort)
          .bind(5, b.besluitdatum.iso())
          .bind(6, b.medewerker)
          .bind(7, opt_iso(b.ingangsdatum))
          .bind(8, opt_iso(b.einddatum))
          .bind(9, b.aanbieder)
          .bind(10, b.categorie)
          .bind(11, b.productcode)
          .bind(12, b.volume)
          .bind(13, b.eenheid)
          .bind(14, b.frequentie)
          .bind(15, opt_iso(b.verzonden_op))
          .bind(16, opt_iso(b.bezwaar_tot))
          .bind(17, b.toewijzing_id)
          .bind(18, b.wijkteam_traject_id)
          .bind_blob(19,
                     verzegel(json{{"motivering", b.motivering}, {"voorziening", b.voorziening}}))
          .run());
  return db_->last_insert_rowid();
}

Result<std::vector<BesluitRecord>> SqliteStore::besluiten(int64_t gezin_id) {
  auto& s = db_->prepare(
      "SELECT id, jeugdige_id, gemeente, soort, besluitdatum, medewerker, ingangsdatum,"
      " einddatum, aanbieder, categorie, productcode, volume, eenheid, frequentie, verzonden_op,"
      " bezwaar_tot, toewijzing_id, wijkteam_traject_id, inhoud FROM besluit WHERE gezin_id = ?"
      " ORDER BY besluitdatum, id");
  s.bind(1, gezin_id);
  std::vector<BesluitRecord> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) -> Status {
    BesluitRecord b;
    b.id = r.int64(0);
    b.gezin_id = gezin_id;
    b.jeugdige_id = r.int64(1);
    b.gemeente = r.text(2);
    b.soort = r.text(3);
    b.besluitdatum = dag(r.text(4));
    b.medewerker = r.text(5);
    b.ingangsdatum = opt_dag(r.opt_text(6));
    b.einddatum = opt_dag(r.opt_text(7));
    b.aanbieder = r.opt_text(8);
    b.categorie = r.opt_text(9);
    b.productcode = r.opt_text(10);
    b.volume = r.opt_int64(11);
    b.eenheid = r.opt_text(12);
    b.frequentie = r.opt_text(13);
    b.verzonden_op = opt_dag(r.opt_text(14));
    b.bezwaar_tot = opt_dag(r.opt_text(15));
    b.toewijzing_id = r.opt_int64(16);
    b.wijkteam_traject_id = r.opt_int64(17);
    auto j = ontzegel(blob(r, 18));
    if (!j.ok()) return j.status();
    b.motivering = j->value("motivering", "");
    b.voorziening = j->value("voorziening", "");
    uit.push_back(std::move(b));
    return Status::Ok();
  }));
  return uit;
}

Result<int64_t> SqliteStore::bewaar_wijkteam_traject(std::string_view gemeente, int64_t jeugdige_id,
                                                     Date begindatum,
                                                     std::optional<Date> einddatum) {
  Status st = db_->prepare(
                     "INSERT INTO wijkteam_traject (gemeente, jeugdige_id, begindatum, einddatum)"
                     " VALUES (?, ?, ?, ?)")
                  .bind(1, gemeente)
                  .bind(2, jeugdige_id)
                  .bind(3, begindatum.iso())
                  .bind(4, opt_iso(einddatum))
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("deze jeugdige heeft al wijkteamzorg vanaf " + begindatum.iso());
  JR_RETURN_IF_ERROR(st);
  return db_->last_insert_rowid();
}

// ---- verzoeken ----

namespace {
constexpr const char* kVerzoekKolommen =
    "SELECT v.id, v.aanbieder, v.gemeente, v.jeugdige_id,"
    " (SELECT gezin_id FROM gezinslid l WHERE l.jeugdige_id = v.jeugdige_id AND l.tot IS NULL),"
    " v.referentie_aanbieder, v.dagtekening, v.categorie, v.productcode,"
    " v.toewijzing_ingangsdatum, v.toewijzing_einddatum, v.volume, v.eenheid, v.frequentie,"
    " v.verwijzer_type, v.status,"
    " (SELECT group_concat(antwoord, ' ') FROM verzoek_antwoord a WHERE a.verzoek_id = v.id),"
    " v.soort, v.reden_verzoek"
    " FROM verzoek v";

VerzoekRij verzoek_van(const Stmt& r) {
  VerzoekRij v;
  v.id = r.int64(0);
  v.aanbieder = r.text(1);
  v.gemeente = r.text(2);
  v.jeugdige_id = r.int64(3);
  v.gezin_id = r.opt_int64(4);
  v.referentie_aanbieder = r.text(5);
  v.dagtekening = dag(r.text(6));
  v.categorie = r.opt_text(7);
  v.productcode = r.opt_text(8);
  v.ingangsdatum = opt_dag(r.opt_text(9));
  v.einddatum = opt_dag(r.opt_text(10));
  v.volume = r.opt_int64(11);
  v.eenheid = r.opt_text(12);
  v.frequentie = r.opt_text(13);
  v.verwijzer_type = r.opt_text(14);
  v.status = r.text(15);
  v.soort = r.text(17);
  v.reden_verzoek = r.opt_text(18);
  if (auto a = r.opt_text(16)) {
    size_t b = 0;
    while (b < a->size()) {
      size_t e = a->find(' ', b);
      if (e == std::string::npos) e = a->size();
      v.antwoorden.push_back(a->substr(b, e - b));
      b = e + 1;
    }
  }
  return v;
}
}  // namespace

Result<std::vector<VerzoekRij>> SqliteStore::open_verzoeken(
    const std::vector<std::string>& gemeenten) {
  std::vector<VerzoekRij> uit;
  if (gemeenten.empty()) return uit;
  auto& s = db_->prepare(std::string(kVerzoekKolommen) + " WHERE v.status = 'ontvangen' AND" +
                         " v.gemeente IN (" + vraagtekens(gemeenten.size()) +
                         ") ORDER BY v.dagtekening, v.id");
  int i = 1;
  for (const auto& g : gemeenten) s.bind(i++, g);
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back(verzoek_van(r));
    return Status::Ok();
  }));
  return uit;
}

Result<VerzoekRij> SqliteStore::lees_verzoek_rij(int64_t id) {
  auto& s = db_->prepare(std::string(kVerzoekKolommen) + " WHERE v.id = ?");
  s.bind(1, id);
  std::optional<VerzoekRij> v;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    v = verzoek_van(r);
    return Status::Ok();
  }));
  if (!v) return NotFound("er is geen verzoek " + std::to_string(id));
  return *v;
}

Status SqliteStore::bewaar_verzoek_antwoord(const VerzoekAntwoordRecord& a) {
  if (a.antwoord == "afgewezen" && !a.reden)
    return InvalidArgument("een afwijzing noemt haar reden (WJ759)");
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM verzoek WHERE id = ?", a.verzoek_id,
                                  "verzoek " + std::to_string(a.verzoek_id)));
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM bericht WHERE id = ?", a.bericht_id,
                                  "bericht " + std::to_string(a.bericht_id)));
  JR_RETURN_IF_ERROR(db_->prepare("INSERT INTO verzoek_antwoord (verzoek_id, antwoord, reden,"
                                  " woonplaats_gemeente, datum, medewerker, bericht_id)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)")
                         .bind(1, a.verzoek_id)
                         .bind(2, a.antwoord)
                         .bind(3, a.reden)
                         .bind(4, a.woonplaats_gemeente)
                         .bind(5, a.datum.iso())
                         .bind(6, a.medewerker)
                         .bind(7, a.bericht_id)
                         .run());
  if (a.antwoord != "afgewezen") return Status::Ok();
  return db_->prepare("UPDATE verzoek SET status = 'afgewezen' WHERE id = ?")
      .bind(1, a.verzoek_id)
      .run();
}

// ---- iJw of a jeugdige ----

Result<std::vector<IjwToewijzing>> SqliteStore::ijw_van_jeugdige(int64_t jeugdige_id) {
  auto& s = db_->prepare(
      "SELECT t.toewijzing_nummer, t.gemeente, t.aanbieder, t.categorie, t.productcode,"
      " t.toewijzingsdatum, t.ingangsdatum, t.einddatum,"
      " (SELECT MIN(s.begindatum) FROM levering_start s WHERE s.jeugdige_id = t.jeugdige_id"
      "   AND s.toewijzing_nummer = t.toewijzing_nummer AND s.gemeente = t.gemeente"
      "   AND s.actueel = 1),"
      " (SELECT MAX(p.einddatum) FROM levering_stop p WHERE p.jeugdige_id = t.jeugdige_id"
      "   AND p.toewijzing_nummer = t.toewijzing_nummer AND p.gemeente = t.gemeente"
      "   AND p.actueel = 1),"
      " (SELECT p.reden_beeindiging FROM levering_stop p WHERE p.jeugdige_id = t.jeugdige_id"
      "   AND p.toewijzing_nummer = t.toewijzing_nummer AND p.gemeente = t.gemeente"
      "   AND p.actueel = 1 ORDER BY p.einddatum DESC, p.id DESC LIMIT 1)"
      " FROM toewijzing t WHERE t.jeugdige_id = ? ORDER BY t.toewijzingsdatum,"
      " t.toewijzing_nummer");
  s.bind(1, jeugdige_id);
  std::vector<IjwToewijzing> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    IjwToewijzing t;
    t.toewijzing_nummer = r.int64(0);
    t.gemeente = r.text(1);
    t.aanbieder = r.text(2);
    t.categorie = r.opt_text(3);
    t.productcode = r.opt_text(4);
    t.toewijzingsdatum = dag(r.text(5));
    t.ingangsdatum = dag(r.text(6));
    t.einddatum = opt_dag(r.opt_text(7));
    t.eerste_start = opt_dag(r.opt_text(8));
    t.laatste_stop = opt_dag(r.opt_text(9));
    t.reden_beeindiging = r.opt_text(10);
    uit.push_back(std::move(t));
    return Status::Ok();
  }));
  return uit;
}

// ---- outbox ----

Status SqliteStore::zet_in_uitbak(int64_t bericht_id, std::string_view aanbieder,
                                  std::optional<int64_t> jeugdige_id, std::string_view tijdstip) {
  JR_RETURN_IF_ERROR(moet_bestaan(*db_, "SELECT 1 FROM bericht WHERE id = ?", bericht_id,
                                  "bericht " + std::to_string(bericht_id)));
  Status st = db_->prepare(
                     "INSERT INTO uitgaand (bericht_id, aanbieder, jeugdige_id, klaar_op)"
                     " VALUES (?, ?, ?, ?)")
                  .bind(1, bericht_id)
                  .bind(2, aanbieder)
                  .bind(3, jeugdige_id)
                  .bind(4, tijdstip)
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("bericht " + std::to_string(bericht_id) + " staat al klaar");
  return st;
}

Result<std::vector<UitgaandBericht>> SqliteStore::haal_uitbak_op(std::string_view aanbieder,
                                                                 std::string_view tijdstip) {
  auto& s = db_->prepare(
      "SELECT u.bericht_id, b.berichttype, b.identificatie, b.dagtekening, u.status,"
      " COALESCE(j.pseudoniem, '') FROM uitgaand u JOIN bericht b ON b.id = u.bericht_id"
      " LEFT JOIN jeugdige j ON j.id = u.jeugdige_id WHERE u.aanbieder = ?"
      " AND u.status IN ('klaar', 'opgehaald') ORDER BY u.bericht_id");
  s.bind(1, aanbieder);
  std::vector<UitgaandBericht> uit;
  JR_RETURN_IF_ERROR(elke_rij(s, [&](const Stmt& r) {
    uit.push_back({r.int64(0),
                   r.text(1),
                   r.opt_text(2).value_or(""),
                   r.opt_text(3).value_or(""),
                   r.text(4),
                   {},
                   r.text(5)});
    return Status::Ok();
  }));
  for (auto& u : uit) {
    auto b = lees_bericht(u.bericht_id);  // opens the sealed, compressed XML
    if (!b.ok()) return b.status();
    u.xml = std::move(b->xml);
  }
  JR_RETURN_IF_ERROR(db_->prepare("UPDATE uitgaand SET status = 'opgehaald', opgehaald_op = ?"
                                  " WHERE aanbieder = ? AND status = 'klaar'")
                         .bind(1, tijdstip)
                         .bind(2, aanbieder)
                         .run());
  return uit;
}

}  // namespace jr::store
