#include "indicators/indicatoren.h"

#include <algorithm>

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
  for (size_t b = 0; b < n;) {
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
  return a;
}

Uitkomst bereken(const model::Snapshot& s, const Afgeleid& a, const Periode& p) {
  const size_t G = s.gemeente_code.size(), R = s.regio_naam.size(), L = G + R + 1;
  std::vector<Telling> t(L);
  const int32_t van = p.van.days(), tot = p.tot.days();
  auto niveaus = [&](uint16_t g, std::array<uint32_t, 3>& l) {
    l = {g, static_cast<uint32_t>(G + s.gemeente_regio[g]), static_cast<uint32_t>(G + R)};
  };
  std::vector<uint32_t> keys;  // level * 16 + slot, for distinct jeugdigen
  std::array<uint32_t, 3> l{};

  // ---- trajecten: one pass, grouped by jeugdige ----
  const auto& T = s.trajecten;
  const size_t n = T.size();
  for (size_t i = 0; i < n;) {
    const int32_t j = T.jeugdige[i];
    int32_t eerste = INT32_MAX;  // first day in the period with jeugdhulp
    keys.clear();
    for (; i < n && T.jeugdige[i] == j; ++i) {
      const int32_t aanvang = T.aanvang[i], einde = T.einde[i];
      if (aanvang > tot || einde < van) continue;
      const int hv = model::hulpvorm_index(T.hulpvorm[i]);
      const int groep = model::met_verblijf(T.hulpvorm[i]) ? 1 : 0;
      const int vw = model::verwijzer_index(T.verwijzer[i]);
      const bool begonnen = aanvang >= van, beeindigd = einde <= tot;
      niveaus(T.gemeente[i], l);
      for (uint32_t lv : l) {
        Telling& c = t[lv];
        ++c.totaal;
        ++c.hv_trajecten[static_cast<size_t>(hv)];
        ++c.groep_trajecten[static_cast<size_t>(groep)];
        ++c.verwijzer[static_cast<size_t>(vw)];
        if (begonnen) {
          ++c.begonnen;
          c.herhaald += a.herhaald[i];
          c.crisis += T.crisis[i];
        }
        if (beeindigd) {
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
        keys.push_back(lv * 16 + static_cast<uint32_t>(hv));
        keys.push_back(lv * 16 + 8 + static_cast<uint32_t>(groep));
        keys.push_back(lv * 16 + 15);
      }
      eerste = std::min(eerste, std::max(van, aanvang));
    }
    if (keys.empty() || eerste >= s.wordt23[static_cast<size_t>(j)]) continue;
    const bool jong = eerste < s.wordt18[static_cast<size_t>(j)];
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint32_t k : keys) {
      Telling& c = t[k >> 4];
      const uint32_t slot = k & 15;
      if (slot < 8)
        ++c.hv_jongeren[slot];
      else if (slot < 10)
        ++c.groep_jongeren[slot - 8];
      else {
        ++c.jongeren;
        if (jong) ++c.jongeren0tot17;
      }
    }
  }

  // ---- maatregelen: distinct jeugdigen per soort ----
  const auto& M = s.maatregelen;
  for (size_t i = 0; i < M.size();) {
    const int32_t j = M.jeugdige[i];
    keys.clear();
    for (; i < M.size() && M.jeugdige[i] == j; ++i) {
      if (M.aanvang[i] > tot || M.einde[i] < van) continue;
      niveaus(M.gemeente[i], l);
      for (uint32_t lv : l) keys.push_back(lv * 16 + M.soort[i]);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint32_t k : keys) {
      Telling& c = t[k >> 4];
      if ((k & 15) == static_cast<uint32_t>(model::Maatregel::kJeugdbescherming))
        ++c.jeugdbescherming;
      else
        ++c.jeugdreclassering;
    }
  }

  // ---- kosten: accepted prestaties with a begindatum in the period ----
  const auto& K = s.kosten;
  for (size_t i = 0; i < K.size();) {
    const int32_t j = K.jeugdige[i];
    keys.clear();
    for (; i < K.size() && K.jeugdige[i] == j; ++i) {
      if (K.datum[i] < van || K.datum[i] > tot) continue;
      const int hv = model::hulpvorm_index(K.hulpvorm[i]);
      niveaus(K.gemeente[i], l);
      for (uint32_t lv : l) {
        t[lv].kosten_cent += K.bedrag_cent[i];
        keys.push_back(lv * 16 + 15);
        if (hv >= 0) {
          t[lv].hv_kosten_cent[static_cast<size_t>(hv)] += K.bedrag_cent[i];
          keys.push_back(lv * 16 + static_cast<uint32_t>(hv));
        }
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (uint32_t k : keys) {
      Telling& c = t[k >> 4];
      if ((k & 15) == 15)
        ++c.kosten_clienten;
      else
        ++c.hv_kosten_clienten[k & 15];
    }
  }

  // ---- population 0-17 on 1 January of the period's year ----
  for (size_t g = 0; g < G; ++g) {
    const uint64_t b = s.bevolking_som(static_cast<uint16_t>(g), p.jaar(), 0, 17);
    niveaus(static_cast<uint16_t>(g), l);
    for (uint32_t lv : l) t[lv].bevolking0tot17 += b;
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

}  // namespace jr::indicators
