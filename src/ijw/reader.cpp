#include "ijw/reader.h"

#include <charconv>
#include <cstring>
#include <limits>

#include "ijw/xml.h"

namespace jr::ijw {

std::optional<Berichttype> detect_berichttype(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
  if (!is_element(root, "Bericht") || root->ns == nullptr || root->ns->href == nullptr)
    return std::nullopt;
  return berichttype_from_namespace(reinterpret_cast<const char*>(root->ns->href));
}

namespace {

// The reader walks the children of each element in XSD sequence order: one name
// comparison per element, no XPath, no copies except into the struct's own strings.
// Error messages name elements only, never values (values may be person data).

const char* local_name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

const xmlNode* element_from(const xmlNode* n) {
  while (n != nullptr && n->type != XML_ELEMENT_NODE) n = n->next;
  return n;
}

Status missing(const xmlNode* parent, const char* name) {
  std::string m = "verplicht element ontbreekt: ";
  m += local_name(parent);
  m += '/';
  m += name;
  return InvalidArgument(std::move(m));
}

Status invalid_value(const xmlNode* n, const char* what) {
  std::string m = "ongeldige waarde in ";
  if (n->parent != nullptr && n->parent->type == XML_ELEMENT_NODE) {
    m += local_name(n->parent);
    m += '/';
  }
  m += local_name(n);
  m += " (";
  m += what;
  m += ')';
  return InvalidArgument(std::move(m));
}

// Cursor over the element children of one element, in document order.
class Kids {
 public:
  explicit Kids(const xmlNode* parent) : parent_(parent), cur_(element_from(parent->children)) {}

  // The next child if it is named `name` (consumed), else nullptr.
  const xmlNode* opt(const char* name) {
    if (cur_ == nullptr || std::strcmp(local_name(cur_), name) != 0) return nullptr;
    const xmlNode* n = cur_;
    cur_ = element_from(cur_->next);
    return n;
  }
  Status req(const char* name, const xmlNode*& out) {
    out = opt(name);
    return out != nullptr ? Status() : missing(parent_, name);
  }
  // Skips the next child if it is named `name` (fixed values the XSD already checked).
  void skip(const char* name) { (void)opt(name); }
  // Everything consumed: an element left over is not in the XSD sequence.
  Status end() const {
    if (cur_ == nullptr) return Status();
    std::string m = "onverwacht element ";
    m += local_name(cur_);
    m += " in ";
    m += local_name(parent_);
    return InvalidArgument(std::move(m));
  }
  const xmlNode* parent() const { return parent_; }

 private:
  const xmlNode* parent_;
  const xmlNode* cur_;
};

// Text content as a view into the DOM. libxml2 merges adjacent text and CDATA (NOCDATA), so
// one text child is the rule; only comments or processing instructions split it, and then
// the pieces are joined in a per-thread scratch buffer.
std::string_view text_of(const xmlNode* n) {
  const xmlNode* c = n->children;
  if (c == nullptr) return {};
  if (c->next == nullptr && c->type == XML_TEXT_NODE)
    return c->content ? std::string_view(reinterpret_cast<const char*>(c->content))
                      : std::string_view();
  thread_local std::string scratch;
  scratch.clear();
  for (; c != nullptr; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      scratch += reinterpret_cast<const char*>(c->content);
  return scratch;
}

// xs:integer, xs:date and xs:time collapse white space before their lexical check.
std::string_view collapse(std::string_view s) {
  auto ws = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

Status read_string(const xmlNode* n, std::string& out) {
  std::string_view t = text_of(n);
  out.assign(t.data(), t.size());
  return Status();
}

Status read_integer(const xmlNode* n, int64_t& out) {
  std::string_view t = collapse(text_of(n));
  bool negative = false;
  if (!t.empty() && (t.front() == '+' || t.front() == '-')) {
    negative = t.front() == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) return invalid_value(n, "geen geheel getal");
  for (char ch : t)
    if (ch < '0' || ch > '9') return invalid_value(n, "geen geheel getal");
  uint64_t v = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc{} || v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return invalid_value(n, "getal te groot");
  out = negative ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
  return Status();
}

Status read_int(const xmlNode* n, int& out) {
  int64_t v = 0;
  JR_RETURN_IF_ERROR(read_integer(n, v));
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    return invalid_value(n, "getal te groot");
  out = static_cast<int>(v);
  return Status();
}

Status read_date(const xmlNode* n, Date& out) {
  auto d = Date::parse(collapse(text_of(n)));
  if (!d) return invalid_value(n, "geen bestaande datum JJJJ-MM-DD");
  out = *d;
  return Status();
}

Status read_time(const xmlNode* n, std::string& out) {
  std::string_view t = collapse(text_of(n));
  out.assign(t.data(), t.size());
  return Status();
}

// ---- required / optional children of simple type ----

template <class T>
using Reader = Status (*)(const xmlNode*, T&);

template <class T>
Status req(Kids& k, const char* name, T& out, Reader<T> fn) {
  const xmlNode* n = nullptr;
  JR_RETURN_IF_ERROR(k.req(name, n));
  return fn(n, out);
}

template <class T>
Status opt(Kids& k, const char* name, std::optional<T>& out, Reader<T> fn) {
  const xmlNode* n = k.opt(name);
  if (n == nullptr) {
    out.reset();
    return Status();
  }
  return fn(n, out.emplace());
}

Status req_str(Kids& k, const char* name, std::string& out) {
  return req<std::string>(k, name, out, read_string);
}
Status opt_str(Kids& k, const char* name, std::optional<std::string>& out) {
  return opt<std::string>(k, name, out, read_string);
}
Status req_int(Kids& k, const char* name, int64_t& out) {
  return req<int64_t>(k, name, out, read_integer);
}
Status opt_int(Kids& k, const char* name, std::optional<int64_t>& out) {
  return opt<int64_t>(k, name, out, read_integer);
}
Status req_date(Kids& k, const char* name, Date& out) { return req<Date>(k, name, out, read_date); }
Status opt_date(Kids& k, const char* name, std::optional<Date>& out) {
  return opt<Date>(k, name, out, read_date);
}

// ---- basisschema composite types (CDT_*) ----

Status read_geboortedatum(const xmlNode* n, Geboortedatum& g) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_date(k, "Datum", g.datum));
  JR_RETURN_IF_ERROR(opt_str(k, "DatumGebruik", g.datum_gebruik));
  return k.end();
}

Status read_achternaam(const xmlNode* n, Achternaam& a) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Achternaam", a.achternaam));
  JR_RETURN_IF_ERROR(opt_str(k, "Voorvoegsel", a.voorvoegsel));
  return k.end();
}

Status read_verkorte_naam(const xmlNode* n, VerkorteNaam& v) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req<Achternaam>(k, "Geslachtsnaam", v.geslachtsnaam, read_achternaam));
  JR_RETURN_IF_ERROR(opt_str(k, "Voornamen", v.voornamen));
  JR_RETURN_IF_ERROR(opt_str(k, "Voorletters", v.voorletters));
  return k.end();
}

Status read_volledige_naam(const xmlNode* n, VolledigeNaam& v) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req<Achternaam>(k, "Geslachtsnaam", v.geslachtsnaam, read_achternaam));
  JR_RETURN_IF_ERROR(opt<Achternaam>(k, "Partnernaam", v.partnernaam, read_achternaam));
  JR_RETURN_IF_ERROR(opt_str(k, "Voornamen", v.voornamen));
  JR_RETURN_IF_ERROR(opt_str(k, "Voorletters", v.voorletters));
  JR_RETURN_IF_ERROR(req_str(k, "NaamGebruik", v.naam_gebruik));
  return k.end();
}

Status read_product(const xmlNode* n, Product& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Categorie", p.categorie));
  JR_RETURN_IF_ERROR(opt_str(k, "Code", p.code));
  return k.end();
}

Status read_omvang(const xmlNode* n, Omvang& o) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "Volume", o.volume));
  JR_RETURN_IF_ERROR(req_str(k, "Eenheid", o.eenheid));
  JR_RETURN_IF_ERROR(req_str(k, "Frequentie", o.frequentie));
  return k.end();
}

Status read_verwijzer(const xmlNode* n, Verwijzer& v) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Type", v.type));
  JR_RETURN_IF_ERROR(opt_str(k, "Naam", v.naam));
  JR_RETURN_IF_ERROR(opt_str(k, "ZorgverlenerCode", v.zorgverlener_code));
  return k.end();
}

Status read_periode(const xmlNode* n, Periode& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_date(k, "Begindatum", p.begindatum));
  JR_RETURN_IF_ERROR(req_date(k, "Einddatum", p.einddatum));
  return k.end();
}

Status read_open_periode(const xmlNode* n, OpenPeriode& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(opt_date(k, "Begindatum", p.begindatum));
  JR_RETURN_IF_ERROR(opt_date(k, "Einddatum", p.einddatum));
  return k.end();
}

Status read_bedrag_dc(const xmlNode* n, BedragMetDC& b) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "Bedrag", b.bedrag));
  JR_RETURN_IF_ERROR(req_str(k, "DebetCredit", b.debet_credit));
  return k.end();
}

Status read_totaal_bedrag_dc(const xmlNode* n, BedragMetDC& b) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "TotaalBedrag", b.bedrag));
  JR_RETURN_IF_ERROR(req_str(k, "DebetCredit", b.debet_credit));
  return k.end();
}

Status read_huis(const xmlNode* n, Huis& h) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "Huisnummer", h.huisnummer));
  JR_RETURN_IF_ERROR(opt_str(k, "Huisletter", h.huisletter));
  JR_RETURN_IF_ERROR(opt_str(k, "HuisnummerToevoeging", h.toevoeging));
  JR_RETURN_IF_ERROR(opt_str(k, "AanduidingWoonadres", h.aanduiding_woonadres));
  return k.end();
}

Status read_adres(const xmlNode* n, Adres& a) {
  Kids k(n);
  JR_RETURN_IF_ERROR(opt<Huis>(k, "Huis", a.huis, read_huis));
  JR_RETURN_IF_ERROR(opt_str(k, "Postcode", a.postcode));
  JR_RETURN_IF_ERROR(opt_str(k, "Straatnaam", a.straatnaam));
  JR_RETURN_IF_ERROR(opt_str(k, "Plaatsnaam", a.plaatsnaam));
  JR_RETURN_IF_ERROR(opt_str(k, "LandCode", a.land_code));
  return k.end();
}

Status read_telefoon(const xmlNode* n, Telefoon& t) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Telefoonnummer", t.telefoonnummer));
  JR_RETURN_IF_ERROR(req_str(k, "Landnummer", t.landnummer));
  return k.end();
}

Status read_communicatie(const xmlNode* n, Communicatie& c) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Vorm", c.vorm));
  JR_RETURN_IF_ERROR(opt_str(k, "Taal", c.taal));
  return k.end();
}

// ---- message parts ----

Status read_header(const xmlNode* n, Berichttype type, Header& h) {
  Kids k(n);
  h.type = type;
  k.skip("BerichtCode");  // fixed per type by the XSD
  k.skip("BerichtVersie");
  k.skip("BerichtSubversie");
  JR_RETURN_IF_ERROR(req_str(k, "Afzender", h.afzender));
  JR_RETURN_IF_ERROR(req_str(k, "Ontvanger", h.ontvanger));
  const xmlNode* id = nullptr;
  JR_RETURN_IF_ERROR(k.req("BerichtIdentificatie", id));
  {
    Kids ki(id);
    JR_RETURN_IF_ERROR(req_str(ki, "Identificatie", h.identificatie));
    JR_RETURN_IF_ERROR(req_date(ki, "Dagtekening", h.dagtekening));
    JR_RETURN_IF_ERROR(ki.end());
  }
  const xmlNode* xv = nullptr;
  JR_RETURN_IF_ERROR(k.req("XsdVersie", xv));
  {
    Kids kx(xv);
    JR_RETURN_IF_ERROR(req_str(kx, "BasisschemaXsdVersie", h.basisschema_xsd_versie));
    JR_RETURN_IF_ERROR(req_str(kx, "BerichtXsdVersie", h.bericht_xsd_versie));
    JR_RETURN_IF_ERROR(kx.end());
  }
  return k.end();
}

// Telefoon (CDT_Telefoonnummers) is flattened into Contact::telefoon01/02.
Status read_contact(const xmlNode* n, Contact& c) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Soort", c.soort));
  JR_RETURN_IF_ERROR(opt<Adres>(k, "Adres", c.adres, read_adres));
  JR_RETURN_IF_ERROR(opt_str(k, "Organisatie", c.organisatie));
  c.telefoon01.reset();
  c.telefoon02.reset();
  if (const xmlNode* t = k.opt("Telefoon")) {
    Kids kt(t);
    JR_RETURN_IF_ERROR(req<Telefoon>(kt, "Telefoon01", c.telefoon01.emplace(), read_telefoon));
    JR_RETURN_IF_ERROR(opt<Telefoon>(kt, "Telefoon02", c.telefoon02, read_telefoon));
    JR_RETURN_IF_ERROR(kt.end());
  }
  JR_RETURN_IF_ERROR(opt_str(k, "Emailadres", c.emailadres));
  JR_RETURN_IF_ERROR(opt<OpenPeriode>(k, "Periode", c.periode, read_open_periode));
  return k.end();
}

Status read_relatie(const xmlNode* n, Relatie& r) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Nummer", r.nummer));
  JR_RETURN_IF_ERROR(opt<int>(k, "Volgorde", r.volgorde, read_int));
  JR_RETURN_IF_ERROR(req_str(k, "Soort", r.soort));
  JR_RETURN_IF_ERROR(opt<Geboortedatum>(k, "Geboortedatum", r.geboortedatum, read_geboortedatum));
  JR_RETURN_IF_ERROR(opt_str(k, "Geslacht", r.geslacht));
  JR_RETURN_IF_ERROR(req<VolledigeNaam>(k, "Naam", r.naam, read_volledige_naam));
  JR_RETURN_IF_ERROR(req<Contact>(k, "Contact", r.contact, read_contact));
  return k.end();
}

// A list element (<Relaties>, <StartProducten> ...) holding one or more `item` children.
template <class T>
Status read_list(const xmlNode* n, const char* item, std::vector<T>& out, Reader<T> fn) {
  out.clear();
  size_t count = 0;
  for (const xmlNode* c = element_from(n->children); c; c = element_from(c->next)) ++count;
  out.reserve(count);
  Kids k(n);
  while (const xmlNode* c = k.opt(item)) JR_RETURN_IF_ERROR(fn(c, out.emplace_back()));
  if (out.empty()) return missing(n, item);
  return k.end();
}

template <class T>
Status req_list(Kids& k, const char* name, const char* item, std::vector<T>& out, Reader<T> fn) {
  const xmlNode* n = nullptr;
  JR_RETURN_IF_ERROR(k.req(name, n));
  return read_list(n, item, out, fn);
}

Status read_toegewezen_product(const xmlNode* n, ToegewezenProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "ToewijzingNummer", p.toewijzing_nummer));
  JR_RETURN_IF_ERROR(opt_str(k, "ReferentieAanbieder", p.referentie_aanbieder));
  JR_RETURN_IF_ERROR(opt<Product>(k, "Product", p.product, read_product));
  JR_RETURN_IF_ERROR(req_date(k, "Toewijzingsdatum", p.toewijzingsdatum));
  JR_RETURN_IF_ERROR(req<std::string>(k, "Toewijzingstijd", p.toewijzingstijd, read_time));
  JR_RETURN_IF_ERROR(req_date(k, "Ingangsdatum", p.ingangsdatum));
  JR_RETURN_IF_ERROR(opt_date(k, "Einddatum", p.einddatum));
  JR_RETURN_IF_ERROR(opt_str(k, "RedenWijziging", p.reden_wijziging));
  JR_RETURN_IF_ERROR(opt<Omvang>(k, "Omvang", p.omvang, read_omvang));
  JR_RETURN_IF_ERROR(opt_int(k, "Budget", p.budget));
  JR_RETURN_IF_ERROR(opt_str(k, "Commentaar", p.commentaar));
  return k.end();
}

Status read_start_product(const xmlNode* n, StartProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(opt_int(k, "ToewijzingNummer", p.toewijzing_nummer));
  JR_RETURN_IF_ERROR(opt<Product>(k, "Product", p.product, read_product));
  JR_RETURN_IF_ERROR(opt_date(k, "ToewijzingIngangsdatum", p.toewijzing_ingangsdatum));
  JR_RETURN_IF_ERROR(req_date(k, "Begindatum", p.begindatum));
  JR_RETURN_IF_ERROR(req_str(k, "StatusAanlevering", p.status_aanlevering));
  return k.end();
}

Status read_stop_product(const xmlNode* n, StopProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(opt_int(k, "ToewijzingNummer", p.toewijzing_nummer));
  JR_RETURN_IF_ERROR(opt<Product>(k, "Product", p.product, read_product));
  JR_RETURN_IF_ERROR(opt_date(k, "ToewijzingIngangsdatum", p.toewijzing_ingangsdatum));
  JR_RETURN_IF_ERROR(req_date(k, "Begindatum", p.begindatum));
  JR_RETURN_IF_ERROR(req_str(k, "RedenBeeindiging", p.reden_beeindiging));
  JR_RETURN_IF_ERROR(req_date(k, "Einddatum", p.einddatum));
  JR_RETURN_IF_ERROR(req_str(k, "StatusAanlevering", p.status_aanlevering));
  return k.end();
}

Status read_aangevraagd_product(const xmlNode* n, AangevraagdProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "ReferentieAanbieder", p.referentie_aanbieder));
  JR_RETURN_IF_ERROR(opt_int(k, "BeschikkingNummer", p.beschikking_nummer));
  JR_RETURN_IF_ERROR(opt<Product>(k, "Product", p.product, read_product));
  JR_RETURN_IF_ERROR(opt_date(k, "BeschikkingIngangsdatum", p.beschikking_ingangsdatum));
  JR_RETURN_IF_ERROR(req_date(k, "ToewijzingIngangsdatum", p.toewijzing_ingangsdatum));
  JR_RETURN_IF_ERROR(opt_date(k, "ToewijzingEinddatum", p.toewijzing_einddatum));
  JR_RETURN_IF_ERROR(opt<Omvang>(k, "Omvang", p.omvang, read_omvang));
  JR_RETURN_IF_ERROR(opt_int(k, "Budget", p.budget));
  JR_RETURN_IF_ERROR(req<Verwijzer>(k, "Verwijzer", p.verwijzer, read_verwijzer));
  JR_RETURN_IF_ERROR(opt_str(k, "Raamcontract", p.raamcontract));
  JR_RETURN_IF_ERROR(opt_str(k, "Commentaar", p.commentaar));
  return k.end();
}

Status read_prestatie(const xmlNode* n, Prestatie& p) {
  Kids k(n);
  const xmlNode* ref = nullptr;
  JR_RETURN_IF_ERROR(k.req("ProductReferentie", ref));
  {
    Kids kr(ref);
    JR_RETURN_IF_ERROR(req_str(kr, "ReferentieNummer", p.referentie_nummer));
    JR_RETURN_IF_ERROR(opt_str(kr, "VorigReferentieNummer", p.vorig_referentie_nummer));
    JR_RETURN_IF_ERROR(kr.end());
  }
  JR_RETURN_IF_ERROR(req_int(k, "ToewijzingNummer", p.toewijzing_nummer));
  JR_RETURN_IF_ERROR(req_str(k, "ProductCategorie", p.product_categorie));
  JR_RETURN_IF_ERROR(req_str(k, "ProductCode", p.product_code));
  JR_RETURN_IF_ERROR(req<Periode>(k, "ProductPeriode", p.product_periode, read_periode));
  JR_RETURN_IF_ERROR(req_int(k, "GeleverdVolume", p.geleverd_volume));
  JR_RETURN_IF_ERROR(req_str(k, "Eenheid", p.eenheid));
  JR_RETURN_IF_ERROR(opt_int(k, "ProductTarief", p.product_tarief));
  JR_RETURN_IF_ERROR(req<BedragMetDC>(k, "IngediendBedrag", p.ingediend_bedrag, read_bedrag_dc));
  return k.end();
}

Status read_declaratie_client(const xmlNode* n, DeclaratieClient& c) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_str(k, "Bsn", c.bsn));
  JR_RETURN_IF_ERROR(
      req_list<Prestatie>(k, "Prestaties", "Prestatie", c.prestaties, read_prestatie));
  return k.end();
}

// Root <Bericht>: Header, then the body element `body`.
Status open_root(const xmlDoc* doc, Berichttype type, const char* body, Header& h,
                 const xmlNode*& body_node) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
  if (root == nullptr || std::strcmp(local_name(root), "Bericht") != 0)
    return InvalidArgument("hoofdelement is geen Bericht");
  Kids k(root);
  const xmlNode* hn = nullptr;
  JR_RETURN_IF_ERROR(k.req("Header", hn));
  JR_RETURN_IF_ERROR(read_header(hn, type, h));
  JR_RETURN_IF_ERROR(k.req(body, body_node));
  return k.end();
}

// Client of JW305/JW307/JW315: Bsn, Geboortedatum, Geslacht, VerkorteNaam.
template <class M>
Status read_client_verkort(Kids& k, M& m) {
  JR_RETURN_IF_ERROR(req_str(k, "Bsn", m.bsn));
  JR_RETURN_IF_ERROR(req<Geboortedatum>(k, "Geboortedatum", m.geboortedatum, read_geboortedatum));
  JR_RETURN_IF_ERROR(req_str(k, "Geslacht", m.geslacht));
  JR_RETURN_IF_ERROR(req<VerkorteNaam>(k, "Naam", m.naam, read_verkorte_naam));
  return Status();
}

Result<Bericht> read_jw301(const xmlDoc* doc) {
  Jw301 m;
  const xmlNode* cn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW301, "Client", m.header, cn));
  Kids k(cn);
  JR_RETURN_IF_ERROR(req_str(k, "Bsn", m.bsn));
  JR_RETURN_IF_ERROR(req<Geboortedatum>(k, "Geboortedatum", m.geboortedatum, read_geboortedatum));
  JR_RETURN_IF_ERROR(req_str(k, "Geslacht", m.geslacht));
  JR_RETURN_IF_ERROR(req<VolledigeNaam>(k, "Naam", m.naam, read_volledige_naam));
  JR_RETURN_IF_ERROR(opt<Communicatie>(k, "Communicatie", m.communicatie, read_communicatie));
  JR_RETURN_IF_ERROR(opt_str(k, "JuridischeStatus", m.juridische_status));
  JR_RETURN_IF_ERROR(opt_str(k, "WettelijkeVertegenwoordiging", m.wettelijke_vertegenwoordiging));
  JR_RETURN_IF_ERROR(opt_str(k, "Commentaar", m.commentaar));
  if (const xmlNode* r = k.opt("Relaties"))
    JR_RETURN_IF_ERROR(read_list<Relatie>(r, "Relatie", m.relaties, read_relatie));
  JR_RETURN_IF_ERROR(
      req_list<Contact>(k, "Contactgegevens", "Contact", m.contactgegevens, read_contact));
  JR_RETURN_IF_ERROR(req_list<ToegewezenProduct>(k, "ToegewezenProducten", "ToegewezenProduct",
                                                 m.producten, read_toegewezen_product));
  JR_RETURN_IF_ERROR(k.end());
  return Bericht(std::move(m));
}

Result<Bericht> read_jw305(const xmlDoc* doc) {
  Jw305 m;
  const xmlNode* cn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW305, "Client", m.header, cn));
  Kids k(cn);
  JR_RETURN_IF_ERROR(read_client_verkort(k, m));
  JR_RETURN_IF_ERROR(
      req_list<StartProduct>(k, "StartProducten", "StartProduct", m.producten, read_start_product));
  JR_RETURN_IF_ERROR(k.end());
  return Bericht(std::move(m));
}

Result<Bericht> read_jw307(const xmlDoc* doc) {
  Jw307 m;
  const xmlNode* cn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW307, "Client", m.header, cn));
  Kids k(cn);
  JR_RETURN_IF_ERROR(read_client_verkort(k, m));
  JR_RETURN_IF_ERROR(
      req_list<StopProduct>(k, "StopProducten", "StopProduct", m.producten, read_stop_product));
  JR_RETURN_IF_ERROR(k.end());
  return Bericht(std::move(m));
}

Result<Bericht> read_jw315(const xmlDoc* doc) {
  Jw315 m;
  const xmlNode* cn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW315, "Client", m.header, cn));
  Kids k(cn);
  JR_RETURN_IF_ERROR(read_client_verkort(k, m));
  JR_RETURN_IF_ERROR(opt_str(k, "GezagsdragerBekend", m.gezagsdrager_bekend));
  JR_RETURN_IF_ERROR(opt_str(k, "Commentaar", m.commentaar));
  JR_RETURN_IF_ERROR(req_list<AangevraagdProduct>(k, "AangevraagdeProducten", "AangevraagdProduct",
                                                  m.producten, read_aangevraagd_product));
  JR_RETURN_IF_ERROR(k.end());
  return Bericht(std::move(m));
}

Status read_ongewijzigd_product(const xmlNode* n, int64_t& nummer) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "ToewijzingNummer", nummer));
  return k.end();
}

Status read_te_wijzigen_product(const xmlNode* n, TeWijzigenProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(req_int(k, "ToewijzingNummer", p.toewijzing_nummer));
  JR_RETURN_IF_ERROR(req_date(k, "GewensteIngangsdatum", p.gewenste_ingangsdatum));
  JR_RETURN_IF_ERROR(opt_date(k, "Einddatum", p.einddatum));
  JR_RETURN_IF_ERROR(opt<Omvang>(k, "Omvang", p.omvang, read_omvang));
  JR_RETURN_IF_ERROR(opt_int(k, "Budget", p.budget));
  return k.end();
}

Status read_nieuw_product(const xmlNode* n, NieuwProduct& p) {
  Kids k(n);
  JR_RETURN_IF_ERROR(opt<Product>(k, "Product", p.product, read_product));
  JR_RETURN_IF_ERROR(req_date(k, "GewensteIngangsdatum", p.gewenste_ingangsdatum));
  JR_RETURN_IF_ERROR(opt_date(k, "Einddatum", p.einddatum));
  JR_RETURN_IF_ERROR(opt<Omvang>(k, "Omvang", p.omvang, read_omvang));
  JR_RETURN_IF_ERROR(opt_int(k, "Budget", p.budget));
  return k.end();
}

Result<Bericht> read_jw317(const xmlDoc* doc) {
  Jw317 m;
  const xmlNode* cn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW317, "Client", m.header, cn));
  Kids k(cn);
  JR_RETURN_IF_ERROR(req_str(k, "Bsn", m.bsn));
  const xmlNode* vn = nullptr;
  JR_RETURN_IF_ERROR(k.req("Verzoek", vn));
  JR_RETURN_IF_ERROR(k.end());
  Kids kv(vn);
  JR_RETURN_IF_ERROR(req_str(kv, "ReferentieAanbieder", m.referentie_aanbieder));
  JR_RETURN_IF_ERROR(req_str(kv, "RedenVerzoek", m.reden_verzoek));
  if (const xmlNode* o = kv.opt("OngewijzigdeProducten"))
    JR_RETURN_IF_ERROR(
        read_list<int64_t>(o, "OngewijzigdProduct", m.ongewijzigd, read_ongewijzigd_product));
  if (const xmlNode* t = kv.opt("TeWijzigenProducten"))
    JR_RETURN_IF_ERROR(read_list<TeWijzigenProduct>(t, "TeWijzigenProduct", m.te_wijzigen,
                                                    read_te_wijzigen_product));
  if (const xmlNode* n = kv.opt("NieuweProducten"))
    JR_RETURN_IF_ERROR(read_list<NieuwProduct>(n, "NieuwProduct", m.nieuw, read_nieuw_product));
  JR_RETURN_IF_ERROR(kv.end());
  return Bericht(std::move(m));
}

Result<Bericht> read_jw323(const xmlDoc* doc) {
  Jw323 m;
  const xmlNode* dn = nullptr;
  JR_RETURN_IF_ERROR(open_root(doc, Berichttype::JW323, "Declaratie", m.header, dn));
  Kids k(dn);
  JR_RETURN_IF_ERROR(req_str(k, "DeclaratieNummer", m.declaratie_nummer));
  JR_RETURN_IF_ERROR(req<Periode>(k, "DeclaratiePeriode", m.declaratie_periode, read_periode));
  JR_RETURN_IF_ERROR(req_date(k, "DeclaratieDagtekening", m.declaratie_dagtekening));
  JR_RETURN_IF_ERROR(req<BedragMetDC>(k, "TotaalIngediendBedrag", m.totaal_ingediend_bedrag,
                                      read_totaal_bedrag_dc));
  JR_RETURN_IF_ERROR(
      req_list<DeclaratieClient>(k, "Clienten", "Client", m.clienten, read_declaratie_client));
  JR_RETURN_IF_ERROR(k.end());
  return Bericht(std::move(m));
}

}  // namespace

bool heeft_lezer(Berichttype type) {
  switch (type) {
    case Berichttype::JW301:
    case Berichttype::JW305:
    case Berichttype::JW307:
    case Berichttype::JW315:
    case Berichttype::JW317:
    case Berichttype::JW323:
      return true;
    default:
      return false;
  }
}

Result<Bericht> lees_bericht(Berichttype type, const xmlDoc* doc) {
  if (doc == nullptr) return InvalidArgument("geen document");
  switch (type) {
    case Berichttype::JW301:
      return read_jw301(doc);
    case Berichttype::JW305:
      return read_jw305(doc);
    case Berichttype::JW307:
      return read_jw307(doc);
    case Berichttype::JW315:
      return read_jw315(doc);
    case Berichttype::JW317:
      return read_jw317(doc);
    case Berichttype::JW323:
      return read_jw323(doc);
    default:
      return NotFound("geen lezer voor berichttype " + std::string(naam(type)));
  }
}

}  // namespace jr::ijw
