#include "generate/regio.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace jr::generate {
namespace {

const char* const kHulpvormen[] = {"02", "03", "04", "11", "12", "13", "14"};

// Spreads `totaal_0_17` and `totaal_18_22` over the ages by the profile's weights.
std::array<double, 23> per_leeftijd(const std::vector<double>& profiel, double totaal_0_17,
                                    double totaal_18_22) {
  double s1 = 0, s2 = 0;
  for (int a = 0; a < 18; ++a) s1 += profiel[a];
  for (int a = 18; a < 23; ++a) s2 += profiel[a];
  std::array<double, 23> out{};
  for (int a = 0; a < 23; ++a)
    out[a] = a < 18 ? totaal_0_17 * profiel[a] / s1 : totaal_18_22 * profiel[a] / s2;
  return out;
}

std::string two_digits(size_t n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

}  // namespace

int64_t Regio::aantal(size_t g, int jaar, int leeftijd) const {
  const double f = std::pow(1.0 + groei_per_jaar, jaar - referentiejaar);
  return std::llround(gemeenten[g].basis[leeftijd] * f);
}

int64_t Regio::aantal_0_17(size_t g, int jaar) const {
  int64_t n = 0;
  for (int a = 0; a < 18; ++a) n += aantal(g, jaar, a);
  return n;
}

std::vector<std::string> regio_namen(const Parameters& p) {
  std::vector<std::string> out;
  for (const auto& [k, v] : p.regios) out.push_back(k);
  return out;
}

Result<Regio> bouw_regio(const std::string& naam, const Parameters& p, const ijw::Codelijsten& c,
                         double schaal, Rng& rng) {
  auto it = p.regios.find(naam);
  if (it == p.regios.end()) return NotFound("onbekende regio: " + naam);
  if (!(schaal > 0)) return InvalidArgument("--schaal moet groter zijn dan 0");
  const RegioParam& rp = it->second;
  Regio r;
  r.naam = naam;
  r.referentiejaar = rp.referentiejaar;
  r.groei_per_jaar = p.groei_per_jaar;
  r.pct_jeugdbescherming = rp.pct_jeugdbescherming;
  r.pct_jeugdreclassering = rp.pct_jeugdreclassering;
  r.pct_met_verblijf = rp.pct_met_verblijf;

  auto add = [&](const GemeenteParam& gp) -> Status {
    auto gi = c.gemeenten.find(gp.code);
    if (gi == c.gemeenten.end()) return NotFound("gemeente niet in de codelijst: " + gp.code);
    Gemeente g;
    g.code = gp.code;
    g.naam = gi->second.naam;
    g.regio = gi->second.jeugdzorgregio;
    const double n017 = static_cast<double>(gp.jeugdigen_0_17) * schaal;
    const double n1822 = gp.jongvolwassenen_18_22 >= 0
                             ? static_cast<double>(gp.jongvolwassenen_18_22) * schaal
                             : n017 * p.verhouding_18_22;
    g.basis = per_leeftijd(p.leeftijdsprofiel, n017, n1822);
    g.pct_jeugdhulp = gp.pct_jeugdhulp;
    r.gemeenten.push_back(std::move(g));
    return Status::Ok();
  };

  if (!rp.gemeenten.empty()) {
    for (const auto& gp : rp.gemeenten) JR_RETURN_IF_ERROR(add(gp));
  } else {
    // All gemeenten of the codelist: the published ones fixed, the others drawn
    // log-normally and scaled so that the national 0-17 total matches.
    // Published sizes are moved from their own reference year to this one.
    std::map<std::string, GemeenteParam> vast;
    for (const auto& [k, reg] : p.regios)
      for (GemeenteParam gp : reg.gemeenten) {
        const double f = std::pow(1.0 + p.groei_per_jaar, rp.referentiejaar - reg.referentiejaar);
        gp.jeugdigen_0_17 = std::llround(static_cast<double>(gp.jeugdigen_0_17) * f);
        if (gp.jongvolwassenen_18_22 >= 0)
          gp.jongvolwassenen_18_22 =
              std::llround(static_cast<double>(gp.jongvolwassenen_18_22) * f);
        vast[gp.code] = gp;
      }
    double vast_totaal = 0;
    for (const auto& [code, gp] : vast)
      if (c.gemeenten.count(code)) vast_totaal += static_cast<double>(gp.jeugdigen_0_17);
    std::vector<std::pair<std::string, double>> getrokken;
    double som = 0;
    for (const auto& [code, info] : c.gemeenten) {
      if (vast.count(code)) continue;
      const double w = rng.lognormal(1.0, p.nl_grootte_sigma);
      getrokken.emplace_back(code, w);
      som += w;
    }
    const double rest = std::max(0.0, static_cast<double>(p.nl_totaal_0_17) - vast_totaal);
    std::map<std::string, GemeenteParam> alle = vast;
    for (const auto& [code, w] : getrokken) {
      double pct = p.pct_jeugdhulp_nl + p.nl_pct_spreiding * rng.normal();
      pct = std::clamp(pct, 6.0, 17.0);
      alle[code] = GemeenteParam{code, std::max<int64_t>(50, std::llround(rest * w / som)),
                                 std::round(pct * 10) / 10, -1};
    }
    for (const auto& [code, gp] : alle)
      if (c.gemeenten.count(code)) JR_RETURN_IF_ERROR(add(gp));
  }
  std::sort(r.gemeenten.begin(), r.gemeenten.end(),
            [](const Gemeente& a, const Gemeente& b) { return a.code < b.code; });

  // Aanbieders per jeugdzorgregio, in order of the regio's name.
  std::map<std::string, double> regio_0_17;
  for (size_t g = 0; g < r.gemeenten.size(); ++g) {
    double n = 0;
    for (int a = 0; a < 18; ++a) n += r.gemeenten[g].basis[a];
    regio_0_17[r.gemeenten[g].regio] += n;
  }
  int64_t volgnr = 1;
  auto agb = [&] {
    const std::string s = std::to_string(volgnr++);
    return "99" + std::string(6 - s.size(), '0') + s;
  };
  for (const auto& [regionaam, n017] : regio_0_17) {
    const int n = std::max(p.min_aanbieders_per_regio,
                           static_cast<int>(std::lround(n017 / p.jeugdigen_per_aanbieder)));
    const size_t eerste = r.aanbieders.size();
    for (int i = 0; i < n; ++i) {
      Aanbieder a;
      a.agb = agb();
      a.naam = "Jeugdhulp " + regionaam + " " + two_digits(static_cast<size_t>(i + 1));
      a.soort = "aanbieder";
      a.regio = regionaam;
      for (const char* h : kHulpvormen)
        if (rng.chance(p.kans_hulpvorm_per_aanbieder)) a.hulpvormen.push_back(h);
      a.grootte = rng.lognormal(1.0, p.aanbieder_grootte_sigma);
      r.aanbieders.push_back(std::move(a));
    }
    // Every hulpvorm is offered by at least one aanbieder of the regio.
    for (const char* h : kHulpvormen) {
      bool found = false;
      for (size_t i = eerste; i < r.aanbieders.size(); ++i)
        found = found || std::count(r.aanbieders[i].hulpvormen.begin(),
                                    r.aanbieders[i].hulpvormen.end(), h) > 0;
      if (!found) {
        auto& a = r.aanbieders[eerste + static_cast<size_t>(rng.between(0, n - 1))];
        a.hulpvormen.push_back(h);
      }
    }
    for (size_t i = eerste; i < r.aanbieders.size(); ++i)
      std::sort(r.aanbieders[i].hulpvormen.begin(), r.aanbieders[i].hulpvormen.end());
    for (int i = 0; i < p.gi_per_regio; ++i) {
      Aanbieder a;
      a.agb = agb();
      a.naam =
          "Gecertificeerde instelling " + regionaam + " " + two_digits(static_cast<size_t>(i + 1));
      a.soort = "gi";
      a.regio = regionaam;
      a.grootte = 1;
      r.aanbieders.push_back(std::move(a));
    }
  }

  r.producten = p.producten;
  r.producten.push_back(p.jeugdbescherming);
  r.producten.push_back(p.jeugdreclassering);
  return r;
}

}  // namespace jr::generate
