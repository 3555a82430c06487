// The fast import (issue 21) changes no outcome: the run's key filters and the threads that
// parse ahead give the same verdicts, retours and stored rows as message-by-message import
// (a differential test on a generated stream with faults mixed in); a re-import of what is
// stored parses nothing; kill -9 after a chosen batch and a re-run end with exactly the store
// of an uninterrupted import.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>

#include "domain/clock.h"
#include "ijw/validator.h"
#include "import/importer.h"
#include "store/store.h"
#include "test_helpers.h"

namespace jr::testing {
namespace {

int run(const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()); }

// Runs `cmd`; its exit status, and what it wrote to stderr in `fouten` (for a failure message).
int run_met_fouten(const std::string& cmd, std::string& fouten) {
  FILE* p = popen((cmd + " 2>&1 >/dev/null").c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) fouten.append(buf, n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// How an import started by draai_tot ended.
struct Afloop {
  int batches = 0;      // progress lines ("N berichten vastgelegd") read
  bool gedood = false;  // ended by SIGKILL
};

// Runs the shell command line `import` (a `jeugdregie import --voortgang`, its stdout sent
// away) and reads its progress lines from its stderr; right after the `na`-th committed batch
// it kills the import with SIGKILL (na == 0: it lets it finish). No waiting on the wall clock:
// the kill comes after a known commit, while the import is writing the next batch.
Afloop draai_tot(const std::string& import, int na) {
  Afloop a;
  int p[2];
  if (pipe(p) != 0) return a;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(p[1], STDERR_FILENO);
    close(p[0]);
    close(p[1]);
    // sh -c runs the import as its only command, so it execs it: pid is the import.
    execl("/bin/sh", "sh", "-c", (import + " >/dev/null").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(p[1]);
  FILE* uit = fdopen(p[0], "r");
  char regel[512];
  while (std::fgets(regel, sizeof regel, uit)) {
    if (!std::strstr(regel, "berichten vastgelegd")) continue;
    if (++a.batches == na) {
      kill(pid, SIGKILL);
      break;
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(uit);
  a.gedood = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  return a;
}

std::string std_arg() { return " --standaard " + standaard_dir().string(); }

// A generated region (zutphen, first half of 2024) and its message files in sent order.
class ImportSnel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const std::string out = (*dir_ / "regio").string();
    ASSERT_EQ(run(binary() + std_arg() + " generate --regio zutphen --van 2024-01-01 --tot " +
                  "2024-06-30 --seed 21 --schaal 0.25 --out " + out),
              0);
    for (auto it = std::filesystem::recursive_directory_iterator(out + "/berichten");
         it != std::filesystem::recursive_directory_iterator(); ++it)
      if (it->path().extension() == ".xml") bestanden_.push_back(it->path());
    std::sort(bestanden_.begin(), bestanden_.end());
  }
  static void TearDownTestSuite() {
    delete dir_;
    bestanden_.clear();
  }

  // A store with the register of the region, under `naam` in `d`, with key file `sleutel`.
  static std::filesystem::path nieuwe_store(const TempDir& d, const std::string& naam,
                                            const std::filesystem::path& sleutel = {}) {
    auto db = d / naam;
    if (!sleutel.empty()) std::filesystem::copy_file(sleutel, db.string() + ".key");
    EXPECT_EQ(run(binary() + std_arg() + " register --db " + db.string() + " --import " +
                  (*dir_ / "regio").string()),
              0);
    return db;
  }

  static TempDir* dir_;
  static std::vector<std::filesystem::path> bestanden_;
};
TempDir* ImportSnel::dir_ = nullptr;
std::vector<std::filesystem::path> ImportSnel::bestanden_;

std::string vervang_tekst(const std::string& xml, const std::string& element,
                          const std::string& nieuw) {
  std::regex re("(<[A-Za-z0-9]+:" + element + ">)[^<]*(<)");
  return std::regex_replace(xml, re, "$1" + nieuw + "$2", std::regex_constants::format_first_only);
}

// The stream with faults mixed in, as files in sent order under `map`: exact copies
// (skipped), copies with a new hash but the same BerichtIdentificatie (TR056), copies with a
// new Identificatie (and DeclaratieNummer) whose products repeat the original's (TR074,
// TR314, TR389, TR347, TR332 ...), an impossible date (XSD, 0001) and truncated files
// (unreadable).
void schrijf_stroom_met_fouten(const std::vector<std::filesystem::path>& bestanden,
                               const std::filesystem::path& map) {
  std::filesystem::create_directories(map);
  int n = 0;
  auto schrijf = [&](const std::string& xml, const std::string& naam) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%06d-", n++);
    std::ofstream(map / (buf + naam), std::ios::binary) << xml;
  };
  for (size_t i = 0; i < bestanden.size(); ++i) {
    const std::string xml = read_all(bestanden[i]);
    const std::string naam = bestanden[i].filename().string();
    if (i % 29 == 11) {
      schrijf(xml.substr(0, xml.size() / 2), naam);  // unreadable
      continue;
    }
    if (i % 23 == 7) {
      static const std::regex datum(">\\d{4}-\\d{2}-\\d{2}<");
      schrijf(
          std::regex_replace(xml, datum, ">2024-02-30<", std::regex_constants::format_first_only),
          naam);
      continue;
    }
    schrijf(xml, naam);
    if (i % 17 == 3) schrijf(xml, naam);         // the same bytes again
    if (i % 19 == 5) schrijf(xml + "\n", naam);  // same message, other bytes: TR056
    if (i % 5 == 2) {                            // a new message repeating the products
      std::string kopie = vervang_tekst(xml, "Identificatie", "Z" + std::to_string(i));
      kopie = vervang_tekst(kopie, "DeclaratieNummer", "ZD" + std::to_string(i));
      schrijf(kopie, naam);
    }
  }
}

// Every row of every table, column by column, except what differs between any two runs:
// times, the import run records and their ids on bericht, and sealed blobs (a fresh nonce per
// seal; bericht's XML and retour are compared opened by `berichten`).
std::map<std::string, std::vector<std::string>> tabellen(const std::filesystem::path& db) {
  static const std::set<std::string> kNiet = {
      "bericht.ontvangen_op", "bericht.import_id",       "bericht.xml",
      "bericht.retour_xml",   "jeugdige.identiteit",     "schema_migratie.toegepast_op",
      "audit_event.tijdstip", "audit_event.vorige_hash", "audit_event.hash"};
  std::map<std::string, std::vector<std::string>> out;
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  std::vector<std::string> namen;
  {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' AND name <> 'import_run' ORDER BY name",
                       -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
      namen.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
  }
  for (const auto& t : namen) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, ("SELECT * FROM " + t + " ORDER BY rowid").c_str(), -1, &s, nullptr);
    auto& rijen = out[t];
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string rij;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const std::string kolom = t + "." + sqlite3_column_name(s, c);
        if (kNiet.count(kolom)) continue;
        if (kolom.find("identiteit") != std::string::npos) continue;  // sealed
        const auto* v = reinterpret_cast<const char*>(sqlite3_column_text(s, c));
        rij += kolom + "=" + (v ? v : "NULL") + ";";
      }
      rijen.push_back(std::move(rij));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return out;
}

// The first difference of each table, or "" when all tables are equal.
std::string verschil(const std::map<std::string, std::vector<std::string>>& a,
                     const std::map<std::string, std::vector<std::string>>& b) {
  std::string out;
  for (const auto& [t, rijen] : a) {
    auto it = b.find(t);
    if (it == b.end()) {
      out += t + ": ontbreekt\n";
      continue;
    }
    if (rijen.size() != it->second.size())
      out += t + ": " + std::to_string(rijen.size()) + " tegen " +
             std::to_string(it->second.size()) + " rijen\n";
    for (size_t i = 0; i < std::min(rijen.size(), it->second.size()); ++i)
      if (rijen[i] != it->second[i]) {
        out += t + " rij " + std::to_string(i) + ":\n  " + rijen[i] + "\n  " + it->second[i] + "\n";
        break;
      }
  }
  if (a.size() != b.size()) out += "aantal tabellen verschilt\n";
  return out;
}

// Every stored message's raw XML and retour, opened.
std::vector<std::string> berichten(const std::filesystem::path& db) {
  FixedClock clock(Date(2024, 7, 1));
  auto s = store::open_sqlite_store({db, {}, false}, clock);
  EXPECT_TRUE(s.ok());
  std::vector<std::string> out;
  for (int64_t id = 1;; ++id) {
    auto b = (*s)->lees_bericht(id);
    if (!b.ok()) break;
    out.push_back(b->xml + "\n--\n" + b->retour_xml);
  }
  return out;
}

// Differential: message by message (import_bytes: every rule asks the store, one thread)
// against import_paden (the run's key filters, three threads parsing ahead, small batches).
TEST_F(ImportSnel, FiltersEnDradenVeranderenGeenUitkomst) {
  TempDir d;
  schrijf_stroom_met_fouten(bestanden_, d / "stroom");
  std::vector<std::filesystem::path> stroom;
  for (const auto& e : std::filesystem::directory_iterator(d / "stroom")) stroom.push_back(e);
  std::sort(stroom.begin(), stroom.end());
  auto validator = ijw::Validator::create(standaard_dir());
  ASSERT_TRUE(validator.ok());
  FixedClock clock(Date(2024, 7, 1));

  const auto oud = nieuwe_store(d, "oud.db");
  std::string json_oud;
  {
    auto s = store::open_sqlite_store({oud, {}, false}, clock);
    ASSERT_TRUE(s.ok());
    import::ImportOptions o;
    o.batch_grootte = 37;
    import::Importer imp(**s, **validator, clock, o);
    for (const auto& f : stroom) imp.import_bytes(read_all(f), f.string());
    ASSERT_TRUE(imp.flush().ok());
    json_oud = import::samenvatting_json(imp.samenvatting());
  }
  const auto nieuw = nieuwe_store(d, "nieuw.db", oud.string() + ".key");
  std::string json_nieuw;
  {
    auto s = store::open_sqlite_store({nieuw, {}, false}, clock);
    ASSERT_TRUE(s.ok());
    import::ImportOptions o;
    o.batch_grootte = 37;
    o.werkers = 3;
    import::Importer imp(**s, **validator, clock, o);
    ASSERT_TRUE(imp.import_paden({d / "stroom"}).ok());
    json_nieuw = import::samenvatting_json(imp.samenvatting());
  }
  EXPECT_EQ(json_nieuw, json_oud);
  // The stream does reach the rules the filters stand in front of.
  auto j = nlohmann::json::parse(json_oud);
  for (const char* code : {"9056", "9074", "8021", "0001"})
    EXPECT_GT(j["totaal"]["retourcodes"].value(code, 0), 0) << code << "\n" << json_oud;
  EXPECT_GT(j["totaal"]["overgeslagen"].get<int>(), 0);
  EXPECT_GT(j["totaal"]["geaccepteerd"].get<int>(), 100);
  EXPECT_EQ(verschil(tabellen(nieuw), tabellen(oud)), "");
  EXPECT_EQ(berichten(nieuw), berichten(oud));
}

// Resume: importing a fully imported set again parses, validates and writes nothing; every
// message is recognised by its content hash.
TEST_F(ImportSnel, HerimportParseertNiets) {
  TempDir d;
  const auto db = nieuwe_store(d, "j.db");
  auto validator = ijw::Validator::create(standaard_dir());
  ASSERT_TRUE(validator.ok());
  FixedClock clock(Date(2024, 7, 1));
  auto s = store::open_sqlite_store({db, {}, false}, clock);
  ASSERT_TRUE(s.ok());
  const std::filesystem::path berichten_map = *dir_ / "regio" / "berichten";
  int64_t eerst = 0;
  {
    import::Importer imp(**s, **validator, clock, {});
    ASSERT_TRUE(imp.import_paden({berichten_map}).ok());
    eerst = imp.samenvatting().gevalideerd;
    EXPECT_EQ(eerst, static_cast<int64_t>(bestanden_.size()));
  }
  const auto voor = tabellen(db);
  for (bool parallel : {true, false}) {
    import::ImportOptions o;
    o.parallel = parallel;
    import::Importer imp(**s, **validator, clock, o);
    ASSERT_TRUE(imp.import_paden({berichten_map}).ok());
    int64_t overgeslagen = 0;
    for (const auto& [_, t] : imp.samenvatting().per_type) overgeslagen += t.overgeslagen;
    EXPECT_EQ(overgeslagen, eerst) << parallel;
    EXPECT_EQ(imp.samenvatting().gevalideerd, 0) << parallel;
  }
  EXPECT_EQ(verschil(tabellen(db), voor), "");
}

// kill -9 of `jeugdregie import` after a few committed batches, five times over, then a run to
// the end: every table equals that of one uninterrupted import (the import runs themselves
// aside).
TEST_F(ImportSnel, KillNegenEnOpnieuwGeeftDezelfdeStore) {
  TempDir d;
  const auto heel = nieuwe_store(d, "heel.db");
  const std::string imp = binary() + std_arg() + " import --voortgang --batch 25 --db ";
  const std::string bron = " " + (*dir_ / "regio" / "berichten").string();
  const Afloop alles = draai_tot(imp + heel.string() + bron, 0);
  ASSERT_FALSE(alles.gedood);
  // Enough batches that five interruptions of one to three batches each stay inside it.
  ASSERT_GT(alles.batches, 20);
  const auto onderbroken = nieuwe_store(d, "onderbroken.db", heel.string() + ".key");
  std::minstd_rand rng(21);  // the kill points: fixed, so a failure can be repeated
  for (int poging = 0; poging < 5; ++poging) {
    const int na = 1 + static_cast<int>(rng() % 3);
    const Afloop a = draai_tot(imp + onderbroken.string() + bron, na);
    EXPECT_EQ(a.batches, na) << "poging " << poging;
    EXPECT_TRUE(a.gedood) << "poging " << poging;
  }
  std::string fouten;
  ASSERT_EQ(run_met_fouten(imp + onderbroken.string() + bron, fouten), 0) << fouten;
  EXPECT_EQ(verschil(tabellen(onderbroken), tabellen(heel)), "");
  EXPECT_EQ(berichten(onderbroken), berichten(heel));
}

}  // namespace
}  // namespace jr::testing
