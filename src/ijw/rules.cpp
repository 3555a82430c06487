// In-message rules of iJw 3.2 (regels-ijw-3.2.csv), dispatch and shared checks.
//
// Which rules live where:
// - Controleniveau "bericht inhoud (xslt)", 60 rules: all implemented here (CD005 CD007 CD009
//   CD025 CD034 CD041 CD043 CD060 CD066 CD067 CD068 CD075 CD076 CD077 CD078 CD079 CD080
//   CD085 CD086 CD087 CD095 CD096; CS002 CS003 CS050 CS058 CS089 CS100 CS139 CS318 CS325
//   CS335 CS336 CS337 CS338 CS339 CS340 CS343; TR002 TR006 TR018 TR061 TR101 TR134 TR137
//   TR302 TR315 TR316 TR335 TR342 TR352 TR353 TR358 TR377 TR380 TR383 TR386 TR409 TR410
//   TR416), retourcode 0001.
// - "externe bron": TR378 (gemeentecode in the CBS list of the standard) here, retourcode
//   S300. TR135 (Dagtekening <= system date) needs a clock, TR346 (tariff) and TR381
//   (product code) need the gemeente's contracts: those belong to the import.
// - "berichtformaat (xsd)", 42 rules, enforced by the XSDs (SchemaSet) and not repeated
//   here: CS015 (BerichtSubversie pattern "2"), CS025 (BerichtVersie pattern "3"), CS319
//   (DeclaratieNummer [a-zA-Z0-9]+), RS001-RS021 RS023-RS026 RS028 RS031-RS037 RS039 RS040
//   RS045-RS048 (lengths, digit patterns, non-empty elements, value ranges).
// - "berichtoverstijgend": need stored messages; not here.
//
// Where a rule's documentation does not name its elements (the xslt rules are written for the
// iWmo twin WMO3xx, mapped to JW3xx with the same number), we decided:
// - TR002 (birth date at most 120 years before Dagtekening, unless unknown: DatumGebruik 3 and
//   1900-01-01): Client/Geboortedatum of JW301 JW305 JW307 JW315 and Relatie/Geboortedatum of
//   JW301.
// - TR134 (an existing date not after Dagtekening): the same birth dates; JW301
//   ToegewezenProduct/Toewijzingsdatum; JW305 StartProduct/Begindatum (the start is reported
//   after it happened); JW307 StopProduct/Einddatum; JW323 Declaratie/DeclaratieDagtekening.
//   JW325 has no such date besides ProductPeriode, which TR137 covers.
// - TR137 (end >= begin of the period and not after Dagtekening): JW323
//   DeclaratiePeriode/Einddatum and Prestatie/ProductPeriode/Einddatum; JW325
//   Prestatie/ProductPeriode/Einddatum.
// - TR380 (a date after Dagtekening): JW317 NieuwProduct/GewensteIngangsdatum (OP343: a
//   request must come before the wished start). A TeWijzigenProduct may name the original
//   Ingangsdatum in the past; that is TR357, berichtoverstijgend.
// - TR101 (no duplicate logical keys): the keys are the standard's own ("Sleutelelement" in the
//   information model), for every repeating class of every type: see rules_tr101.cpp. Ours is
//   only that JW317 OngewijzigdProduct and TeWijzigenProduct share one key space.
// - TR416 (no second debet for the same ToewijzingNummer, ProductCategorie, ProductCode and
//   ProductPeriode): over the whole message, across clients.
// - TR378: the gemeente in the Header (Afzender of JW301 JW319 JW325, Ontvanger of JW305
//   JW307 JW315 JW317 JW323) and JW319 Woonplaatsbeginsel/Gemeente.
// - The retour messages JW302 JW306 JW308 JW316 JW318 JW320 carry the judged message back
//   with retourcodes; the standard lists no in-message rule for them: XSD only.
#include "ijw/rules.h"

#include "domain/bsn.h"
#include "ijw/reader.h"
#include "ijw/rules_common.h"
#include "ijw/writer.h"
#include "ijw/xml.h"

namespace jr::ijw {

namespace rules {

std::string idx(size_t i) { return "[" + std::to_string(i + 1) + "]"; }

Date years_before(Date d, int years) {
  auto ymd = d.ymd();
  std::chrono::year_month_day r{ymd.year() - std::chrono::years(years), ymd.month(), ymd.day()};
  if (!r.ok())
    r = std::chrono::year_month_day_last{r.year(), std::chrono::month_day_last{r.month()}};
  return Date(r);
}

void check_gemeentecode(std::string_view code, const Pad& xpath, Out& out) {
  const Codelijsten* c = out.ctx().codelijsten;
  if (c == nullptr) return;
  if (c->gemeenten.find(std::string(code)) != c->gemeenten.end()) return;
  out.add("TR378", xpath.str(),
          "gemeentecode " + std::string(code) + " komt niet voor in de CBS-gemeentecodelijst");
}

void check_bsn(std::string_view bsn, const Pad& xpath, Out& out) {
  if (!bsn_elfproef(bsn)) out.add("CS002", xpath.str(), "BSN voldoet niet aan de elfproef");
}

void check_product_regel(const ProductRegel& p, const ProductSoort& s, const Pad& pad, Out& out) {
  const std::string_view eind_naam = s.eind_naam;
  auto eind = [&] { return std::string(eind_naam); };
  // CS003: the end is not before the begin.
  if (p.begin && p.eind && *p.eind < *p.begin)
    out.add("CS003", pad + "/" + eind(),
            eind() + " " + iso(*p.eind) + " ligt voor " + std::string(s.begin_naam) + " " +
                iso(*p.begin));
  // CD041: a product code asks for an Omvang.
  if (s.met_product && p.heeft_code && !p.heeft_omvang)
    out.add("CD041", pad + "/Omvang", "Omvang ontbreekt terwijl Product/Code gevuld is");
  // CD075: a Budget asks for an end date.
  if (p.heeft_budget && !p.eind)
    out.add("CD075", pad + "/" + eind(), eind() + " ontbreekt terwijl Budget gevuld is");
  // CD076: Frequentie 2 (per week) asks for an end date.
  if (p.heeft_omvang && p.frequentie == "2" && !p.eind)
    out.add("CD076", pad + "/" + eind(), eind() + " ontbreekt terwijl Frequentie 2 (per week) is");
  // CD077 / CD078: Omvang and Budget exclude each other.
  if (p.heeft_budget && p.heeft_omvang) {
    out.add("CD077", pad + "/Omvang", "Omvang is gevuld terwijl Budget gevuld is");
    out.add("CD078", pad + "/Budget", "Budget is gevuld terwijl Omvang gevuld is");
  }
  // CD079: without a Budget the Product is required.
  if (s.met_product && !p.heeft_budget && !p.heeft_product)
    out.add("CD079", pad + "/Product", "Product ontbreekt terwijl Budget leeg is");
  static const Date kEind2020(2020, 12, 31);
  const bool na_2020 = !p.eind || *p.eind > kEind2020;
  // CD080 / CD095 / CD096: a category-only (or absent) product after 2020 has no Omvang.
  if (!s.cd_code_leeg.empty() && !p.heeft_code && na_2020 && p.heeft_omvang)
    out.add(s.cd_code_leeg, pad + "/Omvang",
            "Omvang is gevuld terwijl Product/Code leeg is en " + eind() +
                " na 31-12-2020 ligt of leeg is");
  // CS338 / CS343: etmaal, dagdeel, euro's and stuks (inspanning) after 2020 are per week,
  // per maand or totaal.
  if (p.heeft_omvang && na_2020 &&
      (p.eenheid == "14" || p.eenheid == "16" || p.eenheid == "83" || p.eenheid == "84") &&
      !(p.frequentie == "2" || p.frequentie == "4" || p.frequentie == "6"))
    out.add(s.cs_frequentie, pad + "/Omvang/Frequentie",
            "Frequentie " + std::string(p.frequentie) + " is niet toegestaan bij Eenheid " +
                std::string(p.eenheid) + " (alleen 2, 4 of 6)");
}

}  // namespace rules

void check_rules(Berichttype type, const xmlDoc* doc, const Bericht* bericht,
                 const RuleContext& ctx, Findings& out_findings) {
  rules::Out out(ctx, out_findings);
  // A document of a type with a reader is checked on its struct.
  std::optional<Bericht> gelezen;
  if (bericht == nullptr && doc != nullptr && heeft_lezer(type)) {
    auto b = lees_bericht(type, doc);
    if (b.ok()) {
      gelezen = std::move(*b);
      bericht = &*gelezen;
    }
  }
  if (bericht != nullptr) {
    std::visit(
        [&](const auto& m) {
          using T = std::decay_t<decltype(m)>;
          if constexpr (std::is_same_v<T, Jw301>) rules::check_jw301(m, out);
          if constexpr (std::is_same_v<T, Jw305>) rules::check_jw305(m, out);
          if constexpr (std::is_same_v<T, Jw307>) rules::check_jw307(m, out);
          if constexpr (std::is_same_v<T, Jw315>) rules::check_jw315(m, out);
          if constexpr (std::is_same_v<T, Jw317>) rules::check_jw317(m, out);
          if constexpr (std::is_same_v<T, Jw323>) rules::check_jw323(m, out);
        },
        *bericht);
    // TR101 compares the elements as written; a struct without its document is written out.
    XmlDocPtr geschreven;
    if (doc == nullptr) {
      auto d = parse_xml(write_xml(*bericht));
      if (d.ok()) geschreven = std::move(*d);
      doc = geschreven.get();
    }
    rules::check_tr101(type, doc, out);
    return;
  }
  if (doc == nullptr) return;
  switch (type) {
    case Berichttype::JW319:
      rules::check_jw319_dom(doc, out);
      break;
    case Berichttype::JW325:
      rules::check_jw325_dom(doc, out);
      break;
    default:
      // The retour messages JW302/306/308/316/318/320 have no in-message rules.
      break;
  }
  rules::check_tr101(type, doc, out);
}

}  // namespace jr::ijw
