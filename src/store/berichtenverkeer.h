// Berichtenverkeer: the import's repository of the iJw message flow: messages received and
// sent, toewijzingen, start and stop leveringen, verzoeken om toewijzing and om wijziging,
// declaraties and prestaties, the product catalogue the rules consult, number series and
// import runs. Plain records in and out, no SQL in the interface, so that a PostgresStore
// fills the same.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/status.h"

namespace jr::store {

// ---- records of the iJw message flow (no SQL; a PostgresStore fills the same) ----

// One message received ('in') or sent ('uit'), with its raw XML and outcome.
struct BerichtRecord {
  int64_t id = 0;
  std::string richting = "in";  // 'in' or 'uit'
  std::string berichttype;      // 'JW305'
  std::string afzender;         // may be empty when the header is unreadable
  std::string ontvanger;
  std::string identificatie;
  std::string dagtekening;         // ISO date or empty
  std::string inhoud_sha256;       // hex of the raw bytes
  std::string xml;                 // raw bytes as received or sent
  std::string status;              // 'geaccepteerd', 'deels', 'afgekeurd', 'verzonden'
  std::string retourcodes = "[]";  // JSON array of findings
  std::string retour_xml;          // empty: none
  std::optional<int64_t> import_id;
  // A sent message ('uit') once the aanbieder's retour (JW302, JW320) came: 'ontvangen' or
  // 'afgekeurd', and that retour's id. Filled on reads; ignored by bewaar_bericht.
  std::optional<std::string> ontvangst;
  std::optional<int64_t> ontvangst_bericht_id;
};

// A JW301 ToegewezenProduct as stored: made in jeugdregie or imported from a sent JW301.
struct ToewijzingRecord {
  int64_t id = 0;
  std::string gemeente;
  int64_t toewijzing_nummer = 0;
  std::string aanbieder;
  int64_t jeugdige_id = 0;
  std::string jeugdige_bsn_pseudoniem;  // filled on reads; ignored on writes
  std::optional<std::string> referentie_aanbieder;
  std::optional<std::string> categorie;
  std::optional<std::string> productcode;
  Date toewijzingsdatum;
  std::string toewijzingstijd = "00:00:00";
  Date ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<std::string> reden_wijziging;  // JZ002
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid;     // WJ756
  std::optional<std::string> frequentie;  // WMO757
  std::optional<int64_t> budget_cent;
  std::optional<std::string> commentaar;
  std::optional<int64_t> bericht_id;
};

// A JW305 StartProduct or JW307 StopProduct as stored.
struct LeveringRecord {
  int64_t id = 0;
  int64_t bericht_id = 0;
  std::string aanbieder;
  std::string gemeente;
  int64_t jeugdige_id = 0;
  std::optional<int64_t> toewijzing_id;
  std::optional<int64_t> toewijzing_nummer;
  std::optional<std::string> categorie;
  std::optional<std::string> productcode;
  Date begindatum;
  std::optional<Date> einddatum;                 // stops only
  std::optional<std::string> reden_beeindiging;  // stops only (JZ588)
  bool actueel = true;
};

// One product of a verzoek om wijziging (JW317) as stored, in message order.
struct VerzoekProductRecord {
  std::string soort;                          // 'ongewijzigd', 'te_wijzigen' or 'nieuw'
  std::optional<int64_t> toewijzing_id;       // the toewijzing named (not for 'nieuw')
  std::optional<int64_t> toewijzing_nummer;   // idem, its ToewijzingNummer
  std::optional<std::string> categorie;       // 'nieuw' only
  std::optional<std::string> productcode;     // 'nieuw' only
  std::optional<Date> gewenste_ingangsdatum;  // 'te_wijzigen' and 'nieuw'
  std::optional<Date> einddatum;
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid;
  std::optional<std::string> frequentie;
  std::optional<int64_t> budget_cent;
};

// A verzoek as stored: what the gemeente answers as a whole, by a toewijzing with its
// ReferentieAanbieder or by an antwoordbericht (JW319). Soort 'aanvraag': one JW315
// AangevraagdProduct, with its product, dates and verwijzer. Soort 'wijziging': one whole JW317
// (the complete wished situation under one ReferentieAanbieder), with its RedenVerzoek and its
// products in `producten`; the JW315 fields stay empty.
struct VerzoekRecord {
  int64_t id = 0;
  int64_t bericht_id = 0;
  std::string soort = "aanvraag";  // 'aanvraag' (JW315) or 'wijziging' (JW317)
  std::string aanbieder;
  std::string gemeente;
  int64_t jeugdige_id = 0;
  std::string referentie_aanbieder;
  Date dagtekening;
  std::optional<std::string> reden_verzoek;  // WJ758; wijziging only
  std::optional<std::string> categorie;
  std::optional<std::string> productcode;
  std::optional<int64_t> beschikking_nummer;
  std::optional<Date> beschikking_ingangsdatum;
  std::optional<Date> toewijzing_ingangsdatum;  // aanvraag: required
  std::optional<Date> toewijzing_einddatum;
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid;
  std::optional<std::string> frequentie;
  std::optional<int64_t> budget_cent;
  std::optional<std::string> verwijzer_type;  // COD327; aanvraag: required
  std::optional<std::string> verwijzer_naam;
  std::optional<std::string> verwijzer_zorgverlener;
  std::vector<VerzoekProductRecord> producten;  // wijziging only
};

// A JW323 Declaratie (header part) as stored.
struct DeclaratieRecord {
  int64_t id = 0;
  int64_t bericht_id = 0;
  std::string aanbieder;
  std::string gemeente;
  std::string declaratie_nummer;
  Date periode_begin;
  Date periode_eind;
  Date dagtekening;
  int64_t totaal_cent = 0;     // signed
  int64_t toegekend_cent = 0;  // signed
};

// A JW323 Prestatie as stored (accepted or rejected).
struct PrestatieRecord {
  int64_t id = 0;
  int64_t declaratie_id = 0;
  std::string aanbieder;
  int64_t jeugdige_id = 0;
  std::optional<int64_t> toewijzing_id;
  int64_t toewijzing_nummer = 0;
  std::string referentie_nummer;
  std::optional<std::string> vorig_referentie_nummer;
  std::string categorie;
  std::string productcode;
  Date begindatum;
  Date einddatum;
  int64_t volume = 0;
  std::string eenheid;
  std::optional<int64_t> tarief_cent;
  int64_t bedrag_cent = 0;  // signed: credit lines negative
  std::string debet_credit = "D";
  bool toegekend = false;
  std::string retourcodes = "[]";
};

// A product of the gemeente's catalogue (contracted tariff per eenheid).
struct CatalogusProduct {
  std::string categorie;
  std::string code;
  std::string eenheid;
  int64_t tarief_cent = 0;
  std::optional<std::string> hulpvorm;
};

// Counters of one import run.
struct ImportTellers {
  int64_t ontvangen = 0;
  int64_t geaccepteerd = 0;
  int64_t afgekeurd = 0;
  int64_t overgeslagen = 0;
};

// Kinds of key by which the import's berichtoverstijgende rules look stored rows up. The
// import keeps a filter per kind for one run (src/import) and asks the store only when a key
// may be there; see Store::scan_import_sleutels.
enum class ImportSleutel {
  inhoud,         // a message's content hash, either direction (zoek_bericht)
  identificatie,  // berichttype, afzender, Identificatie of any message (TR056)
  prestatie,      // aanbieder, ReferentieNummer of an accepted prestatie (TR314, TR323)
  debet,          // aanbieder, ToewijzingNummer, begindatum, categorie, productcode of an
                  // accepted prestatie (TR389)
  start,          // jeugdige id, ToewijzingNummer of a stored start (JW305)
  stop,           // jeugdige id, ToewijzingNummer of a stored stop (JW307)
};

// The text of a key as Store::scan_import_sleutels hands it: the fields in the order of the
// comments above, integers in decimal, dates ISO, joined by '\x1f'. Pure.
std::string import_sleutel(std::initializer_list<std::string_view> velden);

class Berichtenverkeer {
 public:
  virtual ~Berichtenverkeer() = default;

  // ---- berichten ----
  // The id of the stored message with this direction and content hash; nullopt when there
  // is none. Unavailable/Internal on a store failure.
  virtual Result<std::optional<int64_t>> zoek_bericht(std::string_view richting,
                                                      std::string_view inhoud_sha256) = 0;
  // Whether a message of `berichttype` from `afzender` with this Identificatie was received
  // before, whatever its outcome (TR056). Unavailable/Internal on a store failure.
  virtual Result<bool> identificatie_bekend(std::string_view berichttype, std::string_view afzender,
                                            std::string_view identificatie) = 0;
  // Stores a message; its id. AlreadyExists when the same content (direction + sha256) or,
  // for a non-rejected message, the same type/afzender/Identificatie is stored already.
  virtual Result<int64_t> bewaar_bericht(const BerichtRecord& bericht) = 0;
  // Sets the outcome of stored message `id`, and its raw XML when `xml` is not empty (a
  // message stored first without its XML, so that its large row is written once). NotFound
  // when there is no such message.
  // `xml_zstd`, when not empty, is `xml` already compressed by store::comprimeer (the
  // importer compresses on its reader thread); it is then sealed as is.
  virtual Status zet_bericht_uitkomst(int64_t id, std::string_view status,
                                      std::string_view retourcodes, std::string_view retour_xml,
                                      std::string_view xml, std::string_view xml_zstd) = 0;
  // The stored message `id`. NotFound when there is none.
  virtual Result<BerichtRecord> lees_bericht(int64_t id) = 0;
  // The id and berichttype of the stored message with this content hash: the received one
  // ('in') when there is one, else the sent one ('uit'); nullopt when neither. Reads no XML
  // (a re-import skips a known message by this alone). Unavailable/Internal on a failure.
  struct OpgeslagenBericht {
    int64_t id = 0;
    std::string berichttype;
  };
  virtual Result<std::optional<OpgeslagenBericht>> zoek_bericht_inhoud(
      std::string_view inhoud_sha256) = 0;
  // Calls `fn(soort, sleutel)` once for every stored row of each ImportSleutel kind, in no
  // particular order, the key as import_sleutel builds it from the row's fields. A row may
  // give a key that no rule would find (a superset: e.g. every accepted prestatie for
  // `debet`, whatever its DebetCredit), never the other way round. Only reads, in the open
  // transaction when there is one, else in one read transaction of its own. OK when every
  // row was visited; Unavailable/Internal on a store failure (fn may have seen some rows).
  virtual Status scan_import_sleutels(
      const std::function<void(ImportSleutel, std::string_view)>& fn) = 0;
  // The next number of series `reeks` (1, 2, ...), part of the open transaction.
  virtual Result<int64_t> volgend_nummer(std::string_view reeks) = 0;
  // The sent message ('uit') of `berichttype` from `afzender` to `ontvanger` with this
  // BerichtIdentificatie (Identificatie and Dagtekening, as written), not rejected; nullopt
  // when there is none. Unavailable/Internal on a store failure.
  virtual Result<std::optional<int64_t>> zoek_verzonden(std::string_view berichttype,
                                                        std::string_view afzender,
                                                        std::string_view ontvanger,
                                                        std::string_view identificatie,
                                                        std::string_view dagtekening) = 0;
  // Records on sent message `id` the aanbieder's retour on it: `ontvangst` 'ontvangen' or
  // 'afgekeurd', said by received message `retour_bericht_id` (a later retour replaces an
  // earlier one); a message of the outbox (Casusregister::zet_in_uitbak) takes the same status
  // there, so it is no longer offered. NotFound when there is no sent message `id`;
  // InvalidArgument for another `ontvangst`.
  virtual Status zet_ontvangst(int64_t id, std::string_view ontvangst,
                               int64_t retour_bericht_id) = 0;
  // Starts an import run record; its id.
  virtual Result<int64_t> start_import_run(std::string_view bron) = 0;
  // Closes import run `id` with its counters. NotFound when there is no such run.
  virtual Status sluit_import_run(int64_t id, const ImportTellers& tellers) = 0;

  // ---- toewijzingen ----
  // The toewijzing with this number at this gemeente (TR332: unique per gemeente); nullopt
  // when there is none.
  virtual Result<std::optional<ToewijzingRecord>> zoek_toewijzing(std::string_view gemeente,
                                                                  int64_t toewijzing_nummer) = 0;
  // All toewijzingen of a jeugdige at one aanbieder of one gemeente, by number (empty when
  // none).
  virtual Result<std::vector<ToewijzingRecord>> toewijzingen_van(std::string_view gemeente,
                                                                 std::string_view aanbieder,
                                                                 int64_t jeugdige_id) = 0;
  // Stores a toewijzing: inserted when (gemeente, nummer) is new, otherwise the stored one
  // is updated (a JW301 that changes it). Its id. InvalidArgument when the jeugdige does
  // not exist.
  virtual Result<int64_t> bewaar_toewijzing(const ToewijzingRecord& toewijzing) = 0;
  // The number of accepted debet prestaties on toewijzing `toewijzing_id` that have not
  // been credited (TR385); 0 when none.
  virtual Result<int64_t> open_prestaties(int64_t toewijzing_id) = 0;

  // ---- start en stop levering ----
  // Starts (JW305) of this jeugdige on this toewijzing number from this aanbieder, current
  // and removed, oldest first; empty when none.
  virtual Result<std::vector<LeveringRecord>> starts(std::string_view aanbieder,
                                                     int64_t jeugdige_id,
                                                     int64_t toewijzing_nummer) = 0;
  // Idem for stops (JW307).
  virtual Result<std::vector<LeveringRecord>> stops(std::string_view aanbieder, int64_t jeugdige_id,
                                                    int64_t toewijzing_nummer) = 0;
  // Stores a start (einddatum empty) or a stop (einddatum set); its id.
  virtual Result<int64_t> bewaar_levering(const LeveringRecord& levering) = 0;
  // Marks a stored start or stop as no longer current (StatusAanlevering 3, or a stop
  // replaced by a later one), withdrawn by the message `door_bericht` (its dagtekening is
  // when the withdrawal became known). NotFound when there is no such row.
  virtual Status trek_levering_in(int64_t id, bool stop, int64_t door_bericht) = 0;

  // ---- verzoeken om toewijzing ----
  // Whether this aanbieder used this ReferentieAanbieder in a stored verzoek, aanvraag or
  // wijziging (TR347).
  virtual Result<bool> verzoek_referentie_bekend(std::string_view aanbieder,
                                                 std::string_view referentie_aanbieder) = 0;
  // Whether this aanbieder has a verzoek (aanvraag or wijziging) for this jeugdige that was
  // neither answered by a toewijzing nor refused (TR374).
  virtual Result<bool> verzoek_onderhanden(std::string_view aanbieder, int64_t jeugdige_id) = 0;
  // Stores a verzoek with its products (a wijziging's `producten`); its id. AlreadyExists when
  // the ReferentieAanbieder is used already; InvalidArgument when the record does not fit its
  // soort (an aanvraag without toewijzing_ingangsdatum or verwijzer_type, a wijziging without
  // reden_verzoek or products, a product of the wrong soort for its fields).
  virtual Result<int64_t> bewaar_verzoek(const VerzoekRecord& verzoek) = 0;
  // Marks the verzoek (aanvraag or wijziging) of this aanbieder with this ReferentieAanbieder
  // as answered by a toewijzing; its id, or nullopt when there is no such verzoek.
  virtual Result<std::optional<int64_t>> verzoek_toegewezen(std::string_view aanbieder,
                                                            std::string_view referentie) = 0;

  // ---- declaraties ----
  // Whether this aanbieder has a stored declaratie with this DeclaratieNummer (TR333).
  virtual Result<bool> declaratie_nummer_bekend(std::string_view aanbieder,
                                                std::string_view declaratie_nummer) = 0;
  // The latest declaratieperiode (by begin) of this aanbieder at this gemeente; nullopt when
  // it never declared there (TR318).
  virtual Result<std::optional<Date>> laatste_declaratieperiode(std::string_view aanbieder,
                                                                std::string_view gemeente) = 0;
  // The accepted prestatie of this aanbieder with this ReferentieNummer; nullopt when none
  // (TR314, TR323).
  virtual Result<std::optional<PrestatieRecord>> zoek_prestatie(std::string_view aanbieder,
                                                                std::string_view referentie) = 0;
  // Whether an accepted credit prestatie of this aanbieder reverses ReferentieNummer
  // `referentie` (TR389, TR390).
  virtual Result<bool> gecrediteerd(std::string_view aanbieder, std::string_view referentie) = 0;
  // The ReferentieNummers of accepted debet prestaties of this aanbieder for the same
  // toewijzing, product and ProductPeriode begin (TR389); empty when none.
  virtual Result<std::vector<std::string>> debet_prestaties(std::string_view aanbieder,
                                                            int64_t toewijzing_nummer,
                                                            std::string_view categorie,
                                                            std::string_view productcode,
                                                            Date begindatum) = 0;
  // Sum of signed GeleverdVolume and of signed bedrag over the accepted prestaties of
  // toewijzing `toewijzing_id` (credit lines count negative); {0, 0} when none.
  struct Som {
    int64_t volume = 0;
    int64_t bedrag_cent = 0;
  };
  virtual Result<Som> som_prestaties(int64_t toewijzing_id) = 0;
  // Stores a declaratie header; its id. AlreadyExists for a known DeclaratieNummer.
  virtual Result<int64_t> bewaar_declaratie(const DeclaratieRecord& declaratie) = 0;
  // Sets the granted total of declaratie `id`. NotFound when there is none.
  virtual Status zet_declaratie_toegekend(int64_t id, int64_t toegekend_cent) = 0;
  // Stores a prestatie; its id. AlreadyExists when an accepted one has the same
  // ReferentieNummer at this aanbieder.
  virtual Result<int64_t> bewaar_prestatie(const PrestatieRecord& prestatie) = 0;

  // ---- productcatalogus ----
  // The catalogue product valid on `datum`; nullopt when the catalogue does not have it.
  virtual Result<std::optional<CatalogusProduct>> zoek_product(std::string_view categorie,
                                                               std::string_view code,
                                                               Date datum) = 0;
  // Whether `code` is a product code of `categorie` in the product catalogue (any period);
  // nullopt when the catalogue has no product of that categorie (its code list not in use).
  virtual Result<std::optional<bool>> productcode_in_catalogus(std::string_view categorie,
                                                               std::string_view code) = 0;
};

}  // namespace jr::store
