#include "casework/casework.h"

#include <algorithm>
#include <set>

#include "casework/jw301.h"
#include "casework/jw319.h"
#include "casework/termijnen.h"
#include "domain/bsn.h"

namespace jr::casework {
namespace {

using store::in_transactie;

const std::set<std::string> kVindplaatsen = {"school",     "huisarts", "jgz",        "veilig-thuis",
                                             "leerplicht", "politie",  "zelfmelder", "anders"};
const std::set<std::string> kUrgenties = {"normaal", "hoog", "crisis"};
const std::set<std::string> kEvaluaties = {"behaald", "deels", "niet-behaald"};
const std::set<std::string> kWie = {"gezin", "netwerk", "wijkteam", "aanbieder"};

bool huidig_lid(const store::Gezinslid& l, Date d) { return l.van <= d && (!l.tot || *l.tot > d); }

// The current jeugdige member with volgnummer `lid`; nullptr when there is none.
const store::Gezinslid* jeugdige_lid(const store::GezinRecord& g, int64_t lid, Date d) {
  for (const auto& l : g.leden)
    if (l.volgnummer == lid && l.soort == "jeugdige" && huidig_lid(l, d)) return &l;
  return nullptr;
}

// The member (current or former) with volgnummer `lid`; nullptr when there is none.
const store::Gezinslid* lid_van(const store::GezinRecord& g, int64_t lid) {
  for (const auto& l : g.leden)
    if (l.volgnummer == lid) return &l;
  return nullptr;
}

// A refusal by a plafond inside a transaction: rolled back like a failure, told apart by this
// message.
constexpr const char* kGeweigerd = "geweigerd door een budgetplafond";

}  // namespace

// ---- helpers ----

Status Casework::audit(const store::AuditContext& ctx, const std::string& handeling,
                       const std::string& object_type, const std::string& detail,
                       std::optional<int64_t> jeugdige) {
  store::AuditEvent e;
  e.context = ctx;
  e.handeling = handeling;
  e.object_type = object_type;
  e.detail = detail;
  if (jeugdige) {
    auto p = store_.pseudoniem_van(*jeugdige);
    if (!p.ok()) return p.status();
    e.pseudoniem = *p;
  }
  return store_.audit(e);
}

Result<std::vector<store::Team>> Casework::teams_van(const Medewerker& m) {
  auto t = store_.teams_van(m.naam);
  if (!t.ok()) return t.status();
  // Only teams of gemeenten within the medewerker's scope count.
  std::vector<store::Team> uit;
  for (auto& team : *t)
    if (!m.gemeente || team.gemeente == *m.gemeente) uit.push_back(std::move(team));
  return uit;
}

Status Casework::mag_gezin(const Medewerker& m, const store::GezinRecord& g) {
  if (m.gemeente && *m.gemeente != g.gemeente)
    return PermissionDenied("dit gezin hoort bij een andere gemeente");
  if (g.regisseur && *g.regisseur == m.naam) return Status::Ok();
  if (!m.alleen_regisseur) {
    auto teams = teams_van(m);
    if (!teams.ok()) return teams.status();
    for (const auto& t : *teams)
      if (t.gemeente == g.gemeente) return Status::Ok();
  }
  return PermissionDenied(
      m.alleen_regisseur ? "een regisseur ziet alleen de gezinnen die hij of zij regisseert"
                         : "geen team van deze gemeente: dit dossier is niet nodig voor uw werk");
}

Result<std::string> Casework::gemeente_van_gezin(int64_t id) {
  auto g = store_.lees_gezin(id);
  if (!g.ok()) return g.status();
  return g->gemeente;
}

Result<std::string> Casework::gemeente_van_verzoek(int64_t id) {
  auto v = store_.lees_verzoek_rij(id);
  if (!v.ok()) return v.status();
  return v->gemeente;
}

Result<WerkvoorraadRegel> Casework::regel(const store::Werkitem& w) {
  WerkvoorraadRegel r;
  r.item = w;
  const Date vandaag = clock_.today();
  r.dagen_open = std::max(0, days_between(w.ontvangen_op, vandaag));
  if (w.soort == "verzoek") {
    r.termijn = verzoektermijn(w.ontvangen_op, w.in_onderzoek);
    r.termijn_soort = "antwoord";
    r.status = w.in_onderzoek ? "in-onderzoek" : (w.medewerker ? "opgepakt" : "nieuw");
  } else {
    auto inst = store_.instellingen(w.gemeente);
    if (!inst.ok()) return inst.status();
    r.besluittermijn = besluittermijn(w.ontvangen_op, *inst);
    if (!w.eerste_contact_op) {
      r.termijn = contacttermijn(w.ontvangen_op, *inst);
      r.termijn_soort = "eerste-contact";
    } else {
      r.termijn = *r.besluittermijn;
      r.termijn_soort = "besluit";
    }
    r.status = w.medewerker ? "opgepakt" : "nieuw";
  }
  r.verlopen = r.termijn < vandaag;
  return r;
}

Result<PlanStand> Casework::stand(store::GezinsplanRecord p, const store::GezinRecord& g) {
  PlanStand s;
  s.instemming = instemming(g.leden, p.instemmingen, p.datum);
  s.instemming_compleet = std::all_of(s.instemming.begin(), s.instemming.end(),
                                      [](const auto& i) { return i.compleet(); });
  s.plan = std::move(p);
  s.leden = g.leden;
  for (auto& l : s.leden) l.ouder.reset();
  s.regisseur = g.regisseur;
  return s;
}

// ---- aanmelding ----

Result<GemaakteAanmelding> Casework::meld_aan(const NieuweAanmelding& a, const Medewerker& m,
                                              const store::AuditContext& ctx) {
  if (!bsn_elfproef(a.jeugdige.bsn)) return InvalidArgument("BSN voldoet niet aan de elfproef");
  if (!kVindplaatsen.count(a.vindplaats)) return InvalidArgument("onbekende vindplaats");
  if (!kUrgenties.count(a.urgentie)) return InvalidArgument("onbekende urgentie");
  const Date vandaag = clock_.today();
  const Date datum = a.datum.value_or(vandaag);
  if (datum > vandaag) return InvalidArgument("de datum van de aanmelding ligt in de toekomst");
  if (m.gemeente && *m.gemeente != a.gemeente)
    return PermissionDenied("een aanmelding van een andere gemeente");
  return in_transactie(store_, [&]() -> Result<GemaakteAanmelding> {
    GemaakteAanmelding uit;
    auto jeugdige = store_.jeugdige_id(a.jeugdige);
    if (!jeugdige.ok()) return jeugdige.status();
    auto teams = teams_van(m);
    if (!teams.ok()) return teams.status();
    std::optional<int64_t> team;
    for (const auto& t : *teams)
      if (t.gemeente == a.gemeente) {
        team = t.id;
        break;
      }
    std::optional<int64_t> gezin = a.gezin;
    if (!gezin) {
      auto huidig = store_.gezin_van_jeugdige(*jeugdige);
      if (!huidig.ok()) return huidig.status();
      gezin = *huidig;
    }
    if (gezin) {
      auto g = store_.lees_gezin(*gezin);
      if (!g.ok()) return g.status();
      if (g->gemeente != a.gemeente)
        return InvalidArgument("gezin " + std::to_string(*gezin) + " hoort bij gemeente " +
                               g->gemeente);
      JR_RETURN_IF_ERROR(mag_gezin(m, *g));
      if (g->team_id) team = g->team_id;
    } else {
      store::GezinRecord g;
      g.gemeente = a.gemeente;
      g.team_id = team;
      g.aangemaakt_op = datum;
      auto id = store_.maak_gezin(g);
      if (!id.ok()) return id.status();
      gezin = *id;
      uit.nieuw_gezin = true;
    }
    auto lid = store_.voeg_jeugdige_toe(*gezin, *jeugdige, datum);
    if (!lid.ok()) return lid.status();
    // Ouders not yet current members by name are added.
    auto g = store_.lees_gezin(*gezin);
    if (!g.ok()) return g.status();
    for (const auto& o : a.ouders) {
      if (!o.ouder) return InvalidArgument("een ouder/verzorger heeft een naam");
      const bool bekend = std::any_of(g->leden.begin(), g->leden.end(), [&](const auto& l) {
        return l.ouder && huidig_lid(l, datum) && l.ouder->voornamen == o.ouder->voornamen &&
               l.ouder->achternaam == o.ouder->achternaam;
      });
      if (bekend) continue;
      store::Gezinslid nieuw = o;
      nieuw.van = datum;
      auto n = store_.voeg_ouder_toe(*gezin, nieuw);
      if (!n.ok()) return n.status();
    }
    store::AanmeldingRecord r;
    r.gezin_id = *gezin;
    r.jeugdige_id = *jeugdige;
    r.gemeente = a.gemeente;
    r.vindplaats = a.vindplaats;
    r.aangemeld_op = datum;
    r.urgentie = a.urgentie;
    r.toestemming_delen = a.toestemming_delen;
    r.medewerker = m.naam;
    r.vraag = a.vraag;
    auto id = store_.bewaar_aanmelding(r, team);
    if (!id.ok()) return id.status();
    JR_RETURN_IF_ERROR(audit(ctx, "wijzigen", "aanmelding",
                             "gezin=" + std::to_string(*gezin) + " aanmelding=" +
                                 std::to_string(*id) + " vindplaats=" + a.vindplaats,
                             *jeugdige));
    uit.id = *id;
    uit.gezin = *gezin;
    uit.lid = *lid;
    return uit;
  });
}

// ---- werkvoorraad ----

Result<std::vector<WerkvoorraadRegel>> Casework::werkvoorraad(const Medewerker& m,
                                                              const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<std::vector<WerkvoorraadRegel>> {
    store::WerkvoorraadVraag v;
    v.regisseur = m.naam;
    if (!m.alleen_regisseur) {
      auto teams = teams_van(m);
      if (!teams.ok()) return teams.status();
      std::set<std::string> gemeenten;
      for (const auto& t : *teams) {
        v.teams.push_back(t.id);
        gemeenten.insert(t.gemeente);
      }
      v.gemeenten.assign(gemeenten.begin(), gemeenten.end());
    }
    auto items = store_.werkvoorraad(v);
    if (!items.ok()) return items.status();
    std::vector<WerkvoorraadRegel> uit;
    for (const auto& w : *items) {
      // A regisseur's gezin outside their scope is not shown (the scope is the outer bound).
      if (m.gemeente && w.gemeente != *m.gemeente) continue;
      auto r = regel(w);
      if (!r.ok()) return r.status();
      uit.push_back(std::move(r).value());
    }
    JR_RETURN_IF_ERROR(audit(ctx, "lezen", "werkvoorraad",
                             std::to_string(uit.size()) + " open items", std::nullopt));
    return uit;
  });
}

// ---- dossier ----

Result<Dossier> Casework::dossier(int64_t id, const Medewerker& m, const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<Dossier> {
    Dossier d;
    auto g = store_.lees_gezin(id);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    d.gezin = *g;
    const Date vandaag = clock_.today();
    for (const auto& l : g->leden) {
      LidMetIdentiteit x;
      x.lid = l;
      if (l.jeugdige_id) {
        auto ident = store_.lees_jeugdige(*l.jeugdige_id, ctx);  // its own audit event
        if (!ident.ok()) return ident.status();
        x.jeugdige = *ident;
        x.leeftijd = vandaag.age_of(ident->geboortedatum);
        if (huidig_lid(l, vandaag)) {
          auto t = store_.ijw_van_jeugdige(*l.jeugdige_id);
          if (!t.ok()) return t.status();
          x.toewijzingen = std::move(t).value();
        }
        JR_RETURN_IF_ERROR(
            audit(ctx, "lezen", "gezinsdossier", "gezin=" + std::to_string(id), *l.jeugdige_id));
      }
      d.leden.push_back(std::move(x));
    }
    auto a = store_.aanmeldingen(id);
    if (!a.ok()) return a.status();
    d.aanmeldingen = std::move(a).value();
    auto v = store_.vraagverhelderingen(id);
    if (!v.ok()) return v.status();
    d.vraagverhelderingen = std::move(v).value();
    auto plannen = store_.gezinsplannen(id);
    if (!plannen.ok()) return plannen.status();
    if (!plannen->empty()) {
      auto s = stand(plannen->back(), *g);
      if (!s.ok()) return s.status();
      d.plan = std::move(s).value();
    }
    auto b = store_.besluiten(id);
    if (!b.ok()) return b.status();
    d.besluiten = std::move(b).value();
    auto open = store_.werkitems_van_gezin(id);
    if (!open.ok()) return open.status();
    for (const auto& w : *open) {
      auto r = regel(w);
      if (!r.ok()) return r.status();
      d.open.push_back(std::move(r).value());
    }
    auto lg = store_.leefgebieden(g->gemeente);
    if (!lg.ok()) return lg.status();
    d.leefgebieden = std::move(lg).value();
    // The ouders' identities were opened too.
    JR_RETURN_IF_ERROR(audit(
        ctx, "lezen", "gezin",
        "gezin=" + std::to_string(id) + " ouders/verzorgers en dossier gelezen", std::nullopt));
    return d;
  });
}

// ---- regisseur ----

Result<store::GezinRecord> Casework::zet_regisseur(int64_t id,
                                                   const std::optional<std::string>& regisseur,
                                                   Versie versie, const Medewerker& m,
                                                   const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<store::GezinRecord> {
    auto g = store_.lees_gezin(id);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    if (regisseur) {
      auto u = store_.zoek_gebruiker(*regisseur);
      if (!u.ok()) return u.status();
      if (!*u || !(*u)->actief) return InvalidArgument("gebruiker " + *regisseur + " bestaat niet");
      const auto& gebruiker = **u;
      if (gebruiker.rol != "jeugdconsulent" && gebruiker.rol != "regisseur")
        return InvalidArgument("alleen een jeugdconsulent of regisseur kan regisseur zijn");
      if (gebruiker.gemeente && *gebruiker.gemeente != g->gemeente)
        return InvalidArgument(*regisseur + " werkt niet voor gemeente " + g->gemeente);
    }
    JR_RETURN_IF_ERROR(store_.zet_regisseur(id, regisseur, versie));
    JR_RETURN_IF_ERROR(
        audit(ctx, "wijzigen", "gezin",
              "gezin=" + std::to_string(id) + " regisseur=" + regisseur.value_or("(geen)"),
              std::nullopt));
    return store_.lees_gezin(id);
  });
}

// ---- vraagverheldering ----

Result<int64_t> Casework::leg_vraagverheldering_vast(int64_t gezin,
                                                     const NieuweVraagverheldering& v,
                                                     const Medewerker& m,
                                                     const store::AuditContext& ctx) {
  const Date vandaag = clock_.today();
  const Date datum = v.datum.value_or(vandaag);
  if (datum > vandaag) return InvalidArgument("de datum ligt in de toekomst");
  return in_transactie(store_, [&]() -> Result<int64_t> {
    auto g = store_.lees_gezin(gezin);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    auto lijst = store_.leefgebieden(g->gemeente);
    if (!lijst.ok()) return lijst.status();
    store::VraagverhelderingRecord r;
    r.gezin_id = gezin;
    r.datum = datum;
    r.medewerker = m.naam;
    r.sterke_punten = v.sterke_punten;
    r.netwerk = v.netwerk;
    r.eigen_kracht = v.eigen_kracht;
    for (const auto& s : v.scores) {
      auto lg = std::find_if(lijst->begin(), lijst->end(),
                             [&](const auto& l) { return l.code == s.leefgebied; });
      if (lg == lijst->end())
        return InvalidArgument("leefgebied " + s.leefgebied +
                               " staat niet in de lijst van de gemeente");
      if (s.score < 1 || s.score > 5) return InvalidArgument("een score is 1 tot en met 5");
      std::optional<int64_t> jeugdige;
      if (s.lid) {
        const auto* l = jeugdige_lid(*g, *s.lid, datum);
        if (!l)
          return InvalidArgument("lid " + std::to_string(*s.lid) +
                                 " is geen jeugdige van dit gezin");
        jeugdige = l->jeugdige_id;
        if (lg->vanaf_leeftijd && l->geboortedatum &&
            datum.age_of(*l->geboortedatum) < *lg->vanaf_leeftijd)
          return InvalidArgument("leefgebied " + s.leefgebied + " geldt vanaf " +
                                 std::to_string(*lg->vanaf_leeftijd) + " jaar");
      } else if (lg->vanaf_leeftijd) {
        return InvalidArgument("leefgebied " + s.leefgebied + " hoort bij een jongere (lid)");
      }
      r.scores.push_back({s.leefgebied, jeugdige, s.score, s.toelichting});
    }
    auto id = store_.bewaar_vraagverheldering(r);
    if (!id.ok()) return id.status();
    auto n = store_.pak_op(gezin, m.naam, datum);
    if (!n.ok()) return n.status();
    JR_RETURN_IF_ERROR(
        audit(ctx, "wijzigen", "vraagverheldering",
              "gezin=" + std::to_string(gezin) + " vraagverheldering=" + std::to_string(*id),
              std::nullopt));
    return *id;
  });
}

// ---- gezinsplan ----

Result<PlanStand> Casework::nieuw_gezinsplan(int64_t gezin, const NieuwPlan& p, Versie basis,
                                             const Medewerker& m, const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<PlanStand> {
    auto g = store_.lees_gezin(gezin);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    auto lijst = store_.leefgebieden(g->gemeente);
    if (!lijst.ok()) return lijst.status();
    const Date vandaag = clock_.today();
    store::GezinsplanRecord r;
    r.gezin_id = gezin;
    r.datum = vandaag;
    r.medewerker = m.naam;
    for (const auto& d : p.doelen) {
      if (std::none_of(lijst->begin(), lijst->end(),
                       [&](const auto& l) { return l.code == d.leefgebied; }))
        return InvalidArgument("leefgebied " + d.leefgebied +
                               " staat niet in de lijst van de gemeente");
      if (d.evaluatie && !kEvaluaties.count(*d.evaluatie))
        return InvalidArgument("evaluatie is behaald, deels of niet-behaald");
      std::optional<int64_t> jeugdige;
      if (d.lid) {
        const auto* l = jeugdige_lid(*g, *d.lid, vandaag);
        if (!l)
          return InvalidArgument("lid " + std::to_string(*d.lid) +
                                 " is geen jeugdige van dit gezin");
        jeugdige = l->jeugdige_id;
      }
      r.doelen.push_back(
          {d.leefgebied, jeugdige, d.doel, d.resultaat, d.evaluatiedatum, d.evaluatie});
    }
    for (const auto& a : p.afspraken) {
      if (!kWie.count(a.wie))
        return InvalidArgument("wie is gezin, netwerk, wijkteam of aanbieder");
      if ((a.wie == "aanbieder") != a.aanbieder.has_value())
        return InvalidArgument("een afspraak met een aanbieder noemt die aanbieder, en alleen die");
      r.afspraken.push_back({a.wie, a.aanbieder, a.wat});
    }
    std::set<int64_t> gezien;
    for (const auto& i : p.instemmingen) {
      const auto* l = lid_van(*g, i.lid);
      if (!l || !huidig_lid(*l, vandaag))
        return InvalidArgument("lid " + std::to_string(i.lid) + " is geen lid van dit gezin");
      if (!gezien.insert(i.lid).second)
        return InvalidArgument("lid " + std::to_string(i.lid) + " stemt twee keer in");
      if (i.datum && *i.datum > vandaag) return InvalidArgument("instemming in de toekomst");
      r.instemmingen.push_back({l->id, i.instemming, i.datum.value_or(vandaag)});
    }
    auto versie = store_.bewaar_gezinsplan(r, basis);
    if (!versie.ok()) return versie.status();
    r.versie = *versie;
    auto n = store_.pak_op(gezin, m.naam, vandaag);
    if (!n.ok()) return n.status();
    JR_RETURN_IF_ERROR(audit(
        ctx, "wijzigen", "gezinsplan",
        "gezin=" + std::to_string(gezin) + " versie=" + std::to_string(*versie), std::nullopt));
    return stand(std::move(r), *g);
  });
}

Result<std::vector<PlanStand>> Casework::gezinsplannen(int64_t gezin, const Medewerker& m,
                                                       const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<std::vector<PlanStand>> {
    auto g = store_.lees_gezin(gezin);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    auto plannen = store_.gezinsplannen(gezin);
    if (!plannen.ok()) return plannen.status();
    std::vector<PlanStand> uit;
    for (auto& p : *plannen) {
      auto s = stand(std::move(p), *g);
      if (!s.ok()) return s.status();
      uit.push_back(std::move(s).value());
    }
    for (const auto& l : g->leden)
      if (l.jeugdige_id)
        JR_RETURN_IF_ERROR(
            audit(ctx, "lezen", "gezinsplan", "gezin=" + std::to_string(gezin), *l.jeugdige_id));
    return uit;
  });
}

// ---- besluit ----

Result<GenomenBesluit> Casework::maatwerk(const store::GezinRecord& g, int64_t jeugdige,
                                          const NieuwBesluit& b, const store::AuditContext& ctx) {
  const NieuweBeschikking& k = *b.beschikking;
  GenomenBesluit uit;
  auto product = store_.zoek_product(k.categorie, k.productcode, *b.ingangsdatum);
  if (!product.ok()) return product.status();
  if (!*product)
    return InvalidArgument("product " + k.categorie + " " + k.productcode +
                           " staat niet in de productcatalogus op de ingangsdatum");
  auto aanbieders = store_.aanbieders();
  if (!aanbieders.ok()) return aanbieders.status();
  auto a = std::find_if(aanbieders->begin(), aanbieders->end(),
                        [&](const auto& x) { return x.agb == k.aanbieder; });
  if (a == aanbieders->end())
    return InvalidArgument("aanbieder " + k.aanbieder + " staat niet in het register");
  store::ToewijzingRecord t;
  t.gemeente = g.gemeente;
  t.aanbieder = k.aanbieder;
  t.jeugdige_id = jeugdige;
  t.categorie = k.categorie;
  t.productcode = k.productcode;
  t.ingangsdatum = *b.ingangsdatum;
  t.einddatum = b.einddatum;
  t.volume = k.volume;
  t.eenheid = k.eenheid.value_or((*product)->eenheid);
  t.frequentie = k.frequentie;
  auto gemaakt = contracten_.plaats_toewijzing(t, std::nullopt, ctx);
  if (!gemaakt.ok()) return gemaakt.status();
  if (gemaakt->geweigerd) {
    uit.geweigerd = true;
    uit.meldingen = gemaakt->meldingen;
    return uit;
  }
  uit.meldingen = gemaakt->meldingen;
  uit.toewijzing = gemaakt->toewijzing;
  auto m = bouw_jw301(store_, clock_, standaard_dir_, *validator_, g.gemeente,
                      gemaakt->toewijzing.toewijzing_nummer, ctx);
  if (!m.ok()) return m.status();
  JR_RETURN_IF_ERROR(store_.zet_in_uitbak(m->bericht_id, k.aanbieder, jeugdige, clock_.now_iso()));
  uit.bericht_id = m->bericht_id;
  uit.identificatie = m->bericht.header.identificatie;
  return uit;
}

Result<GenomenBesluit> Casework::neem_besluit(int64_t gezin, const NieuwBesluit& b,
                                              const Medewerker& m, const store::AuditContext& ctx) {
  if (b.soort != "algemene-voorziening" && b.soort != "wijkteam" && b.soort != "maatwerk")
    return InvalidArgument("soort is algemene-voorziening, wijkteam of maatwerk");
  if (b.ingangsdatum && b.einddatum && *b.einddatum < *b.ingangsdatum)
    return InvalidArgument("de einddatum ligt voor de ingangsdatum");
  if (b.soort == "maatwerk" && !b.beschikking)
    return InvalidArgument("maatwerk heeft een beschikking");
  if (b.soort != "maatwerk" && b.beschikking)
    return InvalidArgument("alleen maatwerk heeft een beschikking");
  if (b.soort != "algemene-voorziening" && !b.ingangsdatum)
    return InvalidArgument("wijkteam en maatwerk hebben een ingangsdatum");
  if (b.soort == "algemene-voorziening" && b.voorziening.empty())
    return InvalidArgument("noem de algemene voorziening");
  if (b.soort == "maatwerk" && !validator_)
    return Unavailable("de iJw-standaard is niet geladen: geen JW301 te bouwen");
  bool geweigerd = false;
  std::vector<contracts::PlafondMelding> weigering;
  auto r = in_transactie(store_, [&]() -> Result<GenomenBesluit> {
    auto g = store_.lees_gezin(gezin);
    if (!g.ok()) return g.status();
    JR_RETURN_IF_ERROR(mag_gezin(m, *g));
    const Date vandaag = clock_.today();
    const auto* lid = jeugdige_lid(*g, b.lid, vandaag);
    if (!lid)
      return InvalidArgument("lid " + std::to_string(b.lid) + " is geen jeugdige van dit gezin");
    const int64_t jeugdige = *lid->jeugdige_id;
    GenomenBesluit uit;
    uit.lid = b.lid;
    store::BesluitRecord& rec = uit.besluit;
    rec.gezin_id = gezin;
    rec.jeugdige_id = jeugdige;
    rec.gemeente = g->gemeente;
    rec.soort = b.soort;
    rec.besluitdatum = vandaag;
    rec.medewerker = m.naam;
    rec.ingangsdatum = b.ingangsdatum;
    rec.einddatum = b.einddatum;
    rec.motivering = b.motivering;
    rec.voorziening = b.voorziening;
    if (b.soort == "wijkteam") {
      // Care by the gemeente's own wijkteam: counted as the wijkteam registration counts it
      // (CBS hulpvorm 01, verwijzer 06).
      auto w = store_.bewaar_wijkteam_traject(g->gemeente, jeugdige, *b.ingangsdatum, b.einddatum);
      if (!w.ok()) return w.status();
      rec.wijkteam_traject_id = *w;
    } else if (b.soort == "maatwerk") {
      auto mw = maatwerk(*g, jeugdige, b, ctx);
      if (!mw.ok()) return mw.status();
      if (mw->geweigerd) {
        geweigerd = true;
        weigering = mw->meldingen;
        return Aborted(kGeweigerd);
      }
      const auto& k = *b.beschikking;
      rec.aanbieder = k.aanbieder;
      rec.categorie = k.categorie;
      rec.productcode = k.productcode;
      rec.volume = k.volume;
      rec.eenheid = mw->toewijzing->eenheid;
      rec.frequentie = k.frequentie;
      rec.toewijzing_id = mw->toewijzing->id;
      rec.verzonden_op = vandaag;
      rec.bezwaar_tot = bezwaartermijn(vandaag);
      uit.toewijzing = mw->toewijzing;
      uit.bericht_id = mw->bericht_id;
      uit.identificatie = mw->identificatie;
      uit.meldingen = mw->meldingen;
    }
    auto id = store_.bewaar_besluit(rec);
    if (!id.ok()) return id.status();
    rec.id = *id;
    auto n = store_.handel_aanmeldingen_af(gezin, jeugdige, vandaag);
    if (!n.ok()) return n.status();
    JR_RETURN_IF_ERROR(audit(
        ctx, "wijzigen", "besluit",
        "gezin=" + std::to_string(gezin) + " besluit=" + std::to_string(*id) + " soort=" + b.soort,
        jeugdige));
    return uit;
  });
  if (geweigerd) {
    GenomenBesluit uit;
    uit.geweigerd = true;
    uit.meldingen = std::move(weigering);
    return uit;
  }
  return r;
}

// ---- verzoeken ----

Result<std::vector<VerzoekRegel>> Casework::open_verzoeken(const Medewerker& m,
                                                           const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<std::vector<VerzoekRegel>> {
    auto teams = teams_van(m);
    if (!teams.ok()) return teams.status();
    std::set<std::string> gemeenten;
    for (const auto& t : *teams) gemeenten.insert(t.gemeente);
    auto v = store_.open_verzoeken({gemeenten.begin(), gemeenten.end()});
    if (!v.ok()) return v.status();
    std::vector<VerzoekRegel> uit;
    const Date vandaag = clock_.today();
    for (auto& x : *v) {
      VerzoekRegel r;
      r.in_onderzoek =
          std::find(x.antwoorden.begin(), x.antwoorden.end(), "onderzoek") != x.antwoorden.end();
      r.dagen_open = std::max(0, days_between(x.dagtekening, vandaag));
      r.termijn = verzoektermijn(x.dagtekening, r.in_onderzoek);
      r.verzoek = std::move(x);
      uit.push_back(std::move(r));
    }
    JR_RETURN_IF_ERROR(
        audit(ctx, "lezen", "verzoeken", std::to_string(uit.size()) + " open", std::nullopt));
    return uit;
  });
}

Result<VerzoekUitkomst> Casework::beantwoord_verzoek(int64_t id, const VerzoekAntwoord& a,
                                                     const Medewerker& m,
                                                     const store::AuditContext& ctx) {
  if (a.antwoord != "toewijzen" && a.antwoord != "onderzoek" && a.antwoord != "afwijzen")
    return InvalidArgument("antwoord is toewijzen, onderzoek of afwijzen");
  if (!validator_) return Unavailable("de iJw-standaard is niet geladen: geen bericht te bouwen");
  bool geweigerd = false;
  std::vector<contracts::PlafondMelding> weigering;
  auto r = in_transactie(store_, [&]() -> Result<VerzoekUitkomst> {
    auto v = store_.lees_verzoek_rij(id);
    if (!v.ok()) return v.status();
    auto teams = teams_van(m);
    if (!teams.ok()) return teams.status();
    if (std::none_of(teams->begin(), teams->end(),
                     [&](const auto& t) { return t.gemeente == v->gemeente; }))
      return PermissionDenied("geen team van gemeente " + v->gemeente);
    if (v->status != "ontvangen")
      return FailedPrecondition("verzoek " + std::to_string(id) + " is al " + v->status);
    VerzoekUitkomst uit;
    uit.antwoord = a.antwoord;
    if (a.antwoord == "toewijzen") {
      contracts::NieuweToewijzing n = a.toewijzing;
      n.verzoek_id = id;
      auto t = contracten_.toewijzing_voor(n);
      if (!t.ok()) return t.status();
      auto gemaakt = contracten_.plaats_toewijzing(*t, id, ctx);
      if (!gemaakt.ok()) return gemaakt.status();
      if (gemaakt->geweigerd) {
        geweigerd = true;
        weigering = gemaakt->meldingen;
        return Aborted(kGeweigerd);
      }
      auto b = bouw_jw301(store_, clock_, standaard_dir_, *validator_, v->gemeente,
                          gemaakt->toewijzing.toewijzing_nummer, ctx);
      if (!b.ok()) return b.status();
      uit.toewijzing = gemaakt->toewijzing;
      uit.meldingen = gemaakt->meldingen;
      uit.bericht_id = b->bericht_id;
      uit.berichttype = "JW301";
      uit.identificatie = b->bericht.header.identificatie;
    } else {
      const bool onderzoek = a.antwoord == "onderzoek";
      // TR360: 'in onderzoek' once per verzoek; TR365: only a refusal or toewijzing after it.
      if (onderzoek && !v->antwoorden.empty())
        return FailedPrecondition("dit verzoek is al in onderzoek (TR360)");
      Antwoord319 x{!onderzoek, a.reden, a.woonplaats_gemeente};
      auto b = bouw_jw319(store_, clock_, standaard_dir_, *validator_, *v, x);
      if (!b.ok()) return b.status();
      store::VerzoekAntwoordRecord rec;
      rec.verzoek_id = id;
      rec.antwoord = onderzoek ? "onderzoek" : "afgewezen";
      rec.reden = a.reden;
      rec.woonplaats_gemeente = a.woonplaats_gemeente;
      rec.datum = clock_.today();
      rec.medewerker = m.naam;
      rec.bericht_id = b->bericht_id;
      JR_RETURN_IF_ERROR(store_.bewaar_verzoek_antwoord(rec));
      uit.bericht_id = b->bericht_id;
      uit.berichttype = "JW319";
      uit.identificatie = b->bericht.header.identificatie;
    }
    JR_RETURN_IF_ERROR(
        store_.zet_in_uitbak(uit.bericht_id, v->aanbieder, v->jeugdige_id, clock_.now_iso()));
    if (v->gezin_id) {
      auto n = store_.pak_op(*v->gezin_id, m.naam, clock_.today());
      if (!n.ok()) return n.status();
    }
    JR_RETURN_IF_ERROR(audit(ctx, "wijzigen", "verzoek",
                             "verzoek=" + std::to_string(id) + " antwoord=" + a.antwoord + " " +
                                 uit.berichttype + " " + uit.identificatie,
                             v->jeugdige_id));
    return uit;
  });
  if (geweigerd) {
    VerzoekUitkomst uit;
    uit.geweigerd = true;
    uit.antwoord = a.antwoord;
    uit.meldingen = std::move(weigering);
    return uit;
  }
  return r;
}

// ---- outbox ----

Result<std::vector<store::UitgaandBericht>> Casework::haal_uitgaand_op(
    const std::string& agb, const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Result<std::vector<store::UitgaandBericht>> {
    auto u = store_.haal_uitbak_op(agb, clock_.now_iso());
    if (!u.ok()) return u.status();
    for (const auto& b : *u) {
      store::AuditEvent e;
      e.context = ctx;
      e.handeling = "exporteren";
      e.object_type = "bericht";
      e.pseudoniem = b.pseudoniem;
      e.detail = b.berichttype + " " + b.identificatie + " opgehaald door aanbieder " + agb;
      JR_RETURN_IF_ERROR(store_.audit(e));
    }
    return u;
  });
}

}  // namespace jr::casework
