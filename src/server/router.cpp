#include "server/router.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "domain/tekst.h"
#include "server/antwoord.h"
#include "server/probleem.h"

namespace jr::server {
namespace fs = std::filesystem;

namespace {

// Answers of at least this size are gzipped when the client accepts it.
constexpr size_t kComprimeerVanaf = 1024;

bool gelijk_zonder_hoofdletters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_waarde(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of cookie `naam` in a Cookie header; empty when absent.
std::string cookie_waarde(std::string_view kop, std::string_view naam) {
  size_t i = 0;
  while (i < kop.size()) {
    size_t j = kop.find(';', i);
    if (j == std::string_view::npos) j = kop.size();
    std::string_view deel = kop.substr(i, j - i);
    while (!deel.empty() && deel.front() == ' ') deel.remove_prefix(1);
    if (deel.size() > naam.size() && deel.substr(0, naam.size()) == naam &&
        deel[naam.size()] == '=')
      return std::string(deel.substr(naam.size() + 1));
    i = j + 1;
  }
  return {};
}

// The token of an "Authorization: Bearer <token>" header; empty when absent.
std::string bearer(std::string_view kop) {
  constexpr std::string_view kBearer = "Bearer ";
  if (kop.size() > kBearer.size() && kop.substr(0, kBearer.size()) == kBearer)
    return std::string(kop.substr(kBearer.size()));
  return {};
}

// Percent-encodes every byte of `s` outside the unreserved set and '/', so that any target a
// client sent can go into a Location header.
std::string procent_codeer(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uit;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uit += static_cast<char>(c);
    } else {
      uit += '%';
      uit += kHex[c >> 4];
      uit += kHex[c & 15];
    }
  }
  return uit;
}

// Headers on every answer: no sniffing, no framing, no referrer, and a Content-Security-Policy
// that allows only the server's own scripts (stored text that looks like HTML stays inert).
void beveilig(Antwoord& a) {
  a.headers.emplace_back("X-Content-Type-Options", "nosniff");
  a.headers.emplace_back("X-Frame-Options", "DENY");
  a.headers.emplace_back("Referrer-Policy", "no-referrer");
  a.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; script-src 'self'; style-src 'self' "
                         "'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                         "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
}

bool heeft_kop(const Antwoord& a, std::string_view naam) {
  return std::any_of(a.headers.begin(), a.headers.end(),
                     [&](const auto& h) { return gelijk_zonder_hoofdletters(h.first, naam); });
}

Antwoord api_probleem(const Probleem& p) {
  Antwoord a = probleem_antwoord(p);
  a.headers.emplace_back("API-Version", std::string(kApiVersie));
  return a;
}

Probleem ongeldige_codering(std::vector<OngeldigeParameter> params) {
  Probleem p{400, "invalid-encoding", "Ongeldige tekens in het verzoek.",
             "Pad en parameters moeten geldige UTF-8 zijn, zonder stuurtekens.", std::move(params)};
  if (p.invalid_params.size() == 1) p.detail = p.invalid_params.front().reason;
  return p;
}

// Checks one decoded piece of the path or query; adds an invalid param named `naam` when it
// is not UTF-8 or holds a control character.
void controleer_tekst(const std::string& tekst, const std::string& naam,
                      std::vector<OngeldigeParameter>& f) {
  if (!utf8_geldig(tekst))
    f.push_back(
        {utf8_vervangen(naam), "encoding", utf8_vervangen(naam) + " is geen geldige UTF-8"});
  else if (heeft_stuurteken(tekst))
    f.push_back({naam, "control-character", naam + " bevat een stuurteken"});
}

// A compiled route: its path split into literal segments and {parameters}.
struct Patroon {
  const Route* route;
  std::vector<std::string> segmenten;  // "{id}" for a parameter
};

std::vector<std::string> splits_pad(std::string_view pad) {
  std::vector<std::string> uit;
  size_t i = 1;  // after the leading '/'
  while (i <= pad.size()) {
    size_t j = pad.find('/', i);
    if (j == std::string_view::npos) j = pad.size();
    uit.emplace_back(pad.substr(i, j - i));
    i = j + 1;
  }
  return uit;
}

bool is_parameter(const std::string& s) {
  return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

}  // namespace

std::string HttpVerzoek::kop(std::string_view naam) const {
  for (const auto& [k, v] : kopregels)
    if (gelijk_zonder_hoofdletters(k, naam)) return v;
  return {};
}

const std::vector<std::pair<std::string, std::string>>& dashboard_paginas() {
  // Contracten & budget has sub-pages (web/contracten/); /contracten itself leads to them.
  static const std::vector<std::pair<std::string, std::string>> m = {
      {"/overzicht", "overzicht"},
      {"/trajecten", "trajecten"},
      {"/doelen", "doelen"},
      {"/vergelijken", "vergelijken"},
      {"/contracten", "contracten"},
      {"/contracten/budgetplafonds", "contracten/budgetplafonds"},
      {"/contracten/uitgaven", "contracten/uitgaven"},
      {"/contracten/contracten", "contracten/contracten"},
      {"/contracten/registers", "contracten/registers"},
      {"/wachttijden", "wachttijden"},
      {"/prognose", "prognose"},
  };
  return m;
}

std::optional<std::string> procent_decodeer(std::string_view s, bool plus_is_spatie) {
  std::string uit;
  uit.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      const int h = hex_waarde(s[i + 1]), l = hex_waarde(s[i + 2]);
      if (h < 0 || l < 0) return std::nullopt;
      uit += static_cast<char>(h * 16 + l);
      i += 2;
    } else if (c == '+' && plus_is_spatie) {
      uit += ' ';
    } else {
      uit += c;
    }
  }
  return uit;
}

struct Router::Impl {
  Impl(Api& a, fs::path w, std::vector<Route> extra)
      : api(a), web(std::move(w)), routes(a.routes()), statisch(web) {
    for (auto& r : extra) routes.push_back(std::move(r));
    for (const Route& r : routes) patronen.push_back({&r, splits_pad(r.pad)});
  }

  Antwoord verwerk(const HttpVerzoek& r);
  Antwoord api_verzoek(const HttpVerzoek& r, std::string_view pad, std::string_view query);
  Antwoord bestand(const HttpVerzoek& r, const std::string& pad);
  // Writes a refusal made before any route ran to the audit log (never the query or body).
  void weiger(const HttpVerzoek& r, std::string_view pad, int status) {
    api.weigering(utf8_vervangen(r.methode.substr(0, 16)), utf8_vervangen(pad.substr(0, 200)),
                  status);
  }

  Api& api;
  fs::path web;
  std::vector<Route> routes;
  std::vector<Patroon> patronen;
  StatischeBestanden statisch;
};

Router::Router(Api& api, fs::path web_dir, std::vector<Route> extra)
    : impl_(std::make_unique<Impl>(api, std::move(web_dir), std::move(extra))) {}
Router::~Router() = default;

Antwoord Router::verwerk(const HttpVerzoek& r) noexcept {
  Antwoord a;
  try {
    a = impl_->verwerk(r);
  } catch (...) {
    // A bug: the client gets a 500 problem, the log an event, and the server keeps serving.
    a = api_probleem(van_status(Internal("")));
    try {
      impl_->weiger(r, r.doel.substr(0, r.doel.find('?')), 500);
    } catch (...) {
    }
  }
  try {
    beveilig(a);
  } catch (...) {
  }
  return a;
}

void Router::weigering(const HttpVerzoek& r, int status) noexcept {
  try {
    impl_->weiger(r, r.doel.substr(0, r.doel.find('?')), status);
  } catch (...) {
  }
}

Antwoord Router::Impl::verwerk(const HttpVerzoek& r) {
  const size_t vraag = r.doel.find('?');
  const std::string_view pad_ruw = std::string_view(r.doel).substr(0, vraag);
  const std::string_view query_ruw =
      vraag == std::string::npos ? std::string_view() : std::string_view(r.doel).substr(vraag + 1);
  if (pad_ruw.empty() || pad_ruw.front() != '/') {
    weiger(r, pad_ruw, 400);
    return api_probleem(
        {400, "bad-request", "Ongeldig verzoek.", "Het pad moet met / beginnen.", {}});
  }
  if (pad_ruw.rfind("/api/", 0) == 0) return api_verzoek(r, pad_ruw, query_ruw);

  auto pad = procent_decodeer(pad_ruw, false);
  std::vector<OngeldigeParameter> f;
  if (!pad)
    f.push_back({"pad", "encoding", "het pad bevat een ongeldige %-codering"});
  else
    controleer_tekst(*pad, "pad", f);
  if (!f.empty()) {
    weiger(r, pad_ruw, 400);
    return api_probleem(ongeldige_codering(std::move(f)));
  }
  if (r.methode != "GET" && r.methode != "HEAD") {
    Antwoord a = api_probleem(niet_gevonden("Er is niets op dit pad."));
    return a;
  }
  return bestand(r, *pad);
}

Antwoord Router::Impl::api_verzoek(const HttpVerzoek& r, std::string_view pad_ruw,
                                   std::string_view query_ruw) {
  std::vector<OngeldigeParameter> f;
  // The path, segment by segment: an encoded '/' stays inside its segment.
  std::vector<std::string> segmenten;
  for (const auto& s : splits_pad(pad_ruw)) {
    auto d = procent_decodeer(s, false);
    if (!d) {
      f.push_back({"pad", "encoding", "het pad bevat een ongeldige %-codering"});
      break;
    }
    controleer_tekst(*d, "pad", f);
    if (!f.empty()) break;
    segmenten.push_back(std::move(*d));
  }
  std::multimap<std::string, std::string> query;
  size_t i = 0;
  while (f.empty() && i < query_ruw.size()) {
    size_t j = query_ruw.find('&', i);
    if (j == std::string_view::npos) j = query_ruw.size();
    const std::string_view deel = query_ruw.substr(i, j - i);
    i = j + 1;
    if (deel.empty()) continue;
    const size_t is = deel.find('=');
    auto k = procent_decodeer(deel.substr(0, is), true);
    auto w = is == std::string_view::npos ? std::optional<std::string>("")
                                          : procent_decodeer(deel.substr(is + 1), true);
    if (!k || !w) {
      f.push_back(
          {k ? *k : std::string("query"), "encoding", "de query bevat een ongeldige %-codering"});
      break;
    }
    controleer_tekst(*k, *k, f);
    if (f.empty()) controleer_tekst(*w, *k, f);
    query.emplace(std::move(*k), std::move(*w));
  }
  if (!f.empty()) {
    weiger(r, pad_ruw, 400);
    return api_probleem(ongeldige_codering(std::move(f)));
  }

  // The route: same number of segments, literals equal.
  const Patroon* gevonden = nullptr;
  std::string allow;
  for (const Patroon& p : patronen) {
    if (p.segmenten.size() != segmenten.size()) continue;
    bool past = true;
    for (size_t s = 0; s < segmenten.size() && past; ++s)
      past = is_parameter(p.segmenten[s]) ? !segmenten[s].empty() : p.segmenten[s] == segmenten[s];
    if (!past) continue;
    if (p.route->methode == r.methode) {
      gevonden = &p;
      break;
    }
    if (allow.find(p.route->methode) == std::string::npos)
      allow += (allow.empty() ? "" : ", ") + p.route->methode;
  }
  if (!gevonden) {
    if (!allow.empty()) {
      Antwoord a = api_probleem({405,
                                 "method-not-allowed",
                                 "Methode niet toegestaan.",
                                 "Deze methode is hier niet toegestaan; wel: " + allow,
                                 {}});
      a.headers.emplace_back("Allow", allow);
      return a;
    }
    // Of the 404s only what looks like probing goes to the audit log.
    if (r.doel.find("..") != std::string::npos || r.doel.find('%') != std::string::npos)
      weiger(r, pad_ruw, 404);
    return api_probleem(niet_gevonden("Er is niets op dit pad."));
  }

  Verzoek v;
  v.methode = r.methode;
  v.pad = "/" + [&] {
    std::string p;
    for (size_t s = 0; s < segmenten.size(); ++s) p += (s ? "/" : "") + segmenten[s];
    return p;
  }();
  for (size_t s = 0; s < segmenten.size(); ++s)
    if (is_parameter(gevonden->segmenten[s]))
      v.pad_params[gevonden->segmenten[s].substr(1, gevonden->segmenten[s].size() - 2)] =
          segmenten[s];
  v.query = std::move(query);
  v.sessie = cookie_waarde(r.kop("Cookie"), kSessieCookie);
  v.aanroeper = api.authenticeer(v.sessie, bearer(r.kop("Authorization")));
  v.csrf = r.kop("X-CSRF-Token");
  v.adres = r.adres;
  v.body = r.body;
  v.content_type = r.kop("Content-Type");
  v.if_match = r.kop("If-Match");
  v.if_none_match = r.kop("If-None-Match");
  Antwoord a = api.behandel(*gevonden->route, v);
  if (!heeft_kop(a, "Cache-Control")) a.headers.emplace_back("Cache-Control", "no-store");
  // JSON and CSV of some size travel gzipped when the client accepts it.
  if (a.body.size() >= kComprimeerVanaf && !heeft_kop(a, "Content-Encoding") &&
      aanvaardt_codering(r.kop("Accept-Encoding"), "gzip") &&
      (a.content_type.find("json") != std::string::npos || a.content_type.rfind("text/", 0) == 0)) {
    std::string z = gzip(a.body, 1);
    if (!z.empty() && z.size() < a.body.size()) {
      a.body = std::move(z);
      a.headers.emplace_back("Content-Encoding", "gzip");
      a.headers.emplace_back("Vary", "Accept-Encoding");
    }
  }
  return a;
}

Antwoord Router::Impl::bestand(const HttpVerzoek& r, const std::string& pad) {
  Antwoord a;
  if (pad == "/") {
    a.status = 302;
    a.content_type.clear();
    a.headers.emplace_back("Location", "/overzicht");
    return a;
  }
  std::shared_ptr<const StatischBestand> b;
  const auto& paginas = dashboard_paginas();
  auto p =
      std::find_if(paginas.begin(), paginas.end(), [&](const auto& kv) { return kv.first == pad; });
  if (p != paginas.end()) {
    // A page needs a session; without one, the login page (which comes back here with the
    // same filters: it only follows a path on this server).
    auto wie = api.authenticeer(cookie_waarde(r.kop("Cookie"), kSessieCookie), "");
    if (!wie || wie->via_token) {
      a.status = 302;
      a.content_type.clear();
      a.headers.emplace_back("Location", "/inloggen?terug=" + procent_codeer(r.doel));
      return a;
    }
    b = statisch.pagina(web / (p->second + ".html"), p->second);
  } else if (pad == "/inloggen") {
    b = statisch.pagina(web / "inloggen.html", "inloggen");
  } else if (pad.rfind("/js/", 0) == 0 || pad.rfind("/css/", 0) == 0 ||
             pad.rfind("/dist/", 0) == 0) {
    if (auto bp = veilig_pad(web, pad)) b = statisch.bestand(*bp);
  }
  if (!b) {
    if (r.doel.find("..") != std::string::npos || r.doel.find('%') != std::string::npos)
      weiger(r, pad, 404);
    return probleem_antwoord(niet_gevonden("Er is niets op dit pad."));
  }
  // Every file is checked again on each use (a 304 when unchanged), so a new build shows at
  // once; a page also because it depends on the session.
  a.content_type.clear();
  a.headers.emplace_back("Cache-Control", p != paginas.end() ? "private, no-cache" : "no-cache");
  a.headers.emplace_back("ETag", b->etag);
  a.headers.emplace_back("Last-Modified", b->laatst_gewijzigd);
  a.headers.emplace_back("Vary", "Accept-Encoding");
  if (nog_geldig(*b, r.kop("If-None-Match"), r.kop("If-Modified-Since"))) {
    a.status = 304;
    return a;
  }
  a.content_type = b->mime;
  const auto codering = kies_codering(*b, r.kop("Accept-Encoding"));
  if (codering == "br") {
    a.headers.emplace_back("Content-Encoding", "br");
    a.body = b->brotli;
  } else if (codering == "gzip") {
    a.headers.emplace_back("Content-Encoding", "gzip");
    a.body = b->gzip;
  } else {
    a.body = b->inhoud;
  }
  return a;
}

}  // namespace jr::server
