#include "casework/uitgaand.h"

#include "ijw/validator.h"
#include "store/keyring.h"

namespace jr::casework {

Result<std::string> nieuwe_identificatie(store::Store& store, ijw::Berichttype type,
                                         std::string_view gemeente) {
  const std::string reeks(ijw::prefix(type));  // "jw301": the series of the type
  const std::string naam(ijw::naam(type));
  for (;;) {
    auto n = store.volgend_nummer(reeks);
    if (!n.ok()) return n.status();
    std::string identificatie = "JR" + std::to_string(*n);
    auto bekend = store.identificatie_bekend(naam, gemeente, identificatie);
    if (!bekend.ok()) return bekend.status();
    if (!*bekend) return identificatie;
  }
}

Result<int64_t> bewaar_verzonden(store::Store& store, ijw::Validator& validator,
                                 const ijw::Header& header, const std::string& xml) {
  // Only the rule and the element are named: a finding's text may echo a value.
  ijw::Validatie v = validator.validate(xml);
  if (!v.fout.ok()) return Internal("gebouwd bericht is onleesbaar: " + v.fout.message());
  if (!v.findings.empty())
    return Internal("gebouwd " + std::string(ijw::naam(header.type)) + " is ongeldig: " +
                    v.findings.front().regelcode + " bij " + v.findings.front().xpath);
  store::BerichtRecord b;
  b.richting = "uit";
  b.berichttype = std::string(ijw::naam(header.type));
  b.afzender = header.afzender;
  b.ontvanger = header.ontvanger;
  b.identificatie = header.identificatie;
  b.dagtekening = header.dagtekening.iso();
  b.inhoud_sha256 = store::sha256_hex(xml);
  b.xml = xml;
  b.status = "verzonden";
  return store.bewaar_bericht(b);
}

}  // namespace jr::casework
