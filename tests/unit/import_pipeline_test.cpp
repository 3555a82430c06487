// The import as a whole: published examples, idempotency, all-or-nothing under injected
// store faults (in the manner of leveldb's SpecialEnv), unreadable input, the JSON summary
// and the command line.
#include <zlib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "domain/tar.h"
#include "import_fixture.h"

namespace jr::testing {
namespace {

// A Store that forwards to a real one and fails the Nth write (or commit) with Unavailable,
// as a full disk or a lost connection would.
class FoutStore final : public store::Store {
 public:
  FoutStore(store::Store& inner, int64_t faal_bij) : s_(inner), faal_bij_(faal_bij) {}
  int64_t schrijfacties() const { return n_; }
  bool gefaald() const { return gefaald_; }

  Status begin() override { return s_.begin(); }
  Status commit() override {
    if (schrijf()) {
      s_.rollback();
      return Unavailable("commit mislukt (geïnjecteerd)");
    }
    return s_.commit();
  }
  void rollback() override { s_.rollback(); }
  Status unit_begin() override { return s_.unit_begin(); }
  Status unit_commit() override {
    if (schrijf()) return Unavailable("savepoint mislukt (geïnjecteerd)");
    return s_.unit_commit();
  }
  void unit_rollback() override { s_.unit_rollback(); }
  Result<int64_t> jeugdige_id(const store::JeugdigeIdentiteit& i) override {
    if (schrijf()) return fout();
    return s_.jeugdige_id(i);
  }
  Result<int64_t> zoek_jeugdige(std::string_view b, Date g) override {
    return s_.zoek_jeugdige(b, g);
  }
  std::string pseudoniem(std::string_view b, Date g) const override { return s_.pseudoniem(b, g); }
  std::string bsn_pseudoniem(std::string_view b) const override { return s_.bsn_pseudoniem(b); }
  Result<store::JeugdigeIdentiteit> lees_jeugdige(int64_t id,
                                                  const store::AuditContext& c) override {
    if (schrijf()) return fout();
    return s_.lees_jeugdige(id, c);
  }
  Result<std::optional<int64_t>> zoek_bericht(std::string_view r, std::string_view h) override {
    return s_.zoek_bericht(r, h);
  }
  Result<bool> identificatie_bekend(std::string_view t, std::string_view a,
                                    std::string_view i) override {
    return s_.identificatie_bekend(t, a, i);
  }
  Result<int64_t> bewaar_bericht(const store::BerichtRecord& b) override {
    if (schrijf()) return fout();
    return s_.bewaar_bericht(b);
  }
  Status zet_bericht_uitkomst(int64_t id, std::string_view s, std::string_view r,
                              std::string_view x, std::string_view xml,
                              std::string_view z) override {
    if (schrijf()) return fout();
    return s_.zet_bericht_uitkomst(id, s, r, x, xml, z);
  }
  Result<store::BerichtRecord> lees_bericht(int64_t id) override { return s_.lees_bericht(id); }
  Result<std::optional<OpgeslagenBericht>> zoek_bericht_inhoud(std::string_view h) override {
    return s_.zoek_bericht_inhoud(h);
  }
  Status scan_import_sleutels(
      const std::function<void(store::ImportSleutel, std::string_view)>& fn) override {
    return s_.scan_import_sleutels(fn);
  }
  Result<int64_t> data_versie() override { return s_.data_versie(); }
  Result<int64_t> volgend_nummer(std::string_view r) override {
    if (schrijf()) return fout();
    return s_.volgend_nummer(r);
  }
  Result<std::optional<int64_t>> zoek_verzonden(std::string_view t, std::string_view a,
                                                std::string_view o, std::string_view i,
                                                std::string_view d) override {
    return s_.zoek_verzonden(t, a, o, i, d);
  }
  Status zet_ontvangst(int64_t id, std::string_view o, int64_t r) override {
    if (schrijf()) return fout();
    return s_.zet_ontvangst(id, o, r);
  }
  Result<int64_t> start_import_run(std::string_view b) override { return s_.start_import_run(b); }
  Status sluit_import_run(int64_t id, const store::ImportTellers& t) override {
    return s_.sluit_import_run(id, t);
  }
  Result<std::optional<store::ToewijzingRecord>> zoek_toewijzing(std::string_view g,
                                                                 int64_t n) override {
    return s_.zoek_toewijzing(g, n);
  }
  Result<std::vector<store::ToewijzingRecord>> toewijzingen_van(std::string_view g,
                                                                std::string_view a,
                                                                int64_t j) override {
    return s_.toewijzingen_van(g, a, j);
  }
  Result<int64_t> bewaar_toewijzing(const store::ToewijzingRecord& t) override {
    if (schrijf()) return fout();
    return s_.bewaar_toewijzing(t);
  }
  Result<int64_t> open_prestaties(int64_t t) override { return s_.open_prestaties(t); }
  Result<std::vector<store::LeveringRecord>> starts(std::string_view a, int64_t j,
                                                    int64_t n) override {
    return s_.starts(a, j, n);
  }
  Result<std::vector<store::LeveringRecord>> stops(std::string_view a, int64_t j,
                                                   int64_t n) override {
    return s_.stops(a, j, n);
  }
  Result<int64_t> bewaar_levering(const store::LeveringRecord& l) override {
    if (schrijf()) return fout();
    return s_.bewaar_levering(l);
  }
  Status trek_levering_in(int64_t id, bool stop, int64_t door) override {
    if (schrijf()) return fout();
    return s_.trek_levering_in(id, stop, door);
  }
  Result<bool> verzoek_referentie_bekend(std::string_view a, std::string_view r) override {
    return s_.verzoek_referentie_bekend(a, r);
  }
  Result<bool> verzoek_onderhanden(std::string_view a, int64_t j) override {
    return s_.verzoek_onderhanden(a, j);
  }
  Result<int64_t> bewaar_verzoek(const store::VerzoekRecord& v) override {
    if (schrijf()) return fout();
    return s_.bewaar_verzoek(v);
  }
  Result<std::optional<int64_t>> verzoek_toegewezen(std::string_view a,
                                                    std::string_view r) override {
    if (schrijf()) return fout();
    return s_.verzoek_toegewezen(a, r);
  }
  Result<bool> declaratie_nummer_bekend(std::string_view a, std::string_view n) override {
    return s_.declaratie_nummer_bekend(a, n);
  }
  Result<std::optional<Date>> laatste_declaratieperiode(std::string_view a,
                                                        std::string_view g) override {
    return s_.laatste_declaratieperiode(a, g);
  }
  Result<std::optional<store::PrestatieRecord>> zoek_prestatie(std::string_view a,
                                                               std::string_view r) override {
    return s_.zoek_prestatie(a, r);
  }
  Result<bool> gecrediteerd(std::string_view a, std::string_view r) override {
    return s_.gecrediteerd(a, r);
  }
  Result<std::vector<std::string>> debet_prestaties(std::string_view a, int64_t n,
                                                    std::string_view c, std::string_view p,
                                                    Date b) override {
    return s_.debet_prestaties(a, n, c, p, b);
  }
  Result<Som> som_prestaties(int64_t t) override { return s_.som_prestaties(t); }
  Result<int64_t> bewaar_declaratie(const store::DeclaratieRecord& d) override {
    if (schrijf()) return fout();
    return s_.bewaar_declaratie(d);
  }
  Status zet_declaratie_toegekend(int64_t id, int64_t c) override {
    if (schrijf()) return fout();
    return s_.zet_declaratie_toegekend(id, c);
  }
  Result<int64_t> bewaar_prestatie(const store::PrestatieRecord& p) override {
    if (schrijf()) return fout();
    return s_.bewaar_prestatie(p);
  }
  Result<std::optional<store::CatalogusProduct>> zoek_product(std::string_view c,
                                                              std::string_view p, Date d) override {
    return s_.zoek_product(c, p, d);
  }
  Result<std::optional<bool>> productcode_in_catalogus(std::string_view c,
                                                       std::string_view p) override {
    return s_.productcode_in_catalogus(c, p);
  }
  Status audit(const store::AuditEvent& e) override {
    if (schrijf()) return fout();
    return s_.audit(e);
  }
  Result<store::AuditControle> verifieer_audit() override { return s_.verifieer_audit(); }
  Result<std::vector<store::AuditRegel>> audit_van_bsn(std::string_view b) override {
    return s_.audit_van_bsn(b);
  }
  int schema_version() const override { return s_.schema_version(); }

  // The registers: forwarded, the import does not use them.
  Result<std::string> pseudoniem_van(int64_t id) override { return s_.pseudoniem_van(id); }
  Result<std::vector<store::AanbiederRegel>> aanbieders() override { return s_.aanbieders(); }
  Status wijzig_aanbieder(const store::AanbiederRegel& a, Versie versie) override {
    return s_.wijzig_aanbieder(a, versie);
  }
  Result<std::vector<store::ProductRegel>> producten() override { return s_.producten(); }
  Status bewaar_product(const store::ProductRegel& p) override { return s_.bewaar_product(p); }
  Result<std::vector<store::Contract>> contracten(
      const std::optional<std::string>& aanbieder) override {
    return s_.contracten(aanbieder);
  }
  Result<int64_t> maak_contract(const store::Contract& c) override { return s_.maak_contract(c); }
  Status wijzig_contract(int64_t id, const store::Contract& c, Versie versie) override {
    return s_.wijzig_contract(id, c, versie);
  }
  Status verwijder_contract(int64_t id, Versie versie) override {
    return s_.verwijder_contract(id, versie);
  }
  Result<std::vector<store::Budgetplafond>> plafonds(std::optional<int> jaar) override {
    return s_.plafonds(jaar);
  }
  Result<store::Budgetplafond> lees_plafond(int64_t id) override { return s_.lees_plafond(id); }
  Result<int64_t> maak_plafond(const store::Budgetplafond& p) override {
    return s_.maak_plafond(p);
  }
  Status wijzig_plafond(int64_t id, const store::Budgetplafond& p, Versie versie) override {
    return s_.wijzig_plafond(id, p, versie);
  }
  Status verwijder_plafond(int64_t id, Versie versie) override {
    return s_.verwijder_plafond(id, versie);
  }
  Result<std::vector<store::NormRegel>> normen() override { return s_.normen(); }
  Status zet_norm(const std::string& categorie, int weken, Versie versie) override {
    return s_.zet_norm(categorie, weken, versie);
  }
  Status verwijder_norm(const std::string& categorie, Versie versie) override {
    return s_.verwijder_norm(categorie, versie);
  }
  Result<std::vector<store::TariefRij>> tarieven() override { return s_.tarieven(); }
  Result<std::vector<store::Prestatiebedrag>> prestatiebedragen(int jaar) override {
    return s_.prestatiebedragen(jaar);
  }
  Result<std::optional<Date>> laatste_prestatiedag(int jaar) override {
    return s_.laatste_prestatiedag(jaar);
  }
  Result<std::vector<store::LopendeToewijzing>> lopende_toewijzingen(Date van, Date tot) override {
    return s_.lopende_toewijzingen(van, tot);
  }
  Result<std::vector<store::WachtRij>> wachtrijen() override { return s_.wachtrijen(); }
  Result<std::optional<Date>> laatste_gegevensdag() override { return s_.laatste_gegevensdag(); }
  Result<std::map<std::string, int64_t>> natura_per_gemeente(int jaar) override {
    return s_.natura_per_gemeente(jaar);
  }
  Result<std::vector<store::LeveringenPerProduct>> leveringen_per_product(std::string_view agb,
                                                                          std::string_view gemeente,
                                                                          Date van,
                                                                          Date tot) override {
    return s_.leveringen_per_product(agb, gemeente, van, tot);
  }
  Result<std::vector<store::VoorzieningRij>> voorzieningen(int jaar) override {
    return s_.voorzieningen(jaar);
  }
  Result<store::OpenVerzoek> lees_verzoek(int64_t id) override { return s_.lees_verzoek(id); }
  Result<int64_t> volgend_toewijzingnummer(std::string_view gemeente) override {
    return s_.volgend_toewijzingnummer(gemeente);
  }
  Status koppel_verzoek(int64_t verzoek_id, int64_t toewijzing_id) override {
    return s_.koppel_verzoek(verzoek_id, toewijzing_id);
  }
  Result<int64_t> voeg_gebruiker_toe(const store::Gebruiker& g,
                                     std::string_view aangemaakt_op) override {
    return s_.voeg_gebruiker_toe(g, aangemaakt_op);
  }
  Result<std::optional<store::Gebruiker>> zoek_gebruiker(std::string_view gebruikersnaam) override {
    return s_.zoek_gebruiker(gebruikersnaam);
  }
  Result<bool> login_mislukt(int64_t id, int64_t nu, int max, int64_t blokkeer_seconden) override {
    return s_.login_mislukt(id, nu, max, blokkeer_seconden);
  }
  Status login_gelukt(int64_t id) override { return s_.login_gelukt(id); }
  Status voeg_token_toe(std::string_view naam, std::string_view token_sha256, std::string_view agb,
                        std::string_view aangemaakt_op) override {
    return s_.voeg_token_toe(naam, token_sha256, agb, aangemaakt_op);
  }
  Result<std::optional<store::ApiToken>> zoek_token(std::string_view token_sha256) override {
    return s_.zoek_token(token_sha256);
  }
  Result<std::vector<store::Kpi>> kpis(const std::optional<std::string>& gemeente) override {
    return s_.kpis(gemeente);
  }
  Result<store::Kpi> lees_kpi(int64_t id) override { return s_.lees_kpi(id); }
  Result<store::Kpi> maak_kpi(const store::Kpi& kpi) override { return s_.maak_kpi(kpi); }
  Result<store::Kpi> wijzig_kpi(int64_t id, const store::Kpi& kpi, Versie versie) override {
    return s_.wijzig_kpi(id, kpi, versie);
  }
  Status verwijder_kpi(int64_t id, Versie versie) override { return s_.verwijder_kpi(id, versie); }
  // Casusregister: the import writes only werk_voor_verzoek (a JW315 becomes work), which can
  // fail like any write; the rest forwards.
  Result<int64_t> werk_voor_verzoek(int64_t v) override {
    if (schrijf()) return fout();
    return s_.werk_voor_verzoek(v);
  }
  Result<int64_t> maak_team(const store::Team& t) override { return s_.maak_team(t); }
  Status voeg_teamlid_toe(int64_t t, std::string_view g) override {
    return s_.voeg_teamlid_toe(t, g);
  }
  Result<std::vector<store::Team>> teams(const std::optional<std::string>& g) override {
    return s_.teams(g);
  }
  Result<std::vector<store::Team>> teams_van(std::string_view g) override {
    return s_.teams_van(g);
  }
  Result<store::CaseworkInstellingen> instellingen(std::string_view g) override {
    return s_.instellingen(g);
  }
  Status zet_instellingen(std::string_view g, const store::CaseworkInstellingen& i) override {
    return s_.zet_instellingen(g, i);
  }
  Result<std::vector<store::Leefgebied>> leefgebieden(std::string_view g) override {
    return s_.leefgebieden(g);
  }
  Result<int64_t> maak_gezin(const store::GezinRecord& g) override { return s_.maak_gezin(g); }
  Result<int64_t> voeg_jeugdige_toe(int64_t g, int64_t j, Date v) override {
    return s_.voeg_jeugdige_toe(g, j, v);
  }
  Result<int64_t> voeg_ouder_toe(int64_t g, const store::Gezinslid& l) override {
    return s_.voeg_ouder_toe(g, l);
  }
  Result<std::optional<int64_t>> gezin_van_jeugdige(int64_t j) override {
    return s_.gezin_van_jeugdige(j);
  }
  Result<store::GezinRecord> lees_gezin(int64_t id) override { return s_.lees_gezin(id); }
  Status zet_regisseur(int64_t id, const std::optional<std::string>& r, Versie v) override {
    return s_.zet_regisseur(id, r, v);
  }
  Result<int64_t> bewaar_aanmelding(const store::AanmeldingRecord& a,
                                    std::optional<int64_t> t) override {
    return s_.bewaar_aanmelding(a, t);
  }
  Result<std::vector<store::AanmeldingRecord>> aanmeldingen(int64_t g) override {
    return s_.aanmeldingen(g);
  }
  Result<std::optional<int64_t>> werkitem_van_verzoek(int64_t v) override {
    return s_.werkitem_van_verzoek(v);
  }
  Result<std::vector<store::Werkitem>> werkvoorraad(const store::WerkvoorraadVraag& v) override {
    return s_.werkvoorraad(v);
  }
  Result<std::vector<store::Werkitem>> werkitems_van_gezin(int64_t g) override {
    return s_.werkitems_van_gezin(g);
  }
  Result<int64_t> pak_op(int64_t g, std::string_view m, Date d) override {
    return s_.pak_op(g, m, d);
  }
  Result<int64_t> handel_aanmeldingen_af(int64_t g, int64_t j, Date d) override {
    return s_.handel_aanmeldingen_af(g, j, d);
  }
  Result<int64_t> bewaar_vraagverheldering(const store::VraagverhelderingRecord& v) override {
    return s_.bewaar_vraagverheldering(v);
  }
  Result<std::vector<store::VraagverhelderingRecord>> vraagverhelderingen(int64_t g) override {
    return s_.vraagverhelderingen(g);
  }
  Result<std::optional<int64_t>> plan_versie(int64_t g) override { return s_.plan_versie(g); }
  Result<int64_t> bewaar_gezinsplan(const store::GezinsplanRecord& p, Versie b) override {
    return s_.bewaar_gezinsplan(p, b);
  }
  Result<std::vector<store::GezinsplanRecord>> gezinsplannen(int64_t g) override {
    return s_.gezinsplannen(g);
  }
  Result<int64_t> bewaar_besluit(const store::BesluitRecord& b) override {
    return s_.bewaar_besluit(b);
  }
  Result<std::vector<store::BesluitRecord>> besluiten(int64_t g) override {
    return s_.besluiten(g);
  }
  Result<int64_t> bewaar_wijkteam_traject(std::string_view g, int64_t j, Date b,
                                          std::optional<Date> e) override {
    return s_.bewaar_wijkteam_traject(g, j, b, e);
  }
  Result<std::vector<store::VerzoekRij>> open_verzoeken(
      const std::vector<std::string>& g) override {
    return s_.open_verzoeken(g);
  }
  Result<store::VerzoekRij> lees_verzoek_rij(int64_t id) override {
    return s_.lees_verzoek_rij(id);
  }
  Status bewaar_verzoek_antwoord(const store::VerzoekAntwoordRecord& a) override {
    return s_.bewaar_verzoek_antwoord(a);
  }
  Result<std::vector<store::IjwToewijzing>> ijw_van_jeugdige(int64_t j) override {
    return s_.ijw_van_jeugdige(j);
  }
  Status zet_in_uitbak(int64_t b, std::string_view a, std::optional<int64_t> j,
                       std::string_view t) override {
    return s_.zet_in_uitbak(b, a, j, t);
  }
  Result<std::vector<store::UitgaandBericht>> haal_uitbak_op(std::string_view a,
                                                             std::string_view t) override {
    return s_.haal_uitbak_op(a, t);
  }

 private:
  bool schrijf() {
    ++n_;
    bool f = n_ == faal_bij_;
    gefaald_ = gefaald_ || f;
    return f;
  }
  static Status fout() { return Unavailable("schijf vol (geïnjecteerd)"); }
  store::Store& s_;
  int64_t faal_bij_;
  int64_t n_ = 0;
  bool gefaald_ = false;
};

class Pipeline : public ImportTest {
 protected:
  // A small history: a toewijzing, its start, a verzoek, a declaratie (partly rejected), a
  // stop and a rejected start.
  static std::vector<std::string> berichten() {
    return {
        ijw::write_xml(jw301(1001)),
        ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1")),
        ijw::write_xml(jw315("REF1", "V1")),
        ijw::write_xml(jw323("DN1", {prestatie("RN1", 1001, 4), prestatie("RN2", 5555, 4)}, "D1")),
        ijw::write_xml(jw307(1001, Date(2026, 4, 3), Date(2026, 4, 30), "31", "P1")),
        ijw::write_xml(jw305(4242, Date(2026, 4, 3), "S2")),
    };
  }

  static std::map<std::string, int64_t> tellingen(const std::filesystem::path& db) {
    std::map<std::string, int64_t> out;
    sqlite3* h = nullptr;
    sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
    for (const char* t : {"bericht", "jeugdige", "toewijzing", "levering_start", "levering_stop",
                          "verzoek", "declaratie", "prestatie"}) {
      sqlite3_stmt* s = nullptr;
      std::string sql = std::string("SELECT COUNT(*) FROM ") + t;
      sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
      out[t] = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
      sqlite3_finalize(s);
    }
    sqlite3_close(h);
    return out;
  }
};

// Importing the published examples: each is judged by the rules (none is accepted as a
// whole), the received ones are answered with a retour valid against its XSD; nothing crashes.
TEST_F(Pipeline, GepubliceerdeVoorbeelden) {
  import::Importer imp(*store_, *validator_, clock_, opties_);
  ASSERT_TRUE(imp.import_paden({standaard_dir() / "voorbeelden"}).ok());
  const auto& s = imp.samenvatting();
  SCOPED_TRACE(import::samenvatting_json(s));
  EXPECT_EQ(s.fouten(), 0);
  for (const char* t : {"JW301", "JW305", "JW307", "JW315", "JW323"})
    ASSERT_EQ(s.per_type.count(t), 1u) << t;
  // The JW301 example honours the verzoeken 40A12341234/5 of the JW315 example, which the
  // gemeente never accepted (an impossible date; it also sorts after the JW301): TR379.
  EXPECT_EQ(s.per_type.at("JW301").afgekeurd, 1);
  EXPECT_EQ(s.per_type.at("JW301").retourcodes.at("9379"), 2);
  EXPECT_EQ(tel("toewijzing"), 0);
  // The JW315 example holds an impossible date: rejected as a whole with 0001.
  EXPECT_EQ(s.per_type.at("JW315").afgekeurd, 1);
  EXPECT_EQ(s.per_type.at("JW315").retourcodes.count("0001"), 1u);
  // The JW305 example is sent to gemeente 0363, which made no toewijzing 300201 (TR019).
  EXPECT_EQ(s.per_type.at("JW305").retourcodes.count("9019"), 1u);
  // The JW323 example names toewijzingen that were never made (TR338).
  EXPECT_EQ(s.per_type.at("JW323").afgekeurd, 1);
  EXPECT_EQ(s.per_type.at("JW323").retourcodes.count("9338"), 1u);
  for (const auto& [type, t] : s.per_type) EXPECT_EQ(t.ontvangen, 1) << type;
}

// Importing the same file twice changes nothing.
TEST_F(Pipeline, TweeKeerZelfdeBestandVerandertNiets) {
  for (size_t i = 0; i < berichten().size(); ++i) importeer(berichten()[i]);
  auto voor = tellingen(dir_ / "jr.sqlite");
  EXPECT_EQ(voor["bericht"], 6);
  for (size_t i = 0; i < berichten().size(); ++i) {
    auto r = importeer(berichten()[i]);
    EXPECT_EQ(r.uitkomst, import::Uitkomst::overgeslagen) << i;
  }
  EXPECT_EQ(tellingen(dir_ / "jr.sqlite"), voor);
}

// Every message is all-or-nothing: whichever write fails, the failed message leaves nothing
// behind, the import says so, and importing everything again gives exactly the state of a
// run without faults.
TEST_F(Pipeline, ElkBerichtAllesOfNiets) {
  const auto alles = berichten();
  int64_t schrijfacties = 0;
  std::map<std::string, int64_t> schoon;
  {
    TempDir d;
    store::StoreOptions so{d / "jr.sqlite", {}, false};
    auto s = store::open_sqlite_store(so, clock_);
    ASSERT_TRUE(s.ok());
    FoutStore f(**s, 0);
    import::ImportOptions o;
    o.batch_grootte = 1;
    import::Importer imp(f, *validator_, clock_, o);
    for (const auto& b : alles) imp.import_bytes(b, "x.xml");
    ASSERT_TRUE(imp.flush().ok());
    EXPECT_EQ(imp.samenvatting().fouten(), 0);
    schrijfacties = f.schrijfacties();
    schoon = tellingen(d / "jr.sqlite");
  }
  ASSERT_GT(schrijfacties, 20);
  for (size_t batch : {size_t{1}, size_t{4}}) {
    for (int64_t n = 1; n <= schrijfacties; ++n) {
      TempDir d;
      store::StoreOptions so{d / "jr.sqlite", {}, false};
      auto s = store::open_sqlite_store(so, clock_);
      ASSERT_TRUE(s.ok());
      {
        FoutStore f(**s, n);
        import::ImportOptions o;
        o.batch_grootte = batch;
        import::Importer imp(f, *validator_, clock_, o);
        for (const auto& b : alles)
          if (imp.import_bytes(b, "x.xml").uitkomst == import::Uitkomst::fout) break;
        Status st = imp.flush();
        if (f.gefaald()) {
          EXPECT_TRUE(!st.ok() || imp.samenvatting().fouten() > 0) << "n=" << n;
        }
      }
      import::ImportOptions o;
      import::Importer opnieuw(**s, *validator_, clock_, o);
      for (const auto& b : alles) opnieuw.import_bytes(b, "x.xml");
      ASSERT_TRUE(opnieuw.flush().ok());
      EXPECT_EQ(opnieuw.samenvatting().fouten(), 0);
      EXPECT_EQ(tellingen(d / "jr.sqlite"), schoon) << "batch=" << batch << " n=" << n;
    }
  }
}

// Not-well-formed input gets no retour, is counted as rejected with a clear message, and
// stores nothing; an XSD-invalid message is stored as rejected with a header-only 0001 retour.
TEST_F(Pipeline, OnleesbaarEnXsdOngeldig) {
  auto r = importeer("<jw305:Bericht xmlns:jw305=\"nope\"><niet-af>");
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_EQ(r.berichttype, "onbekend");
  EXPECT_TRUE(r.retour_xml.empty());
  EXPECT_FALSE(r.melding.empty());
  EXPECT_EQ(tel("bericht"), 0);

  std::string xml = ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"));
  auto pos = xml.find("<jw305:Geslacht>1</jw305:Geslacht>");
  ASSERT_NE(pos, std::string::npos);
  xml.replace(pos, 34, "<jw305:Geslacht>7</jw305:Geslacht>");
  auto x = importeer(xml);
  EXPECT_EQ(x.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(x, "0001")) << codes(x);
  EXPECT_TRUE(xsd_geldig(x.retour_xml));
  EXPECT_NE(x.retour_xml.find("<jw306:RetourCode>0001</jw306:RetourCode>"), std::string::npos);
  EXPECT_EQ(x.retour_xml.find("<jw306:Client>"), std::string::npos);
  EXPECT_EQ(tel("bericht", "status = 'afgekeurd'"), 1);
}

// An XSD-invalid message whose header is broken too gets no retour (it could not be valid),
// is stored as rejected, and says why.
TEST_F(Pipeline, KapotteHeaderGeenRetour) {
  std::string xml = ijw::write_xml(jw305(1001, Date(2026, 4, 3), "S1"));
  auto pos = xml.find("<jw305:Afzender>");
  auto eind = xml.find("</jw305:Afzender>");
  ASSERT_NE(pos, std::string::npos);
  xml.erase(pos, eind + 17 - pos);
  auto r = importeer(xml);
  EXPECT_EQ(r.uitkomst, import::Uitkomst::afgekeurd);
  EXPECT_TRUE(heeft(r, "0001")) << codes(r);
  EXPECT_TRUE(r.retour_xml.empty());
  EXPECT_NE(r.melding.find("geen retourbericht"), std::string::npos);
  EXPECT_EQ(tel("bericht", "status = 'afgekeurd'"), 1);
}

// The summary's JSON shape: per berichttype ontvangen/geaccepteerd/afgekeurd and the counts
// per retourcode.
TEST_F(Pipeline, SamenvattingJson) {
  import::Importer imp(*store_, *validator_, clock_, opties_);
  for (const auto& b : berichten()) imp.import_bytes(b, "x.xml");
  ASSERT_TRUE(imp.flush().ok());
  auto j = nlohmann::json::parse(import::samenvatting_json(imp.samenvatting()));
  ASSERT_TRUE(j["berichten"].is_object());
  const auto& jw305 = j["berichten"]["JW305"];
  EXPECT_EQ(jw305["ontvangen"], 2);
  EXPECT_EQ(jw305["geaccepteerd"], 1);
  EXPECT_EQ(jw305["afgekeurd"], 1);
  EXPECT_EQ(jw305["retourcodes"]["9019"], 1);
  EXPECT_EQ(j["berichten"]["JW323"]["deels"], 1);
  EXPECT_EQ(j["totaal"]["ontvangen"], 6);
  EXPECT_TRUE(j["meldingen"].is_array());
}

// jeugdregie import: writes retours valid against their XSD and prints the summary; a second
// run skips everything.
TEST_F(Pipeline, CommandLine) {
  TempDir in;
  auto alles = berichten();
  for (size_t i = 0; i < alles.size(); ++i) {
    std::ofstream f(in / ("b" + std::to_string(i) + ".xml"));
    f << alles[i];
  }
  std::string db = (dir_ / "cli.sqlite").string();
  std::string retour = (dir_ / "retour").string();
  std::string cmd = binary() + " --standaard " + standaard_dir().string() + " import --db " + db +
                    " --retour " + retour + " " + in.path().string() + " 2>/dev/null";
  auto run = [&] {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int rc = pclose(p);
    return std::make_pair(WEXITSTATUS(rc), out);
  };
  auto [rc, out] = run();
  EXPECT_EQ(rc, 0) << out;
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["totaal"]["ontvangen"], 6);
  EXPECT_EQ(j["berichten"]["JW301"]["geaccepteerd"], 1);
  int retouren = 0;
  for (const auto& e : std::filesystem::directory_iterator(retour)) {
    ++retouren;
    EXPECT_TRUE(xsd_geldig(read_all(e.path()))) << e.path();
  }
  EXPECT_EQ(retouren, 5);  // no retour on the own JW301
  auto [rc2, out2] = run();
  EXPECT_EQ(rc2, 0);
  EXPECT_EQ(nlohmann::json::parse(out2)["totaal"]["overgeslagen"], 6);
}

// The messages of berichten() as files 01.xml .. 06.xml in `map` (sorted = sent order).
void schrijf_berichten(const std::filesystem::path& map, const std::vector<std::string>& alles) {
  std::filesystem::create_directories(map);
  for (size_t i = 0; i < alles.size(); ++i) {
    std::ofstream(map / ("0" + std::to_string(i + 1) + ".xml"), std::ios::binary) << alles[i];
  }
}

// What the import left in the store, row by row, without ids and times.
std::vector<std::string> inhoud(const std::filesystem::path& db) {
  std::vector<std::string> out;
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  for (const char* sql :
       {"SELECT berichttype || status || retourcodes || inhoud_sha256 FROM bericht ORDER BY id",
        "SELECT toewijzing_nummer || '/' || begindatum FROM levering_start ORDER BY id",
        "SELECT referentie_nummer || toegekend || retourcodes FROM prestatie ORDER BY id",
        "SELECT ontvangen || '/' || geaccepteerd || '/' || afgekeurd FROM import_run"}) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(h, sql, -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return out;
}

// Reading and validating ahead on a second thread changes nothing: the same verdicts, rows
// and summary as one thread.
TEST_F(Pipeline, TweeDradenZelfdeUitkomstAlsEen) {
  schrijf_berichten(dir_ / "in", berichten());
  std::string json[2];
  std::vector<std::string> rijen[2];
  for (int parallel = 0; parallel < 2; ++parallel) {
    TempDir d;
    store::StoreOptions so{d / "jr.sqlite", {}, false};
    auto s = store::open_sqlite_store(so, clock_);
    ASSERT_TRUE(s.ok());
    import::ImportOptions o;
    o.parallel = parallel == 1;
    o.batch_grootte = 2;
    import::Importer imp(**s, *validator_, clock_, o);
    ASSERT_TRUE(imp.import_paden({dir_ / "in"}).ok());
    json[parallel] = import::samenvatting_json(imp.samenvatting());
    rijen[parallel] = inhoud(d / "jr.sqlite");
  }
  EXPECT_EQ(json[1], json[0]);
  EXPECT_EQ(rijen[1], rijen[0]);
  EXPECT_EQ(rijen[0].back(), "6/5/1");  // the run record: the second JW305 is rejected
}

// A store fault stops a two-thread import without hanging: the reader is told to stop, the
// run reports the error, and importing again completes the state of a run without faults.
TEST_F(Pipeline, TweeDradenStoppenBijFout) {
  schrijf_berichten(dir_ / "in", berichten());
  std::vector<std::string> schoon;
  {
    TempDir d;
    store::StoreOptions so{d / "jr.sqlite", {}, false};
    auto s = store::open_sqlite_store(so, clock_);
    ASSERT_TRUE(s.ok());
    import::Importer imp(**s, *validator_, clock_, {});
    ASSERT_TRUE(imp.import_paden({dir_ / "in"}).ok());
    schoon = inhoud(d / "jr.sqlite");
    schoon.pop_back();  // the run record differs: the second run counts skipped messages
  }
  for (int64_t n : {3, 9, 17}) {
    TempDir d;
    store::StoreOptions so{d / "jr.sqlite", {}, false};
    auto s = store::open_sqlite_store(so, clock_);
    ASSERT_TRUE(s.ok());
    {
      FoutStore f(**s, n);
      import::ImportOptions o;
      o.batch_grootte = 1;
      import::Importer imp(f, *validator_, clock_, o);
      Status st = imp.import_paden({dir_ / "in"});
      ASSERT_TRUE(f.gefaald()) << n;
      EXPECT_FALSE(st.ok() && imp.samenvatting().fouten() == 0) << n;
    }
    import::Importer opnieuw(**s, *validator_, clock_, {});
    ASSERT_TRUE(opnieuw.import_paden({dir_ / "in"}).ok());
    auto na = inhoud(d / "jr.sqlite");
    na.resize(schoon.size());
    EXPECT_EQ(na, schoon) << "n=" << n;
  }
}

// Day archives (generate --tar) are imported inside import_paden, as one run with the plain
// files; a broken archive stops the run with an error.
TEST_F(Pipeline, DagarchiefInDezelfdeRun) {
  const auto alles = berichten();
  std::string tar;
  for (size_t i = 0; i < alles.size(); ++i)
    ASSERT_TRUE(tar_append_file(tar, "0" + std::to_string(i + 1) + ".xml", alles[i], 0).ok());
  tar_append_end(tar);
  std::filesystem::create_directories(dir_ / "arch");
  const std::string pad = (dir_ / "arch" / "2026-04-03.tar.gz").string();
  gzFile g = gzopen(pad.c_str(), "wb");
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(gzwrite(g, tar.data(), static_cast<unsigned>(tar.size())),
            static_cast<int>(tar.size()));
  gzclose(g);
  std::ofstream(dir_ / "arch" / "README.txt") << "geen bericht";
  import::Importer imp(*store_, *validator_, clock_, opties_);
  ASSERT_TRUE(imp.import_paden({dir_ / "arch"}).ok());
  const auto& s = imp.samenvatting();
  EXPECT_EQ(s.per_type.at("JW305").ontvangen, 2);
  EXPECT_EQ(s.per_type.at("JW323").ontvangen, 1);
  auto rijen = inhoud(dir_ / "jr.sqlite");
  EXPECT_EQ(rijen.back(), "6/5/1");
  std::ofstream(dir_ / "arch" / "2026-04-04.tar.gz") << "geen gzip";
  import::Importer kapot(*store_, *validator_, clock_, opties_);
  Status st = kapot.import_paden({dir_ / "arch"});
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("2026-04-04.tar.gz"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace jr::testing
