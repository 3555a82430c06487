#include "model/codes.h"

namespace jr::model {

uint8_t reden_uit_jz588(std::string_view c) {
  if (c == "31" || c == "39") return 1;
  if (c == "34") return 2;
  if (c == "32" || c == "38") return 3;
  if (c == "33") return 4;
  if (c == "35" || c == "02") return 5;
  return kRedenOnbekend;
}

std::string code2(uint8_t code) {
  return {static_cast<char>('0' + code / 10 % 10), static_cast<char>('0' + code % 10)};
}

std::optional<uint8_t> lees_code2(std::string_view s) {
  if (s.size() != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return std::nullopt;
  return static_cast<uint8_t>((s[0] - '0') * 10 + (s[1] - '0'));
}

std::optional<uint8_t> hulpvorm_uit_categorie(std::string_view categorie) {
  auto c = lees_code2(categorie);
  if (!c || *c < 31 || *c > 38) return std::nullopt;
  return static_cast<uint8_t>(*c <= 34 ? *c - 30 : *c - 24);
}

Maatregel maatregel_uit_categorie(std::string_view categorie) {
  if (categorie == "48") return Maatregel::kJeugdbescherming;
  if (categorie == "47") return Maatregel::kJeugdreclassering;
  return Maatregel::kGeen;
}

bool crisis_categorie(std::string_view categorie) { return categorie == "46"; }

}  // namespace jr::model
