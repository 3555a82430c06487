#include "server/api_sessie.h"

#include "server/antwoord.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

namespace {

std::string cookie(std::string_view waarde, bool secure, bool weg) {
  std::string c = std::string(kSessieCookie) + "=" + std::string(waarde) +
                  "; Path=/; HttpOnly; SameSite=Strict";
  if (weg) c += "; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

int64_t unix_seconden(Clock::Wall t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// Everyone who logs in with a password (aanbieders use API tokens).
const std::vector<Rol> kMensen = {kConsulent, kRegisseur, kContract, kBeleid, kBeheer, kPrivacy};

}  // namespace

SessieApi::SessieApi(Databron& bron, Sessies& sessies, const AutorisatieOpties& opties,
                     Auditor& auditor)
    : bron_(bron),
      sessies_(sessies),
      opties_(opties),
      auditor_(auditor),
      afremmer_(opties.max_pogingen_adres, opties.venster, bron.klok()) {
  auto h = hash_wachtwoord(willekeurig_token(), opties.kosten);
  if (h.ok()) dummy_hash_ = *h;
}

std::vector<Route> SessieApi::routes() {
  return {
      {"POST",
       "/api/v1/sessie",
       {},
       {},
       Scope::kGeen,
       afhandelaar(this, &SessieApi::sessie_maak),
       true,
       false},
      {"GET",
       "/api/v1/sessie",
       {},
       kMensen,
       Scope::kGeen,
       afhandelaar(this, &SessieApi::sessie_lees)},
      {"DELETE",
       "/api/v1/sessie",
       {},
       kMensen,
       Scope::kGeen,
       afhandelaar(this, &SessieApi::sessie_verwijder)},
  };
}

Antwoord SessieApi::sessie_maak(const Verzoek& v) {
  Probleem leesfout;
  json body = lees_json_object(v, leesfout).value_or(json());
  std::vector<OngeldigeParameter> f;
  std::string naam, wachtwoord;
  if (body.is_object() && body.contains("gebruikersnaam") && body["gebruikersnaam"].is_string())
    naam = body["gebruikersnaam"].get<std::string>();
  else
    f.push_back({"gebruikersnaam", "required", "gebruikersnaam is verplicht"});
  if (body.is_object() && body.contains("wachtwoord") && body["wachtwoord"].is_string())
    wachtwoord = body["wachtwoord"].get<std::string>();
  else
    f.push_back({"wachtwoord", "required", "wachtwoord is verplicht"});
  if (naam.size() > 64 || wachtwoord.size() > 1024)
    f.push_back({"body", "invalid", "gebruikersnaam of wachtwoord is te lang"});
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));

  auto te_vaak = [](int64_t seconden, std::string code, std::string detail) {
    Antwoord a = probleem_antwoord(
        {429, std::move(code), "Te veel mislukte pogingen.", std::move(detail), {}});
    a.headers.emplace_back("Retry-After", std::to_string(seconden));
    return a;
  };
  if (int64_t w = afremmer_.wachttijd(v.adres); w > 0)
    return te_vaak(w, "too-many-requests",
                   "Te veel mislukte pogingen vanaf dit adres; probeer het later opnieuw.");

  auto g = bron_.met_gebruikers([&](Gebruikers& r) { return r.zoek(naam); });
  if (!g.ok()) return uit_status(g.status());
  const int64_t nu = unix_seconden(bron_.klok().wall());
  Verzoek wie = v;  // the audit actor: the account concerned, when it exists
  if (*g) wie.aanroeper = Aanroeper{(*g)->gebruikersnaam, (*g)->rol, (*g)->gemeente, {}, false, {}};
  if (*g && (*g)->geblokkeerd_tot && *(*g)->geblokkeerd_tot > nu) {
    auditor_.log(wie, "inloggen-geweigerd", kAutorisatiebeheer, "gebruiker",
                 "account tijdelijk geblokkeerd");
    return te_vaak(*(*g)->geblokkeerd_tot - nu, "account-locked",
                   "Dit account is tijdelijk geblokkeerd na herhaalde mislukte pogingen.");
  }
  bool klopt;
  {
    hashes_.acquire();  // argon2id takes 64 MiB: bound how many run at once
    klopt = wachtwoord_klopt(*g ? (*g)->wachtwoord_hash : dummy_hash_, wachtwoord) && *g &&
            (*g)->actief;
    hashes_.release();
  }
  if (!klopt) {
    afremmer_.mislukt(v.adres);
    bool geblokkeerd = false;
    if (*g) {
      auto m = bron_.met_gebruikers([&](Gebruikers& r) {
        return r.mislukt((*g)->id, nu, opties_.max_pogingen, opties_.blokkeer_seconden);
      });
      geblokkeerd = m.ok() && *m;
    }
    auditor_.log(wie, "inloggen-mislukt", kAutorisatiebeheer, "gebruiker",
                 geblokkeerd ? "onjuist wachtwoord; account tijdelijk geblokkeerd"
                             : (*g ? "onjuist wachtwoord" : "onbekende gebruikersnaam"));
    return probleem_antwoord({401,
                              "invalid-credentials",
                              "Inloggen mislukt.",
                              "De combinatie van gebruikersnaam en wachtwoord klopt niet.",
                              {}});
  }
  (void)bron_.met_gebruikers([&](Gebruikers& r) { return r.gelukt((*g)->id); });
  // A fresh identifier on every login: a session identifier planted before the login
  // (session fixation) is never promoted, and the old session, if any, ends.
  if (!v.sessie.empty()) sessies_.verwijder(v.sessie);
  Aanroeper a = *wie.aanroeper;
  std::string id = sessies_.maak(a);
  auto sessie = sessies_.zoek(id);
  auditor_.log(wie, "inloggen", kAutorisatiebeheer, "gebruiker", "ingelogd");
  json uit = {{"gebruikersnaam", a.naam},
              {"rol", std::string(rol_naam(a.rol))},
              {"gemeente", a.gemeente ? json(*a.gemeente) : json(nullptr)},
              {"csrfToken", sessie ? sessie->csrf : ""},
              {"inactiefMinuten", opties_.sessie_idle.count() / 60}};
  Antwoord r = json_antwoord(uit, 201);
  r.headers.emplace_back("Set-Cookie", cookie(id, opties_.cookie_secure, false));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Antwoord SessieApi::sessie_lees(const Verzoek& v) {
  const Aanroeper& a = *v.aanroeper;
  json uit = {{"gebruikersnaam", a.naam},
              {"rol", std::string(rol_naam(a.rol))},
              {"gemeente", a.gemeente ? json(*a.gemeente) : json(nullptr)},
              {"csrfToken", a.csrf},
              {"inactiefMinuten", opties_.sessie_idle.count() / 60}};
  // The regio the dashboard's header names on every page.
  auto regio = bron_.regio_naam(a.gemeente);
  uit["regio"] = regio ? json(*regio) : json(nullptr);
  Antwoord r = json_antwoord(uit);
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Antwoord SessieApi::sessie_verwijder(const Verzoek& v) {
  if (!v.sessie.empty()) sessies_.verwijder(v.sessie);
  auditor_.log(v, "uitloggen", kAutorisatiebeheer, "gebruiker", "uitgelogd");
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  a.headers.emplace_back("Set-Cookie", cookie("", opties_.cookie_secure, true));
  return a;
}

}  // namespace jr::server
