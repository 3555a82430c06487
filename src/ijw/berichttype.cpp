#include "ijw/berichttype.h"

#include <array>
#include <cctype>

namespace jr::ijw {
namespace {

struct Info {
  Berichttype type;
  std::string_view naam, prefix, code;
};

constexpr std::array<Info, 14> kInfo = {{
    {Berichttype::JW301, "JW301", "jw301", "436"},
    {Berichttype::JW302, "JW302", "jw302", "437"},
    {Berichttype::JW305, "JW305", "jw305", "438"},
    {Berichttype::JW306, "JW306", "jw306", "439"},
    {Berichttype::JW307, "JW307", "jw307", "440"},
    {Berichttype::JW308, "JW308", "jw308", "441"},
    {Berichttype::JW315, "JW315", "jw315", "446"},
    {Berichttype::JW316, "JW316", "jw316", "447"},
    {Berichttype::JW317, "JW317", "jw317", "486"},
    {Berichttype::JW318, "JW318", "jw318", "487"},
    {Berichttype::JW319, "JW319", "jw319", "488"},
    {Berichttype::JW320, "JW320", "jw320", "489"},
    {Berichttype::JW323, "JW323", "jw323", "490"},
    {Berichttype::JW325, "JW325", "jw325", "491"},
}};

const Info& info(Berichttype t) { return kInfo[static_cast<size_t>(t)]; }

constexpr std::string_view kNsPrefix = "http://www.istandaarden.nl/ijw/3_2/";
constexpr std::string_view kNsSuffix = "/schema";

}  // namespace

std::string_view naam(Berichttype t) { return info(t).naam; }
std::string_view prefix(Berichttype t) { return info(t).prefix; }
std::string_view berichtcode(Berichttype t) { return info(t).code; }

std::string namespace_uri(Berichttype t) {
  std::string s(kNsPrefix);
  s += info(t).prefix;
  s += kNsSuffix;
  return s;
}

std::optional<Berichttype> berichttype_from_naam(std::string_view n) {
  for (const auto& i : kInfo) {
    if (n.size() != i.naam.size()) continue;
    bool eq = true;
    for (size_t k = 0; k < n.size(); ++k)
      if (std::toupper(static_cast<unsigned char>(n[k])) != i.naam[k]) eq = false;
    if (eq) return i.type;
  }
  return std::nullopt;
}

std::optional<Berichttype> berichttype_from_namespace(std::string_view uri) {
  if (uri.size() != kNsPrefix.size() + 5 + kNsSuffix.size()) return std::nullopt;
  if (uri.substr(0, kNsPrefix.size()) != kNsPrefix) return std::nullopt;
  if (uri.substr(kNsPrefix.size() + 5) != kNsSuffix) return std::nullopt;
  auto p = uri.substr(kNsPrefix.size(), 5);
  for (const auto& i : kInfo)
    if (i.prefix == p) return i.type;
  return std::nullopt;
}

std::optional<Berichttype> retour_van(Berichttype heen) {
  switch (heen) {
    case Berichttype::JW301:
      return Berichttype::JW302;
    case Berichttype::JW305:
      return Berichttype::JW306;
    case Berichttype::JW307:
      return Berichttype::JW308;
    case Berichttype::JW315:
      return Berichttype::JW316;
    case Berichttype::JW317:
      return Berichttype::JW318;
    case Berichttype::JW319:
      return Berichttype::JW320;
    case Berichttype::JW323:
      return Berichttype::JW325;
    default:
      return std::nullopt;
  }
}

}  // namespace jr::ijw
