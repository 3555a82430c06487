#include "server/probleem.h"

#include <nlohmann/json.hpp>

namespace jr::server {

std::string Probleem::json() const {
  nlohmann::json j = {
      {"type", "https://jeugdregie.nl/problemen/" + code},
      {"code", code},
      {"title", title},
      {"status", status},
      {"detail", detail},
  };
  if (!invalid_params.empty()) {
    auto& arr = j["invalidParams"] = nlohmann::json::array();
    for (const auto& p : invalid_params)
      arr.push_back({{"name", p.name}, {"code", p.code}, {"reason", p.reason}});
  }
  // Details may echo what a client sent: bytes that are not UTF-8 become U+FFFD.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Probleem ongeldige_parameters(std::vector<OngeldigeParameter> params) {
  Probleem p{400, "invalid-params", "Een of meer parameters zijn ongeldig.",
             "Zie invalidParams voor de parameters die niet kloppen.", std::move(params)};
  if (p.invalid_params.size() == 1) p.detail = p.invalid_params.front().reason;
  return p;
}

Probleem niet_gevonden(std::string detail) {
  return {404, "not-found", "Niet gevonden.", std::move(detail), {}};
}

Probleem van_status(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
    case StatusCode::kInternal:
      break;
    case StatusCode::kInvalidArgument:
      return {400, "invalid-params", "Een of meer parameters zijn ongeldig.", s.message(), {}};
    case StatusCode::kNotFound:
      return niet_gevonden(s.message());
    case StatusCode::kAlreadyExists:
      return {409, "conflict", "Bestaat al.", s.message(), {}};
    case StatusCode::kFailedPrecondition:
      return {409, "failed-precondition", "De toestand laat dit niet toe.", s.message(), {}};
    case StatusCode::kPermissionDenied:
      return {403, "permission-denied", "Geen toegang.", s.message(), {}};
    case StatusCode::kUnauthenticated:
      return {401, "not-authenticated", "Niet aangemeld.", s.message(), {}};
    case StatusCode::kAborted:
      return {412,
              "precondition-failed",
              "Intussen gewijzigd.",
              "Iemand anders heeft dit intussen gewijzigd. Haal de nieuwste versie op en probeer "
              "het opnieuw.",
              {}};
    case StatusCode::kUnavailable:
      return {503,
              "unavailable",
              "Tijdelijk niet beschikbaar.",
              "De gegevens zijn nu niet te lezen; probeer het later opnieuw.",
              {}};
  }
  return {500, "internal", "Interne fout.", "Er ging iets mis aan de kant van de server.", {}};
}

}  // namespace jr::server
