#include "server/api.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "server/antwoord.h"

namespace jr::server {

namespace {

// The media type of a Content-Type header, lower case, without parameters.
std::string mediatype(std::string_view ct) {
  std::string t(ct.substr(0, ct.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

// 415 'unsupported-media-type' when `v` sends a body in a type `route` does not take; a
// charset other than UTF-8 is refused too.
std::optional<Probleem> verkeerd_mediatype(const Route& route, const Verzoek& v) {
  if (route.invoer == Invoer::kGeen || v.body.empty()) return std::nullopt;
  const std::string t = mediatype(v.content_type);
  const bool past = route.invoer == Invoer::kJson ? t == "application/json"
                                                  : (t == "application/xml" || t == "text/xml");
  std::string ct = v.content_type;
  for (char& c : ct) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto cs = ct.find("charset=");
  const bool utf8 = cs == std::string::npos || ct.compare(cs + 8, 5, "utf-8") == 0 ||
                    ct.compare(cs + 8, 7, "\"utf-8\"") == 0;
  if (past && utf8) return std::nullopt;
  const char* verwacht =
      route.invoer == Invoer::kJson ? "application/json" : "application/xml (UTF-8)";
  return Probleem{415,
                  "unsupported-media-type",
                  "Niet ondersteund mediatype.",
                  std::string("Stuur de body als ") + verwacht + ".",
                  {}};
}

}  // namespace

const std::string* Verzoek::param(const std::string& k) const {
  auto it = query.find(k);
  return it == query.end() ? nullptr : &it->second;
}

std::string_view rol_naam(Rol r) {
  switch (r) {
    case Rol::kJeugdconsulent:
      return "jeugdconsulent";
    case Rol::kRegisseur:
      return "regisseur";
    case Rol::kContractmanager:
      return "contractmanager";
    case Rol::kBeleidsmedewerker:
      return "beleidsmedewerker";
    case Rol::kFunctioneelBeheerder:
      return "functioneelBeheerder";
    case Rol::kPrivacyOfficer:
      return "privacyOfficer";
    case Rol::kAanbieder:
      return "aanbieder";
  }
  return "";
}

std::string_view scope_naam(Scope s) {
  switch (s) {
    case Scope::kGeen:
      return "geen";
    case Scope::kGemeente:
      return "gemeente";
    case Scope::kRegio:
      return "regio";
  }
  return "";
}

Api::Api(Databron& bron, AutorisatieOpties opties)
    : bron_(bron),
      opties_(opties),
      sessies_(opties.sessie_idle, opties.sessie_max, bron.klok()),
      auditor_(bron),
      sessie_(bron, sessies_, opties_, auditor_),
      audit_(bron, auditor_),
      berichten_(bron, auditor_),
      indicatoren_(bron),
      kpis_(bron),
      exports_(auditor_),
      registers_(bron),
      plafonds_(bron),
      wachttijden_(bron),
      prognose_(bron),
      casework_(bron) {}

std::vector<Route> Api::routes() {
  std::vector<Route> r;
  auto voeg = [&](std::vector<Route> deel) {
    for (auto& x : deel) r.push_back(std::move(x));
  };
  voeg(sessie_.routes());
  voeg(audit_.routes());
  voeg(berichten_.routes());
  voeg(indicatoren_.routes());
  voeg(kpis_.routes());
  voeg(exports_.routes());
  voeg(registers_.routes());
  voeg(plafonds_.routes());
  voeg(wachttijden_.routes());
  voeg(prognose_.routes());
  voeg(casework_.routes());
  // Every POST and PUT takes a JSON body, but the upload of an iJw message.
  for (auto& route : r)
    if (route.methode == "POST" || route.methode == "PUT")
      route.invoer = route.pad == "/api/v1/berichten" ? Invoer::kXml : Invoer::kJson;
  return r;
}

std::optional<Aanroeper> Api::authenticeer(std::string_view sessie, std::string_view bearer) {
  if (!bearer.empty()) {
    auto t = bron_.met_gebruikers([&](Gebruikers& g) { return g.zoek_token(bearer); });
    if (t.ok() && *t) return **t;
    return std::nullopt;
  }
  if (!sessie.empty()) return sessies_.zoek(sessie);
  return std::nullopt;
}

Antwoord Api::behandel(const Route& route, const Verzoek& v) {
  Antwoord a;
  if (auto geweigerd = beslis(route, v)) {
    // Refusals are logged by route and code: never the query, which may hold person data.
    auditor_.log(v, "geweigerd", kAutorisatiebeheer, "verzoek",
                 route.methode + " " + route.pad + " " + geweigerd->code);
    a = probleem_antwoord(*geweigerd);
    if (geweigerd->status == 401) a.headers.emplace_back("WWW-Authenticate", "Bearer");
    a.headers.emplace_back("API-Version", std::string(kApiVersie));
    return a;
  }
  std::vector<OngeldigeParameter> f;
  std::set<std::string> gezien;
  for (const auto& [k, waarde] : v.query) {
    (void)waarde;
    if (std::find(route.query.begin(), route.query.end(), k) == route.query.end())
      f.push_back({k, "unknown", "onbekende parameter " + k});
    else if (!gezien.insert(k).second)
      f.push_back({k, "invalid", "parameter " + k + " komt meer dan eens voor"});
  }
  if (!f.empty()) {
    a = probleem_antwoord(ongeldige_parameters(std::move(f)));
  } else if (auto m = verkeerd_mediatype(route, v)) {
    a = probleem_antwoord(*m);
  } else {
    auto doe = [&] {
      try {
        return route.afhandelaar(v);
      } catch (const std::exception&) {
        return uit_status(Internal("onverwachte fout"));
      }
    };
    if (route.bewaren && route.methode == "GET") {
      std::string sleutel = v.pad;
      for (const auto& [k, waarde] : v.query) sleutel += '\n' + k + '=' + waarde;
      a = bron_.bewaard(sleutel, doe);
    } else {
      a = doe();
    }
    // Whatever a write changed shows in the next read (logging in and out change no data).
    if (route.methode != "GET" && route.pad != "/api/v1/sessie") bron_.vergeet_antwoorden();
  }
  if (a.status == 400)  // refused input is logged too (by route; the input itself never)
    auditor_.log(v, "geweigerd", kAutorisatiebeheer, "verzoek",
                 route.methode + " " + route.pad + " invalid-params");
  if (a.status == 403)  // a refusal by the handler: another gemeente's record, need-to-know
    auditor_.log(v, "geweigerd", kAutorisatiebeheer, "verzoek",
                 route.methode + " " + route.pad + " 403");
  a.headers.emplace_back("API-Version", std::string(kApiVersie));
  return a;
}

void Api::weigering(const std::string& methode, const std::string& pad, int status) {
  auditor_.weigering(methode, pad, status);
}

}  // namespace jr::server
