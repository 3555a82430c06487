// Router: from an HTTP request, as the transport received it, to the answer. It checks what
// the client sent at the edge (the path and query must be well-formed percent-encoding of
// UTF-8 without control characters: 400 'invalid-encoding' naming the part), finds the
// API route (404, or 405 with Allow for a known path with another method) and hands it to
// Api::behandel, or serves the dashboard's pages and files. Free of any HTTP library, so
// tests and the fuzzer drive it directly; the transport (server.h) only moves bytes.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/api.h"
#include "server/statisch.h"

namespace jr::server {

// A request as the transport hands it over.
struct HttpVerzoek {
  std::string methode;                                         // "GET", "POST", ...
  std::string doel;                                            // request target as sent
  std::vector<std::pair<std::string, std::string>> kopregels;  // headers, names as sent
  std::string body;
  std::string adres;  // the client's IP address

  // The value of header `naam` (case-insensitive); empty when absent.
  std::string kop(std::string_view naam) const;
};

class Router {
 public:
  // Routes of `api` (Api::routes()) and `extra` ones beside them; the dashboard from `web_dir`.
  Router(Api& api, std::filesystem::path web_dir, std::vector<Route> extra = {});
  ~Router();

  // The answer to `r`. Never throws: whatever escapes a handler, or this function itself,
  // becomes a 500 problem+json and an audit event.
  Antwoord verwerk(const HttpVerzoek& r) noexcept;

  // Writes a refusal the transport made itself (411, 413: before any route ran) to the audit
  // log, by method, path and status (never the query or body).
  void weigering(const HttpVerzoek& r, int status) noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The dashboard's pages: URL path -> page name (web/NAME.html), in navigation order.
const std::vector<std::pair<std::string, std::string>>& dashboard_paginas();

// Percent-decodes `s` (with '+' as a space when `plus_is_spatie`, as in a query); nullopt
// when an escape is malformed ('%' not followed by two hex digits).
std::optional<std::string> procent_decodeer(std::string_view s, bool plus_is_spatie);

}  // namespace jr::server
