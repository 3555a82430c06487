#include "server/antwoord.h"

#include "server/invoer.h"

namespace jr::server {

std::string tekst(const nlohmann::json& j) { return j.dump(-1, ' ', false, kVervang); }

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

Antwoord json_antwoord(const nlohmann::json& j, int status) {
  return json_antwoord(tekst(j), status);
}

Antwoord met_etag(const nlohmann::json& j, int64_t versie, int status) {
  Antwoord a = json_antwoord(j, status);
  a.headers.emplace_back("ETag", etag(versie));
  return a;
}

Antwoord geen_inhoud() {
  Antwoord a;
  a.status = 204;
  a.content_type.clear();
  return a;
}

Antwoord uit_status(const Status& s) { return probleem_antwoord(van_status(s)); }

Antwoord ongeldig(std::vector<OngeldigeParameter> f) {
  return probleem_antwoord(ongeldige_parameters(std::move(f)));
}

}  // namespace jr::server
