#include "casework/jw301.h"

#include "casework/uitgaand.h"
#include "ijw/reader.h"
#include "ijw/retour.h"
#include "ijw/writer.h"
#include "ijw/xml.h"

namespace jr::casework {
namespace {

std::optional<std::string> niet_leeg(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

ijw::ToegewezenProduct product_van(const store::ToewijzingRecord& t) {
  ijw::ToegewezenProduct p;
  p.toewijzing_nummer = t.toewijzing_nummer;
  p.referentie_aanbieder = t.referentie_aanbieder;
  if (t.categorie) p.product = ijw::Product{*t.categorie, t.productcode};
  p.toewijzingsdatum = t.toewijzingsdatum;
  p.toewijzingstijd = t.toewijzingstijd;
  p.ingangsdatum = t.ingangsdatum;
  p.einddatum = t.einddatum;
  p.reden_wijziging = t.reden_wijziging;
  if (t.volume && t.eenheid && t.frequentie)
    p.omvang = ijw::Omvang{*t.volume, *t.eenheid, *t.frequentie};
  p.budget = t.budget_cent;
  p.commentaar = t.commentaar;
  return p;
}

}  // namespace

Result<GebouwdBericht> bouw_jw301(store::Store& store, const Clock& clock,
                                  const std::filesystem::path& standaard_dir,
                                  ijw::Validator& validator, std::string_view gemeente,
                                  int64_t nummer, const store::AuditContext& audit) {
  auto gevonden = store.zoek_toewijzing(gemeente, nummer);
  if (!gevonden.ok()) return gevonden.status();
  if (!*gevonden)
    return NotFound("toewijzing " + std::to_string(nummer) + " van gemeente " +
                    std::string(gemeente) + " bestaat niet");
  const store::ToewijzingRecord& hoofd = **gevonden;
  auto alle = store.toewijzingen_van(gemeente, hoofd.aanbieder, hoofd.jeugdige_id);
  if (!alle.ok()) return alle.status();
  auto id = store.lees_jeugdige(hoofd.jeugdige_id, audit);
  if (!id.ok()) return id.status();

  GebouwdBericht out;
  ijw::Jw301& m = out.bericht;
  auto identificatie = nieuwe_identificatie(store, ijw::Berichttype::JW301, gemeente);
  if (!identificatie.ok()) return identificatie.status();
  ijw::XsdVersie xsd = ijw::xsd_versie(standaard_dir, ijw::Berichttype::JW301);
  m.header.type = ijw::Berichttype::JW301;
  m.header.afzender = std::string(gemeente);
  m.header.ontvanger = hoofd.aanbieder;
  m.header.identificatie = *identificatie;
  m.header.dagtekening = clock.today();
  m.header.basisschema_xsd_versie = xsd.basisschema;
  m.header.bericht_xsd_versie = xsd.bericht;
  m.bsn = id->bsn;
  m.geboortedatum.datum = id->geboortedatum;
  m.geslacht = id->geslacht.empty() ? "0" : id->geslacht;
  m.naam.geslachtsnaam.achternaam = id->achternaam.empty() ? "Onbekend" : id->achternaam;
  m.naam.geslachtsnaam.voorvoegsel = niet_leeg(id->voorvoegsel);
  m.naam.voornamen = niet_leeg(id->voornamen);
  m.naam.naam_gebruik = "1";
  // jeugdregie keeps no addresses of its own: the contact data come from the JW301 the
  // toewijzing was imported from, when there is one.
  if (hoofd.bericht_id) {
    auto bron = store.lees_bericht(*hoofd.bericht_id);
    if (!bron.ok()) return bron.status();
    auto doc = ijw::parse_xml(bron->xml);
    if (doc.ok()) {
      auto eerder = ijw::lees_bericht(ijw::Berichttype::JW301, doc->get());
      if (eerder.ok()) {
        const auto& e = std::get<ijw::Jw301>(*eerder);
        m.communicatie = e.communicatie;
        m.juridische_status = e.juridische_status;
        m.wettelijke_vertegenwoordiging = e.wettelijke_vertegenwoordiging;
        m.relaties = e.relaties;
        m.contactgegevens = e.contactgegevens;
      }
    }
  }
  if (m.contactgegevens.empty()) {
    // Made in jeugdregie: the household's address (of an ouder/verzorger of the jeugdige's
    // gezin) is the BRP address the message needs (TR061, CD034).
    auto gezin = store.gezin_van_jeugdige(hoofd.jeugdige_id);
    if (!gezin.ok()) return gezin.status();
    if (*gezin) {
      auto g = store.lees_gezin(**gezin);
      if (!g.ok()) return g.status();
      for (const auto& l : g->leden) {
        if (!l.ouder || l.tot || l.ouder->postcode.empty()) continue;
        ijw::Contact brp;
        brp.soort = "01";
        ijw::Adres a;
        a.huis = ijw::Huis{l.ouder->huisnummer, std::nullopt, std::nullopt, std::nullopt};
        a.postcode = l.ouder->postcode;
        a.straatnaam = l.ouder->straat;
        a.plaatsnaam = l.ouder->plaats;
        a.land_code = "NL";
        brp.adres = a;
        if (m.contactgegevens.empty()) m.contactgegevens.push_back(brp);
        // The ouders/verzorgers as Relaties with their COD472 relation, at the same address.
        if (!l.relatie) continue;
        ijw::Relatie r;
        r.nummer = std::to_string(l.volgnummer);
        r.soort = *l.relatie;
        r.naam.geslachtsnaam.achternaam = l.ouder->achternaam;
        r.naam.geslachtsnaam.voorvoegsel = niet_leeg(l.ouder->voorvoegsel);
        r.naam.voornamen = niet_leeg(l.ouder->voornamen);
        r.naam.naam_gebruik = "1";
        r.contact = brp;
        m.relaties.push_back(std::move(r));
      }
    }
    if (m.contactgegevens.empty())
      return FailedPrecondition(
          "er is geen adres van de jeugdige: geef het gezin een ouder/verzorger met adres (de "
          "JW301 vraagt een BRP-adres)");
  }
  const Date vandaag = clock.today();
  for (const auto& t : *alle) {
    bool actueel = t.toewijzing_nummer == nummer ||
                   ((!t.einddatum || *t.einddatum >= vandaag) && t.reden_wijziging != "13");
    if (actueel) m.producten.push_back(product_van(t));
  }
  out.xml = ijw::write_xml(m);

  auto bid = bewaar_verzonden(store, validator, m.header, out.xml);
  if (!bid.ok()) return bid.status();
  out.bericht_id = *bid;
  return out;
}

}  // namespace jr::casework
