#include "server/gebruikers.h"

#include <sodium.h>

#include <algorithm>

#include "server/autorisatie.h"
#include "store/sqlite.h"

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
  Status st = db_.prepare(
                     "INSERT INTO gebruiker (gebruikersnaam, wachtwoord_hash, rol, gemeente, "
                     "aangemaakt_op) VALUES (?, ?, ?, ?, ?)")
                  .bind(1, naam)
                  .bind(2, *hash)
                  .bind(3, rol_naam(rol))
                  .bind(4, gemeente)
                  .bind(5, clock_.now_iso())
                  .run();
  if (st.code() == StatusCode::kAlreadyExists)
    return AlreadyExists("gebruiker " + std::string(naam) + " bestaat al");
  JR_RETURN_IF_ERROR(st);
  return db_.last_insert_rowid();
}

Result<std::optional<GebruikerRecord>> Gebruikers::zoek(std::string_view naam) {
  auto& s = db_.prepare(
      "SELECT id, gebruikersnaam, wachtwoord_hash, rol, gemeente, actief, mislukte_pogingen, "
      "geblokkeerd_tot FROM gebruiker WHERE gebruikersnaam = ?");
  s.bind(1, naam);
  if (!s.step()) {
    Status st = s.status();
    s.reset();
    if (!st.ok()) return st;
    return std::optional<GebruikerRecord>();
  }
  GebruikerRecord g;
  g.id = s.int64(0);
  g.gebruikersnaam = s.text(1);
  g.wachtwoord_hash = s.text(2);
  auto rol = rol_van_naam(s.text(3));
  g.gemeente = s.opt_text(4);
  g.actief = s.int64(5) != 0;
  g.mislukte_pogingen = s.int64(6);
  g.geblokkeerd_tot = s.opt_int64(7);
  s.reset();
  if (!rol) return Internal("onbekende rol bij een gebruiker");
  g.rol = *rol;
  return std::optional<GebruikerRecord>(std::move(g));
}

Result<bool> Gebruikers::mislukt(int64_t id, int64_t nu, int max, int64_t blokkeer_seconden) {
  auto& s = db_.prepare("SELECT mislukte_pogingen FROM gebruiker WHERE id = ?");
  s.bind(1, id);
  int64_t n = s.step() ? s.int64(0) + 1 : 1;
  s.reset();
  const bool blokkeer = n >= max;
  JR_RETURN_IF_ERROR(
      db_.prepare("UPDATE gebruiker SET mislukte_pogingen = ?, geblokkeerd_tot = ? WHERE id = ?")
          .bind(1, blokkeer ? int64_t{0} : n)
          .bind(2, blokkeer ? std::optional<int64_t>(nu + blokkeer_seconden) : std::nullopt)
          .bind(3, id)
          .run());
  return blokkeer;
}

Status Gebruikers::gelukt(int64_t id) {
  return db_
      .prepare(
          "UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE id = ? AND "
          "(mislukte_pogingen <> 0 OR geblokkeerd_tot IS NOT NULL)")
      .bind(1, id)
      .run();
}

Result<std::string> Gebruikers::maak_token(std::string_view naam, std::string_view agb) {
  if (!goede_naam(naam))
    return InvalidArgument("een tokennaam heeft 2 tot 64 tekens: letters, cijfers en . - _ @");
  if (!alleen_cijfers(agb, 8)) return InvalidArgument("aanbieder is een AGB-code van acht cijfers");
  std::string token = "jrt_" + willekeurig_token();
  JR_RETURN_IF_ERROR(
      db_.prepare(
             "INSERT INTO api_token (naam, token_sha256, aanbieder, aangemaakt_op) VALUES (?, ?, "
             "?, ?)")
          .bind(1, naam)
          .bind(2, sha256_hex(token))
          .bind(3, agb)
          .bind(4, clock_.now_iso())
          .run());
  return token;
}

Result<std::optional<Aanroeper>> Gebruikers::zoek_token(std::string_view token) {
  if (token.size() != 68 || token.substr(0, 4) != "jrt_") return std::optional<Aanroeper>();
  auto& s = db_.prepare(
      "SELECT naam, aanbieder FROM api_token WHERE token_sha256 = ? AND ingetrokken = 0");
  s.bind(1, sha256_hex(token));
  if (!s.step()) {
    Status st = s.status();
    s.reset();
    if (!st.ok()) return st;
    return std::optional<Aanroeper>();
  }
  Aanroeper a;
  a.naam = "token:" + s.text(0);
  a.rol = Rol::kAanbieder;
  a.aanbieder = s.text(1);
  a.via_token = true;
  s.reset();
  return std::optional<Aanroeper>(std::move(a));
}

}  // namespace jr::server
