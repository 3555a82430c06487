#include "ijw/retour.h"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "ijw/xml.h"
#include "ijw/xml_out.h"

namespace jr::ijw {
namespace {

constexpr std::string_view kIjw = "ijw";

const xmlNode* child(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && is_element(c, name)) return c;
  return nullptr;
}

std::string child_text(const xmlNode* n, std::string_view name) {
  const xmlNode* c = child(n, name);
  return c ? node_text(c) : std::string();
}

std::string root_attributes(Berichttype t) {
  std::string s = "xmlns:ijw=\"";
  s += kBasisschemaNamespace;
  s += "\" xmlns:";
  s += prefix(t);
  s += "=\"";
  s += namespace_uri(t);
  s += '"';
  return s;
}

void retour_codes(XmlOut& x, std::string_view p, const Codes& codes) {
  x.open(p, "RetourCodes");
  if (codes.empty()) {
    x.text(p, "RetourCode", "0200");
  } else {
    std::vector<std::string_view> seen;
    for (const auto& c : codes) {
      bool dup = false;
      for (auto s : seen) dup = dup || s == c;
      if (dup) continue;
      seen.push_back(c);
      x.text(p, "RetourCode", c);
    }
  }
  x.close(p, "RetourCodes");
}

void xsd_versie_el(XmlOut& x, std::string_view p, std::string_view name, std::string_view basis,
                   std::string_view bericht) {
  x.open(p, name);
  x.text(kIjw, "BasisschemaXsdVersie", basis);
  x.text(kIjw, "BerichtXsdVersie", bericht);
  x.close(p, name);
}

void identificatie_el(XmlOut& x, std::string_view p, std::string_view name, std::string_view id,
                      std::string_view dagtekening) {
  x.open(p, name);
  x.text(kIjw, "Identificatie", id);
  x.text(kIjw, "Dagtekening", dagtekening);
  x.close(p, name);
}

bool is_product_class(std::string_view local) {
  return local == "StartProduct" || local == "StopProduct" || local == "AangevraagdProduct" ||
         local == "ToegewezenProduct" || local == "OngewijzigdProduct" ||
         local == "TeWijzigenProduct" || local == "NieuwProduct";
}

// Classes that carry their own RetourCodes but are judged with their parent (always "0200"
// here): Contact and Relatie of a JW301 in the JW302, Woonplaatsbeginsel of a JW319 in the
// JW320.
bool is_bijklasse(std::string_view local) {
  return local == "Contact" || local == "Relatie" || local == "Woonplaatsbeginsel";
}

bool has_element_children(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return true;
  return false;
}

// Copies element `n` of the received message into the retour, renaming the message
// namespace to the retour's prefix and appending RetourCodes to the Client and each product.
struct Kopie {
  XmlOut& x;
  std::string_view heen_ns;
  std::string_view p;  // retour prefix
  const Oordeel& oordeel;
  size_t product = 0;

  std::string_view pre(const xmlNode* n) const {
    if (n->ns && n->ns->href &&
        std::string_view(reinterpret_cast<const char*>(n->ns->href)) == kBasisschemaNamespace)
      return kIjw;
    return p;
  }

  void copy(const xmlNode* n) {
    std::string_view local(reinterpret_cast<const char*>(n->name));
    std::string_view pr = pre(n);
    if (!has_element_children(n)) {
      x.text(pr, local, node_text(n));
      return;
    }
    x.open(pr, local);
    for (const xmlNode* c = n->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) copy(c);
    if (pr == p && (local == "Client" || local == "Antwoord")) {
      retour_codes(x, p, oordeel.client);
    } else if (pr == p && local == "Verzoek") {
      retour_codes(x, p, oordeel.verzoek);
    } else if (pr == p && is_bijklasse(local)) {
      static const Codes kGeen;
      retour_codes(x, p, kGeen);
    } else if (pr == p && is_product_class(local)) {
      static const Codes kGeen;
      retour_codes(x, p, product < oordeel.producten.size() ? oordeel.producten[product] : kGeen);
      ++product;
    }
    x.close(pr, local);
  }
};

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string between(const std::string& s, std::string_view open, std::string_view close) {
  auto a = s.find(open);
  if (a == std::string::npos) return {};
  a += open.size();
  auto b = s.find(close, a);
  if (b == std::string::npos) return {};
  return s.substr(a, b - a);
}

// The header fields of `doc`: as written (`eigen` false), or as the retour's own (afzender and
// ontvanger swapped, the ...Retour fields).
HeenKop kop_van(const xmlDoc* doc, bool eigen) {
  HeenKop k;
  const xmlNode* root = doc ? xmlDocGetRootElement(const_cast<xmlDoc*>(doc)) : nullptr;
  const xmlNode* h = child(root, "Header");
  if (!h) return k;
  k.afzender = child_text(h, eigen ? "Ontvanger" : "Afzender");
  k.ontvanger = child_text(h, eigen ? "Afzender" : "Ontvanger");
  const xmlNode* bi = eigen ? h : child(h, "BerichtIdentificatie");
  k.identificatie = child_text(bi, eigen ? "IdentificatieRetour" : "Identificatie");
  k.dagtekening = child_text(bi, eigen ? "DagtekeningRetour" : "Dagtekening");
  const xmlNode* xv = child(h, eigen ? "XsdVersieRetour" : "XsdVersie");
  k.basisschema_xsd_versie = child_text(xv, "BasisschemaXsdVersie");
  k.bericht_xsd_versie = child_text(xv, "BerichtXsdVersie");
  return k;
}

}  // namespace

HeenKop lees_kop(const xmlDoc* doc) { return kop_van(doc, false); }

bool herhaalt_heenkop(Berichttype t) {
  switch (t) {
    case Berichttype::JW302:
    case Berichttype::JW306:
    case Berichttype::JW308:
    case Berichttype::JW316:
    case Berichttype::JW318:
    case Berichttype::JW320:
      return true;
    default:
      return false;
  }
}

HeenKop lees_retour_kop(const xmlDoc* doc) { return kop_van(doc, true); }

XsdVersie xsd_versie(const std::filesystem::path& dir, Berichttype type) {
  static std::mutex mu;
  static std::map<std::pair<std::string, Berichttype>, XsdVersie> cache;
  std::lock_guard lock(mu);
  auto key = std::make_pair(dir.string(), type);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::string text = read_text(dir / "xsd" / (std::string(naam(type)) + ".xsd"));
  XsdVersie v;
  if (auto b = between(text, "<ijw:BasisschemaXsdVersie>", "<"); !b.empty()) v.basisschema = b;
  if (auto b = between(text, "<ijw:BerichtXsdVersie>", "<"); !b.empty()) v.bericht = b;
  cache.emplace(key, v);
  return v;
}

Result<std::string> bouw_retour(Berichttype heen, const xmlDoc* doc, const Oordeel& oordeel,
                                const RetourGegevens& r) {
  auto terug = retour_van(heen);
  if (!terug ||
      (heen != Berichttype::JW301 && heen != Berichttype::JW305 && heen != Berichttype::JW307 &&
       heen != Berichttype::JW315 && heen != Berichttype::JW317 && heen != Berichttype::JW319))
    return InvalidArgument(std::string("geen retourbericht voor ") + std::string(naam(heen)));
  const xmlNode* root = doc ? xmlDocGetRootElement(const_cast<xmlDoc*>(doc)) : nullptr;
  if (!root || !is_element(root, "Bericht") || !child(root, "Header"))
    return InvalidArgument("bericht zonder Header: geen retour mogelijk");
  HeenKop k = lees_kop(doc);
  std::string out;
  out.reserve(4096);
  XmlOut x(out);
  std::string_view p = prefix(*terug);
  x.declaration();
  x.open(p, "Bericht", root_attributes(*terug));
  x.open(p, "Header");
  x.text(p, "BerichtCode", berichtcode(*terug));
  x.text(p, "BerichtVersie", "3");
  x.text(p, "BerichtSubversie", "2");
  x.text(p, "Afzender", k.afzender);
  x.text(p, "Ontvanger", k.ontvanger);
  identificatie_el(x, p, "BerichtIdentificatie", k.identificatie, k.dagtekening);
  xsd_versie_el(x, p, "XsdVersie", k.basisschema_xsd_versie, k.bericht_xsd_versie);
  x.text(p, "IdentificatieRetour", r.identificatie);
  x.date(p, "DagtekeningRetour", r.dagtekening);
  xsd_versie_el(x, p, "XsdVersieRetour", r.xsd.basisschema, r.xsd.bericht);
  retour_codes(x, p, oordeel.header);
  x.close(p, "Header");
  if (!oordeel.alleen_header) {
    const char* body = heen == Berichttype::JW319 ? "Antwoord" : "Client";
    if (const xmlNode* client = child(root, body)) {
      std::string heen_ns = namespace_uri(heen);
      Kopie kopie{x, heen_ns, p, oordeel};
      kopie.copy(client);
    }
  }
  x.close(p, "Bericht");
  return out;
}

namespace {

void jw325_kop(XmlOut& x, std::string_view afzender, std::string_view ontvanger,
               std::string_view heen_id, std::string_view heen_dag, std::string_view heen_basis,
               std::string_view heen_bericht, const Codes& codes, const RetourGegevens& r) {
  constexpr std::string_view p = "jw325";
  x.open(p, "Header");
  x.text(p, "BerichtCode", berichtcode(Berichttype::JW325));
  x.text(p, "BerichtVersie", "3");
  x.text(p, "BerichtSubversie", "2");
  x.text(p, "Afzender", afzender);
  x.text(p, "Ontvanger", ontvanger);
  x.open(p, "BerichtIdentificatie");
  x.text(kIjw, "Identificatie", r.identificatie);
  x.date(kIjw, "Dagtekening", r.dagtekening);
  x.close(p, "BerichtIdentificatie");
  xsd_versie_el(x, p, "XsdVersie", r.xsd.basisschema, r.xsd.bericht);
  identificatie_el(x, p, "DeclaratieIdentificatie", heen_id, heen_dag);
  xsd_versie_el(x, p, "XsdVersieDeclaratie", heen_basis, heen_bericht);
  retour_codes(x, p, codes);
  x.close(p, "Header");
}

void bedrag_dc(XmlOut& x, std::string_view name, std::string_view bedrag_el, int64_t signed_cents) {
  constexpr std::string_view p = "jw325";
  x.open(p, name);
  x.integer(kIjw, bedrag_el, signed_cents < 0 ? -signed_cents : signed_cents);
  x.text(kIjw, "DebetCredit", signed_cents < 0 ? "C" : "D");
  x.close(p, name);
}

}  // namespace

std::string bouw_jw325(const Jw323& heen, const DeclaratieOordeel& o, const RetourGegevens& r) {
  constexpr std::string_view p = "jw325";
  std::string out;
  out.reserve(2048 + o.afgekeurd.size() * 1024);
  XmlOut x(out);
  x.declaration();
  x.open(p, "Bericht", root_attributes(Berichttype::JW325));
  jw325_kop(x, heen.header.ontvanger, heen.header.afzender, heen.header.identificatie,
            heen.header.dagtekening.iso(), heen.header.basisschema_xsd_versie,
            heen.header.bericht_xsd_versie, o.header, r);
  x.open(p, "DeclaratieAntwoord");
  x.text(p, "DeclaratieNummer", heen.declaratie_nummer);
  bedrag_dc(x, "TotaalIngediendBedrag", "TotaalBedrag",
            heen.totaal_ingediend_bedrag.signed_cents());
  bedrag_dc(x, "TotaalToegekendBedrag", "TotaalBedrag", o.toegekend);
  if (!o.afgekeurd.empty()) {
    x.open(p, "Clienten");
    size_t i = 0;
    while (i < o.afgekeurd.size()) {
      size_t ci = o.afgekeurd[i].client;
      const DeclaratieClient& c = heen.clienten.at(ci);
      x.open(p, "Client");
      x.text(p, "Bsn", c.bsn);
      x.open(p, "Prestaties");
      for (; i < o.afgekeurd.size() && o.afgekeurd[i].client == ci; ++i) {
        const Prestatie& pr = c.prestaties.at(o.afgekeurd[i].prestatie);
        x.open(p, "Prestatie");
        x.open(p, "ProductReferentie");
        x.text(kIjw, "ReferentieNummer", pr.referentie_nummer);
        if (pr.vorig_referentie_nummer)
          x.text(kIjw, "VorigReferentieNummer", *pr.vorig_referentie_nummer);
        x.close(p, "ProductReferentie");
        x.integer(p, "ToewijzingNummer", pr.toewijzing_nummer);
        x.text(p, "ProductCategorie", pr.product_categorie);
        x.text(p, "ProductCode", pr.product_code);
        x.open(p, "ProductPeriode");
        x.date(kIjw, "Begindatum", pr.product_periode.begindatum);
        x.date(kIjw, "Einddatum", pr.product_periode.einddatum);
        x.close(p, "ProductPeriode");
        x.integer(p, "GeleverdVolume", pr.geleverd_volume);
        x.text(p, "Eenheid", pr.eenheid);
        if (pr.product_tarief) x.integer(p, "ProductTarief", *pr.product_tarief);
        x.open(p, "IngediendBedrag");
        x.integer(kIjw, "Bedrag", pr.ingediend_bedrag.bedrag);
        x.text(kIjw, "DebetCredit", pr.ingediend_bedrag.debet_credit);
        x.close(p, "IngediendBedrag");
        retour_codes(x, p, o.afgekeurd[i].codes);
        x.close(p, "Prestatie");
      }
      x.close(p, "Prestaties");
      retour_codes(x, p, {});
      x.close(p, "Client");
    }
    x.close(p, "Clienten");
  }
  retour_codes(x, p, o.declaratie);
  x.close(p, "DeclaratieAntwoord");
  x.close(p, "Bericht");
  return out;
}

std::string bouw_jw325_kop(const HeenKop& heen, const Codes& codes, const RetourGegevens& r) {
  constexpr std::string_view p = "jw325";
  std::string out;
  XmlOut x(out);
  x.declaration();
  x.open(p, "Bericht", root_attributes(Berichttype::JW325));
  jw325_kop(x, heen.ontvanger, heen.afzender, heen.identificatie, heen.dagtekening,
            heen.basisschema_xsd_versie, heen.bericht_xsd_versie, codes, r);
  x.close(p, "Bericht");
  return out;
}

}  // namespace jr::ijw
