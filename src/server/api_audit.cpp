#include "server/api_audit.h"

#include "domain/bsn.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> AuditApi::routes() {
  return {
      {"GET",
       "/api/v1/audit",
       {"jeugdige"},
       {kPrivacy},
       Scope::kRegio,
       afhandelaar(this, &AuditApi::audit_lees)},
  };
}

Antwoord AuditApi::audit_lees(const Verzoek& v) {
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
  auditor_.log(v, "lezen", "privacytoezicht", "auditlog",
               std::to_string(r->second.size()) + " gebeurtenissen", r->first);
  Antwoord a = json_antwoord(doc);
  a.headers.emplace_back("Cache-Control", "no-store");
  return a;
}

}  // namespace jr::server
