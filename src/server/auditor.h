// Auditor: what the API writes to the audit log (Logboek Dataverwerkingen fields), for the
// caller of a request. A failing audit write never leaks into the answer.
#pragma once

#include <string>

#include "server/routes.h"

namespace jr::server {

class Databron;

// The processing activity of logins, logouts and refusals (identity and access management).
// Stored as 'toegangsbeheer', the name it has had in the log since its first event; in code
// this work is autorisatie (docs/glossary.md).
inline constexpr const char* kAutorisatiebeheer = "toegangsbeheer";

class Auditor {
 public:
  explicit Auditor(Databron& bron) : bron_(bron) {}

  // An event for the caller of `v` ('anoniem' without one): what was done (`handeling`), in
  // which processing activity, on what kind of object, a detail without person data, and the
  // pseudonym of the jeugdige concerned when there is one. Under kAutorisatiebeheer the
  // purpose and basis are those of securing the data (AVG art. 32).
  void log(const Verzoek& v, std::string handeling, std::string verwerkingsactiviteit,
           std::string object_type, std::string detail, std::string pseudoniem = {});
  // A refusal made before any route ran (by the transport or the router): method, path and
  // status, never the query or body.
  void weigering(const std::string& methode, const std::string& pad, int status);

 private:
  Databron& bron_;
};

}  // namespace jr::server
