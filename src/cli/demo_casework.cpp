#include "cli/demo_casework.h"

#include "casework/casework.h"
#include "ijw/retour.h"
#include "ijw/validator.h"
#include "ijw/writer.h"
#include "import/importer.h"
#include "store/store.h"

namespace jr::cli {
namespace {

constexpr const char* kGemeente = "0268";
constexpr const char* kDemoConsulent = "consulent-nijmegen";
constexpr const char* kDemoRegisseur = "regisseur-nijmegen";

struct DemoAanmelding {
  const char* bsn;
  Date geboren;
  const char* voornaam;
  const char* achternaam;
  const char* ouder;
  const char* straat;
  int64_t huisnummer;
  const char* postcode;
  const char* vindplaats;
  const char* urgentie;
  int dagen_geleden;
  const char* vraag;
};

const DemoAanmelding kAanmeldingen[] = {
    {"999990020", Date(2013, 5, 2), "Daan", "de Wit", "Sanne", "Groenestraat", 112, "6531HK",
     "school", "normaal", 2,
     "Daan mist veel lessen en is thuis vaak boos; school vraagt om een gesprek met het gezin."},
    {"999990032", Date(2017, 11, 20), "Noor", "Jansen", "Karim", "Molenweg", 7, "6542PX",
     "huisarts", "hoog", 6,
     "De huisarts ziet angstklachten bij Noor en een vader die het niet meer trekt."},
    {"999990044", Date(2008, 8, 9), "Milan", "Bakker", "Els", "Hatertseweg", 401, "6535ZP",
     "zelfmelder", "normaal", 12,
     "Milan (17) zoekt hulp bij wonen en school; hij wil op zichzelf gaan wonen."},
};

}  // namespace

Result<int> zaai_demo_casework(server::Databron& bron, ijw::Validator* validator,
                               const std::filesystem::path& standaard_dir) {
  const Clock& klok = bron.klok();
  auto r = bron.met_store([&](store::Store& s) -> Result<int> {
    auto teams = s.teams(std::string(kGemeente));
    if (!teams.ok()) return teams.status();
    if (!teams->empty()) return 0;
    auto consulent = s.zoek_gebruiker(kDemoConsulent);
    if (!consulent.ok()) return consulent.status();
    if (!*consulent) return 0;
    auto regisseur = s.zoek_gebruiker(kDemoRegisseur);
    if (!regisseur.ok()) return regisseur.status();
    int64_t team = 0;
    Status teamstatus = store::in_transactie(s, [&]() -> Status {
      auto t = s.maak_team({0, kGemeente, "Wijkteam Nijmegen-Oost", "wijkteam"});
      if (!t.ok()) return t.status();
      team = *t;
      JR_RETURN_IF_ERROR(s.voeg_teamlid_toe(team, kDemoConsulent));
      if (*regisseur) JR_RETURN_IF_ERROR(s.voeg_teamlid_toe(team, kDemoRegisseur));
      return Status::Ok();
    });
    JR_RETURN_IF_ERROR(teamstatus);
    contracts::Contractbeheer c(s, klok);
    casework::Casework cw(s, c, klok);
    if (validator) cw.berichten(*validator, standaard_dir);
    const casework::Medewerker m{kDemoConsulent, false, std::string(kGemeente)};
    store::AuditContext ctx;
    ctx.actor = kDemoConsulent;
    ctx.verwerkingsactiviteit = "toegang jeugdhulp";
    int n = 0;
    for (const auto& d : kAanmeldingen) {
      casework::NieuweAanmelding a;
      a.gemeente = kGemeente;
      a.jeugdige.bsn = d.bsn;
      a.jeugdige.geboortedatum = d.geboren;
      a.jeugdige.voornamen = d.voornaam;
      a.jeugdige.achternaam = d.achternaam;
      store::Gezinslid o;
      o.soort = "ouder";
      o.ouder = store::OuderIdentiteit{d.ouder,  "",         d.achternaam, "",          "",
                                       d.straat, d.postcode, "Nijmegen",   d.huisnummer};
      o.relatie = "10";
      o.gezag = true;
      a.ouders.push_back(o);
      a.vindplaats = d.vindplaats;
      a.urgentie = d.urgentie;
      a.vraag = d.vraag;
      a.datum = klok.today().add_days(-d.dagen_geleden);
      a.toestemming_delen = true;
      auto g = cw.meld_aan(a, m, ctx);
      if (!g.ok()) return g.status();
      ++n;
      // The regisseur directs the last gezin (the jongere of 17).
      if (*regisseur && n == 3) {
        auto z = cw.zet_regisseur(g->gezin, std::string(kDemoRegisseur), std::nullopt, m, ctx);
        if (!z.ok()) return z.status();
      }
    }
    return n;
  });
  if (!r.ok() || *r == 0 || !validator) return r;
  // A verzoek om toewijzing from the first aanbieder, through the import.
  auto aanbieders = bron.met_contracten([](auto& c) { return c.aanbieders(); });
  auto producten = bron.met_contracten([](auto& c) { return c.producten(); });
  if (!aanbieders.ok() || !producten.ok() || aanbieders->empty() || producten->empty()) return r;
  const auto* aanbieder = &aanbieders->front();
  for (const auto& a : *aanbieders)
    if (a.soort == "aanbieder") {
      aanbieder = &a;
      break;
    }
  const auto* product = &producten->front();
  for (const auto& p : *producten)
    if (p.categorie == "45") {
      product = &p;
      break;
    }
  ijw::Jw315 m;
  const ijw::XsdVersie xsd = ijw::xsd_versie(standaard_dir, ijw::Berichttype::JW315);
  m.header.type = ijw::Berichttype::JW315;
  m.header.afzender = aanbieder->agb;
  m.header.ontvanger = kGemeente;
  m.header.identificatie = "DEMO315";
  m.header.dagtekening = klok.today().add_days(-1);
  m.header.basisschema_xsd_versie = xsd.basisschema;
  m.header.bericht_xsd_versie = xsd.bericht;
  m.bsn = "999990056";
  m.geboortedatum.datum = Date(2011, 1, 30);
  m.geslacht = "1";
  m.naam.geslachtsnaam.achternaam = "Smit";
  m.naam.voornamen = "Luuk";
  ijw::AangevraagdProduct p;
  p.referentie_aanbieder = "DEMO-VOT-1";
  p.product = ijw::Product{product->categorie, product->code};
  p.toewijzing_ingangsdatum = klok.today().add_days(14);
  p.omvang = ijw::Omvang{4, product->eenheid, "2"};
  p.verwijzer.type = "02";  // huisarts
  p.verwijzer.zorgverlener_code = "01234567";
  m.producten.push_back(p);
  const std::string xml = ijw::write_xml(m);
  Status st = bron.met_store([&](store::Store& s) {
    import::ImportOptions o;
    o.batch_grootte = 1;
    o.bron = "demo";
    import::Importer imp(s, *validator, klok, o);
    (void)imp.import_bytes(xml, "demo-jw315.xml");
    return imp.flush();
  });
  bron.vernieuw();
  if (!st.ok()) return st;
  return r;
}

}  // namespace jr::cli
