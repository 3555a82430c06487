#include "server/api_casework.h"

#include <algorithm>

#include "casework/casework.h"
#include "domain/bsn.h"
#include "server/antwoord.h"
#include "server/autorisatie.h"
#include "server/contracten_json.h"
#include "server/invoer.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

namespace {

constexpr const char* kBsn = "een BSN van 9 cijfers";
constexpr const char* kLid = "lid";

casework::Medewerker medewerker(const Verzoek& v) {
  casework::Medewerker m;
  if (!v.aanroeper) return m;
  m.naam = v.aanroeper->naam;
  m.alleen_regisseur = v.aanroeper->rol == Rol::kRegisseur;
  m.gemeente = v.aanroeper->gemeente;
  return m;
}

store::AuditContext toegang_context(const Verzoek& v) {
  store::AuditContext c;
  c.actor = v.aanroeper ? v.aanroeper->naam : "api";
  c.verwerkingsactiviteit = "toegang jeugdhulp";
  c.doel = "uitvoering Jeugdwet: toegang, gezinsplan en besluit";
  c.grondslag = "Jeugdwet art. 2.3 en 7.4.0";
  return c;
}

// A refusal by a plafond: 409 with the refusing plafond's message.
Antwoord plafond_weigering(const std::vector<contracts::PlafondMelding>& meldingen) {
  std::string melding;
  for (const auto& m : meldingen)
    if (m.weigeren) melding = m.melding;
  return probleem_antwoord(
      {409, "budgetplafond-overschreden", "Budgetplafond overschreden.", melding, {}});
}

json werkitem_json(const casework::WerkvoorraadRegel& r) {
  const auto& w = r.item;
  json j = {{"id", w.id},
            {"soort", w.soort},
            {"gezin", w.gezin_id},
            {"gemeente", w.gemeente},
            {"team", w.team_id ? json(*w.team_id) : json(nullptr)},
            {"medewerker", opt(w.medewerker)},
            {"status", r.status},
            {"ontvangen", w.ontvangen_op.iso()},
            {"eersteContact", opt(w.eerste_contact_op)},
            {"dagenOpen", r.dagen_open},
            {"termijn", r.termijn.iso()},
            {"termijnSoort", r.termijn_soort},
            {"termijnVerlopen", r.verlopen},
            {"besluittermijn", opt(r.besluittermijn)}};
  if (w.aanmelding_id) {
    j["aanmelding"] = *w.aanmelding_id;
    j["vindplaats"] = opt(w.vindplaats);
    j["urgentie"] = opt(w.urgentie);
  }
  if (w.verzoek_id) {
    j["verzoek"] = *w.verzoek_id;
    j["aanbieder"] = opt(w.aanbieder);
    j["productcategorie"] = opt(w.categorie);
    j["productcode"] = opt(w.productcode);
  }
  return j;
}

json instemming_json(const casework::PlanStand& s) {
  json per = json::array();
  for (const auto& i : s.instemming)
    per.push_back({{"lid", i.lid},
                   {"leeftijd", i.leeftijd},
                   {"vereistOuders", i.vereist.ouders},
                   {"vereistJeugdige", i.vereist.jeugdige},
                   {"ontbreekt", i.ontbreekt},
                   {"compleet", i.compleet()}});
  return per;
}

json plan_json(const casework::PlanStand& s) {
  auto lid_van = [&](const std::optional<int64_t>& jeugdige) -> json {
    if (!jeugdige) return nullptr;
    for (const auto& l : s.leden)
      if (l.jeugdige_id == jeugdige && !l.tot) return l.volgnummer;
    for (const auto& l : s.leden)
      if (l.jeugdige_id == jeugdige) return l.volgnummer;
    return nullptr;
  };
  json doelen = json::array();
  for (const auto& d : s.plan.doelen)
    doelen.push_back({{"leefgebied", d.leefgebied},
                      {"lid", lid_van(d.jeugdige_id)},
                      {"doel", d.doel},
                      {"resultaat", d.resultaat},
                      {"evaluatiedatum", d.evaluatiedatum.iso()},
                      {"evaluatie", opt(d.evaluatie)}});
  json afspraken = json::array();
  for (const auto& a : s.plan.afspraken)
    afspraken.push_back({{"wie", a.wie}, {"aanbieder", opt(a.aanbieder)}, {"wat", a.wat}});
  json instemmingen = json::array();
  for (const auto& i : s.plan.instemmingen)
    for (const auto& l : s.leden)
      if (l.id == i.lid_id)
        instemmingen.push_back(
            {{"lid", l.volgnummer}, {"instemming", i.instemming}, {"datum", i.datum.iso()}});
  return {{"gezin", s.plan.gezin_id},
          {"versie", s.plan.versie},
          {"datum", s.plan.datum.iso()},
          {"medewerker", s.plan.medewerker},
          {"regisseur", opt(s.regisseur)},
          {"doelen", doelen},
          {"afspraken", afspraken},
          {"instemmingen", instemmingen},
          {"instemmingPerJeugdige", instemming_json(s)},
          {"instemmingCompleet", s.instemming_compleet}};
}

json besluit_json(const store::BesluitRecord& b, int64_t lid) {
  json j = {{"id", b.id},
            {"lid", lid},
            {"soort", b.soort},
            {"besluitdatum", b.besluitdatum.iso()},
            {"medewerker", b.medewerker},
            {"ingangsdatum", opt(b.ingangsdatum)},
            {"einddatum", opt(b.einddatum)},
            {"motivering", b.motivering}};
  if (b.soort == "algemene-voorziening") j["voorziening"] = b.voorziening;
  if (b.soort == "maatwerk")
    j["beschikking"] = {{"aanbieder", opt(b.aanbieder)},
                        {"productcategorie", opt(b.categorie)},
                        {"productcode", opt(b.productcode)},
                        {"volume", b.volume ? json(*b.volume) : json(nullptr)},
                        {"eenheid", opt(b.eenheid)},
                        {"frequentie", opt(b.frequentie)},
                        {"verzondenOp", opt(b.verzonden_op)},
                        {"bezwaartermijnTot", opt(b.bezwaar_tot)},
                        {"toewijzing", b.toewijzing_id ? json(*b.toewijzing_id) : json(nullptr)}};
  return j;
}

// A Dutch postcode: four digits, the first not 0, and two capitals.
bool is_postcode(const std::string& p) {
  return p.size() == 6 && p[0] >= '1' && p[0] <= '9' &&
         std::all_of(p.begin() + 1, p.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         std::all_of(p.begin() + 4, p.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The identity fields of a jeugdige in a body.
std::optional<store::JeugdigeIdentiteit> lees_jeugdige(Velden& vl,
                                                       std::vector<OngeldigeParameter>& f) {
  const json* j = vl.object("jeugdige", true);
  if (!j) return std::nullopt;
  Velden jv{*j, f, "jeugdige"};
  store::JeugdigeIdentiteit id;
  auto bsn = jv.cijfercode("bsn", 9, true, false, kBsn);
  auto geboren = jv.datum("geboortedatum", true, false);
  auto geslacht =
      jv.keuze("geslacht", false, {"0", "1", "2", "9"}, "een COD046-code: 0, 1, 2 of 9");
  auto voornamen = jv.tekst("voornamen", {.max = 200});
  auto voorvoegsel = jv.tekst("voorvoegsel", {.max = 10});
  auto achternaam = jv.tekst("achternaam", {.verplicht = true, .max = 200, .leeg = false});
  if (bsn && !bsn_elfproef(*bsn))
    jv.fout("bsn", "elfproef", "het BSN voldoet niet aan de elfproef");
  if (!bsn || !geboren || !achternaam) return std::nullopt;
  id.bsn = *bsn;
  id.geboortedatum = *geboren;
  id.geslacht = geslacht.value_or("0");
  id.voornamen = voornamen.value_or("");
  id.voorvoegsel = voorvoegsel.value_or("");
  id.achternaam = *achternaam;
  return id;
}

}  // namespace

template <class F>
auto CaseworkApi::met_casework(F&& f) {
  return bron_.met_store([&](store::Store& s) {
    contracts::Contractbeheer c(s, bron_.klok());
    casework::Casework cw(s, c, bron_.klok());
    if (validator_) cw.berichten(*validator_, standaard_dir_);
    return f(cw);
  });
}

std::optional<Antwoord> CaseworkApi::gezin_buiten_scope(const Verzoek& v, int64_t id) {
  auto g = met_casework([&](casework::Casework& cw) { return cw.gemeente_van_gezin(id); });
  if (!g.ok()) return uit_status(g.status());
  if (auto p = buiten_gemeente(v, *g)) return probleem_antwoord(*p);
  return std::nullopt;
}

std::vector<Route> CaseworkApi::routes() {
  return {
      {"POST",
       "/api/v1/aanmeldingen",
       {},
       {kConsulent},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::aanmelding)},
      {"GET",
       "/api/v1/werkvoorraad",
       {},
       {kConsulent, kRegisseur},
       Scope::kGeen,
       afhandelaar(this, &CaseworkApi::werkvoorraad)},
      {"GET",
       "/api/v1/gezinnen/{id}",
       {},
       {kConsulent, kRegisseur},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::dossier)},
      {"PUT",
       "/api/v1/gezinnen/{id}/regisseur",
       {},
       {kConsulent},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::regisseur)},
      {"POST",
       "/api/v1/gezinnen/{id}/vraagverhelderingen",
       {},
       {kConsulent, kRegisseur},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::vraagverheldering)},
      {"GET",
       "/api/v1/gezinnen/{id}/gezinsplannen",
       {},
       {kConsulent, kRegisseur},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::plannen)},
      {"POST",
       "/api/v1/gezinnen/{id}/gezinsplannen",
       {},
       {kConsulent, kRegisseur},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::plan_maak)},
      {"POST",
       "/api/v1/gezinnen/{id}/besluiten",
       {},
       {kConsulent},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::besluit)},
      {"GET",
       "/api/v1/verzoeken",
       {"status"},
       {kConsulent},
       Scope::kGeen,
       afhandelaar(this, &CaseworkApi::verzoeken)},
      {"POST",
       "/api/v1/verzoeken/{id}/antwoord",
       {},
       {kConsulent},
       Scope::kGemeente,
       afhandelaar(this, &CaseworkApi::antwoord)},
      {"GET",
       "/api/v1/berichten",
       {"richting"},
       {Rol::kAanbieder},
       Scope::kGeen,
       afhandelaar(this, &CaseworkApi::uitgaand)},
  };
}

Antwoord CaseworkApi::aanmelding(const Verzoek& v) {
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  // The gemeente is checked before anything else (absent: the regio, which a caller scoped to
  // one gemeente may not act for).
  {
    auto g = b->find("gemeente");
    std::optional<std::string> doel;
    if (g != b->end() && g->is_string()) doel = g->get<std::string>();
    if (auto p = buiten_gemeente(v, doel)) return probleem_antwoord(*p);
  }
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  casework::NieuweAanmelding n;
  auto gemeente = vl.cijfercode("gemeente", 4, true, false, kCbs);
  auto gezin = vl.geheel("gezin", false, 1, INT64_MAX);
  auto jeugdige = lees_jeugdige(vl, f);
  auto vindplaats = vl.keuze("vindplaats", true,
                             {"school", "huisarts", "jgz", "veilig-thuis", "leerplicht", "politie",
                              "zelfmelder", "anders"},
                             "school, huisarts, jgz, veilig-thuis, leerplicht, politie, "
                             "zelfmelder of anders");
  auto urgentie =
      vl.keuze("urgentie", true, {"normaal", "hoog", "crisis"}, "normaal, hoog of crisis");
  auto vraag = vl.tekst("vraag", {.verplicht = true, .max = 4000, .regels = true, .leeg = false});
  auto datum = vl.datum("datum", false, false);
  auto toestemming = vl.waarheid("toestemmingDelen", true);
  if (const json* ouders = vl.lijst("ouders", false)) {
    for (size_t i = 0; i < ouders->size(); ++i) {
      const std::string pad = "ouders[" + std::to_string(i) + "]";
      if (!(*ouders)[i].is_object()) {
        f.push_back({pad, "invalid", pad + " is een object"});
        continue;
      }
      Velden ov{(*ouders)[i], f, pad};
      store::Gezinslid o;
      store::OuderIdentiteit id;
      auto voornamen = ov.tekst("voornamen", {.verplicht = true, .max = 200, .leeg = false});
      auto voorvoegsel = ov.tekst("voorvoegsel", {.max = 10});
      auto achternaam = ov.tekst("achternaam", {.verplicht = true, .max = 200, .leeg = false});
      auto telefoon = ov.tekst("telefoon", {.max = 20});
      auto email = ov.tekst("email", {.max = 200});
      auto relatie = ov.keuze("relatie", true, {"10", "11", "13", "17", "18", "09"},
                              "een COD472-code: 10 ouder, 11 voogd, 13 pleegouder, 17 familielid, "
                              "18 gezinslid of 09 anders");
      auto gezag = ov.waarheid("gezag", true);
      if (const json* adres = ov.object("adres", false)) {
        Velden av{*adres, f, pad + ".adres"};
        auto straat = av.tekst("straat", {.verplicht = true, .max = 24, .leeg = false});
        auto huisnummer = av.geheel("huisnummer", true, 1, 99999);
        auto postcode = av.tekst("postcode", {.verplicht = true, .max = 6, .leeg = false});
        auto plaats = av.tekst("plaats", {.verplicht = true, .max = 24, .leeg = false});
        if (postcode && !is_postcode(*postcode))
          av.fout("postcode", "invalid", "een Nederlandse postcode: 1234AB");
        else if (straat && huisnummer && postcode && plaats) {
          id.straat = *straat;
          id.huisnummer = *huisnummer;
          id.postcode = *postcode;
          id.plaats = *plaats;
        }
      }
      if (!voornamen || !achternaam || !relatie || !gezag) continue;
      id.voornamen = *voornamen;
      id.voorvoegsel = voorvoegsel.value_or("");
      id.achternaam = *achternaam;
      id.telefoon = telefoon.value_or("");
      id.email = email.value_or("");
      o.soort = "ouder";
      o.ouder = id;
      o.relatie = relatie;
      o.gezag = *gezag;
      n.ouders.push_back(std::move(o));
    }
  }
  if (!f.empty()) return ongeldig(std::move(f));
  n.gemeente = *gemeente;
  n.gezin = gezin;
  n.jeugdige = *jeugdige;
  n.vindplaats = *vindplaats;
  n.urgentie = *urgentie;
  n.vraag = *vraag;
  n.datum = datum;
  n.toestemming_delen = *toestemming;
  auto r = met_casework(
      [&](casework::Casework& cw) { return cw.meld_aan(n, medewerker(v), toegang_context(v)); });
  if (!r.ok()) return uit_status(r.status());
  Antwoord uit = json_antwoord(
      json{{"id", r->id}, {"gezin", r->gezin}, {"lid", r->lid}, {"nieuwGezin", r->nieuw_gezin}},
      201);
  uit.headers.emplace_back("Location", "/api/v1/gezinnen/" + std::to_string(r->gezin));
  return uit;
}

Antwoord CaseworkApi::werkvoorraad(const Verzoek& v) {
  auto r = met_casework(
      [&](casework::Casework& cw) { return cw.werkvoorraad(medewerker(v), toegang_context(v)); });
  if (!r.ok()) return uit_status(r.status());
  json items = json::array();
  for (const auto& w : *r) items.push_back(werkitem_json(w));
  return json_antwoord(json{{"peildatum", bron_.klok().today().iso()}, {"items", items}});
}

Antwoord CaseworkApi::dossier(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  auto r = met_casework(
      [&](casework::Casework& cw) { return cw.dossier(*id, medewerker(v), toegang_context(v)); });
  if (!r.ok()) return uit_status(r.status());
  const auto& d = *r;
  json leden = json::array();
  for (const auto& x : d.leden) {
    const auto& l = x.lid;
    json j = {{"lid", l.volgnummer}, {"soort", l.soort}, {"van", l.van.iso()}, {"tot", opt(l.tot)}};
    if (x.jeugdige) {
      j["bsn"] = x.jeugdige->bsn;
      j["geboortedatum"] = x.jeugdige->geboortedatum.iso();
      j["leeftijd"] = x.leeftijd ? json(*x.leeftijd) : json(nullptr);
      j["voornamen"] = x.jeugdige->voornamen;
      j["voorvoegsel"] = x.jeugdige->voorvoegsel;
      j["achternaam"] = x.jeugdige->achternaam;
      json t = json::array();
      for (const auto& a : x.toewijzingen)
        t.push_back({{"toewijzingNummer", a.toewijzing_nummer},
                     {"gemeente", a.gemeente},
                     {"aanbieder", a.aanbieder},
                     {"productcategorie", opt(a.categorie)},
                     {"productcode", opt(a.productcode)},
                     {"toewijzingsdatum", a.toewijzingsdatum.iso()},
                     {"ingangsdatum", a.ingangsdatum.iso()},
                     {"einddatum", opt(a.einddatum)},
                     {"start", opt(a.eerste_start)},
                     {"stop", opt(a.laatste_stop)},
                     {"redenBeeindiging", opt(a.reden_beeindiging)}});
      j["toewijzingen"] = t;
    }
    if (l.ouder) {
      j["voornamen"] = l.ouder->voornamen;
      j["voorvoegsel"] = l.ouder->voorvoegsel;
      j["achternaam"] = l.ouder->achternaam;
      j["telefoon"] = l.ouder->telefoon;
      j["email"] = l.ouder->email;
      j["adres"] = l.ouder->postcode.empty() ? json(nullptr)
                                             : json{{"straat", l.ouder->straat},
                                                    {"huisnummer", l.ouder->huisnummer},
                                                    {"postcode", l.ouder->postcode},
                                                    {"plaats", l.ouder->plaats}};
      j["relatie"] = opt(l.relatie);
      j["gezag"] = l.gezag;
    }
    leden.push_back(std::move(j));
  }
  json aanmeldingen = json::array();
  for (const auto& a : d.aanmeldingen) {
    json lid = nullptr;
    for (const auto& l : d.gezin.leden)
      if (l.jeugdige_id == a.jeugdige_id) lid = l.volgnummer;
    aanmeldingen.push_back({{"id", a.id},
                            {"lid", lid},
                            {"vindplaats", a.vindplaats},
                            {"datum", a.aangemeld_op.iso()},
                            {"urgentie", a.urgentie},
                            {"toestemmingDelen", a.toestemming_delen},
                            {"vraag", a.vraag},
                            {"medewerker", a.medewerker}});
  }
  json vv = json::array();
  for (const auto& x : d.vraagverhelderingen) {
    json scores = json::array();
    for (const auto& s : x.scores) {
      json lid = nullptr;
      for (const auto& l : d.gezin.leden)
        if (s.jeugdige_id && l.jeugdige_id == s.jeugdige_id) lid = l.volgnummer;
      scores.push_back({{"leefgebied", s.leefgebied},
                        {"lid", lid},
                        {"score", s.score},
                        {"toelichting", s.toelichting}});
    }
    vv.push_back({{"id", x.id},
                  {"datum", x.datum.iso()},
                  {"medewerker", x.medewerker},
                  {"scores", scores},
                  {"sterkePunten", x.sterke_punten},
                  {"netwerk", x.netwerk},
                  {"eigenKracht", x.eigen_kracht}});
  }
  json besluiten = json::array();
  for (const auto& b : d.besluiten) {
    int64_t lid = 0;
    for (const auto& l : d.gezin.leden)
      if (l.jeugdige_id == b.jeugdige_id) lid = l.volgnummer;
    besluiten.push_back(besluit_json(b, lid));
  }
  json open = json::array();
  for (const auto& w : d.open) open.push_back(werkitem_json(w));
  json leefgebieden = json::array();
  for (const auto& l : d.leefgebieden)
    leefgebieden.push_back(
        {{"code", l.code},
         {"naam", l.naam},
         {"vanafLeeftijd", l.vanaf_leeftijd ? json(*l.vanaf_leeftijd) : json(nullptr)}});
  json uit = {{"id", d.gezin.id},
              {"gemeente", d.gezin.gemeente},
              {"team", d.gezin.team_id ? json(*d.gezin.team_id) : json(nullptr)},
              {"regisseur", opt(d.gezin.regisseur)},
              {"versie", d.gezin.versie},
              {"leden", leden},
              {"aanmeldingen", aanmeldingen},
              {"vraagverhelderingen", vv},
              {"gezinsplan", d.plan ? plan_json(*d.plan) : json(nullptr)},
              {"besluiten", besluiten},
              {"werkvoorraad", open},
              {"leefgebieden", leefgebieden}};
  return met_etag(uit, d.gezin.versie);
}

Antwoord CaseworkApi::regisseur(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  if (!b->contains("regisseur")) f.push_back({"regisseur", "required", "regisseur is verplicht"});
  auto r = vl.tekst("regisseur", {.nullable = true, .max = 100, .leeg = false});
  if (!f.empty()) return ongeldig(std::move(f));
  auto voorwaarde = lees_voorwaarde(v);
  if (auto* p = std::get_if<Probleem>(&voorwaarde)) return probleem_antwoord(*p);
  auto g = met_casework([&](casework::Casework& cw) {
    return cw.zet_regisseur(*id, r, std::get<Versie>(voorwaarde), medewerker(v),
                            toegang_context(v));
  });
  if (!g.ok()) return uit_status(g.status());
  return met_etag(json{{"gezin", g->id}, {"regisseur", opt(g->regisseur)}, {"versie", g->versie}},
                  g->versie);
}

Antwoord CaseworkApi::vraagverheldering(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  casework::NieuweVraagverheldering n;
  n.datum = vl.datum("datum", false, false);
  n.sterke_punten = vl.tekst("sterkePunten", {.max = 4000, .regels = true}).value_or("");
  n.netwerk = vl.tekst("netwerk", {.max = 4000, .regels = true}).value_or("");
  n.eigen_kracht = vl.tekst("eigenKracht", {.max = 4000, .regels = true}).value_or("");
  if (const json* scores = vl.lijst("scores", true)) {
    for (size_t i = 0; i < scores->size(); ++i) {
      const std::string pad = "scores[" + std::to_string(i) + "]";
      if (!(*scores)[i].is_object()) {
        f.push_back({pad, "invalid", pad + " is een object"});
        continue;
      }
      Velden sv{(*scores)[i], f, pad};
      auto lg = sv.tekst("leefgebied", {.verplicht = true, .max = 60, .leeg = false});
      auto lid = sv.geheel(kLid, false, 1, 1000);
      auto score = sv.geheel("score", true, 1, 5);
      auto toelichting = sv.tekst("toelichting", {.max = 4000, .regels = true});
      if (lg && score)
        n.scores.push_back({*lg, lid, static_cast<int>(*score), toelichting.value_or("")});
    }
  }
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = met_casework([&](casework::Casework& cw) {
    return cw.leg_vraagverheldering_vast(*id, n, medewerker(v), toegang_context(v));
  });
  if (!r.ok()) return uit_status(r.status());
  return json_antwoord(json{{"id", *r}, {"gezin", *id}}, 201);
}

Antwoord CaseworkApi::plannen(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  auto r = met_casework([&](casework::Casework& cw) {
    return cw.gezinsplannen(*id, medewerker(v), toegang_context(v));
  });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& p : *r) arr.push_back(plan_json(p));
  Antwoord a = json_antwoord(json{{"gezin", *id}, {"gezinsplannen", arr}});
  // The current version is what a new version starts from (If-Match).
  a.headers.emplace_back("ETag", etag(r->empty() ? 0 : r->back().plan.versie));
  return a;
}

Antwoord CaseworkApi::plan_maak(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  casework::NieuwPlan n;
  auto elk = [&](const char* k, bool verplicht, auto&& lees) {
    const json* lijst = vl.lijst(k, verplicht);
    if (!lijst) return;
    for (size_t i = 0; i < lijst->size(); ++i) {
      const std::string pad = std::string(k) + "[" + std::to_string(i) + "]";
      if (!(*lijst)[i].is_object()) {
        f.push_back({pad, "invalid", pad + " is een object"});
        continue;
      }
      Velden x{(*lijst)[i], f, pad};
      lees(x);
    }
  };
  elk("doelen", true, [&](Velden& x) {
    auto lg = x.tekst("leefgebied", {.verplicht = true, .max = 60, .leeg = false});
    auto lid = x.geheel(kLid, false, 1, 1000);
    auto doel = x.tekst("doel", {.verplicht = true, .max = 2000, .regels = true, .leeg = false});
    auto resultaat = x.tekst("resultaat", {.verplicht = true, .max = 2000, .regels = true});
    auto datum = x.datum("evaluatiedatum", true, false);
    auto evaluatie = x.keuze("evaluatie", false, {"behaald", "deels", "niet-behaald"},
                             "behaald, deels of niet-behaald");
    if (lg && doel && resultaat && datum)
      n.doelen.push_back({*lg, lid, *doel, *resultaat, *datum, evaluatie});
  });
  elk("afspraken", false, [&](Velden& x) {
    auto wie = x.keuze("wie", true, {"gezin", "netwerk", "wijkteam", "aanbieder"},
                       "gezin, netwerk, wijkteam of aanbieder");
    auto agb = x.cijfercode("aanbieder", 8, false, true, kAgb);
    auto wat = x.tekst("wat", {.verplicht = true, .max = 2000, .regels = true, .leeg = false});
    if (wie && wat) n.afspraken.push_back({*wie, agb, *wat});
  });
  elk("instemmingen", false, [&](Velden& x) {
    auto lid = x.geheel(kLid, true, 1, 1000);
    auto ja = x.waarheid("instemming", true);
    auto datum = x.datum("datum", false, false);
    if (lid && ja) n.instemmingen.push_back({*lid, *ja, datum});
  });
  if (!f.empty()) return ongeldig(std::move(f));
  // The version this one follows: If-Match with the current plan's ETag, or If-None-Match: *
  // for the first plan.
  auto voorwaarde = lees_voorwaarde(v, true);
  if (auto* p = std::get_if<Probleem>(&voorwaarde)) return probleem_antwoord(*p);
  auto r = met_casework([&](casework::Casework& cw) {
    return cw.nieuw_gezinsplan(*id, n, std::get<Versie>(voorwaarde), medewerker(v),
                               toegang_context(v));
  });
  if (!r.ok()) return uit_status(r.status());
  return met_etag(plan_json(*r), r->plan.versie, 201);
}

Antwoord CaseworkApi::besluit(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  if (auto w = gezin_buiten_scope(v, *id)) return *w;
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  casework::NieuwBesluit n;
  auto lid = vl.geheel(kLid, true, 1, 1000);
  auto soort = vl.keuze("soort", true, {"algemene-voorziening", "wijkteam", "maatwerk"},
                        "algemene-voorziening, wijkteam of maatwerk");
  n.ingangsdatum = vl.datum("ingangsdatum", false, false);
  n.einddatum = vl.datum("einddatum", false, true);
  n.motivering = vl.tekst("motivering", {.max = 4000, .regels = true}).value_or("");
  n.voorziening = vl.tekst("voorziening", {.max = 200}).value_or("");
  if (const json* k = vl.object("beschikking", false)) {
    Velden kv{*k, f, "beschikking"};
    casework::NieuweBeschikking bs;
    auto agb = kv.cijfercode("aanbieder", 8, true, false, kAgb);
    auto cat = kv.cijfercode("productcategorie", 2, true, false, kCategorie);
    auto code = kv.tekst("productcode", {.verplicht = true, .max = 5, .leeg = false});
    auto volume = kv.geheel("volume", true, 1, 99999999);
    auto eenheid = kv.cijfercode("eenheid", 2, false, false, "een WJ756-code van 2 cijfers");
    auto freq = kv.keuze("frequentie", true, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
    if (agb && cat && code && volume && freq) {
      bs = {*agb, *cat, *code, *volume, eenheid, *freq};
      n.beschikking = bs;
    }
  }
  if (n.ingangsdatum && n.einddatum && *n.einddatum < *n.ingangsdatum)
    vl.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (!f.empty()) return ongeldig(std::move(f));
  n.lid = *lid;
  n.soort = *soort;
  auto r = met_casework([&](casework::Casework& cw) {
    return cw.neem_besluit(*id, n, medewerker(v), toegang_context(v));
  });
  bron_.vernieuw();  // the snapshot must see a new toewijzing or wijkteam care
  if (!r.ok()) return uit_status(r.status());
  if (r->geweigerd) return plafond_weigering(r->meldingen);
  const Namen namen(bron_);
  json meldingen = json::array();
  for (const auto& m : r->meldingen) meldingen.push_back(melding_json(m, namen));
  json uit = {{"besluit", besluit_json(r->besluit, r->lid)},
              {"toewijzing", r->toewijzing ? toewijzing_json(*r->toewijzing) : json(nullptr)},
              {"bericht", r->bericht_id ? json{{"id", *r->bericht_id},
                                               {"berichttype", "JW301"},
                                               {"identificatie", r->identificatie}}
                                        : json(nullptr)},
              {"meldingen", meldingen}};
  return json_antwoord(uit, 201);
}

Antwoord CaseworkApi::verzoeken(const Verzoek& v) {
  std::vector<OngeldigeParameter> f;
  if (const std::string* s = v.param("status"); s && *s != "open")
    f.push_back({"status", "invalid", "status is open"});
  if (!f.empty()) return ongeldig(std::move(f));
  auto r = met_casework(
      [&](casework::Casework& cw) { return cw.open_verzoeken(medewerker(v), toegang_context(v)); });
  if (!r.ok()) return uit_status(r.status());
  const Namen namen(bron_);
  json arr = json::array();
  for (const auto& x : *r) {
    const auto& z = x.verzoek;
    arr.push_back({{"id", z.id},
                   {"soort", z.soort},
                   {"redenVerzoek", opt(z.reden_verzoek)},
                   {"aanbieder", z.aanbieder},
                   {"aanbiederNaam", namen.aanbieder_naam(z.aanbieder)},
                   {"gemeente", z.gemeente},
                   {"gezin", z.gezin_id ? json(*z.gezin_id) : json(nullptr)},
                   {"referentieAanbieder", z.referentie_aanbieder},
                   {"dagtekening", z.dagtekening.iso()},
                   {"productcategorie", opt(z.categorie)},
                   {"productcode", opt(z.productcode)},
                   {"ingangsdatum", opt(z.ingangsdatum)},
                   {"einddatum", opt(z.einddatum)},
                   {"volume", z.volume ? json(*z.volume) : json(nullptr)},
                   {"eenheid", opt(z.eenheid)},
                   {"frequentie", opt(z.frequentie)},
                   {"verwijzer", opt(z.verwijzer_type)},
                   {"status", x.in_onderzoek ? "in-onderzoek" : "open"},
                   {"dagenOpen", x.dagen_open},
                   {"termijn", x.termijn.iso()}});
  }
  return json_antwoord(json{{"verzoeken", arr}});
}

Antwoord CaseworkApi::antwoord(const Verzoek& v) {
  auto id = pad_id(v);
  if (!id) return probleem_antwoord(geen_id());
  {
    auto g = met_casework([&](casework::Casework& cw) { return cw.gemeente_van_verzoek(*id); });
    if (!g.ok()) return uit_status(g.status());
    if (auto p = buiten_gemeente(v, *g)) return probleem_antwoord(*p);
  }
  Antwoord a;
  auto b = lees_body(v, a);
  if (!b) return a;
  std::vector<OngeldigeParameter> f;
  Velden vl{*b, f};
  casework::VerzoekAntwoord n;
  auto soort = vl.keuze("antwoord", true, {"toewijzen", "onderzoek", "afwijzen"},
                        "toewijzen, onderzoek of afwijzen");
  n.reden = vl.keuze("reden", false, {"1", "2", "3", "4", "5", "6", "7", "8", "9"},
                     "een WJ759-code van 1 tot en met 9");
  n.woonplaats_gemeente = vl.cijfercode("woonplaatsGemeente", 4, false, false, kCbs);
  n.toewijzing.ingangsdatum = vl.datum("ingangsdatum", false, false);
  n.toewijzing.einddatum = vl.datum("einddatum", false, false);
  n.toewijzing.volume = vl.geheel("volume", false, 1, 99999999);
  n.toewijzing.frequentie =
      vl.keuze("frequentie", false, {"1", "2", "4", "6"}, "een WMO757-code: 1, 2, 4 of 6");
  if (soort) {
    if (*soort == "afwijzen" && !n.reden)
      f.push_back({"reden", "required", "een afwijzing noemt haar reden (WJ759)"});
    if (*soort != "afwijzen" && n.reden)
      f.push_back({"reden", "invalid", "alleen een afwijzing heeft een reden"});
    if ((n.reden && *n.reden == "8") != n.woonplaats_gemeente.has_value())
      f.push_back({"woonplaatsGemeente", "invalid",
                   "de verantwoordelijke gemeente hoort bij reden 8 (woonplaatsbeginsel), en "
                   "alleen daar"});
    if (*soort != "toewijzen" && (n.toewijzing.ingangsdatum || n.toewijzing.einddatum ||
                                  n.toewijzing.volume || n.toewijzing.frequentie))
      f.push_back({"antwoord", "invalid", "alleen toewijzen neemt data en omvang"});
  }
  if (n.toewijzing.ingangsdatum && n.toewijzing.einddatum &&
      *n.toewijzing.einddatum < *n.toewijzing.ingangsdatum)
    vl.fout("einddatum", "invalid", "einddatum ligt voor de ingangsdatum");
  if (!f.empty()) return ongeldig(std::move(f));
  n.antwoord = *soort;
  auto r = met_casework([&](casework::Casework& cw) {
    return cw.beantwoord_verzoek(*id, n, medewerker(v), toegang_context(v));
  });
  bron_.vernieuw();
  if (!r.ok()) return uit_status(r.status());
  if (r->geweigerd) return plafond_weigering(r->meldingen);
  const Namen namen(bron_);
  json meldingen = json::array();
  for (const auto& m : r->meldingen) meldingen.push_back(melding_json(m, namen));
  return json_antwoord(
      json{{"verzoek", *id},
           {"antwoord", r->antwoord},
           {"toewijzing", r->toewijzing ? toewijzing_json(*r->toewijzing) : json(nullptr)},
           {"bericht",
            {{"id", r->bericht_id},
             {"berichttype", r->berichttype},
             {"identificatie", r->identificatie}}},
           {"meldingen", meldingen}},
      201);
}

Antwoord CaseworkApi::uitgaand(const Verzoek& v) {
  const std::string* richting = v.param("richting");
  if (!richting || *richting != "uitgaand")
    return ongeldig({{"richting", richting ? "invalid" : "required",
                      "richting is uitgaand (de berichten die voor deze aanbieder klaarstaan)"}});
  if (!v.aanroeper || !v.aanroeper->aanbieder) return probleem_antwoord(scope_geweigerd());
  store::AuditContext ctx = toegang_context(v);
  ctx.verwerkingsactiviteit = "berichtenverkeer";
  auto r = met_casework(
      [&](casework::Casework& cw) { return cw.haal_uitgaand_op(*v.aanroeper->aanbieder, ctx); });
  if (!r.ok()) return uit_status(r.status());
  json arr = json::array();
  for (const auto& b : *r)
    arr.push_back({{"id", b.bericht_id},
                   {"berichttype", b.berichttype},
                   {"identificatie", b.identificatie},
                   {"dagtekening", b.dagtekening},
                   {"status", b.status},
                   {"xml", b.xml}});
  return json_antwoord(json{{"berichten", arr}});
}

}  // namespace jr::server
