// In-message rules on the typed messages JW301, JW305, JW307, JW315, JW317 and JW323
// (message.h).
// One pass over each message; xpaths are only built when a rule is violated.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ijw/rules_common.h"

namespace jr::ijw::rules {
namespace {

constexpr std::string_view kClient = "/Bericht/Client";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// CS089: [1-9][0-9]{3}[a-zA-Z]{2}.
bool is_nl_postcode(std::string_view p) {
  return p.size() == 6 && p[0] >= '1' && p[0] <= '9' && is_digit(p[1]) && is_digit(p[2]) &&
         is_digit(p[3]) && is_letter(p[4]) && is_letter(p[5]);
}

bool onbekende_geboortedatum(const Geboortedatum& g) {
  static const Date k1900(1900, 1, 1);
  return g.datum_gebruik && *g.datum_gebruik == "3" && g.datum == k1900;
}

// CS139, TR002, TR134 on a Geboortedatum. Meldingen never contain the date itself.
void check_geboortedatum(const Geboortedatum& g, Date dagtekening, const Pad& pad, Out& out) {
  if (g.datum_gebruik) {
    const auto& gebruik = *g.datum_gebruik;
    bool ok = true;
    if (gebruik == "3")
      ok = g.datum == Date(1900, 1, 1);
    else if (gebruik == "2")
      ok = g.datum.day() == 1 && g.datum.month() == 1;
    else if (gebruik == "1")
      ok = g.datum.day() == 1;
    if (!ok)
      out.add("CS139", pad + "/Datum",
              "Datum van de geboortedatum past niet bij DatumGebruik " + gebruik);
  }
  if (onbekende_geboortedatum(g)) return;
  if (g.datum < years_before(dagtekening, 120))
    out.add("TR002", pad + "/Datum", "geboortedatum ligt meer dan 120 jaar voor de Dagtekening");
  if (g.datum > dagtekening)
    out.add("TR134", pad + "/Datum", "geboortedatum ligt na de Dagtekening van het bericht");
}

// TR134 for a non-person date.
void check_niet_na_dagtekening(Date d, Date dagtekening, const Pad& pad, std::string_view naam,
                               Out& out) {
  if (d > dagtekening)
    out.add("TR134", pad.str(),
            std::string(naam) + " " + iso(d) + " ligt na de Dagtekening " + iso(dagtekening));
}

// CS050 (and CS318 for the client) on a VolledigeNaam.
void check_naam_gebruik(const VolledigeNaam& n, const Pad& pad, bool is_client, Out& out) {
  const auto& g = n.naam_gebruik;
  if (n.partnernaam) {
    if (!(g == "1" || g == "2" || g == "3" || g == "4"))
      out.add("CS050", pad + "/NaamGebruik",
              "NaamGebruik " + g + " is niet toegestaan bij een Partnernaam (alleen 1, 2, 3 of 4)");
  } else if (!(g == "1" || g == "6")) {
    out.add("CS050", pad + "/NaamGebruik",
            "NaamGebruik " + g + " is niet toegestaan zonder Partnernaam (alleen 1 of 6)");
  }
  if (is_client && g == "6")
    out.add("CS318", pad + "/NaamGebruik",
            "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor een client");
}

bool is_adres_met_postcode_verplicht(std::string_view soort) {
  return soort == "01" || soort == "03";
}

// CD005, CD009, CD025, CD034, CS089, CS003, TR006 on a JW301 Contact.
void check_contact(const Contact& c, const Pad& pad, Out& out) {
  auto adres = [&] { return pad + "/Adres"; };
  bool heeft_postcode = c.adres && c.adres->postcode;
  bool heeft_huis = c.adres && c.adres->huis;
  if (c.adres) {
    const Adres& a = *c.adres;
    if (a.postcode && !a.land_code)
      out.add("CD005", adres() + "/LandCode", "LandCode ontbreekt terwijl Postcode gevuld is");
    if (!a.postcode && a.land_code)
      out.add("CD005", adres() + "/LandCode", "LandCode is gevuld terwijl Postcode leeg is");
    if (a.land_code && *a.land_code == "NL") {
      if (!a.huis) out.add("CD025", adres() + "/Huis", "Huis ontbreekt bij een adres in Nederland");
      if (a.postcode && !is_nl_postcode(*a.postcode))
        out.add("CS089", adres() + "/Postcode",
                "Postcode heeft niet het formaat van een Nederlandse postcode (1234AB)");
    }
  }
  if (is_adres_met_postcode_verplicht(c.soort) && !heeft_postcode)
    out.add("CD034", adres() + "/Postcode",
            "Postcode ontbreekt bij Soort adres " + c.soort + " (BRP- of verblijfadres)");
  if (c.periode) {
    if (c.soort != "04")
      out.add(
          "CD009", pad + "/Periode",
          "Periode is alleen toegestaan bij Soort adres 04 (tijdelijk adres), niet bij " + c.soort);
    if (c.periode->begindatum && c.periode->einddatum &&
        *c.periode->einddatum < *c.periode->begindatum)
      out.add("CS003", pad + "/Periode/Einddatum",
              "Einddatum " + iso(*c.periode->einddatum) + " ligt voor Begindatum " +
                  iso(*c.periode->begindatum));
  }
  bool heeft_telefoon = c.telefoon01 || c.telefoon02;
  if (!heeft_telefoon && !(heeft_huis && heeft_postcode))
    out.add("TR006", pad.str(),
            "Contact bevat geen Telefoon en ook niet de combinatie Huis en Postcode");
}

// The Omvang/Budget view of a product (ProductRegel) from its fields.
ProductRegel product_regel(const std::optional<Product>& product, Date begin,
                           const std::optional<Date>& eind, const std::optional<Omvang>& omvang,
                           const std::optional<int64_t>& budget) {
  ProductRegel r;
  r.heeft_product = product.has_value();
  r.heeft_code = product && product->code;
  r.begin = begin;
  r.eind = eind;
  r.heeft_omvang = omvang.has_value();
  if (omvang) {
    r.eenheid = omvang->eenheid;
    r.frequentie = omvang->frequentie;
  }
  r.heeft_budget = budget.has_value();
  return r;
}

// A product occurrence for the overlap rules (TR302, TR386, TR410).
ProductPeriode product_periode(const std::optional<Product>& product, Date begin,
                               const std::optional<Date>& eind) {
  ProductPeriode pp;
  if (product) {
    pp.categorie = product->categorie;
    if (product->code) pp.code = *product->code;
  }
  pp.begin = begin;
  pp.eind = eind;
  return pp;
}

// TR416 key: one debet per ToewijzingNummer, product and ProductPeriode.
struct DebetSleutel {
  int64_t toewijzing_nummer;
  std::string_view categorie;
  std::string_view code;
  Date begin;
  Date eind;
  bool operator==(const DebetSleutel&) const = default;
};
struct DebetSleutelHash {
  size_t operator()(const DebetSleutel& k) const {
    size_t h = std::hash<int64_t>{}(k.toewijzing_nummer);
    auto mix = [&h](size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<std::string_view>{}(k.categorie));
    mix(std::hash<std::string_view>{}(k.code));
    mix(static_cast<size_t>(k.begin.days()));
    mix(static_cast<size_t>(k.eind.days()));
    return h;
  }
};

}  // namespace

// ---------------------------------------------------------------- JW301 toewijzing
void check_jw301(const Jw301& m, Out& out) {
  const Date dag = m.header.dagtekening;
  check_gemeentecode(m.header.afzender, "/Bericht/Header/Afzender", out);
  check_bsn(m.bsn, "/Bericht/Client/Bsn", out);
  check_geboortedatum(m.geboortedatum, dag, "/Bericht/Client/Geboortedatum", out);
  check_naam_gebruik(m.naam, "/Bericht/Client/Naam", true, out);
  if (m.communicatie) {
    bool tolk = m.communicatie->vorm == "1";
    if (tolk && !m.communicatie->taal)
      out.add("CD007", "/Bericht/Client/Communicatie/Taal",
              "Taal ontbreekt terwijl Communicatie/Vorm 1 (tolk taal) is");
    if (!tolk && m.communicatie->taal)
      out.add("CD007", "/Bericht/Client/Communicatie/Taal",
              "Taal is gevuld terwijl Communicatie/Vorm niet 1 (tolk taal) is maar " +
                  m.communicatie->vorm);
  }

  auto relatie_pad = [](size_t i) { return "/Bericht/Client/Relaties/Relatie" + idx(i); };
  for (size_t i = 0; i < m.relaties.size(); ++i) {
    const Relatie& r = m.relaties[i];
    auto pad = [&] { return relatie_pad(i); };
    const Pad p(pad);
    if (r.geboortedatum)
      check_geboortedatum(
          *r.geboortedatum, dag, [&] { return p + "/Geboortedatum"; }, out);
    check_naam_gebruik(
        r.naam, [&] { return p + "/Naam"; }, false, out);
    check_contact(
        r.contact, [&] { return p + "/Contact"; }, out);
  }

  auto contact_pad = [](size_t i) { return "/Bericht/Client/Contactgegevens/Contact" + idx(i); };
  bool heeft_woonadres = false;
  for (size_t i = 0; i < m.contactgegevens.size(); ++i) {
    const Contact& c = m.contactgegevens[i];
    check_contact(
        c, [&] { return contact_pad(i); }, out);
    if (c.soort == "01" || c.soort == "02" || c.soort == "03") heeft_woonadres = true;
  }
  if (!heeft_woonadres)
    out.add("TR061", "/Bericht/Client/Contactgegevens",
            "geen Contact met Soort adres 01 (BRP), 02 (correspondentie) of 03 (verblijf)");

  static constexpr ProductSoort kSoort{"Ingangsdatum", "Einddatum", true, "CD080", "CS338"};
  auto tp_pad = [](size_t i) {
    return "/Bericht/Client/ToegewezenProducten/ToegewezenProduct" + idx(i);
  };
  std::vector<ProductPeriode> perioden;
  perioden.reserve(m.producten.size());
  for (size_t i = 0; i < m.producten.size(); ++i) {
    const ToegewezenProduct& p = m.producten[i];
    auto pad_fn = [&] { return tp_pad(i); };
    const Pad pad(pad_fn);
    check_product_regel(product_regel(p.product, p.ingangsdatum, p.einddatum, p.omvang, p.budget),
                        kSoort, pad, out);
    if (p.toewijzingsdatum > dag)
      check_niet_na_dagtekening(p.toewijzingsdatum, dag, pad + "/Toewijzingsdatum",
                                "Toewijzingsdatum", out);
    const bool gelijk = p.einddatum && *p.einddatum == p.ingangsdatum;
    if (p.reden_wijziging) {
      if (*p.reden_wijziging == "13" && !gelijk)
        out.add("CS335", pad + "/RedenWijziging",
                "RedenWijziging 13 (verwijderd) vereist een Einddatum gelijk aan de Ingangsdatum");
      if (*p.reden_wijziging == "01")
        out.add(
            "CS336", pad + "/RedenWijziging",
            "RedenWijziging 01 (administratieve correctie, vervallen) mag niet worden gebruikt");
    }
    ProductPeriode pp = product_periode(p.product, p.ingangsdatum, p.einddatum);
    pp.telt_mee = !(gelijk && p.reden_wijziging &&
                    (*p.reden_wijziging == "13" || *p.reden_wijziging == "01"));
    perioden.push_back(pp);
  }
  for_each_overlap(perioden, [&](size_t j, size_t i) {
    out.add("TR302", tp_pad(j),
            "toegewezen product overlapt in periode met hetzelfde product in ToegewezenProduct" +
                idx(i));
  });
}

// ---------------------------------------------------------------- JW305 / JW307
template <class M>
static void check_client_kort(const M& m, Out& out) {
  check_gemeentecode(m.header.ontvanger, "/Bericht/Header/Ontvanger", out);
  check_bsn(m.bsn, "/Bericht/Client/Bsn", out);
  check_geboortedatum(m.geboortedatum, m.header.dagtekening, "/Bericht/Client/Geboortedatum", out);
}

static void check_status_aanlevering(const std::string& s, const Pad& pad, Out& out) {
  if (s != "1" && s != "3")
    out.add("CS058", pad + "/StatusAanlevering",
            "StatusAanlevering " + s + " is niet toegestaan (alleen 1 of 3)");
}

void check_jw305(const Jw305& m, Out& out) {
  check_client_kort(m, out);
  const Date dag = m.header.dagtekening;
  auto pad = [](size_t i) { return "/Bericht/Client/StartProducten/StartProduct" + idx(i); };
  for (size_t i = 0; i < m.producten.size(); ++i) {
    const StartProduct& p = m.producten[i];
    auto pi = [&] { return pad(i); };
    check_status_aanlevering(p.status_aanlevering, pi, out);
    if (p.begindatum > dag)
      check_niet_na_dagtekening(p.begindatum, dag, pad(i) + "/Begindatum", "Begindatum", out);
  }
}

void check_jw307(const Jw307& m, Out& out) {
  check_client_kort(m, out);
  const Date dag = m.header.dagtekening;
  auto pad = [](size_t i) { return "/Bericht/Client/StopProducten/StopProduct" + idx(i); };
  for (size_t i = 0; i < m.producten.size(); ++i) {
    const StopProduct& p = m.producten[i];
    auto pi = [&] { return pad(i); };
    check_status_aanlevering(p.status_aanlevering, pi, out);
    if (p.einddatum < p.begindatum)
      out.add("TR018", pad(i) + "/Einddatum",
              "Einddatum " + iso(p.einddatum) + " ligt voor Begindatum " + iso(p.begindatum));
    if (p.einddatum > dag)
      check_niet_na_dagtekening(p.einddatum, dag, pad(i) + "/Einddatum", "Einddatum", out);
  }
}

// ---------------------------------------------------------------- JW315 verzoek om toewijzing
void check_jw315(const Jw315& m, Out& out) {
  check_client_kort(m, out);
  static constexpr ProductSoort kSoort{"ToewijzingIngangsdatum", "ToewijzingEinddatum", true,
                                       "CD095", "CS343"};
  auto ap_pad = [](size_t i) {
    return std::string(kClient) + "/AangevraagdeProducten/AangevraagdProduct" + idx(i);
  };
  std::vector<ProductPeriode> perioden;
  perioden.reserve(m.producten.size());
  for (size_t i = 0; i < m.producten.size(); ++i) {
    const AangevraagdProduct& p = m.producten[i];
    auto pad_fn = [&] { return ap_pad(i); };
    const Pad pad(pad_fn);
    check_product_regel(product_regel(p.product, p.toewijzing_ingangsdatum, p.toewijzing_einddatum,
                                      p.omvang, p.budget),
                        kSoort, pad, out);
    // CD043: BeschikkingIngangsdatum goes with a BeschikkingNummer, and only then.
    if (p.beschikking_nummer && !p.beschikking_ingangsdatum)
      out.add("CD043", pad + "/BeschikkingIngangsdatum",
              "BeschikkingIngangsdatum ontbreekt terwijl BeschikkingNummer gevuld is");
    if (!p.beschikking_nummer && p.beschikking_ingangsdatum)
      out.add("CD043", pad + "/BeschikkingIngangsdatum",
              "BeschikkingIngangsdatum is gevuld terwijl BeschikkingNummer leeg is");
    // CD066 CD067 CD068: Verwijzer.
    const Verwijzer& v = p.verwijzer;
    const bool zorgverlener = v.type == "02" || v.type == "03" || v.type == "04" || v.type == "05";
    if (zorgverlener && v.zorgverlener_code && v.naam)
      out.add("CD066", pad + "/Verwijzer/Naam",
              "Naam verwijzer moet leeg zijn bij Type " + v.type + " met een ZorgverlenerCode");
    if (zorgverlener && !v.zorgverlener_code && !v.naam)
      out.add("CD067", pad + "/Verwijzer/Naam",
              "Naam verwijzer ontbreekt bij Type " + v.type + " zonder ZorgverlenerCode");
    if (!zorgverlener && v.zorgverlener_code)
      out.add("CD068", pad + "/Verwijzer/ZorgverlenerCode",
              "ZorgverlenerCode moet leeg zijn bij Type verwijzer " + v.type);
    perioden.push_back(
        product_periode(p.product, p.toewijzing_ingangsdatum, p.toewijzing_einddatum));
  }
  for_each_overlap(perioden, [&](size_t j, size_t i) {
    out.add("TR386", ap_pad(j),
            "aangevraagd product overlapt in periode met hetzelfde product in AangevraagdProduct" +
                idx(i));
  });
  // TR383: ReferentieAanbieder unique per AangevraagdProduct.
  for (size_t j = 1; j < m.producten.size(); ++j)
    for (size_t i = 0; i < j; ++i)
      if (m.producten[i].referentie_aanbieder == m.producten[j].referentie_aanbieder) {
        out.add("TR383", ap_pad(j) + "/ReferentieAanbieder",
                "ReferentieAanbieder " + m.producten[j].referentie_aanbieder +
                    " komt ook voor in AangevraagdProduct" + idx(i));
        break;
      }
}

// ---------------------------------------------------------------- JW317 verzoek om wijziging
void check_jw317(const Jw317& m, Out& out) {
  const Date dag = m.header.dagtekening;
  check_gemeentecode(m.header.ontvanger, "/Bericht/Header/Ontvanger", out);
  check_bsn(m.bsn, "/Bericht/Client/Bsn", out);
  const std::string verzoek = std::string(kClient) + "/Verzoek";
  if (m.ongewijzigd.empty() && m.te_wijzigen.empty())
    out.add("TR352", verzoek,
            "verzoek om wijziging bevat geen OngewijzigdProduct en geen TeWijzigenProduct");
  if (m.te_wijzigen.empty() && m.nieuw.empty())
    out.add("TR353", verzoek,
            "verzoek om wijziging bevat geen TeWijzigenProduct en geen NieuwProduct");
  // A TeWijzigenProduct has no Product of its own: CD041 and CD079 do not apply; the
  // Omvang conditions that depend on the toewijzing's product are TR375, TR411 and TR412
  // (berichtoverstijgend).
  static constexpr ProductSoort kTeWijzigen{"GewensteIngangsdatum", "Einddatum", false, "",
                                            "CS338"};
  for (size_t i = 0; i < m.te_wijzigen.size(); ++i) {
    const TeWijzigenProduct& p = m.te_wijzigen[i];
    check_product_regel(
        product_regel(std::nullopt, p.gewenste_ingangsdatum, p.einddatum, p.omvang, p.budget),
        kTeWijzigen, [&] { return verzoek + "/TeWijzigenProducten/TeWijzigenProduct" + idx(i); },
        out);
  }
  static constexpr ProductSoort kNieuw{"GewensteIngangsdatum", "Einddatum", true, "CD096", "CS338"};
  auto nieuw_pad = [&](size_t i) { return verzoek + "/NieuweProducten/NieuwProduct" + idx(i); };
  std::vector<ProductPeriode> perioden;
  perioden.reserve(m.nieuw.size());
  for (size_t i = 0; i < m.nieuw.size(); ++i) {
    const NieuwProduct& p = m.nieuw[i];
    auto pad_fn = [&] { return nieuw_pad(i); };
    const Pad pad(pad_fn);
    check_product_regel(
        product_regel(p.product, p.gewenste_ingangsdatum, p.einddatum, p.omvang, p.budget), kNieuw,
        pad, out);
    // TR380 (OP343): a new product is asked for before its wished start.
    if (p.gewenste_ingangsdatum <= dag)
      out.add("TR380", pad + "/GewensteIngangsdatum",
              "GewensteIngangsdatum " + iso(p.gewenste_ingangsdatum) +
                  " ligt niet na de Dagtekening " + iso(dag));
    perioden.push_back(product_periode(p.product, p.gewenste_ingangsdatum, p.einddatum));
  }
  for_each_overlap(perioden, [&](size_t j, size_t i) {
    out.add("TR410", nieuw_pad(j),
            "nieuw product overlapt in periode met hetzelfde product in NieuwProduct" + idx(i));
  });
}

// ---------------------------------------------------------------- JW323 declaratie
void check_jw323(const Jw323& m, Out& out) {
  const Date dag = m.header.dagtekening;
  const std::string decl = "/Bericht/Declaratie";
  check_gemeentecode(m.header.ontvanger, "/Bericht/Header/Ontvanger", out);
  static const Date k2021(2021, 1, 1);
  const Periode& dp = m.declaratie_periode;
  if (dp.begindatum < k2021)
    out.add("CS100", decl + "/DeclaratiePeriode/Begindatum",
            "Begindatum " + iso(dp.begindatum) + " ligt voor 01-01-2021");
  if (!(dp.begindatum == dp.begindatum.first_of_month() &&
        dp.einddatum == dp.begindatum.last_of_month()))
    out.add("CS340", decl + "/DeclaratiePeriode",
            "DeclaratiePeriode " + iso(dp.begindatum) + " t/m " + iso(dp.einddatum) +
                " is niet precies een hele kalendermaand");
  if (dp.einddatum < dp.begindatum || dp.einddatum > dag)
    out.add("TR137", decl + "/DeclaratiePeriode/Einddatum",
            "Einddatum " + iso(dp.einddatum) + " ligt voor de Begindatum of na de Dagtekening " +
                iso(dag));
  if (m.declaratie_dagtekening > dag)
    check_niet_na_dagtekening(m.declaratie_dagtekening, dag, decl + "/DeclaratieDagtekening",
                              "DeclaratieDagtekening", out);
  const BedragMetDC& totaal = m.totaal_ingediend_bedrag;
  if (totaal.bedrag == 0 && totaal.debet_credit != "D")
    out.add("CS325", decl + "/TotaalIngediendBedrag/DebetCredit",
            "DebetCredit moet D zijn bij een TotaalBedrag van 0");
  const Date vijf_jaar = years_before(m.declaratie_dagtekening, 5);

  size_t aantal = 0;
  for (const auto& c : m.clienten) aantal += c.prestaties.size();
  // Keys over the whole message; string_views point into `m`, which outlives the sets.
  std::unordered_set<std::string_view> referenties;  // TR316
  std::unordered_set<std::string_view> vorige;
  std::unordered_set<DebetSleutel, DebetSleutelHash> debet;
  referenties.reserve(aantal);
  debet.reserve(aantal);
  int64_t som = 0;
  auto client_pad = [&](size_t ci) { return decl + "/Clienten/Client" + idx(ci); };
  for (size_t ci = 0; ci < m.clienten.size(); ++ci) {
    const DeclaratieClient& c = m.clienten[ci];
    check_bsn(
        c.bsn, [&] { return client_pad(ci) + "/Bsn"; }, out);
    for (size_t pi = 0; pi < c.prestaties.size(); ++pi) {
      const Prestatie& p = c.prestaties[pi];
      auto pad = [&] { return client_pad(ci) + "/Prestaties/Prestatie" + idx(pi); };
      som += p.ingediend_bedrag.signed_cents();
      referenties.insert(p.referentie_nummer);
      const Periode& pp = p.product_periode;
      if (pp.begindatum < k2021)
        out.add("CS100", pad() + "/ProductPeriode/Begindatum",
                "Begindatum " + iso(pp.begindatum) + " ligt voor 01-01-2021");
      if (pp.einddatum.year() != pp.begindatum.year() ||
          pp.einddatum.month() != pp.begindatum.month())
        out.add("CS337", pad() + "/ProductPeriode/Einddatum",
                "Einddatum " + iso(pp.einddatum) +
                    " ligt niet in dezelfde kalendermaand als Begindatum " + iso(pp.begindatum));
      if (pp.einddatum < pp.begindatum || pp.einddatum > dag)
        out.add("TR137", pad() + "/ProductPeriode/Einddatum",
                "Einddatum " + iso(pp.einddatum) +
                    " ligt voor de Begindatum of na de Dagtekening " + iso(dag));
      if (pp.einddatum < vijf_jaar)
        out.add("TR335", pad() + "/ProductPeriode/Einddatum",
                "Einddatum " + iso(pp.einddatum) +
                    " ligt meer dan 5 jaar voor de DeclaratieDagtekening");
      const bool euro = p.eenheid == "83";
      if (euro && p.product_tarief)
        out.add("CD087", pad() + "/ProductTarief",
                "ProductTarief moet leeg zijn bij Eenheid 83 (euro's)");
      if (!euro && !p.product_tarief)
        out.add("CD087", pad() + "/ProductTarief",
                "ProductTarief ontbreekt bij Eenheid " + p.eenheid);
      if (euro && p.ingediend_bedrag.bedrag != p.geleverd_volume)
        out.add("CS339", pad() + "/IngediendBedrag/Bedrag",
                "IngediendBedrag " + std::to_string(p.ingediend_bedrag.bedrag) +
                    " is niet gelijk aan GeleverdVolume " + std::to_string(p.geleverd_volume) +
                    " bij Eenheid 83 (euro's)");
      const bool credit = p.ingediend_bedrag.debet_credit == "C";
      if (credit && !p.vorig_referentie_nummer)
        out.add("CD060", pad() + "/ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer ontbreekt bij een creditprestatie");
      if (!credit && p.vorig_referentie_nummer)
        out.add("CD060", pad() + "/ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer moet leeg zijn bij een debetprestatie");
      if (p.ingediend_bedrag.bedrag == 0 && p.ingediend_bedrag.debet_credit != "D")
        out.add("CS325", pad() + "/IngediendBedrag/DebetCredit",
                "DebetCredit moet D zijn bij een Bedrag van 0");
      if (p.vorig_referentie_nummer && !vorige.insert(*p.vorig_referentie_nummer).second)
        out.add("TR315", pad() + "/ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer " + *p.vorig_referentie_nummer +
                    " komt vaker voor in het bericht");
      if (!credit) {
        if (!debet
                 .insert(DebetSleutel{p.toewijzing_nummer, p.product_categorie, p.product_code,
                                      pp.begindatum, pp.einddatum})
                 .second)
          out.add("TR416", pad(),
                  "er is al een debetprestatie voor ToewijzingNummer " +
                      std::to_string(p.toewijzing_nummer) + ", product " + p.product_categorie +
                      "/" + p.product_code + " en ProductPeriode " + iso(pp.begindatum) + " t/m " +
                      iso(pp.einddatum));
      }
    }
  }
  // TR316: a VorigReferentieNummer may not name a prestatie of this same message.
  if (!vorige.empty())
    for (size_t ci = 0; ci < m.clienten.size(); ++ci)
      for (size_t pi = 0; pi < m.clienten[ci].prestaties.size(); ++pi) {
        const Prestatie& p = m.clienten[ci].prestaties[pi];
        if (p.vorig_referentie_nummer && referenties.count(*p.vorig_referentie_nummer))
          out.add("TR316",
                  client_pad(ci) + "/Prestaties/Prestatie" + idx(pi) +
                      "/ProductReferentie/VorigReferentieNummer",
                  "VorigReferentieNummer " + *p.vorig_referentie_nummer +
                      " crediteert een prestatie uit hetzelfde bericht");
      }
  if (som != totaal.signed_cents())
    out.add("TR358", decl + "/TotaalIngediendBedrag",
            "TotaalIngediendBedrag " + std::to_string(totaal.signed_cents()) +
                " is niet gelijk aan de som van de prestaties " + std::to_string(som) +
                " (in centen, credit negatief)");
}

}  // namespace jr::ijw::rules
