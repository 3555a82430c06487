// SqliteStore: the embedded Store. Private to src/store; callers use Store.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace jr::store {

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<sqlite::Db> db, Keyring keyring, const Clock& clock);

  // Applies pending migrations, each in its own transaction.
  Status migrate();

  Status begin() override;
  Status commit() override;
  void rollback() override;
  Status unit_begin() override;
  Status unit_commit() override;
  void unit_rollback() override;
  Result<int64_t> data_versie() override;

  Result<int64_t> jeugdige_id(const JeugdigeIdentiteit& identiteit) override;
  Result<int64_t> zoek_jeugdige(std::string_view bsn, Date geboortedatum) override;
  std::string pseudoniem(std::string_view bsn, Date geboortedatum) const override;
  std::string bsn_pseudoniem(std::string_view bsn) const override;
  Result<JeugdigeIdentiteit> lees_jeugdige(int64_t id, const AuditContext& ctx) override;
  Result<std::string> pseudoniem_van(int64_t id) override;
  Result<std::optional<int64_t>> zoek_bericht(std::string_view richting,
                                              std::string_view inhoud_sha256) override;
  Result<bool> identificatie_bekend(std::string_view berichttype, std::string_view afzender,
                                    std::string_view identificatie) override;
  Result<int64_t> bewaar_bericht(const BerichtRecord& bericht) override;
  Status zet_bericht_uitkomst(int64_t id, std::string_view status, std::string_view retourcodes,
                              std::string_view retour_xml, std::string_view xml,
                              std::string_view xml_zstd) override;
  Result<BerichtRecord> lees_bericht(int64_t id) override;
  Result<std::optional<OpgeslagenBericht>> zoek_bericht_inhoud(
      std::string_view inhoud_sha256) override;
  Status scan_import_sleutels(
      const std::function<void(ImportSleutel, std::string_view)>& fn) override;
  Result<int64_t> volgend_nummer(std::string_view reeks) override;
  Result<std::optional<int64_t>> zoek_verzonden(std::string_view berichttype,
                                                std::string_view afzender,
                                                std::string_view ontvanger,
                                                std::string_view identificatie,
                                                std::string_view dagtekening) override;
  Status zet_ontvangst(int64_t id, std::string_view ontvangst, int64_t retour_bericht_id) override;
  Result<int64_t> start_import_run(std::string_view bron) override;
  Status sluit_import_run(int64_t id, const ImportTellers& tellers) override;

  Result<std::optional<ToewijzingRecord>> zoek_toewijzing(std::string_view gemeente,
                                                          int64_t toewijzing_nummer) override;
  Result<std::vector<ToewijzingRecord>> toewijzingen_van(std::string_view gemeente,
                                                         std::string_view aanbieder,
                                                         int64_t jeugdige_id) override;
  Result<int64_t> bewaar_toewijzing(const ToewijzingRecord& toewijzing) override;
  Result<int64_t> open_prestaties(int64_t toewijzing_id) override;

  Result<std::vector<LeveringRecord>> starts(std::string_view aanbieder, int64_t jeugdige_id,
                                             int64_t toewijzing_nummer) override;
  Result<std::vector<LeveringRecord>> stops(std::string_view aanbieder, int64_t jeugdige_id,
                                            int64_t toewijzing_nummer) override;
  Result<int64_t> bewaar_levering(const LeveringRecord& levering) override;
  Status trek_levering_in(int64_t id, bool stop, int64_t door_bericht) override;

  Result<bool> verzoek_referentie_bekend(std::string_view aanbieder,
                                         std::string_view referentie_aanbieder) override;
  Result<bool> verzoek_onderhanden(std::string_view aanbieder, int64_t jeugdige_id) override;
  Result<int64_t> bewaar_verzoek(const VerzoekRecord& verzoek) override;
  Result<std::optional<int64_t>> verzoek_toegewezen(std::string_view aanbieder,
                                                    std::string_view referentie) override;

  Result<bool> declaratie_nummer_bekend(std::string_view aanbieder,
                                        std::string_view declaratie_nummer) override;
  Result<std::optional<Date>> laatste_declaratieperiode(std::string_view aanbieder,
                                                        std::string_view gemeente) override;
  Result<std::optional<PrestatieRecord>> zoek_prestatie(std::string_view aanbieder,
                                                        std::string_view referentie) override;
  Result<bool> gecrediteerd(std::string_view aanbieder, std::string_view referentie) override;
  Result<std::vector<std::string>> debet_prestaties(std::string_view aanbieder,
                                                    int64_t toewijzing_nummer,
                                                    std::string_view categorie,
                                                    std::string_view productcode,
                                                    Date begindatum) override;
  Result<Som> som_prestaties(int64_t toewijzing_id) override;
  Result<int64_t> bewaar_declaratie(const DeclaratieRecord& declaratie) override;
  Status zet_declaratie_toegekend(int64_t id, int64_t toegekend_cent) override;
  Result<int64_t> bewaar_prestatie(const PrestatieRecord& prestatie) override;

  Result<std::optional<CatalogusProduct>> zoek_product(std::string_view categorie,
                                                       std::string_view code, Date datum) override;
  Result<std::optional<bool>> productcode_in_catalogus(std::string_view categorie,
                                                       std::string_view code) override;
  Status audit(const AuditEvent& event) override;
  Result<AuditControle> verifieer_audit() override;
  Result<std::vector<AuditRegel>> audit_van_bsn(std::string_view bsn) override;
  int schema_version() const override { return version_; }

  // Contractregisters (sqlite_registers.cpp).
  Result<std::vector<AanbiederRegel>> aanbieders() override;
  Status wijzig_aanbieder(const AanbiederRegel& a, Versie versie) override;
  Result<std::vector<ProductRegel>> producten() override;
  Status bewaar_product(const ProductRegel& p) override;
  Result<std::vector<Contract>> contracten(const std::optional<std::string>& aanbieder) override;
  Result<int64_t> maak_contract(const Contract& c) override;
  Status wijzig_contract(int64_t id, const Contract& c, Versie versie) override;
  Status verwijder_contract(int64_t id, Versie versie) override;
  Result<std::vector<Budgetplafond>> plafonds(std::optional<int> jaar) override;
  Result<Budgetplafond> lees_plafond(int64_t id) override;
  Result<int64_t> maak_plafond(const Budgetplafond& p) override;
  Status wijzig_plafond(int64_t id, const Budgetplafond& p, Versie versie) override;
  Status verwijder_plafond(int64_t id, Versie versie) override;
  Result<std::vector<NormRegel>> normen() override;
  Status zet_norm(const std::string& categorie, int weken, Versie versie) override;
  Status verwijder_norm(const std::string& categorie, Versie versie) override;
  Result<std::vector<TariefRij>> tarieven() override;
  Result<std::vector<Prestatiebedrag>> prestatiebedragen(int jaar) override;
  Result<std::optional<Date>> laatste_prestatiedag(int jaar) override;
  Result<std::vector<LopendeToewijzing>> lopende_toewijzingen(Date van, Date tot) override;
  Result<std::vector<WachtRij>> wachtrijen() override;
  Result<std::optional<Date>> laatste_gegevensdag() override;
  Result<std::map<std::string, int64_t>> natura_per_gemeente(int jaar) override;
  Result<std::vector<VoorzieningRij>> voorzieningen(int jaar) override;
  Result<std::vector<LeveringenPerProduct>> leveringen_per_product(std::string_view agb,
                                                                   std::string_view gemeente,
                                                                   Date van, Date tot) override;
  Result<OpenVerzoek> lees_verzoek(int64_t id) override;
  Result<int64_t> volgend_toewijzingnummer(std::string_view gemeente) override;
  Status koppel_verzoek(int64_t verzoek_id, int64_t toewijzing_id) override;

  // Gebruikersregister (sqlite_registers.cpp).
  Result<int64_t> voeg_gebruiker_toe(const Gebruiker& g, std::string_view aangemaakt_op) override;
  Result<std::optional<Gebruiker>> zoek_gebruiker(std::string_view gebruikersnaam) override;
  Result<bool> login_mislukt(int64_t id, int64_t nu, int max, int64_t blokkeer_seconden) override;
  Status login_gelukt(int64_t id) override;
  Status voeg_token_toe(std::string_view naam, std::string_view token_sha256, std::string_view agb,
                        std::string_view aangemaakt_op) override;
  Result<std::optional<ApiToken>> zoek_token(std::string_view token_sha256) override;

  // Kpiregister (sqlite_registers.cpp).
  Result<std::vector<Kpi>> kpis(const std::optional<std::string>& gemeente) override;
  Result<Kpi> lees_kpi(int64_t id) override;
  Result<Kpi> maak_kpi(const Kpi& kpi) override;
  Result<Kpi> wijzig_kpi(int64_t id, const Kpi& kpi, Versie versie) override;
  Status verwijder_kpi(int64_t id, Versie versie) override;

  // Casusregister (sqlite_casework.cpp).
  Result<int64_t> maak_team(const Team& t) override;
  Status voeg_teamlid_toe(int64_t team_id, std::string_view gebruikersnaam) override;
  Result<std::vector<Team>> teams(const std::optional<std::string>& gemeente) override;
  Result<std::vector<Team>> teams_van(std::string_view gebruikersnaam) override;
  Result<CaseworkInstellingen> instellingen(std::string_view gemeente) override;
  Status zet_instellingen(std::string_view gemeente, const CaseworkInstellingen& i) override;
  Result<std::vector<Leefgebied>> leefgebieden(std::string_view gemeente) override;
  Result<int64_t> maak_gezin(const GezinRecord& g) override;
  Result<int64_t> voeg_jeugdige_toe(int64_t gezin_id, int64_t jeugdige_id, Date van) override;
  Result<int64_t> voeg_ouder_toe(int64_t gezin_id, const Gezinslid& lid) override;
  Result<std::optional<int64_t>> gezin_van_jeugdige(int64_t jeugdige_id) override;
  Result<GezinRecord> lees_gezin(int64_t id) override;
  Status zet_regisseur(int64_t id, const std::optional<std::string>& regisseur,
                       Versie versie) override;
  Result<int64_t> bewaar_aanmelding(const AanmeldingRecord& a,
                                    std::optional<int64_t> team_id) override;
  Result<std::vector<AanmeldingRecord>> aanmeldingen(int64_t gezin_id) override;
  Result<int64_t> werk_voor_verzoek(int64_t verzoek_id) override;
  Result<std::optional<int64_t>> werkitem_van_verzoek(int64_t verzoek_id) override;
  Result<std::vector<Werkitem>> werkvoorraad(const WerkvoorraadVraag& v) override;
  Result<std::vector<Werkitem>> werkitems_van_gezin(int64_t gezin_id) override;
  Result<int64_t> pak_op(int64_t gezin_id, std::string_view medewerker, Date datum) override;
  Result<int64_t> handel_aanmeldingen_af(int64_t gezin_id, int64_t jeugdige_id,
                                         Date datum) override;
  Result<int64_t> bewaar_vraagverheldering(const VraagverhelderingRecord& v) override;
  Result<std::vector<VraagverhelderingRecord>> vraagverhelderingen(int64_t gezin_id) override;
  Result<std::optional<int64_t>> plan_versie(int64_t gezin_id) override;
  Result<int64_t> bewaar_gezinsplan(const GezinsplanRecord& p, Versie basis) override;
  Result<std::vector<GezinsplanRecord>> gezinsplannen(int64_t gezin_id) override;
  Result<int64_t> bewaar_besluit(const BesluitRecord& b) override;
  Result<std::vector<BesluitRecord>> besluiten(int64_t gezin_id) override;
  Result<int64_t> bewaar_wijkteam_traject(std::string_view gemeente, int64_t jeugdige_id,
                                          Date begindatum, std::optional<Date> einddatum) override;
  Result<std::vector<VerzoekRij>> open_verzoeken(
      const std::vector<std::string>& gemeenten) override;
  Result<VerzoekRij> lees_verzoek_rij(int64_t id) override;
  Status bewaar_verzoek_antwoord(const VerzoekAntwoordRecord& a) override;
  Result<std::vector<IjwToewijzing>> ijw_van_jeugdige(int64_t jeugdige_id) override;
  Status zet_in_uitbak(int64_t bericht_id, std::string_view aanbieder,
                       std::optional<int64_t> jeugdige_id, std::string_view tijdstip) override;
  Result<std::vector<UitgaandBericht>> haal_uitbak_op(std::string_view aanbieder,
                                                      std::string_view tijdstip) override;

  sqlite::Db& db() { return *db_; }

 private:
  std::unique_ptr<sqlite::Db> db_;
  Keyring keyring_;
  const Clock& clock_;
  int version_ = 0;
  bool in_tx_ = false;
  bool in_unit_ = false;

  // Number series inside an open transaction: read once, counted here and written back just
  // before COMMIT (one statement per series per transaction instead of one per number). A
  // unit rolled back gives its numbers back, as the savepoint would have.
  struct Reeks {
    std::string naam;
    int64_t laatste = 0;      // last number handed out
    int64_t bij_eenheid = 0;  // `laatste` when the current unit began
  };
  std::vector<Reeks> reeksen_;
  Status schrijf_reeksen();
  // Free text and identities of ouders, sealed as a JSON object with the Keyring.
  std::string verzegel(const nlohmann::json& j) const;
  Result<nlohmann::json> ontzegel(std::string_view sealed) const;
};

}  // namespace jr::store
