// Casusregister: the toegang's records (src/casework): teams, gezinnen with their members,
// aanmeldingen and the werkvoorraad, vraagverheldering, gezinsplan versions, besluiten, the
// answers to verzoeken and the outbox of built messages. Plain records in and out, no SQL in
// the interface. Writes are part of the caller's open transaction, and the caller writes the
// audit event beside them; reads that open sealed text (identities of ouders, questions,
// goals, motivering) write no event themselves: the caller does, in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/status.h"
#include "domain/versie.h"

namespace jr::store {

struct Team {
  int64_t id = 0;
  std::string gemeente, naam;
  std::string soort = "wijkteam";  // or jeugdteam
};

// Deadlines of a gemeente.
struct CaseworkInstellingen {
  int awb_weken = 8;                 // aanmelding to besluit (Awb 4:13)
  int eerste_contact_werkdagen = 5;  // aanmelding to first contact
};

struct Leefgebied {
  std::string code, naam;
  std::optional<int> vanaf_leeftijd;  // nullopt: the whole gezin; else one jeugdige this old
};

// The name and contact of an ouder/verzorger (sealed in the store). The address is the
// household's: the JW301 of a jeugdige of the gezin carries it as its BRP address.
struct OuderIdentiteit {
  std::string voornamen, voorvoegsel, achternaam;
  std::string telefoon, email;
  std::string straat, postcode, plaats;  // postcode "1234AB"; empty: no address
  int64_t huisnummer = 0;
};

// A member of a gezin. For a jeugdige only `jeugdige_id` (its identity lives in Jeugdigen);
// for an ouder/verzorger the identity, relation (COD472) and gezag.
struct Gezinslid {
  int64_t id = 0;          // row id
  int64_t volgnummer = 0;  // within the gezin: the API's `lid`
  std::string soort;       // 'jeugdige' or 'ouder'
  std::optional<int64_t> jeugdige_id;
  std::optional<Date> geboortedatum;  // of a jeugdige (in clear in the store)
  std::optional<OuderIdentiteit> ouder;
  std::optional<std::string> relatie;  // COD472
  bool gezag = false;
  Date van;
  std::optional<Date> tot;
};

struct GezinRecord {
  int64_t id = 0;
  std::string gemeente;
  std::optional<int64_t> team_id;
  std::optional<std::string> regisseur;  // gebruikersnaam
  Date aangemaakt_op;
  int64_t versie = 1;
  std::vector<Gezinslid> leden;  // current and former, by volgnummer
};

struct AanmeldingRecord {
  int64_t id = 0;
  int64_t gezin_id = 0;
  int64_t jeugdige_id = 0;
  std::string gemeente;
  std::string vindplaats;  // school, huisarts, jgz, veilig-thuis, leerplicht, politie, ...
  Date aangemeld_op;
  std::string urgentie;  // normaal, hoog, crisis
  bool toestemming_delen = false;
  std::string medewerker;
  std::string vraag;  // sealed
};

// One item of the werkvoorraad, with what its list and deadlines need.
struct Werkitem {
  int64_t id = 0;
  std::string soort;  // 'aanmelding' or 'verzoek'
  std::optional<int64_t> aanmelding_id, verzoek_id;
  int64_t gezin_id = 0;
  std::string gemeente;
  std::optional<int64_t> team_id;
  std::optional<std::string> medewerker;
  Date ontvangen_op;
  std::optional<Date> eerste_contact_op, afgehandeld_op;
  // aanmelding
  std::optional<std::string> vindplaats, urgentie;
  // verzoek
  std::optional<std::string> aanbieder, categorie, productcode;
  std::optional<std::string> verzoek_status;  // 'ontvangen', 'toegewezen', 'afgewezen'
  bool in_onderzoek = false;                  // a JW319 'in onderzoek' was sent
};

// Which open items a medewerker sees: those of these teams, those without a team in these
// gemeenten, and those of the gezinnen this regisseur directs.
struct WerkvoorraadVraag {
  std::vector<int64_t> teams;
  std::vector<std::string> gemeenten;
  std::optional<std::string> regisseur;
};

struct LeefgebiedScore {
  std::string leefgebied;
  std::optional<int64_t> jeugdige_id;
  int score = 0;  // 1-5
  std::string toelichting;
};

struct VraagverhelderingRecord {
  int64_t id = 0;
  int64_t gezin_id = 0;
  Date datum;
  std::string medewerker;
  std::string sterke_punten, netwerk, eigen_kracht;  // sealed
  std::vector<LeefgebiedScore> scores;
};

struct PlanDoel {
  std::string leefgebied;
  std::optional<int64_t> jeugdige_id;
  std::string doel, resultaat;  // sealed
  Date evaluatiedatum;
  std::optional<std::string> evaluatie;  // behaald, deels, niet-behaald
};

struct PlanAfspraak {
  std::string wie;  // gezin, netwerk, wijkteam, aanbieder
  std::optional<std::string> aanbieder;
  std::string wat;  // sealed
};

struct PlanInstemming {
  int64_t lid_id = 0;  // gezinslid row
  bool instemming = false;
  Date datum;
};

struct GezinsplanRecord {
  int64_t id = 0;
  int64_t gezin_id = 0;
  int64_t versie = 0;
  Date datum;
  std::string medewerker;
  std::vector<PlanDoel> doelen;
  std::vector<PlanAfspraak> afspraken;
  std::vector<PlanInstemming> instemmingen;
};

struct BesluitRecord {
  int64_t id = 0;
  int64_t gezin_id = 0;
  int64_t jeugdige_id = 0;
  std::string gemeente;
  std::string soort;  // algemene-voorziening, wijkteam, maatwerk
  Date besluitdatum;
  std::string medewerker;
  std::optional<Date> ingangsdatum, einddatum;
  // maatwerk: the beschikking
  std::optional<std::string> aanbieder, categorie, productcode;
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid, frequentie;
  std::optional<Date> verzonden_op, bezwaar_tot;
  std::optional<int64_t> toewijzing_id, wijkteam_traject_id;
  std::string motivering, voorziening;  // sealed
};

// A verzoek om toewijzing as the toegang answers it.
struct VerzoekRij {
  int64_t id = 0;
  std::string soort = "aanvraag";            // 'aanvraag' (JW315) or 'wijziging' (JW317)
  std::optional<std::string> reden_verzoek;  // WJ758; wijziging only
  std::string aanbieder, gemeente;
  int64_t jeugdige_id = 0;
  std::optional<int64_t> gezin_id;
  std::string referentie_aanbieder;
  Date dagtekening;
  std::optional<std::string> categorie, productcode;
  std::optional<Date> ingangsdatum;  // aanvraag only, as the rest of the product
  std::optional<Date> einddatum;
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid, frequentie;
  std::optional<std::string> verwijzer_type;  // COD327; aanvraag only
  std::string status;                         // 'ontvangen', 'toegewezen', 'afgewezen'
  std::vector<std::string> antwoorden;        // JW319s sent before: 'onderzoek', 'afgewezen'
};

struct VerzoekAntwoordRecord {
  int64_t verzoek_id = 0;
  std::string antwoord;              // 'onderzoek' or 'afgewezen'
  std::optional<std::string> reden;  // WJ759
  std::optional<std::string> woonplaats_gemeente;
  Date datum;
  std::string medewerker;
  int64_t bericht_id = 0;
};

// A built message in the outbox.
struct UitgaandBericht {
  int64_t bericht_id = 0;
  std::string berichttype, identificatie;
  std::string dagtekening;
  std::string status;  // klaar, opgehaald, ontvangen, afgekeurd
  std::string xml;
  std::string pseudoniem;  // of the jeugdige it concerns ("" when none)
};

// What iJw brought for one jeugdige: its toewijzingen and their leveringen.
struct IjwToewijzing {
  int64_t toewijzing_nummer = 0;
  std::string gemeente, aanbieder;
  std::optional<std::string> categorie, productcode;
  Date toewijzingsdatum, ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<Date> eerste_start, laatste_stop;  // current leveringen
  std::optional<std::string> reden_beeindiging;    // of the last current stop
};

class Casusregister {
 public:
  virtual ~Casusregister() = default;

  // ---- teams ----
  // Stores a new team; its id (never used before). AlreadyExists for the same gemeente and
  // naam; InvalidArgument for a soort other than wijkteam or jeugdteam.
  virtual Result<int64_t> maak_team(const Team& t) = 0;
  // Makes user `gebruikersnaam` a member of team `team_id` (Ok when it is one already).
  // NotFound for an unknown team or user.
  virtual Status voeg_teamlid_toe(int64_t team_id, std::string_view gebruikersnaam) = 0;
  // The teams of one gemeente (every team when nullopt), by id.
  virtual Result<std::vector<Team>> teams(const std::optional<std::string>& gemeente) = 0;
  // The teams user `gebruikersnaam` is a member of, by id (empty when none).
  virtual Result<std::vector<Team>> teams_van(std::string_view gebruikersnaam) = 0;

  // ---- configuration ----
  // The deadlines of `gemeente`; the defaults when it has none of its own.
  virtual Result<CaseworkInstellingen> instellingen(std::string_view gemeente) = 0;
  // Sets the deadlines of `gemeente`. InvalidArgument outside the ranges of the schema.
  virtual Status zet_instellingen(std::string_view gemeente, const CaseworkInstellingen& i) = 0;
  // The leefgebieden of `gemeente` in order: its own list, or the default list without one.
  virtual Result<std::vector<Leefgebied>> leefgebieden(std::string_view gemeente) = 0;

  // ---- gezinnen ----
  // Stores a new gezin without members (id, versie and leden ignored); its id.
  // NotFound for a team that does not exist.
  virtual Result<int64_t> maak_gezin(const GezinRecord& g) = 0;
  // Makes jeugdige `jeugdige_id` a member of gezin `gezin_id` from `van`; its volgnummer. When
  // it is a current member of that gezin already, its volgnummer and nothing changes; when it
  // is a current member of another gezin, that membership ends on `van` (the move is kept).
  // NotFound for an unknown gezin or jeugdige.
  virtual Result<int64_t> voeg_jeugdige_toe(int64_t gezin_id, int64_t jeugdige_id, Date van) = 0;
  // Adds ouder/verzorger `lid` (ouder, relatie, gezag, van) to gezin `gezin_id`, its identity
  // sealed; its volgnummer. NotFound for an unknown gezin; InvalidArgument without identity.
  virtual Result<int64_t> voeg_ouder_toe(int64_t gezin_id, const Gezinslid& lid) = 0;
  // The gezin jeugdige `jeugdige_id` is a current member of; nullopt when none.
  virtual Result<std::optional<int64_t>> gezin_van_jeugdige(int64_t jeugdige_id) = 0;
  // Gezin `id` with all its members (ouders' identities opened). NotFound when there is none.
  virtual Result<GezinRecord> lees_gezin(int64_t id) = 0;
  // Sets (nullopt: clears) the regisseur of gezin `id` and raises its version. NotFound for an
  // unknown gezin or user; Aborted when the gezin is not at `versie`.
  virtual Status zet_regisseur(int64_t id, const std::optional<std::string>& regisseur,
                               Versie versie) = 0;

  // ---- aanmeldingen and werkvoorraad ----
  // Stores aanmelding `a` (its question sealed) and its werkvoorraad item owned by team
  // `team_id`; the aanmelding's id. NotFound for an unknown gezin, jeugdige or team.
  virtual Result<int64_t> bewaar_aanmelding(const AanmeldingRecord& a,
                                            std::optional<int64_t> team_id) = 0;
  // The aanmeldingen of gezin `gezin_id`, oldest first (questions opened).
  virtual Result<std::vector<AanmeldingRecord>> aanmeldingen(int64_t gezin_id) = 0;
  // Makes stored verzoek `verzoek_id` a werkvoorraad item of its gemeente, linked to the gezin
  // its jeugdige is a current member of, or to a new gezin of that gemeente with the jeugdige
  // as its only member from the verzoek's dagtekening; owned by that gezin's team, else by the
  // gemeente's first team (none when it has no team). The item's id; the existing item's id
  // when the verzoek has one. NotFound for an unknown verzoek.
  virtual Result<int64_t> werk_voor_verzoek(int64_t verzoek_id) = 0;
  // The werkvoorraad item of verzoek `verzoek_id`; nullopt when it has none.
  virtual Result<std::optional<int64_t>> werkitem_van_verzoek(int64_t verzoek_id) = 0;
  // The open items that `v` names, oldest first: aanmeldingen not yet afgehandeld and
  // verzoeken still 'ontvangen'.
  virtual Result<std::vector<Werkitem>> werkvoorraad(const WerkvoorraadVraag& v) = 0;
  // The open items of gezin `gezin_id`, oldest first.
  virtual Result<std::vector<Werkitem>> werkitems_van_gezin(int64_t gezin_id) = 0;
  // Picks up the open items of gezin `gezin_id`: those without a medewerker get `medewerker`,
  // and those without a first contact get `datum` as theirs. The number of items changed.
  virtual Result<int64_t> pak_op(int64_t gezin_id, std::string_view medewerker, Date datum) = 0;
  // Marks the open aanmelding items of jeugdige `jeugdige_id` in gezin `gezin_id` as
  // afgehandeld on `datum` (a besluit was taken); the number of items closed.
  virtual Result<int64_t> handel_aanmeldingen_af(int64_t gezin_id, int64_t jeugdige_id,
                                                 Date datum) = 0;

  // ---- vraagverheldering ----
  // Stores a vraagverheldering with its scores (text sealed); its id. NotFound for an unknown
  // gezin; AlreadyExists for two scores of one leefgebied and jeugdige.
  virtual Result<int64_t> bewaar_vraagverheldering(const VraagverhelderingRecord& v) = 0;
  // The vraagverhelderingen of gezin `gezin_id`, oldest first (text opened).
  virtual Result<std::vector<VraagverhelderingRecord>> vraagverhelderingen(int64_t gezin_id) = 0;

  // ---- gezinsplan ----
  // The version of the current (latest) gezinsplan of gezin `gezin_id`; nullopt when none.
  virtual Result<std::optional<int64_t>> plan_versie(int64_t gezin_id) = 0;
  // Stores plan `p` as the next version of the gezin's plan (p.versie is ignored); that
  // version. Aborted when the current version is not `basis` (0: there must be none yet;
  // nullopt: any), or when another writer stored the same version first; NotFound for an
  // unknown gezin or member.
  virtual Result<int64_t> bewaar_gezinsplan(const GezinsplanRecord& p, Versie basis) = 0;
  // Every version of the gezin's plan, oldest first (text opened).
  virtual Result<std::vector<GezinsplanRecord>> gezinsplannen(int64_t gezin_id) = 0;

  // ---- besluiten ----
  // Stores besluit `b` (text sealed); its id. NotFound for an unknown gezin, jeugdige,
  // aanbieder, toewijzing or wijkteam traject.
  virtual Result<int64_t> bewaar_besluit(const BesluitRecord& b) = 0;
  // The besluiten of gezin `gezin_id`, oldest first (text opened).
  virtual Result<std::vector<BesluitRecord>> besluiten(int64_t gezin_id) = 0;
  // Stores a period of the gemeente's own wijkteam care (as the wijkteam registration does);
  // its id. AlreadyExists for the same gemeente, jeugdige and begindatum.
  virtual Result<int64_t> bewaar_wijkteam_traject(std::string_view gemeente, int64_t jeugdige_id,
                                                  Date begindatum,
                                                  std::optional<Date> einddatum) = 0;

  // ---- verzoeken ----
  // The verzoeken of these gemeenten that are still 'ontvangen', oldest first, with the
  // gezin of their jeugdige and the answers sent so far.
  virtual Result<std::vector<VerzoekRij>> open_verzoeken(
      const std::vector<std::string>& gemeenten) = 0;
  // Verzoek `id` as the toegang answers it. NotFound when there is none.
  virtual Result<VerzoekRij> lees_verzoek_rij(int64_t id) = 0;
  // Stores an answer (JW319) to a verzoek; for 'afgewezen' the verzoek's status becomes
  // 'afgewezen'. NotFound for an unknown verzoek or bericht; InvalidArgument for an
  // 'afgewezen' without reden.
  virtual Status bewaar_verzoek_antwoord(const VerzoekAntwoordRecord& a) = 0;

  // ---- iJw of a jeugdige ----
  // The toewijzingen of jeugdige `jeugdige_id` (any gemeente), by toewijzingsdatum and number,
  // each with its current starts and stops.
  virtual Result<std::vector<IjwToewijzing>> ijw_van_jeugdige(int64_t jeugdige_id) = 0;

  // ---- outbox ----
  // Puts sent message `bericht_id` in the outbox of `aanbieder`, ready since `tijdstip`.
  // AlreadyExists when it is there already; NotFound for an unknown bericht.
  virtual Status zet_in_uitbak(int64_t bericht_id, std::string_view aanbieder,
                               std::optional<int64_t> jeugdige_id, std::string_view tijdstip) = 0;
  // The messages of `aanbieder` that are 'klaar' or 'opgehaald', oldest first, with their
  // XML; those still 'klaar' become 'opgehaald' at `tijdstip`.
  virtual Result<std::vector<UitgaandBericht>> haal_uitbak_op(std::string_view aanbieder,
                                                              std::string_view tijdstip) = 0;
};

}  // namespace jr::store
