#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <map>
#include <regex>
#include <thread>

#include "server/statisch.h"

namespace jr::server {
namespace fs = std::filesystem;

namespace {

constexpr int kLuisterWachtrij = 1024;  // listen backlog (capped by net.core.somaxconn)

// The dashboard's pages: URL -> name (HTML file web/NAME.html, data-pagina in the navigation).
const std::map<std::string, std::string>& paginas() {
  static const std::map<std::string, std::string> m = {
      {"/overzicht", "overzicht"},   {"/trajecten", "trajecten"},
      {"/doelen", "doelen"},         {"/vergelijken", "vergelijken"},
      {"/contracten", "contracten"}, {"/wachttijden", "wachttijden"},
      {"/prognose", "prognose"},
  };
  return m;
}

// Where the pre-routing handler keeps a static file's Accept-Encoding (see there).
constexpr const char* kStatischeCodering = "Jr-Accept-Encoding";

// "/api/v1/kpis/{id}" -> "/api/v1/kpis/([^/]+)", and the names of the parameters.
std::string naar_regex(const std::string& pad, std::vector<std::string>& namen) {
  std::string r;
  for (size_t i = 0; i < pad.size(); ++i) {
    if (pad[i] == '{') {
      auto e = pad.find('}', i);
      namen.push_back(pad.substr(i + 1, e - i - 1));
      r += "([^/]+)";
      i = e;
    } else if (pad[i] == '.') {
      r += "\\.";
    } else {
      r += pad[i];
    }
  }
  return r;
}

// The value of cookie `naam` in a Cookie header; empty when absent.
std::string cookie_waarde(const std::string& kop, std::string_view naam) {
  size_t i = 0;
  while (i < kop.size()) {
    size_t j = kop.find(';', i);
    if (j == std::string::npos) j = kop.size();
    std::string_view deel(kop.data() + i, j - i);
    while (!deel.empty() && deel.front() == ' ') deel.remove_prefix(1);
    if (deel.size() > naam.size() && deel.substr(0, naam.size()) == naam &&
        deel[naam.size()] == '=')
      return std::string(deel.substr(naam.size() + 1));
    i = j + 1;
  }
  return {};
}

// The token of an "Authorization: Bearer <token>" header; empty when absent.
std::string bearer(const httplib::Request& req) {
  const std::string kop = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (kop.size() > kBearer.size() && kop.compare(0, kBearer.size(), kBearer) == 0)
    return kop.substr(kBearer.size());
  return {};
}

// Headers on every answer: no sniffing, no framing, no referrer, and for the pages a
// Content-Security-Policy that allows only the server's own scripts (stored text that looks
// like HTML stays inert even if a page were to insert it as markup).
void beveilig(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                 "frame-ancestors 'none'; form-action 'self'");
}

void schrijf(httplib::Response& res, const Antwoord& a) {
  res.status = a.status;
  for (const auto& [k, v] : a.headers) res.set_header(k, v);
  if (!a.body.empty() || !a.content_type.empty()) res.set_content(a.body, a.content_type);
}

}  // namespace

std::optional<fs::path> veilig_pad(const fs::path& root, std::string_view url) {
  if (url.empty() || url.front() != '/') return std::nullopt;
  if (url.find('\0') != std::string_view::npos || url.find('\\') != std::string_view::npos)
    return std::nullopt;
  fs::path rel;
  size_t i = 1;
  while (i <= url.size()) {
    size_t j = url.find('/', i);
    if (j == std::string_view::npos) j = url.size();
    std::string_view seg = url.substr(i, j - i);
    if (seg == ".." || seg == "." || (!seg.empty() && seg.front() == '.')) return std::nullopt;
    if (!seg.empty()) rel /= std::string(seg);
    i = j + 1;
  }
  if (rel.empty()) return std::nullopt;
  std::error_code ec;
  auto basis = fs::weakly_canonical(root, ec);
  if (ec) return std::nullopt;
  auto doel = fs::weakly_canonical(basis / rel, ec);
  if (ec) return std::nullopt;
  auto [b, d] = std::mismatch(basis.begin(), basis.end(), doel.begin(), doel.end());
  if (b != basis.end()) return std::nullopt;
  if (!fs::is_regular_file(doel, ec)) return std::nullopt;
  return doel;
}

struct Server::Impl {
  Impl(Api& a, ServerOpties o) : api(a), opties(std::move(o)), routes(a.routes()) {}
  Api& api;
  ServerOpties opties;
  std::vector<Route> routes;
  httplib::Server http;
  std::vector<std::pair<std::regex, std::string>> patronen;  // path regex -> method, for 405
  int luister_fd = -1;                                       // the listening socket, once bound
  std::unique_ptr<StatischeBestanden> statisch;
};

Server::Server(Api& api, ServerOpties opties)
    : impl_(std::make_unique<Impl>(api, std::move(opties))) {
  auto& http = impl_->http;
  const int threads = impl_->opties.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  http.set_payload_max_length(16 * 1024 * 1024);
  // Small answers on kept-alive connections: without TCP_NODELAY, Nagle and the peer's delayed
  // ACK hold each answer about 40 ms.
  http.set_tcp_nodelay(true);
  http.set_socket_options([impl = impl_.get()](socket_t sock) {
    httplib::default_socket_options(sock);
    impl->luister_fd = sock;
  });
  http.set_keep_alive_max_count(1000);

  for (const Route& route : impl_->routes) {
    std::vector<std::string> namen;
    std::string patroon = naar_regex(route.pad, namen);
    impl_->patronen.emplace_back(std::regex(patroon), route.methode);
    auto handler = [this, &route, namen](const httplib::Request& req, httplib::Response& res) {
      Verzoek v;
      v.methode = req.method;
      v.pad = req.path;
      v.sessie = cookie_waarde(req.get_header_value("Cookie"), kSessieCookie);
      v.aanroeper = impl_->api.authenticeer(v.sessie, bearer(req));
      v.csrf = req.get_header_value("X-CSRF-Token");
      v.adres = req.remote_addr;
      for (size_t i = 0; i < namen.size() && i + 1 < req.matches.size(); ++i)
        v.pad_params[namen[i]] = req.matches[i + 1].str();
      for (const auto& [k, val] : req.params) v.query.emplace(k, val);
      v.body = req.body;
      v.content_type = req.get_header_value("Content-Type");
      beveilig(res);
      res.set_header("Cache-Control", "no-store");
      schrijf(res, impl_->api.behandel(route, v));
    };
    if (route.methode == "GET")
      http.Get(patroon, handler);
    else if (route.methode == "POST")
      http.Post(patroon, handler);
    else if (route.methode == "PUT")
      http.Put(patroon, handler);
    else if (route.methode == "DELETE")
      http.Delete(patroon, handler);
  }

  // Compression: the API's JSON may be gzipped by httplib (brotli on large documents costs too
  // much per request); the dashboard's files are compressed once (StatischeBestanden), so
  // httplib must not compress them again: their Accept-Encoding is moved aside for the handler.
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    auto& r = const_cast<httplib::Request&>(req);  // the request is not const; the API is
    r.headers.erase(kStatischeCodering);
    auto it = r.headers.find("Accept-Encoding");
    if (it != r.headers.end()) {
      if (req.path.rfind("/api/", 0) == 0) {
        if (it->second.find("gzip") != std::string::npos)
          it->second = "gzip";
        else
          r.headers.erase(it);
      } else {
        r.headers.emplace(kStatischeCodering, it->second);
        r.headers.erase(it);
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  const fs::path web = impl_->opties.web_dir;
  impl_->statisch = std::make_unique<StatischeBestanden>(web);
  http.Get("/",
           [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/overzicht"); });
  http.Get("/(.*)", [this, web](const httplib::Request& req, httplib::Response& res) {
    beveilig(res);
    if (req.path.rfind("/api/", 0) == 0) {
      res.status = 404;  // unknown API path: the error handler answers
      return;
    }
    std::shared_ptr<const StatischBestand> b;
    if (auto p = paginas().find(req.path); p != paginas().end()) {
      // A page needs a session; without one, the login page (which comes back here).
      auto wie =
          impl_->api.authenticeer(cookie_waarde(req.get_header_value("Cookie"), kSessieCookie), "");
      if (!wie || wie->via_token) {
        // Back to the same page with the same filters after logging in (the login page only
        // follows a path on this server).
        res.set_redirect("/inloggen?terug=" + httplib::detail::encode_query_param(req.target));
        return;
      }
      b = impl_->statisch->pagina(web / (p->second + ".html"), p->second);
    } else if (req.path == "/inloggen") {
      b = impl_->statisch->pagina(web / "inloggen.html", "inloggen");
    } else if (req.path.rfind("/js/", 0) == 0 || req.path.rfind("/css/", 0) == 0 ||
               req.path.rfind("/dist/", 0) == 0) {
      if (auto pad = veilig_pad(web, req.path)) b = impl_->statisch->bestand(*pad);
    }
    if (!b) {
      res.status = 404;  // the error handler answers
      return;
    }
    // Every file is checked again on each use (a 304 when unchanged), so a new build shows
    // at once; a page also because it depends on the session.
    res.set_header("Cache-Control", paginas().count(req.path) ? "private, no-cache" : "no-cache");
    res.set_header("ETag", b->etag);
    res.set_header("Last-Modified", b->laatst_gewijzigd);
    res.set_header("Vary", "Accept-Encoding");
    if (nog_geldig(*b, req.get_header_value("If-None-Match"),
                   req.get_header_value("If-Modified-Since"))) {
      res.status = 304;
      return;
    }
    const auto codering = kies_codering(*b, req.get_header_value(kStatischeCodering));
    if (codering == "br") {
      res.set_header("Content-Encoding", "br");
      res.set_content(b->brotli, b->mime);
    } else if (codering == "gzip") {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(b->gzip, b->mime);
    } else {
      res.set_content(b->inhoud, b->mime);
    }
  });

  using HandlerWithResponse = httplib::Server::HandlerWithResponse;
  http.set_error_handler(
      HandlerWithResponse([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Probleem p;
        if (res.status == 404) {
          // A known path with another method: 405 with Allow.
          std::string allow;
          for (const auto& [re, methode] : impl_->patronen)
            if (std::regex_match(req.path, re)) allow += (allow.empty() ? "" : ", ") + methode;
          if (!allow.empty()) {
            res.status = 405;
            res.set_header("Allow", allow);
            p = {405,
                 "method-not-allowed",
                 "Methode niet toegestaan.",
                 "Deze methode is hier niet toegestaan; wel: " + allow,
                 {}};
          } else {
            p = niet_gevonden("Er is niets op dit pad.");
          }
        } else if (res.status == 413) {
          p = {413, "payload-too-large", "Het verzoek is te groot.", "Hoogstens 16 MiB.", {}};
        } else if (res.status >= 500) {
          p = van_status(Internal(""));
          p.status = res.status;
        } else {
          p = {res.status, "bad-request", "Ongeldig verzoek.", "Het verzoek is niet te lezen.", {}};
        }
        // Refusals before any route ran go to the audit log; of the 404s only traversal
        // attempts, or every missing file would flood it. The path, never the query or body.
        const bool doorkruisen =
            req.target.find("..") != std::string::npos || req.target.find('%') != std::string::npos;
        if ((res.status != 404 && res.status != 405) || doorkruisen)
          impl_->api.weigering(req.method, req.path, res.status);
        beveilig(res);
        res.set_header("API-Version", std::string(kApiVersie));
        res.set_content(p.json(), "application/problem+json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = 500;
        res.set_header("API-Version", std::string(kApiVersie));
        res.set_content(van_status(Internal("")).json(), "application/problem+json");
      });
}

Server::~Server() { stop(); }

Status Server::bind() {
  auto& o = impl_->opties;
  if (o.port == 0) {
    int p = impl_->http.bind_to_any_port(o.host);
    if (p <= 0) return Unavailable("geen vrije poort op " + o.host);
    port_ = p;
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port))
      return Unavailable("poort " + std::to_string(o.port) + " op " + o.host + " is niet vrij");
    port_ = o.port;
  }
  // Debian's cpp-httplib listens with a backlog of 5: fifty clients connecting at once lose
  // SYNs and wait a second for the retry. Listening again on the bound socket raises it.
  if (impl_->luister_fd >= 0) ::listen(impl_->luister_fd, kLuisterWachtrij);
  return Status::Ok();
}

void Server::luister() { impl_->http.listen_after_bind(); }

void Server::stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

void Server::wacht_tot_klaar() const {
  for (int i = 0; i < 500 && !impl_->http.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

}  // namespace jr::server
