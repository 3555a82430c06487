// Invoer: reading what a client sends, strictly, into typed values. Ids are canonical decimal;
// a JSON body is an object whose fields have the type, range and nullability docs/openapi.yaml
// gives them; text holds no control characters; money is a whole number of cents. Every
// refusal names the field (invalidParams), so the client sees all that is wrong at once.
// The edit guard (If-Match / ETag) is read here too.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/date.h"
#include "domain/versie.h"
#include "server/probleem.h"
#include "server/routes.h"

namespace jr::server {

// A positive id in canonical decimal ("12"; not "012", "+12", "1e3" or above 2^63-1);
// nullopt otherwise.
std::optional<int64_t> canoniek_id(std::string_view s);

// ---- path and query ----

// Whether `s` is exactly `n` decimal digits.
bool is_cijfers(std::string_view s, size_t n);
// A CBS gemeentecode: four digits.
bool is_gemeentecode(std::string_view s);
// A verslagperiode: a year (2024) or half year (2024H1, 2024H2).
bool is_periode(std::string_view s);  // a valid Periode (domain/periode.h)

// The path parameter `naam` ({id}, {agb}); nullopt when the route has none.
std::optional<std::string> pad_param(const Verzoek& v, const char* naam);
// The path parameter `naam` as a canonical id; nullopt when absent or not one.
std::optional<int64_t> pad_id(const Verzoek& v, const char* naam = "id");
// 400 naming the path parameter `naam` as not a positive whole number.
Probleem geen_id(const char* naam = "id");

// The query keys most routes share: periode, gemeente, aanbieder, niveau.
struct Filters {
  std::optional<std::string> periode, gemeente, aanbieder;
  bool publiek = false;  // niveau=publiek
};
// Reads them from `v`; adds an invalid param for each bad value (and for a missing periode
// when `periode_verplicht`).
Filters lees_filters(const Verzoek& v, bool periode_verplicht, std::vector<OngeldigeParameter>& f);
// The query key `jaar` (2015-2100); nullopt when absent or bad (with an invalid param).
std::optional<int> lees_jaar(const Verzoek& v, std::vector<OngeldigeParameter>& f);
// The query key `k` as a whole number in [lo, hi]; `standaard` when absent; with an invalid
// param when it is not one.
int lees_geheel(const Verzoek& v, const char* k, int lo, int hi, int standaard,
                std::vector<OngeldigeParameter>& f);
// The query key `k` as a code of `n` digits (`wat` says what it is, for the message); nullopt
// when absent or bad (with an invalid param).
std::optional<std::string> lees_cijfercode(const Verzoek& v, const char* k, size_t n,
                                           const char* wat, std::vector<OngeldigeParameter>& f);

// The JSON object in the body of `v`; nullopt with the problem in `fout` when the body is not
// JSON or not an object. (Nesting deeper than 64 levels is refused as not readable.)
std::optional<nlohmann::json> lees_json_object(const Verzoek& v, Probleem& fout);

// Field readers on one JSON object: each returns the value, or nullopt and adds an invalid
// param (named `pad` + field) when it is missing but required, null but not nullable, of the
// wrong type or outside its range. An absent optional field, or null where allowed, gives
// nullopt and no error.
class Velden {
 public:
  Velden(const nlohmann::json& object, std::vector<OngeldigeParameter>& fouten,
         std::string pad = {})
      : b_(object), f_(fouten), pad_(std::move(pad)) {}

  struct Tekst {
    bool verplicht = false;
    bool nullable = false;
    size_t max = 200;     // bytes
    bool regels = false;  // tab and line feed allowed (a multi-line text)
    bool leeg = true;     // "" allowed
  };
  std::optional<std::string> tekst(const char* k, Tekst t);
  // A code of exactly `n` digits ("0268"); `wat` says what it is, for the message.
  std::optional<std::string> cijfercode(const char* k, size_t n, bool verplicht, bool nullable,
                                        const char* wat);
  std::optional<Date> datum(const char* k, bool verplicht, bool nullable);
  std::optional<int64_t> geheel(const char* k, bool verplicht, int64_t min, int64_t max);
  // A finite number in [min, max].
  std::optional<double> getal(const char* k, bool verplicht, double min, double max);
  // An amount in euros with at most two decimals, as a whole number of cents in [1, max].
  std::optional<int64_t> bedrag_cent(const char* k, bool verplicht, int64_t max_cent);
  std::optional<bool> waarheid(const char* k, bool verplicht);
  // A text that is one of `waarden`; `uitleg` lists them for the message ("a, b of c").
  std::optional<std::string> keuze(const char* k, bool verplicht,
                                   std::initializer_list<const char*> waarden, const char* uitleg);
  // The nested object `k`; nullptr (with an error when required) when absent or not one.
  const nlohmann::json* object(const char* k, bool verplicht);
  // The array `k`; nullptr (with an error when required) when absent or not one.
  const nlohmann::json* lijst(const char* k, bool verplicht);

  // The full name of field `k` for messages ("nulmeting.waarde").
  std::string naam(const char* k) const { return pad_.empty() ? k : pad_ + "." + k; }
  void fout(const char* k, std::string code, std::string reden) {
    f_.push_back({naam(k), std::move(code), std::move(reden)});
  }

 private:
  // The field `k`: nullptr when absent or null (adding the error that applies).
  const nlohmann::json* veld(const char* k, bool verplicht, bool nullable);

  const nlohmann::json& b_;
  std::vector<OngeldigeParameter>& f_;
  std::string pad_;
};

// The quoted strong entity tag of a record at `versie`: "\"7\"".
std::string etag(int64_t versie);

// The version the edit in `v` starts from (jr::Versie): the tag in If-Match, nullopt for
// If-Match: *, or 0 for If-None-Match: * where `aanmaken` lets PUT create. A problem when
// neither header is there (428 'precondition-required') or the tag cannot match a version of
// ours (412 'precondition-failed': a weak tag, a list, a tag of another form).
std::variant<Versie, Probleem> lees_voorwaarde(const Verzoek& v, bool aanmaken = false);

}  // namespace jr::server
