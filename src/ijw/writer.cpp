#include "ijw/writer.h"

#include <array>

#include "ijw/xml_out.h"

namespace jr::ijw {
namespace {

constexpr std::string_view kIjw = "ijw";  // prefix of basisschema elements

// xmlns declarations of the root: ijw: and the message's own prefix, built once per type.
const std::string& root_attributes(Berichttype t) {
  static const auto table = [] {
    std::array<std::string, std::size(kAlleBerichttypen)> a;
    for (Berichttype b : kAlleBerichttypen) {
      std::string s = "xmlns:ijw=\"";
      s += kBasisschemaNamespace;
      s += "\" xmlns:";
      s += prefix(b);
      s += "=\"";
      s += namespace_uri(b);
      s += '"';
      a[static_cast<size_t>(b)] = std::move(s);
    }
    return a;
  }();
  return table[static_cast<size_t>(t)];
}

// One message being written: the builder plus the message prefix ("jw305").
struct W {
  XmlOut x;
  std::string_view p;

  W(std::string& out, Berichttype t) : x(out), p(prefix(t)) {}

  // Helpers for optional fields: nothing is written when the value is absent.
  void opt_text(std::string_view pre, std::string_view name, const std::optional<std::string>& v) {
    if (v) x.text(pre, name, *v);
  }
  void opt_int(std::string_view pre, std::string_view name, const std::optional<int64_t>& v) {
    if (v) x.integer(pre, name, *v);
  }
  void opt_date(std::string_view pre, std::string_view name, const std::optional<Date>& v) {
    if (v) x.date(pre, name, *v);
  }

  // ---- basisschema composite types: the element itself is in `pre`, content in ijw: ----

  void geboortedatum(std::string_view pre, std::string_view name, const Geboortedatum& g) {
    x.open(pre, name);
    x.date(kIjw, "Datum", g.datum);
    opt_text(kIjw, "DatumGebruik", g.datum_gebruik);
    x.close(pre, name);
  }

  void achternaam(std::string_view name, const Achternaam& a) {
    x.open(kIjw, name);
    x.text(kIjw, "Achternaam", a.achternaam);
    opt_text(kIjw, "Voorvoegsel", a.voorvoegsel);
    x.close(kIjw, name);
  }

  void verkorte_naam(const VerkorteNaam& n) {
    x.open(p, "Naam");
    achternaam("Geslachtsnaam", n.geslachtsnaam);
    opt_text(kIjw, "Voornamen", n.voornamen);
    opt_text(kIjw, "Voorletters", n.voorletters);
    x.close(p, "Naam");
  }

  void volledige_naam(const VolledigeNaam& n) {
    x.open(p, "Naam");
    achternaam("Geslachtsnaam", n.geslachtsnaam);
    if (n.partnernaam) achternaam("Partnernaam", *n.partnernaam);
    opt_text(kIjw, "Voornamen", n.voornamen);
    opt_text(kIjw, "Voorletters", n.voorletters);
    x.text(kIjw, "NaamGebruik", n.naam_gebruik);
    x.close(p, "Naam");
  }

  void product(const std::optional<Product>& pr) {
    if (!pr) return;
    x.open(p, "Product");
    x.text(kIjw, "Categorie", pr->categorie);
    opt_text(kIjw, "Code", pr->code);
    x.close(p, "Product");
  }

  void omvang(const std::optional<Omvang>& o) {
    if (!o) return;
    x.open(p, "Omvang");
    x.integer(kIjw, "Volume", o->volume);
    x.text(kIjw, "Eenheid", o->eenheid);
    x.text(kIjw, "Frequentie", o->frequentie);
    x.close(p, "Omvang");
  }

  void periode(std::string_view name, const Periode& pe) {
    x.open(p, name);
    x.date(kIjw, "Begindatum", pe.begindatum);
    x.date(kIjw, "Einddatum", pe.einddatum);
    x.close(p, name);
  }

  void bedrag(std::string_view name, std::string_view bedrag_name, const BedragMetDC& b) {
    x.open(p, name);
    x.integer(kIjw, bedrag_name, b.bedrag);
    x.text(kIjw, "DebetCredit", b.debet_credit);
    x.close(p, name);
  }

  void telefoon(std::string_view name, const Telefoon& t) {
    x.open(kIjw, name);
    x.text(kIjw, "Telefoonnummer", t.telefoonnummer);
    x.text(kIjw, "Landnummer", t.landnummer);
    x.close(kIjw, name);
  }

  void contact(const Contact& c) {
    x.open(p, "Contact");
    x.text(p, "Soort", c.soort);
    if (c.adres) {
      const Adres& a = *c.adres;
      x.open(p, "Adres");
      if (a.huis) {
        x.open(kIjw, "Huis");
        x.integer(kIjw, "Huisnummer", a.huis->huisnummer);
        opt_text(kIjw, "Huisletter", a.huis->huisletter);
        opt_text(kIjw, "HuisnummerToevoeging", a.huis->toevoeging);
        opt_text(kIjw, "AanduidingWoonadres", a.huis->aanduiding_woonadres);
        x.close(kIjw, "Huis");
      }
      opt_text(kIjw, "Postcode", a.postcode);
      opt_text(kIjw, "Straatnaam", a.straatnaam);
      opt_text(kIjw, "Plaatsnaam", a.plaatsnaam);
      opt_text(kIjw, "LandCode", a.land_code);
      x.close(p, "Adres");
    }
    opt_text(p, "Organisatie", c.organisatie);
    // Telefoon01 is required inside Telefoon: a lone telefoon02 yields an XSD-invalid
    // message rather than silently losing the number.
    if (c.telefoon01 || c.telefoon02) {
      x.open(p, "Telefoon");
      if (c.telefoon01) telefoon("Telefoon01", *c.telefoon01);
      if (c.telefoon02) telefoon("Telefoon02", *c.telefoon02);
      x.close(p, "Telefoon");
    }
    opt_text(p, "Emailadres", c.emailadres);
    if (c.periode) {
      x.open(p, "Periode");
      opt_date(kIjw, "Begindatum", c.periode->begindatum);
      opt_date(kIjw, "Einddatum", c.periode->einddatum);
      x.close(p, "Periode");
    }
    x.close(p, "Contact");
  }

  // ---- message frame ----

  void begin(Berichttype t, const Header& h) {
    x.declaration();
    x.open(p, "Bericht", root_attributes(t));
    x.open(p, "Header");
    x.text(p, "BerichtCode", berichtcode(t));
    x.text(p, "BerichtVersie", "3");
    x.text(p, "BerichtSubversie", "2");
    x.text(p, "Afzender", h.afzender);
    x.text(p, "Ontvanger", h.ontvanger);
    x.open(p, "BerichtIdentificatie");
    x.text(kIjw, "Identificatie", h.identificatie);
    x.date(kIjw, "Dagtekening", h.dagtekening);
    x.close(p, "BerichtIdentificatie");
    x.open(p, "XsdVersie");
    x.text(kIjw, "BasisschemaXsdVersie", h.basisschema_xsd_versie);
    x.text(kIjw, "BerichtXsdVersie", h.bericht_xsd_versie);
    x.close(p, "XsdVersie");
    x.close(p, "Header");
  }

  void end() { x.close(p, "Bericht"); }

  template <class M>
  void client_verkort(const M& m) {
    x.text(p, "Bsn", m.bsn);
    geboortedatum(p, "Geboortedatum", m.geboortedatum);
    x.text(p, "Geslacht", m.geslacht);
    verkorte_naam(m.naam);
  }
};

// A generous size estimate, so that one reserve() covers the whole message.
constexpr size_t kFrame = 1400;

void reserve_for(std::string& out, size_t bytes) {
  if (out.capacity() < out.size() + bytes) out.reserve(out.size() + bytes);
}

}  // namespace

void append_xml(const Jw301& m, std::string& out) {
  reserve_for(out, kFrame + 900 * m.relaties.size() + 600 * m.contactgegevens.size() +
                       900 * m.producten.size());
  W w(out, Berichttype::JW301);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW301, m.header);
  x.open(p, "Client");
  x.text(p, "Bsn", m.bsn);
  w.geboortedatum(p, "Geboortedatum", m.geboortedatum);
  x.text(p, "Geslacht", m.geslacht);
  w.volledige_naam(m.naam);
  if (m.communicatie) {
    x.open(p, "Communicatie");
    x.text(kIjw, "Vorm", m.communicatie->vorm);
    w.opt_text(kIjw, "Taal", m.communicatie->taal);
    x.close(p, "Communicatie");
  }
  w.opt_text(p, "JuridischeStatus", m.juridische_status);
  w.opt_text(p, "WettelijkeVertegenwoordiging", m.wettelijke_vertegenwoordiging);
  w.opt_text(p, "Commentaar", m.commentaar);
  if (!m.relaties.empty()) {
    x.open(p, "Relaties");
    for (const Relatie& r : m.relaties) {
      x.open(p, "Relatie");
      x.text(p, "Nummer", r.nummer);
      if (r.volgorde) x.integer(p, "Volgorde", *r.volgorde);
      x.text(p, "Soort", r.soort);
      if (r.geboortedatum) w.geboortedatum(p, "Geboortedatum", *r.geboortedatum);
      w.opt_text(p, "Geslacht", r.geslacht);
      w.volledige_naam(r.naam);
      w.contact(r.contact);
      x.close(p, "Relatie");
    }
    x.close(p, "Relaties");
  }
  x.open(p, "Contactgegevens");
  for (const Contact& c : m.contactgegevens) w.contact(c);
  x.close(p, "Contactgegevens");
  x.open(p, "ToegewezenProducten");
  for (const ToegewezenProduct& t : m.producten) {
    x.open(p, "ToegewezenProduct");
    x.integer(p, "ToewijzingNummer", t.toewijzing_nummer);
    w.opt_text(p, "ReferentieAanbieder", t.referentie_aanbieder);
    w.product(t.product);
    x.date(p, "Toewijzingsdatum", t.toewijzingsdatum);
    x.text(p, "Toewijzingstijd", t.toewijzingstijd);
    x.date(p, "Ingangsdatum", t.ingangsdatum);
    w.opt_date(p, "Einddatum", t.einddatum);
    w.opt_text(p, "RedenWijziging", t.reden_wijziging);
    w.omvang(t.omvang);
    w.opt_int(p, "Budget", t.budget);
    w.opt_text(p, "Commentaar", t.commentaar);
    x.close(p, "ToegewezenProduct");
  }
  x.close(p, "ToegewezenProducten");
  x.close(p, "Client");
  w.end();
}

void append_xml(const Jw305& m, std::string& out) {
  reserve_for(out, kFrame + 600 * m.producten.size());
  W w(out, Berichttype::JW305);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW305, m.header);
  x.open(p, "Client");
  w.client_verkort(m);
  x.open(p, "StartProducten");
  for (const StartProduct& s : m.producten) {
    x.open(p, "StartProduct");
    w.opt_int(p, "ToewijzingNummer", s.toewijzing_nummer);
    w.product(s.product);
    w.opt_date(p, "ToewijzingIngangsdatum", s.toewijzing_ingangsdatum);
    x.date(p, "Begindatum", s.begindatum);
    x.text(p, "StatusAanlevering", s.status_aanlevering);
    x.close(p, "StartProduct");
  }
  x.close(p, "StartProducten");
  x.close(p, "Client");
  w.end();
}

void append_xml(const Jw307& m, std::string& out) {
  reserve_for(out, kFrame + 700 * m.producten.size());
  W w(out, Berichttype::JW307);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW307, m.header);
  x.open(p, "Client");
  w.client_verkort(m);
  x.open(p, "StopProducten");
  for (const StopProduct& s : m.producten) {
    x.open(p, "StopProduct");
    w.opt_int(p, "ToewijzingNummer", s.toewijzing_nummer);
    w.product(s.product);
    w.opt_date(p, "ToewijzingIngangsdatum", s.toewijzing_ingangsdatum);
    x.date(p, "Begindatum", s.begindatum);
    x.text(p, "RedenBeeindiging", s.reden_beeindiging);
    x.date(p, "Einddatum", s.einddatum);
    x.text(p, "StatusAanlevering", s.status_aanlevering);
    x.close(p, "StopProduct");
  }
  x.close(p, "StopProducten");
  x.close(p, "Client");
  w.end();
}

void append_xml(const Jw315& m, std::string& out) {
  reserve_for(out, kFrame + 1100 * m.producten.size());
  W w(out, Berichttype::JW315);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW315, m.header);
  x.open(p, "Client");
  w.client_verkort(m);
  w.opt_text(p, "GezagsdragerBekend", m.gezagsdrager_bekend);
  w.opt_text(p, "Commentaar", m.commentaar);
  x.open(p, "AangevraagdeProducten");
  for (const AangevraagdProduct& a : m.producten) {
    x.open(p, "AangevraagdProduct");
    x.text(p, "ReferentieAanbieder", a.referentie_aanbieder);
    w.opt_int(p, "BeschikkingNummer", a.beschikking_nummer);
    w.product(a.product);
    w.opt_date(p, "BeschikkingIngangsdatum", a.beschikking_ingangsdatum);
    x.date(p, "ToewijzingIngangsdatum", a.toewijzing_ingangsdatum);
    w.opt_date(p, "ToewijzingEinddatum", a.toewijzing_einddatum);
    w.omvang(a.omvang);
    w.opt_int(p, "Budget", a.budget);
    x.open(p, "Verwijzer");
    x.text(kIjw, "Type", a.verwijzer.type);
    w.opt_text(kIjw, "Naam", a.verwijzer.naam);
    w.opt_text(kIjw, "ZorgverlenerCode", a.verwijzer.zorgverlener_code);
    x.close(p, "Verwijzer");
    w.opt_text(p, "Raamcontract", a.raamcontract);
    w.opt_text(p, "Commentaar", a.commentaar);
    x.close(p, "AangevraagdProduct");
  }
  x.close(p, "AangevraagdeProducten");
  x.close(p, "Client");
  w.end();
}

void append_xml(const Jw317& m, std::string& out) {
  reserve_for(out,
              kFrame + 120 * m.ongewijzigd.size() + 600 * (m.te_wijzigen.size() + m.nieuw.size()));
  W w(out, Berichttype::JW317);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW317, m.header);
  x.open(p, "Client");
  x.text(p, "Bsn", m.bsn);
  x.open(p, "Verzoek");
  x.text(p, "ReferentieAanbieder", m.referentie_aanbieder);
  x.text(p, "RedenVerzoek", m.reden_verzoek);
  if (!m.ongewijzigd.empty()) {
    x.open(p, "OngewijzigdeProducten");
    for (int64_t nummer : m.ongewijzigd) {
      x.open(p, "OngewijzigdProduct");
      x.integer(p, "ToewijzingNummer", nummer);
      x.close(p, "OngewijzigdProduct");
    }
    x.close(p, "OngewijzigdeProducten");
  }
  if (!m.te_wijzigen.empty()) {
    x.open(p, "TeWijzigenProducten");
    for (const TeWijzigenProduct& t : m.te_wijzigen) {
      x.open(p, "TeWijzigenProduct");
      x.integer(p, "ToewijzingNummer", t.toewijzing_nummer);
      x.date(p, "GewensteIngangsdatum", t.gewenste_ingangsdatum);
      w.opt_date(p, "Einddatum", t.einddatum);
      w.omvang(t.omvang);
      w.opt_int(p, "Budget", t.budget);
      x.close(p, "TeWijzigenProduct");
    }
    x.close(p, "TeWijzigenProducten");
  }
  if (!m.nieuw.empty()) {
    x.open(p, "NieuweProducten");
    for (const NieuwProduct& n : m.nieuw) {
      x.open(p, "NieuwProduct");
      w.product(n.product);
      x.date(p, "GewensteIngangsdatum", n.gewenste_ingangsdatum);
      w.opt_date(p, "Einddatum", n.einddatum);
      w.omvang(n.omvang);
      w.opt_int(p, "Budget", n.budget);
      x.close(p, "NieuwProduct");
    }
    x.close(p, "NieuweProducten");
  }
  x.close(p, "Verzoek");
  x.close(p, "Client");
  w.end();
}

void append_xml(const Jw323& m, std::string& out) {
  size_t prestaties = 0;
  for (const auto& c : m.clienten) prestaties += c.prestaties.size();
  reserve_for(out, kFrame + 200 * m.clienten.size() + 1000 * prestaties);
  W w(out, Berichttype::JW323);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW323, m.header);
  x.open(p, "Declaratie");
  x.text(p, "DeclaratieNummer", m.declaratie_nummer);
  w.periode("DeclaratiePeriode", m.declaratie_periode);
  x.date(p, "DeclaratieDagtekening", m.declaratie_dagtekening);
  w.bedrag("TotaalIngediendBedrag", "TotaalBedrag", m.totaal_ingediend_bedrag);
  x.open(p, "Clienten");
  for (const DeclaratieClient& c : m.clienten) {
    x.open(p, "Client");
    x.text(p, "Bsn", c.bsn);
    x.open(p, "Prestaties");
    for (const Prestatie& pr : c.prestaties) {
      x.open(p, "Prestatie");
      x.open(p, "ProductReferentie");
      x.text(kIjw, "ReferentieNummer", pr.referentie_nummer);
      w.opt_text(kIjw, "VorigReferentieNummer", pr.vorig_referentie_nummer);
      x.close(p, "ProductReferentie");
      x.integer(p, "ToewijzingNummer", pr.toewijzing_nummer);
      x.text(p, "ProductCategorie", pr.product_categorie);
      x.text(p, "ProductCode", pr.product_code);
      w.periode("ProductPeriode", pr.product_periode);
      x.integer(p, "GeleverdVolume", pr.geleverd_volume);
      x.text(p, "Eenheid", pr.eenheid);
      w.opt_int(p, "ProductTarief", pr.product_tarief);
      w.bedrag("IngediendBedrag", "Bedrag", pr.ingediend_bedrag);
      x.close(p, "Prestatie");
    }
    x.close(p, "Prestaties");
    x.close(p, "Client");
  }
  x.close(p, "Clienten");
  x.close(p, "Declaratie");
  w.end();
}

void append_xml(const Bericht& m, std::string& out) {
  std::visit([&out](const auto& b) { append_xml(b, out); }, m);
}

std::string write_xml(const Jw301& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw305& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw307& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw315& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw317& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw323& m) {
  std::string s;
  append_xml(m, s);
  return s;
}
std::string write_xml(const Jw319& m) {
  std::string s;
  reserve_for(s, kFrame);
  W w(s, Berichttype::JW319);
  auto& x = w.x;
  const auto p = w.p;
  w.begin(Berichttype::JW319, m.header);
  x.open(p, "Antwoord");
  x.text(p, "ReferentieAanbieder", m.referentie_aanbieder);
  x.text(p, "VerzoekAntwoord", m.verzoek_antwoord);
  w.opt_text(p, "RedenAfwijzingVerzoek", m.reden_afwijzing);
  if (m.woonplaatsbeginsel) {
    x.open(p, "Woonplaatsbeginsel");
    x.text(p, "Gemeente", *m.woonplaatsbeginsel);
    x.close(p, "Woonplaatsbeginsel");
  }
  x.close(p, "Antwoord");
  w.end();
  return s;
}
std::string write_xml(const Bericht& m) {
  std::string s;
  append_xml(m, s);
  return s;
}

}  // namespace jr::ijw
