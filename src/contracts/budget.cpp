#include "contracts/budget.h"

#include <algorithm>
#include <cmath>

namespace jr::contracts {

std::optional<int64_t> tarief_op(const Tarievenboek& boek, const std::string& categorie,
                                 const std::string& code, Date d) {
  auto it = boek.find({categorie, code});
  if (it == boek.end()) return std::nullopt;
  std::optional<int64_t> uit;
  for (const auto& t : it->second)  // ordered by van: the latest period that covers d wins
    if (t.van <= d && (!t.tot || d <= *t.tot)) uit = t.cent;
  return uit;
}

double dagkosten(const Verplichting& v, Date d, const Tarievenboek& boek, bool* zonder_tarief) {
  if (d < v.ingangsdatum || (v.einddatum && *v.einddatum < d)) return 0;
  // The share of the volume that falls on day d.
  double aandeel = 0;
  if (v.frequentie == "1") {
    aandeel = 1;
  } else if (v.frequentie == "2") {
    aandeel = 1.0 / 7.0;
  } else if (v.frequentie == "4") {
    aandeel = 1.0 / static_cast<double>(d.last_of_month().day());
  } else {
    // 6 (totaal binnen geldigheidsduur) or unknown: spread over the toewijzing's days; an
    // open end counts as one year.
    const Date eind = v.einddatum ? *v.einddatum : v.ingangsdatum.add_days(364);
    aandeel = 1.0 / static_cast<double>(days_between(v.ingangsdatum, eind) + 1);
  }
  if (v.volume <= 0) {
    if (!v.budget_cent) return 0;
    // A budget only: spread over the toewijzing like a total.
    const Date eind = v.einddatum ? *v.einddatum : v.ingangsdatum.add_days(364);
    return static_cast<double>(*v.budget_cent) /
           static_cast<double>(days_between(v.ingangsdatum, eind) + 1);
  }
  if (v.eenheid == "83") return static_cast<double>(v.volume) * 100.0 * aandeel;  // euro's
  auto t = tarief_op(boek, v.categorie, v.productcode, d);
  if (!t) {
    if (zonder_tarief) *zonder_tarief = true;
    return 0;
  }
  return static_cast<double>(v.volume) * aandeel * static_cast<double>(*t);
}

int64_t kosten(const Verplichting& v, Date van, Date tot, const Tarievenboek& boek) {
  double som = 0;
  const Date begin = std::max(van, v.ingangsdatum);
  const Date eind = v.einddatum ? std::min(tot, *v.einddatum) : tot;
  for (Date d = begin; d <= eind; d = d.add_days(1)) som += dagkosten(v, d, boek, nullptr);
  return std::llround(som);
}

bool PlafondScope::omvat(const std::string& a, const std::string& g, const std::string& c) const {
  return a == aanbieder && (!gemeente || *gemeente == g) && (!categorie || *categorie == c);
}

int signaal(std::optional<double> pct) {
  if (!pct) return 0;
  if (*pct >= 100.0) return 100;
  if (*pct >= 90.0) return 90;
  if (*pct >= 80.0) return 80;
  return 0;
}

Jaarstand bereken_jaarstand(int jaar, Date gedeclareerd_tot, const PlafondScope& scope,
                            const std::vector<Realisatie>& realisatie,
                            const std::vector<Verplichting>& lopend, const Tarievenboek& boek,
                            std::optional<int64_t> plafond) {
  Jaarstand s;
  s.jaar = jaar;
  const Date begin(jaar, 1, 1), eind(jaar, 12, 31);
  s.gedeclareerd_tot = std::clamp(gedeclareerd_tot, begin.add_days(-1), eind);
  s.plafond = plafond;
  const int32_t dagen = days_between(begin, eind) + 1;  // 365 or 366
  std::vector<double> per_dag(static_cast<size_t>(dagen), 0.0);

  for (const auto& r : realisatie) {
    if (!scope.omvat(r.aanbieder, r.gemeente, r.categorie)) continue;
    if (r.begindatum < begin || eind < r.begindatum || s.gedeclareerd_tot < r.begindatum) continue;
    s.gerealiseerd_per_maand[r.begindatum.month() - 1] += r.bedrag_cent;
    s.gerealiseerd += r.bedrag_cent;
    // Spread over the ProductPeriode's days inside the year, for the exhaustion date.
    const Date a = r.begindatum, b = std::min(std::max(r.einddatum, r.begindatum), eind);
    const double per = static_cast<double>(r.bedrag_cent) / (days_between(a, b) + 1);
    for (Date d = a; d <= b; d = d.add_days(1)) per_dag[days_between(begin, d)] += per;
  }

  std::array<double, 12> verplicht{};
  for (const auto& v : lopend) {
    if (!scope.omvat(v.aanbieder, v.gemeente, v.categorie)) continue;
    const Date van = std::max(s.gedeclareerd_tot.add_days(1), v.ingangsdatum);
    const Date tot = v.einddatum ? std::min(eind, *v.einddatum) : eind;
    if (tot < van) continue;
    ++s.lopende_toewijzingen;
    for (Date d = van; d <= tot; d = d.add_days(1)) {
      const double k = dagkosten(v, d, boek, &s.zonder_tarief);
      per_dag[days_between(begin, d)] += k;
      verplicht[d.month() - 1] += k;
    }
  }
  for (size_t m = 0; m < 12; ++m) {
    s.verplicht_per_maand[m] = std::llround(verplicht[m]);
    s.verplicht += s.verplicht_per_maand[m];
  }
  s.prognose = s.gerealiseerd + s.verplicht;

  if (plafond && *plafond > 0) {
    const double p = static_cast<double>(*plafond);
    s.gebruik_pct = 100.0 * static_cast<double>(s.gerealiseerd) / p;
    s.prognose_pct = 100.0 * static_cast<double>(s.prognose) / p;
    double cum = 0;
    for (int32_t i = 0; i < dagen; ++i) {
      cum += per_dag[static_cast<size_t>(i)];
      if (cum + 0.5 >= p) {  // whole cents
        s.uitputtingsdatum = begin.add_days(i);
        s.uitgeput = *s.uitputtingsdatum <= s.gedeclareerd_tot;
        break;
      }
    }
  }
  return s;
}

Toets toets_toewijzing(const Jaarstand& stand, const Verplichting& nieuw,
                       const Tarievenboek& boek) {
  Toets t;
  t.extra = kosten(nieuw, Date(stand.jaar, 1, 1), Date(stand.jaar, 12, 31), boek);
  t.nieuwe_prognose = stand.prognose + t.extra;
  if (stand.plafond && *stand.plafond > 0) {
    t.nieuw_pct =
        100.0 * static_cast<double>(t.nieuwe_prognose) / static_cast<double>(*stand.plafond);
    t.overschreden = t.nieuwe_prognose > *stand.plafond;
  }
  return t;
}

std::vector<Uitgavenregel> groepeer_uitgaven(int jaar, Date gedeclareerd_tot,
                                             const std::string& groepering,
                                             const std::optional<std::string>& gemeente,
                                             const std::optional<std::string>& aanbieder,
                                             const std::vector<Realisatie>& realisatie,
                                             const std::vector<Verplichting>& lopend,
                                             const Tarievenboek& boek) {
  const Date begin(jaar, 1, 1), eind(jaar, 12, 31);
  const Date tot = std::clamp(gedeclareerd_tot, begin.add_days(-1), eind);
  auto sleutel = [&](const std::string& a, const std::string& g, const std::string& c,
                     const std::string& p, Date d) {
    if (groepering == "gemeente") return g;
    if (groepering == "product") return c + " " + p;
    if (groepering == "maand") return d.iso().substr(0, 7);
    return a;
  };
  auto binnen = [&](const std::string& a, const std::string& g) {
    return (!gemeente || *gemeente == g) && (!aanbieder || *aanbieder == a);
  };
  std::map<std::string, std::pair<int64_t, double>> som;
  if (groepering == "maand")
    for (unsigned m = 1; m <= 12; ++m) som[Date(jaar, m, 1).iso().substr(0, 7)];
  for (const auto& r : realisatie) {
    if (!binnen(r.aanbieder, r.gemeente)) continue;
    if (r.begindatum < begin || eind < r.begindatum || tot < r.begindatum) continue;
    som[sleutel(r.aanbieder, r.gemeente, r.categorie, r.productcode, r.begindatum)].first +=
        r.bedrag_cent;
  }
  for (const auto& v : lopend) {
    if (!binnen(v.aanbieder, v.gemeente)) continue;
    const Date van = std::max(tot.add_days(1), v.ingangsdatum);
    const Date t = v.einddatum ? std::min(eind, *v.einddatum) : eind;
    for (Date d = van; d <= t; d = d.add_days(1))
      som[sleutel(v.aanbieder, v.gemeente, v.categorie, v.productcode, d)].second +=
          dagkosten(v, d, boek, nullptr);
  }
  std::vector<Uitgavenregel> uit;
  for (const auto& [k, w] : som) uit.push_back({k, w.first, std::llround(w.second)});
  return uit;
}

}  // namespace jr::contracts
