// Casework: the toegang's commands and reads on the store's Casusregister. "One gezin, one plan,
// one regisseur": an aanmelding (or a received JW315) puts a gezin in a team's werkvoorraad;
// the team clarifies the question per leefgebied, writes a versioned gezinsplan with the
// consent the ages require, and takes a besluit per jeugdige (algemene voorziening, the
// wijkteam's own care, or maatwerk: a beschikking whose toewijzing passes the budgetplafond
// check and goes to the aanbieder as a validated JW301 through the outbox); verzoeken om
// toewijzing are answered with a toewijzing or a validated JW319.
// Every command is one transaction with its audit event; every read of a dossier writes its
// audit events in the same transaction. Need-to-know: a jeugdconsulent sees the gezinnen of
// the gemeenten of their teams; a regisseur the gezinnen they direct (PermissionDenied
// otherwise). Not thread-safe: the caller serialises access to the store.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "casework/instemming.h"
#include "contracts/beheer.h"
#include "domain/clock.h"
#include "domain/status.h"
#include "domain/versie.h"
#include "store/store.h"

namespace jr::ijw {
class Validator;
}

namespace jr::casework {

// Who acts: a user of the server (a medewerker) with their role and gemeente scope.
struct Medewerker {
  std::string naam;                     // gebruikersnaam
  bool alleen_regisseur = false;        // role regisseur: only the gezinnen they direct
  std::optional<std::string> gemeente;  // scope; nullopt: the whole regio
};

// ---- aanmelding ----

struct NieuweAanmelding {
  std::string gemeente;
  std::optional<int64_t> gezin;  // join this gezin (a move when the jeugdige has another)
  store::JeugdigeIdentiteit jeugdige;
  std::vector<store::Gezinslid> ouders;  // ouder, relatie, gezag
  std::string vindplaats, urgentie, vraag;
  std::optional<Date> datum;  // default today
  bool toestemming_delen = false;
};

struct GemaakteAanmelding {
  int64_t id = 0;
  int64_t gezin = 0;
  int64_t lid = 0;  // the jeugdige's volgnummer in the gezin
  bool nieuw_gezin = false;
};

// ---- werkvoorraad ----

struct WerkvoorraadRegel {
  store::Werkitem item;
  int dagen_open = 0;
  Date termijn;                        // the first deadline still running
  std::string termijn_soort;           // eerste-contact, besluit, antwoord
  std::optional<Date> besluittermijn;  // aanmelding: Awb
  std::string status;                  // nieuw, opgepakt, in-onderzoek
  bool verlopen = false;               // termijn before today
};

// ---- dossier ----

struct LidMetIdentiteit {
  store::Gezinslid lid;
  std::optional<store::JeugdigeIdentiteit> jeugdige;  // of a jeugdige member
  std::optional<int> leeftijd;                        // of a jeugdige, today
  std::vector<store::IjwToewijzing> toewijzingen;     // of a current jeugdige
};

struct PlanStand {
  store::GezinsplanRecord plan;
  // The gezin's members without the ouders' identities (to name members by volgnummer), and its
  // regisseur.
  std::vector<store::Gezinslid> leden;
  std::optional<std::string> regisseur;
  std::vector<InstemmingStand> instemming;  // per current jeugdige on the plan's date
  bool instemming_compleet = false;
};

struct Dossier {
  store::GezinRecord gezin;  // leden without identities: see `leden`
  std::vector<LidMetIdentiteit> leden;
  std::vector<store::AanmeldingRecord> aanmeldingen;
  std::vector<store::VraagverhelderingRecord> vraagverhelderingen;
  std::optional<PlanStand> plan;  // the current version
  std::vector<store::BesluitRecord> besluiten;
  std::vector<WerkvoorraadRegel> open;  // open werkvoorraad items
  std::vector<store::Leefgebied> leefgebieden;
};

// ---- vraagverheldering, gezinsplan ----

struct NieuweScore {
  std::string leefgebied;
  std::optional<int64_t> lid;  // volgnummer of a jeugdige (required for an age-bound leefgebied)
  int score = 0;
  std::string toelichting;
};
struct NieuweVraagverheldering {
  std::optional<Date> datum;
  std::vector<NieuweScore> scores;
  std::string sterke_punten, netwerk, eigen_kracht;
};

struct NieuwDoel {
  std::string leefgebied;
  std::optional<int64_t> lid;
  std::string doel, resultaat;
  Date evaluatiedatum;
  std::optional<std::string> evaluatie;  // behaald, deels, niet-behaald
};
struct NieuweAfspraak {
  std::string wie;  // gezin, netwerk, wijkteam, aanbieder
  std::optional<std::string> aanbieder;
  std::string wat;
};
struct NieuweInstemming {
  int64_t lid = 0;  // volgnummer
  bool instemming = false;
  std::optional<Date> datum;
};
struct NieuwPlan {
  std::vector<NieuwDoel> doelen;
  std::vector<NieuweAfspraak> afspraken;
  std::vector<NieuweInstemming> instemmingen;
};

// ---- besluit ----

struct NieuweBeschikking {
  std::string aanbieder, categorie, productcode;
  int64_t volume = 0;
  std::optional<std::string> eenheid;  // default: the catalogue's
  std::string frequentie;              // WMO757
};
struct NieuwBesluit {
  int64_t lid = 0;    // volgnummer of a current jeugdige
  std::string soort;  // algemene-voorziening, wijkteam, maatwerk
  std::optional<Date> ingangsdatum, einddatum;
  std::string motivering, voorziening;
  std::optional<NieuweBeschikking> beschikking;  // maatwerk
};
struct GenomenBesluit {
  // A plafond that says weigeren would be exceeded: nothing was written; `meldingen` say which.
  bool geweigerd = false;
  store::BesluitRecord besluit;
  int64_t lid = 0;  // the jeugdige's volgnummer
  std::optional<store::ToewijzingRecord> toewijzing;
  std::optional<int64_t> bericht_id;  // the JW301
  std::string identificatie;
  std::vector<contracts::PlafondMelding> meldingen;
};

// ---- verzoeken ----

struct VerzoekRegel {
  store::VerzoekRij verzoek;
  int dagen_open = 0;
  Date termijn;
  bool in_onderzoek = false;
};
struct VerzoekAntwoord {
  std::string antwoord;  // toewijzen, onderzoek, afwijzen
  std::optional<std::string> reden, woonplaats_gemeente;
  contracts::NieuweToewijzing toewijzing;  // toewijzen: what differs from the verzoek
};
struct VerzoekUitkomst {
  bool geweigerd = false;  // toewijzen refused by a plafond: nothing written
  std::string antwoord;
  std::optional<store::ToewijzingRecord> toewijzing;
  int64_t bericht_id = 0;
  std::string berichttype, identificatie;
  std::vector<contracts::PlafondMelding> meldingen;
};

class Casework {
 public:
  Casework(store::Store& store, contracts::Contractbeheer& contracten, const Clock& clock)
      : store_(store), contracten_(contracten), clock_(clock) {}
  // Lets besluiten and answers build and validate JW301 and JW319 with the standard in
  // `standaard_dir`; without it those commands are Unavailable.
  void berichten(ijw::Validator& validator, std::filesystem::path standaard_dir) {
    validator_ = &validator;
    standaard_dir_ = std::move(standaard_dir);
  }

  // The gemeente of gezin `id`, for the caller's scope check. NotFound when there is none.
  Result<std::string> gemeente_van_gezin(int64_t id);
  // The gemeente of verzoek `id`. NotFound when there is none.
  Result<std::string> gemeente_van_verzoek(int64_t id);

  // Registers an aanmelding: the jeugdige (created when new; InvalidArgument for a BSN failing
  // the elfproef) joins the named gezin, or stays in its current one, or gets a new gezin of
  // `a.gemeente` owned by the medewerker's team there; ouders not yet members (same names) are
  // added; the aanmelding becomes a werkvoorraad item. NotFound for an unknown gezin;
  // InvalidArgument for a gezin of another gemeente or a date in the future;
  // PermissionDenied for a gezin the medewerker may not see.
  Result<GemaakteAanmelding> meld_aan(const NieuweAanmelding& a, const Medewerker& m,
                                      const store::AuditContext& ctx);
  // The open items of the medewerker's teams (and of the gezinnen they direct), oldest first,
  // with days open and deadline. One audit event.
  Result<std::vector<WerkvoorraadRegel>> werkvoorraad(const Medewerker& m,
                                                      const store::AuditContext& ctx);
  // The dossier of gezin `id`; every identity read is an audit event, and one event per
  // jeugdige says the dossier was read, all in one transaction. NotFound; PermissionDenied.
  Result<Dossier> dossier(int64_t id, const Medewerker& m, const store::AuditContext& ctx);
  // Sets the regisseur of gezin `id` (nullopt: none): a user who may direct it (a
  // jeugdconsulent or regisseur whose scope covers the gezin's gemeente). The gezin. NotFound;
  // PermissionDenied; InvalidArgument for a user who cannot be its regisseur; Aborted when the
  // gezin is not at `versie`.
  Result<store::GezinRecord> zet_regisseur(int64_t id, const std::optional<std::string>& regisseur,
                                           Versie versie, const Medewerker& m,
                                           const store::AuditContext& ctx);
  // Records a vraagverheldering; its id. InvalidArgument for a leefgebied not in the gemeente's
  // list, a score outside 1-5, or an age-bound leefgebied without a jeugdige of that age.
  Result<int64_t> leg_vraagverheldering_vast(int64_t gezin, const NieuweVraagverheldering& v,
                                             const Medewerker& m, const store::AuditContext& ctx);
  // Stores the next version of the gezin's plan, starting from version `basis` (0: the first
  // plan); the stored plan with its consent. Aborted when someone else stored a version since
  // (nothing written); InvalidArgument for an unknown leefgebied, member or evaluatie.
  Result<PlanStand> nieuw_gezinsplan(int64_t gezin, const NieuwPlan& p, Versie basis,
                                     const Medewerker& m, const store::AuditContext& ctx);
  // Every version of the gezin's plan, oldest first (an audit event).
  Result<std::vector<PlanStand>> gezinsplannen(int64_t gezin, const Medewerker& m,
                                               const store::AuditContext& ctx);
  // Takes a besluit for one jeugdige of the gezin and closes its open aanmeldingen. Maatwerk:
  // the beschikking's toewijzing after the plafond check (`geweigerd`, nothing written, when a
  // refusing plafond would be exceeded) and its JW301, validated, in the outbox. InvalidArgument
  // for an unknown product or aanbieder, an einddatum before the ingangsdatum, a member who is
  // no current jeugdige; Unavailable for maatwerk without the standard.
  Result<GenomenBesluit> neem_besluit(int64_t gezin, const NieuwBesluit& b, const Medewerker& m,
                                      const store::AuditContext& ctx);
  // The open verzoeken of the gemeenten of the medewerker's teams, oldest first.
  Result<std::vector<VerzoekRegel>> open_verzoeken(const Medewerker& m,
                                                   const store::AuditContext& ctx);
  // Answers verzoek `id`: a toewijzing (JW301, after the plafond check), 'in onderzoek' or a
  // refusal (JW319), validated, in the outbox. FailedPrecondition for a verzoek answered already
  // or a second 'in onderzoek' (TR360); InvalidArgument for an answer breaking CD085, CD086,
  // TR377 or TR409; PermissionDenied outside the medewerker's teams; Unavailable without the
  // standard.
  Result<VerzoekUitkomst> beantwoord_verzoek(int64_t id, const VerzoekAntwoord& a,
                                             const Medewerker& m, const store::AuditContext& ctx);
  // The messages waiting for aanbieder `agb` (marked fetched); an audit event per message.
  Result<std::vector<store::UitgaandBericht>> haal_uitgaand_op(const std::string& agb,
                                                               const store::AuditContext& ctx);

 private:
  Status mag_gezin(const Medewerker& m, const store::GezinRecord& g);
  Result<std::vector<store::Team>> teams_van(const Medewerker& m);
  Result<WerkvoorraadRegel> regel(const store::Werkitem& w);
  Result<PlanStand> stand(store::GezinsplanRecord p, const store::GezinRecord& g);
  Status audit(const store::AuditContext& ctx, const std::string& handeling,
               const std::string& object_type, const std::string& detail,
               std::optional<int64_t> jeugdige);
  Result<GenomenBesluit> maatwerk(const store::GezinRecord& g, int64_t jeugdige,
                                  const NieuwBesluit& b, const store::AuditContext& ctx);

  store::Store& store_;
  contracts::Contractbeheer& contracten_;
  const Clock& clock_;
  ijw::Validator* validator_ = nullptr;
  std::filesystem::path standaard_dir_;
};

}  // namespace jr::casework
