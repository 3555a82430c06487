#include "server/api_berichten.h"

#include "import/importer.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

std::vector<Route> BerichtenApi::routes() {
  return {
      {"POST",
       "/api/v1/berichten",
       {},
       {Rol::kAanbieder},
       Scope::kGeen,
       afhandelaar(this, &BerichtenApi::berichten)},
  };
}

Antwoord BerichtenApi::berichten(const Verzoek& v) {
  // The token acts for one aanbieder: the importer takes only messages whose Afzender is
  // that AGB code. The body goes to the importer as it came.
  if (!v.aanroeper || !v.aanroeper->aanbieder) return probleem_antwoord(scope_geweigerd());
  if (!validator_ || !klok_) return uit_status(Unavailable("de iJw-standaard is niet geladen"));
  import::BerichtResultaat r;
  Status st = bron_.met_store([&](store::Store& s) {
    import::ImportOptions o;
    o.batch_grootte = 1;
    o.bron = "api " + v.aanroeper->naam;
    o.afzender = *v.aanroeper->aanbieder;
    import::Importer imp(s, *validator_, *klok_, o);
    r = imp.import_bytes(v.body, "api");
    return imp.flush();
  });
  bron_.vernieuw();  // the snapshot must see what this connection just wrote
  if (r.uitkomst == import::Uitkomst::andere_afzender) {
    auditor_.log(v, "geweigerd", kAutorisatiebeheer, "bericht",
                 "POST /api/v1/berichten andere afzender");
    return probleem_antwoord({403,
                              "forbidden-scope",
                              "Bericht van een andere aanbieder.",
                              "De Afzender van het bericht is niet de aanbieder van dit token.",
                              {}});
  }
  auditor_.log(v, "importeren", "berichtenverkeer", "bericht",
               r.berichttype + " " + std::string(import::naam(r.uitkomst)));
  if (!st.ok() || r.uitkomst == import::Uitkomst::fout)
    return uit_status(st.ok() ? Unavailable("het bericht kon niet worden verwerkt") : st);
  if (r.onleesbaar) return ongeldig({{"body", "invalid", r.melding}});
  Antwoord a;
  a.headers.emplace_back("X-Uitkomst", std::string(import::naam(r.uitkomst)));
  if (!r.retour_xml.empty()) {
    a.content_type = "application/xml";
    a.body = r.retour_xml;
    return a;
  }
  Antwoord j = json_antwoord(json{{"berichttype", r.berichttype},
                                  {"uitkomst", std::string(import::naam(r.uitkomst))},
                                  {"melding", r.melding}});
  j.headers = std::move(a.headers);
  return j;
}

}  // namespace jr::server
