#include "prognose/backtest.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace jr::prognose {

double crps(std::vector<double> x, double y) {
  if (x.empty()) return 0;
  std::sort(x.begin(), x.end());
  const double n = static_cast<double>(x.size());
  double a = 0, b = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    a += std::fabs(x[i] - y);
    // sum_ij |x_i - x_j| = 2 sum_i (2i - n + 1) x_(i) for sorted x (0-based i).
    b += (2.0 * static_cast<double>(i) - n + 1.0) * x[i];
  }
  return a / n - b / (n * n);
}

std::vector<Score> scoor(const std::vector<Backtestpunt>& punten) {
  struct Som {
    int n = 0;
    double abs = 0, fout = 0, werkelijk = 0, mase = 0, crps = 0;
    int binnen = 0;
  };
  std::map<std::tuple<int, int, int, bool>, Som> groepen;
  for (const auto& p : punten) {
    Som& s = groepen[{p.methode, p.indicator, p.horizon, p.regio}];
    ++s.n;
    s.abs += std::fabs(p.voorspeld - p.werkelijk);
    s.fout += p.voorspeld - p.werkelijk;
    s.werkelijk += std::fabs(p.werkelijk);
    s.mase += p.schaal > 0 ? std::fabs(p.voorspeld - p.werkelijk) / p.schaal : 0;
    s.crps += p.crps;
    s.binnen += p.p10 <= p.werkelijk && p.werkelijk <= p.p90;
  }
  std::vector<Score> uit;
  for (const auto& [k, s] : groepen) {
    Score sc;
    std::tie(sc.methode, sc.indicator, sc.horizon, sc.regio) = k;
    sc.n = s.n;
    sc.wape = s.werkelijk > 0 ? s.abs / s.werkelijk : 0;
    sc.bias = s.werkelijk > 0 ? s.fout / s.werkelijk : 0;
    sc.mase = s.mase / s.n;
    sc.crps = s.werkelijk > 0 ? s.crps / s.werkelijk : 0;
    if (sc.methode == 0) sc.dekking80 = static_cast<double>(s.binnen) / s.n;
    uit.push_back(sc);
  }
  return uit;
}

Result<Backtest> backtest(const model::Snapshot& volledig, const KennisOp& kennis_op,
                          const Instellingen& inst, std::vector<int> horizonten) {
  const auto eerste = eerste_dag(volledig);
  if (!eerste) return InvalidArgument("backtest: geen gegevens");
  // The last day with complete data: the end of the last declared month.
  const Date laatste =
      Date(*std::max_element(volledig.kosten.datum.begin(), volledig.kosten.datum.end()))
          .last_of_month();
  Backtest bt;
  bt.horizonten = horizonten;
  const int max_h = *std::max_element(horizonten.begin(), horizonten.end());

  // Every half year of the data with its realised values, for outcomes and MASE scales.
  std::vector<Periode> halfjaren;
  for (int y = eerste->year(); y <= laatste.year(); ++y)
    for (const char* h : {"H1", "H2"}) {
      auto p = lees_periode(std::to_string(y) + h);
      if (p->van >= *eerste && p->tot <= laatste) halfjaren.push_back(*p);
    }
  std::map<std::string, std::vector<std::array<double, kAantalIndicatoren>>> realisatie;
  for (const auto& p : halfjaren) realisatie[p.naam] = gerealiseerd(volledig, p);
  const size_t niveaus = volledig.gemeente_code.size() + 1;
  std::vector<std::array<double, kAantalIndicatoren>> schaal(niveaus);
  for (size_t l = 0; l < niveaus; ++l)
    for (int i = 0; i < kAantalIndicatoren; ++i) {
      double s = 0;
      int n = 0;
      for (size_t t = 2; t < halfjaren.size(); ++t) {
        s += std::fabs(realisatie[halfjaren[t].naam][l][static_cast<size_t>(i)] -
                       realisatie[halfjaren[t - 2].naam][l][static_cast<size_t>(i)]);
        ++n;
      }
      schaal[l][static_cast<size_t>(i)] = n > 0 ? s / n : 0;
    }

  // Origins: half-year ends from the third year of data on with an outcome to score.
  const Date begin(eerste->year() + 2, eerste->month(), 1);
  for (int y = begin.year(); y <= laatste.year(); ++y)
    for (const Date o : {Date(y, 6, 30), Date(y, 12, 31)}) {
      const Date volgend_einde = o.month() == 6 ? Date(y, 12, 31) : Date(y + 1, 6, 30);
      if (o < begin || volgend_einde > laatste) continue;
      bt.origines.push_back(o);
    }
  if (bt.origines.empty())
    return InvalidArgument(
        "backtest: te weinig gegevens (nodig: meer dan twee jaar en een half jaar)");

  for (const Date o : bt.origines) {
    auto s = kennis_op(o);
    if (!s.ok()) return s.status();
    Instellingen in = inst;
    in.horizon_maanden = max_h;
    in.bewaar_runs = true;
    auto f = voorspel(*s, o, in);
    if (!f.ok()) return f.status();
    Instellingen mk = inst;
    mk.horizon_maanden = max_h;
    mk.geheugenloos = true;
    mk.runs = std::min(inst.runs, 200);
    auto markov = voorspel(*s, o, mk);
    if (!markov.ok()) return markov.status();
    // The history as known at the origin: the last two half years.
    auto terug = [&](int maanden) {
      int y = o.year(), m = static_cast<int>(o.month()) - maanden + 1;
      while (m <= 0) m += 12, --y;
      return *lees_periode(std::to_string(y) + (m <= 6 ? "H1" : "H2"));
    };
    const auto h_laatst = gerealiseerd(*s, terug(6));
    const auto h_vorig = gerealiseerd(*s, terug(12));
    for (const int h : horizonten) {
      const size_t k = static_cast<size_t>(h / 6 - 1);
      if (k >= f->regio.perioden.size()) continue;
      const auto& periode = f->regio.perioden[k].periode;
      const auto it = realisatie.find(periode.naam);
      if (it == realisatie.end()) continue;
      for (size_t l = 0; l < niveaus; ++l) {
        const bool is_regio = l + 1 == niveaus;
        const Periodeprognose& pm = is_regio ? f->regio.perioden[k] : f->gemeenten[l].perioden[k];
        const Periodeprognose& pk =
            is_regio ? markov->regio.perioden[k] : markov->gemeenten[l].perioden[k];
        for (int i = 0; i < kAantalIndicatoren; ++i) {
          const size_t ii = static_cast<size_t>(i);
          Backtestpunt b;
          b.origine = o;
          b.horizon = h;
          b.indicator = i;
          b.regio = is_regio;
          b.gemeente = is_regio ? "" : volledig.gemeente_code[l];
          b.werkelijk = it->second[l][ii];
          b.schaal = schaal[l][ii];
          if (b.werkelijk == 0 && pm.waarde[ii].p50 == 0) continue;  // a gemeente without care
          const double seizoen = (h / 6) % 2 == 1 ? h_vorig[l][ii] : h_laatst[l][ii];
          const double punten[kAantalMethoden] = {pm.waarde[ii].p50, h_laatst[l][ii], seizoen,
                                                  (h_laatst[l][ii] + h_vorig[l][ii]) / 2,
                                                  pk.waarde[ii].gemiddelde};
          for (int me = 0; me < kAantalMethoden; ++me) {
            b.methode = me;
            b.voorspeld = punten[me];
            if (me == 0) {
              b.p10 = pm.waarde[ii].p10;
              b.p90 = pm.waarde[ii].p90;
              b.crps = crps(pm.runs[ii], b.werkelijk);
            } else {
              b.p10 = b.p90 = b.voorspeld;
              b.crps = std::fabs(b.voorspeld - b.werkelijk);
            }
            bt.punten.push_back(b);
          }
        }
      }
    }
  }
  bt.scores = scoor(bt.punten);
  return bt;
}

}  // namespace jr::prognose
