// Api: the routes of /api/v1, composed of one module per resource (api_*.h), each with its own
// route fragment and only the dependencies it needs; and what every route goes through,
// independent of the HTTP library: authentication, the access decision (autorisatie.h), the
// query keys and media type a route accepts, the answers kept per data version, and the audit
// of refusals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/api_audit.h"
#include "server/api_berichten.h"
#include "server/api_casework.h"
#include "server/api_exports.h"
#include "server/api_indicatoren.h"
#include "server/api_kpis.h"
#include "server/api_plafonds.h"
#include "server/api_prognose.h"
#include "server/api_registers.h"
#include "server/api_sessie.h"
#include "server/api_wachttijden.h"
#include "server/auditor.h"
#include "server/autorisatie.h"
#include "server/databron.h"
#include "server/routes.h"

namespace jr::server {

class Api {
 public:
  explicit Api(Databron& bron, AutorisatieOpties opties = {});

  // The route table (the single source for the server and for the OpenAPI comparison).
  std::vector<Route> routes();

  // The caller of a request: the session named by the cookie `sessie`, or the API token in
  // `bearer`; nullopt when neither is valid.
  std::optional<Aanroeper> authenticeer(std::string_view sessie, std::string_view bearer);

  // Runs `route` for `v`: refuses what the route does not admit (beslis(), 401/403, written
  // to the audit log), rejects unknown or repeated query keys (400) and a body in another
  // media type (415), turns an escaping exception into a 500 problem, and adds the
  // API-Version header.
  Antwoord behandel(const Route& route, const Verzoek& v);

  const AutorisatieOpties& opties() const { return opties_; }

  // Writes a refusal the HTTP layer made before any route ran (a body over the limit, an
  // unreadable request, a path-traversal attempt on the static files) to the audit log.
  void weigering(const std::string& methode, const std::string& pad, int status);

  // Lets aanbieders upload iJw messages (POST /api/v1/berichten) through the importer, with
  // this validator and clock; without it that route answers 503.
  void ontvang_berichten(ijw::Validator& validator, const Clock& klok) {
    berichten_.ontvang(validator, klok);
  }
  // Lets the toegang's besluiten and answers build JW301 and JW319, validated with this
  // validator (the same one may serve ontvang_berichten: both run under the store lock) against
  // the standard in `standaard_dir`; without it those routes answer 503.
  void verstuur_berichten(ijw::Validator& validator, std::filesystem::path standaard_dir) {
    casework_.verstuur(validator, std::move(standaard_dir));
  }

 private:
  Databron& bron_;
  AutorisatieOpties opties_;
  Sessies sessies_;
  Auditor auditor_;
  SessieApi sessie_;
  AuditApi audit_;
  BerichtenApi berichten_;
  IndicatorenApi indicatoren_;
  KpiApi kpis_;
  ExportApi exports_;
  RegistersApi registers_;
  PlafondsApi plafonds_;
  WachttijdenApi wachttijden_;
  PrognoseApi prognose_;
  CaseworkApi casework_;
};

}  // namespace jr::server
