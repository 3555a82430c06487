#include "casework/jw319.h"

#include "casework/uitgaand.h"
#include "ijw/retour.h"
#include "ijw/writer.h"

namespace jr::casework {

Result<GebouwdAntwoord> bouw_jw319(store::Store& store, const Clock& clock,
                                   const std::filesystem::path& standaard_dir,
                                   ijw::Validator& validator, const store::VerzoekRij& v,
                                   const Antwoord319& antwoord) {
  // CD085/CD086: a reden with a refusal, none 'in onderzoek'; TR377/TR409: the responsible
  // gemeente exactly with reden 8 (woonplaatsbeginsel).
  if (antwoord.afgewezen != antwoord.reden.has_value())
    return InvalidArgument(antwoord.afgewezen ? "een afwijzing noemt haar reden (WJ759)"
                                              : "'in onderzoek' heeft geen reden");
  const bool woonplaats = antwoord.reden && *antwoord.reden == "8";
  if (woonplaats != antwoord.woonplaats_gemeente.has_value())
    return InvalidArgument(
        woonplaats ? "bij reden 8 (woonplaatsbeginsel) hoort de verantwoordelijke gemeente"
                   : "alleen bij reden 8 (woonplaatsbeginsel) hoort een gemeente");
  GebouwdAntwoord out;
  ijw::Jw319& m = out.bericht;
  auto identificatie = nieuwe_identificatie(store, ijw::Berichttype::JW319, v.gemeente);
  if (!identificatie.ok()) return identificatie.status();
  const ijw::XsdVersie xsd = ijw::xsd_versie(standaard_dir, ijw::Berichttype::JW319);
  m.header.type = ijw::Berichttype::JW319;
  m.header.afzender = v.gemeente;
  m.header.ontvanger = v.aanbieder;
  m.header.identificatie = *identificatie;
  m.header.dagtekening = clock.today();
  m.header.basisschema_xsd_versie = xsd.basisschema;
  m.header.bericht_xsd_versie = xsd.bericht;
  m.referentie_aanbieder = v.referentie_aanbieder;
  m.verzoek_antwoord = std::string(antwoord.afgewezen ? "1" : "2");  // WJ760
  m.reden_afwijzing = antwoord.reden;
  m.woonplaatsbeginsel = antwoord.woonplaats_gemeente;
  out.xml = ijw::write_xml(m);
  auto id = bewaar_verzonden(store, validator, m.header, out.xml);
  if (!id.ok()) return id.status();
  out.bericht_id = *id;
  return out;
}

}  // namespace jr::casework
