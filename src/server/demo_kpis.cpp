#include "server/demo_kpis.h"

#include <algorithm>
#include <cmath>

namespace jr::server {

// Not seeded, because jeugdregie has no data for them: Zutphen's voortijdig schoolverlaters
// and jeugdwerkloosheid (education and labour statistics), indicaties door toegang and door
// huisartsen and the shift from heavy to light care (nulmeting 2021 and ambitie "nog te
// bepalen"), hermeldingen bij Veilig Thuis (no Veilig Thuis data yet); Nijmegen's duration of
// J&O and J-LVB stays (product-specific durations, not a CBS indicator) and the transition at
// 18 (qualitative).
std::vector<DemoKpi> demo_kpis() {
  const std::string zutphen = "Beleidsplan jeugd Zutphen 2021-2024, hoofdstuk 7";
  const std::string nijmegen = "Transformatieplan Rijk van Nijmegen, hoofdstuk 6";
  auto kpi = [](std::string naam, std::string indicator, std::optional<std::string> gemeente,
                double v0, std::string p0, double v1, int jaar, std::string bron,
                std::string toelichting) {
    Kpi k;
    k.naam = std::move(naam);
    k.indicator = std::move(indicator);
    k.gemeente = std::move(gemeente);
    k.nulmeting_waarde = v0;
    k.nulmeting_periode = std::move(p0);
    k.ambitie_waarde = v1;
    k.ambitie_jaar = jaar;
    k.bron = std::move(bron);
    k.toelichting = std::move(toelichting);
    return DemoKpi{k, std::nullopt};
  };
  auto relatief = [&](DemoKpi d, double pct) {
    d.verandering_pct = pct;
    return d;
  };
  return {
      kpi("Daling % kinderen en jongeren met jeugdhulp", "pctJongerenMetJeugdhulp", "0301", 11.1,
          "2020H1", 10.0, 2024, zutphen, "Versterken pedagogische samenleving."),
      kpi("Minder kinderen en jongeren met jeugdhulp", "jongerenMetJeugdhulp", "0301", 1678, "2019",
          1500, 2024, zutphen, "Unieke cliënten met jeugdhulp per jaar."),
      kpi("Minder uitgaven jeugdhulp", "kostenTotaal", "0301", 16600000, "2020", 14900000, 2024,
          zutphen, "Uitgaven per jaar aan zorg in natura (hier: gedeclareerd, zonder pgb)."),
      kpi("Minder kinderen met een jeugdbeschermingsmaatregel", "pctJeugdbescherming", "0301", 1.5,
          "2020H1", 1.3, 2024, zutphen, "Toegenomen veiligheid."),
      relatief(kpi("Voorkomen van uithuisplaatsingen: krimp residentiële zorg",
                   "trajectenResidentieel", std::nullopt, 0, "2017", 0, 2021, nijmegen,
                   "Resultaat 1: krimp van 5-7% op het volume residentiële zorg t.o.v. 2017."),
               -6),
      relatief(
          kpi("Meer gezinsvormen: groei pleegzorg", "trajectenPleegzorg", std::nullopt, 0, "2017",
              0, 2021, nijmegen, "Resultaat 2: groei van 11% op pleegzorg t.o.v. 2017."),
          11),
      relatief(
          kpi("Meer gezinsvormen: groei gezinshuizen", "trajectenGezinshuis", std::nullopt, 0,
              "2017", 0, 2021, nijmegen, "Resultaat 2: groei van 3% op gezinshuizen t.o.v. 2017."),
          3),
      relatief(kpi("Minder jeugdbeschermingsmaatregelen", "jeugdbescherming", std::nullopt, 0,
                   "2017", 0, 2020, nijmegen,
                   "Resultaat 5: 10% minder inzet van dwangmaatregelen in 2020 t.o.v. 2017."),
               -10),
  };
}

Result<int> zaai_demo_kpis(Databron& bron) {
  auto bestaand = bron.met_kpis([](store::Kpiregister& r) { return r.kpis(std::nullopt); });
  if (!bestaand.ok()) return bestaand.status();
  if (!bestaand->empty()) return 0;
  auto perioden = bron.perioden();
  if (!perioden.ok()) return perioden.status();
  // Complete years: both half years in the data.
  std::vector<std::string> jaren;
  for (const auto& j : perioden->jaren) {
    const auto& hj = perioden->halfjaren;
    if (std::find(hj.begin(), hj.end(), j + "H1") != hj.end() &&
        std::find(hj.begin(), hj.end(), j + "H2") != hj.end())
      jaren.push_back(j);
  }
  int n = 0;
  for (auto& d : demo_kpis()) {
    Kpi& k = d.kpi;
    if (d.verandering_pct) {
      if (jaren.empty()) continue;  // nothing to measure a nulmeting in
      std::string jaar = k.nulmeting_periode;
      if (std::find(jaren.begin(), jaren.end(), jaar) == jaren.end()) {
        const int verschuiving = std::stoi(jaren.front()) - std::stoi(jaar);
        k.ambitie_jaar += verschuiving;
        k.toelichting += " In de demo begint de data later: nulmeting " + jaren.front() +
                         " in plaats van " + jaar + ", ambitie " + std::to_string(k.ambitie_jaar) +
                         ".";
        jaar = jaren.front();
      }
      auto doc = bron.indicatoren({jaar, std::nullopt, false});
      if (!doc.ok()) return doc.status();
      const auto* regio = (*doc)->niveau(std::nullopt);
      auto v =
          indicators::kpi_waarde(indicators::toon(regio->t, (*doc)->openbaarheid), k.indicator);
      if (!v) continue;
      k.nulmeting_periode = jaar;
      k.nulmeting_waarde = *v;
      k.ambitie_waarde = std::round(*v * (1.0 + *d.verandering_pct / 100.0));
    }
    auto r = bron.met_kpis([&](store::Kpiregister& reg) { return reg.maak_kpi(k); });
    if (!r.ok()) return r.status();
    ++n;
  }
  return n;
}

}  // namespace jr::server
