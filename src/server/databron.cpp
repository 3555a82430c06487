#include "server/databron.h"

#include <algorithm>

#include "domain/periode.h"
#include "indicators/indicatoren.h"
#include "indicators/uitsplitsing.h"
#include "model/snapshot.h"
#include "server/indicatoren_json.h"
#include "store/store.h"

namespace jr::server {

using nlohmann::json;

struct Databron::Stand {
  model::Snapshot snapshot;
  indicators::Afgeleid afgeleid;
  int32_t eerste_dag = 0, laatste_dag = -1;  // span of the data; laatste < eerste: none
  mutable std::mutex mu;
  mutable std::map<std::string, std::shared_ptr<const indicators::Uitkomst>> uitkomsten;

  std::shared_ptr<const indicators::Uitkomst> uitkomst(const Periode& p) const {
    {
      std::lock_guard lock(mu);
      if (auto it = uitkomsten.find(p.naam); it != uitkomsten.end()) return it->second;
    }
    auto u =
        std::make_shared<const indicators::Uitkomst>(indicators::bereken(snapshot, afgeleid, p));
    std::lock_guard lock(mu);
    return uitkomsten.emplace(p.naam, std::move(u)).first->second;
  }
};

namespace {

int64_t in_ms(Clock::Moment t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

json aantal(uint64_t n, bool publiek) {
  auto v = indicators::toon_aantal(
      n, publiek ? indicators::Openbaarheid::kPubliek : indicators::Openbaarheid::kIntern);
  return v ? json(*v) : json(nullptr);
}

}  // namespace

Databron::Databron(store::Store& store, const Clock& clock)
    : store_(store), clock_(clock), gebruikers_(store, clock), contracten_(store, clock) {}

std::optional<int64_t> Databron::extern_versie() {
  std::lock_guard lock(versie_mu_);
  const int64_t nu = in_ms(clock_.monotonic());
  if (extern_versie_ && nu - extern_gezien_ms_ < 500) return extern_versie_;
  std::optional<int64_t> gelezen;
  {
    std::lock_guard db(db_mu_);
    if (auto v = store_.data_versie(); v.ok()) gelezen = *v;
  }
  extern_gezien_ms_ = nu;
  extern_versie_ = gelezen;
  return extern_versie_;
}

Status Databron::audit(const store::AuditEvent& e) {
  std::lock_guard lock(db_mu_);
  return store_.audit(e);
}

Databron::~Databron() = default;

Status Databron::ververs() { return stand().status(); }

void Databron::vernieuw() {
  std::lock_guard lock(stand_mu_);
  data_versie_ = -1;
  laatste_controle_ms_ = 0;
}

Antwoord Databron::bewaard(const std::string& sleutel, const std::function<Antwoord()>& maak) {
  constexpr size_t kMaxAntwoorden = 2000;  // bounded however many query variants are asked
  uint64_t generatie = 0;
  {
    std::lock_guard lock(antwoord_mu_);
    const auto versie = extern_versie();
    if (!versie || *versie != antwoord_data_versie_) {
      antwoord_data_versie_ = versie.value_or(-1);
      antwoorden_.clear();
      ++antwoord_generatie_;
    }
    if (auto it = antwoorden_.find(sleutel); it != antwoorden_.end()) return it->second;
    generatie = antwoord_generatie_;
  }
  ++antwoord_missers_;
  Antwoord a = maak();
  if (a.status == 200) {
    std::lock_guard lock(antwoord_mu_);
    if (generatie == antwoord_generatie_) {
      if (antwoorden_.size() >= kMaxAntwoorden) antwoorden_.clear();
      antwoorden_.emplace(sleutel, a);
    }
  }
  return a;
}

void Databron::vergeet_antwoorden() {
  std::lock_guard lock(antwoord_mu_);
  antwoorden_.clear();
  ++antwoord_generatie_;
}

Result<std::shared_ptr<const Databron::Stand>> Databron::stand() {
  const int64_t nu = in_ms(clock_.monotonic());
  std::shared_ptr<const Stand> huidig;
  {
    std::lock_guard lock(stand_mu_);
    huidig = stand_;
  }
  // Look at the database at most twice a second; between looks, serve what we have.
  if (huidig && nu - laatste_controle_ms_.load() < 500) return huidig;
  std::lock_guard bouw(stand_mu_);  // one rebuild at a time; others wait for its result
  if (stand_ && in_ms(clock_.monotonic()) - laatste_controle_ms_.load() < 500) return stand_;
  const int64_t versie = extern_versie().value_or(-1);
  laatste_controle_ms_ = in_ms(clock_.monotonic());
  if (stand_ && versie == data_versie_ && versie != -1) return stand_;
  std::lock_guard db(db_mu_);
  auto snap = model::bouw_snapshot(store_);
  if (!snap.ok()) return snap.status();
  auto nieuw = std::make_shared<Stand>();
  nieuw->snapshot = std::move(snap).value();
  nieuw->afgeleid = indicators::leid_af(nieuw->snapshot);
  const auto& t = nieuw->snapshot.trajecten;
  if (t.size() > 0) {
    nieuw->eerste_dag = *std::min_element(t.aanvang.begin(), t.aanvang.end());
    int32_t laatste = *std::max_element(t.aanvang.begin(), t.aanvang.end());
    for (int32_t e : t.einde)
      if (e != model::kOpenEinde) laatste = std::max(laatste, e);
    nieuw->laatste_dag = laatste;
  }
  std::map<std::string, std::string> namen;
  auto aanbieders = store_.aanbieders();
  if (!aanbieders.ok()) return aanbieders.status();
  for (const auto& a : *aanbieders) namen[a.agb] = a.naam;
  {
    std::unique_lock cache(cache_mu_);
    cache_.clear();
    aanbieder_namen_ = std::move(namen);
  }
  data_versie_ = versie;
  stand_ = std::move(nieuw);
  return stand_;
}

Result<std::shared_ptr<const Document>> Databron::indicatoren(const IndicatorVraag& v) {
  auto p = lees_periode(v.periode);
  if (!p.ok()) return p.status();
  auto st = stand();
  if (!st.ok()) return st.status();
  Sleutel sleutel{v.periode, v.gemeente.value_or(""), v.publiek};
  {
    std::shared_lock lock(cache_mu_);
    if (auto it = cache_.find(sleutel); it != cache_.end()) return it->second;
  }
  ++missers_;
  auto d = std::make_shared<Document>();
  d->uitkomst = (*st)->uitkomst(*p);
  d->openbaarheid =
      v.publiek ? indicators::Openbaarheid::kPubliek : indicators::Openbaarheid::kIntern;
  auto selectie = indicators::selecteer(*d->uitkomst, v.gemeente);
  if (!selectie.ok()) return selectie.status();
  d->selectie = std::move(selectie).value();
  auto doc = indicatoren_json(*d->uitkomst, d->openbaarheid, v.gemeente);
  if (!doc.ok()) return doc.status();
  d->tekst = doc->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::unique_lock lock(cache_mu_);
  return cache_.emplace(sleutel, std::move(d)).first->second;
}

Result<Databron::Perioden> Databron::perioden() {
  auto st = stand();
  if (!st.ok()) return st.status();
  Perioden p;
  const Stand& s = **st;
  if (s.laatste_dag < s.eerste_dag) return p;
  const Date van(s.eerste_dag), tot(s.laatste_dag);
  // With `vanaf`, a period is listed only when it begins on or after it.
  auto volledig = [&](int jaar, unsigned maand) {
    return !vanaf_dag_ || Date(jaar, maand, 1).days() >= *vanaf_dag_;
  };
  for (int jaar = van.year(); jaar <= tot.year(); ++jaar) {
    if (volledig(jaar, 1)) p.jaren.push_back(std::to_string(jaar));
    for (int h = 1; h <= 2; ++h) {
      if (!volledig(jaar, h == 1 ? 1 : 7)) continue;
      if (jaar == van.year() && h == 1 && van.month() > 6) continue;
      if (jaar == tot.year() && h == 2 && tot.month() <= 6) continue;
      p.halfjaren.push_back(std::to_string(jaar) + "H" + std::to_string(h));
    }
  }
  return p;
}

std::optional<std::string> Databron::regio_naam(const std::optional<std::string>& gemeente) {
  auto st = stand();
  if (!st.ok()) return std::nullopt;
  const model::Snapshot& s = (**st).snapshot;
  std::optional<std::string> naam;
  for (size_t g = 0; g < s.gemeente_code.size(); ++g) {
    if (gemeente && s.gemeente_code[g] != *gemeente) continue;
    const std::string& r = s.regio_naam[s.gemeente_regio[g]];
    if (r.empty() || (naam && *naam != r)) return std::nullopt;
    naam = r;
  }
  return naam;
}

std::string Databron::aanbieder_naam(const std::string& agb) {
  std::shared_lock lock(cache_mu_);
  auto it = aanbieder_namen_.find(agb);
  return it == aanbieder_namen_.end() ? agb : it->second;
}

Result<json> Databron::trajecten(const TrajectVraag& v) {
  auto p = lees_periode(v.periode);
  if (!p.ok()) return p.status();
  auto st = stand();
  if (!st.ok()) return st.status();
  const model::Snapshot& s = (*st)->snapshot;
  auto u = indicators::splits_trajecten(s, *p, v.gemeente, v.aanbieder);
  if (!u.ok()) return u.status();

  const bool pub = v.publiek;
  json doc;
  doc["periode"] = p->naam;
  doc["van"] = p->van.iso();
  doc["tot"] = p->tot.iso();
  doc["niveau"] = pub ? "publiek" : "intern";
  doc["gemeente"] = v.gemeente ? json(*v.gemeente) : json(nullptr);
  doc["aanbieder"] = v.aanbieder ? json(*v.aanbieder) : json(nullptr);
  doc["trajecten"] = aantal(u->trajecten, pub);
  doc["beeindigd"] = aantal(u->beeindigd, pub);
  json onderdelen = json::array();
  if (!v.aanbieder) {
    doc["uitsplitsing"] = v.gemeente ? "aanbieder" : "gemeente";
    for (const auto& [k, n] : u->per_onderdeel) {
      json o;
      if (!v.gemeente) {
        o["code"] = s.gemeente_code[k];
        o["naam"] = s.gemeente_naam[k];
      } else {
        const std::string& code = s.aanbieder_code[k];
        o["code"] = code;
        if (code.rfind("wijkteam", 0) == 0)
          o["naam"] = "Wijkteam " + s.gemeente_naam[u->gemeente];
        else
          o["naam"] = aanbieder_naam(code);
      }
      o["trajecten"] = aantal(n, pub);
      onderdelen.push_back(std::move(o));
    }
  } else {
    // Products are not part of the CBS trajecten: count the deliveries (JW305 starts, with
    // their JW307 stop) of this aanbieder for this gemeente that ran in the periode.
    doc["uitsplitsing"] = "product";
    auto rijen = [&] {
      std::lock_guard lock(db_mu_);
      return store_.leveringen_per_product(*v.aanbieder, *v.gemeente, p->van, p->tot);
    }();
    if (!rijen.ok()) return rijen.status();
    for (const auto& r : *rijen) {
      json o;
      o["code"] = r.categorie + "-" + r.productcode;
      o["naam"] = !r.omschrijving.empty() ? r.omschrijving : r.categorie + " " + r.productcode;
      o["leveringen"] = aantal(static_cast<uint64_t>(r.aantal), pub);
      onderdelen.push_back(std::move(o));
    }
  }
  doc["onderdelen"] = onderdelen;
  json hv = json::object(), vw = json::object(), rd = json::object(), dk = json::object();
  for (size_t k = 0; k < model::kHulpvormen.size(); ++k)
    hv[model::code2(model::kHulpvormen[k])] = aantal(u->hulpvorm[k], pub);
  for (size_t k = 0; k < model::kVerwijzers.size(); ++k)
    vw[model::code2(model::kVerwijzers[k])] = aantal(u->verwijzer[k], pub);
  for (uint8_t k = 1; k <= 5; ++k) rd[model::code2(k)] = aantal(u->reden[k - 1], pub);
  rd["onbekend"] = aantal(u->reden[5], pub);
  for (size_t k = 0; k < u->duurklassen.size(); ++k)
    dk[indicators::kDuurklasseNamen[k]] = aantal(u->duurklassen[k], pub);
  doc["perHulpvorm"] = hv;
  doc["perVerwijzer"] = vw;
  doc["redenBeeindiging"] = rd;
  doc["duurklassen"] = dk;
  return doc;
}

void Databron::warm_op() {
  auto p = perioden();
  if (!p.ok()) return;
  for (const auto& lijst : {p->halfjaren, p->jaren})
    for (const auto& naam : lijst) {
      (void)indicatoren({naam, std::nullopt, false});
      (void)indicatoren({naam, std::nullopt, true});
    }
}

}  // namespace jr::server
