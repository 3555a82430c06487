#include "contracts/wachttijd.h"

#include <algorithm>
#include <cmath>

namespace jr::contracts {

Fase fase(const Wachtgeval& g, Date peildatum) {
  if (peildatum < g.toewijzing) return Fase::kNogNiet;
  if (g.start && *g.start <= peildatum) return Fase::kGestart;
  if (g.einddatum && *g.einddatum < peildatum) return Fase::kNooitGestart;
  return Fase::kWachtend;
}

int norm_dagen(const Normen& normen, const std::string& categorie) {
  auto it = normen.find(categorie);
  if (it == normen.end()) it = normen.find("*");
  return it == normen.end() ? 70 : it->second * 7;
}

Spreiding spreiding(const std::vector<int>& dagen, const std::vector<int>& norm) {
  Spreiding s;
  s.aantal = static_cast<int64_t>(dagen.size());
  if (dagen.empty()) return s;
  std::vector<int> v = dagen;
  std::sort(v.begin(), v.end());
  double som = 0;
  for (size_t i = 0; i < dagen.size(); ++i) {
    som += dagen[i];
    if (dagen[i] > norm[i]) ++s.boven_norm;
    size_t k = 0;
    while (k < kKlasseGrenzenWeken.size() && dagen[i] >= kKlasseGrenzenWeken[k] * 7) ++k;
    ++s.klassen[k];
  }
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  auto rang = [&](double p) {
    size_t r = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::max<size_t>(r, 1) - 1];
  };
  s.gemiddeld = som / static_cast<double>(v.size());
  s.mediaan = rang(50);
  s.p80 = rang(80);
  s.p90 = rang(90);
  s.maximum = v.back();
  s.pct_boven_norm = 100.0 * static_cast<double>(s.boven_norm) / static_cast<double>(v.size());
  return s;
}

namespace {

struct Reeks {
  std::vector<int> totaal, norm, tot_toewijzing, tot_start;
  void voeg(int t, int n, int a, int s) {
    totaal.push_back(t);
    norm.push_back(n);
    tot_toewijzing.push_back(a);
    tot_start.push_back(s);
  }
  Wachtreeks reeks() const {
    return {spreiding(totaal, norm), spreiding(tot_toewijzing, tot_toewijzing).mediaan,
            spreiding(tot_start, tot_start).mediaan};
  }
};

std::map<std::string, Wachtreeks> reeksen(const std::map<std::string, Reeks>& m) {
  std::map<std::string, Wachtreeks> uit;
  for (const auto& [k, r] : m) uit.emplace(k, r.reeks());
  return uit;
}

}  // namespace

Wachtoverzicht wachtoverzicht(const std::vector<Wachtgeval>& gevallen, const Normen& normen,
                              Date peildatum, Date van, Date tot,
                              const std::optional<std::string>& gemeente,
                              const std::optional<std::string>& aanbieder) {
  Wachtoverzicht o;
  Reeks alles;
  std::map<std::string, Reeks> per_aanbieder, per_product, per_gemeente;
  for (const auto& g : gevallen) {
    if (gemeente && g.gemeente != *gemeente) continue;
    if (aanbieder && g.aanbieder != *aanbieder) continue;
    const int norm = norm_dagen(normen, g.categorie);
    const auto f = fase(g, peildatum);
    if (f == Fase::kWachtend) {
      ++o.wachtend;
      const bool boven = days_between(g.aanmelding, peildatum) > norm;
      o.wachtend_boven_norm += boven;
      ++o.wachtend_per_aanbieder[g.aanbieder];
    }
    if (f == Fase::kNooitGestart && tot >= g.toewijzing && g.einddatum && *g.einddatum >= van)
      ++o.nooit_gestart;
    if (!g.start || *g.start < van || tot < *g.start || peildatum < *g.start) continue;
    const int t = std::max(0, days_between(g.aanmelding, *g.start));
    const int a = std::max(0, days_between(g.aanmelding, g.toewijzing));
    const int s = std::max(0, days_between(g.toewijzing, *g.start));
    alles.voeg(t, norm, a, s);
    per_aanbieder[g.aanbieder].voeg(t, norm, a, s);
    per_product[g.categorie + " " + g.productcode].voeg(t, norm, a, s);
    per_gemeente[g.gemeente].voeg(t, norm, a, s);
  }
  o.totaal = alles.reeks();
  o.per_aanbieder = reeksen(per_aanbieder);
  o.per_product = reeksen(per_product);
  o.per_gemeente = reeksen(per_gemeente);
  return o;
}

}  // namespace jr::contracts
