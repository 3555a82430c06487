// Probleem: an API error as application/problem+json (RFC 9457), the shape of the NLGov API
// Design Rules and of Open Zaak's Fout/ValidatieFout: type, code, title, status, detail and,
// for bad input, invalidParams. `code` is stable: clients may switch on it.
#pragma once

#include <string>
#include <vector>

#include "domain/status.h"

namespace jr::server {

struct OngeldigeParameter {
  std::string name;    // the query key or JSON field, as the client sent it
  std::string code;    // stable: 'required', 'invalid', 'unknown', ...
  std::string reason;  // Dutch, for people
};

struct Probleem {
  int status = 500;
  std::string code;    // stable machine code: 'invalid-params', 'not-found', ...
  std::string title;   // Dutch, fixed per code
  std::string detail;  // Dutch, this occurrence (never person data)
  std::vector<OngeldigeParameter> invalid_params;

  // The JSON document.
  std::string json() const;
};

// 400 with the given invalid parameters.
Probleem ongeldige_parameters(std::vector<OngeldigeParameter> params);
// 404 for a resource or path that does not exist.
Probleem niet_gevonden(std::string detail);
// Maps an expected failure to its problem (InvalidArgument 400, NotFound 404, AlreadyExists
// 409, FailedPrecondition 409, PermissionDenied 403, Unauthenticated 401, Aborted 412 (a
// stale If-Match), Unavailable 503, Internal 500). Internal messages are not shown to the client.
Probleem van_status(const Status& status);

}  // namespace jr::server
