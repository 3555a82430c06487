// SqliteStore: the embedded Store. Private to src/store; callers use Store.
#pragma once

#include <memory>
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
};

}  // namespace jr::store
