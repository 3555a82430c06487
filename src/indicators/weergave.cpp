#include "indicators/weergave.h"

#include <cmath>

namespace jr::indicators {

std::optional<uint64_t> toon_aantal(uint64_t n, Openbaarheid o) {
  if (o == Openbaarheid::kIntern) return n;
  if (n < 10) return std::nullopt;
  return (n + 2) / 5 * 5;
}

namespace {

double een_decimaal(double x) { return std::round(x * 10.0) / 10.0; }

struct Toner {
  Openbaarheid o;

  std::optional<uint64_t> aantal(uint64_t n) const { return toon_aantal(n, o); }
  std::optional<double> pct(uint64_t teller, uint64_t noemer) const {
    if (noemer == 0) return std::nullopt;
    if (o == Openbaarheid::kPubliek && (teller < 10 || noemer < 10)) return std::nullopt;
    return een_decimaal(100.0 * static_cast<double>(teller) / static_cast<double>(noemer));
  }
  Kosten kosten(int64_t cent, uint64_t clienten) const {
    Kosten k;
    const bool zichtbaar = o == Openbaarheid::kIntern || clienten >= 10;
    if (zichtbaar) k.totaal_cent = cent;
    k.clienten = aantal(clienten);
    if (zichtbaar && clienten > 0)
      k.per_client_cent = static_cast<int64_t>(
          std::llround(static_cast<double>(cent) / static_cast<double>(clienten)));
    return k;
  }
  template <size_t N>
  std::array<std::optional<uint64_t>, N> aantallen(const std::array<uint64_t, N>& a) const {
    std::array<std::optional<uint64_t>, N> uit;
    for (size_t i = 0; i < N; ++i) uit[i] = aantal(a[i]);
    return uit;
  }
};

}  // namespace

Cijfers toon(const Telling& t, Openbaarheid o) {
  const Toner m{o};
  Cijfers c;
  c.bevolking0tot17 = t.bevolking0tot17;
  c.jongeren = m.aantal(t.jongeren);
  c.jongeren0tot17 = m.aantal(t.jongeren0tot17);
  c.pct_jongeren = m.pct(t.jongeren0tot17, t.bevolking0tot17);
  c.trajecten = m.aantal(t.totaal);
  c.begonnen = m.aantal(t.begonnen);
  c.beeindigd = m.aantal(t.beeindigd);
  c.lopend_einde = m.aantal(t.lopend_einde);
  c.hv_jongeren = m.aantallen(t.hv_jongeren);
  c.hv_trajecten = m.aantallen(t.hv_trajecten);
  c.groep_jongeren = m.aantallen(t.groep_jongeren);
  c.groep_trajecten = m.aantallen(t.groep_trajecten);
  c.verwijzer = m.aantallen(t.verwijzer);
  c.reden = m.aantallen(t.reden);
  if (t.beeindigd > 0 && (o == Openbaarheid::kIntern || t.beeindigd >= 10))
    c.gemiddelde_duur_dagen =
        een_decimaal(static_cast<double>(t.duur_som) / static_cast<double>(t.beeindigd));
  c.duurklassen = m.aantallen(t.duurklassen);
  c.herhaald = m.aantal(t.herhaald);
  c.crisis = m.aantal(t.crisis);
  c.uitval_pct = m.pct(t.reden[1] + t.reden[2] + t.reden[3] + t.reden[4], t.beeindigd);
  for (size_t k = 0; k < 4; ++k) c.uitval_pct_reden[k] = m.pct(t.reden[k + 1], t.beeindigd);
  c.geen_nieuwe_start = m.aantal(t.geen_nieuwe_start);
  c.geen_nieuwe_start_pct = m.pct(t.geen_nieuwe_start, t.beeindigd);
  c.jeugdbescherming = m.aantal(t.jeugdbescherming);
  c.jeugdreclassering = m.aantal(t.jeugdreclassering);
  c.kosten = m.kosten(t.kosten_cent, t.kosten_clienten);
  for (size_t i = 0; i < c.hv_kosten.size(); ++i)
    c.hv_kosten[i] = m.kosten(t.hv_kosten_cent[i], t.hv_kosten_clienten[i]);
  return c;
}

Result<Selectie> selecteer(const Uitkomst& u, const std::optional<std::string>& gemeente) {
  Selectie s;
  std::string regio_van_gemeente;
  for (const Niveau& g : u.gemeenten) {
    if (gemeente && g.code != *gemeente) continue;
    regio_van_gemeente = g.regio;
    s.gemeenten.push_back(&g);
  }
  if (gemeente && s.gemeenten.empty()) return NotFound("gemeente " + *gemeente + " komt niet voor");
  for (const Niveau& r : u.regios) {
    if (r.gemeenten.empty()) continue;
    if (gemeente && r.naam != regio_van_gemeente) continue;
    s.regios.push_back(&r);
  }
  s.totaal = &u.totaal;
  s.regio = s.regios.size() == 1 ? s.regios.front() : &u.totaal;
  return s;
}

}  // namespace jr::indicators
