#include "server/auditor.h"

#include "domain/tekst.h"
#include "server/databron.h"
#include "store/store.h"

namespace jr::server {

void Auditor::log(const Verzoek& v, std::string handeling, std::string verwerkingsactiviteit,
                  std::string object_type, std::string detail, std::string pseudoniem) {
  store::AuditEvent e;
  e.context.actor = v.aanroeper ? v.aanroeper->naam : "anoniem";
  e.context.verwerkingsactiviteit = std::move(verwerkingsactiviteit);
  if (e.context.verwerkingsactiviteit == kAutorisatiebeheer) {
    e.context.doel = "beveiliging van de gegevens";
    e.context.grondslag = "AVG art. 32";
  }
  e.handeling = std::move(handeling);
  e.object_type = std::move(object_type);
  e.detail = std::move(detail);
  e.pseudoniem = std::move(pseudoniem);
  (void)bron_.audit(e);  // a failing audit write must not leak into the answer
}

void Auditor::weigering(const std::string& methode, const std::string& pad, int status) {
  Verzoek v;
  v.methode = methode;
  v.pad = pad;
  log(v, "geweigerd", kAutorisatiebeheer, "verzoek",
      utf8_vervangen(methode.substr(0, 16) + " " + pad.substr(0, 200) + " " +
                     std::to_string(status)));
}

}  // namespace jr::server
