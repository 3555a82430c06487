// Property test: random streams of toewijzingen, verzoeken, starts (some removed), stops (some
// corrected), wijkteam care and declaraties, written to a store, give exactly the indicators
// of the slow reference implementation (indicatoren_referentie.h) for every gemeente and in
// total, in every half year and year.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "indicatoren_fixture.h"
#include "indicatoren_referentie.h"

using namespace jr;
using jr::testing::IndicatorGegevens;

namespace {

#define JR_VERGELIJK(veld) EXPECT_EQ(model.veld, ref.veld) << #veld
void vergelijk(const indicators::Telling& model, const indicators::Telling& ref) {
  JR_VERGELIJK(jongeren);
  JR_VERGELIJK(jongeren0tot17);
  JR_VERGELIJK(totaal);
  JR_VERGELIJK(begonnen);
  JR_VERGELIJK(beeindigd);
  JR_VERGELIJK(lopend_einde);
  JR_VERGELIJK(hv_jongeren);
  JR_VERGELIJK(hv_trajecten);
  JR_VERGELIJK(groep_jongeren);
  JR_VERGELIJK(groep_trajecten);
  JR_VERGELIJK(verwijzer);
  JR_VERGELIJK(reden);
  JR_VERGELIJK(duur_som);
  JR_VERGELIJK(duurklassen);
  JR_VERGELIJK(herhaald);
  JR_VERGELIJK(crisis);
  JR_VERGELIJK(geen_nieuwe_start);
  JR_VERGELIJK(jeugdbescherming);
  JR_VERGELIJK(jeugdreclassering);
  JR_VERGELIJK(kosten_cent);
  JR_VERGELIJK(kosten_clienten);
  JR_VERGELIJK(hv_kosten_cent);
  JR_VERGELIJK(hv_kosten_clienten);
}
#undef JR_VERGELIJK

void draai(uint64_t seed) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  auto kies = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  IndicatorGegevens d;
  referentie::Feiten f;
  const std::vector<std::string> gemeenten = {"0001", "0002", "0003"};
  d.gemeente("0001", "Een", "Noord");
  d.gemeente("0002", "Twee", "Noord");
  d.gemeente("0003", "Drie", "Zuid");
  d.product("45", "45A", std::string("04"));
  d.product("46", "46A", std::string("14"));
  d.product("54", "54A", std::nullopt);
  f.catalogus = {{"45|45A", "04"}, {"46|46A", "14"}, {"54|54A", ""}};
  const std::vector<std::string> aanbieders = {"10000001", "10000002", "10000003"};
  const std::vector<std::string> categorieen = {"31", "32", "32", "33", "34", "35", "36",
                                                "37", "38", "45", "46", "47", "48", "54"};
  const std::vector<std::string> jz588 = {"31", "31", "32", "33", "34", "35",
                                          "02", "20", "36", "37", "38", "39"};
  const std::vector<std::string> verwijzers = {"01", "02", "03", "04", "05", "06", "08"};
  const Date eerste(2018, 1, 1);
  auto datum = [&] { return eerste.add_days(kies(8 * 365)); };
  // No two deliveries of one jeugdige start on the same day: keeps ties out of the merge.
  // Often a start near an edge of an earlier einde of the same jeugdige: the day after or the
  // one after that (herhaald beroep needs a free day), five years on, the end of the following
  // half year (geen nieuwe start).
  std::set<std::pair<int64_t, int32_t>> gebruikt;
  std::vector<Date> eindes;  // of the current jeugdige
  auto vrije_begin = [&](int64_t k) {
    for (int poging = 0;; ++poging) {
      Date b = datum();
      if (!eindes.empty() && poging < 5 && kies(2) == 0) {
        Date e = eindes[static_cast<size_t>(kies(static_cast<int>(eindes.size())))];
        switch (kies(3)) {
          case 0:
            b = e.add_days(kies(3));
            break;
          case 1:
            b = e.add_days(1825 + kies(4));
            break;
          default:
            b = referentie::einde_volgend_halfjaar(e).add_days(kies(3) - 1);
            break;
        }
      }
      if (gebruikt.insert({k, b.days()}).second) return b;
    }
  };
  const int kinderen = 25 + kies(15);
  int referentie = 0;
  for (int i = 0; i < kinderen; ++i) {
    Date geboren = Date(1999, 1, 1).add_days(kies(21 * 365));
    int64_t k = d.kind(geboren, i);
    eindes.clear();
    f.geboren[k] = geboren;
    const int n = kies(7);
    for (int t = 0; t < n; ++t) {
      referentie::Levering l;
      l.jeugdige = k;
      l.gemeente = gemeenten[static_cast<size_t>(kies(3))];
      l.aanbieder = aanbieders[static_cast<size_t>(kies(3))];
      l.categorie = categorieen[static_cast<size_t>(kies(static_cast<int>(categorieen.size())))];
      l.productcode = l.categorie + "A";
      std::optional<std::string> ref;
      if (kies(2) == 0) {
        ref = "R" + std::to_string(++referentie);
        l.verwijzer = verwijzers[static_cast<size_t>(kies(7))];
        d.verzoek(k, l.gemeente, l.aanbieder, *ref, l.verwijzer);
      }
      int64_t nr = d.toewijzing(k, l.gemeente, l.aanbieder, l.categorie, l.productcode, ref);
      const int starts = 1 + kies(2);
      for (int s = 0; s < starts; ++s) {
        l.begin = vrije_begin(k);
        const std::string b = l.begin.iso();
        if (kies(10) == 0) {  // removed start: delivers nothing
          d.start(k, l.gemeente, l.aanbieder, nr, b, false);
          continue;
        }
        d.start(k, l.gemeente, l.aanbieder, nr, b);
        l.einde.reset();
        l.jz588.clear();
        if (kies(5) != 0) {
          if (kies(10) == 0)  // a stop later corrected
            d.stop(k, l.gemeente, l.aanbieder, nr, b, l.begin.add_days(kies(30)).iso(), "33",
                   false);
          l.einde = l.begin.add_days(kies(3) == 0 ? kies(20) : kies(800));
          l.jz588 = jz588[static_cast<size_t>(kies(static_cast<int>(jz588.size())))];
          d.stop(k, l.gemeente, l.aanbieder, nr, b, l.einde->iso(), l.jz588);
          eindes.push_back(*l.einde);
        }
        f.leveringen.push_back(l);
      }
    }
    if (kies(3) == 0) {
      for (int w = 1 + kies(2); w > 0; --w) {
        referentie::Levering l;
        l.jeugdige = k;
        l.wijkteam = true;
        l.gemeente = gemeenten[static_cast<size_t>(kies(3))];
        l.aanbieder = "wijkteam:" + l.gemeente;
        l.begin = vrije_begin(k);
        std::optional<std::string> e, r;
        if (kies(4) != 0) {
          l.einde = l.begin.add_days(kies(400));
          e = l.einde->iso();
          eindes.push_back(*l.einde);
          if (kies(5) != 0) {
            l.jz588 = jz588[static_cast<size_t>(kies(static_cast<int>(jz588.size())))];
            r = l.jz588;
          }
        }
        d.wijkteam(k, l.gemeente, l.begin.iso(), e, r);
        f.leveringen.push_back(l);
      }
    }
    for (int p = kies(5); p > 0; --p) {
      referentie::Prestatie pr;
      pr.jeugdige = k;
      pr.gemeente = gemeenten[static_cast<size_t>(kies(3))];
      pr.categorie = categorieen[static_cast<size_t>(kies(static_cast<int>(categorieen.size())))];
      pr.productcode = pr.categorie + "A";
      pr.datum = datum();
      pr.bedrag = (kies(5) == 0 ? -1 : 1) * (1 + kies(500000));
      const bool toegekend = kies(6) != 0;
      d.prestatie(k, pr.gemeente, aanbieders[0], pr.categorie, pr.productcode, pr.datum.iso(),
                  pr.bedrag, toegekend);
      if (toegekend) f.prestaties.push_back(pr);
    }
  }

  auto snapshot = d.snapshot();
  auto ts = referentie::trajecten(f);
  ASSERT_EQ(snapshot.trajecten.size(), ts.size());
  auto afgeleid = indicators::leid_af(snapshot);
  // All periods at once on three threads, as the benchmark does; each must still be right.
  std::vector<Periode> perioden;
  for (int jaar = 2018; jaar <= 2026; ++jaar) {
    for (std::string p :
         {std::to_string(jaar), std::to_string(jaar) + "H1", std::to_string(jaar) + "H2"}) {
      auto periode = lees_periode(p);
      ASSERT_TRUE(periode.ok());
      perioden.push_back(*periode);
    }
  }
  auto uitkomsten = indicators::bereken(snapshot, afgeleid, perioden, 3);
  ASSERT_EQ(uitkomsten.size(), perioden.size());
  for (size_t i = 0; i < perioden.size(); ++i) {
    const auto& periode = perioden[i];
    const auto& u = uitkomsten[i];
    SCOPED_TRACE("periode " + periode.naam);
    ASSERT_EQ(u.periode.naam, periode.naam);
    for (const auto& g : u.gemeenten) {
      SCOPED_TRACE("gemeente " + g.code);
      vergelijk(g.t, referentie::telling(f, ts, g.code, periode.van, periode.tot));
    }
    SCOPED_TRACE("totaal");
    vergelijk(u.totaal.t, referentie::telling(f, ts, "", periode.van, periode.tot));
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace

TEST(IndicatorenEigenschap, GelijkAanReferentie) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    draai(seed);
    if (::testing::Test::HasFailure()) return;
  }
}
