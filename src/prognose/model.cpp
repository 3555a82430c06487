#include "prognose/model.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "model/codes.h"
#include "prognose/philox.h"

namespace jr::prognose::detail {
namespace {

constexpr int32_t kHeropnameDagen = 730;  // re-entry counts up to 24 months after the end

int duurband(double maanden) {
  int b = 0;
  while (b + 1 < kDB && maanden >= kDuurGrens[b + 1]) ++b;
  return b;
}

int gatband(double maanden) {
  int b = 0;
  while (b + 1 < kGB && maanden >= kGatGrens[b + 1]) ++b;
  return b;
}

int leeftijdsband(int leeftijd) {
  int l = 0;
  while (l + 1 < kLB && leeftijd >= kLeeftijdGrens[l + 1]) ++l;
  return l;
}

// Age in whole years on `dag` from the day one turns 18 (within a day of the truth).
int leeftijd_op(int32_t wordt18, int32_t dag) {
  if (wordt18 == model::kOpenEinde) return 10;
  const double jaren = 18.0 + (dag - wordt18) / 365.2425;
  return std::clamp(static_cast<int>(std::floor(jaren)), 0, 22);
}

// Cumulative, normalised: counts plus `prior` times the prior shares.
template <size_t N>
std::array<double, N> cumulatief(const std::array<double, N>& tel,
                                 const std::array<double, N>& prior, double gewicht) {
  std::array<double, N> c{};
  double som = 0, ps = 0;
  for (size_t i = 0; i < N; ++i) ps += prior[i];
  for (size_t i = 0; i < N; ++i) {
    som += tel[i] + (ps > 0 ? gewicht * prior[i] / ps : gewicht / N);
    c[i] = som;
  }
  for (auto& x : c) x = som > 0 ? x / som : 0;
  c[N - 1] = 1.0;
  return c;
}

}  // namespace

double Model::bevolking(int g, int l, int jaar) const {
  if (pop_jaren == 0) return 0;
  const int y = std::clamp(jaar - pop_jaar0, 0, pop_jaren - 1);
  return pop[(static_cast<size_t>(g) * kLB + l) * pop_jaren + y];
}

int Model::maand_van(int32_t dag) const {
  if (dag < maand_begin.front()) return -1;
  auto it = std::upper_bound(maand_begin.begin(), maand_begin.end(), dag);
  return static_cast<int>(it - maand_begin.begin()) - 1;
}

Model schat(const model::Snapshot& s, Date peildatum, const Instellingen& inst,
            const std::vector<uint32_t>& gevolgd) {
  Model m;
  m.inst = inst;
  m.p = peildatum.days();
  const int32_t p = m.p;
  m.G = static_cast<int>(s.gemeente_code.size());
  const int G = m.G;
  // Declared-to: a month counts as declared 20 days after its end (docs/prognose.md).
  m.d = peildatum.add_days(-20).first_of_month().add_days(-1).days();
  // The months simulated and the last day.
  {
    Date ms = peildatum.add_days(1);
    Date eerste = ms.first_of_month();
    int y = eerste.year(), mo = static_cast<int>(eerste.month());
    m.maand_begin.push_back(ms.days());
    for (int i = 1; i <= inst.horizon_maanden; ++i) {
      if (++mo > 12) mo = 1, ++y;
      m.maand_begin.push_back(Date(y, static_cast<unsigned>(mo), 1).days());
    }
    // The horizon ends on the day before the same calendar day `horizon` months on.
    const Date ps = peildatum;
    int ey = ps.year() + (static_cast<int>(ps.month()) - 1 + inst.horizon_maanden) / 12;
    unsigned em =
        static_cast<unsigned>((static_cast<int>(ps.month()) - 1 + inst.horizon_maanden) % 12 + 1);
    unsigned ed = std::min(ps.day(), Date(ey, em, 1).last_of_month().day());
    m.t = Date(ey, em, ed).days();
    while (m.maand_begin.size() > 1 && m.maand_begin.back() > m.t) m.maand_begin.pop_back();
  }
  // Half years: from the one holding p + 1, each ending on or before t.
  {
    Date v = peildatum.add_days(1);
    int y = v.year();
    bool h2 = v.month() > 6;
    for (;;) {
      auto per = lees_periode(std::to_string(y) + (h2 ? "H2" : "H1"));
      if (per->tot.days() > m.t) break;
      m.perioden.push_back(*per);
      m.deels_bekend.push_back(per->van.days() <= p);
      if (h2) ++y;
      h2 = !h2;
      if (m.perioden.size() >= 12) break;
    }
  }
  const int K = static_cast<int>(m.perioden.size());

  const int32_t venster = static_cast<int32_t>(std::lround(inst.venster_maanden * kDagenPerMaand));
  // The window, never before the data's first day (before it only care still running then
  // is known, which would look like too little inflow).
  int32_t w0 = p - venster + 1;
  if (s.kosten.size() > 0)
    w0 = std::max(w0, *std::min_element(s.kosten.datum.begin(), s.kosten.datum.end()));
  const double halfw = inst.halfwaardetijd_maanden * kDagenPerMaand;
  auto gewicht = [&](double dag) { return std::pow(0.5, (p - dag) / halfw); };
  const bool geheugenloos = inst.geheugenloos;

  // Population per gemeente, age band and year; years after the last known one grow at the
  // yearly rate of the last two known years (within 3 % a year).
  {
    int laatste = INT32_MIN, eerste = INT32_MAX;
    for (int y = s.jaar_min; y < s.jaar_min + s.jaren; ++y) {
      uint64_t som = 0;
      for (int g = 0; g < G; ++g) som += s.bevolking_som(static_cast<uint16_t>(g), y, 0, 22);
      if (som > 0) laatste = std::max(laatste, y), eerste = std::min(eerste, y);
    }
    const int eind_jaar = Date(m.t).year() + 1;
    if (laatste == INT32_MIN) eerste = laatste = peildatum.year();
    m.pop_jaar0 = eerste;
    m.pop_jaren = std::max(laatste, eind_jaar) - eerste + 1;
    m.pop.assign(static_cast<size_t>(G) * kLB * m.pop_jaren, 0.0);
    for (int g = 0; g < G; ++g)
      for (int l = 0; l < kLB; ++l) {
        auto bev = [&](int y) {
          return static_cast<double>(s.bevolking_som(static_cast<uint16_t>(g), y, kLeeftijdGrens[l],
                                                     kLeeftijdGrens[l + 1] - 1));
        };
        double* rij = &m.pop[(static_cast<size_t>(g) * kLB + l) * m.pop_jaren];
        for (int y = eerste; y <= laatste; ++y) rij[y - eerste] = bev(y);
        double groei = 1.0;
        if (laatste - 2 >= eerste && bev(laatste - 2) > 0)
          groei = std::clamp(std::sqrt(bev(laatste) / bev(laatste - 2)), 0.97, 1.03);
        for (int y = laatste + 1; y < eerste + m.pop_jaren; ++y)
          rij[y - eerste] = rij[y - 1 - eerste] * groei;
      }
  }

  // ---- one pass over the trajecten, jeugdige by jeugdige ----
  const auto& tr = s.trajecten;
  std::vector<double> e_eind(static_cast<size_t>(G) * kH * kDB), x_eind(e_eind.size());
  std::vector<double> e_spawn(static_cast<size_t>(G) * kH), x_spawn(e_spawn.size());
  std::array<double, kGB> e_gat{}, x_gat{};
  std::vector<double> e_in(static_cast<size_t>(G) * kLB * kV);
  std::array<std::array<double, kH>, kV> t_nieuw{};
  std::array<std::array<double, kH>, kH> t_vervolg{}, t_herop{};
  std::array<double, kH> t_alle{};
  std::vector<std::vector<std::pair<uint32_t, double>>> t_aanb(static_cast<size_t>(G) * kH);
  std::array<std::array<double, 23>, kLB> t_leeftijd{};
  std::map<int, std::array<double, 12>> nieuw_per_maand;  // year -> month counts (all history)
  std::vector<double> kosten_dagen(static_cast<size_t>(G) * kH);  // care days in [d-364, d]
  const int32_t k0 = m.d - 364;
  m.basis.assign(static_cast<size_t>(G) * K * kAantalIndicatoren, 0.0);
  auto basis = [&](int g, int k, int i) -> double& {
    return m.basis[(static_cast<size_t>(g) * K + k) * kAantalIndicatoren + i];
  };

  // Exposure of [van, tot] (days, inclusive) of a traject that began on `aanvang`, by band.
  auto blootstelling = [&](int32_t aanvang, int32_t van, int32_t tot, double* x_banden) {
    if (tot < van) return;
    for (int b = 0; b < kDB; ++b) {
      const double lo = aanvang + kDuurGrens[b] * kDagenPerMaand;
      const double hi = aanvang + kDuurGrens[b + 1] * kDagenPerMaand;
      const double a = std::max<double>(van, lo), z = std::min<double>(tot + 1.0, hi);
      if (z > a) x_banden[geheugenloos ? 0 : b] += (z - a) / kDagenPerMaand * gewicht((a + z) / 2);
    }
  };
  // Exposure to re-entry of a gap from `eind` + 1 to `tot` (inclusive).
  auto gat = [&](int32_t eind, int32_t tot) {
    const int32_t grens = std::min(tot, eind + kHeropnameDagen);
    for (int b = 0; b < kGB; ++b) {
      const double lo = eind + 1 + kGatGrens[b] * kDagenPerMaand;
      const double hi = eind + 1 + kGatGrens[b + 1] * kDagenPerMaand;
      const double a = std::max<double>(w0, lo), z = std::min<double>(grens + 1.0, hi);
      if (z > a) x_gat[geheugenloos ? 0 : b] += (z - a) / kDagenPerMaand * gewicht((a + z) / 2);
    }
  };

  size_t i = 0;
  while (i < tr.size()) {
    const int32_t j = tr.jeugdige[i];
    size_t e = i;
    while (e < tr.size() && tr.jeugdige[e] == j) ++e;
    int32_t zorg_tot = INT32_MIN;  // latest end of earlier trajecten (INT32_MAX: open)
    uint8_t laatste_h = 0;
    int laatste_g = -1;
    std::vector<Lopend> lopend;
    uint16_t mask = 0, maskv = 0;
    for (size_t r = i; r < e; ++r) {
      const int32_t a = tr.aanvang[r];
      if (a > p) continue;  // not yet known at the peildatum
      const int32_t ein = tr.einde[r] > p ? model::kOpenEinde : tr.einde[r];
      const int hi = model::hulpvorm_index(tr.hulpvorm[r]);
      if (hi < 0) continue;
      const int g = tr.gemeente[r];
      const size_t gh = static_cast<size_t>(g) * kH + hi;
      // Ends and exposure to ending and to further starts.
      double xb[kDB] = {0, 0, 0, 0, 0};
      blootstelling(a, std::max(a, w0), std::min(ein, p), xb);
      double xs = 0;
      for (int b = 0; b < kDB; ++b) x_eind[gh * kDB + b] += xb[b], xs += xb[b];
      x_spawn[gh] += xs;
      if (ein != model::kOpenEinde && ein >= w0) {
        const int b = geheugenloos ? 0 : duurband((ein - a + 1) / kDagenPerMaand);
        e_eind[gh * kDB + b] += gewicht(ein);
      }
      // The kind of start.
      if (a >= w0) {
        const double w = gewicht(a);
        if (zorg_tot != INT32_MIN && zorg_tot >= a - 1) {
          e_spawn[static_cast<size_t>(g) * kH + laatste_h] += w;  // to the care it follows
          t_vervolg[laatste_h][hi] += w;
        } else if (zorg_tot != INT32_MIN && a - zorg_tot <= kHeropnameDagen) {
          gat(zorg_tot, a - 1);
          const int b = geheugenloos ? 0 : gatband((a - zorg_tot - 1) / kDagenPerMaand);
          e_gat[b] += w;
          t_herop[laatste_h][hi] += w;
        } else {
          if (zorg_tot != INT32_MIN) gat(zorg_tot, a - 1);
          const int leeftijd = leeftijd_op(s.wordt18[j], a);
          const int l = leeftijdsband(leeftijd);
          const int v = std::max(0, model::verwijzer_index(tr.verwijzer[r]));
          e_in[(static_cast<size_t>(g) * kLB + l) * kV + v] += w;
          t_nieuw[v][hi] += w;
          t_leeftijd[l][leeftijd] += 1;
        }
        t_alle[hi] += w;
        auto& lijst = t_aanb[gh];
        auto it = std::find_if(lijst.begin(), lijst.end(),
                               [&](const auto& x) { return x.first == tr.aanbieder[r]; });
        if (it == lijst.end())
          lijst.emplace_back(tr.aanbieder[r], w);
        else
          it->second += w;
      } else if (zorg_tot != INT32_MIN && zorg_tot < a - 1) {
        gat(zorg_tot, a - 1);
      }
      // Seasonality: new starts over all history.
      if (zorg_tot == INT32_MIN || (zorg_tot < a - 1 && a - zorg_tot > kHeropnameDagen)) {
        const Date da(a);
        nieuw_per_maand[da.year()][da.month() - 1] += 1;
      }
      // Cost rates: care days in the year up to d.
      {
        const int32_t lo = std::max(a, k0), hi2 = std::min(ein, m.d);
        if (hi2 >= lo) kosten_dagen[gh] += hi2 - lo + 1;
      }
      // What is known of the half years: trajecten ended by p.
      if (ein != model::kOpenEinde) {
        for (int k = 0; k < K; ++k)
          if (a <= m.perioden[k].tot.days() && ein >= m.perioden[k].van.days()) {
            basis(g, k, kTrajecten) += 1;
            mask |= static_cast<uint16_t>(1u << k);
            if (hi >= 4) maskv |= static_cast<uint16_t>(1u << k);
          }
      } else {
        lopend.push_back({a, tr.aanbieder[r], static_cast<uint8_t>(hi)});
      }
      if (zorg_tot == INT32_MIN || ein >= zorg_tot) laatste_h = static_cast<uint8_t>(hi);
      zorg_tot = zorg_tot == INT32_MIN ? ein : std::max(zorg_tot, ein);
      laatste_g = g;
    }
    if (laatste_g >= 0) {
      if (zorg_tot != model::kOpenEinde) gat(zorg_tot, p);
      const bool in_zorg = !lopend.empty();
      if (in_zorg || zorg_tot >= p - kHeropnameDagen || mask != 0) {
        Persoon ps;
        ps.jeugdige = j;
        ps.g = static_cast<uint16_t>(laatste_g);
        ps.wordt23 = s.wordt23[j];
        ps.zorg_tot = in_zorg ? p : zorg_tot;
        ps.in_zorg = in_zorg;
        ps.laatste_h = laatste_h;
        ps.eerste = static_cast<uint32_t>(m.lopend.size());
        ps.aantal = static_cast<uint32_t>(lopend.size());
        ps.basis_mask = mask;
        ps.basis_mask_verblijf = maskv;
        m.lopend.insert(m.lopend.end(), lopend.begin(), lopend.end());
        m.personen.push_back(ps);
      }
    }
    i = e;
  }

  // ---- hazards, shrunk: gemeente -> regio (same hulpvorm and band) -> hulpvorm -> all ----
  const double kappa = inst.krimp;
  m.eind.resize(e_eind.size());
  m.spawn.resize(e_spawn.size());
  double e_all = 0, x_all = 0;
  for (size_t q = 0; q < e_eind.size(); ++q) e_all += e_eind[q], x_all += x_eind[q];
  const double l_all = x_all > 0 ? std::max(e_all, 1.0) / x_all : 0.05;
  for (int h = 0; h < kH; ++h) {
    double eh = 0, xh = 0;
    std::array<double, kDB> eb{}, xb{};
    for (int g = 0; g < G; ++g)
      for (int b = 0; b < kDB; ++b) {
        const size_t q = (static_cast<size_t>(g) * kH + h) * kDB + b;
        eh += e_eind[q], xh += x_eind[q], eb[b] += e_eind[q], xb[b] += x_eind[q];
      }
    const double l_h = (eh + 12 * l_all) / (xh + 12);
    for (int b = 0; b < kDB; ++b) {
      const int bb = geheugenloos ? 0 : b;
      const double l_r = std::max(1e-4, (eb[bb] + 12 * l_h) / (xb[bb] + 12));
      for (int g = 0; g < G; ++g) {
        const size_t q = (static_cast<size_t>(g) * kH + h) * kDB;
        m.eind[q + b] = Gamma{e_eind[q + bb] + kappa * l_r, x_eind[q + bb] + kappa};
      }
    }
    double es = 0, xs = 0;
    for (int g = 0; g < G; ++g)
      es += e_spawn[static_cast<size_t>(g) * kH + h],
          xs += x_spawn[static_cast<size_t>(g) * kH + h];
    const double s_r = (es + 1e-3 * 12) / (xs + 12);
    for (int g = 0; g < G; ++g) {
      const size_t q = static_cast<size_t>(g) * kH + h;
      m.spawn[q] = Gamma{e_spawn[q] + kappa * s_r, x_spawn[q] + kappa};
    }
  }
  {
    double eg = 0, xg = 0;
    for (int b = 0; b < kGB; ++b) eg += e_gat[b], xg += x_gat[b];
    const double l_g = (eg + 1e-3) / (xg + 1);
    for (int b = 0; b < kGB; ++b) {
      const int bb = geheugenloos ? 0 : b;
      m.heropname[b] = Gamma{e_gat[bb] + 6 * l_g, x_gat[bb] + 6};
    }
  }

  // ---- seasonality of new starts: complete years, shrunk towards flat ----
  m.seizoen.fill(1.0);
  if (!geheugenloos) {
    const Date pd(p);
    std::array<double, 12> som{};
    int jaren = 0;
    for (const auto& [jaar, tel] : nieuw_per_maand) {
      if (jaar >= pd.year()) continue;
      double tot = 0;
      int leeg = 0;
      for (double x : tel) tot += x, leeg += x == 0;
      if (tot < 24 || leeg > 0) continue;  // a year without a month of data is incomplete
      for (int mo = 0; mo < 12; ++mo) som[mo] += tel[mo] / (tot / 12);
      ++jaren;
    }
    if (jaren > 0) {
      double gem = 0;
      for (int mo = 0; mo < 12; ++mo) {
        const double ruw = som[mo] / jaren;
        m.seizoen[mo] = 1 + (ruw - 1) * jaren / (jaren + 2.0);
        gem += m.seizoen[mo] / 12;
      }
      for (auto& x : m.seizoen) x /= gem;
    }
  }

  // ---- inflow: exposure = population x season x weight over the window ----
  {
    std::vector<double> x_in(static_cast<size_t>(G) * kLB, 0.0);
    for (Date dm = Date(w0).first_of_month(); dm.days() <= p; dm = dm.last_of_month().add_days(1)) {
      const int32_t a = std::max(dm.days(), w0), z = std::min(dm.last_of_month().days(), p);
      if (z < a) continue;
      const double f =
          (z - a + 1) / kDagenPerMaand * gewicht((a + z) / 2.0) * m.seizoen[dm.month() - 1];
      for (int g = 0; g < G; ++g)
        for (int l = 0; l < kLB; ++l)
          x_in[static_cast<size_t>(g) * kLB + l] += f * m.bevolking(g, l, dm.year());
    }
    m.instroom.resize(e_in.size());
    for (int l = 0; l < kLB; ++l)
      for (int v = 0; v < kV; ++v) {
        double er = 0, xr = 0;
        for (int g = 0; g < G; ++g)
          er += e_in[(static_cast<size_t>(g) * kLB + l) * kV + v],
              xr += x_in[static_cast<size_t>(g) * kLB + l];
        // The regio rate; a gemeente's prior is worth 10 of its expected events.
        const double r = xr > 0 ? (er + 0.5) / xr : 0;
        for (int g = 0; g < G; ++g) {
          const size_t q = (static_cast<size_t>(g) * kLB + l) * kV + v;
          const double x = x_in[static_cast<size_t>(g) * kLB + l];
          m.instroom[q] = r > 0 ? Gamma{e_in[q] + 10, x + 10 / r} : Gamma{0, 1};
        }
      }
    // The common monthly shock: over-dispersion of the regio's monthly new starts.
    if (!geheugenloos) {
      double teller = 0, noemer = 0;
      for (Date dm = Date(w0).first_of_month(); dm.days() <= p;
           dm = dm.last_of_month().add_days(1)) {
        if (dm.days() < w0 || dm.last_of_month().days() > p) continue;
        double mu = 0;
        for (int g = 0; g < G; ++g)
          for (int l = 0; l < kLB; ++l)
            for (int v = 0; v < kV; ++v)
              mu += m.instroom[(static_cast<size_t>(g) * kLB + l) * kV + v].punt() *
                    m.bevolking(g, l, dm.year()) * m.seizoen[dm.month() - 1] *
                    (dm.last_of_month().day()) / kDagenPerMaand;
        const auto it = nieuw_per_maand.find(dm.year());
        const double n = it == nieuw_per_maand.end() ? 0 : it->second[dm.month() - 1];
        teller += (n - mu) * (n - mu) - mu;
        noemer += mu * mu;
      }
      m.schok_variantie = noemer > 0 ? std::clamp(teller / noemer, 0.0, 0.25) : 0;
    }
  }

  // ---- mixes ----
  std::array<double, kH> vlak{};
  vlak.fill(1.0);
  const auto prior_alle = cumulatief(t_alle, vlak, 1.0);
  std::array<double, kH> p_alle{};
  for (int h = 0; h < kH; ++h) p_alle[h] = prior_alle[h] - (h ? prior_alle[h - 1] : 0);
  for (int v = 0; v < kV; ++v) m.mix_nieuw[v] = cumulatief(t_nieuw[v], p_alle, 5);
  for (int h = 0; h < kH; ++h) {
    m.mix_vervolg[h] = cumulatief(t_vervolg[h], p_alle, 5);
    m.mix_heropname[h] = cumulatief(t_herop[h], p_alle, 5);
  }
  for (int l = 0; l < kLB; ++l) {
    std::array<double, 23> prior{};
    for (int a = kLeeftijdGrens[l]; a < kLeeftijdGrens[l + 1]; ++a) prior[a] = 1;
    m.leeftijd_cum[l] = cumulatief(t_leeftijd[l], prior, 1.0);
  }
  // Aanbieders per gemeente and hulpvorm, shrunk towards the gemeente's regio.
  m.aanbieder_cum.resize(static_cast<size_t>(G) * kH);
  m.aanbieder_idx.resize(static_cast<size_t>(G) * kH);
  for (int h = 0; h < kH; ++h) {
    std::map<uint16_t, std::map<uint32_t, double>> per_regio;
    for (int g = 0; g < G; ++g)
      for (const auto& [a, w] : t_aanb[static_cast<size_t>(g) * kH + h])
        per_regio[s.gemeente_regio[g]][a] += w;
    // Running care as a fallback when the window saw no start of this hulpvorm.
    std::map<uint32_t, double> alle;
    for (const auto& [r, mp] : per_regio)
      for (const auto& [a, w] : mp) alle[a] += w;
    if (alle.empty())
      for (const auto& l : m.lopend)
        if (l.h == h) alle[l.aanbieder] += 1;
    for (int g = 0; g < G; ++g) {
      std::map<uint32_t, double> mix;
      const auto& regio =
          per_regio.count(s.gemeente_regio[g]) ? per_regio[s.gemeente_regio[g]] : alle;
      double rs = 0;
      for (const auto& [a, w] : regio) rs += w;
      for (const auto& [a, w] : regio) mix[a] += 5 * w / rs;
      for (const auto& [a, w] : t_aanb[static_cast<size_t>(g) * kH + h]) mix[a] += w;
      auto& cum = m.aanbieder_cum[static_cast<size_t>(g) * kH + h];
      auto& idx = m.aanbieder_idx[static_cast<size_t>(g) * kH + h];
      double som = 0;
      for (const auto& [a, w] : mix) som += w, cum.push_back(som), idx.push_back(a);
      for (auto& c : cum) c /= som;
    }
  }

  // ---- costs: declared per care day in the year up to d, shrunk towards the regio ----
  std::vector<double> kosten_som(static_cast<size_t>(G) * kH, 0.0);
  m.overige_kosten_dag.assign(G, 0.0);
  const auto& ko = s.kosten;
  for (size_t q = 0; q < ko.size(); ++q) {
    const int32_t dag = ko.datum[q];
    if (dag > m.d) continue;
    const int g = ko.gemeente[q];
    const int hi = model::hulpvorm_index(ko.hulpvorm[q]);
    // Declared costs of the half years up to d.
    for (int k = 0; k < K; ++k)
      if (dag >= m.perioden[k].van.days() && dag <= m.perioden[k].tot.days())
        basis(g, k, kKosten) += static_cast<double>(ko.bedrag_cent[q]);
    if (dag < k0) continue;
    if (hi < 0)
      m.overige_kosten_dag[g] += static_cast<double>(ko.bedrag_cent[q]) / 365.0;
    else
      kosten_som[static_cast<size_t>(g) * kH + hi] += static_cast<double>(ko.bedrag_cent[q]);
  }
  m.kosten_dag.assign(static_cast<size_t>(G) * kH, 0.0);
  for (int h = 0; h < kH; ++h) {
    double c = 0, dg = 0;
    for (int g = 0; g < G; ++g)
      c += kosten_som[static_cast<size_t>(g) * kH + h],
          dg += kosten_dagen[static_cast<size_t>(g) * kH + h];
    const double r = dg > 0 ? c / dg : 0;
    for (int g = 0; g < G; ++g) {
      const size_t q = static_cast<size_t>(g) * kH + h;
      m.kosten_dag[q] = (kosten_som[q] + 365 * r) / (kosten_dagen[q] + 365);
    }
  }
  // Known care after d (ended by p): its costs; the rest of every half year after d: the
  // other costs at their daily rate.
  for (size_t r = 0; r < tr.size(); ++r) {
    const int32_t a = tr.aanvang[r], ein = tr.einde[r];
    if (a > p || ein > p || ein <= m.d) continue;
    const int hi = model::hulpvorm_index(tr.hulpvorm[r]);
    if (hi < 0) continue;
    const int g = tr.gemeente[r];
    for (int k = 0; k < K; ++k) {
      const int32_t lo = std::max({a, m.d + 1, static_cast<int32_t>(m.perioden[k].van.days())});
      const int32_t hi2 = std::min(ein, static_cast<int32_t>(m.perioden[k].tot.days()));
      if (hi2 >= lo)
        basis(g, k, kKosten) += (hi2 - lo + 1) * m.kosten_dag[static_cast<size_t>(g) * kH + hi];
    }
  }
  for (int g = 0; g < G; ++g)
    for (int k = 0; k < K; ++k) {
      const int32_t lo = std::max(m.d + 1, static_cast<int32_t>(m.perioden[k].van.days()));
      const int32_t hi2 = m.perioden[k].tot.days();
      if (hi2 >= lo) basis(g, k, kKosten) += (hi2 - lo + 1) * m.overige_kosten_dag[g];
    }

  // ---- plafonds followed: spend before p in p's year from the care known ----
  m.plafond_slot.assign(s.aanbieder_code.size(), -1);
  for (uint32_t a : gevolgd)
    if (a < m.plafond_slot.size() && m.plafond_slot[a] < 0) {
      m.plafond_slot[a] = static_cast<int>(m.slot_aanbieder.size());
      m.slot_aanbieder.push_back(a);
    }
  m.slot_voor_p.assign(m.slot_aanbieder.size(), 0.0);
  if (!m.slot_aanbieder.empty()) {
    const int32_t jan1 = Date(peildatum.year(), 1, 1).days();
    for (size_t r = 0; r < tr.size(); ++r) {
      const int slot = m.plafond_slot[tr.aanbieder[r]];
      const int hi = model::hulpvorm_index(tr.hulpvorm[r]);
      if (slot < 0 || hi < 0 || tr.aanvang[r] > p) continue;
      const int32_t lo = std::max(tr.aanvang[r], jan1), z = std::min(tr.einde[r], p);
      if (z >= lo)
        m.slot_voor_p[slot] +=
            (z - lo + 1) * m.kosten_dag[static_cast<size_t>(tr.gemeente[r]) * kH + hi];
    }
  }
  return m;
}

Trekking trek_parameters(const Model& m, uint32_t run, bool onzeker) {
  Trekking t;
  Stroom st(m.inst.seed, run, Doel::kParameter, 0);
  auto trek = [&](const Gamma& g) {
    if (!onzeker || g.b <= 0) return g.punt();
    return st.gamma(g.a) / g.b;
  };
  t.eind.resize(m.eind.size());
  for (size_t q = 0; q < m.eind.size(); ++q) t.eind[q] = trek(m.eind[q]);
  t.spawn.resize(m.spawn.size());
  for (size_t q = 0; q < m.spawn.size(); ++q) t.spawn[q] = trek(m.spawn[q]);
  t.instroom.resize(m.instroom.size());
  for (size_t q = 0; q < m.instroom.size(); ++q) t.instroom[q] = trek(m.instroom[q]);
  for (int b = 0; b < kGB; ++b) t.heropname[b] = trek(m.heropname[b]);
  return t;
}

}  // namespace jr::prognose::detail
