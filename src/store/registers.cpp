#include "store/registers.h"

#include <charconv>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/bsn.h"
#include "store/sqlite_store.h"

namespace jr::store {

namespace {

// Splits CSV text into lines of fields (RFC 4180 quoting; CRLF or LF).
class CsvLezer {
 public:
  explicit CsvLezer(std::string_view s) : s_(s) {}
  // The next line's fields; false at the end. `regel` is the 1-based line number.
  bool volgende(std::vector<std::string>& velden, int64_t& regel) {
    velden.clear();
    while (pos_ < s_.size() && (s_[pos_] == '\n' || s_[pos_] == '\r')) {
      if (s_[pos_] == '\n') ++nieuwe_regels_;
      ++pos_;
    }
    if (pos_ >= s_.size()) return false;
    regel = nieuwe_regels_ + 1;
    std::string veld;
    bool quoted = false;
    for (; pos_ < s_.size(); ++pos_) {
      char c = s_[pos_];
      if (quoted) {
        if (c == '"') {
          if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
            veld += '"';
            ++pos_;
          } else {
            quoted = false;
          }
        } else {
          veld += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        velden.push_back(std::move(veld));
        veld.clear();
      } else if (c == '\n' || c == '\r') {
        break;
      } else {
        veld += c;
      }
    }
    velden.push_back(std::move(veld));
    return true;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  int64_t nieuwe_regels_ = 0;  // line breaks before pos_
};

Status fout(int64_t regel, std::string_view kolom, std::string_view wat) {
  return InvalidArgument("regel " + std::to_string(regel) + ", kolom " + std::string(kolom) + ": " +
                         std::string(wat));
}

bool is_getal(std::string_view s, int64_t& v) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

bool cijfers(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_datum(std::string_view s) { return Date::parse(s).has_value(); }

// Runs `per_regel(velden, regel)` for each data line after checking the header, inside one
// transaction of `store`.
// When `object_type` is given, every line also writes an audit event ('importeren') whose
// detail is the line's first `sleutel_velden` fields (the key; never person data).
template <class F>
Result<RegisterVerslag> importeer(Store& store, std::string_view csv,
                                  const std::vector<std::string>& kop, F&& per_regel,
                                  std::string_view object_type = {}, size_t sleutel_velden = 1) {
  auto* sq = dynamic_cast<SqliteStore*>(&store);
  if (sq == nullptr) return FailedPrecondition("registers: alleen voor een SQLite-store");
  if (csv.size() >= 3 && csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // BOM
  CsvLezer lezer(csv);
  std::vector<std::string> velden;
  int64_t regel = 0;
  if (!lezer.volgende(velden, regel) || velden != kop) {
    std::string verwacht;
    for (const auto& k : kop) verwacht += (verwacht.empty() ? "" : ",") + k;
    return InvalidArgument("kopregel moet zijn: " + verwacht);
  }
  JR_RETURN_IF_ERROR(store.begin());
  RegisterVerslag verslag;
  while (lezer.volgende(velden, regel)) {
    Status st = velden.size() == kop.size()
                    ? per_regel(sq->db(), velden, regel)
                    : fout(regel, "*", "verwacht " + std::to_string(kop.size()) + " kolommen");
    if (st.ok() && !object_type.empty()) {
      AuditEvent e;
      e.context.verwerkingsactiviteit = "contractbeheer";
      e.context.doel = "inkoop en contractmanagement jeugdhulp";
      e.context.grondslag = "Jeugdwet art. 2.6";
      e.handeling = "importeren";
      e.object_type = std::string(object_type);
      e.detail = "regel " + std::to_string(regel) + ":";
      for (size_t i = 0; i < sleutel_velden && i < velden.size(); ++i)
        e.detail += (i ? "," : " ") + velden[i];
      st = store.audit(e);
    }
    if (!st.ok()) {
      store.rollback();
      return st;
    }
    ++verslag.regels;
  }
  JR_RETURN_IF_ERROR(store.commit());
  return verslag;
}

std::optional<std::string> leeg_is_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

Result<RegisterVerslag> importeer_gemeenten(Store& store, std::string_view csv) {
  return importeer(store, csv, {"gemeente", "naam", "regio"},
                   [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
                     if (!cijfers(v[0], 4))
                       return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
                     if (v[1].empty()) return fout(r, "naam", "leeg");
                     return db
                         .prepare(
                             "INSERT INTO gemeente (code, naam, regio) VALUES (?, ?, ?)"
                             " ON CONFLICT (code) DO UPDATE SET naam = excluded.naam,"
                             " regio = excluded.regio")
                         .bind(1, v[0])
                         .bind(2, v[1])
                         .bind(3, leeg_is_null(v[2]))
                         .run();
                   });
}

Result<RegisterVerslag> importeer_aanbieders(Store& store, std::string_view csv) {
  return importeer(
      store, csv, {"agb", "naam", "soort"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        if (!cijfers(v[0], 8)) return fout(r, "agb", "geen AGB-code van 8 cijfers");
        if (v[1].empty()) return fout(r, "naam", "leeg");
        if (v[2] != "aanbieder" && v[2] != "gi" && v[2] != "wijkteam")
          return fout(r, "soort", "moet aanbieder, gi of wijkteam zijn");
        return db
            .prepare(
                "INSERT INTO aanbieder (agb, naam, soort) VALUES (?, ?, ?)"
                " ON CONFLICT (agb) DO UPDATE SET naam = excluded.naam,"
                " soort = excluded.soort")
            .bind(1, v[0])
            .bind(2, v[1])
            .bind(3, v[2])
            .run();
      },
      "aanbieder", 2);
}

Result<RegisterVerslag> importeer_producten(Store& store, std::string_view csv) {
  return importeer(
      store, csv,
      {"productcategorie", "productcode", "omschrijving", "eenheid", "tarief_cent", "hulpvorm",
       "geldig_van", "geldig_tot"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        if (!cijfers(v[0], 2)) return fout(r, "productcategorie", "geen code van 2 cijfers");
        if (v[1].empty()) return fout(r, "productcode", "leeg");
        if (!cijfers(v[3], 2)) return fout(r, "eenheid", "geen WJ756-code van 2 cijfers");
        int64_t tarief = 0;
        if (!is_getal(v[4], tarief) || tarief < 0)
          return fout(r, "tarief_cent", "geen bedrag in centen");
        static const char* kHulpvormen[] = {"01", "02", "03", "04", "11", "12", "13", "14"};
        bool hv_ok = v[5].empty();
        for (const char* h : kHulpvormen) hv_ok = hv_ok || v[5] == h;
        if (!hv_ok) return fout(r, "hulpvorm", "geen CBS-hulpvorm (01-04, 11-14)");
        if (!is_datum(v[6])) return fout(r, "geldig_van", "geen datum JJJJ-MM-DD");
        if (!v[7].empty() && !is_datum(v[7])) return fout(r, "geldig_tot", "geen datum JJJJ-MM-DD");
        return db
            .prepare(
                "INSERT INTO product (categorie, code, omschrijving, eenheid, tarief_cent,"
                " hulpvorm, geldig_van, geldig_tot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (categorie, code, geldig_van) DO UPDATE SET"
                " omschrijving = excluded.omschrijving, eenheid = excluded.eenheid,"
                " tarief_cent = excluded.tarief_cent, hulpvorm = excluded.hulpvorm,"
                " geldig_tot = excluded.geldig_tot")
            .bind(1, v[0])
            .bind(2, v[1])
            .bind(3, v[2])
            .bind(4, v[3])
            .bind(5, tarief)
            .bind(6, leeg_is_null(v[5]))
            .bind(7, v[6])
            .bind(8, leeg_is_null(v[7]))
            .run();
      },
      "product", 7);
}

Result<RegisterVerslag> importeer_bevolking(Store& store, std::string_view csv) {
  return importeer(store, csv, {"gemeente", "jaar", "leeftijd", "aantal"},
                   [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
                     int64_t jaar = 0, leeftijd = 0, aantal = 0;
                     if (!cijfers(v[0], 4))
                       return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
                     if (!is_getal(v[1], jaar) || jaar < 1900 || jaar > 2200)
                       return fout(r, "jaar", "geen jaartal");
                     if (!is_getal(v[2], leeftijd) || leeftijd < 0 || leeftijd > 120)
                       return fout(r, "leeftijd", "geen leeftijd 0-120");
                     if (!is_getal(v[3], aantal) || aantal < 0)
                       return fout(r, "aantal", "geen aantal");
                     return db
                         .prepare(
                             "INSERT INTO bevolking (gemeente, jaar, leeftijd, aantal)"
                             " VALUES (?, ?, ?, ?) ON CONFLICT (gemeente, jaar, leeftijd)"
                             " DO UPDATE SET aantal = excluded.aantal")
                         .bind(1, v[0])
                         .bind(2, jaar)
                         .bind(3, leeftijd)
                         .bind(4, aantal)
                         .run();
                   });
}

Result<RegisterVerslag> importeer_wijkteam(Store& store, std::string_view csv) {
  return importeer(
      store, csv,
      {"gemeente", "bsn", "geboortedatum", "geslacht", "begindatum", "einddatum",
       "reden_beeindiging"},
      [&store](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        if (!cijfers(v[0], 4)) return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
        if (!bsn_elfproef(v[1])) return fout(r, "bsn", "voldoet niet aan de elfproef");
        auto geboren = Date::parse(v[2]);
        if (!geboren) return fout(r, "geboortedatum", "geen datum JJJJ-MM-DD");
        if (v[3] != "0" && v[3] != "1" && v[3] != "2")
          return fout(r, "geslacht", "geen COD046-code (0, 1, 2)");
        auto begin = Date::parse(v[4]);
        if (!begin) return fout(r, "begindatum", "geen datum JJJJ-MM-DD");
        if (!v[5].empty()) {
          auto einde = Date::parse(v[5]);
          if (!einde) return fout(r, "einddatum", "geen datum JJJJ-MM-DD");
          if (*einde < *begin) return fout(r, "einddatum", "ligt voor de begindatum");
        }
        if (!v[6].empty() && !cijfers(v[6], 2))
          return fout(r, "reden_beeindiging", "geen JZ588-code van 2 cijfers");
        if (v[5].empty() && !v[6].empty())
          return fout(r, "reden_beeindiging", "gevuld zonder einddatum");
        JeugdigeIdentiteit id;
        id.bsn = v[1];
        id.geboortedatum = *geboren;
        id.geslacht = v[3];
        auto jid = store.jeugdige_id(id);
        if (!jid.ok()) return fout(r, "bsn", jid.status().message());
        return db
            .prepare(
                "INSERT INTO wijkteam_traject (gemeente, jeugdige_id, begindatum,"
                " einddatum, reden_beeindiging) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (gemeente, jeugdige_id, begindatum) DO UPDATE SET"
                " einddatum = excluded.einddatum,"
                " reden_beeindiging = excluded.reden_beeindiging")
            .bind(1, v[0])
            .bind(2, *jid)
            .bind(3, v[4])
            .bind(4, leeg_is_null(v[5]))
            .bind(5, leeg_is_null(v[6]))
            .run();
      });
}

namespace {

// Whether aanbieder `agb` is in the register; `vrijgesteld` when it is a GI or landelijk
// ingekochte zorg (no budgetplafond).
Status aanbieder_voor_plafond(sqlite::Db& db, const std::string& agb, int64_t r) {
  auto& s = db.prepare("SELECT soort, landelijk FROM aanbieder WHERE agb = ?");
  s.bind(1, agb);
  if (!s.step()) {
    JR_RETURN_IF_ERROR(s.status());
    return fout(r, "aanbieder", "niet in het aanbiedersregister");
  }
  const bool vrij = s.text(0) != "aanbieder" || s.int64(1) != 0;
  s.reset();
  if (vrij)
    return fout(
        r, "aanbieder",
        "gecertificeerde instellingen en landelijk ingekochte zorg hebben geen budgetplafond");
  return Status::Ok();
}

}  // namespace

Result<RegisterVerslag> importeer_contracten(Store& store, std::string_view csv) {
  return importeer(
      store, csv, {"kenmerk", "aanbieder", "soort", "ingangsdatum", "einddatum", "gemeenten"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        if (v[0].empty() || v[0].size() > 50) return fout(r, "kenmerk", "leeg of langer dan 50");
        if (!cijfers(v[1], 8)) return fout(r, "aanbieder", "geen AGB-code van 8 cijfers");
        if (v[2] != "inspanning" && v[2] != "output" && v[2] != "taakgericht")
          return fout(r, "soort", "moet inspanning, output of taakgericht zijn");
        if (!is_datum(v[3])) return fout(r, "ingangsdatum", "geen datum JJJJ-MM-DD");
        if (!v[4].empty() && (!is_datum(v[4]) || v[4] < v[3]))
          return fout(r, "einddatum", "geen datum JJJJ-MM-DD op of na de ingangsdatum");
        std::vector<std::string> gemeenten;
        std::string g;
        for (char c : v[5] + ";") {
          if (c == ';' || c == ' ') {
            if (!g.empty()) {
              if (!cijfers(g, 4)) return fout(r, "gemeenten", "geen CBS-codes van 4 cijfers");
              gemeenten.push_back(g);
            }
            g.clear();
          } else {
            g += c;
          }
        }
        if (gemeenten.empty()) return fout(r, "gemeenten", "leeg");
        auto& a = db.prepare("SELECT 1 FROM aanbieder WHERE agb = ?");
        a.bind(1, v[1]);
        const bool bekend = a.step();
        a.reset();
        if (!bekend) return fout(r, "aanbieder", "niet in het aanbiedersregister");
        JR_RETURN_IF_ERROR(db.prepare("INSERT INTO contract (kenmerk, aanbieder, soort,"
                                      " ingangsdatum, einddatum) VALUES (?, ?, ?, ?, ?)"
                                      " ON CONFLICT (kenmerk) DO UPDATE SET"
                                      " aanbieder = excluded.aanbieder, soort = excluded.soort,"
                                      " ingangsdatum = excluded.ingangsdatum,"
                                      " einddatum = excluded.einddatum")
                               .bind(1, v[0])
                               .bind(2, v[1])
                               .bind(3, v[2])
                               .bind(4, v[3])
                               .bind(5, leeg_is_null(v[4]))
                               .run());
        auto& id = db.prepare("SELECT id FROM contract WHERE kenmerk = ?");
        id.bind(1, v[0]);
        id.step();
        const int64_t cid = id.int64(0);
        id.reset();
        JR_RETURN_IF_ERROR(
            db.prepare("DELETE FROM contract_gemeente WHERE contract_id = ?").bind(1, cid).run());
        for (const auto& gm : gemeenten)
          JR_RETURN_IF_ERROR(db.prepare("INSERT OR IGNORE INTO contract_gemeente (contract_id,"
                                        " gemeente) VALUES (?, ?)")
                                 .bind(1, cid)
                                 .bind(2, gm)
                                 .run());
        return Status::Ok();
      },
      "contract", 2);
}

Result<RegisterVerslag> importeer_budgetplafonds(Store& store, std::string_view csv) {
  return importeer(
      store, csv,
      {"aanbieder", "jaar", "gemeente", "productcategorie", "bedrag_cent", "bij_overschrijding"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        int64_t jaar = 0, bedrag = 0;
        if (!cijfers(v[0], 8)) return fout(r, "aanbieder", "geen AGB-code van 8 cijfers");
        if (!is_getal(v[1], jaar) || jaar < 2015 || jaar > 2100)
          return fout(r, "jaar", "geen jaartal 2015-2100");
        if (!v[2].empty() && !cijfers(v[2], 4))
          return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
        if (!v[3].empty() && !cijfers(v[3], 2))
          return fout(r, "productcategorie", "geen code van 2 cijfers");
        if (!is_getal(v[4], bedrag) || bedrag <= 0)
          return fout(r, "bedrag_cent", "geen positief bedrag in centen");
        const std::string bij = v[5].empty() ? "waarschuwen" : v[5];
        if (bij != "waarschuwen" && bij != "weigeren")
          return fout(r, "bij_overschrijding", "moet waarschuwen of weigeren zijn");
        JR_RETURN_IF_ERROR(aanbieder_voor_plafond(db, v[0], r));
        auto& s = db.prepare(
            "UPDATE budgetplafond SET bedrag_cent = ?, bij_overschrijding = ? WHERE aanbieder = ?"
            " AND jaar = ? AND COALESCE(gemeente, '') = ? AND COALESCE(categorie, '') = ?");
        JR_RETURN_IF_ERROR(s.bind(1, bedrag)
                               .bind(2, bij)
                               .bind(3, v[0])
                               .bind(4, jaar)
                               .bind(5, v[2])
                               .bind(6, v[3])
                               .run());
        if (db.changes() > 0) return Status::Ok();
        return db
            .prepare(
                "INSERT INTO budgetplafond (aanbieder, jaar, gemeente, categorie, bedrag_cent,"
                " bij_overschrijding) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, v[0])
            .bind(2, jaar)
            .bind(3, leeg_is_null(v[2]))
            .bind(4, leeg_is_null(v[3]))
            .bind(5, bedrag)
            .bind(6, bij)
            .run();
      },
      "budgetplafond", 5);
}

Result<RegisterVerslag> importeer_voorzieningen(Store& store, std::string_view csv) {
  return importeer(
      store, csv, {"gemeente", "jaar", "soort", "bedrag_cent"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        int64_t jaar = 0, bedrag = 0;
        if (!cijfers(v[0], 4)) return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
        if (!is_getal(v[1], jaar) || jaar < 2015 || jaar > 2100)
          return fout(r, "jaar", "geen jaartal 2015-2100");
        if (v[2] != "pgb" && v[2] != "algemeen")
          return fout(r, "soort", "moet pgb of algemeen zijn");
        if (!is_getal(v[3], bedrag) || bedrag < 0)
          return fout(r, "bedrag_cent", "geen bedrag in centen");
        return db
            .prepare(
                "INSERT INTO voorziening_uitgaven (gemeente, jaar, soort, bedrag_cent)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (gemeente, jaar, soort)"
                " DO UPDATE SET bedrag_cent = excluded.bedrag_cent")
            .bind(1, v[0])
            .bind(2, jaar)
            .bind(3, v[2])
            .bind(4, bedrag)
            .run();
      },
      "voorziening", 4);
}

Result<RegisterVerslag> importeer_voorzieningsdoelen(Store& store, std::string_view csv) {
  return importeer(
      store, csv, {"gemeente", "jaar", "pct_maatwerk", "bron"},
      [](sqlite::Db& db, const std::vector<std::string>& v, int64_t r) -> Status {
        int64_t jaar = 0;
        if (!cijfers(v[0], 4)) return fout(r, "gemeente", "geen CBS-code van 4 cijfers");
        if (!is_getal(v[1], jaar) || jaar < 2015 || jaar > 2100)
          return fout(r, "jaar", "geen jaartal 2015-2100");
        char* eind = nullptr;
        const double pct = std::strtod(v[2].c_str(), &eind);
        if (v[2].empty() || *eind != '\0' || !(pct >= 0 && pct <= 100))
          return fout(r, "pct_maatwerk", "geen percentage 0-100");
        auto& s = db.prepare(
            "INSERT INTO voorziening_doel (gemeente, jaar, pct_maatwerk, bron) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (gemeente, jaar) DO UPDATE SET pct_maatwerk = excluded.pct_maatwerk,"
            " bron = excluded.bron");
        s.bind(1, v[0]).bind(2, jaar);
        sqlite3_bind_double(s.raw(), 3, pct);
        return s.bind(4, v[3]).run();
      },
      "voorzieningsdoel", 3);
}

}  // namespace jr::store
