// Internals of the in-message rules (rules.cpp): how a finding is written, and the checks
// that the typed messages (rules_berichten.cpp) and the DOM-walked messages (rules_dom.cpp)
// share. Not part of the public interface; include only from src/ijw/rules*.cpp and tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/date.h"
#include "ijw/finding.h"
#include "ijw/rules.h"

namespace jr::ijw::rules {

// Collects findings. Every rule of "bericht inhoud" level answers 0001; TR378 (a gemeentecode
// checked against the CBS list) answers S300.
class Out {
 public:
  Out(const RuleContext& ctx, Findings& f) : ctx_(ctx), f_(f) {}
  void add(std::string_view regelcode, std::string xpath, std::string melding) {
    f_.push_back(Finding{std::string(regelcode), regelcode == "TR378" ? "S300" : "0001",
                         std::move(xpath), std::move(melding)});
  }
  const RuleContext& ctx() const { return ctx_; }

 private:
  const RuleContext& ctx_;
  Findings& f_;
};

// The xpath of an element, built only when a finding needs it: a fixed text or a callable
// returning std::string. A Pad made from a callable refers to it: use it within the call.
class Pad {
 public:
  Pad(const char* s) : fixed_(s) {}         // NOLINT(google-explicit-constructor)
  Pad(std::string_view s) : fixed_(s) {}    // NOLINT(google-explicit-constructor)
  Pad(const std::string& s) : fixed_(s) {}  // NOLINT(google-explicit-constructor)
  template <class F, class = std::enable_if_t<std::is_invocable_r_v<std::string, const F&>>>
  Pad(const F& f)  // NOLINT(google-explicit-constructor)
      : obj_(&f), fn_([](const void* o) { return (*static_cast<const F*>(o))(); }) {}
  std::string str() const { return fn_ ? fn_(obj_) : std::string(fixed_); }
  std::string operator+(std::string_view suffix) const {
    std::string s = str();
    s += suffix;
    return s;
  }

 private:
  std::string_view fixed_;
  const void* obj_ = nullptr;
  std::string (*fn_)(const void*) = nullptr;
};

// The local name of an element (no prefix); the first element at or after `n` among its
// siblings, or nullptr. For the rules that walk the libxml2 tree.
inline std::string_view local_name(const xmlNode* n) {
  return std::string_view(reinterpret_cast<const char*>(n->name));
}
inline const xmlNode* first_element(const xmlNode* n) {
  for (; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return nullptr;
}

// "[3]" for the 0-based position 2.
std::string idx(size_t i);
// "2026-04-01".
inline std::string iso(Date d) { return d.iso(); }

// The date `years` calendar years before `d` (29 February falls back to 28 February).
Date years_before(Date d, int years);

// TR378: `code` must be a gemeentecode of the CBS list (skipped without codelists).
void check_gemeentecode(std::string_view code, const Pad& xpath, Out& out);
// CS002: the BSN passes the elfproef. The melding never contains the number.
void check_bsn(std::string_view bsn, const Pad& xpath, Out& out);

// One allocated, requested or to-be-changed product as the Omvang/Budget conditions see
// it: JW301 ToegewezenProduct, JW315 AangevraagdProduct, JW317 NieuwProduct and
// TeWijzigenProduct.
struct ProductRegel {
  bool heeft_product = false;  // Product element present (TeWijzigenProduct: never has one)
  bool heeft_code = false;     // Product/Code present
  std::optional<Date> begin;   // Ingangsdatum, ToewijzingIngangsdatum, GewensteIngangsdatum
  std::optional<Date> eind;    // Einddatum, ToewijzingEinddatum
  bool heeft_omvang = false;
  std::string_view eenheid;
  std::string_view frequentie;
  bool heeft_budget = false;
};

// Which rule set and element names apply to a ProductRegel.
struct ProductSoort {
  std::string_view begin_naam;     // "Ingangsdatum"
  std::string_view eind_naam;      // "Einddatum" or "ToewijzingEinddatum"
  bool met_product;                // CD041 / CD079 apply (not to TeWijzigenProduct)
  std::string_view cd_code_leeg;   // CD080 / CD095 / CD096, or empty when not applicable
  std::string_view cs_frequentie;  // CS338 or CS343
};

// CS003, CD041, CD075, CD076, CD077, CD078, CD079, CD080/CD095/CD096, CS338/CS343 for one
// product whose element path is `pad`.
void check_product_regel(const ProductRegel& p, const ProductSoort& soort, const Pad& pad,
                         Out& out);

// A product occurrence for the overlap rules TR302, TR386, TR410.
struct ProductPeriode {
  std::optional<std::string_view> categorie;
  std::optional<std::string_view> code;
  Date begin;
  std::optional<Date> eind;  // open end: no end
  bool telt_mee = true;      // false: removed allocation, ignored (TR302)
};

// For every product that overlaps an earlier one with the same product (code, or category
// when a code is missing; any product when a category is missing), calls
// `report(later, earlier)` once for the later one.
template <class F>
void for_each_overlap(const std::vector<ProductPeriode>& ps, F&& report) {
  for (size_t j = 1; j < ps.size(); ++j) {
    const auto& b = ps[j];
    if (!b.telt_mee) continue;
    for (size_t i = 0; i < j; ++i) {
      const auto& a = ps[i];
      if (!a.telt_mee) continue;
      bool zelfde;
      if (!a.categorie || !b.categorie)
        zelfde = true;
      else if (*a.categorie != *b.categorie)
        zelfde = false;
      else if (!a.code || !b.code)
        zelfde = true;
      else
        zelfde = *a.code == *b.code;
      if (!zelfde) continue;
      bool overlap = (!a.eind || b.begin <= *a.eind) && (!b.eind || a.begin <= *b.eind);
      if (overlap) {
        report(j, i);
        break;
      }
    }
  }
}

// Rule sets per message family.
void check_jw301(const Jw301& m, Out& out);
void check_jw305(const Jw305& m, Out& out);
void check_jw307(const Jw307& m, Out& out);
void check_jw315(const Jw315& m, Out& out);
void check_jw317(const Jw317& m, Out& out);
void check_jw323(const Jw323& m, Out& out);
void check_jw319_dom(const xmlDoc* doc, Out& out);
void check_jw325_dom(const xmlDoc* doc, Out& out);
// TR101 on any type: no two instances of a class with the same logical key (rules_tr101.cpp).
void check_tr101(Berichttype type, const xmlDoc* doc, Out& out);

}  // namespace jr::ijw::rules
