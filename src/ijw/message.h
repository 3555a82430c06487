// Typed iJw 3.2 messages: one struct per message type, field names as in the XSD
// (lower_snake). Codes from codelists stay strings ("02"); amounts are integer cents;
// dates are jr::Date. A reader fills these from a validated document; a writer turns them
// back into XML that validates against the XSD.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.h"
#include "ijw/berichttype.h"

namespace jr::ijw {

struct Header {
  Berichttype type = Berichttype::JW301;
  std::string afzender;   // AGB code (aanbieder) or gemeente code, depending on the type
  std::string ontvanger;  // idem
  std::string identificatie;
  Date dagtekening;
  std::string basisschema_xsd_versie = "1.0.0";
  std::string bericht_xsd_versie = "1.0.0";
  bool operator==(const Header&) const = default;
};

struct Geboortedatum {
  Date datum;
  std::optional<std::string> datum_gebruik;  // COD170: 1, 2, 3
  bool operator==(const Geboortedatum&) const = default;
};

struct Achternaam {
  std::string achternaam;
  std::optional<std::string> voorvoegsel;
  bool operator==(const Achternaam&) const = default;
};

struct VerkorteNaam {
  Achternaam geslachtsnaam;
  std::optional<std::string> voornamen;
  std::optional<std::string> voorletters;
  bool operator==(const VerkorteNaam&) const = default;
};

struct VolledigeNaam {
  Achternaam geslachtsnaam;
  std::optional<Achternaam> partnernaam;
  std::optional<std::string> voornamen;
  std::optional<std::string> voorletters;
  std::string naam_gebruik = "1";  // COD700
  bool operator==(const VolledigeNaam&) const = default;
};

struct Product {
  std::string categorie;            // JZ020, "45"
  std::optional<std::string> code;  // "45A03"
  bool operator==(const Product&) const = default;
};

struct Omvang {
  int64_t volume = 0;
  std::string eenheid;     // WJ756: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82, 83, 84
  std::string frequentie;  // WMO757: 1 per dag, 2 per week, 4 per maand, 6 totaal
  bool operator==(const Omvang&) const = default;
};

struct Verwijzer {
  std::string
      type;  // COD327: 01 gemeente, 02 huisarts, 03 jeugdarts, 04 GI, 05 medisch specialist...
  std::optional<std::string> naam;
  std::optional<std::string> zorgverlener_code;
  bool operator==(const Verwijzer&) const = default;
};

struct Periode {
  Date begindatum;
  Date einddatum;
  bool operator==(const Periode&) const = default;
};

struct OpenPeriode {
  std::optional<Date> begindatum;
  std::optional<Date> einddatum;
  bool operator==(const OpenPeriode&) const = default;
};

struct BedragMetDC {
  int64_t bedrag = 0;              // cents, non-negative
  std::string debet_credit = "D";  // "D" or "C"
  int64_t signed_cents() const { return debet_credit == "C" ? -bedrag : bedrag; }
  bool operator==(const BedragMetDC&) const = default;
};

struct Huis {
  int64_t huisnummer = 0;
  std::optional<std::string> huisletter;
  std::optional<std::string> toevoeging;
  std::optional<std::string> aanduiding_woonadres;
  bool operator==(const Huis&) const = default;
};

struct Adres {
  std::optional<Huis> huis;
  std::optional<std::string> postcode;
  std::optional<std::string> straatnaam;
  std::optional<std::string> plaatsnaam;
  std::optional<std::string> land_code;
  bool operator==(const Adres&) const = default;
};

struct Telefoon {
  std::string telefoonnummer;
  std::string landnummer;
  bool operator==(const Telefoon&) const = default;
};

struct Contact {
  std::string soort;  // COD757: 01 BRP, 02 correspondentie, 03 verblijf, 04 tijdelijk
  std::optional<Adres> adres;
  std::optional<std::string> organisatie;
  std::optional<Telefoon> telefoon01;
  std::optional<Telefoon> telefoon02;
  std::optional<std::string> emailadres;
  std::optional<OpenPeriode> periode;
  bool operator==(const Contact&) const = default;
};

struct Communicatie {
  std::string vorm;
  std::optional<std::string> taal;
  bool operator==(const Communicatie&) const = default;
};

struct Relatie {
  std::string nummer;
  std::optional<int> volgorde;
  std::string soort;
  std::optional<Geboortedatum> geboortedatum;
  std::optional<std::string> geslacht;
  VolledigeNaam naam;
  Contact contact;
  bool operator==(const Relatie&) const = default;
};

// ---- JW301 toewijzing (gemeente -> aanbieder) ----
struct ToegewezenProduct {
  int64_t toewijzing_nummer = 0;
  std::optional<std::string> referentie_aanbieder;
  std::optional<Product> product;
  Date toewijzingsdatum;
  std::string toewijzingstijd = "00:00:00";  // hh:mm:ss
  Date ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<std::string> reden_wijziging;  // JZ002
  std::optional<Omvang> omvang;
  std::optional<int64_t> budget;  // cents
  std::optional<std::string> commentaar;
  bool operator==(const ToegewezenProduct&) const = default;
};

struct Jw301 {
  Header header;
  std::string bsn;
  Geboortedatum geboortedatum;
  std::string geslacht;  // COD046
  VolledigeNaam naam;
  std::optional<Communicatie> communicatie;
  std::optional<std::string> juridische_status;
  std::optional<std::string> wettelijke_vertegenwoordiging;
  std::optional<std::string> commentaar;
  std::vector<Relatie> relaties;
  std::vector<Contact> contactgegevens;      // XSD: at least one (Contactgegevens/Contact)
  std::vector<ToegewezenProduct> producten;  // XSD: at least one
  bool operator==(const Jw301&) const = default;
};

// ---- JW305 start / JW307 stop levering (aanbieder -> gemeente) ----
struct StartProduct {
  std::optional<int64_t> toewijzing_nummer;
  std::optional<Product> product;
  std::optional<Date> toewijzing_ingangsdatum;
  Date begindatum;
  std::string status_aanlevering = "1";  // COD467: 1 eerste, 3 verwijderen
  bool operator==(const StartProduct&) const = default;
};

struct Jw305 {
  Header header;
  std::string bsn;
  Geboortedatum geboortedatum;
  std::string geslacht;
  VerkorteNaam naam;
  std::vector<StartProduct> producten;
  bool operator==(const Jw305&) const = default;
};

struct StopProduct {
  std::optional<int64_t> toewijzing_nummer;
  std::optional<Product> product;
  std::optional<Date> toewijzing_ingangsdatum;
  Date begindatum;
  std::string reden_beeindiging;  // JZ588
  Date einddatum;
  std::string status_aanlevering = "1";
  bool operator==(const StopProduct&) const = default;
};

struct Jw307 {
  Header header;
  std::string bsn;
  Geboortedatum geboortedatum;
  std::string geslacht;
  VerkorteNaam naam;
  std::vector<StopProduct> producten;
  bool operator==(const Jw307&) const = default;
};

// ---- JW315 verzoek om toewijzing (aanbieder -> gemeente) ----
struct AangevraagdProduct {
  std::string referentie_aanbieder;
  std::optional<int64_t> beschikking_nummer;
  std::optional<Product> product;
  std::optional<Date> beschikking_ingangsdatum;
  Date toewijzing_ingangsdatum;
  std::optional<Date> toewijzing_einddatum;
  std::optional<Omvang> omvang;
  std::optional<int64_t> budget;
  Verwijzer verwijzer;
  std::optional<std::string> raamcontract;  // COD260
  std::optional<std::string> commentaar;
  bool operator==(const AangevraagdProduct&) const = default;
};

struct Jw315 {
  Header header;
  std::string bsn;
  Geboortedatum geboortedatum;
  std::string geslacht;
  VerkorteNaam naam;
  std::optional<std::string> gezagsdrager_bekend;
  std::optional<std::string> commentaar;
  std::vector<AangevraagdProduct> producten;
  bool operator==(const Jw315&) const = default;
};

// ---- JW317 verzoek om wijziging (aanbieder -> gemeente) ----
// The whole wished situation of one client at one aanbieder: every current toewijzing
// either unchanged or to be changed (by ToewijzingNummer), plus new products.
struct TeWijzigenProduct {
  int64_t toewijzing_nummer = 0;
  Date gewenste_ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<Omvang> omvang;
  std::optional<int64_t> budget;  // cents
  bool operator==(const TeWijzigenProduct&) const = default;
};

struct NieuwProduct {
  std::optional<Product> product;
  Date gewenste_ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<Omvang> omvang;
  std::optional<int64_t> budget;  // cents
  bool operator==(const NieuwProduct&) const = default;
};

struct Jw317 {
  Header header;
  std::string bsn;
  std::string referentie_aanbieder;  // one for the whole verzoek (IV097)
  std::string reden_verzoek;         // WJ758: 1 verandering clientsituatie, 2 wijziging zorgplan
  std::vector<int64_t> ongewijzigd;  // OngewijzigdProduct/ToewijzingNummer
  std::vector<TeWijzigenProduct> te_wijzigen;
  std::vector<NieuwProduct> nieuw;
  bool operator==(const Jw317&) const = default;
};

// ---- JW323 declaratie (aanbieder -> gemeente) ----
struct Prestatie {
  std::string referentie_nummer;
  std::optional<std::string> vorig_referentie_nummer;
  int64_t toewijzing_nummer = 0;
  std::string product_categorie;
  std::string product_code;
  Periode product_periode;
  int64_t geleverd_volume = 0;
  std::string eenheid;
  std::optional<int64_t> product_tarief;  // cents per eenheid
  BedragMetDC ingediend_bedrag;
  bool operator==(const Prestatie&) const = default;
};

struct DeclaratieClient {
  std::string bsn;
  std::vector<Prestatie> prestaties;
  bool operator==(const DeclaratieClient&) const = default;
};

struct Jw323 {
  Header header;
  std::string declaratie_nummer;
  Periode declaratie_periode;
  Date declaratie_dagtekening;
  BedragMetDC totaal_ingediend_bedrag;
  std::vector<DeclaratieClient> clienten;
  bool operator==(const Jw323&) const = default;
};

// Any incoming message the gemeente stores.
// ---- JW319 antwoordbericht (gemeente -> aanbieder), on a JW315 or JW317 ----
// Sent only (never read), so not part of Bericht.
struct Jw319 {
  Header header;
  std::string referentie_aanbieder;
  std::string verzoek_antwoord;                   // WJ760: 1 afgewezen, 2 in onderzoek
  std::optional<std::string> reden_afwijzing;     // WJ759, with antwoord 1 (CD085)
  std::optional<std::string> woonplaatsbeginsel;  // gemeente, with reden 8 (TR377)
  bool operator==(const Jw319&) const = default;
};

using Bericht = std::variant<Jw301, Jw305, Jw307, Jw315, Jw317, Jw323>;

}  // namespace jr::ijw
