#include "contracts/beheer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace jr::contracts {
namespace {

using store::in_transactie;

std::string euro(int64_t cent) {
  // "€ 1.234.567" (whole euros, Dutch grouping).
  std::string n = std::to_string(std::llabs(cent) / 100);
  std::string uit;
  for (size_t i = 0; i < n.size(); ++i) {
    if (i && (n.size() - i) % 3 == 0) uit += '.';
    uit += n[i];
  }
  return std::string(cent < 0 ? "-€ " : "€ ") + uit;
}

std::string plafond_detail(const Budgetplafond& p) {
  return "id=" + std::to_string(p.id) + " aanbieder=" + p.aanbieder +
         " jaar=" + std::to_string(p.jaar) + " gemeente=" + p.gemeente.value_or("*") +
         " categorie=" + p.categorie.value_or("*") +
         " bedrag_cent=" + std::to_string(p.bedrag_cent) +
         " bij_overschrijding=" + p.bij_overschrijding;
}

std::string contract_detail(const Contract& c) {
  std::string g;
  for (const auto& x : c.gemeenten) g += (g.empty() ? "" : ";") + x;
  return "id=" + std::to_string(c.id) + " kenmerk=" + c.kenmerk + " aanbieder=" + c.aanbieder +
         " soort=" + c.soort + " ingangsdatum=" + c.ingangsdatum.iso() +
         " einddatum=" + (c.einddatum ? c.einddatum->iso() : "") + " gemeenten=" + g;
}

}  // namespace

PlafondScope scope(const Budgetplafond& p) { return {p.aanbieder, p.gemeente, p.categorie}; }

Status Contractbeheer::audit(const std::string& object_type, const std::string& detail,
                             const store::AuditContext& ctx) {
  store::AuditEvent e;
  e.context = ctx;
  e.handeling = "wijzigen";
  e.object_type = object_type;
  e.detail = detail;
  return store_.audit(e);
}

// ---- aanbieders ----

Result<std::vector<AanbiederRegel>> Contractbeheer::aanbieders() { return store_.aanbieders(); }

Result<AanbiederRegel> Contractbeheer::lees_aanbieder(const std::string& agb) {
  auto alle = aanbieders();
  if (!alle.ok()) return alle.status();
  for (auto& a : *alle)
    if (a.agb == agb) return a;
  return NotFound("er is geen aanbieder " + agb);
}

Result<AanbiederRegel> Contractbeheer::wijzig_aanbieder(const AanbiederRegel& a, Versie versie,
                                                        const store::AuditContext& ctx) {
  Status st = in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.wijzig_aanbieder(a, versie));
    return audit("aanbieder",
                 "agb=" + a.agb + " soort=" + a.soort + " landelijk=" + (a.landelijk ? "1" : "0"),
                 ctx);
  });
  JR_RETURN_IF_ERROR(st);
  return lees_aanbieder(a.agb);
}

// ---- producten ----

Result<std::vector<ProductRegel>> Contractbeheer::producten() { return store_.producten(); }

Result<ProductRegel> Contractbeheer::bewaar_product(const ProductRegel& p,
                                                    const store::AuditContext& ctx) {
  Status st = in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.bewaar_product(p));
    return audit("product",
                 "categorie=" + p.categorie + " code=" + p.code + " geldig_van=" +
                     p.geldig_van.iso() + " tarief_cent=" + std::to_string(p.tarief_cent),
                 ctx);
  });
  JR_RETURN_IF_ERROR(st);
  return p;
}

// ---- contracten ----

Result<std::vector<Contract>> Contractbeheer::contracten(
    const std::optional<std::string>& aanbieder) {
  return store_.contracten(aanbieder);
}

Result<Contract> Contractbeheer::lees_contract(int64_t id) {
  auto alle = contracten(std::nullopt);
  if (!alle.ok()) return alle.status();
  for (auto& c : *alle)
    if (c.id == id) return c;
  return NotFound("er is geen contract " + std::to_string(id));
}

Result<Contract> Contractbeheer::maak_contract(const Contract& c, const store::AuditContext& ctx) {
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto id = store_.maak_contract(c);
    if (!id.ok()) return id.status();
    Contract met_id = c;
    met_id.id = *id;
    JR_RETURN_IF_ERROR(audit("contract", contract_detail(met_id), ctx));
    return id;
  });
  if (!r.ok()) return r.status();
  return lees_contract(*r);
}

Result<Contract> Contractbeheer::wijzig_contract(int64_t id, const Contract& c, Versie versie,
                                                 const store::AuditContext& ctx) {
  Status st = in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.wijzig_contract(id, c, versie));
    Contract met_id = c;
    met_id.id = id;
    return audit("contract", contract_detail(met_id), ctx);
  });
  JR_RETURN_IF_ERROR(st);
  return lees_contract(id);
}

Status Contractbeheer::verwijder_contract(int64_t id, Versie versie,
                                          const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.verwijder_contract(id, versie));
    return audit("contract", "id=" + std::to_string(id) + " verwijderd", ctx);
  });
}

// ---- budgetplafonds ----

Result<std::vector<Budgetplafond>> Contractbeheer::plafonds(std::optional<int> jaar) {
  return store_.plafonds(jaar);
}

Result<Budgetplafond> Contractbeheer::lees_plafond(int64_t id) { return store_.lees_plafond(id); }

namespace {

// A plafond of an exempt aanbieder (GI, wijkteam, landelijk ingekochte zorg) is refused.
Status controleer_plafond(Contractbeheer& c, const Budgetplafond& p) {
  auto a = c.lees_aanbieder(p.aanbieder);
  if (a.status().code() == StatusCode::kNotFound)
    return InvalidArgument("aanbieder " + p.aanbieder + " staat niet in het register");
  if (!a.ok()) return a.status();
  if (a->vrijgesteld())
    return InvalidArgument(
        "gecertificeerde instellingen en landelijk ingekochte zorg hebben geen budgetplafond");
  return Status::Ok();
}

}  // namespace

Result<Budgetplafond> Contractbeheer::maak_plafond(const Budgetplafond& p,
                                                   const store::AuditContext& ctx) {
  JR_RETURN_IF_ERROR(controleer_plafond(*this, p));
  auto r = in_transactie(store_, [&]() -> Result<int64_t> {
    auto id = store_.maak_plafond(p);
    if (!id.ok()) return id.status();
    Budgetplafond met_id = p;
    met_id.id = *id;
    JR_RETURN_IF_ERROR(audit("budgetplafond", plafond_detail(met_id), ctx));
    return id;
  });
  if (!r.ok()) return r.status();
  return lees_plafond(*r);
}

Result<Budgetplafond> Contractbeheer::wijzig_plafond(int64_t id, const Budgetplafond& p,
                                                     Versie versie,
                                                     const store::AuditContext& ctx) {
  JR_RETURN_IF_ERROR(controleer_plafond(*this, p));
  Status st = in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.wijzig_plafond(id, p, versie));
    Budgetplafond met_id = p;
    met_id.id = id;
    return audit("budgetplafond", plafond_detail(met_id), ctx);
  });
  JR_RETURN_IF_ERROR(st);
  return lees_plafond(id);
}

Status Contractbeheer::verwijder_plafond(int64_t id, Versie versie,
                                         const store::AuditContext& ctx) {
  return in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.verwijder_plafond(id, versie));
    return audit("budgetplafond", "id=" + std::to_string(id) + " verwijderd", ctx);
  });
}

// ---- wachttijdnormen ----

Result<Normen> Contractbeheer::normen() {
  auto regels = norm_regels();
  if (!regels.ok()) return regels.status();
  Normen uit;
  for (const auto& n : *regels) uit[n.categorie] = n.weken;
  return uit;
}

Result<std::vector<NormRegel>> Contractbeheer::norm_regels() { return store_.normen(); }

Result<NormRegel> Contractbeheer::lees_norm(const std::string& categorie) {
  auto alle = norm_regels();
  if (!alle.ok()) return alle.status();
  for (auto& n : *alle)
    if (n.categorie == categorie) return n;
  return NotFound("er is geen norm voor categorie " + categorie);
}

Result<NormRegel> Contractbeheer::zet_norm(const std::string& categorie, int weken, Versie versie,
                                           const store::AuditContext& ctx) {
  Status st = in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.zet_norm(categorie, weken, versie));
    return audit("wachttijdnorm", "categorie=" + categorie + " weken=" + std::to_string(weken),
                 ctx);
  });
  JR_RETURN_IF_ERROR(st);
  return lees_norm(categorie);
}

Status Contractbeheer::verwijder_norm(const std::string& categorie, Versie versie,
                                      const store::AuditContext& ctx) {
  if (categorie == "*") return FailedPrecondition("de algemene norm (*) blijft altijd bestaan");
  return in_transactie(store_, [&]() -> Status {
    JR_RETURN_IF_ERROR(store_.verwijder_norm(categorie, versie));
    return audit("wachttijdnorm", "categorie=" + categorie + " verwijderd", ctx);
  });
}

// ---- figures ----

Result<Tarievenboek> Contractbeheer::tarieven() {
  auto rijen = store_.tarieven();
  if (!rijen.ok()) return rijen.status();
  Tarievenboek boek;
  for (const auto& r : *rijen) boek[{r.categorie, r.code}].push_back({r.van, r.tot, r.cent});
  return boek;
}

Result<std::vector<Realisatie>> Contractbeheer::realisatie(int jaar) {
  return store_.prestatiebedragen(jaar);
}

Result<std::vector<Verplichting>> Contractbeheer::verplichtingen(Date van, Date tot) {
  return store_.lopende_toewijzingen(van, tot);
}

Result<Date> Contractbeheer::gedeclareerd_tot(int jaar) {
  auto max = store_.laatste_prestatiedag(jaar);
  if (!max.ok()) return max.status();
  const Date d = max->value_or(Date(jaar, 1, 1).add_days(-1));
  return std::min({d, clock_.today(), Date(jaar, 12, 31)});
}

Result<std::vector<PlafondStand>> Contractbeheer::plafondstanden(int jaar) {
  auto ps = plafonds(jaar);
  if (!ps.ok()) return ps.status();
  std::vector<PlafondStand> uit;
  if (ps->empty()) return uit;
  auto boek = tarieven();
  if (!boek.ok()) return boek.status();
  auto real = realisatie(jaar);
  if (!real.ok()) return real.status();
  auto tot = gedeclareerd_tot(jaar);
  if (!tot.ok()) return tot.status();
  auto lopend = verplichtingen(tot->add_days(1), Date(jaar, 12, 31));
  if (!lopend.ok()) return lopend.status();
  // By aanbieder first, so that each plafond looks only at its own aanbieder's lines.
  std::map<std::string, std::vector<Realisatie>> real_per;
  for (auto& r : *real) real_per[r.aanbieder].push_back(std::move(r));
  std::map<std::string, std::vector<Verplichting>> lopend_per;
  for (auto& v : *lopend) lopend_per[v.aanbieder].push_back(std::move(v));
  static const std::vector<Realisatie> geen_real;
  static const std::vector<Verplichting> geen_lopend;
  for (const auto& p : *ps) {
    auto r = real_per.find(p.aanbieder);
    auto l = lopend_per.find(p.aanbieder);
    uit.push_back({p, bereken_jaarstand(
                          jaar, *tot, scope(p), r == real_per.end() ? geen_real : r->second,
                          l == lopend_per.end() ? geen_lopend : l->second, *boek, p.bedrag_cent)});
  }
  return uit;
}

Result<std::vector<PlafondMelding>> Contractbeheer::toets(const Verplichting& nieuw) {
  std::vector<PlafondMelding> uit;
  auto boek = tarieven();
  if (!boek.ok()) return boek.status();
  const int eerste = nieuw.ingangsdatum.year();
  const int laatste = nieuw.einddatum ? nieuw.einddatum->year() : eerste;
  for (int jaar = eerste; jaar <= laatste; ++jaar) {
    auto standen = plafondstanden(jaar);
    if (!standen.ok()) return standen.status();
    for (const auto& ps : *standen) {
      if (!scope(ps.plafond).omvat(nieuw.aanbieder, nieuw.gemeente, nieuw.categorie)) continue;
      PlafondMelding m;
      m.plafond = ps.plafond;
      m.prognose_zonder = ps.stand.prognose;
      m.toets = toets_toewijzing(ps.stand, nieuw, *boek);
      m.weigeren = m.toets.overschreden && ps.plafond.bij_overschrijding == "weigeren";
      const std::string pct = m.toets.nieuw_pct
                                  ? std::to_string(static_cast<int>(std::floor(*m.toets.nieuw_pct)))
                                  : "?";
      std::string bereik = "aanbieder " + ps.plafond.aanbieder;
      if (ps.plafond.gemeente) bereik += ", gemeente " + *ps.plafond.gemeente;
      if (ps.plafond.categorie) bereik += ", productcategorie " + *ps.plafond.categorie;
      if (m.toets.overschreden)
        m.melding = "Deze toewijzing (" + euro(m.toets.extra) + " in " + std::to_string(jaar) +
                    ") brengt de prognose van " + bereik + " op " + euro(m.toets.nieuwe_prognose) +
                    ", boven het budgetplafond " + std::to_string(jaar) + " van " +
                    euro(ps.plafond.bedrag_cent) + " (" + pct + "%)." +
                    (m.weigeren ? " De toewijzing is daarom geweigerd."
                                : " De toewijzing mag, maar overleg met de contractmanager.");
      else
        m.melding = "Binnen het budgetplafond " + std::to_string(jaar) + " van " + bereik +
                    ": prognose met deze toewijzing " + euro(m.toets.nieuwe_prognose) + " van " +
                    euro(ps.plafond.bedrag_cent) + " (" + pct + "%).";
      uit.push_back(std::move(m));
    }
  }
  return uit;
}

Result<store::ToewijzingRecord> Contractbeheer::toewijzing_voor(const NieuweToewijzing& n) {
  auto vz = store_.lees_verzoek(n.verzoek_id);
  if (!vz.ok()) return vz.status();
  store::ToewijzingRecord t;
  t.aanbieder = vz->aanbieder;
  t.gemeente = vz->gemeente;
  t.jeugdige_id = vz->jeugdige_id;
  t.referentie_aanbieder = vz->referentie_aanbieder;
  t.categorie = vz->categorie;
  t.productcode = vz->productcode;
  t.ingangsdatum = n.ingangsdatum.value_or(vz->ingangsdatum);
  t.einddatum = n.einddatum ? n.einddatum : vz->einddatum;
  t.volume = n.volume ? n.volume : vz->volume;
  t.eenheid = vz->eenheid;
  t.frequentie = n.frequentie ? n.frequentie : vz->frequentie;
  t.budget_cent = vz->budget_cent;
  if (vz->status != "ontvangen")
    return FailedPrecondition("verzoek " + std::to_string(n.verzoek_id) + " is al " + vz->status);
  return t;
}

Result<GemaakteToewijzing> Contractbeheer::plaats_toewijzing(store::ToewijzingRecord t,
                                                             std::optional<int64_t> verzoek_id,
                                                             const store::AuditContext& ctx) {
  if (t.einddatum && *t.einddatum < t.ingangsdatum)
    return InvalidArgument("de einddatum ligt voor de ingangsdatum");
  t.toewijzingsdatum = clock_.today();
  Verplichting v{t.aanbieder,
                 t.gemeente,
                 t.categorie.value_or(""),
                 t.productcode.value_or(""),
                 t.ingangsdatum,
                 t.einddatum,
                 t.volume.value_or(0),
                 t.eenheid.value_or(""),
                 t.frequentie.value_or(""),
                 t.budget_cent};
  auto meldingen = toets(v);
  if (!meldingen.ok()) return meldingen.status();
  for (const auto& m : *meldingen)
    if (m.weigeren) return GemaakteToewijzing{true, {}, std::move(meldingen).value()};
  auto nummer = store_.volgend_toewijzingnummer(t.gemeente);
  if (!nummer.ok()) return nummer.status();
  t.toewijzing_nummer = *nummer;
  auto id = store_.bewaar_toewijzing(t);
  if (!id.ok()) return id.status();
  if (verzoek_id) JR_RETURN_IF_ERROR(store_.koppel_verzoek(*verzoek_id, *id));
  auto pseudoniem = store_.pseudoniem_van(t.jeugdige_id);
  if (!pseudoniem.ok()) return pseudoniem.status();
  store::AuditEvent e;
  e.context = ctx;
  e.handeling = "wijzigen";
  e.object_type = "toewijzing";
  e.pseudoniem = *pseudoniem;
  e.detail = "gemeente=" + t.gemeente + " toewijzing_nummer=" + std::to_string(t.toewijzing_nummer);
  if (verzoek_id) e.detail += " verzoek=" + std::to_string(*verzoek_id);
  JR_RETURN_IF_ERROR(store_.audit(e));
  t.id = *id;
  return GemaakteToewijzing{false, t, std::move(meldingen).value()};
}

Result<GemaakteToewijzing> Contractbeheer::maak_toewijzing(const NieuweToewijzing& n,
                                                           const store::AuditContext& ctx) {
  auto t = toewijzing_voor(n);
  if (!t.ok()) return t.status();
  // A refusal writes nothing: the transaction is rolled back like a failure.
  bool geweigerd = false;
  std::vector<PlafondMelding> weigering;
  auto r = in_transactie(store_, [&]() -> Result<GemaakteToewijzing> {
    auto g = plaats_toewijzing(*t, n.verzoek_id, ctx);
    if (g.ok() && g->geweigerd) {
      geweigerd = true;
      weigering = g->meldingen;
      return Aborted("geweigerd");
    }
    return g;
  });
  if (geweigerd) return GemaakteToewijzing{true, {}, std::move(weigering)};
  return r;
}

// ---- wachttijden ----

Result<std::vector<Wachtgeval>> Contractbeheer::wachtgevallen() {
  auto rijen = store_.wachtrijen();
  if (!rijen.ok()) return rijen.status();
  std::vector<Wachtgeval> uit;
  uit.reserve(rijen->size());
  for (const auto& r : *rijen) {
    Wachtgeval g;
    g.toewijzing_id = r.toewijzing_id;
    g.toewijzing_nummer = r.toewijzing_nummer;
    g.gemeente = r.gemeente;
    g.aanbieder = r.aanbieder;
    g.categorie = r.categorie;
    g.productcode = r.productcode;
    g.toewijzing = r.toewijzingsdatum;
    g.einddatum = r.einddatum;
    // The wait begins at the JW315's dagtekening when it came first, otherwise at the
    // toewijzing (a beschikking without a verzoek).
    if (r.verzoek_dagtekening && *r.verzoek_dagtekening <= g.toewijzing) {
      g.aanmelding = *r.verzoek_dagtekening;
      g.bron = "jw315";
    } else {
      g.aanmelding = g.toewijzing;
      g.bron = "beschikking";
    }
    g.start = r.eerste_start;
    uit.push_back(std::move(g));
  }
  return uit;
}

Result<Date> Contractbeheer::stand_gegevens() {
  auto max = store_.laatste_gegevensdag();
  if (!max.ok()) return max.status();
  const Date vandaag = clock_.today();
  return *max ? std::min(**max, vandaag) : vandaag;
}

Result<std::vector<Voorzieningen>> Contractbeheer::voorzieningen(int jaar) {
  auto natura = store_.natura_per_gemeente(jaar);
  if (!natura.ok()) return natura.status();
  auto rijen = store_.voorzieningen(jaar);
  if (!rijen.ok()) return rijen.status();
  std::vector<Voorzieningen> uit;
  for (const auto& r : *rijen) {
    Voorzieningen v;
    v.gemeente = r.gemeente;
    v.naam = r.naam;
    auto it = natura->find(v.gemeente);
    v.natura_cent = it == natura->end() ? 0 : it->second;
    v.pgb_cent = r.pgb_cent;
    v.algemeen_cent = r.algemeen_cent;
    v.doel_pct_maatwerk = r.doel_pct_maatwerk;
    v.doel_bron = r.doel_bron;
    uit.push_back(std::move(v));
  }
  return uit;
}

}  // namespace jr::contracts
