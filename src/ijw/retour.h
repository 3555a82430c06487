// Retour messages the gemeente sends back on what it receives: JW306 (on JW305), JW308 (on
// JW307), JW316 (on JW315), JW318 (on JW317) repeat the received message with the retour
// header fields and a RetourCodes element at every class; JW325 answers a JW323 with the
// totals and only the rejected prestaties (TR342). Built from the received document or
// struct plus the verdict.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/status.h"
#include "ijw/berichttype.h"
#include "ijw/message.h"

namespace jr::ijw {

// The header of a received message as raw text, read from the document even when it is not
// valid against its XSD (fields are empty when absent).
struct HeenKop {
  std::string afzender;
  std::string ontvanger;
  std::string identificatie;
  std::string dagtekening;  // as written, normally YYYY-MM-DD
  std::string basisschema_xsd_versie;
  std::string bericht_xsd_versie;
};
HeenKop lees_kop(const xmlDoc* doc);

// Whether `t` is a retour message that repeats the header of the message it answers: JW302,
// JW306, JW308, JW316, JW318, JW320 (not JW325, which has a header of its own).
bool herhaalt_heenkop(Berichttype t);
// The header of such a retour message as its own: the party that sends the retour as
// afzender (the answered message's Ontvanger) and the other as ontvanger, identificatie and
// dagtekening from IdentificatieRetour and DagtekeningRetour, XSD versions from
// XsdVersieRetour. lees_kop of the same document gives the answered message's header.
HeenKop lees_retour_kop(const xmlDoc* doc);

// The XSD versions (BasisschemaXsdVersie, BerichtXsdVersie) that the schema of `type` in the
// standards directory declares in its appinfo (IV034); "1.0.0" for a field it lacks.
struct XsdVersie {
  std::string basisschema = "1.0.0";
  std::string bericht = "1.0.0";
};
XsdVersie xsd_versie(const std::filesystem::path& standaard_dir, Berichttype type);

// Retourcodes of one class; empty means nothing to report ("0200").
using Codes = std::vector<std::string>;

// Verdict on a received JW305/JW307/JW315/JW317 per class. `producten[i]` belongs to the
// i-th product element of the message in document order (missing entries mean "0200"); in a
// JW317 the OngewijzigdProducten, then the TeWijzigenProducten, then the NieuweProducten.
struct Oordeel {
  Codes header;
  Codes client;   // the Client (in a JW320: the Antwoord of the JW319)
  Codes verzoek;  // JW317 only: the Verzoek
  std::vector<Codes> producten;
  // Only the header (with its codes) goes back: the message was not readable as a whole
  // (XSD: 0001) or was refused as a whole (e.g. TR056).
  bool alleen_header = false;
};

// The retour fields the gemeente fills in.
struct RetourGegevens {
  std::string identificatie;  // IdentificatieRetour, or the JW325's own Identificatie (<= 12)
  Date dagtekening;
  XsdVersie xsd;  // of the retour message's own schema
};

// JW306/JW308/JW316/JW318 for received `doc` of type `heen` (JW305/JW307/JW315/JW317), and
// the JW302 and JW320 an aanbieder sends on a JW301 and a JW319 (for tests and synthetic data;
// Contact, Relatie and Woonplaatsbeginsel get 0200, the JW319's Antwoord `oordeel.client`).
// InvalidArgument when `heen` has no such retour or the document has no Bericht/Header.
Result<std::string> bouw_retour(Berichttype heen, const xmlDoc* doc, const Oordeel& oordeel,
                                const RetourGegevens& retour);

// One rejected prestatie of a JW323 with its retourcodes.
struct AfgekeurdePrestatie {
  size_t client = 0;     // index in Jw323::clienten
  size_t prestatie = 0;  // index in DeclaratieClient::prestaties
  Codes codes;
};

// Verdict on a received JW323.
struct DeclaratieOordeel {
  Codes header;           // header RetourCodes ("0200" when empty)
  Codes declaratie;       // DeclaratieAntwoord RetourCodes ("0200" when empty)
  int64_t toegekend = 0;  // signed cents of the accepted prestaties
  std::vector<AfgekeurdePrestatie> afgekeurd;
};

// JW325 on a readable JW323 `heen` (with `heen_xsd` its XsdVersie as received).
std::string bouw_jw325(const Jw323& heen, const DeclaratieOordeel& oordeel,
                       const RetourGegevens& retour);
// JW325 with only the header (e.g. 0001 when the JW323 fails its XSD), from the received
// header. The caller validates it: a broken header may make it invalid.
std::string bouw_jw325_kop(const HeenKop& heen, const Codes& codes, const RetourGegevens& retour);

}  // namespace jr::ijw
