#include "server/gebruikers.h"

#include <sodium.h>

#include <algorithm>

#include "server/autorisatie.h"
#include "store/gebruikersregister.h"

namespace jr::server {
namespace {

bool alleen_cijfers(std::string_view s, size_t n) {
  return s.size() == n &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool goede_naam(std::string_view n) {
  if (n.size() < 2 || n.size() > 64) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == '@';
  });
}

}  // namespace

Result<std::string> hash_wachtwoord(std::string_view wachtwoord, HashKosten kosten) {
  if (sodium_init() < 0) return Internal("libsodium start niet");
  char uit[crypto_pwhash_STRBYTES];
  const bool min = kosten == HashKosten::kMinimaal;
  if (crypto_pwhash_str_alg(uit, wachtwoord.data(), wachtwoord.size(),
                            min ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            min ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Internal("te weinig geheugen voor argon2id");
  return std::string(uit);
}

bool wachtwoord_klopt(std::string_view hash, std::string_view wachtwoord) {
  std::string h(hash);  // NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), wachtwoord.data(), wachtwoord.size()) == 0;
}

Status controleer_wachtwoordsterkte(std::string_view wachtwoord) {
  if (wachtwoord.size() < 12) return InvalidArgument("een wachtwoord heeft minstens 12 tekens");
  if (wachtwoord.size() > 1024)
    return InvalidArgument("een wachtwoord heeft hoogstens 1024 tekens");
  return Status::Ok();
}

Result<int64_t> Gebruikers::voeg_toe(std::string_view naam, std::string_view wachtwoord, Rol rol,
                                     const std::optional<std::string>& gemeente,
                                     HashKosten kosten) {
  if (!goede_naam(naam))
    return InvalidArgument("een gebruikersnaam heeft 2 tot 64 tekens: letters, cijfers en . - _ @");
  if (rol == Rol::kAanbieder)
    return InvalidArgument("een aanbieder logt niet in maar gebruikt een API-token");
  if (gemeente && !alleen_cijfers(*gemeente, 4))
    return InvalidArgument("gemeente is een CBS-code van vier cijfers");
  JR_RETURN_IF_ERROR(controleer_wachtwoordsterkte(wachtwoord));
  auto hash = hash_wachtwoord(wachtwoord, kosten);
  if (!hash.ok()) return hash.status();
  store::Gebruiker g;
  g.gebruikersnaam = std::string(naam);
  g.wachtwoord_hash = *hash;
  g.rol = std::string(rol_naam(rol));
  g.gemeente = gemeente;
  return register_.voeg_gebruiker_toe(g, clock_.now_iso());
}

Result<std::optional<GebruikerRecord>> Gebruikers::zoek(std::string_view naam) {
  auto r = register_.zoek_gebruiker(naam);
  if (!r.ok()) return r.status();
  if (!*r) return std::optional<GebruikerRecord>();
  const store::Gebruiker& s = **r;
  auto rol = rol_van_naam(s.rol);
  if (!rol) return Internal("onbekende rol bij een gebruiker");
  GebruikerRecord g;
  g.id = s.id;
  g.gebruikersnaam = s.gebruikersnaam;
  g.wachtwoord_hash = s.wachtwoord_hash;
  g.rol = *rol;
  g.gemeente = s.gemeente;
  g.actief = s.actief;
  g.mislukte_pogingen = s.mislukte_pogingen;
  g.geblokkeerd_tot = s.geblokkeerd_tot;
  return std::optional<GebruikerRecord>(std::move(g));
}

Result<bool> Gebruikers::mislukt(int64_t id, int64_t nu, int max, int64_t blokkeer_seconden) {
  return register_.login_mislukt(id, nu, max, blokkeer_seconden);
}

Status Gebruikers::gelukt(int64_t id) { return register_.login_gelukt(id); }

Result<std::string> Gebruikers::maak_token(std::string_view naam, std::string_view agb) {
  if (!goede_naam(naam))
    return InvalidArgument("een tokennaam heeft 2 tot 64 tekens: letters, cijfers en . - _ @");
  if (!alleen_cijfers(agb, 8)) return InvalidArgument("aanbieder is een AGB-code van acht cijfers");
  std::string token = "jrt_" + willekeurig_token();
  JR_RETURN_IF_ERROR(register_.voeg_token_toe(naam, sha256_hex(token), agb, clock_.now_iso()));
  return token;
}

Result<std::optional<Aanroeper>> Gebruikers::zoek_token(std::string_view token) {
  if (token.size() != 68 || token.substr(0, 4) != "jrt_") return std::optional<Aanroeper>();
  auto t = register_.zoek_token(sha256_hex(token));
  if (!t.ok()) return t.status();
  if (!*t) return std::optional<Aanroeper>();
  Aanroeper a;
  a.naam = "token:" + (*t)->naam;
  a.rol = Rol::kAanbieder;
  a.aanbieder = (*t)->aanbieder;
  a.via_token = true;
  return std::optional<Aanroeper>(std::move(a));
}

}  // namespace jr::server
