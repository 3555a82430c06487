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

}  // namespace jr::contracts
