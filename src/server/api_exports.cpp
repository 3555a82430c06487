#include "server/api_exports.h"

#include "server/antwoord.h"
#include "server/export.h"
#include "server/invoer.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> ExportApi::routes() {
  return {
      {"POST",
       "/api/v1/exports",
       {"formaat"},
       {kBeleid, kContract},
       Scope::kGeen,
       afhandelaar(this, &ExportApi::exporteer)},
  };
}

Antwoord ExportApi::exporteer(const Verzoek& v) {
  const auto* formaat = v.param("formaat");
  if (!formaat || (*formaat != "csv" && *formaat != "xlsx"))
    return probleem_antwoord(ongeldige_parameters(
        {{"formaat", formaat ? "invalid" : "required", "formaat is csv of xlsx"}}));
  Probleem p;
  auto body = lees_json_object(v, p);
  if (!body) return probleem_antwoord(p);
  std::vector<OngeldigeParameter> f;
  Tabel t = tabel_van_json(*body, f);
  if (!f.empty()) return probleem_antwoord(ongeldige_parameters(std::move(f)));
  Antwoord a;
  if (*formaat == "csv") {
    a.content_type = "text/csv; charset=utf-8";
    a.body = naar_csv(t);
  } else {
    auto x = naar_xlsx(t);
    if (!x.ok()) return uit_status(x.status());
    a.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    a.body = std::move(x).value();
  }
  a.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + bestandsnaam(t, *formaat) + "\"");
  auditor_.log(v, "exporteren", "beleidsinformatie", "tabel",
               *formaat + ", " + std::to_string(t.rijen.size()) + " rijen");
  return a;
}

}  // namespace jr::server
