#include "indicators/indicatoren.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace jr::indicators {

using model::kOpenEinde;

int duurklasse(int32_t dagen) {
  int k = 0;
  while (k < static_cast<int>(kDuurGrenzen.size()) && dagen >= kDuurGrenzen[static_cast<size_t>(k)])
    ++k;
  return k;
}

namespace {

// A day -> day function memoised over a dense range of days (dates repeat a lot).
template <class F>
class DagTabel {
 public:
  DagTabel(int32_t lo, int32_t hi, F f) : lo_(lo) {
    if (hi >= lo) {
      tabel_.resize(static_cast<size_t>(hi - lo) + 1);
      for (int32_t d = lo; d <= hi; ++d) tabel_[static_cast<size_t>(d - lo)] = f(Date(d)).days();
    }
  }
  int32_t operator()(int32_t d) const { return tabel_[static_cast<size_t>(d - lo_)]; }

 private:
  int32_t lo_;
  std::vector<int32_t> tabel_;
};

// Runs f(task) for task 0..n-1 on up to `draden` threads (0: one per core), the calling thread
// included; each task exactly once.
template <class F>
void parallel(size_t n, unsigned draden, F&& f) {
  if (draden == 0) draden = std::max(1u, std::thread::hardware_concurrency());
  const size_t extra = std::min<size_t>(draden, n) > 0 ? std::min<size_t>(draden, n) - 1 : 0;
  std::atomic<size_t> volgende{0};
  auto werk = [&] {
    for (size_t i; (i = volgende.fetch_add(1)) < n;) f(i);
  };
  std::vector<std::thread> threads;
  threads.reserve(extra);
  for (size_t t = 0; t < extra; ++t) threads.emplace_back(werk);
  werk();
  for (auto& t : threads) t.join();
}

// leid_af for the trajecten [van, n), which hold whole jeugdigen.
template <class V, class H>
void leid_af_deel(const model::Trajecten& T, size_t van, size_t n, const V& vijf_jaar_eerder,
                  const H& volgend_halfjaar, Afgeleid& a) {
  for (size_t b = van; b < n;) {
    size_t e = b;
    while (e < n && T.jeugdige[e] == T.jeugdige[b]) ++e;
    // Within one jeugdige, trajecten are sorted by aanvang.
    for (size_t i = b; i < e; ++i) {
      const int32_t start = T.aanvang[i], grens = vijf_jaar_eerder(start);
      for (size_t k = b; k < i; ++k) {
        const int32_t eind = T.einde[k];
        if (eind != kOpenEinde && eind <= start - 2 && eind >= grens) {
          a.herhaald[i] = 1;
          break;
        }
      }
      if (T.einde[i] != kOpenEinde) {
        const int32_t eind = T.einde[i], tot = volgend_halfjaar(eind);
        for (size_t k = i + 1; k < e && T.aanvang[k] <= tot; ++k) {
          if (T.aanvang[k] > eind) {
            a.nieuwe_start[i] = 1;
            break;
          }
        }
      }
    }
    b = e;
  }
}

}  // namespace

Afgeleid leid_af(const model::Snapshot& s) {
  const auto& T = s.trajecten;
  const size_t n = T.size();
  Afgeleid a;
  a.herhaald.assign(n, 0);
  a.nieuwe_start.assign(n, 0);
  if (n == 0) return a;
  int32_t lo = INT32_MAX, hi = INT32_MIN;
  for (size_t i = 0; i < n; ++i) {
    lo = std::min(lo, T.aanvang[i]);
    hi = std::max(hi, T.aanvang[i]);
    if (T.einde[i] != kOpenEinde) hi = std::max(hi, T.einde[i]);
  }
  DagTabel vijf_jaar_eerder(lo, hi, [](Date d) { return jaren_eerder(d, 5); });
  DagTabel volgend_halfjaar(lo, hi, [](Date d) { return einde_volgend_halfjaar(d); });
  // Independent per jeugdige: a few slices that start at a jeugdige's first traject.
  constexpr size_t kDelen = 8;
  std::vector<size_t> grens(kDelen + 1, n);
  grens[0] = 0;
  for (size_t d = 1; d < kDelen; ++d) {
    size_t i = std::max(grens[d - 1], n * d / kDelen);
    while (i > grens[d - 1] && i < n && T.jeugdige[i] == T.jeugdige[i - 1]) ++i;
    grens[d] = i;
  }
  parallel(kDelen, 0, [&](size_t d) {
    leid_af_deel(T, grens[d], grens[d + 1], vijf_jaar_eerder, volgend_halfjaar, a);
  });
  return a;
}

namespace {

// Adds the additive fields of `b` to `a` (not the distinct counts of jeugdigen).
void tel_op(Telling& a, const Telling& b) {
  a.totaal += b.totaal;
  a.begonnen += b.begonnen;
  a.beeindigd += b.beeindigd;
  a.lopend_einde += b.lopend_einde;
  for (size_t i = 0; i < a.hv_trajecten.size(); ++i) a.hv_trajecten[i] += b.hv_trajecten[i];
  for (size_t i = 0; i < 2; ++i) a.groep_trajecten[i] += b.groep_trajecten[i];
  for (size_t i = 0; i < a.verwijzer.size(); ++i) a.verwijzer[i] += b.verwijzer[i];
  for (size_t i = 0; i < a.reden.size(); ++i) a.reden[i] += b.reden[i];
  a.duur_som += b.duur_som;
  for (size_t i = 0; i < a.duurklassen.size(); ++i) a.duurklassen[i] += b.duurklassen[i];
  a.herhaald += b.herhaald;
  a.crisis += b.crisis;
  a.geen_nieuwe_start += b.geen_nieuwe_start;
  a.kosten_cent += b.kosten_cent;
  for (size_t i = 0; i < a.hv_kosten_cent.size(); ++i) a.hv_kosten_cent[i] += b.hv_kosten_cent[i];
}

// The gemeenten one jeugdige touches in a period, each with a bit mask of what it had there.
// Nearly always one gemeente; a handful at most.
class Aanraking {
 public:
  void clear() { n_ = 0; }
  bool empty() const { return n_ == 0; }
  void voeg_toe(uint16_t g, uint32_t bits) {
    for (size_t i = 0; i < n_; ++i)
      if (g_[i] == g) {
        bits_[i] |= bits;
        return;
      }
    if (n_ == g_.size()) {
      g_.push_back(0);
      bits_.push_back(0);
    }
    g_[n_] = g;
    bits_[n_++] = bits;
  }
  // Calls f(level, bits) once per distinct level: each gemeente, each regio, the total.
  template <class F>
  void per_niveau(const model::Snapshot& s, size_t G, size_t R, F&& f) {
    uint32_t totaal = 0;
    for (size_t i = 0; i < n_; ++i) {
      f(g_[i], bits_[i]);
      totaal |= bits_[i];
    }
    for (size_t i = 0; i < n_; ++i) {
      const uint16_t r = s.gemeente_regio[g_[i]];
      bool eerder = false;
      for (size_t k = 0; k < i; ++k) eerder = eerder || s.gemeente_regio[g_[k]] == r;
      if (eerder) continue;
      uint32_t bits = 0;
      for (size_t k = i; k < n_; ++k)
        if (s.gemeente_regio[g_[k]] == r) bits |= bits_[k];
      f(G + r, bits);
    }
    f(G + R, totaal);
  }

 private:
  std::vector<uint16_t> g_ = std::vector<uint16_t>(4);
  std::vector<uint32_t> bits_ = std::vector<uint32_t>(4);
  size_t n_ = 0;
};

// Bits of a jeugdige's mask: 0-7 hulpvorm index, 8-9 groep (zonder, met verblijf).
constexpr uint32_t kGroepBit = 8;

}  // namespace

Uitkomst bereken(const model::Snapshot& s, const Afgeleid& a, const Periode& p) {
  const size_t G = s.gemeente_code.size(), R = s.regio_naam.size(), L = G + R + 1;
  std::vector<Telling> t(L);
  const int32_t van = p.van.days(), tot = p.tot.days();
  Aanraking aanraking;

  // ---- trajecten: one pass, grouped by jeugdige. Additive counts go to the gemeente and are
  // summed into regio and totaal afterwards; distinct jeugdigen per level come from masks. ----
  const auto& T = s.trajecten;
  const size_t n = T.size();
  for (size_t i = 0; i < n;) {
    const int32_t j = T.jeugdige[i];
    int32_t eerste = INT32_MAX;  // first day in the period with jeugdhulp
    aanraking.clear();
    for (; i < n && T.jeugdige[i] == j; ++i) {
      const int32_t aanvang = T.aanvang[i], einde = T.einde[i];
      if (aanvang > tot || einde < van) continue;
      const int hv = model::hulpvorm_index(T.hulpvorm[i]);
      const int groep = model::met_verblijf(T.hulpvorm[i]) ? 1 : 0;
      Telling& c = t[T.gemeente[i]];
      ++c.totaal;
      ++c.hv_trajecten[static_cast<size_t>(hv)];
      ++c.groep_trajecten[static_cast<size_t>(groep)];
      ++c.verwijzer[static_cast<size_t>(model::verwijzer_index(T.verwijzer[i]))];
      if (aanvang >= van) {
        ++c.begonnen;
        c.herhaald += a.herhaald[i];
        c.crisis += T.crisis[i];
      }
      if (einde <= tot) {
        ++c.beeindigd;
        const uint8_t rd = T.reden[i] ? T.reden[i] : model::kRedenOnbekend;
        ++c.reden[static_cast<size_t>(rd - 1)];
        const int32_t duur = einde - aanvang + 1;
        c.duur_som += static_cast<uint64_t>(duur);
        ++c.duurklassen[static_cast<size_t>(duurklasse(duur))];
        c.geen_nieuwe_start += a.nieuwe_start[i] ? 0u : 1u;
      } else {
        ++c.lopend_einde;
      }
      aanraking.voeg_toe(T.gemeente[i],
                         (1u << hv) | (1u << (kGroepBit + static_cast<uint32_t>(groep))));
      eerste = std::min(eerste, std::max(van, aanvang));
    }
    if (aanraking.empty() || eerste >= s.wordt23[static_cast<size_t>(j)]) continue;
    const bool jong = eerste < s.wordt18[static_cast<size_t>(j)];
    aanraking.per_niveau(s, G, R, [&](size_t lv, uint32_t bits) {
      Telling& c = t[lv];
      ++c.jongeren;
      if (jong) ++c.jongeren0tot17;
      for (uint32_t b = 0; b < 8; ++b) c.hv_jongeren[b] += (bits >> b) & 1u;
      c.groep_jongeren[0] += (bits >> kGroepBit) & 1u;
      c.groep_jongeren[1] += (bits >> (kGroepBit + 1)) & 1u;
    });
  }

  // ---- maatregelen: distinct jeugdigen per soort ----
  const auto& M = s.maatregelen;
  for (size_t i = 0; i < M.size();) {
    const int32_t j = M.jeugdige[i];
    aanraking.clear();
    for (; i < M.size() && M.jeugdige[i] == j; ++i) {
      if (M.aanvang[i] > tot || M.einde[i] < van) continue;
      aanraking.voeg_toe(M.gemeente[i], 1u << M.soort[i]);
    }
    if (aanraking.empty()) continue;
    aanraking.per_niveau(s, G, R, [&](size_t lv, uint32_t bits) {
      const auto jb = static_cast<uint32_t>(model::Maatregel::kJeugdbescherming);
      const auto jr = static_cast<uint32_t>(model::Maatregel::kJeugdreclassering);
      t[lv].jeugdbescherming += (bits >> jb) & 1u;
      t[lv].jeugdreclassering += (bits >> jr) & 1u;
    });
  }

  // ---- kosten: accepted prestaties with a begindatum in the period ----
  const auto& K = s.kosten;
  constexpr uint32_t kIedereBit = 8;  // any prestatie; bits 0-7 per hulpvorm
  for (size_t i = 0; i < K.size();) {
    const int32_t j = K.jeugdige[i];
    aanraking.clear();
    for (; i < K.size() && K.jeugdige[i] == j; ++i) {
      if (K.datum[i] < van || K.datum[i] > tot) continue;
      const int hv = model::hulpvorm_index(K.hulpvorm[i]);
      Telling& c = t[K.gemeente[i]];
      c.kosten_cent += K.bedrag_cent[i];
      uint32_t bits = 1u << kIedereBit;
      if (hv >= 0) {
        c.hv_kosten_cent[static_cast<size_t>(hv)] += K.bedrag_cent[i];
        bits |= 1u << hv;
      }
      aanraking.voeg_toe(K.gemeente[i], bits);
    }
    if (aanraking.empty()) continue;
    aanraking.per_niveau(s, G, R, [&](size_t lv, uint32_t bits) {
      Telling& c = t[lv];
      c.kosten_clienten += (bits >> kIedereBit) & 1u;
      for (uint32_t b = 0; b < 8; ++b) c.hv_kosten_clienten[b] += (bits >> b) & 1u;
    });
  }

  // ---- additive counts of the gemeenten into their regio and the total ----
  for (size_t g = 0; g < G; ++g) {
    tel_op(t[G + s.gemeente_regio[g]], t[g]);
    tel_op(t[G + R], t[g]);
  }

  // ---- population 0-17 on 1 January of the period's year ----
  for (size_t g = 0; g < G; ++g) {
    const uint64_t b = s.bevolking_som(static_cast<uint16_t>(g), p.jaar(), 0, 17);
    t[g].bevolking0tot17 += b;
    t[G + s.gemeente_regio[g]].bevolking0tot17 += b;
    t[G + R].bevolking0tot17 += b;
  }

  Uitkomst u;
  u.periode = p;
  u.gemeenten.resize(G);
  u.regios.resize(R);
  for (size_t r = 0; r < R; ++r) {
    Niveau& nv = u.regios[r];
    nv.soort = Niveau::Soort::kRegio;
    nv.naam = s.regio_naam[r];
    nv.t = t[G + r];
  }
  for (size_t g = 0; g < G; ++g) {
    Niveau& nv = u.gemeenten[g];
    nv.soort = Niveau::Soort::kGemeente;
    nv.code = s.gemeente_code[g];
    nv.naam = s.gemeente_naam[g];
    nv.regio = s.regio_naam[s.gemeente_regio[g]];
    nv.t = t[g];
    u.regios[s.gemeente_regio[g]].gemeenten.push_back(nv.code);
  }
  u.totaal.soort = Niveau::Soort::kTotaal;
  u.totaal.naam = "totaal";
  u.totaal.t = t[G + R];
  return u;
}

std::vector<Uitkomst> bereken(const model::Snapshot& s, const Afgeleid& afgeleid,
                              const std::vector<Periode>& perioden, unsigned draden) {
  std::vector<Uitkomst> u(perioden.size());
  parallel(perioden.size(), draden, [&](size_t i) { u[i] = bereken(s, afgeleid, perioden[i]); });
  return u;
}

}  // namespace jr::indicators
