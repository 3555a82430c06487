// The CBS codes of the jeugdhulp statistics as small integers, and the mappings from iJw
// codes onto them. Pure; see docs/indicatoren.md for the choices made where the protocol is
// silent.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jr::model {

// Hulpvorm (spec §3.3): stored as its numeric CBS code (1-4 zonder verblijf, 11-14 met).
inline constexpr std::array<uint8_t, 8> kHulpvormen = {1, 2, 3, 4, 11, 12, 13, 14};
// Index 0-7 into kHulpvormen; -1 for anything else.
constexpr int hulpvorm_index(uint8_t code) {
  if (code >= 1 && code <= 4) return code - 1;
  if (code >= 11 && code <= 14) return code - 7;
  return -1;
}
constexpr bool met_verblijf(uint8_t hulpvorm) { return hulpvorm >= 11; }

// Verwijzer (spec §3.2, COD327): 01-06 and 08.
inline constexpr std::array<uint8_t, 7> kVerwijzers = {1, 2, 3, 4, 5, 6, 8};
constexpr int verwijzer_index(uint8_t code) {
  if (code >= 1 && code <= 6) return code - 1;
  if (code == 8) return 6;
  return -1;
}
inline constexpr uint8_t kVerwijzerGemeente = 1;
inline constexpr uint8_t kVerwijzerGeen = 6;

// Reden beëindiging (spec §3.7): 1-5, plus kRedenOnbekend; kRedenGeen while not ended.
inline constexpr uint8_t kRedenGeen = 0;
inline constexpr uint8_t kRedenOnbekend = 6;

// JZ588 reden beëindiging -> protocol code 1-5, or kRedenOnbekend. Spec §3.7:
// 31 volgens plan -> 01; 34 in overleg -> 02; 32 door cliënt and 38 overstap naar een andere
// aanbieder (the cliënt leaves on own initiative) -> 03; 33 door aanbieder -> 04; 35 externe
// oorzaak and 02 overlijden -> 05; 39 uitstroom naar ander domein (Wmo, Wlz, Zvw) -> 01, as
// §3.7 says for care continued under another law. 20, 36, 37 and anything else: onbekend.
uint8_t reden_uit_jz588(std::string_view jz588);

// Two-digit string of a code: 1 -> "01".
std::string code2(uint8_t code);
// "01" -> 1 for two ASCII digits; nullopt otherwise.
std::optional<uint8_t> lees_code2(std::string_view s);

// JZ020 productcategorie 31-38 -> hulpvorm 01-04, 11-14 (spec §3.3, one to one); nullopt for
// other categories (the product catalogue says).
std::optional<uint8_t> hulpvorm_uit_categorie(std::string_view categorie);

// Productcategorieën that are not jeugdhulp but a maatregel.
enum class Maatregel : uint8_t { kGeen = 0, kJeugdbescherming = 1, kJeugdreclassering = 2 };
Maatregel maatregel_uit_categorie(std::string_view categorie);  // 48 JB, 47 JR
// JZ020 46 "Jeugdhulp crisis": a traject that starts with it is gestart met crisis (§3.4).
bool crisis_categorie(std::string_view categorie);

}  // namespace jr::model
