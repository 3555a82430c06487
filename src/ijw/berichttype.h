// The iJw 3.2 message types, their Vektis berichtcode and XML namespace.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jr::ijw {

enum class Berichttype {
  JW301,
  JW302,
  JW305,
  JW306,
  JW307,
  JW308,
  JW315,
  JW316,
  JW317,
  JW318,
  JW319,
  JW320,
  JW323,
  JW325,
};

inline constexpr Berichttype kAlleBerichttypen[] = {
    Berichttype::JW301, Berichttype::JW302, Berichttype::JW305, Berichttype::JW306,
    Berichttype::JW307, Berichttype::JW308, Berichttype::JW315, Berichttype::JW316,
    Berichttype::JW317, Berichttype::JW318, Berichttype::JW319, Berichttype::JW320,
    Berichttype::JW323, Berichttype::JW325,
};

// "JW305".
std::string_view naam(Berichttype t);
// Lower case "jw305", as used in the namespace and as XML prefix.
std::string_view prefix(Berichttype t);
// Vektis berichtcode (COD002): JW305 -> "438".
std::string_view berichtcode(Berichttype t);
// "http://www.istandaarden.nl/ijw/3_2/jw305/schema".
std::string namespace_uri(Berichttype t);
inline constexpr std::string_view kBasisschemaNamespace =
    "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

std::optional<Berichttype> berichttype_from_naam(std::string_view naam);  // "JW305" or "jw305"
std::optional<Berichttype> berichttype_from_namespace(std::string_view uri);
// The retour message type the receiver sends back: JW305 -> JW306, JW323 -> JW325 ...
std::optional<Berichttype> retour_van(Berichttype heen);

}  // namespace jr::ijw
