// TR101 (regels-ijw-3.2: "Binnen een bericht zijn dubbele regels niet toegestaan"): for every
// message class the logical key, together with the logical keys of the classes above it, is
// unique within the message. One table of the repeating classes and their key elements (the
// elements the iJw 3.2 information model marks "Sleutelelement"), one walk over the document.
//
// Key elements per class (a class that occurs once, such as Client in JW305, has a key too,
// but cannot repeat and so cannot be a duplicate; its key only matters as a parent key):
//   JW301 Relatie: Nummer; Contact: Soort; ToegewezenProduct: ToewijzingNummer
//   JW305 StartProduct: ToewijzingNummer, Product, Begindatum
//   JW307 StopProduct: ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum
//   JW315 AangevraagdProduct: ReferentieAanbieder
//   JW317 OngewijzigdProduct, TeWijzigenProduct: ToewijzingNummer; NieuwProduct: Product,
//         GewensteIngangsdatum
//   JW323, JW325 Client: Bsn; Prestatie: ProductReferentie (under its Client's Bsn)
// An absent optional key element is part of the key as "absent" (IV008: a StartProduct's
// key is ToewijzingNummer, Product and Begindatum; ToewijzingIngangsdatum is not in it, so a
// correction of that date cannot travel in the same message as the removal).
//
// One choice of ours: in JW317 OngewijzigdProduct and TeWijzigenProduct share one key space,
// because both name a current toewijzing by its ToewijzingNummer and a toewijzing cannot be
// both unchanged and changed in one verzoek. JW319 has no repeating class; the retour
// messages are not checked (TR101 lists only JW301 305 307 315 317 323 325).
#include <array>
#include <charconv>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ijw/rules_common.h"
#include "ijw/xml.h"

namespace jr::ijw::rules {
namespace {

// How a key element's value compares: as written (xs:string), as an integer (xs:integer:
// "007" and "7" are the same number), as a date (white space collapsed), or element by
// element (a composite such as Product or ProductReferentie, whose parts are strings).
enum class Vergelijk { tekst, getal, datum, samengesteld };

struct Sleutel {
  std::string_view element;
  Vergelijk soort = Vergelijk::tekst;
};

struct Klasse {
  Berichttype type;
  std::string_view pad;     // below Bericht: "Client/StartProducten/StartProduct"
  std::string_view ruimte;  // classes with the same non-empty ruimte share their keys
  std::array<Sleutel, 5> sleutel;
  size_t aantal;  // used entries of `sleutel`
};

constexpr Sleutel kNummer{"ToewijzingNummer", Vergelijk::getal};
constexpr Sleutel kProduct{"Product", Vergelijk::samengesteld};

constexpr std::array<Klasse, 14> kKlassen = {{
    {Berichttype::JW301, "Client/Relaties/Relatie", "", {{{"Nummer"}}}, 1},
    {Berichttype::JW301, "Client/Contactgegevens/Contact", "", {{{"Soort"}}}, 1},
    {Berichttype::JW301, "Client/ToegewezenProducten/ToegewezenProduct", "", {{kNummer}}, 1},
    {Berichttype::JW305,
     "Client/StartProducten/StartProduct",
     "",
     {{kNummer, kProduct, {"Begindatum", Vergelijk::datum}}},
     3},
    {Berichttype::JW307,
     "Client/StopProducten/StopProduct",
     "",
     {{kNummer,
       kProduct,
       {"Begindatum", Vergelijk::datum},
       {"RedenBeeindiging"},
       {"Einddatum", Vergelijk::datum}}},
     5},
    {Berichttype::JW315,
     "Client/AangevraagdeProducten/AangevraagdProduct",
     "",
     {{{"ReferentieAanbieder"}}},
     1},
    {Berichttype::JW317,
     "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct",
     "toewijzing",
     {{kNummer}},
     1},
    {Berichttype::JW317,
     "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct",
     "toewijzing",
     {{kNummer}},
     1},
    {Berichttype::JW317,
     "Client/Verzoek/NieuweProducten/NieuwProduct",
     "",
     {{kProduct, {"GewensteIngangsdatum", Vergelijk::datum}}},
     2},
    {Berichttype::JW323, "Declaratie/Clienten/Client", "", {{{"Bsn"}}}, 1},
    {Berichttype::JW323,
     "Declaratie/Clienten/Client/Prestaties/Prestatie",
     "",
     {{{"ProductReferentie", Vergelijk::samengesteld}}},
     1},
    {Berichttype::JW325, "DeclaratieAntwoord/Clienten/Client", "", {{{"Bsn"}}}, 1},
    {Berichttype::JW325,
     "DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie",
     "",
     {{{"ProductReferentie", Vergelijk::samengesteld}}},
     1},
    // JW319: Antwoord and Woonplaatsbeginsel occur once; listed so that the table names
    // every type TR101 applies to.
    {Berichttype::JW319, "Antwoord", "", {{{"ReferentieAanbieder"}, {"VerzoekAntwoord"}}}, 2},
}};

std::string_view trim(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

// Text of a leaf element (all its text and CDATA children).
void append_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += reinterpret_cast<const char*>(c->content);
}

// Appends the comparable form of key element `n` to `key`; the parts are separated by
// characters that XML text cannot contain.
void append_waarde(const xmlNode* n, Vergelijk soort, std::string& key) {
  if (soort == Vergelijk::samengesteld) {
    for (const xmlNode* c = first_element(n->children); c; c = first_element(c->next)) {
      key += local_name(c);
      key += '\x02';
      append_text(c, key);
      key += '\x03';
    }
    return;
  }
  std::string tekst;
  append_text(n, tekst);
  if (soort == Vergelijk::tekst) {
    key += tekst;
    return;
  }
  std::string_view t = trim(tekst);
  if (soort == Vergelijk::getal) {
    bool negatief = !t.empty() && t.front() == '-';
    if (!t.empty() && (t.front() == '+' || t.front() == '-')) t.remove_prefix(1);
    while (t.size() > 1 && t.front() == '0') t.remove_prefix(1);
    if (negatief && t != "0") key += '-';
  }
  key += t;
}

// The key of one instance of `k`, after `ouder` (the keys of the classes above it).
std::string sleutel_van(const xmlNode* n, const Klasse& k, std::string_view ouder) {
  std::string key(ouder);
  for (size_t i = 0; i < k.aantal; ++i) {
    const Sleutel& s = k.sleutel[i];
    const xmlNode* c = first_element(n->children);
    while (c && local_name(c) != s.element) c = first_element(c->next);
    key += '\x04';
    if (c)
      append_waarde(c, s.soort, key);
    else
      key += '\x05';  // absent
  }
  return key;
}

// The class of `type` at `pad`, if the table has it.
const Klasse* klasse_op(Berichttype type, std::string_view pad) {
  for (const Klasse& k : kKlassen)
    if (k.type == type && k.pad == pad) return &k;
  return nullptr;
}

// Walks the elements along the path segments of the class `doel` from the root, carrying the
// keys of the classes passed; at the class itself, records each key and reports every later
// instance with a key seen before.
class Loper {
 public:
  Loper(Berichttype type, Out& out) : type_(type), out_(out) {}

  void loop(const xmlNode* root, const Klasse& doel) {
    doel_ = &doel;
    gezien_ =
        &ruimtes_[doel.ruimte.empty() ? std::string(doel.pad) : "#" + std::string(doel.ruimte)];
    stap(root, "", "/Bericht", "", 0);
  }

 private:
  // The first instance with a key: its element name and 1-based position.
  struct Eerste {
    std::string_view naam;
    size_t index;
  };

  void stap(const xmlNode* n, std::string_view pad, const std::string& xpath,
            const std::string& ouder, size_t pos) {
    const std::string_view rest = doel_->pad.substr(pos);
    const size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    const size_t volgende = slash == std::string_view::npos ? doel_->pad.size() : pos + slash + 1;
    const std::string kind_pad =
        pad.empty() ? std::string(segment) : std::string(pad) + "/" + std::string(segment);
    const Klasse* klasse = klasse_op(type_, kind_pad);
    size_t index = 0;
    for (const xmlNode* c = first_element(n->children); c; c = first_element(c->next)) {
      if (local_name(c) != segment) continue;
      const size_t i = index++;
      auto kind_xpath = [&] {
        return xpath + "/" + std::string(segment) + (klasse ? idx(i) : std::string());
      };
      if (klasse == doel_) {
        auto [it, nieuw] =
            gezien_->emplace(sleutel_van(c, *klasse, ouder), Eerste{doel_->pad.substr(pos), i});
        if (!nieuw)
          out_.add("TR101", kind_xpath(),
                   std::string(segment) +
                       " komt dubbel voor in het bericht: dezelfde logische sleutel als " +
                       std::string(it->second.naam) + idx(it->second.index));
        continue;
      }
      stap(c, kind_pad, kind_xpath(), klasse ? sleutel_van(c, *klasse, ouder) : ouder, volgende);
    }
  }

  Berichttype type_;
  Out& out_;
  const Klasse* doel_ = nullptr;
  std::unordered_map<std::string, Eerste>* gezien_ = nullptr;
  std::unordered_map<std::string, std::unordered_map<std::string, Eerste>> ruimtes_;
};

}  // namespace

void check_tr101(Berichttype type, const xmlDoc* doc, Out& out) {
  const xmlNode* root = doc ? xmlDocGetRootElement(const_cast<xmlDoc*>(doc)) : nullptr;
  if (!root) return;
  Loper loper(type, out);
  for (const Klasse& k : kKlassen)
    if (k.type == type) loper.loop(root, k);
}

}  // namespace jr::ijw::rules
