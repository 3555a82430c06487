#include "store/registers.h"

#include <charconv>
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
template <class F>
Result<RegisterVerslag> importeer(Store& store, std::string_view csv,
                                  const std::vector<std::string>& kop, F&& per_regel) {
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
  return importeer(store, csv, {"agb", "naam", "soort"},
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
                   });
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
      });
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

}  // namespace jr::store
