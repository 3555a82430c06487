#include "generate/simulation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "domain/bsn.h"

namespace jr::generate {
namespace {

constexpr int kMaxLeeftijd = 23;  // care under the Jeugdwet ends before the 23rd birthday
constexpr size_t kMaxClientenPerDeclaratie = 500;

const char* const kJongens[] = {"Daan",  "Sem",      "Noah", "Lucas", "Levi",   "Finn", "Milan",
                                "Jesse", "Bram",     "Luuk", "Thijs", "Ruben",  "Mees", "Sven",
                                "Adam",  "Mohammed", "Gijs", "Teun",  "Jayden", "Stijn"};
const char* const kMeisjes[] = {"Emma", "Julia", "Mila",  "Tess", "Sophie", "Zoë",  "Sara",
                                "Nora", "Yara",  "Eva",   "Liv",  "Lotte",  "Noor", "Fenna",
                                "Saar", "Lieke", "Fleur", "Nina", "Amira",  "Isa"};
struct Achternaam {
  const char* naam;
  const char* voorvoegsel;
};
const Achternaam kAchternamen[] = {
    {"Jansen", nullptr},   {"Vries", "de"},        {"Bakker", nullptr},   {"Visser", nullptr},
    {"Smit", nullptr},     {"Meijer", nullptr},    {"Boer", "de"},        {"Mulder", nullptr},
    {"Groot", "de"},       {"Bos", nullptr},       {"Vos", nullptr},      {"Peters", nullptr},
    {"Hendriks", nullptr}, {"Leeuwen", "van"},     {"Dekker", nullptr},   {"Brouwer", nullptr},
    {"Wit", "de"},         {"Dijk", "van"},        {"Smits", nullptr},    {"Graaf", "de"},
    {"Lange", "de"},       {"Berg", "van den"},    {"Kok", nullptr},      {"Jacobs", nullptr},
    {"Haan", "de"},        {"Vermeulen", nullptr}, {"Heuvel", "van den"}, {"Veen", "van der"},
    {"Wal", "van der"},    {"Bulut", nullptr},     {"Yilmaz", nullptr},   {"El Amrani", nullptr}};
constexpr size_t kAantalAchternamen = sizeof(kAchternamen) / sizeof(kAchternamen[0]);

enum Rang : uint8_t {
  kWijkteam = 0,
  kJw315 = 1,
  kJw301 = 2,
  kJw305 = 3,
  kJw307 = 4,
  kJw323 = 5,
  kJw317 = 6,
};

struct Persoon {
  std::string bsn;
  Date geboren;
  std::string geslacht;  // COD046: 1 man, 2 vrouw
  uint16_t voornaam = 0;
  uint16_t achternaam = 0;
  uint32_t gemeente = 0;
  // Verzoeken (JW315) of this career still open: aanbieder index, last day open (the day of
  // the JW301 that answers it).
  std::vector<std::pair<size_t, int32_t>> open_verzoeken;
};

// One planned stretch of care, drawn in full when the jeugdige enters.
struct Plan {
  int product = -1;  // index in Regio::producten; -1 = wijkteam
  std::string verwijzer;
  Date verzoek;     // referral; JW315 dagtekening when there is one
  Date toewijzing;  // JW301 dagtekening
  Date begin;
  Date eind;
  std::string reden;
};

struct Traject {
  uint64_t nr = 0;
  Persoon persoon;
  Plan plan;
  size_t aanbieder = 0;
  std::string verwijzer_agb;
  int64_t toewijzing_nummer = 0;
  std::string referentie;
  Date toewijzing_eind;
  int pending = 0;
  // A verzoek om wijziging (JW317) on this toewijzing: its dagtekening, and the other current
  // toewijzingen of the jeugdige at the same aanbieder, which it names unchanged (TR349).
  std::optional<Date> wijziging;
  std::vector<int64_t> ongewijzigd;
};

// The jeugdhulp periods of one jeugdige's career, for the yearly steering of arrivals.
struct Loopbaan {
  uint32_t gemeente = 0;
  Date geboren;
  Date laatste_eind;
  std::vector<std::pair<Date, Date>> perioden;
};

struct Event {
  uint8_t rang;
  uint64_t volgnr;
  uint64_t traject;
};

// The elfproef-valid BSNs of the test range, drawn without replacement per birth date, so
// that (BSN, geboortedatum) identifies a jeugdige.
class BsnPool {
 public:
  BsnPool() {
    for (int n = 999900000; n <= 999999999; ++n) {
      auto s = std::to_string(n);
      if (bsn_is_test(s)) valid_.push_back(std::move(s));
    }
  }
  std::optional<std::string> draw(Date geboren, Rng& rng) {
    auto& used = used_[geboren.days()];
    if (used.empty()) used.assign((valid_.size() + 63) / 64, 0);
    const size_t n = valid_.size();
    size_t i = static_cast<size_t>(rng.between(0, static_cast<int64_t>(n) - 1));
    for (size_t k = 0; k < n; ++k, i = (i + 1) % n) {
      if (!(used[i / 64] >> (i % 64) & 1u)) {
        used[i / 64] |= uint64_t{1} << (i % 64);
        return valid_[i];
      }
    }
    return std::nullopt;
  }

 private:
  std::vector<std::string> valid_;
  std::unordered_map<int32_t, std::vector<uint64_t>> used_;
};

Date verjaardag(Date geboren, int jaren) {
  auto ymd = geboren.ymd();
  int y = static_cast<int>(ymd.year()) + jaren;
  unsigned m = static_cast<unsigned>(ymd.month());
  unsigned d = static_cast<unsigned>(ymd.day());
  if (m == 2 && d == 29) d = 28;
  return Date(y, m, d);
}

int32_t dagen(double x) { return static_cast<int32_t>(std::lround(std::max(0.0, x))); }

std::vector<double> gewichten(const std::map<std::string, double>& m,
                              std::vector<std::string>& keys) {
  std::vector<double> w;
  for (const auto& [k, v] : m) {
    keys.push_back(k);
    w.push_back(v);
  }
  return w;
}

class Simulatie {
 public:
  Simulatie(const Regio& r, const Parameters& p, const Opties& o, Rng& rng, Sink& sink)
      : r_(r), p_(p), o_(o), rng_(rng), sink_(sink) {}

  Status run();

 private:
  void bereken_gewichten();
  void kalibreer();
  // The number of regimewissels in force on `d` (0 while the calibration runs).
  size_t regime(Date d) const;
  std::optional<Plan> trek_traject(Date verzoek, Date geboren, bool wijkteam_mag);
  std::vector<Plan> plan_loopbaan(Date start, Date geboren);
  Plan plan_maatregel(int product, Date verzoek, Date geboren);
  Date trek_geboren(Date op, const std::vector<double>& leeftijd_gewicht);
  std::string reden(Date eind, Date geboren);

  Status instroom_client(uint32_t g, Date d);
  Status instroom_maatregel(uint32_t g, Date d, int product, const std::vector<double>& leeftijd);
  Status nieuw_persoon(uint32_t g, Date geboren, Persoon& out);
  void plaats(Persoon& persoon, const Plan& plan, const std::string& verwijzer_agb,
              std::optional<size_t> aanbieder = std::nullopt);
  void plan_wijzigingen(const Persoon& persoon);
  void agenda(Date d, Rang rang, uint64_t traject);
  Status emit(const Event& e, Date d);
  void declaraties(Date maand_begin);

  ijw::Header header(ijw::Berichttype t, const std::string& afzender, const std::string& ontvanger,
                     Date dag);
  ijw::VerkorteNaam verkort(const Persoon& p) const;
  ijw::Product product_van(const Traject& t) const;

  const Regio& r_;
  const Parameters& p_;
  const Opties& o_;
  Rng& rng_;
  Sink& sink_;
  BsnPool bsns_;

  // Derived weights.
  std::vector<double> start_gewicht_;  // per product (jeugdhulp only) + wijkteam last
  // Regime changes: cumulative factors and start weights after the first k regimewissels
  // (index 0: none), the arrival rate per inhabitant 0-17 when the first one took effect.
  bool regimes_aan_ = false;
  std::vector<Regimewissel> cumulatief_;
  std::vector<std::vector<double>> regime_gewicht_;
  std::vector<double> basis_per_inwoner_;
  std::vector<std::string> verwijzers_;
  std::vector<double> verwijzer_gewicht_;
  std::vector<std::string> redenen_, redenen18_;
  std::vector<double> reden_gewicht_, reden18_gewicht_;
  size_t n_jeugdhulp_ = 0;  // products before 48/47
  int jb_ = 0, jr_ = 0;     // product indices
  double clienten_per_tempo_ = 1, jb_per_tempo_ = 1, jbc_per_tempo_ = 0, jr_per_tempo_ = 1;

  // Aanbieders per regio and hulpvorm; GIs per regio.
  std::map<std::string, std::map<std::string, std::pair<std::vector<size_t>, std::vector<double>>>>
      keuze_;
  std::map<std::string, std::vector<size_t>> gis_;

  std::unordered_map<uint64_t, Traject> levend_;
  // The jeugdhulp trajecten placed for the jeugdige that entered last (plan_wijzigingen).
  std::vector<uint64_t> geplaatst_;
  // Jeugdhulp trajecten by the first day of their begin month, moved into lopend_ (sorted by
  // number, the order of the declaraties) when that month is declared: the monthly walk
  // then touches only care that has started, not every career drawn ahead.
  std::map<int32_t, std::vector<uint64_t>> start_maand_;
  std::vector<uint64_t> lopend_;
  std::map<int32_t, std::vector<Event>> agenda_;
  std::map<int32_t, std::vector<ijw::Jw323>> declaratie_agenda_;
  uint64_t volgnr_ = 0, traject_nr_ = 0, bericht_nr_ = 0, declaratie_nr_ = 0, prestatie_nr_ = 0;
  int64_t toewijzing_nr_ = 100000;
  std::vector<double> acc_client_, acc_jb_, acc_jr_;
  Date vandaag_;
  std::vector<Loopbaan> loopbanen_;
  double nieuw_telt_ = 1;  // share of a year's arrivals counted in that year (0-17, in care)
};

void Simulatie::bereken_gewichten() {
  n_jeugdhulp_ = r_.producten.size() - 2;
  jb_ = static_cast<int>(n_jeugdhulp_);
  jr_ = static_cast<int>(n_jeugdhulp_ + 1);
  // The targets are shares of trajecten active in a year; a traject of mean duration D is
  // active in a year window for 365 + D days' worth of starts, so starts are weighted by
  // target / (365 + D).
  std::map<std::string, double> groep_gewicht;
  auto groep = [](const std::string& hulpvorm) {
    return hulpvorm.size() == 2 && hulpvorm[0] == '1' ? "met_verblijf" : "zonder_verblijf";
  };
  for (size_t i = 0; i < n_jeugdhulp_; ++i)
    groep_gewicht[groep(r_.producten[i].hulpvorm)] += r_.producten[i].gewicht;
  start_gewicht_.clear();
  for (size_t i = 0; i < n_jeugdhulp_; ++i) {
    const auto& pr = r_.producten[i];
    const std::string gr = groep(pr.hulpvorm);
    const double actief = p_.hulpvorm_mix.at(gr) * pr.gewicht / groep_gewicht[gr];
    start_gewicht_.push_back(actief / (365.0 + pr.duur.gemiddelde()));
  }
  start_gewicht_.push_back(p_.hulpvorm_mix.at("wijkteam") /
                           (365.0 + p_.wijkteam_duur.gemiddelde()));
  cumulatief_.assign(1, Regimewissel{});
  regime_gewicht_.assign(1, start_gewicht_);
  for (const auto& rw : p_.regimewissels) {
    Regimewissel c = cumulatief_.back();
    c.vanaf = rw.vanaf;
    c.instroom_factor *= rw.instroom_factor;
    c.duur_factor *= rw.duur_factor;
    c.verblijf_factor *= rw.verblijf_factor;
    cumulatief_.push_back(c);
    std::vector<double> w = start_gewicht_;
    for (size_t i = 0; i < n_jeugdhulp_; ++i)
      if (groep(r_.producten[i].hulpvorm) == std::string("met_verblijf")) w[i] *= c.verblijf_factor;
    regime_gewicht_.push_back(std::move(w));
  }

  // Verwijzer of non-wijkteam trajecten: the wijkteam share already carries verwijzer 06.
  const double w = p_.hulpvorm_mix.at("wijkteam") /
                   (p_.hulpvorm_mix.at("wijkteam") + p_.hulpvorm_mix.at("zonder_verblijf") +
                    p_.hulpvorm_mix.at("met_verblijf"));
  double totaal = 0;
  for (const auto& [k, v] : p_.verwijzer_mix) totaal += v;
  for (const auto& [k, v] : p_.verwijzer_mix) {
    double share = v / totaal;
    if (k == "06") share = std::max(0.0, share - w);
    verwijzers_.push_back(k);
    verwijzer_gewicht_.push_back(share);
  }
  reden_gewicht_ = gewichten(p_.reden_beeindiging, redenen_);
  reden18_gewicht_ = gewichten(p_.reden_beeindiging_18plus, redenen18_);

  for (size_t i = 0; i < r_.aanbieders.size(); ++i) {
    const auto& a = r_.aanbieders[i];
    if (a.soort == "gi") {
      gis_[a.regio].push_back(i);
      continue;
    }
    for (const auto& h : a.hulpvormen) {
      auto& k = keuze_[a.regio][h];
      k.first.push_back(i);
      k.second.push_back(a.grootte);
    }
  }
}

size_t Simulatie::regime(Date d) const {
  if (!regimes_aan_) return 0;
  size_t k = 0;
  while (k < p_.regimewissels.size() && p_.regimewissels[k].vanaf <= d) ++k;
  return k;
}

Date Simulatie::trek_geboren(Date op, const std::vector<double>& leeftijd_gewicht) {
  const auto a = static_cast<int>(rng_.pick(leeftijd_gewicht));
  // Born between a and a+1 years before `op`.
  const Date hoog = verjaardag(op, -a);
  const Date laag = verjaardag(op, -a - 1).add_days(1);
  return Date(static_cast<int32_t>(rng_.between(laag.days(), hoog.days())));
}

std::string Simulatie::reden(Date eind, Date geboren) {
  if (eind.age_of(geboren) >= 18) return redenen18_[rng_.pick(reden18_gewicht_)];
  return redenen_[rng_.pick(reden_gewicht_)];
}

std::optional<Plan> Simulatie::trek_traject(Date verzoek, Date geboren, bool wijkteam_mag) {
  const Date grens = verjaardag(geboren, kMaxLeeftijd).add_days(-1);
  if (verzoek >= grens.add_days(-30)) return std::nullopt;
  Plan pl;
  pl.verzoek = verzoek;
  const size_t rk = regime(verzoek);
  size_t k = rng_.pick(regime_gewicht_[rk]);
  (void)wijkteam_mag;
  if (k == n_jeugdhulp_) {
    pl.product = -1;
    pl.verwijzer = "06";
    pl.toewijzing = verzoek;
    pl.begin = verzoek;
    pl.eind = verzoek.add_days(
        std::max(1, dagen(rng_.lognormal(p_.wijkteam_duur.mediaan, p_.wijkteam_duur.sigma) *
                          cumulatief_[rk].duur_factor)) -
        1);
  } else {
    const auto& pr = r_.producten[k];
    pl.product = static_cast<int>(k);
    pl.verwijzer = verwijzers_[rng_.pick(verwijzer_gewicht_)];
    pl.toewijzing = pl.verwijzer == "01" ? verzoek
                                         : verzoek.add_days(static_cast<int32_t>(rng_.between(
                                               p_.jw315_tot_jw301_min, p_.jw315_tot_jw301_max)));
    const int32_t wacht = pr.wachttijd.mediaan > 0
                              ? dagen(rng_.lognormal(pr.wachttijd.mediaan, pr.wachttijd.sigma))
                              : 0;
    pl.begin = pl.toewijzing.add_days(wacht);
    pl.eind = pl.begin.add_days(std::max(1, dagen(rng_.lognormal(pr.duur.mediaan, pr.duur.sigma) *
                                                  cumulatief_[regime(pl.begin)].duur_factor)) -
                                1);
  }
  if (pl.begin > grens) return std::nullopt;
  if (pl.eind > grens) pl.eind = grens;
  pl.reden = reden(pl.eind, geboren);
  return pl;
}

std::vector<Plan> Simulatie::plan_loopbaan(Date start, Date geboren) {
  std::vector<Plan> out;
  auto eerste = trek_traject(start, geboren, true);
  if (!eerste) return out;
  out.push_back(*eerste);
  if (rng_.chance(p_.kans_parallel)) {
    auto par = trek_traject(
        start.add_days(static_cast<int32_t>(rng_.between(0, p_.parallel_binnen_dagen))), geboren,
        false);
    if (par) out.push_back(*par);
  }
  Plan vorige = *eerste;
  while (static_cast<int>(out.size()) < p_.max_trajecten && rng_.chance(p_.kans_vervolg)) {
    const Date volgende = vorige.eind.add_days(
        1 + dagen(rng_.lognormal(p_.vervolg_pauze.mediaan, p_.vervolg_pauze.sigma)));
    auto v = trek_traject(volgende, geboren, true);
    if (!v) break;
    out.push_back(*v);
    vorige = *v;
  }
  return out;
}

Plan Simulatie::plan_maatregel(int product, Date verzoek, Date geboren) {
  const auto& pr = r_.producten[static_cast<size_t>(product)];
  Plan pl;
  pl.product = product;
  pl.verwijzer = "01";
  pl.verzoek = verzoek;
  pl.toewijzing = verzoek;
  pl.begin = verzoek.add_days(static_cast<int32_t>(rng_.between(0, 7)));
  pl.eind =
      pl.begin.add_days(std::max(1, dagen(rng_.lognormal(pr.duur.mediaan, pr.duur.sigma))) - 1);
  // Jeugdbescherming ends at 18, jeugdreclassering before 23.
  const Date grens = verjaardag(geboren, product == jb_ ? 18 : kMaxLeeftijd).add_days(-1);
  if (pl.eind > grens) pl.eind = std::max(pl.begin, grens);
  pl.reden = reden(pl.eind, geboren);
  return pl;
}

void Simulatie::kalibreer() {
  // Monte Carlo on a forked stream: how many distinct jeugdigen aged 0-17 on 1 January
  // are in care during a year, per unit of daily arrival rate. Arrivals uniform over
  // ten years; the window is the sixth year, which is past the warm-up of any career.
  Rng sub = rng_.fork(1);
  std::swap(sub, rng_);  // the plan functions draw from rng_
  const Date t0(2000, 1, 1);
  const int32_t T = 3652;
  const Date w0(2005, 1, 1), w1(2005, 12, 31);
  auto telt = [&](Date geboren) {
    const int a = w0.age_of(geboren);
    return geboren <= w0 && a >= 0 && a <= 17;
  };
  const int M = 60000;
  int64_t n_client = 0, n_jbc = 0;
  for (int i = 0; i < M; ++i) {
    const Date d = t0.add_days(static_cast<int32_t>(rng_.between(0, T - 1)));
    const Date geboren = trek_geboren(d, p_.instroom_leeftijd);
    auto plans = plan_loopbaan(d, geboren);
    bool actief = false, jbc = false;
    bool gi = false;
    for (const auto& pl : plans) {
      actief = actief || (pl.begin <= w1 && pl.eind >= w0);
      const Date v = std::max(d, pl.verzoek.add_days(-30));
      if (pl.verwijzer == "04" && !gi) {
        gi = true;
        if (v.age_of(geboren) >= 18) continue;
        Plan m = plan_maatregel(jb_, v, geboren);
        jbc = m.begin <= w1 && m.eind >= w0;
      }
    }
    if (telt(geboren)) {
      n_client += actief;
      n_jbc += jbc;
    }
  }
  const double tempo = static_cast<double>(M) / T;
  clienten_per_tempo_ = std::max(1.0, static_cast<double>(n_client)) / tempo;
  jbc_per_tempo_ = static_cast<double>(n_jbc) * p_.gi_verwijzing_met_maatregel / tempo;
  auto maatregel = [&](int product, const std::vector<double>& leeftijd) {
    int64_t n = 0;
    for (int i = 0; i < M; ++i) {
      const Date d = t0.add_days(static_cast<int32_t>(rng_.between(0, T - 1)));
      const Date geboren = trek_geboren(d, leeftijd);
      Plan m = plan_maatregel(product, d, geboren);
      n += telt(geboren) && m.begin <= w1 && m.eind >= w0;
    }
    return std::max(1.0, static_cast<double>(n)) / tempo;
  };
  jb_per_tempo_ = maatregel(jb_, p_.jb_leeftijd);
  jr_per_tempo_ = maatregel(jr_, p_.jr_leeftijd);
  // Arrivals within the year itself: the share that counts in that year.
  int64_t n_nieuw = 0;
  const int M2 = 20000;
  for (int i = 0; i < M2; ++i) {
    const Date d = w0.add_days(static_cast<int32_t>(rng_.between(0, 364)));
    const Date geboren = trek_geboren(d, p_.instroom_leeftijd);
    if (!telt(geboren)) continue;
    for (const auto& pl : plan_loopbaan(d, geboren))
      if (pl.begin <= w1) {
        ++n_nieuw;
        break;
      }
  }
  nieuw_telt_ = std::max(0.05, static_cast<double>(n_nieuw) / M2);
  std::swap(sub, rng_);
}

Status Simulatie::nieuw_persoon(uint32_t g, Date geboren, Persoon& out) {
  auto bsn = bsns_.draw(geboren, rng_);
  if (!bsn) return Internal("BSN-testreeks uitgeput voor een geboortedatum");
  out.bsn = std::move(*bsn);
  out.geboren = geboren;
  out.geslacht = rng_.chance(0.5) ? "1" : "2";
  out.voornaam = static_cast<uint16_t>(rng_.between(0, 19));
  out.achternaam = static_cast<uint16_t>(rng_.between(0, kAantalAchternamen - 1));
  out.gemeente = g;
  return Status::Ok();
}

void Simulatie::agenda(Date d, Rang rang, uint64_t traject) {
  if (d > o_.tot) return;
  if (d < vandaag_) d = vandaag_;  // never into the past
  agenda_[d.days()].push_back(Event{rang, volgnr_++, traject});
  if (rang != kWijkteam) ++levend_[traject].pending;
}

void Simulatie::plaats(Persoon& persoon, const Plan& plan, const std::string& verwijzer_agb,
                       std::optional<size_t> aanbieder) {
  if (plan.eind < o_.van || plan.verzoek > o_.tot) return;
  if (plan.product < 0 && plan.begin > o_.tot) return;
  const uint64_t nr = ++traject_nr_;
  if (plan.product < 0) {
    // Wijkteam: one row on its begindatum; kept in levend_ only until written.
    Traject t;
    t.nr = nr;
    t.persoon = persoon;
    t.plan = plan;
    levend_.emplace(nr, std::move(t));
    agenda(plan.begin, kWijkteam, nr);
    return;
  }
  const auto& pr = r_.producten[static_cast<size_t>(plan.product)];
  const auto& regio = r_.gemeenten[persoon.gemeente].regio;
  Traject t;
  t.nr = nr;
  t.persoon = persoon;
  t.plan = plan;
  t.verwijzer_agb = verwijzer_agb;
  if (aanbieder) {
    t.aanbieder = *aanbieder;
  } else if (pr.hulpvorm.empty()) {
    const auto& g = gis_.at(regio);
    t.aanbieder = g[static_cast<size_t>(rng_.between(0, static_cast<int64_t>(g.size()) - 1))];
  } else {
    const auto& k = keuze_.at(regio).at(pr.hulpvorm);
    t.aanbieder = k.first[rng_.pick(k.second)];
  }
  t.toewijzing_nummer = ++toewijzing_nr_;
  // TR374: an aanbieder sends no verzoek for a client while one of its own for that client is
  // still open (until the JW301 that answers it). A second referral to the same aanbieder in
  // that window reaches it through the gemeente: no JW315, verwijzer 01.
  if (plan.verwijzer != "01") {
    for (const auto& [a, tot] : persoon.open_verzoeken)
      if (a == t.aanbieder && plan.verzoek.days() <= tot) t.plan.verwijzer = "01";
    if (t.plan.verwijzer != "01")
      persoon.open_verzoeken.emplace_back(t.aanbieder, plan.toewijzing.days());
  }
  if (t.plan.verwijzer != "01") t.referentie = "R" + std::to_string(nr);
  const int32_t lengte = plan.eind.days() - plan.verzoek.days() + 1;
  t.toewijzing_eind = plan.verzoek.add_days(((lengte + 364) / 365) * 365 - 1);
  levend_.emplace(nr, std::move(t));
  geplaatst_.push_back(nr);
  start_maand_[plan.begin.first_of_month().days()].push_back(nr);
  if (!levend_.at(nr).referentie.empty()) agenda(plan.verzoek, kJw315, nr);
  agenda(plan.toewijzing, kJw301, nr);
  const Date jw305 =
      plan.begin.add_days(static_cast<int32_t>(rng_.between(0, p_.jw305_vertraging_max)));
  const Date jw307 =
      plan.eind.add_days(static_cast<int32_t>(rng_.between(0, p_.jw307_vertraging_max)));
  agenda(jw305, kJw305, nr);
  agenda(std::max(jw305, jw307), kJw307, nr);
  auto it = levend_.find(nr);
  if (it != levend_.end() && it->second.pending == 0) levend_.erase(it);
}

// Verzoeken om wijziging: an aanbieder asks, shortly before the stream ends, for more of a
// product it delivers (one more unit per period, from two weeks on; a total over the whole
// toewijzing changes from its start, TR373). The draw has a stream of its own per traject,
// so that the rest of the region is the same with or without them. Only where the import
// takes it whole: no verzoek of the aanbieder for the jeugdige open then (TR374) or later,
// every other current toewijzing there named unchanged (TR349), none of the same product
// (TR361), one per jeugdige and aanbieder.
void Simulatie::plan_wijzigingen(const Persoon& persoon) {
  const int32_t venster = p_.verzoek_om_wijziging_dagen;
  for (uint64_t nr : geplaatst_) {
    auto it = levend_.find(nr);
    if (it == levend_.end()) continue;
    Traject& t = it->second;
    if (r_.producten[static_cast<size_t>(t.plan.product)].hulpvorm.empty()) continue;
    Rng eigen(o_.seed * 0x9e3779b97f4a7c15ULL ^ (nr * 0xbf58476d1ce4e5b9ULL) ^ 0x317ULL);
    if (!eigen.chance(p_.kans_verzoek_om_wijziging)) continue;
    const Date v = o_.tot.add_days(-static_cast<int32_t>(eigen.between(1, venster)));
    if (v < o_.van || v < vandaag_ || t.plan.toewijzing.add_days(7) > v || t.plan.begin > v ||
        t.plan.eind < v.add_days(30) || t.toewijzing_eind < v.add_days(30))
      continue;
    bool kan = true;
    for (const auto& [a, tot] : persoon.open_verzoeken)
      kan = kan && !(a == t.aanbieder && tot >= v.days());
    std::vector<int64_t> ongewijzigd;
    for (uint64_t nr2 : geplaatst_) {
      auto it2 = levend_.find(nr2);
      if (nr2 == nr || it2 == levend_.end() || it2->second.aanbieder != t.aanbieder) continue;
      const Traject& t2 = it2->second;
      if ((!t2.referentie.empty() && t2.plan.verzoek >= v) || t2.wijziging) kan = false;
      if (t2.plan.toewijzing > v || t2.toewijzing_eind < v) continue;
      if (t2.plan.product == t.plan.product) kan = false;
      ongewijzigd.push_back(t2.toewijzing_nummer);
    }
    if (!kan) continue;
    t.wijziging = v;
    t.ongewijzigd = std::move(ongewijzigd);
    agenda(v, kJw317, nr);
  }
}

Status Simulatie::instroom_client(uint32_t g, Date d) {
  geplaatst_.clear();
  const Date geboren = trek_geboren(d, p_.instroom_leeftijd);
  auto plans = plan_loopbaan(d, geboren);
  if (!plans.empty()) {
    Loopbaan lb{g, geboren, plans.front().eind, {}};
    for (const auto& pl : plans) {
      lb.perioden.emplace_back(pl.begin, pl.eind);
      lb.laatste_eind = std::max(lb.laatste_eind, pl.eind);
    }
    loopbanen_.push_back(std::move(lb));
  }
  bool zichtbaar = false;
  for (const auto& pl : plans) zichtbaar = zichtbaar || (pl.eind >= o_.van && pl.verzoek <= o_.tot);
  // GI-referred care comes with a jeugdbeschermingsmaatregel that started a little earlier.
  std::vector<std::pair<Plan, size_t>> maatregelen;
  // One maatregel per jeugdige, with the first GI referral of the career.
  for (size_t i = 0; i < plans.size(); ++i)
    if (plans[i].verwijzer == "04") {
      if (!rng_.chance(p_.gi_verwijzing_met_maatregel)) break;
      // Not before today: the simulation cannot schedule into the past.
      const Date v =
          std::max(d, plans[i].verzoek.add_days(-static_cast<int32_t>(rng_.between(7, 60))));
      // Past 18 the GI's maatregel is jeugdreclassering.
      Plan m = plan_maatregel(v.age_of(geboren) >= 18 ? jr_ : jb_, v, geboren);
      zichtbaar = zichtbaar || (m.eind >= o_.van && m.verzoek <= o_.tot);
      maatregelen.emplace_back(m, i);
      break;
    }
  if (!zichtbaar) return Status::Ok();
  Persoon persoon;
  JR_RETURN_IF_ERROR(nieuw_persoon(g, geboren, persoon));
  const auto& gis = gis_.at(r_.gemeenten[g].regio);
  std::vector<std::string> gi_van(plans.size());
  for (const auto& [m, i] : maatregelen) {
    // The referring GI is the one that carries the maatregel.
    const size_t gi =
        gis[static_cast<size_t>(rng_.between(0, static_cast<int64_t>(gis.size()) - 1))];
    gi_van[i] = r_.aanbieders[gi].agb;
    plaats(persoon, m, "", gi);
  }
  for (size_t i = 0; i < plans.size(); ++i) {
    std::string agb = gi_van[i];
    if (plans[i].verwijzer == "04" && agb.empty())
      agb = r_.aanbieders[gis[static_cast<size_t>(
                              rng_.between(0, static_cast<int64_t>(gis.size()) - 1))]]
                .agb;
    plaats(persoon, plans[i], agb);
  }
  plan_wijzigingen(persoon);
  geplaatst_.clear();
  return Status::Ok();
}

Status Simulatie::instroom_maatregel(uint32_t g, Date d, int product,
                                     const std::vector<double>& leeftijd) {
  const Date geboren = trek_geboren(d, leeftijd);
  Plan m = plan_maatregel(product, d, geboren);
  if (m.eind < o_.van || m.verzoek > o_.tot) return Status::Ok();
  Persoon persoon;
  JR_RETURN_IF_ERROR(nieuw_persoon(g, geboren, persoon));
  plaats(persoon, m, "");
  geplaatst_.clear();
  return Status::Ok();
}

ijw::Header Simulatie::header(ijw::Berichttype t, const std::string& afzender,
                              const std::string& ontvanger, Date dag) {
  ijw::Header h;
  h.type = t;
  h.afzender = afzender;
  h.ontvanger = ontvanger;
  h.identificatie = std::to_string(++bericht_nr_);
  h.dagtekening = dag;
  return h;
}

ijw::VerkorteNaam Simulatie::verkort(const Persoon& p) const {
  ijw::VerkorteNaam n;
  const auto& a = kAchternamen[p.achternaam];
  n.geslachtsnaam.achternaam = a.naam;
  if (a.voorvoegsel) n.geslachtsnaam.voorvoegsel = a.voorvoegsel;
  const char* voornaam = p.geslacht == "1" ? kJongens[p.voornaam] : kMeisjes[p.voornaam];
  n.voorletters = std::string(1, voornaam[0]);
  return n;
}

ijw::Product Simulatie::product_van(const Traject& t) const {
  const auto& pr = r_.producten[static_cast<size_t>(t.plan.product)];
  return ijw::Product{pr.categorie, pr.code};
}

Status Simulatie::emit(const Event& e, Date d) {
  if (e.rang == kJw323) return Status::Ok();
  auto it = levend_.find(e.traject);
  if (it == levend_.end()) return Internal("generator: traject ontbreekt in de agenda");
  Traject& t = it->second;
  const Persoon& ps = t.persoon;
  const std::string& gemeente = r_.gemeenten[ps.gemeente].code;
  if (e.rang == kWijkteam) {
    WijkteamRegel w{gemeente, ps.bsn, ps.geboren, ps.geslacht, t.plan.begin, std::nullopt, ""};
    if (t.plan.eind <= o_.tot) {
      w.einddatum = t.plan.eind;
      w.reden_beeindiging = t.plan.reden;
    }
    levend_.erase(it);
    return sink_.wijkteam(w);
  }
  const auto& pr = r_.producten[static_cast<size_t>(t.plan.product)];
  const std::string& agb = r_.aanbieders[t.aanbieder].agb;
  ijw::Omvang omvang{pr.volume, pr.eenheid, pr.frequentie};
  Status s;
  switch (e.rang) {
    case kJw315: {
      ijw::Jw315 m;
      m.header = header(ijw::Berichttype::JW315, agb, gemeente, d);
      m.bsn = ps.bsn;
      m.geboortedatum.datum = ps.geboren;
      m.geslacht = ps.geslacht;
      m.naam = verkort(ps);
      ijw::AangevraagdProduct a;
      a.referentie_aanbieder = t.referentie;
      a.product = product_van(t);
      a.toewijzing_ingangsdatum = t.plan.verzoek;
      a.toewijzing_einddatum = t.toewijzing_eind;
      a.omvang = omvang;
      a.verwijzer.type = t.plan.verwijzer;
      const auto& v = t.plan.verwijzer;
      if (v == "04") {
        a.verwijzer.zorgverlener_code = t.verwijzer_agb;
      } else if (v == "02" || v == "03" || v == "05") {
        // Synthetic AGB code of the referring zorgverlener (soort 01 huisarts, 03, 05).
        a.verwijzer.zorgverlener_code =
            (v == "02" ? "01" : v) + std::to_string(100000 + (t.nr * 7919) % 900000);
      } else if (v == "08") {
        a.verwijzer.naam = "Kinderrechter";
      }
      m.producten.push_back(std::move(a));
      s = sink_.bericht(ijw::Bericht(std::move(m)));
      break;
    }
    case kJw301: {
      ijw::Jw301 m;
      m.header = header(ijw::Berichttype::JW301, gemeente, agb, d);
      m.bsn = ps.bsn;
      m.geboortedatum.datum = ps.geboren;
      m.geslacht = ps.geslacht;
      const auto k = verkort(ps);
      m.naam.geslachtsnaam = k.geslachtsnaam;
      m.naam.voornamen = ps.geslacht == "1" ? kJongens[ps.voornaam] : kMeisjes[ps.voornaam];
      m.naam.voorletters = k.voorletters;
      // BRP address (synthetic: the 9999 postcode range is not in use).
      ijw::Contact c;
      c.soort = "01";
      ijw::Adres adres;
      adres.huis = ijw::Huis{};
      adres.huis->huisnummer =
          1 + static_cast<int64_t>(t.persoon.bsn.back() - '0') * 10 + ps.voornaam;
      adres.postcode = "9999XX";
      adres.straatnaam = "Dorpsstraat";
      adres.plaatsnaam = r_.gemeenten[ps.gemeente].naam;
      adres.land_code = "NL";
      c.adres = std::move(adres);
      m.contactgegevens.push_back(std::move(c));
      ijw::ToegewezenProduct tp;
      tp.toewijzing_nummer = t.toewijzing_nummer;
      if (!t.referentie.empty()) tp.referentie_aanbieder = t.referentie;
      tp.product = product_van(t);
      tp.toewijzingsdatum = d;
      tp.toewijzingstijd = "09:00:00";
      tp.ingangsdatum = t.plan.verzoek;
      tp.einddatum = t.toewijzing_eind;
      tp.omvang = omvang;
      m.producten.push_back(std::move(tp));
      s = sink_.bericht(ijw::Bericht(std::move(m)));
      break;
    }
    case kJw305: {
      ijw::Jw305 m;
      m.header = header(ijw::Berichttype::JW305, agb, gemeente, d);
      m.bsn = ps.bsn;
      m.geboortedatum.datum = ps.geboren;
      m.geslacht = ps.geslacht;
      m.naam = verkort(ps);
      ijw::StartProduct sp;
      sp.toewijzing_nummer = t.toewijzing_nummer;
      sp.product = product_van(t);
      sp.toewijzing_ingangsdatum = t.plan.verzoek;
      sp.begindatum = t.plan.begin;
      m.producten.push_back(std::move(sp));
      s = sink_.bericht(ijw::Bericht(std::move(m)));
      break;
    }
    case kJw317: {
      ijw::Jw317 m;
      m.header = header(ijw::Berichttype::JW317, agb, gemeente, d);
      m.bsn = ps.bsn;
      m.referentie_aanbieder = "W" + std::to_string(t.nr);
      m.reden_verzoek = "1";  // WJ758: verandering clientsituatie
      m.ongewijzigd = t.ongewijzigd;
      ijw::TeWijzigenProduct w;
      w.toewijzing_nummer = t.toewijzing_nummer;
      w.gewenste_ingangsdatum = pr.frequentie == "6" ? t.plan.verzoek : d.add_days(14);
      w.einddatum = t.toewijzing_eind;
      w.omvang = ijw::Omvang{pr.volume + 1, pr.eenheid, pr.frequentie};
      m.te_wijzigen.push_back(std::move(w));
      s = sink_.bericht(ijw::Bericht(std::move(m)));
      break;
    }
    case kJw307: {
      ijw::Jw307 m;
      m.header = header(ijw::Berichttype::JW307, agb, gemeente, d);
      m.bsn = ps.bsn;
      m.geboortedatum.datum = ps.geboren;
      m.geslacht = ps.geslacht;
      m.naam = verkort(ps);
      ijw::StopProduct sp;
      sp.toewijzing_nummer = t.toewijzing_nummer;
      sp.product = product_van(t);
      sp.toewijzing_ingangsdatum = t.plan.verzoek;
      sp.begindatum = t.plan.begin;
      sp.reden_beeindiging = t.plan.reden;
      sp.einddatum = t.plan.eind;
      m.producten.push_back(std::move(sp));
      s = sink_.bericht(ijw::Bericht(std::move(m)));
      break;
    }
    default:
      break;
  }
  --t.pending;
  return s;
}

int64_t geleverd_volume(const ProductParam& pr, int32_t dagen_in_periode) {
  if (pr.frequentie == "1") return pr.volume * dagen_in_periode;  // per dag
  if (pr.frequentie == "4") return pr.volume;                     // per maand
  if (pr.eenheid == "14") return dagen_in_periode;                // etmaal: days in care
  return std::max<int64_t>(1,
                           std::llround(static_cast<double>(pr.volume * dagen_in_periode) / 7.0));
}

void Simulatie::declaraties(Date ms) {
  const Date me = ms.last_of_month();
  const size_t oud = lopend_.size();
  while (!start_maand_.empty() && start_maand_.begin()->first <= ms.days()) {
    const auto& nrs = start_maand_.begin()->second;
    lopend_.insert(lopend_.end(), nrs.begin(), nrs.end());
    start_maand_.erase(start_maand_.begin());
  }
  std::sort(lopend_.begin() + static_cast<std::ptrdiff_t>(oud), lopend_.end());
  std::inplace_merge(lopend_.begin(), lopend_.begin() + static_cast<std::ptrdiff_t>(oud),
                     lopend_.end());
  if (ms >= o_.van.first_of_month()) {
    // Prestaties per (aanbieder, gemeente), clients by BSN, in a fixed order.
    std::map<std::pair<size_t, uint32_t>, std::map<std::string, std::vector<ijw::Prestatie>>>
        groepen;
    for (const uint64_t nr : lopend_) {
      const auto lt = levend_.find(nr);
      if (lt == levend_.end()) continue;
      const Traject& t = lt->second;
      if (t.plan.product < 0 || t.plan.begin > me || t.plan.eind < ms || t.plan.begin > o_.tot)
        continue;
      const auto& pr = r_.producten[static_cast<size_t>(t.plan.product)];
      // Delivered days give the volume; the ProductPeriode itself is the calendar month cut
      // only by the toewijzing's own period (TR387, TR388).
      const Date b = std::max(t.plan.begin, ms), e = std::min(t.plan.eind, me);
      const Date periode_begin = std::max(t.plan.verzoek, ms);
      const Date periode_eind = std::min(t.toewijzing_eind, me);
      ijw::Prestatie pst;
      pst.referentie_nummer = "P" + std::to_string(++prestatie_nr_);
      pst.toewijzing_nummer = t.toewijzing_nummer;
      pst.product_categorie = pr.categorie;
      pst.product_code = pr.code;
      pst.product_periode = ijw::Periode{periode_begin, periode_eind};
      pst.geleverd_volume = geleverd_volume(pr, e.days() - b.days() + 1);
      pst.eenheid = pr.eenheid;
      pst.product_tarief = pr.tarief_cent;
      pst.ingediend_bedrag.bedrag = pst.geleverd_volume * pr.tarief_cent;
      groepen[{t.aanbieder, t.persoon.gemeente}][t.persoon.bsn].push_back(std::move(pst));
    }
    for (auto& [sleutel, clienten] : groepen) {
      const Date dag = me.add_days(
          static_cast<int32_t>(rng_.between(p_.declaratie_dag_min, p_.declaratie_dag_max)));
      if (dag > o_.tot) continue;
      const std::string& agb = r_.aanbieders[sleutel.first].agb;
      const std::string& gemeente = r_.gemeenten[sleutel.second].code;
      ijw::Jw323 m;
      auto start = [&] {
        m = ijw::Jw323{};
        m.header.type = ijw::Berichttype::JW323;
        m.header.afzender = agb;
        m.header.ontvanger = gemeente;
        m.header.dagtekening = dag;
        m.declaratie_nummer = "D" + std::to_string(++declaratie_nr_);
        m.declaratie_periode = ijw::Periode{ms, me};
        m.declaratie_dagtekening = dag;
      };
      auto klaar = [&] {
        if (!m.clienten.empty()) declaratie_agenda_[dag.days()].push_back(std::move(m));
      };
      start();
      for (auto& [bsn, prestaties] : clienten) {
        if (m.clienten.size() >= kMaxClientenPerDeclaratie) {
          klaar();
          start();
        }
        for (const auto& pst : prestaties)
          m.totaal_ingediend_bedrag.bedrag += pst.ingediend_bedrag.bedrag;
        m.clienten.push_back(ijw::DeclaratieClient{bsn, std::move(prestaties)});
      }
      klaar();
    }
  }
  // Trajecten that ended by now and have no message left to send are done.
  std::erase_if(lopend_, [&](uint64_t nr) {
    const auto it = levend_.find(nr);
    if (it == levend_.end()) return true;
    if (it->second.pending != 0 || it->second.plan.eind > me) return false;
    levend_.erase(it);
    return true;
  });
}

Status Simulatie::run() {
  if (o_.tot < o_.van) return InvalidArgument("--van ligt na --tot");
  if (r_.producten.size() < 3) return InvalidArgument("productcatalogus te klein");
  bereken_gewichten();
  kalibreer();
  regimes_aan_ = true;  // the calibration measures the region before any regime change
  if (std::getenv("JR_GENERATE_DEBUG"))
    std::fprintf(stderr, "kalibratie: clienten %.1f jb %.1f jbc %.1f jr %.1f\n",
                 clienten_per_tempo_, jb_per_tempo_, jbc_per_tempo_, jr_per_tempo_);
  const Date start(o_.van.year() - p_.opwarmjaren, 1, 1);
  const size_t n = r_.gemeenten.size();
  acc_client_.resize(n);
  acc_jb_.resize(n);
  acc_jr_.resize(n);
  for (size_t g = 0; g < n; ++g) {
    acc_client_[g] = rng_.uniform();
    acc_jb_[g] = rng_.uniform();
    acc_jr_[g] = rng_.uniform();
  }
  int jaar = 0;
  size_t regime_nu = 0;
  std::vector<double> tempo_client(n), tempo_jb(n), tempo_jr(n);
  for (Date d = start; d <= o_.tot; d = d.add_days(1)) {
    vandaag_ = d;
    const bool nieuw_jaar = d.year() != jaar;
    if (nieuw_jaar) {
      jaar = d.year();
      // Steering: the careers already drawn will bring K jeugdigen (0-17 on 1 January) into
      // care this year; new arrivals make up the rest of the target, so that the yearly
      // share holds per gemeente, also for small ones. The first year runs open loop.
      const Date j0(jaar, 1, 1), j1(jaar, 12, 31);
      std::vector<double> al(n, 0.0);
      for (const auto& lb : loopbanen_) {
        const int a = j0.age_of(lb.geboren);
        if (lb.geboren > j0 || a < 0 || a > 17) continue;
        for (const auto& [b, e] : lb.perioden)
          if (b <= j1 && e >= j0) {
            al[lb.gemeente] += 1;
            break;
          }
      }
      std::erase_if(loopbanen_, [&](const Loopbaan& lb) { return lb.laatste_eind < j0; });
      for (size_t g = 0; g < n; ++g) {
        const double pop = static_cast<double>(r_.aantal_0_17(g, jaar));
        const double doel = r_.gemeenten[g].pct_jeugdhulp / 100.0 * pop;
        const double open_lus = doel / clienten_per_tempo_;
        tempo_client[g] =
            d == start ? open_lus : std::max(0.0, doel - al[g]) / (365.0 * nieuw_telt_);
        const double jb_doel = r_.pct_jeugdbescherming / 100.0 * pop;
        tempo_jb[g] = std::max(0.0, jb_doel - open_lus * jbc_per_tempo_) / jb_per_tempo_;
        tempo_jr[g] = r_.pct_jeugdreclassering / 100.0 * pop / jr_per_tempo_;
      }
    }
    // Regime changes: from the first one on the yearly steering no longer holds the target
    // share; arrivals run open loop at the rate per inhabitant 0-17 of that moment, times the
    // population and the instroom factor in force.
    if (const size_t k = regime(d); k > 0 && (nieuw_jaar || k != regime_nu)) {
      if (basis_per_inwoner_.empty()) {
        basis_per_inwoner_.resize(n);
        for (size_t g = 0; g < n; ++g) {
          const double pop = static_cast<double>(r_.aantal_0_17(g, jaar));
          basis_per_inwoner_[g] = pop > 0 ? tempo_client[g] / pop : 0.0;
        }
      }
      for (size_t g = 0; g < n; ++g)
        tempo_client[g] = basis_per_inwoner_[g] * static_cast<double>(r_.aantal_0_17(g, jaar)) *
                          cumulatief_[k].instroom_factor;
      regime_nu = k;
    }
    if (d.day() == 1 && d > start) declaraties(d.add_days(-1).first_of_month());
    for (uint32_t g = 0; g < n; ++g) {
      acc_client_[g] += tempo_client[g];
      while (acc_client_[g] >= 1) {
        acc_client_[g] -= 1;
        JR_RETURN_IF_ERROR(instroom_client(g, d));
      }
      acc_jb_[g] += tempo_jb[g];
      while (acc_jb_[g] >= 1) {
        acc_jb_[g] -= 1;
        JR_RETURN_IF_ERROR(instroom_maatregel(g, d, jb_, p_.jb_leeftijd));
      }
      acc_jr_[g] += tempo_jr[g];
      while (acc_jr_[g] >= 1) {
        acc_jr_[g] -= 1;
        JR_RETURN_IF_ERROR(instroom_maatregel(g, d, jr_, p_.jr_leeftijd));
      }
    }
    auto it = agenda_.find(d.days());
    if (it != agenda_.end()) {
      auto events = std::move(it->second);
      agenda_.erase(it);
      std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.rang != b.rang ? a.rang < b.rang : a.volgnr < b.volgnr;
      });
      for (const auto& e : events) JR_RETURN_IF_ERROR(emit(e, d));
    }
    auto dit = declaratie_agenda_.find(d.days());
    if (dit != declaratie_agenda_.end()) {
      auto lijst = std::move(dit->second);
      declaratie_agenda_.erase(dit);
      for (auto& m : lijst) {
        m.header.identificatie = std::to_string(++bericht_nr_);
        JR_RETURN_IF_ERROR(sink_.bericht(ijw::Bericht(std::move(m))));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Status simuleer(const Regio& regio, const Parameters& p, const Opties& o, Rng& rng, Sink& sink) {
  Simulatie s(regio, p, o, rng, sink);
  return s.run();
}

}  // namespace jr::generate
