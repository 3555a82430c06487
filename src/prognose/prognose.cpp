#include "prognose/prognose.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "indicators/indicatoren.h"
#include "model/codes.h"
#include "prognose/model.h"
#include "prognose/philox.h"

namespace jr::prognose {

using namespace detail;

const char* indicator_naam(int i) {
  switch (i) {
    case kJongeren:
      return "jongerenMetJeugdhulp";
    case kTrajecten:
      return "trajecten.totaal";
    case kJongerenVerblijf:
      return "perGroep.metVerblijf.jongeren";
    case kKosten:
      return "kosten.totaalCent";
    default:
      return "";
  }
}

namespace {

constexpr uint8_t kNieuw = 0, kHeropname = 1, kTijdensZorg = 2;
constexpr int kPleegzorg = 4, kOverigVerblijf = 7;  // hulpvorm indices of 11 and 14

int kies(const double* cum, int n, double u) {
  for (int i = 0; i < n; ++i)
    if (u < cum[i]) return i;
  return n - 1;
}

// A plafond followed in a run: its slot (aanbieder), year and amount; `wachtrij` when new
// starts wait once it is reached (the scenario's), otherwise it is only measured.
struct PlafondRegel {
  int slot = 0;
  int jaar = 0;
  double bedrag = 0;
  bool sturen = false, omleiden = false;
  std::string aanbieder;
};

// What one run gives: the figures per level (gemeenten, then the regio) and half year, the
// jeugdigen waiting for a plafond at each half year's end, and each plafond's exhaustion day.
struct Uitvoer {
  std::vector<double> w;
  std::vector<double> wachtend;
  std::vector<double> uitput;  // day, or NaN when not reached
};

class Run {
 public:
  Run(const Model& m, const Trekking& tr, const Scenario* sc,
      const std::vector<PlafondRegel>& plafonds, uint32_t run, bool onzeker)
      : m_(m), tr_(tr), sc_(sc), pl_(plafonds), run_(run), onzeker_(onzeker) {
    for (const auto& p : pl_) stuurt_ = stuurt_ || p.sturen;
  }

  void draai(Uitvoer& u, double drift_sigma);

 private:
  struct Persoon {
    uint16_t g;
    int32_t wordt23;
    int32_t zorg_tot;  // INT32_MIN: no care yet; kOpenEinde: care beyond the horizon
    uint8_t laatste_h;
    uint16_t mask, maskv;
    uint32_t gen = 0, trajecten = 0;
    uint64_t sleutel;
  };
  struct Start {
    uint32_t persoon;
    int32_t dag;
    uint8_t soort, h;
    uint8_t h_vast = 0;  // h chosen already (a start that waited for a plafond)
    uint32_t gen = 0;
    uint32_t aanbieder = 0;
  };

  void maak_traject(uint32_t pi, int32_t aanvang, uint8_t h, uint32_t aanbieder, int32_t vanaf,
                    Stroom& st);
  void plan_heropname(uint32_t pi, int32_t eind, int32_t vanaf, Stroom& st);
  void verwerk(const Start& s, int maand);
  void instroom(int maand);
  void zet(const Start& s) {
    const int mi = m_.maand_van(s.dag);
    if (mi >= 0 && mi < static_cast<int>(emmers_.size()) && s.dag <= m_.t)
      emmers_[static_cast<size_t>(mi)].push_back(s);
  }
  double besteed(int slot, int jaar, int tot_maand) const;
  bool vol(uint32_t aanbieder, int jaar, int maand) const;

  const Model& m_;
  const Trekking& tr_;
  const Scenario* sc_;
  const std::vector<PlafondRegel>& pl_;
  uint32_t run_;
  bool onzeker_;
  bool stuurt_ = false;  // some plafond makes new starts wait or go elsewhere
  int K_ = 0, M_ = 0;
  std::vector<Persoon> personen_;
  std::vector<std::vector<Start>> emmers_;
  std::vector<double> w_;
  std::vector<double> besteding_;  // slot * M + month
  std::vector<int> pleegzorg_;     // running pleegzorg per month (scenario capacity)
  double pleegzorg_cap_ = 0;
  std::vector<double> wachtend_;
};

double Run::besteed(int slot, int jaar, int tot_maand) const {
  double som = jaar == Date(m_.p).year() ? m_.slot_voor_p[static_cast<size_t>(slot)] : 0.0;
  for (int mi = 0; mi < tot_maand && mi < M_; ++mi)
    if (Date(m_.maand_begin[static_cast<size_t>(mi)]).year() == jaar)
      som += besteding_[static_cast<size_t>(slot) * M_ + mi];
  return som;
}

bool Run::vol(uint32_t aanbieder, int jaar, int maand) const {
  const int slot = m_.plafond_slot[aanbieder];
  if (slot < 0) return false;
  for (const auto& p : pl_)
    if (p.sturen && p.slot == slot && p.jaar == jaar) return besteed(slot, jaar, maand) >= p.bedrag;
  return false;
}

void Run::maak_traject(uint32_t pi, int32_t aanvang, uint8_t h, uint32_t aanbieder, int32_t vanaf,
                       Stroom& st) {
  Persoon& ps = personen_[pi];
  const size_t gh = static_cast<size_t>(ps.g) * kH + h;
  const double f = sc_ && sc_->duur_verkorting > 0 ? 1.0 / (1.0 - sc_->duur_verkorting) : 1.0;
  // The end: walk the cumulative hazard band by band from `vanaf` until it passes an
  // exponential draw; care ends before the 23rd birthday.
  const int32_t grens = std::min(m_.t, ps.wordt23 - 1);
  int32_t einde = model::kOpenEinde;
  {
    const double doel = st.exponentieel();
    double cum = 0;
    int32_t t = vanaf;
    for (int b = 0; b < kDB && t <= grens; ++b) {
      const double bhi = aanvang + std::ceil(kDuurGrens[b + 1] * kDagenPerMaand);
      const int32_t seg = static_cast<int32_t>(std::min<double>(bhi, grens + 1.0));
      if (seg <= t) continue;
      const double lambda = tr_.eind[gh * kDB + b] * f;
      const double d = lambda * (seg - t) / kDagenPerMaand;
      if (cum + d >= doel && lambda > 0) {
        einde = t + static_cast<int32_t>((doel - cum) / lambda * kDagenPerMaand);
        break;
      }
      cum += d;
      t = seg;
    }
    if (einde == model::kOpenEinde && ps.wordt23 - 1 <= m_.t)
      einde = std::max(vanaf, ps.wordt23 - 1);
  }
  // Books the traject in the half years, costs, plafond spend and pleegzorg capacity.
  const int32_t tot = std::min(einde, m_.t);
  for (int k = 0; k < K_; ++k) {
    const int32_t van_k = m_.perioden[static_cast<size_t>(k)].van.days();
    const int32_t tot_k = m_.perioden[static_cast<size_t>(k)].tot.days();
    if (aanvang > tot_k || einde < van_k) continue;
    double* c = &w_[(static_cast<size_t>(ps.g) * K_ + k) * kAantalIndicatoren];
    c[kTrajecten] += 1;
    ps.mask |= static_cast<uint16_t>(1u << k);
    if (h >= 4) ps.maskv |= static_cast<uint16_t>(1u << k);
    const int32_t lo = std::max({aanvang, van_k, m_.d + 1}), hi = std::min(einde, tot_k);
    if (hi >= lo) c[kKosten] += (hi - lo + 1) * m_.kosten_dag[gh];
  }
  const int slot = m_.plafond_slot[aanbieder];
  const bool pz = h == kPleegzorg && !pleegzorg_.empty();
  if ((slot >= 0 || pz) && tot >= m_.p + 1) {
    const int32_t lo = std::max(aanvang, m_.p + 1);
    for (int mi = std::max(0, m_.maand_van(lo)); mi < M_; ++mi) {
      const int32_t ms = m_.maand_begin[static_cast<size_t>(mi)];
      if (ms > tot) break;
      const int32_t me = mi + 1 < M_ ? m_.maand_begin[static_cast<size_t>(mi) + 1] - 1 : m_.t;
      const int32_t a = std::max(lo, ms), z = std::min(tot, me);
      if (z < a) continue;
      if (slot >= 0)
        besteding_[static_cast<size_t>(slot) * M_ + mi] += (z - a + 1) * m_.kosten_dag[gh];
      if (pz) ++pleegzorg_[static_cast<size_t>(mi)];
    }
  }
  // Further starts while in care.
  const double mu = tr_.spawn[gh];
  if (mu > 0) {
    double ts = vanaf + st.exponentieel() / mu * kDagenPerMaand;
    while (ts <= std::min<double>(tot, m_.t)) {
      zet(Start{pi, static_cast<int32_t>(ts), kTijdensZorg, h});
      ts += st.exponentieel() / mu * kDagenPerMaand;
    }
  }
  // The last care of the jeugdige so far: re-entry counts from its end.
  if (ps.zorg_tot == INT32_MIN || einde >= ps.zorg_tot) {
    ps.zorg_tot = einde;
    ps.laatste_h = h;
    ++ps.gen;
    if (einde != model::kOpenEinde && einde < m_.t) plan_heropname(pi, einde, einde + 1, st);
  }
}

void Run::plan_heropname(uint32_t pi, int32_t eind, int32_t vanaf, Stroom& st) {
  Persoon& ps = personen_[pi];
  const int32_t grens = std::min({m_.t, ps.wordt23 - 31, eind + 730});
  const double doel = st.exponentieel();
  double cum = 0;
  int32_t t = std::max(vanaf, eind + 1);
  for (int b = 0; b < kGB && t <= grens; ++b) {
    const double hi = eind + 1 + std::ceil(kGatGrens[b + 1] * kDagenPerMaand);
    const int32_t seg = static_cast<int32_t>(std::min<double>(hi, grens + 1.0));
    if (seg <= t) continue;
    const double lambda = tr_.heropname[b];
    const double d = lambda * (seg - t) / kDagenPerMaand;
    if (cum + d >= doel && lambda > 0) {
      const int32_t dag = t + static_cast<int32_t>((doel - cum) / lambda * kDagenPerMaand);
      zet(Start{pi, dag, kHeropname, ps.laatste_h, 0, ps.gen});
      return;
    }
    cum += d;
    t = seg;
  }
}

void Run::verwerk(const Start& s, int maand) {
  Persoon& ps = personen_[s.persoon];
  if (s.soort == kHeropname && !s.h_vast && s.gen != ps.gen) return;  // care came in between
  Stroom st(m_.inst.seed, run_, Doel::kJeugdige, ps.sleutel, 1 + ps.trajecten++);
  int h = s.h;
  if (!s.h_vast) {
    if (s.soort == kHeropname)
      h = kies(m_.mix_heropname[ps.laatste_h].data(), kH, st.uniform());
    else if (s.soort == kTijdensZorg)
      h = kies(m_.mix_vervolg[s.h].data(), kH, st.uniform());
  }
  const double u_scen = st.uniform(), u_aanb = st.uniform();
  if (!s.h_vast && sc_ && sc_->verblijf_naar_pleegzorg > 0 && h == kOverigVerblijf &&
      u_scen < sc_->verblijf_naar_pleegzorg &&
      pleegzorg_[static_cast<size_t>(maand)] < pleegzorg_cap_)
    h = kPleegzorg;
  const size_t gh = static_cast<size_t>(ps.g) * kH + h;
  const auto& cum = m_.aanbieder_cum[gh];
  const auto& idx = m_.aanbieder_idx[gh];
  if (cum.empty()) return;
  uint32_t a =
      s.h_vast ? s.aanbieder
               : idx[static_cast<size_t>(kies(cum.data(), static_cast<int>(cum.size()), u_aanb))];
  const int jaar = stuurt_ ? Date(s.dag).year() : 0;
  if (stuurt_ && vol(a, jaar, maand)) {
    bool gevonden = false;
    const int slot = m_.plafond_slot[a];
    bool omleiden = false;
    for (const auto& p : pl_)
      if (p.sturen && p.slot == slot) omleiden = p.omleiden;
    if (omleiden) {
      // Another aanbieder of the same hulpvorm with room, drawn by its share.
      double ruimte = 0;
      for (size_t q = 0; q < idx.size(); ++q)
        if (!vol(idx[q], jaar, maand)) ruimte += cum[q] - (q ? cum[q - 1] : 0);
      double r = u_aanb * ruimte;
      for (size_t q = 0; q < idx.size() && ruimte > 0; ++q) {
        if (vol(idx[q], jaar, maand)) continue;
        r -= cum[q] - (q ? cum[q - 1] : 0);
        if (r <= 0 || q + 1 == idx.size()) {
          a = idx[q];
          gevonden = true;
          break;
        }
      }
    }
    if (!gevonden) {
      const int32_t later = Date(jaar + 1, 1, 1).days();
      for (int k = 0; k < K_; ++k) {
        const int32_t tot_k = m_.perioden[static_cast<size_t>(k)].tot.days();
        if (tot_k >= s.dag && tot_k < later) wachtend_[static_cast<size_t>(k)] += 1;
      }
      Start w = s;
      w.dag = later;
      w.h = static_cast<uint8_t>(h);
      w.h_vast = 1;
      w.aanbieder = a;
      zet(w);
      return;
    }
  }
  maak_traject(s.persoon, s.dag, static_cast<uint8_t>(h), a, s.dag, st);
}

void Run::instroom(int maand) {
  const int32_t ms = m_.maand_begin[static_cast<size_t>(maand)];
  const int32_t me = maand + 1 < M_ ? m_.maand_begin[static_cast<size_t>(maand) + 1] - 1 : m_.t;
  const int32_t nd = me - ms + 1;
  if (nd <= 0) return;
  const Date dm(ms);
  const int jaar = dm.year();
  const double seizoen = m_.seizoen[dm.month() - 1];
  double schok = 1.0;
  if (onzeker_ && m_.schok_variantie > 0) {
    Stroom st(m_.inst.seed, run_, Doel::kInstroom, 0, 1 + static_cast<uint32_t>(maand));
    const double vorm = 1.0 / m_.schok_variantie;
    schok = st.gamma(vorm) / vorm;
  }
  const double huisarts = sc_ ? 1.0 - sc_->huisarts_verlaging : 1.0;
  const size_t cellen = static_cast<size_t>(m_.G) * kLB * kV;
  Stroom tellingen(m_.inst.seed, run_, Doel::kInstroom, 1 + static_cast<uint64_t>(maand));
  for (size_t c = 0; c < cellen; ++c) {
    const double rate = tr_.instroom[c];
    if (rate <= 0) continue;
    const int v = static_cast<int>(c % kV);
    const int l = static_cast<int>((c / kV) % kLB);
    const int g = static_cast<int>(c / (kV * kLB));
    const double mu = rate * m_.bevolking(g, l, jaar) * seizoen * nd / kDagenPerMaand * schok *
                      (v == 1 ? huisarts : 1.0);
    const uint64_t cel = static_cast<uint64_t>(maand) * cellen + c;
    // One number per cell, in cell order from the month's stream: a scenario draws the same.
    const int64_t n = tellingen.poisson(mu);
    for (int64_t i = 0; i < n; ++i) {
      const uint64_t sleutel =
          (uint64_t{1} << 62) | (cel << 16) | static_cast<uint64_t>(i & 0xFFFF);
      Stroom ps(m_.inst.seed, run_, Doel::kJeugdige, sleutel, 0);
      const int32_t dag = ms + std::min(nd - 1, static_cast<int32_t>(ps.uniform() * nd));
      const int leeftijd = kies(m_.leeftijd_cum[static_cast<size_t>(l)].data(), 23, ps.uniform());
      const int32_t wordt23 = dag + static_cast<int32_t>((23 - leeftijd - ps.uniform()) * 365.2425);
      const int h = kies(m_.mix_nieuw[static_cast<size_t>(v)].data(), kH, ps.uniform());
      Persoon p{static_cast<uint16_t>(g),
                wordt23,
                INT32_MIN,
                static_cast<uint8_t>(h),
                0,
                0,
                0,
                0,
                sleutel};
      personen_.push_back(p);
      zet(Start{static_cast<uint32_t>(personen_.size() - 1), dag, kNieuw, static_cast<uint8_t>(h)});
    }
  }
}

void Run::draai(Uitvoer& u, double drift_sigma) {
  K_ = static_cast<int>(m_.perioden.size());
  M_ = static_cast<int>(m_.maand_begin.size());
  const int G = m_.G;
  w_.assign(static_cast<size_t>(G + 1) * K_ * kAantalIndicatoren, 0.0);
  wachtend_.assign(static_cast<size_t>(K_), 0.0);
  emmers_.assign(static_cast<size_t>(M_), {});
  besteding_.assign(m_.slot_aanbieder.size() * static_cast<size_t>(M_), 0.0);
  if (sc_ && sc_->verblijf_naar_pleegzorg > 0) {
    pleegzorg_.assign(static_cast<size_t>(M_), 0);
    double nu = 0;
    for (const auto& l : m_.lopend) nu += l.h == kPleegzorg;
    pleegzorg_cap_ = nu * sc_->pleegzorg_capaciteit;
  }
  personen_.clear();
  personen_.reserve(m_.personen.size() * 3);
  // The care running at the peildatum and the jeugdigen who may come back.
  for (const auto& mp : m_.personen) {
    Persoon p{mp.g,
              mp.wordt23,
              mp.in_zorg ? INT32_MIN : mp.zorg_tot,
              mp.laatste_h,
              mp.basis_mask,
              mp.basis_mask_verblijf,
              0,
              0,
              static_cast<uint64_t>(mp.jeugdige)};
    personen_.push_back(p);
    const uint32_t pi = static_cast<uint32_t>(personen_.size() - 1);
    for (uint32_t q = 0; q < mp.aantal; ++q) {
      const Lopend& l = m_.lopend[mp.eerste + q];
      Stroom st(m_.inst.seed, run_, Doel::kJeugdige, p.sleutel, 1 + personen_[pi].trajecten++);
      maak_traject(pi, l.aanvang, l.h, l.aanbieder, m_.p + 1, st);
    }
    if (!mp.in_zorg) {
      Stroom st(m_.inst.seed, run_, Doel::kJeugdige, p.sleutel, 0xFFFFFF);
      plan_heropname(pi, mp.zorg_tot, m_.p + 1, st);
    }
  }
  for (int mi = 0; mi < M_; ++mi) {
    instroom(mi);
    auto& emmer = emmers_[static_cast<size_t>(mi)];
    for (size_t q = 0; q < emmer.size(); ++q) verwerk(Start(emmer[q]), mi);
    emmer.clear();
    emmer.shrink_to_fit();
  }
  // Distinct jeugdigen per half year, the known part, the regio.
  for (const auto& p : personen_) {
    for (int k = 0; k < K_; ++k) {
      double* c = &w_[(static_cast<size_t>(p.g) * K_ + k) * kAantalIndicatoren];
      if (p.mask >> k & 1u) c[kJongeren] += 1;
      if (p.maskv >> k & 1u) c[kJongerenVerblijf] += 1;
    }
  }
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < K_; ++k)
      for (int i = 0; i < kAantalIndicatoren; ++i) {
        const size_t q = (static_cast<size_t>(g) * K_ + k) * kAantalIndicatoren + i;
        w_[q] += m_.basis[q];
        w_[(static_cast<size_t>(G) * K_ + k) * kAantalIndicatoren + i] += w_[q];
      }
  // Drift: one random walk on the log level per run, read at each half year's middle.
  if (drift_sigma > 0 && onzeker_) {
    Stroom st(m_.inst.seed, run_, Doel::kDrift, 0);
    std::vector<double> pad(static_cast<size_t>(M_) + 1, 0.0);
    for (int mi = 1; mi <= M_; ++mi)
      pad[static_cast<size_t>(mi)] = pad[static_cast<size_t>(mi) - 1] + drift_sigma * st.normaal();
    for (int k = 0; k < K_; ++k) {
      const double midden = (m_.perioden[static_cast<size_t>(k)].van.days() +
                             m_.perioden[static_cast<size_t>(k)].tot.days()) /
                            2.0;
      const double maanden = std::max(0.0, (midden - m_.p) / kDagenPerMaand);
      const size_t lo = std::min(static_cast<size_t>(maanden), static_cast<size_t>(M_));
      const size_t hi = std::min(lo + 1, static_cast<size_t>(M_));
      const double fr = maanden - static_cast<double>(lo);
      const double f = std::exp(pad[lo] * (1 - fr) + pad[hi] * fr);
      for (int g = 0; g <= G; ++g)
        for (int i = 0; i < kAantalIndicatoren; ++i)
          w_[(static_cast<size_t>(g) * K_ + k) * kAantalIndicatoren + i] *= f;
    }
  }
  u.w = std::move(w_);
  u.wachtend = std::move(wachtend_);
  // Exhaustion of each plafond: the day cumulative spend in its year reaches it.
  u.uitput.assign(pl_.size(), std::numeric_limits<double>::quiet_NaN());
  for (size_t q = 0; q < pl_.size(); ++q) {
    const auto& p = pl_[q];
    double som = p.jaar == Date(m_.p).year() ? m_.slot_voor_p[static_cast<size_t>(p.slot)] : 0.0;
    if (som >= p.bedrag) {
      u.uitput[q] = m_.p;
      continue;
    }
    for (int mi = 0; mi < M_; ++mi) {
      const int32_t ms = m_.maand_begin[static_cast<size_t>(mi)];
      if (Date(ms).year() != p.jaar) continue;
      const int32_t me = mi + 1 < M_ ? m_.maand_begin[static_cast<size_t>(mi) + 1] - 1 : m_.t;
      const double b = besteding_[static_cast<size_t>(p.slot) * M_ + mi];
      if (som + b >= p.bedrag && b > 0) {
        u.uitput[q] = ms + std::floor((p.bedrag - som) / b * (me - ms + 1));
        break;
      }
      som += b;
    }
  }
}

Verdeling verdeling(std::vector<double>& x) {
  Verdeling v;
  if (x.empty()) return v;
  std::sort(x.begin(), x.end());
  double som = 0;
  for (double y : x) som += y;
  v.gemiddelde = som / static_cast<double>(x.size());
  auto q = [&](double p) {
    const double h = (static_cast<double>(x.size()) - 1) * p;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (h - static_cast<double>(lo)) * (x[hi] - x[lo]);
  };
  v.p10 = q(0.1);
  v.p50 = q(0.5);
  v.p90 = q(0.9);
  return v;
}

// The series of every level from the runs' outputs; `basis` set: the paired difference.
void vat_samen(const Model& m, const model::Snapshot& s, const std::vector<Uitvoer>& runs,
               const std::vector<Uitvoer>* basis, std::vector<Reeks>& gemeenten, Reeks& regio,
               bool bewaar = false) {
  const int K = static_cast<int>(m.perioden.size());
  const int G = m.G;
  std::vector<double> x(runs.size());
  auto reeks = [&](int g) {
    Reeks r;
    if (g < G) {
      r.gemeente = s.gemeente_code[static_cast<size_t>(g)];
      r.naam = s.gemeente_naam[static_cast<size_t>(g)];
    } else {
      r.naam = "regio";
    }
    for (int k = 0; k < K; ++k) {
      Periodeprognose pp;
      pp.periode = m.perioden[static_cast<size_t>(k)];
      pp.deels_bekend = m.deels_bekend[static_cast<size_t>(k)];
      for (int i = 0; i < kAantalIndicatoren; ++i) {
        const size_t q = (static_cast<size_t>(g) * K + k) * kAantalIndicatoren + i;
        for (size_t r2 = 0; r2 < runs.size(); ++r2)
          x[r2] = runs[r2].w[q] - (basis ? (*basis)[r2].w[q] : 0.0);
        if (bewaar) pp.runs[static_cast<size_t>(i)] = x;
        pp.waarde[static_cast<size_t>(i)] = verdeling(x);
      }
      r.perioden.push_back(pp);
    }
    return r;
  };
  gemeenten.clear();
  for (int g = 0; g < G; ++g) gemeenten.push_back(reeks(g));
  regio = reeks(G);
}

std::vector<Plafonduitputting> uitputting(const std::vector<PlafondRegel>& pl,
                                          const std::vector<Uitvoer>& runs, bool sturend) {
  std::vector<Plafonduitputting> uit;
  for (size_t q = 0; q < pl.size(); ++q) {
    if (pl[q].sturen != sturend) continue;
    Plafonduitputting u;
    u.aanbieder = pl[q].aanbieder;
    u.jaar = pl[q].jaar;
    u.bedrag_cent = static_cast<int64_t>(pl[q].bedrag);
    std::vector<double> dagen;
    for (const auto& r : runs) dagen.push_back(std::isnan(r.uitput[q]) ? 1e12 : r.uitput[q]);
    size_t bereikt = 0;
    for (double d : dagen) bereikt += d < 1e12;
    u.kans_uitgeput =
        runs.empty() ? 0 : static_cast<double>(bereikt) / static_cast<double>(runs.size());
    auto v = verdeling(dagen);
    auto dag = [](double d) {
      return d < 1e12 ? std::optional<Date>(Date(static_cast<int32_t>(d))) : std::nullopt;
    };
    u.p10 = dag(std::floor(v.p10));
    u.p50 = dag(std::floor(v.p50));
    u.p90 = dag(std::floor(v.p90));
    uit.push_back(u);
  }
  return uit;
}

}  // namespace

std::optional<Date> eerste_dag(const model::Snapshot& s) {
  if (s.kosten.size() == 0) return std::nullopt;
  return Date(*std::min_element(s.kosten.datum.begin(), s.kosten.datum.end()));
}

namespace {
std::vector<std::array<double, kAantalIndicatoren>> waarden_van(const indicators::Uitkomst& u) {
  std::vector<std::array<double, kAantalIndicatoren>> uit;
  auto waarden = [](const indicators::Telling& t) {
    return std::array<double, kAantalIndicatoren>{
        static_cast<double>(t.jongeren), static_cast<double>(t.totaal),
        static_cast<double>(t.groep_jongeren[1]), static_cast<double>(t.kosten_cent)};
  };
  for (const auto& g : u.gemeenten) uit.push_back(waarden(g.t));
  uit.push_back(waarden(u.totaal.t));
  return uit;
}
}  // namespace

std::vector<std::array<double, kAantalIndicatoren>> gerealiseerd(const model::Snapshot& s,
                                                                 const Periode& p) {
  return waarden_van(indicators::bereken(s, indicators::leid_af(s), p));
}

std::vector<Historie> historie(const model::Snapshot& s, Date peildatum, int halfjaren) {
  std::vector<Periode> perioden;
  const auto eerste = eerste_dag(s);
  if (!eerste) return {};
  for (int y = peildatum.year();
       y >= eerste->year() && static_cast<int>(perioden.size()) < halfjaren; --y)
    for (const char* h : {"H2", "H1"}) {
      auto p = lees_periode(std::to_string(y) + h);
      if (p->tot <= peildatum && p->van >= *eerste && static_cast<int>(perioden.size()) < halfjaren)
        perioden.push_back(*p);
    }
  std::reverse(perioden.begin(), perioden.end());
  const auto af = indicators::leid_af(s);
  const auto uitkomsten = indicators::bereken(s, af, perioden, 1);
  std::vector<Historie> uit;
  for (size_t i = 0; i < perioden.size(); ++i)
    uit.push_back({perioden[i], waarden_van(uitkomsten[i])});
  return uit;
}

model::Snapshot kappen(const model::Snapshot& s, Date dag) {
  model::Snapshot k = s;
  const int32_t d = dag.days();
  model::Trajecten t;
  for (size_t i = 0; i < s.trajecten.size(); ++i) {
    if (s.trajecten.aanvang[i] > d) continue;
    model::Deel x;
    x.jeugdige = s.trajecten.jeugdige[i];
    x.aanbieder = s.trajecten.aanbieder[i];
    x.gemeente = s.trajecten.gemeente[i];
    x.hulpvorm = s.trajecten.hulpvorm[i];
    x.verwijzer = s.trajecten.verwijzer[i];
    x.crisis = s.trajecten.crisis[i];
    x.aanvang = s.trajecten.aanvang[i];
    x.einde = s.trajecten.einde[i] > d ? model::kOpenEinde : s.trajecten.einde[i];
    x.reden = s.trajecten.einde[i] > d ? model::kRedenGeen : s.trajecten.reden[i];
    t.push_back(x);
  }
  k.trajecten = std::move(t);
  model::Kosten ko;
  for (size_t i = 0; i < s.kosten.size(); ++i) {
    if (s.kosten.datum[i] > d) continue;
    ko.jeugdige.push_back(s.kosten.jeugdige[i]);
    ko.datum.push_back(s.kosten.datum[i]);
    ko.gemeente.push_back(s.kosten.gemeente[i]);
    ko.hulpvorm.push_back(s.kosten.hulpvorm[i]);
    ko.bedrag_cent.push_back(s.kosten.bedrag_cent[i]);
  }
  k.kosten = std::move(ko);
  return k;
}

std::optional<OngeldigeInvoer> controleer_invoer(const model::Snapshot& s, Date peildatum,
                                                 const Instellingen& inst,
                                                 const std::vector<Scenario>& scenarios) {
  if (inst.horizon_maanden < 1 || inst.horizon_maanden > kMaxHorizonMaanden)
    return OngeldigeInvoer{"horizon", "horizon: 1 tot en met 60 maanden, niet " +
                                          std::to_string(inst.horizon_maanden)};
  if (inst.runs < 1 || inst.runs > 100000)
    return OngeldigeInvoer{"runs", "runs: 1 tot en met 100000, niet " + std::to_string(inst.runs)};
  const auto eerste = eerste_dag(s);
  if (!eerste || s.trajecten.size() == 0)
    return OngeldigeInvoer{"peildatum", "peildatum " + peildatum.iso() +
                                            " ligt voor het begin van de gegevens: op die dag "
                                            "was nog niets gedeclareerd"};
  if (peildatum < *eerste)
    return OngeldigeInvoer{"peildatum", "peildatum " + peildatum.iso() +
                                            " ligt voor het begin van de gegevens (" +
                                            eerste->iso() + ")"};
  for (const auto& sc : scenarios)
    for (const auto& p : sc.plafonds)
      if (std::find(s.aanbieder_code.begin(), s.aanbieder_code.end(), p.aanbieder) ==
          s.aanbieder_code.end())
        return OngeldigeInvoer{"scenario",
                               "scenario '" + sc.naam + "': onbekende aanbieder " + p.aanbieder};
  return std::nullopt;
}

Result<Prognose> voorspel(const model::Snapshot& s, Date peildatum, const Instellingen& inst,
                          const std::vector<Scenario>& scenarios,
                          const std::vector<Plafond>& plafonds) {
  if (auto f = controleer_invoer(s, peildatum, inst, scenarios)) return InvalidArgument(f->reden);

  Prognose uit;
  uit.peildatum = peildatum;
  uit.horizon_maanden = inst.horizon_maanden;
  uit.runs = inst.runs;
  uit.seed = inst.seed;
  Instellingen in = inst;
  if (inst.geheugenloos) {
    in.drift_sigma = 0.0;
    uit.drift_bron = "geen";
  } else if (inst.drift_sigma) {
    uit.drift_bron = "instelling";
  } else {
    auto k = kalibreer_drift(s, peildatum, inst);
    in.drift_sigma = k ? *k : 0.01;
    uit.drift_bron = k ? "backtest" : "standaard";
  }
  uit.drift_sigma = *in.drift_sigma;

  // The plafonds: the register's (measured) and the scenarios' (steering), by aanbieder.
  auto aanbieder_index = [&](const std::string& agb) -> int {
    for (size_t a = 0; a < s.aanbieder_code.size(); ++a)
      if (s.aanbieder_code[a] == agb) return static_cast<int>(a);
    return -1;
  };
  std::vector<uint32_t> gevolgd;
  for (const auto& p : plafonds)
    if (int a = aanbieder_index(p.aanbieder); a >= 0) gevolgd.push_back(static_cast<uint32_t>(a));
  for (const auto& sc : scenarios)
    for (const auto& p : sc.plafonds)
      gevolgd.push_back(static_cast<uint32_t>(aanbieder_index(p.aanbieder)));
  const Model m = schat(s, peildatum, in, gevolgd);
  uit.gedeclareerd_tot = Date(m.d);
  const int jaar_p = peildatum.year(), jaar_t = Date(m.t).year();
  std::vector<PlafondRegel> basis_pl;
  for (const auto& p : plafonds) {
    const int a = aanbieder_index(p.aanbieder);
    if (a < 0 || p.jaar < jaar_p || p.jaar > jaar_t) continue;
    basis_pl.push_back({m.plafond_slot[static_cast<size_t>(a)], p.jaar,
                        static_cast<double>(p.bedrag_cent), false, false, p.aanbieder});
  }
  std::vector<std::vector<PlafondRegel>> scen_pl(scenarios.size());
  for (size_t q = 0; q < scenarios.size(); ++q) {
    scen_pl[q] = basis_pl;
    for (const auto& p : scenarios[q].plafonds)
      for (int j = jaar_p; j <= jaar_t; ++j)
        scen_pl[q].push_back({m.plafond_slot[static_cast<size_t>(aanbieder_index(p.aanbieder))], j,
                              static_cast<double>(p.bedrag_cent_per_jaar), true, p.omleiden,
                              p.aanbieder});
  }

  const bool onzeker = !inst.geheugenloos;
  const size_t R = static_cast<size_t>(inst.runs);
  std::vector<Uitvoer> basis(R);
  std::vector<std::vector<Uitvoer>> scen(scenarios.size(), std::vector<Uitvoer>(R));
  unsigned draden = inst.draden ? inst.draden : std::max(1u, std::thread::hardware_concurrency());
  draden = std::min<unsigned>(draden, static_cast<unsigned>(R));
  auto werk = [&](unsigned d) {
    for (size_t r = d; r < R; r += draden) {
      const Trekking tr = trek_parameters(m, static_cast<uint32_t>(r), onzeker);
      Run(m, tr, nullptr, basis_pl, static_cast<uint32_t>(r), onzeker)
          .draai(basis[r], *in.drift_sigma);
      for (size_t q = 0; q < scenarios.size(); ++q)
        Run(m, tr, &scenarios[q], scen_pl[q], static_cast<uint32_t>(r), onzeker)
            .draai(scen[q][r], *in.drift_sigma);
    }
  };
  if (draden <= 1) {
    werk(0);
  } else {
    std::vector<std::thread> ts;
    for (unsigned d = 0; d < draden; ++d) ts.emplace_back(werk, d);
    for (auto& t : ts) t.join();
  }
  vat_samen(m, s, basis, nullptr, uit.gemeenten, uit.regio, inst.bewaar_runs);
  uit.plafonds = uitputting(basis_pl, basis, false);
  for (size_t q = 0; q < scenarios.size(); ++q) {
    Scenarioprognose sp;
    sp.naam = scenarios[q].naam;
    vat_samen(m, s, scen[q], nullptr, sp.gemeenten, sp.regio);
    vat_samen(m, s, scen[q], &basis, sp.verschil_gemeenten, sp.verschil_regio);
    const size_t K = m.perioden.size();
    for (size_t k = 0; k < K; ++k) {
      std::vector<double> x;
      for (const auto& r : scen[q]) x.push_back(r.wachtend[k]);
      sp.wachtend_op_plafond.push_back(verdeling(x));
    }
    sp.plafonds = uitputting(scen_pl[q], scen[q], true);
    uit.scenarios.push_back(std::move(sp));
  }
  return uit;
}

std::optional<double> kalibreer_drift(const model::Snapshot& s, Date peildatum,
                                      const Instellingen& inst) {
  const auto eerste = eerste_dag(s);
  if (!eerste) return std::nullopt;
  Instellingen in = inst;
  in.drift_sigma = 0.0;
  in.runs = std::min(inst.runs, 100);
  in.horizon_maanden = 12;
  double overschot = 0, maanden = 0;
  int n = 0;
  const Date pd = peildatum;
  // Half-year ends 12 to 36 months before the last one on or before the peildatum, each with
  // at least a year of data before it.
  const Date h0 = pd >= Date(pd.year(), 12, 31)  ? Date(pd.year(), 12, 31)
                  : pd >= Date(pd.year(), 6, 30) ? Date(pd.year(), 6, 30)
                                                 : Date(pd.year() - 1, 12, 31);
  for (int terug = 2; terug <= 6; ++terug) {
    const int halfjaren = 2 * h0.year() + (h0.month() == 12 ? 1 : 0) - terug;
    const Date o = halfjaren % 2 == 1 ? Date(halfjaren / 2, 12, 31) : Date(halfjaren / 2, 6, 30);
    if (o.add_days(-365) < *eerste) continue;
    auto f = voorspel(s, o, in);
    if (!f.ok()) continue;
    for (const auto& pp : f->regio.perioden) {
      if (pp.periode.tot > pd || pp.deels_bekend) continue;
      const auto a = gerealiseerd(s, pp.periode).back();
      const double h = ((pp.periode.van.days() + pp.periode.tot.days()) / 2.0 - o.days()) /
                       detail::kDagenPerMaand;
      for (int i : {kJongeren, kTrajecten}) {
        const auto& v = pp.waarde[static_cast<size_t>(i)];
        if (a[static_cast<size_t>(i)] <= 0 || v.gemiddelde <= 0) continue;
        const double r = std::log(a[static_cast<size_t>(i)] / v.gemiddelde);
        // The other layers' log variance, from the 80 % band of a near-normal spread.
        const double sd =
            (std::log(std::max(v.p90, 1e-9)) - std::log(std::max(v.p10, 1e-9))) / 2.5631;
        overschot += r * r - sd * sd;
        maanden += h;
        ++n;
      }
    }
  }
  if (n < 4 || maanden <= 0) return std::nullopt;
  return std::sqrt(std::max(0.0, overschot / maanden));
}

}  // namespace jr::prognose
