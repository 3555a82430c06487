#include "server/api.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "domain/bsn.h"
#include "domain/tekst.h"
#include "ijw/validator.h"
#include "ijw/xml.h"
#include "import/importer.h"
#include "server/export.h"
#include "server/invoer.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

namespace {

constexpr auto kBeleid = Rol::kBeleidsmedewerker;
constexpr auto kContract = Rol::kContractmanager;
constexpr auto kBeheer = Rol::kFunctioneelBeheerder;
constexpr auto kPrivacy = Rol::kPrivacyOfficer;
constexpr auto kConsulent = Rol::kJeugdconsulent;
constexpr auto kRegisseur = Rol::kRegisseur;
// Everyone who logs in with a password (aanbieders use API tokens).
const std::vector<Rol> kMensen = {kConsulent, kRegisseur, kContract, kBeleid, kBeheer, kPrivacy};

// Disclosure control: a role without person-level rights always gets niveau publiek.
bool publiek_voor(const Verzoek& v, bool gevraagd) {
  return gevraagd || !v.aanroeper || !heeft_persoonsrechten(v.aanroeper->rol);
}

std::string cookie(std::string_view waarde, bool secure, bool weg) {
  std::string c = std::string(kSessieCookie) + "=" + std::string(waarde) +
                  "; Path=/; HttpOnly; SameSite=Strict";
  if (weg) c += "; Max-Age=0";
  if (secure) c += "; Secure";
  return c;
}

int64_t unix_nu() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Logboek Dataverwerkingen: the processing activities of the API, their purpose and basis.
constexpr const char* kToegangsbeheer = "toegangsbeheer";
constexpr const char* kDoelBeveiliging = "beveiliging van de gegevens";
constexpr const char* kGrondslagBeveiliging = "AVG art. 32";

bool is_gemeentecode(const std::string& s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_periode(const std::string& s) {
  if (s.size() != 4 && s.size() != 6) return false;
  for (size_t i = 0; i < 4; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return s.size() == 4 || (s[4] == 'H' && (s[5] == '1' || s[5] == '2'));
}

// Reads the common query keys; adds invalid params for bad values.
struct Filters {
  std::optional<std::string> periode, gemeente, aanbieder;
  bool publiek = false;
};

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

// National reference figures (CBS, as cited in seed 002 for the first half of 2020 and in
// ../shared/calibratie): percentage of jongeren 0-17 with jeugdhulp, with verblijf and with
// jeugdbescherming. No national kosten per cliënt is published there.
struct Landelijk {
  const char* periode;
  const char* bron;
  double pct_jeugdhulp, pct_verblijf, pct_jeugdbescherming;
};
constexpr Landelijk kLandelijk = {"2020H1", "CBS, eerste halfjaar 2020", 9.7, 1.1, 1.1};

json een_decimaal(std::optional<double> v) {
  if (!v) return nullptr;
  return std::round(*v * 10.0) / 10.0;
}

json kerncijfers_van(const json& g) {
  json k;
  k["gemeente"] = g.value("gemeente", json(nullptr));
  k["naam"] = g.value("naam", json(nullptr));
  k["bevolking0tot17"] = g.value("bevolking0tot17", json(nullptr));
  k["jongerenMetJeugdhulp"] = g.value("jongerenMetJeugdhulp", json(nullptr));
  k["pctJongerenMetJeugdhulp"] = een_decimaal(indicator_waarde(g, "pctJongerenMetJeugdhulp"));
  k["pctJongerenMetVerblijf"] = een_decimaal(indicator_waarde(g, "pctJongerenMetVerblijf"));
  k["pctJeugdbescherming"] = een_decimaal(indicator_waarde(g, "pctJeugdbescherming"));
  auto kpc = indicator_waarde(g, "kostenPerClient");
  k["kostenPerClient"] = kpc ? json(std::llround(*kpc)) : json(nullptr);
  return k;
}

Antwoord uit_status(const Status& s) { return probleem_antwoord(van_status(s)); }

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

std::optional<int64_t> lees_id(const Verzoek& v) {
  auto it = v.pad_params.find("id");
  if (it == v.pad_params.end()) return std::nullopt;
  return canoniek_id(it->second);
}

// A KPI's answer: its JSON with the beoordeling, and its version as ETag.
Antwoord kpi_antwoord(const json& j, int64_t versie, int status = 200) {
  Antwoord a = json_antwoord(j.dump(-1, ' ', false, kVervang), status);
  a.headers.emplace_back("ETag", etag(versie));
  return a;
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

Antwoord probleem_antwoord(const Probleem& p) {
  Antwoord a;
  a.status = p.status;
  a.content_type = "application/problem+json";
  a.body = p.json();
  return a;
}

Antwoord json_antwoord(std::string body, int status) {
  Antwoord a;
  a.status = status;
  a.body = std::move(body);
  return a;
}

Api::Api(Databron& bron, ToegangOpties opties)
    : bron_(bron),
      opties_(opties),
      sessies_(opties.sessie_idle, opties.sessie_max),
      afremmer_(opties.max_pogingen_adres, opties.venster) {
  auto h = hash_wachtwoord(willekeurig_token(), opties.kosten);
  if (h.ok()) dummy_hash_ = *h;
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

void Api::log(const Verzoek& v, std::string handeling, std::string verwerkingsactiviteit,
              std::string object_type, std::string detail, std::string pseudoniem) {
  store::AuditEvent e;
  e.context.actor = v.aanroeper ? v.aanroeper->naam : "anoniem";
  e.context.verwerkingsactiviteit = std::move(verwerkingsactiviteit);
  if (e.context.verwerkingsactiviteit == kToegangsbeheer) {
    e.context.doel = kDoelBeveiliging;
    e.context.grondslag = kGrondslagBeveiliging;
  }
  e.handeling = std::move(handeling);
  e.object_type = std::move(object_type);
  e.detail = std::move(detail);
  e.pseudoniem = std::move(pseudoniem);
  (void)bron_.audit(e);  // a failing audit write must not leak into the answer
}

Antwoord Api::behandel(const Route& route, const Verzoek& v) {
  Antwoord a;
  if (auto geweigerd = beslis(route, v)) {
    // Refusals are logged by route and code: never the query, which may hold person data.
    log(v, "geweigerd", kToegangsbeheer, "verzoek",
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
    log(v, "geweigerd", kToegangsbeheer, "verzoek",
        route.methode + " " + route.pad + " invalid-params");
  a.headers.emplace_back("API-Version", std::string(kApiVersie));
  return a;
}

void Api::weigering(const std::string& methode, const std::string& pad, int status) {
  Verzoek v;
  v.methode = methode;
  v.pad = pad;
  log(v, "geweigerd", kToegangsbeheer, "verzoek",
      utf8_vervangen(methode.substr(0, 16) + " " + pad.substr(0, 200) + " " +
                     std::to_string(status)));
}

std::vector<Route> Api::routes() {
  auto h = [this](Antwoord (Api::*m)(const Verzoek&)) {
    return [this, m](const Verzoek& v) { return (this->*m)(v); };
  };
  std::vector<Route> r = {
      {"POST", "/api/v1/sessie", {}, {}, Scope::kGeen, h(&Api::sessie_maak), true},
      {"GET", "/api/v1/sessie", {}, kMensen, Scope::kGeen, h(&Api::sessie_lees)},
      {"DELETE", "/api/v1/sessie", {}, kMensen, Scope::kGeen, h(&Api::sessie_verwijder)},
      {"GET", "/api/v1/audit", {"jeugdige"}, {kPrivacy}, Scope::kRegio, h(&Api::audit_lees)},
      {"POST", "/api/v1/berichten", {}, {Rol::kAanbieder}, Scope::kGeen, h(&Api::berichten)},
      {"GET",
       "/api/v1/indicatoren",
       {"periode", "gemeente", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::indicatoren)},
      {"GET",
       "/api/v1/kerncijfers",
       {"periode", "niveau"},
       {kBeleid, kContract},
       Scope::kRegio,
       h(&Api::kerncijfers)},
      {"GET",
       "/api/v1/kerncijfers/verloop",
       {"niveau"},
       {kBeleid, kContract},
       Scope::kRegio,
       h(&Api::kerncijfers_verloop)},
      {"GET", "/api/v1/perioden", {}, {kBeleid, kContract}, Scope::kRegio, h(&Api::perioden)},
      {"GET",
       "/api/v1/trajecten",
       {"periode", "gemeente", "aanbieder", "niveau"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::trajecten)},
      {"GET",
       "/api/v1/kpi-indicatoren",
       {},
       {kBeleid, kContract, kBeheer},
       Scope::kGeen,
       h(&Api::kpi_indicatoren)},
      {"GET",
       "/api/v1/kpis",
       {"periode", "gemeente"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::kpis_lijst)},
      {"POST", "/api/v1/kpis", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_maak)},
      {"GET",
       "/api/v1/kpis/{id}",
       {"periode"},
       {kBeleid, kContract},
       Scope::kGemeente,
       h(&Api::kpi_lees)},
      {"PUT", "/api/v1/kpis/{id}", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_wijzig)},
      {"DELETE", "/api/v1/kpis/{id}", {}, {kBeleid}, Scope::kGemeente, h(&Api::kpi_verwijder)},
      {"POST",
       "/api/v1/exports",
       {"formaat"},
       {kBeleid, kContract},
       Scope::kGeen,
       h(&Api::exporteer)},
  };
  for (auto& c : contract_routes()) r.push_back(std::move(c));
  // Every POST and PUT takes a JSON body, but the upload of an iJw message.
  for (auto& route : r)
    if (route.methode == "POST" || route.methode == "PUT")
      route.invoer = route.pad == "/api/v1/berichten" ? Invoer::kXml : Invoer::kJson;
  return r;
}

Antwoord Api::indicatoren(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, fl.gemeente, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->tekst);
}

namespace {
// The kerncijfers answer of one indicator document (built once per document, see
// Document::afgeleid).
std::string kerncijfers_document(const json& doc) {
  json uit;
  uit["periode"] = doc["periode"];
  uit["niveau"] = doc["niveau"];
  json gemeenten = json::array();
  for (const auto& g : doc["gemeenten"]) gemeenten.push_back(kerncijfers_van(g));
  uit["gemeenten"] = gemeenten;
  uit["regio"] = kerncijfers_van(doc["regio"]);
  uit["landelijk"] = {{"periode", kLandelijk.periode},
                      {"bron", kLandelijk.bron},
                      {"pctJongerenMetJeugdhulp", kLandelijk.pct_jeugdhulp},
                      {"pctJongerenMetVerblijf", kLandelijk.pct_verblijf},
                      {"pctJeugdbescherming", kLandelijk.pct_jeugdbescherming},
                      {"kostenPerClient", nullptr}};
  return uit.dump(-1, ' ', false, kVervang);
}
}  // namespace

Antwoord Api::kerncijfers(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.indicatoren({*fl.periode, std::nullopt, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord((*d)->afgeleid("kerncijfers", kerncijfers_document));
}

// The kerncijfers of every half year of /perioden in one answer (the Overzicht's trend), from
// the same cached indicator documents as /kerncijfers.
Antwoord Api::kerncijfers_verloop(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, false, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto p = bron_.perioden();
  if (!p.ok()) return uit_status(p.status());
  const bool publiek = publiek_voor(v, fl.publiek);
  json lijst = json::array();
  for (const auto& hj : p->halfjaren) {
    auto d = bron_.indicatoren({hj, std::nullopt, publiek});
    if (!d.ok()) return uit_status(d.status());
    const json& doc = (*d)->json;
    json gemeenten = json::array();
    for (const auto& g : doc["gemeenten"]) gemeenten.push_back(kerncijfers_van(g));
    lijst.push_back(
        {{"periode", hj}, {"regio", kerncijfers_van(doc["regio"])}, {"gemeenten", gemeenten}});
  }
  return json_antwoord(
      json{{"niveau", publiek ? "publiek" : "intern"}, {"perioden", std::move(lijst)}}.dump(
          -1, ' ', false, kVervang));
}

Antwoord Api::perioden(const Verzoek&) {
  auto p = bron_.perioden();
  if (!p.ok()) return uit_status(p.status());
  json uit = {{"halfjaren", p->halfjaren}, {"jaren", p->jaren}};
  uit["laatste"] = p->halfjaren.empty() ? json(nullptr) : json(p->halfjaren.back());
  return json_antwoord(uit.dump(-1, ' ', false, kVervang));
}

Antwoord Api::trajecten(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  auto fl = lees_filters(v, true, f);
  if (fl.aanbieder && !fl.gemeente && !v.param("gemeente"))
    f.push_back({"aanbieder", "invalid", "aanbieder kan alleen samen met gemeente"});
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  auto d = bron_.trajecten({*fl.periode, fl.gemeente, fl.aanbieder, publiek_voor(v, fl.publiek)});
  if (!d.ok()) return uit_status(d.status());
  return json_antwoord(d->dump(-1, ' ', false, kVervang));
}

Antwoord Api::kpi_indicatoren(const Verzoek&) {
  json arr = json::array();
  for (const auto& k : jr::server::kpi_indicatoren())
    arr.push_back({{"sleutel", std::string(k.sleutel)},
                   {"naam", std::string(k.naam)},
                   {"eenheid", std::string(k.eenheid)}});
  return json_antwoord(json{{"indicatoren", arr}}.dump(-1, ' ', false, kVervang));
}

std::string Api::laatste_halfjaar() {
  auto p = bron_.perioden();
  if (!p.ok() || p->halfjaren.empty()) return {};
  return p->halfjaren.back();
}

json Api::met_beoordeling(const Kpi& k, const std::string& periode) {
  json j = kpi_json(k);
  std::string mp = periode.empty() ? std::string() : meetperiode(k, periode);
  std::optional<double> realisatie;
  if (!mp.empty()) {
    // Only a period fully inside the data counts: a year needs its second half year.
    auto p = bron_.perioden();
    bool binnen = false;
    if (p.ok()) {
      const auto& hj = p->halfjaren;
      std::string laatste_helft = mp.size() == 4 ? mp + "H2" : mp;
      binnen = std::find(hj.begin(), hj.end(), laatste_helft) != hj.end();
    }
    if (binnen) {
      auto d = bron_.indicatoren({mp, std::nullopt, false});
      if (d.ok()) {
        const json& doc = (*d)->json;
        if (!k.gemeente) {
          realisatie = indicator_waarde(doc["regio"], k.indicator);
        } else {
          for (const auto& g : doc["gemeenten"])
            if (g.value("gemeente", "") == *k.gemeente)
              realisatie = indicator_waarde(g, k.indicator);
        }
      }
    }
  }
  auto b = beoordeel(k, mp, realisatie);
  json r;
  r["status"] = kpi_status_naam(b.status);
  r["periode"] = mp.empty() ? json(nullptr) : json(mp);
  r["realisatie"] = b.realisatie ? json(*b.realisatie) : json(nullptr);
  r["verwacht"] = b.verwacht ? json(*b.verwacht) : json(nullptr);
  j["beoordeling"] = r;
  return j;
}

Antwoord Api::kpis_lijst(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  std::optional<std::string> filter;
  if (const auto* g = v.param("gemeente")) {
    if (*g == "regio" || is_gemeentecode(*g))
      filter = *g;
    else
      f.push_back({"gemeente", "invalid", "gemeente is een CBS-code van vier cijfers of regio"});
  }
  std::string periode;
  if (const auto* p = v.param("periode")) {
    if (is_periode(*p))
      periode = *p;
    else
      f.push_back({"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"});
  }
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (periode.empty()) periode = laatste_halfjaar();
  auto lijst = bron_.met_kpis([&](KpiRegister& r) { return r.lijst(filter); });
  if (!lijst.ok()) return uit_status(lijst.status());
  json arr = json::array();
  for (const auto& k : *lijst) arr.push_back(met_beoordeling(k, periode));
  json uit = {{"periode", periode.empty() ? json(nullptr) : json(periode)}, {"kpis", arr}};
  return json_antwoord(uit.dump(-1, ' ', false, kVervang));
}

Antwoord Api::kpi_maak(const Verzoek& v) {
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(*body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (auto w = buiten_gemeente(v, k.gemeente)) return probleem_antwoord(*w);
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.maak(k); });
  if (!r.ok()) return uit_status(r.status());
  Antwoord a = kpi_antwoord(met_beoordeling(*r, laatste_halfjaar()), r->versie, 201);
  a.headers.emplace_back("Location", "/api/v1/kpis/" + std::to_string(r->id));
  return a;
}

Antwoord Api::kpi_lees(const Verzoek& v) {
  auto id = lees_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  std::string periode;
  if (const auto* p = v.param("periode")) {
    if (!is_periode(*p))
      return probleem_antwoord(ongeldige_parameters(
          {{"periode", "invalid", "periode is een jaar (2024) of halfjaar (2024H1)"}}));
    periode = *p;
  }
  if (periode.empty()) periode = laatste_halfjaar();
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.lees(*id); });
  if (!r.ok()) return uit_status(r.status());
  if (auto w = buiten_gemeente(v, r->gemeente)) return probleem_antwoord(*w);
  return kpi_antwoord(met_beoordeling(*r, periode), r->versie);
}

// What an edit of KPI {id} in `v` acts on: the id and the version it names. First whether the
// caller may touch the KPI at all (400 for the id, 404, 403), only then what the edit needs
// (428, 412), so that a caller without rights learns nothing about the record.
std::variant<std::pair<int64_t, Versie>, Antwoord> Api::kpi_bewerking(const Verzoek& v) {
  auto id = lees_id(v);
  if (!id)
    return probleem_antwoord(
        ongeldige_parameters({{"id", "invalid", "id is een positief geheel getal"}}));
  auto oud = bron_.met_kpis([&](KpiRegister& reg) { return reg.lees(*id); });
  if (!oud.ok()) return uit_status(oud.status());
  if (auto w = buiten_gemeente(v, oud->gemeente)) return probleem_antwoord(*w);
  auto voorwaarde = lees_voorwaarde(v);
  if (auto* p = std::get_if<Probleem>(&voorwaarde)) return probleem_antwoord(*p);
  return std::pair{*id, std::get<Versie>(voorwaarde)};
}

Antwoord Api::kpi_wijzig(const Verzoek& v) {
  auto b = kpi_bewerking(v);
  if (auto* a = std::get_if<Antwoord>(&b)) return *a;
  // Named copies, not a structured binding: clang 14 (the fuzz build) cannot capture one.
  const int64_t id = std::get<std::pair<int64_t, Versie>>(b).first;
  const Versie versie = std::get<std::pair<int64_t, Versie>>(b).second;
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Kpi k = kpi_van_json(*body, f);
  if (f.empty()) f = valideer(k);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  if (auto w = buiten_gemeente(v, k.gemeente)) return probleem_antwoord(*w);
  // The version guards the gap since the scope check: a KPI moved to another gemeente
  // meanwhile has another version.
  auto r = bron_.met_kpis([&](KpiRegister& reg) { return reg.wijzig(id, k, versie); });
  if (!r.ok()) return uit_status(r.status());
  return kpi_antwoord(met_beoordeling(*r, laatste_halfjaar()), r->versie);
}

Antwoord Api::kpi_verwijder(const Verzoek& v) {
  auto b = kpi_bewerking(v);
  if (auto* a = std::get_if<Antwoord>(&b)) return *a;
  // Named copies, not a structured binding: clang 14 (the fuzz build) cannot capture one.
  const int64_t id = std::get<std::pair<int64_t, Versie>>(b).first;
  const Versie versie = std::get<std::pair<int64_t, Versie>>(b).second;
  Status s = bron_.met_kpis([&](KpiRegister& reg) { return reg.verwijder(id, versie); });
  if (!s.ok()) return uit_status(s);
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  return a;
}

Antwoord Api::exporteer(const Verzoek& v) {
  const auto* formaat = v.param("formaat");
  if (!formaat || (*formaat != "csv" && *formaat != "xlsx"))
    return probleem_antwoord(ongeldige_parameters(
        {{"formaat", formaat ? "invalid" : "required", "formaat is csv of xlsx"}}));
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Tabel t = tabel_van_json(*body, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  Antwoord a;
  if (*formaat == "csv") {
    a.content_type = "text/csv; charset=utf-8";
    a.body = naar_csv(t);
  } else {
    auto x = naar_xlsx(t);
    if (!x.ok()) return uit_status(x.status());
    a.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    a.body = std::move(x).value();
  }
  a.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + bestandsnaam(t, *formaat) + "\"");
  log(v, "exporteren", "beleidsinformatie", "tabel",
      *formaat + ", " + std::to_string(t.rijen.size()) + " rijen");
  return a;
}

}  // namespace jr::server

namespace jr::server {

// ---- sessie: logging in and out ----

Antwoord Api::sessie_maak(const Verzoek& v) {
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
  const int64_t nu = unix_nu();
  Verzoek wie = v;  // the audit actor: the account concerned, when it exists
  if (*g) wie.aanroeper = Aanroeper{(*g)->gebruikersnaam, (*g)->rol, (*g)->gemeente, {}, false, {}};
  if (*g && (*g)->geblokkeerd_tot && *(*g)->geblokkeerd_tot > nu) {
    log(wie, "inloggen-geweigerd", kToegangsbeheer, "gebruiker", "account tijdelijk geblokkeerd");
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
    log(wie, "inloggen-mislukt", kToegangsbeheer, "gebruiker",
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
  log(wie, "inloggen", kToegangsbeheer, "gebruiker", "ingelogd");
  json uit = {{"gebruikersnaam", a.naam},
              {"rol", std::string(rol_naam(a.rol))},
              {"gemeente", a.gemeente ? json(*a.gemeente) : json(nullptr)},
              {"csrfToken", sessie ? sessie->csrf : ""},
              {"inactiefMinuten", opties_.sessie_idle.count() / 60}};
  Antwoord r = json_antwoord(uit.dump(-1, ' ', false, kVervang), 201);
  r.headers.emplace_back("Set-Cookie", cookie(id, opties_.cookie_secure, false));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Antwoord Api::sessie_lees(const Verzoek& v) {
  const Aanroeper& a = *v.aanroeper;
  json uit = {{"gebruikersnaam", a.naam},
              {"rol", std::string(rol_naam(a.rol))},
              {"gemeente", a.gemeente ? json(*a.gemeente) : json(nullptr)},
              {"csrfToken", a.csrf},
              {"inactiefMinuten", opties_.sessie_idle.count() / 60}};
  // The regio the dashboard's header names on every page.
  auto regio = bron_.regio_naam(a.gemeente);
  uit["regio"] = regio ? json(*regio) : json(nullptr);
  Antwoord r = json_antwoord(uit.dump(-1, ' ', false, kVervang));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Antwoord Api::sessie_verwijder(const Verzoek& v) {
  if (!v.sessie.empty()) sessies_.verwijder(v.sessie);
  log(v, "uitloggen", kToegangsbeheer, "gebruiker", "uitgelogd");
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  a.headers.emplace_back("Set-Cookie", cookie("", opties_.cookie_secure, true));
  return a;
}

// ---- audit: who saw this child when (privacy officer) ----

Antwoord Api::audit_lees(const Verzoek& v) {
  const std::string* bsn = v.param("jeugdige");
  if (!bsn || !bsn_elfproef(*bsn))
    return probleem_antwoord(
        ongeldige_parameters({{"jeugdige", bsn ? "invalid" : "required",
                               "jeugdige is een BSN (negen cijfers, elfproef)"}}));
  auto r = bron_.met_store(
      [&](store::Store& s) -> Result<std::pair<std::string, std::vector<store::AuditRegel>>> {
        auto regels = s.audit_van_bsn(*bsn);
        if (!regels.ok()) return regels.status();
        return std::make_pair(s.bsn_pseudoniem(*bsn), std::move(regels).value());
      });
  if (!r.ok()) return uit_status(r.status());
  json doc = gebeurtenissen_json(r->second);
  // Reading the log about a child is itself a processing of that child's data.
  log(v, "lezen", "privacytoezicht", "auditlog",
      std::to_string(r->second.size()) + " gebeurtenissen", r->first);
  Antwoord a = json_antwoord(doc.dump(-1, ' ', false, kVervang));
  a.headers.emplace_back("Cache-Control", "no-store");
  return a;
}

// ---- berichten: an aanbieder uploads an iJw message with its API token ----

Antwoord Api::berichten(const Verzoek& v) {
  // The token acts for one aanbieder: the message's Afzender must be that AGB code.
  auto doc = ijw::parse_xml(v.body, validator_ ? validator_->limits() : ijw::XmlLimits{});
  if (!doc.ok())
    return probleem_antwoord(
        ongeldige_parameters({{"body", "invalid", std::string(doc.status().message())}}));
  std::string afzender;
  const xmlNode* wortel = xmlDocGetRootElement(doc->get());
  for (const xmlNode* h = wortel ? wortel->children : nullptr; h; h = h->next)
    if (ijw::is_element(h, "Header"))
      for (const xmlNode* a = h->children; a; a = a->next)
        if (ijw::is_element(a, "Afzender")) afzender = ijw::node_text(a);
  if (!v.aanroeper->aanbieder || afzender != *v.aanroeper->aanbieder) {
    log(v, "geweigerd", kToegangsbeheer, "bericht", "POST /api/v1/berichten andere afzender");
    return probleem_antwoord({403,
                              "forbidden-scope",
                              "Bericht van een andere aanbieder.",
                              "De Afzender van het bericht is niet de aanbieder van dit token.",
                              {}});
  }
  if (!validator_ || !klok_) return uit_status(Unavailable("de iJw-standaard is niet geladen"));
  import::BerichtResultaat r;
  Status st = bron_.met_store([&](store::Store& s) {
    import::ImportOptions o;
    o.batch_grootte = 1;
    o.bron = "api " + v.aanroeper->naam;
    import::Importer imp(s, *validator_, *klok_, o);
    r = imp.import_bytes(v.body, "api");
    return imp.flush();
  });
  bron_.vernieuw();  // the snapshot must see what this connection just wrote
  log(v, "importeren", "berichtenverkeer", "bericht",
      r.berichttype + " " + std::string(import::naam(r.uitkomst)));
  if (!st.ok() || r.uitkomst == import::Uitkomst::fout)
    return uit_status(st.ok() ? Unavailable("het bericht kon niet worden verwerkt") : st);
  Antwoord a;
  a.headers.emplace_back("X-Uitkomst", std::string(import::naam(r.uitkomst)));
  if (!r.retour_xml.empty()) {
    a.content_type = "application/xml";
    a.body = r.retour_xml;
    return a;
  }
  Antwoord j = json_antwoord(json{
      {"berichttype", r.berichttype},
      {"uitkomst", std::string(import::naam(r.uitkomst))},
      {"melding", r.melding}}.dump(-1, ' ', false, kVervang));
  j.headers = std::move(a.headers);
  return j;
}

}  // namespace jr::server
