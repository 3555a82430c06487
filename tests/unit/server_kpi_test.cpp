// The KPI status against the straight path from nulmeting to ambitie (seed 002 ch. 7: a KPI
// is an indicator with a nulmeting and an ambitie; seed 003 ch. 6: the five results).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/codes.h"
#include "server/kpi.h"

namespace jr::server {
namespace {

Kpi zutphen_jeugdhulp() {
  // seed 002 ch. 7: % kinderen/jongeren met jeugdhulp 11,1% (2020) -> 10% in 2024.
  Kpi k;
  k.naam = "Daling % jongeren met jeugdhulp";
  k.indicator = "pctJongerenMetJeugdhulp";
  k.gemeente = "0301";
  k.nulmeting_waarde = 11.1;
  k.nulmeting_periode = "2020";
  k.ambitie_waarde = 10.0;
  k.ambitie_jaar = 2024;
  return k;
}

TEST(KpiStatus, PathRunsFromEndOfNulmetingYearToEndOfAmbitieYear) {
  Kpi k = zutphen_jeugdhulp();
  // End of 2022 is half way from end 2020 to end 2024: expected 10.55.
  auto b = beoordeel(k, "2022", 10.55);
  ASSERT_TRUE(b.verwacht);
  EXPECT_NEAR(*b.verwacht, 10.55, 1e-9);
  EXPECT_EQ(b.status, KpiStatus::kOpKoers);
}

TEST(KpiStatus, LowerIsBetterWhenAmbitieBelowNulmeting) {
  Kpi k = zutphen_jeugdhulp();
  EXPECT_EQ(beoordeel(k, "2022", 10.2).status, KpiStatus::kOpKoers);  // ahead of the path
  // Planned change 1.1; a quarter is 0.275. Behind by 0.2: risico; by 0.3: uit koers.
  EXPECT_EQ(beoordeel(k, "2022", 10.75).status, KpiStatus::kRisico);
  EXPECT_EQ(beoordeel(k, "2022", 10.85).status, KpiStatus::kUitKoers);
}

TEST(KpiStatus, HigherIsBetterWhenAmbitieAboveNulmeting) {
  // seed 003 ch. 6.2: pleegzorg grows from 175 (2017) to 195 (2021).
  Kpi k;
  k.naam = "Groei pleegzorg";
  k.indicator = "trajectenPleegzorg";
  k.nulmeting_waarde = 175;
  k.nulmeting_periode = "2017";
  k.ambitie_waarde = 195;
  k.ambitie_jaar = 2021;
  // End 2019: half way, expected 185; a quarter of the change is 5.
  EXPECT_EQ(beoordeel(k, "2019", 186).status, KpiStatus::kOpKoers);
  EXPECT_EQ(beoordeel(k, "2019", 181).status, KpiStatus::kRisico);
  EXPECT_EQ(beoordeel(k, "2019", 179).status, KpiStatus::kUitKoers);
}

TEST(KpiStatus, AfterTheAmbitieYearThePathHoldsTheAmbitie) {
  Kpi k = zutphen_jeugdhulp();
  auto b = beoordeel(k, "2026", 10.0);
  EXPECT_NEAR(*b.verwacht, 10.0, 1e-9);
  EXPECT_EQ(b.status, KpiStatus::kOpKoers);
}

TEST(KpiStatus, HalfYearPeriodsEndInJuneOrDecember) {
  Kpi k = zutphen_jeugdhulp();
  k.nulmeting_periode = "2020H1";                 // ends 2020.5; ambitie ends 2025.0
  auto b = beoordeel(k, "2022H2", std::nullopt);  // 2023.0: 2.5 of 4.5 years
  EXPECT_NEAR(*b.verwacht, 11.1 - 1.1 * 2.5 / 4.5, 1e-9);
  EXPECT_EQ(b.status, KpiStatus::kOnbekend);  // no realisatie
}

TEST(KpiStatus, NoPlannedChangeAllowsFivePercentOfTheNulmeting) {
  Kpi k = zutphen_jeugdhulp();
  k.ambitie_waarde = 11.1;
  EXPECT_EQ(beoordeel(k, "2022", 11.1).status, KpiStatus::kOpKoers);
  EXPECT_EQ(beoordeel(k, "2022", 11.5).status, KpiStatus::kRisico);
  EXPECT_EQ(beoordeel(k, "2022", 12.0).status, KpiStatus::kUitKoers);
}

TEST(KpiMeetperiode, SameKindAsTheNulmetingAndCompleteByTheChosenPeriod) {
  Kpi jaar = zutphen_jeugdhulp();
  EXPECT_EQ(meetperiode(jaar, "2024H1"), "2023");
  EXPECT_EQ(meetperiode(jaar, "2024H2"), "2024");
  EXPECT_EQ(meetperiode(jaar, "2024"), "2024");
  Kpi half = zutphen_jeugdhulp();
  half.nulmeting_periode = "2020H1";
  EXPECT_EQ(meetperiode(half, "2024"), "2024H2");
  EXPECT_EQ(meetperiode(half, "2024H1"), "2024H1");
  EXPECT_EQ(meetperiode(half, "2024H3"), "");
}

TEST(KpiValidatie, RejectsUnknownIndicatorBadGemeenteAndAmbitieBeforeNulmeting) {
  Kpi k = zutphen_jeugdhulp();
  EXPECT_TRUE(valideer(k).empty());
  k.indicator = "geluk";
  k.gemeente = "301";
  k.ambitie_jaar = 2019;
  auto f = valideer(k);
  std::vector<std::string> namen;
  for (const auto& p : f) namen.push_back(p.name);
  EXPECT_EQ(namen, (std::vector<std::string>{"indicator", "gemeente", "ambitie.jaar"}));
}

TEST(KpiJson, RoundTripsAndReportsTypeErrorsPerField) {
  Kpi k = zutphen_jeugdhulp();
  std::vector<OngeldigeParameter> f;
  Kpi terug = kpi_van_json(kpi_json(k), f);
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(terug.naam, k.naam);
  EXPECT_EQ(terug.gemeente, k.gemeente);
  EXPECT_EQ(terug.nulmeting_periode, "2020");
  EXPECT_EQ(terug.ambitie_jaar, 2024);
  auto slecht = nlohmann::json::parse(
      R"({"naam": 5, "indicator": "jongerenMetJeugdhulp", "nulmeting": {"waarde": "veel", "periode": "2020"}})");
  kpi_van_json(slecht, f);
  std::vector<std::string> namen;
  for (const auto& p : f) namen.push_back(p.name);
  EXPECT_EQ(namen, (std::vector<std::string>{"naam", "nulmeting.waarde", "ambitie"}));
}

// The KPI values are read from the typed figures of one level, as shown under disclosure
// control: a count of 10 or more is rounded to 5 for publiek, a smaller one hidden.
TEST(KpiIndicatorWaarde, ReadsTheTypedFigures) {
  using indicators::Openbaarheid;
  indicators::Telling t;
  t.bevolking0tot17 = 2000;
  t.jongeren = 250;
  t.jongeren0tot17 = 230;
  t.groep_jongeren = {200, 30};
  const auto i11 = static_cast<size_t>(model::hulpvorm_index(11));
  const auto i13 = static_cast<size_t>(model::hulpvorm_index(13));
  const auto i14 = static_cast<size_t>(model::hulpvorm_index(14));
  t.hv_trajecten[i11] = 12;
  t.hv_trajecten[i13] = 11;
  t.hv_trajecten[i14] = 4;
  t.jeugdbescherming = 30;
  t.kosten_cent = 250000000;
  t.kosten_clienten = 250;
  t.beeindigd = 20;
  t.duur_som = 20 * 180;
  t.reden = {15, 3, 1, 0, 1, 0};

  const auto intern = indicators::toon(t, Openbaarheid::kIntern);
  using indicators::kpi_waarde;
  EXPECT_EQ(kpi_waarde(intern, "pctJongerenMetJeugdhulp"), 11.5);  // 230 of 2000
  EXPECT_EQ(kpi_waarde(intern, "jongerenMetJeugdhulp"), 250.0);
  EXPECT_EQ(kpi_waarde(intern, "pctJongerenMetVerblijf"), 1.5);  // 30 of 2000
  EXPECT_EQ(kpi_waarde(intern, "pctJeugdbescherming"), 1.5);
  EXPECT_EQ(kpi_waarde(intern, "kostenTotaal"), 2500000.0);
  EXPECT_EQ(kpi_waarde(intern, "kostenPerClient"), 10000.0);
  EXPECT_EQ(kpi_waarde(intern, "trajectenPleegzorg"), 12.0);
  EXPECT_EQ(kpi_waarde(intern, "trajectenResidentieel"), 15.0);
  EXPECT_EQ(kpi_waarde(intern, "gemiddeldeDuurDagen"), 180.0);
  EXPECT_EQ(kpi_waarde(intern, "uitvalPct"), 25.0);  // reden 02-05: 5 of 20
  EXPECT_FALSE(kpi_waarde(intern, "onbekend"));

  const auto publiek = indicators::toon(t, Openbaarheid::kPubliek);
  EXPECT_EQ(kpi_waarde(publiek, "trajectenPleegzorg"), 10.0);     // 12 rounded to 5
  EXPECT_FALSE(kpi_waarde(publiek, "trajectenResidentieel"));     // 4 hidden: sum unknown
  EXPECT_EQ(kpi_waarde(publiek, "uitvalPct"), std::nullopt);      // 5 below 10
  EXPECT_EQ(kpi_waarde(publiek, "pctJongerenMetVerblijf"), 1.5);  // 30 shown as 30
  t.kosten_clienten = 9;  // costs of fewer than 10 cliënten are not shown
  EXPECT_FALSE(kpi_waarde(indicators::toon(t, Openbaarheid::kPubliek), "kostenPerClient"));
}

}  // namespace
}  // namespace jr::server
