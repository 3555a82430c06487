// In-message rules on the messages without a typed struct: JW319 (antwoord op verzoek) and
// JW325 (declaratie-antwoord). Walks the libxml2 tree once by
// children (no XPath); the document is XSD-valid, so required elements exist and dates and
// numbers are well-formed.
#include <charconv>
#include <cstring>
#include <deque>
#include <string>

#include "ijw/rules_common.h"
#include "ijw/xml.h"

namespace jr::ijw::rules {
namespace {

const xmlNode* next_element(const xmlNode* n) { return first_element(n->next); }

const xmlNode* child(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  for (const xmlNode* c = first_element(n->children); c; c = next_element(c))
    if (local_name(c) == name) return c;
  return nullptr;
}

// Storage for element texts split over several nodes (text around a comment, CDATA); cleared
// at the start of each check, so views stay valid for the whole check of one message.
thread_local std::deque<std::string> t_teksten;

// Text of a leaf element; no copy when it is one text node (the usual case).
std::string_view text(const xmlNode* n) {
  if (!n) return {};
  const xmlNode* c = n->children;
  if (c && !c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
      c->content)
    return std::string_view(reinterpret_cast<const char*>(c->content));
  if (!c) return {};
  std::string s;
  for (; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      s += reinterpret_cast<const char*>(c->content);
  return t_teksten.emplace_back(std::move(s));
}

std::optional<Date> date_of(const xmlNode* n) {
  if (!n) return std::nullopt;
  return Date::parse(text(n));
}

int64_t int_of(const xmlNode* n) {
  auto t = text(n);
  int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

// Containers whose children repeat (maxOccurs unbounded): their children get an index.
bool is_repeating_container(std::string_view n) {
  return n == "OngewijzigdeProducten" || n == "TeWijzigenProducten" || n == "NieuweProducten" ||
         n == "Clienten" || n == "Prestaties" || n == "RetourCodes" || n == "Relaties" ||
         n == "Contactgegevens" || n == "ToegewezenProducten" || n == "StartProducten" ||
         n == "StopProducten" || n == "AangevraagdeProducten";
}

// "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]", without prefixes.
std::string xpath_of(const xmlNode* n) {
  std::vector<std::string> delen;
  for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::string deel(local_name(n));
    const xmlNode* p = n->parent;
    if (p && p->type == XML_ELEMENT_NODE && is_repeating_container(local_name(p))) {
      size_t i = 0;
      for (const xmlNode* s = first_element(p->children); s && s != n; s = next_element(s))
        if (local_name(s) == local_name(n)) ++i;
      deel += idx(i);
    }
    delen.push_back(std::move(deel));
  }
  std::string out;
  for (auto it = delen.rbegin(); it != delen.rend(); ++it) out += "/" + *it;
  return out;
}

std::string xpath_of(const xmlNode* parent, std::string_view missing_child) {
  return xpath_of(parent) + "/" + std::string(missing_child);
}

Date dagtekening_of(const xmlNode* root) {
  auto d = date_of(child(child(child(root, "Header"), "BerichtIdentificatie"), "Dagtekening"));
  return d.value_or(Date());
}

// CS325 on a (Totaal)BedragMetDC element: 0 must be debet.
void check_nul_is_debet(const xmlNode* bedrag_dc, std::string_view bedrag_naam, Out& out) {
  if (!bedrag_dc) return;
  if (int_of(child(bedrag_dc, bedrag_naam)) == 0 && text(child(bedrag_dc, "DebetCredit")) != "D")
    out.add("CS325", xpath_of(bedrag_dc, "DebetCredit"),
            "DebetCredit moet D zijn bij een " + std::string(bedrag_naam) + " van 0");
}

int64_t signed_of(const xmlNode* bedrag_dc, std::string_view bedrag_naam) {
  int64_t v = int_of(child(bedrag_dc, bedrag_naam));
  return text(child(bedrag_dc, "DebetCredit")) == "C" ? -v : v;
}

}  // namespace

// ---------------------------------------------------------------- JW319 antwoord op verzoek
void check_jw319_dom(const xmlDoc* doc, Out& out) {
  t_teksten.clear();
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return;
  if (const xmlNode* a = child(child(root, "Header"), "Afzender"))
    check_gemeentecode(
        text(a), [&] { return xpath_of(a); }, out);
  const xmlNode* antwoord = child(root, "Antwoord");
  if (!antwoord) return;
  const std::string_view verzoek_antwoord = text(child(antwoord, "VerzoekAntwoord"));
  const xmlNode* reden = child(antwoord, "RedenAfwijzingVerzoek");
  const xmlNode* wpb = child(antwoord, "Woonplaatsbeginsel");
  if (verzoek_antwoord == "1" && !reden)
    out.add("CD085", xpath_of(antwoord, "RedenAfwijzingVerzoek"),
            "RedenAfwijzingVerzoek ontbreekt terwijl het verzoek is afgewezen (VerzoekAntwoord 1)");
  if (verzoek_antwoord == "2" && reden)
    out.add("CD086", xpath_of(reden),
            "RedenAfwijzingVerzoek moet leeg zijn bij VerzoekAntwoord 2 (aanvraag in onderzoek)");
  const bool woonplaats = reden && text(reden) == "8";
  if (woonplaats && !wpb)
    out.add("TR377", xpath_of(antwoord, "Woonplaatsbeginsel"),
            "Woonplaatsbeginsel ontbreekt bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel)");
  if (!woonplaats && wpb)
    out.add("TR409", xpath_of(wpb),
            "Woonplaatsbeginsel is alleen toegestaan bij RedenAfwijzingVerzoek 8");
  if (const xmlNode* g = child(wpb, "Gemeente"))
    check_gemeentecode(
        text(g), [&] { return xpath_of(g); }, out);
}

// ---------------------------------------------------------------- JW325 declaratie-antwoord
void check_jw325_dom(const xmlDoc* doc, Out& out) {
  t_teksten.clear();
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return;
  const Date dag = dagtekening_of(root);
  if (const xmlNode* a = child(child(root, "Header"), "Afzender"))
    check_gemeentecode(
        text(a), [&] { return xpath_of(a); }, out);
  const xmlNode* da = child(root, "DeclaratieAntwoord");
  if (!da) return;
  const xmlNode* ingediend = child(da, "TotaalIngediendBedrag");
  const xmlNode* toegekend = child(da, "TotaalToegekendBedrag");
  check_nul_is_debet(ingediend, "TotaalBedrag", out);
  check_nul_is_debet(toegekend, "TotaalBedrag", out);
  int64_t som_afgewezen = 0;
  bool heeft_prestaties = false;
  if (const xmlNode* clienten = child(da, "Clienten")) {
    for (const xmlNode* c = first_element(clienten->children); c; c = next_element(c)) {
      const xmlNode* bsn = child(c, "Bsn");
      check_bsn(
          text(bsn), [&] { return xpath_of(bsn); }, out);
      const xmlNode* prestaties = child(c, "Prestaties");
      if (!prestaties) continue;
      for (const xmlNode* p = first_element(prestaties->children); p; p = next_element(p)) {
        heeft_prestaties = true;
        const xmlNode* ref = child(p, "ProductReferentie");
        const xmlNode* bedrag = child(p, "IngediendBedrag");
        const bool credit = text(child(bedrag, "DebetCredit")) == "C";
        const bool vorig = child(ref, "VorigReferentieNummer") != nullptr;
        if (credit && !vorig)
          out.add("CD060", xpath_of(ref, "VorigReferentieNummer"),
                  "VorigReferentieNummer ontbreekt bij een creditprestatie");
        if (!credit && vorig)
          out.add("CD060", xpath_of(ref, "VorigReferentieNummer"),
                  "VorigReferentieNummer moet leeg zijn bij een debetprestatie");
        check_nul_is_debet(bedrag, "Bedrag", out);
        som_afgewezen += signed_of(bedrag, "Bedrag");
        const xmlNode* periode = child(p, "ProductPeriode");
        auto begin = date_of(child(periode, "Begindatum"));
        auto eind = date_of(child(periode, "Einddatum"));
        if (begin && eind && (*eind < *begin || *eind > dag))
          out.add("TR137", xpath_of(periode, "Einddatum"),
                  "Einddatum " + iso(*eind) + " ligt voor de Begindatum of na de Dagtekening " +
                      iso(dag));
      }
    }
  }
  // TR342: the rejected prestaties explain the difference between submitted and granted.
  // A DeclaratieAntwoord rejected as a whole lists no prestaties and grants 0.
  const int64_t ingediend_c = signed_of(ingediend, "TotaalBedrag");
  const int64_t toegekend_c = signed_of(toegekend, "TotaalBedrag");
  const bool geheel_afgewezen = !heeft_prestaties && toegekend_c == 0;
  if (!geheel_afgewezen && som_afgewezen != ingediend_c - toegekend_c)
    out.add("TR342", xpath_of(toegekend),
            "som van de afgewezen prestaties " + std::to_string(som_afgewezen) +
                " is niet gelijk aan TotaalIngediendBedrag min TotaalToegekendBedrag " +
                std::to_string(ingediend_c - toegekend_c) + " (in centen)");
}

}  // namespace jr::ijw::rules
