#include "server/invoer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "domain/periode.h"
#include "domain/tekst.h"

namespace jr::server {

using nlohmann::json;

namespace {

constexpr int kMaxDiepte = 64;  // nesting of a JSON body

bool alleen_cijfers(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_cijfers(std::string_view s, size_t n) { return s.size() == n && alleen_cijfers(s); }

bool is_gemeentecode(std::string_view s) { return is_cijfers(s, 4); }

bool is_periode(std::string_view s) { return lees_periode(s).ok(); }

std::optional<std::string> pad_param(const Verzoek& v, const char* naam) {
  auto it = v.pad_params.find(naam);
  if (it == v.pad_params.end()) return std::nullopt;
  return it->second;
}

std::optional<int64_t> pad_id(const Verzoek& v, const char* naam) {
  auto s = pad_param(v, naam);
  return s ? canoniek_id(*s) : std::nullopt;
}

Probleem geen_id(const char* naam) {
  return ongeldige_parameters(
      {{naam, "invalid", std::string(naam) + " is een positief geheel getal"}});
}

Filters lees_filters(const Verzoek& v, bool periode_verplicht, std::vector<OngeldigeParameter>& f) {
  Filters r;
  if (const auto* p = v.param("periode")) {
    if (is_periode(*p))
      r.periode = *p;
    else
      f.push_back({"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"});
  } else if (periode_verplicht) {
    f.push_back({"periode", "required", "periode is verplicht (2024 of 2024H1)"});
  }
  if (const auto* g = v.param("gemeente")) {
    if (is_gemeentecode(*g))
      r.gemeente = *g;
    else
      f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers"});
  }
  if (const auto* a = v.param("aanbieder")) {
    if (!a->empty() && a->size() <= 40)
      r.aanbieder = *a;
    else
      f.push_back({"aanbieder", "invalid", "aanbieder is een AGB-code"});
  }
  if (const auto* n = v.param("niveau")) {
    if (*n == "publiek")
      r.publiek = true;
    else if (*n != "intern")
      f.push_back({"niveau", "invalid", "niveau is intern of publiek"});
  }
  return r;
}

std::optional<int> lees_jaar(const Verzoek& v, std::vector<OngeldigeParameter>& f) {
  const auto* j = v.param("jaar");
  if (!j) return std::nullopt;
  if (!is_cijfers(*j, 4) || !geldig_jaar(std::stoi(*j))) {
    f.push_back({"jaar", "invalid", "jaar is een jaartal (2024)"});
    return std::nullopt;
  }
  return std::stoi(*j);
}

int lees_geheel(const Verzoek& v, const char* k, int lo, int hi, int standaard,
                std::vector<OngeldigeParameter>& f) {
  const std::string* p = v.param(k);
  if (!p) return standaard;
  const auto n = p->size() <= 9 ? canoniek_id(*p) : std::nullopt;
  const int x = n ? static_cast<int>(*n) : (*p == "0" ? 0 : lo - 1);
  if (x < lo || x > hi)
    f.push_back({k, "invalid",
                 std::string(k) + " is een geheel getal van " + std::to_string(lo) +
                     " tot en met " + std::to_string(hi)});
  return x;
}

std::optional<std::string> lees_cijfercode(const Verzoek& v, const char* k, size_t n,
                                           const char* wat, std::vector<OngeldigeParameter>& f) {
  const auto* s = v.param(k);
  if (!s) return std::nullopt;
  if (!is_cijfers(*s, n)) {
    f.push_back({k, "invalid", std::string(k) + " is " + wat});
    return std::nullopt;
  }
  return *s;
}

std::optional<int64_t> canoniek_id(std::string_view s) {
  if (!alleen_cijfers(s) || s.front() == '0' || s.size() > 19) return std::nullopt;
  uint64_t n = 0;
  for (char c : s) n = n * 10 + static_cast<uint64_t>(c - '0');
  if (s.size() == 19 && n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return std::nullopt;
  return static_cast<int64_t>(n);
}

std::optional<json> lees_json_object(const Verzoek& v, Probleem& fout) {
  // Depth first, with a callback that stops the parse: a body of a million '[' must not
  // recurse a million deep.
  bool te_diep = false;
  json::parser_callback_t cb = [&](int d, json::parse_event_t e, json&) {
    if ((e == json::parse_event_t::object_start || e == json::parse_event_t::array_start) &&
        d >= kMaxDiepte)
      te_diep = true;
    return !te_diep;
  };
  json b = json::parse(v.body, cb, false);
  if (te_diep) {
    fout = ongeldige_parameters({{"body", "invalid", "de body is te diep genest"}});
    return std::nullopt;
  }
  if (b.is_discarded() || !b.is_object()) {
    fout = ongeldige_parameters({{"body", "invalid", "de body is geen JSON-object"}});
    return std::nullopt;
  }
  return b;
}

const json* Velden::veld(const char* k, bool verplicht, bool nullable) {
  auto it = b_.find(k);
  if (it == b_.end()) {
    if (verplicht) fout(k, "required", naam(k) + " is verplicht");
    return nullptr;
  }
  if (it->is_null()) {
    if (!nullable)
      fout(k, "invalid", naam(k) + " mag niet null zijn");
    else if (verplicht)
      fout(k, "required", naam(k) + " is verplicht");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Velden::tekst(const char* k, Tekst t) {
  const json* w = veld(k, t.verplicht, t.nullable);
  if (!w) return std::nullopt;
  if (!w->is_string()) {
    fout(k, "invalid", naam(k) + " is tekst");
    return std::nullopt;
  }
  const auto& s = w->get_ref<const std::string&>();
  if (s.size() > t.max) {
    fout(k, "invalid", naam(k) + " is hoogstens " + std::to_string(t.max) + " tekens");
    return std::nullopt;
  }
  if (!utf8_geldig(s) || heeft_stuurteken(s, t.regels)) {
    fout(k, "invalid", naam(k) + " bevat een stuurteken");
    return std::nullopt;
  }
  if (!t.leeg && s.empty()) {
    fout(k, "invalid", naam(k) + " is leeg");
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> Velden::cijfercode(const char* k, size_t n, bool verplicht,
                                              bool nullable, const char* wat) {
  const json* w = veld(k, verplicht, nullable);
  if (!w) return std::nullopt;
  if (!w->is_string() || w->get_ref<const std::string&>().size() != n ||
      !alleen_cijfers(w->get_ref<const std::string&>())) {
    fout(k, "invalid", naam(k) + " is " + wat);
    return std::nullopt;
  }
  return w->get<std::string>();
}

std::optional<Date> Velden::datum(const char* k, bool verplicht, bool nullable) {
  const json* w = veld(k, verplicht, nullable);
  if (!w) return std::nullopt;
  std::optional<Date> d;
  if (w->is_string()) d = Date::parse(w->get_ref<const std::string&>());
  if (!d) fout(k, "invalid", naam(k) + " is een datum JJJJ-MM-DD");
  return d;
}

std::optional<int64_t> Velden::geheel(const char* k, bool verplicht, int64_t min, int64_t max) {
  const json* w = veld(k, verplicht, false);
  if (!w) return std::nullopt;
  const bool past =
      w->is_number_integer() &&
      !(w->is_number_unsigned() &&
        w->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) &&
      w->get<int64_t>() >= min && w->get<int64_t>() <= max;
  if (!past) {
    fout(k, "invalid",
         naam(k) + " is een geheel getal van " + std::to_string(min) + " tot en met " +
             std::to_string(max));
    return std::nullopt;
  }
  return w->get<int64_t>();
}

std::optional<double> Velden::getal(const char* k, bool verplicht, double min, double max) {
  const json* w = veld(k, verplicht, false);
  if (!w) return std::nullopt;
  if (!w->is_number() || !std::isfinite(w->get<double>()) || w->get<double>() < min ||
      w->get<double>() > max) {
    fout(k, "invalid", naam(k) + " is een getal");
    return std::nullopt;
  }
  return w->get<double>();
}

std::optional<int64_t> Velden::bedrag_cent(const char* k, bool verplicht, int64_t max_cent) {
  const json* w = veld(k, verplicht, false);
  if (!w) return std::nullopt;
  std::optional<int64_t> cent;
  if (w->is_number()) {
    const double c = w->get<double>() * 100.0;
    // A whole number of cents after parsing: 12.34 is, 12.345 and 1e-320 are not.
    if (std::isfinite(c) && c >= 1.0 - 1e-6 && c <= static_cast<double>(max_cent) + 1e-6 &&
        std::fabs(c - std::round(c)) < 1e-6)
      cent = std::llround(c);
  }
  if (!cent)
    fout(k, "invalid",
         naam(k) + " is een bedrag in euro van minstens 0,01 met hoogstens twee decimalen");
  return cent;
}

std::optional<bool> Velden::waarheid(const char* k, bool verplicht) {
  const json* w = veld(k, verplicht, false);
  if (!w) return std::nullopt;
  if (!w->is_boolean()) {
    fout(k, "invalid", naam(k) + " is true of false");
    return std::nullopt;
  }
  return w->get<bool>();
}

std::optional<std::string> Velden::keuze(const char* k, bool verplicht,
                                         std::initializer_list<const char*> waarden,
                                         const char* uitleg) {
  auto s = tekst(k, {.verplicht = verplicht});
  if (s && std::none_of(waarden.begin(), waarden.end(), [&](const char* w) { return *s == w; })) {
    fout(k, "invalid", naam(k) + " is " + uitleg);
    return std::nullopt;
  }
  return s;
}

const json* Velden::object(const char* k, bool verplicht) {
  const json* w = veld(k, verplicht, false);
  if (!w) return nullptr;
  if (!w->is_object()) {
    fout(k, "invalid", naam(k) + " is een object");
    return nullptr;
  }
  return w;
}

const json* Velden::lijst(const char* k, bool verplicht) {
  const json* w = veld(k, verplicht, false);
  if (!w) return nullptr;
  if (!w->is_array()) {
    fout(k, "invalid", naam(k) + " is een lijst");
    return nullptr;
  }
  return w;
}

std::string etag(int64_t versie) { return "\"" + std::to_string(versie) + "\""; }

std::variant<Versie, Probleem> lees_voorwaarde(const Verzoek& v, bool aanmaken) {
  auto trim = [](std::string s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    return s;
  };
  const std::string im = trim(v.if_match), inm = trim(v.if_none_match);
  if (im.empty()) {
    if (aanmaken && inm == "*") return Versie(0);
    return Probleem{428,
                    "precondition-required",
                    "Versie ontbreekt.",
                    aanmaken ? "Stuur If-Match met de ETag van de versie die u wijzigt, of "
                               "If-None-Match: * om aan te maken."
                             : "Stuur If-Match met de ETag van de versie die u wijzigt.",
                    {}};
  }
  if (im == "*") return Versie(std::nullopt);
  if (im.size() >= 3 && im.front() == '"' && im.back() == '"') {
    if (auto n = canoniek_id(std::string_view(im).substr(1, im.size() - 2))) return Versie(*n);
  }
  return Probleem{412,
                  "precondition-failed",
                  "Intussen gewijzigd.",
                  "If-Match past bij geen versie; haal de nieuwste versie en haar ETag op.",
                  {}};
}

}  // namespace jr::server
