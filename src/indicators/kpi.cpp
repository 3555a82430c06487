#include "indicators/kpi.h"

#include <algorithm>
#include <cmath>

#include "domain/periode.h"
#include "model/codes.h"

namespace jr::indicators {
namespace {

std::optional<double> getal(const std::optional<uint64_t>& n) {
  if (!n) return std::nullopt;
  return static_cast<double>(*n);
}

// 100 * teller / the population 0-17; nullopt without either.
std::optional<double> pct_van_bevolking(const Cijfers& c, std::optional<double> teller) {
  if (!teller || c.bevolking0tot17 == 0) return std::nullopt;
  return 100.0 * *teller / static_cast<double>(c.bevolking0tot17);
}

// The sum of the trajecten of the hulpvormen `codes`; nullopt when one is suppressed.
std::optional<double> trajecten_van(const Cijfers& c, std::initializer_list<uint8_t> codes) {
  double som = 0;
  for (uint8_t code : codes) {
    const int i = model::hulpvorm_index(code);
    if (i < 0 || !c.hv_trajecten[static_cast<size_t>(i)]) return std::nullopt;
    som += static_cast<double>(*c.hv_trajecten[static_cast<size_t>(i)]);
  }
  return som;
}

std::optional<double> euro(const std::optional<int64_t>& cent) {
  if (!cent) return std::nullopt;
  return static_cast<double>(*cent) / 100.0;
}

double eind_van(const Periode& p) {
  // End of the period as a fractional year: 2020 -> 2021.0, 2020H1 -> 2020.5.
  return p.tot.month() == 6 ? p.jaar() + 0.5 : p.jaar() + 1.0;
}

std::optional<double> een_decimaal(std::optional<double> v) {
  if (!v) return std::nullopt;
  return std::round(*v * 10.0) / 10.0;
}

}  // namespace

const std::vector<KpiIndicator>& kpi_indicatoren() {
  static const std::vector<KpiIndicator> v = {
      {"pctJongerenMetJeugdhulp", "% jongeren (0-17) met jeugdhulp", "procent"},
      {"jongerenMetJeugdhulp", "Jongeren (0-22) met jeugdhulp", "aantal"},
      {"pctJongerenMetVerblijf", "% jongeren (0-17) met jeugdhulp met verblijf", "procent"},
      {"pctJeugdbescherming", "% jongeren (0-17) met jeugdbescherming", "procent"},
      {"jeugdbescherming", "Jongeren met jeugdbescherming", "aantal"},
      {"kostenTotaal", "Kosten jeugdhulp (gedeclareerd)", "euro"},
      {"kostenPerClient", "Kosten per cliënt", "euro"},
      {"trajectenPleegzorg", "Trajecten pleegzorg", "aantal"},
      {"trajectenGezinshuis", "Trajecten gezinsgericht verblijf (gezinshuis)", "aantal"},
      {"trajectenResidentieel", "Trajecten residentieel en gesloten verblijf", "aantal"},
      {"gemiddeldeDuurDagen", "Gemiddelde duur beëindigde trajecten", "dagen"},
      {"uitvalPct", "% voortijdig beëindigde trajecten", "procent"},
  };
  return v;
}

const KpiIndicator* zoek_kpi_indicator(std::string_view sleutel) {
  for (const auto& k : kpi_indicatoren())
    if (k.sleutel == sleutel) return &k;
  return nullptr;
}

std::optional<double> kpi_waarde(const Cijfers& c, std::string_view s) {
  if (s == "pctJongerenMetJeugdhulp") return c.pct_jongeren;
  if (s == "jongerenMetJeugdhulp") return getal(c.jongeren);
  // Distinct jongeren with verblijf (any of the hulpvormen 11-14) over the population.
  if (s == "pctJongerenMetVerblijf") return pct_van_bevolking(c, getal(c.groep_jongeren[1]));
  if (s == "pctJeugdbescherming") return pct_van_bevolking(c, getal(c.jeugdbescherming));
  if (s == "jeugdbescherming") return getal(c.jeugdbescherming);
  if (s == "kostenTotaal") return euro(c.kosten.totaal_cent);
  if (s == "kostenPerClient") return euro(c.kosten.per_client_cent);
  if (s == "trajectenPleegzorg") return trajecten_van(c, {11});
  if (s == "trajectenGezinshuis") return trajecten_van(c, {12});
  if (s == "trajectenResidentieel") return trajecten_van(c, {13, 14});
  if (s == "gemiddeldeDuurDagen") return c.gemiddelde_duur_dagen;
  if (s == "uitvalPct") return c.uitval_pct;
  return std::nullopt;
}

std::string_view kpi_status_naam(KpiStatus s) {
  switch (s) {
    case KpiStatus::kOpKoers:
      return "opKoers";
    case KpiStatus::kRisico:
      return "risico";
    case KpiStatus::kUitKoers:
      return "uitKoers";
    case KpiStatus::kOnbekend:
      break;
  }
  return "onbekend";
}

std::string meetperiode(const Koers& k, std::string_view gekozen) {
  auto g = lees_periode(gekozen);
  auto n = lees_periode(k.nulmeting_periode);
  if (!g.ok() || !n.ok()) return {};
  const bool nul_is_jaar = k.nulmeting_periode.size() == 4;
  const bool gek_is_jaar = gekozen.size() == 4;
  int jaar = g->jaar();
  if (nul_is_jaar) {
    // A whole year, complete by the end of the chosen period.
    if (!gek_is_jaar && gekozen.back() == '1') --jaar;
    return std::to_string(jaar);
  }
  if (gek_is_jaar) return std::to_string(jaar) + "H2";
  return std::string(gekozen);
}

KpiBeoordeling beoordeel(const Koers& k, std::string_view periode,
                         std::optional<double> realisatie) {
  KpiBeoordeling b;
  b.periode = std::string(periode);
  b.realisatie = realisatie;
  auto p = lees_periode(periode);
  auto n = lees_periode(k.nulmeting_periode);
  if (!p.ok() || !n.ok()) return b;
  const double t0 = eind_van(*n), t1 = k.ambitie_jaar + 1.0, t = eind_van(*p);
  if (t1 <= t0) return b;
  const double v0 = k.nulmeting_waarde, v1 = k.ambitie_waarde;
  const double f = std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
  b.verwacht = v0 + (v1 - v0) * f;
  if (!realisatie) return b;
  const double r = *realisatie;
  double achterstand;  // > 0: behind the path
  if (v1 < v0)
    achterstand = r - *b.verwacht;
  else if (v1 > v0)
    achterstand = *b.verwacht - r;
  else
    achterstand = std::abs(r - v0);
  const double marge = v1 != v0 ? 0.25 * std::abs(v1 - v0) : 0.05 * std::abs(v0);
  constexpr double kEps = 1e-9;
  if (achterstand <= kEps)
    b.status = KpiStatus::kOpKoers;
  else if (achterstand <= marge + kEps)
    b.status = KpiStatus::kRisico;
  else
    b.status = KpiStatus::kUitKoers;
  return b;
}

Kerncijfers kerncijfers(const Cijfers& c) {
  Kerncijfers k;
  k.jongeren = c.jongeren;
  k.bevolking0tot17 = c.bevolking0tot17;
  k.pct_jeugdhulp = een_decimaal(kpi_waarde(c, "pctJongerenMetJeugdhulp"));
  k.pct_verblijf = een_decimaal(kpi_waarde(c, "pctJongerenMetVerblijf"));
  k.pct_jeugdbescherming = een_decimaal(kpi_waarde(c, "pctJeugdbescherming"));
  if (auto kpc = kpi_waarde(c, "kostenPerClient")) k.kosten_per_client = std::llround(*kpc);
  return k;
}

}  // namespace jr::indicators
