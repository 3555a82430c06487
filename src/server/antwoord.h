// Antwoord: how a handler answers. JSON is written here and in the modules only (never read
// back); bytes of a client's text that are not UTF-8 become U+FFFD instead of an exception.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/status.h"
#include "server/probleem.h"
#include "server/routes.h"

namespace jr::server {

// How the API writes JSON: bytes that are not UTF-8 (a client's text echoed back) become
// U+FFFD instead of an exception. Every dump() in server/ passes it.
inline constexpr auto kVervang = nlohmann::json::error_handler_t::replace;

// `j` as the bytes of an answer (see kVervang).
std::string tekst(const nlohmann::json& j);

// Answers with a problem document (application/problem+json).
Antwoord probleem_antwoord(const Probleem& p);
// Answers with a JSON document.
Antwoord json_antwoord(std::string body, int status = 200);
Antwoord json_antwoord(const nlohmann::json& j, int status = 200);
// A stored record with its version as ETag (docs/openapi.yaml: If-Match on edits).
Antwoord met_etag(const nlohmann::json& j, int64_t versie, int status = 200);
// 204 without a body.
Antwoord geen_inhoud();
// The problem of an expected failure (see van_status).
Antwoord uit_status(const Status& s);
// 400 'invalid-params' naming these parameters.
Antwoord ongeldig(std::vector<OngeldigeParameter> f);

}  // namespace jr::server
