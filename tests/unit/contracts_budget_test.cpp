// Plafond arithmetic (src/contracts/budget.h) and waiting times (wachttijd.h), without I/O:
// credit lines, a tariff change in the middle of the year, leap years, the forecast and the
// exhaustion date, signals at 80/90/100 %, and starts that never came.
#include <gtest/gtest.h>

#include "contracts/budget.h"
#include "contracts/wachttijd.h"

namespace jr::contracts {
namespace {

Tarievenboek boek_met(std::vector<Tarief> t) {
  Tarievenboek b;
  b[{"45", "45A03"}] = std::move(t);
  return b;
}

Verplichting per_dag(Date van, std::optional<Date> tot, int64_t volume = 1) {
  return {"11111111", "0268", "45", "45A03", van, tot, volume, "04", "1", std::nullopt};
}

Realisatie prestatie(Date begin, int64_t cent, std::string gemeente = "0268") {
  return {"11111111", std::move(gemeente), "45", "45A03", begin, begin.last_of_month(), cent};
}

// A leap year has 366 days of care: a toewijzing of one unit per day costs a day more.
TEST(Budget, SchrikkeljaarTeltDrieHonderdZesEnZestigDagen) {
  const auto boek = boek_met({{Date(2015, 1, 1), std::nullopt, 1000}});
  EXPECT_EQ(
      kosten(per_dag(Date(2024, 1, 1), std::nullopt), Date(2024, 1, 1), Date(2024, 12, 31), boek),
      366000);
  EXPECT_EQ(
      kosten(per_dag(Date(2023, 1, 1), std::nullopt), Date(2023, 1, 1), Date(2023, 12, 31), boek),
      365000);
  // 29 February is a day of care.
  EXPECT_EQ(kosten(per_dag(Date(2024, 2, 1), Date(2024, 2, 29)), Date(2024, 1, 1),
                   Date(2024, 12, 31), boek),
            29000);
}

// A new tariff from 1 July: each day is paid at the tariff valid that day.
TEST(Budget, TariefwijzigingHalverwegeHetJaar) {
  const auto boek = boek_met(
      {{Date(2024, 1, 1), Date(2024, 6, 30), 1000}, {Date(2024, 7, 1), std::nullopt, 1200}});
  Verplichting v = per_dag(Date(2024, 1, 1), std::nullopt, 7);
  v.frequentie = "2";  // 7 units per week: one a day
  // 182 days (January-June of a leap year) at 10.00 and 184 days at 12.00.
  EXPECT_EQ(kosten(v, Date(2024, 1, 1), Date(2024, 12, 31), boek), 182 * 1000 + 184 * 1200);
  auto s = bereken_jaarstand(2024, Date(2024, 6, 30), {"11111111", {}, {}}, {}, {v}, boek, 500000);
  EXPECT_EQ(s.verplicht, 184 * 1200);
  EXPECT_EQ(s.verplicht_per_maand[6], 31 * 1200);  // July
  EXPECT_EQ(s.verplicht_per_maand[5], 0);          // June is before gedeclareerd_tot
}

TEST(Budget, FrequentiePerMaandEnTotaal) {
  const auto boek = boek_met({{Date(2015, 1, 1), std::nullopt, 100}});
  Verplichting m = per_dag(Date(2024, 1, 1), Date(2024, 2, 29), 10);
  m.frequentie = "4";  // 10 per month, whatever the month's length
  EXPECT_EQ(kosten(m, Date(2024, 1, 1), Date(2024, 12, 31), boek), 2000);
  Verplichting t = per_dag(Date(2024, 3, 1), Date(2024, 3, 10), 50);
  t.frequentie = "6";  // 50 in total over ten days
  EXPECT_EQ(kosten(t, Date(2024, 1, 1), Date(2024, 3, 5), boek), 2500);
  Verplichting e = per_dag(Date(2024, 3, 1), Date(2024, 3, 31), 310);
  e.eenheid = "83";  // euro's: the volume is the amount
  e.frequentie = "6";
  EXPECT_EQ(kosten(e, Date(2024, 1, 1), Date(2024, 12, 31), boek), 31000);
}

// Credit lines count negative: a credited and re-declared month counts once, at the new amount.
TEST(Budget, CreditregelsTellenNegatief) {
  std::vector<Realisatie> r = {
      prestatie(Date(2026, 4, 1), 80000), prestatie(Date(2026, 4, 1), -80000),
      prestatie(Date(2026, 4, 1), 60000), prestatie(Date(2026, 5, 1), 10000)};
  auto s = bereken_jaarstand(2026, Date(2026, 5, 31), {"11111111", {}, {}}, r, {}, {}, 100000);
  EXPECT_EQ(s.gerealiseerd, 70000);
  EXPECT_EQ(s.gerealiseerd_per_maand[3], 60000);
  EXPECT_EQ(s.gerealiseerd_per_maand[4], 10000);
  EXPECT_DOUBLE_EQ(*s.gebruik_pct, 70.0);
  EXPECT_EQ(signaal(s.gebruik_pct), 0);
  // Prestaties after gedeclareerd_tot or in another year do not count.
  r.push_back(prestatie(Date(2026, 6, 1), 5000));
  r.push_back(prestatie(Date(2025, 12, 1), 5000));
  EXPECT_EQ(bereken_jaarstand(2026, Date(2026, 5, 31), {"11111111", {}, {}}, r, {}, {}, 100000)
                .gerealiseerd,
            70000);
}

// Forecast = realised up to the declared-to date + committed after it; the exhaustion date is
// the day the cumulative spend reaches the plafond.
TEST(Budget, PrognoseEnUitputtingsdatum) {
  const auto boek = boek_met({{Date(2015, 1, 1), std::nullopt, 1000}});
  std::vector<Realisatie> r = {prestatie(Date(2023, 1, 1), 31000),
                               prestatie(Date(2023, 2, 1), 28000),
                               prestatie(Date(2023, 3, 1), 31000)};
  auto s = bereken_jaarstand(2023, Date(2023, 3, 31), {"11111111", {}, {}}, r,
                             {per_dag(Date(2023, 1, 1), std::nullopt)}, boek, 100000);
  EXPECT_EQ(s.gerealiseerd, 90000);
  EXPECT_EQ(s.verplicht, 275 * 1000);  // 1 April - 31 December
  EXPECT_EQ(s.prognose, 365000);
  EXPECT_DOUBLE_EQ(*s.gebruik_pct, 90.0);
  EXPECT_EQ(signaal(s.gebruik_pct), 90);
  EXPECT_EQ(signaal(s.prognose_pct), 100);
  ASSERT_TRUE(s.uitputtingsdatum);
  EXPECT_EQ(*s.uitputtingsdatum, Date(2023, 4, 10));  // 90,000 + 10 days of 1,000
  EXPECT_FALSE(s.uitgeput);
  EXPECT_EQ(s.lopende_toewijzingen, 1);

  // Already exhausted in February: it happened before the declared-to date.
  auto vol = bereken_jaarstand(2023, Date(2023, 3, 31), {"11111111", {}, {}}, r, {}, boek, 40000);
  ASSERT_TRUE(vol.uitputtingsdatum);
  EXPECT_EQ(vol.uitputtingsdatum->month(), 2u);
  EXPECT_TRUE(vol.uitgeput);
  // A plafond the year never reaches has no exhaustion date.
  EXPECT_FALSE(bereken_jaarstand(2023, Date(2023, 3, 31), {"11111111", {}, {}}, r, {}, boek, 90001)
                   .uitputtingsdatum);
}

TEST(Budget, SignalenBijTachtigNegentigEnHonderdProcent) {
  EXPECT_EQ(signaal(std::nullopt), 0);
  EXPECT_EQ(signaal(79.99), 0);
  EXPECT_EQ(signaal(80.0), 80);
  EXPECT_EQ(signaal(89.9), 80);
  EXPECT_EQ(signaal(90.0), 90);
  EXPECT_EQ(signaal(99.99), 90);
  EXPECT_EQ(signaal(100.0), 100);
  EXPECT_EQ(signaal(250.0), 100);
}

// A plafond for one gemeente or productcategorie counts only that spend.
TEST(Budget, PlafondPerGemeenteOfCategorie) {
  std::vector<Realisatie> r = {prestatie(Date(2024, 1, 1), 1000, "0268"),
                               prestatie(Date(2024, 1, 1), 2000, "0209")};
  r.push_back(r[0]);
  r.back().categorie = "54";
  EXPECT_EQ(bereken_jaarstand(2024, Date(2024, 1, 31), {"11111111", "0268", {}}, r, {}, {}, 1)
                .gerealiseerd,
            2000);
  EXPECT_EQ(
      bereken_jaarstand(2024, Date(2024, 1, 31), {"11111111", {}, "45"}, r, {}, {}, 1).gerealiseerd,
      3000);
  EXPECT_EQ(
      bereken_jaarstand(2024, Date(2024, 1, 31), {"22222222", {}, {}}, r, {}, {}, 1).gerealiseerd,
      0);
}

TEST(Budget, ToetsVanEenNieuweToewijzing) {
  const auto boek = boek_met({{Date(2015, 1, 1), std::nullopt, 1000}});
  auto s = bereken_jaarstand(2024, Date(2024, 6, 30), {"11111111", {}, {}},
                             {prestatie(Date(2024, 1, 1), 150000)}, {}, boek, 200000);
  // 1 September - 31 December 2024: 122 days of 1,000.
  auto t = toets_toewijzing(s, per_dag(Date(2024, 9, 1), Date(2025, 3, 31)), boek);
  EXPECT_EQ(t.extra, 122000);
  EXPECT_EQ(t.nieuwe_prognose, 272000);
  EXPECT_TRUE(t.overschreden);
  EXPECT_DOUBLE_EQ(*t.nieuw_pct, 136.0);
  auto klein = toets_toewijzing(s, per_dag(Date(2024, 12, 1), Date(2024, 12, 31)), boek);
  EXPECT_FALSE(klein.overschreden);
}

TEST(Budget, UitgavenPerMaandEnAanbieder) {
  const auto boek = boek_met({{Date(2015, 1, 1), std::nullopt, 1000}});
  std::vector<Realisatie> r = {prestatie(Date(2024, 1, 1), 5000)};
  std::vector<Verplichting> v = {per_dag(Date(2024, 1, 1), Date(2024, 3, 10))};
  auto m = groepeer_uitgaven(2024, Date(2024, 1, 31), "maand", {}, {}, r, v, boek);
  ASSERT_EQ(m.size(), 12u);
  EXPECT_EQ(m[0].sleutel, "2024-01");
  EXPECT_EQ(m[0].gerealiseerd, 5000);
  EXPECT_EQ(m[0].verplicht, 0);
  EXPECT_EQ(m[1].verplicht, 29000);
  EXPECT_EQ(m[2].verplicht, 10000);
  auto a = groepeer_uitgaven(2024, Date(2024, 1, 31), "aanbieder", {}, {}, r, v, boek);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].sleutel, "11111111");
  EXPECT_EQ(a[0].gerealiseerd + a[0].verplicht, 44000);
  EXPECT_TRUE(
      groepeer_uitgaven(2024, Date(2024, 1, 31), "gemeente", "0209", {}, r, v, boek).empty());
}

// Waiting time: a start that never came (toewijzing ended without a JW305) is not a wait of
// the distribution and not on the wachtlijst; without an end it is still waiting.
TEST(Wachttijd, StartDieNooitKwam) {
  Wachtgeval g;
  g.aanmelding = Date(2024, 1, 10);
  g.toewijzing = Date(2024, 1, 20);
  EXPECT_EQ(fase(g, Date(2024, 1, 15)), Fase::kNogNiet);
  EXPECT_EQ(fase(g, Date(2024, 3, 1)), Fase::kWachtend);
  g.einddatum = Date(2024, 2, 29);
  EXPECT_EQ(fase(g, Date(2024, 2, 29)), Fase::kWachtend);
  EXPECT_EQ(fase(g, Date(2024, 3, 1)), Fase::kNooitGestart);
  g.start = Date(2024, 2, 1);
  EXPECT_EQ(fase(g, Date(2024, 3, 1)), Fase::kGestart);
  EXPECT_EQ(fase(g, Date(2024, 1, 31)), Fase::kWachtend);
}

TEST(Wachttijd, SpreidingMetNormEnKlassen) {
  const std::vector<int> dagen = {10, 20, 30, 40, 50, 200};
  const std::vector<int> norm(dagen.size(), 35);
  auto s = spreiding(dagen, norm);
  EXPECT_EQ(s.aantal, 6);
  EXPECT_DOUBLE_EQ(*s.gemiddeld, 350.0 / 6.0);
  EXPECT_EQ(*s.mediaan, 30);  // nearest rank: the 3rd of 6
  EXPECT_EQ(*s.p80, 50);      // ceil(4.8) = 5th
  EXPECT_EQ(*s.p90, 200);
  EXPECT_EQ(*s.maximum, 200);
  EXPECT_EQ(s.boven_norm, 3);
  EXPECT_DOUBLE_EQ(*s.pct_boven_norm, 50.0);
  // Classes: <2 weeks (10), 2-4 (20), 4-6 (30, 40), 6-8 (50), ... 26+ (200).
  EXPECT_EQ(s.klassen[0], 1);
  EXPECT_EQ(s.klassen[1], 1);
  EXPECT_EQ(s.klassen[2], 2);
  EXPECT_EQ(s.klassen[3], 1);
  EXPECT_EQ(s.klassen[7], 1);
  EXPECT_FALSE(spreiding({}, {}).mediaan);
}

TEST(Wachttijd, NormPerCategorie) {
  Normen n = {{"*", 10}, {"37", 2}};
  EXPECT_EQ(norm_dagen(n, "37"), 14);
  EXPECT_EQ(norm_dagen(n, "45"), 70);
  EXPECT_EQ(norm_dagen({}, "45"), 70);
}

}  // namespace
}  // namespace jr::contracts
