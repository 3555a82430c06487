#include "generate/rapport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <type_traits>

namespace jr::generate {
namespace {

// A jeugdige is (BSN, geboortedatum): both packed into 47 bits.
uint64_t client_key(const std::string& bsn, Date geboren) {
  return std::stoull(bsn) * 100000ULL + static_cast<uint64_t>(geboren.days() + 50000);
}

constexpr int kGemeenteShift = 47;

size_t distinct(std::vector<uint64_t>& v) {
  std::sort(v.begin(), v.end());
  return static_cast<size_t>(std::unique(v.begin(), v.end()) - v.begin());
}

std::string groep_van(const std::string& hulpvorm) {
  if (hulpvorm == "01") return "wijkteam";
  if (!hulpvorm.empty() && hulpvorm[0] == '1') return "met_verblijf";
  return "zonder_verblijf";
}

std::string fmt(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

bool Rapport::alles_binnen() const {
  return std::all_of(regels.begin(), regels.end(),
                     [](const RapportRegel& r) { return r.binnen(); });
}

const RapportRegel* Rapport::regel(const std::string& naam) const {
  for (const auto& r : regels)
    if (r.naam == naam) return &r;
  return nullptr;
}

std::string Rapport::tekst(const Parameters& p) const {
  std::ostringstream out;
  out << "Kalibratierapport (jaren";
  for (int j : jaren) out << " " << j;
  out << "; waarden berekend uit de gegenereerde berichten en wijkteam.csv)\n";
  out << "berichten: " << berichten;
  for (const auto& [t, n] : per_type) out << ", " << t << " " << n;
  out << "; wijkteamregels: " << wijkteam_regels << "\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-52s %10s %10s %21s  %s\n", "cijfer", "doel", "gegenereerd",
                "tolerantie", "");
  out << line;
  for (const auto& r : regels) {
    std::snprintf(line, sizeof line, "%-52s %10s %10s %10s - %-8s  %s\n", r.naam.c_str(),
                  fmt(r.doel, 2).c_str(), fmt(r.waarde, 2).c_str(), fmt(r.min, 2).c_str(),
                  fmt(r.max, 2).c_str(), r.binnen() ? "binnen" : "BUITEN");
    out << line;
  }
  out << "\nParameters (aannames) zoals gelezen:\n" << p.tekst << "\n";
  return out.str();
}

Telling::Telling(const Regio& r, const Opties& o) : r_(r), o_(o) {
  for (int y = o.van.year(); y <= o.tot.year(); ++y)
    if (Date(y, 1, 1) >= o.van && Date(y, 12, 31) <= o.tot) jaren_.push_back(y);
  for (size_t g = 0; g < r.gemeenten.size(); ++g) gemeente_index_[r.gemeenten[g].code] = g;
  for (size_t i = 0; i < r.producten.size(); ++i)
    product_index_[r.producten[i].categorie + "/" + r.producten[i].code] = static_cast<int>(i);
}

void Telling::traject(uint64_t client, uint32_t gemeente, int product, const std::string& verwijzer,
                      Date geboren, Date begin, Date eind) {
  const std::string hulpvorm =
      product < 0 ? "01" : r_.producten[static_cast<size_t>(product)].hulpvorm;
  const std::string categorie =
      product < 0 ? "" : r_.producten[static_cast<size_t>(product)].categorie;
  for (int y : jaren_) {
    const Date j0(y, 1, 1), j1(y, 12, 31);
    if (begin > j1 || eind < j0) continue;
    const int age = j0.age_of(geboren);
    const bool jong = geboren <= j0 && age >= 0 && age <= 17;
    const uint64_t gk = (static_cast<uint64_t>(gemeente) << kGemeenteShift) | client;
    if (!hulpvorm.empty()) {
      ++trajecten_[y];
      ++groep_[groep_van(hulpvorm)];
      ++verwijzer_[verwijzer];
      clienten_[y].push_back(client);
      if (jong) clienten_017_[y].push_back(gk);
      if (jong && hulpvorm[0] == '1') verblijf_017_[y].push_back(client);
    } else if (categorie == "48" && jong) {
      jb_017_[y].push_back(client);
    } else if (categorie == "47" && jong) {
      jr_017_[y].push_back(client);
    }
  }
}

Status Telling::bericht(const ijw::Bericht& b) {
  ++rapport_.berichten;
  return std::visit(
      [&](const auto& m) -> Status {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, ijw::Jw315>) {
          ++rapport_.per_type["JW315"];
          for (const auto& a : m.producten) verzoeken_[a.referentie_aanbieder] = a.verwijzer.type;
        } else if constexpr (std::is_same_v<T, ijw::Jw301>) {
          ++rapport_.per_type["JW301"];
          auto g = gemeente_index_.find(m.header.afzender);
          if (g == gemeente_index_.end()) return Internal("JW301 van onbekende gemeente");
          for (const auto& tp : m.producten) {
            Toewijzing t;
            t.client = client_key(m.bsn, m.geboortedatum.datum);
            t.gemeente = static_cast<uint32_t>(g->second);
            t.geboren = m.geboortedatum.datum.days();
            if (tp.product) {
              auto p =
                  product_index_.find(tp.product->categorie + "/" + tp.product->code.value_or(""));
              if (p != product_index_.end()) t.product = p->second;
            }
            // Verwijzer: from the JW315 this toewijzing answers, otherwise the gemeente (01).
            t.verwijzer = "01";
            if (tp.referentie_aanbieder) {
              auto v = verzoeken_.find(*tp.referentie_aanbieder);
              if (v != verzoeken_.end()) {
                t.verwijzer = v->second;
                verzoeken_.erase(v);
              }
            }
            toewijzingen_[tp.toewijzing_nummer] = std::move(t);
          }
        } else if constexpr (std::is_same_v<T, ijw::Jw305>) {
          ++rapport_.per_type["JW305"];
          for (const auto& sp : m.producten) {
            auto it = toewijzingen_.find(sp.toewijzing_nummer.value_or(-1));
            if (it != toewijzingen_.end()) it->second.begin = sp.begindatum.days();
          }
        } else if constexpr (std::is_same_v<T, ijw::Jw307>) {
          ++rapport_.per_type["JW307"];
          for (const auto& sp : m.producten) {
            auto it = toewijzingen_.find(sp.toewijzing_nummer.value_or(-1));
            if (it == toewijzingen_.end() || it->second.begin == INT32_MIN ||
                it->second.product < 0)
              continue;
            const auto& t = it->second;
            traject(t.client, t.gemeente, t.product, t.verwijzer, Date(t.geboren), Date(t.begin),
                    sp.einddatum);
            // Kept: declaraties for the last month still refer to it.
            it->second.begin = INT32_MAX;
          }
        } else if constexpr (std::is_same_v<T, ijw::Jw317>) {
          ++rapport_.per_type["JW317"];  // changes no traject until a toewijzing answers it
        } else if constexpr (std::is_same_v<T, ijw::Jw323>) {
          ++rapport_.per_type["JW323"];
          for (const auto& c : m.clienten)
            for (const auto& pst : c.prestaties) {
              auto it = toewijzingen_.find(pst.toewijzing_nummer);
              if (it == toewijzingen_.end() || it->second.product < 0) continue;
              if (r_.producten[static_cast<size_t>(it->second.product)].hulpvorm.empty()) continue;
              const int y = pst.product_periode.begindatum.year();
              if (!std::binary_search(jaren_.begin(), jaren_.end(), y)) continue;
              kosten_[y] += static_cast<double>(pst.ingediend_bedrag.signed_cents()) / 100.0;
              kosten_clienten_[y].push_back(it->second.client);
            }
        }
        return Status::Ok();
      },
      b);
}

Status Telling::wijkteam(const WijkteamRegel& w) {
  ++rapport_.wijkteam_regels;
  auto g = gemeente_index_.find(w.gemeente);
  if (g == gemeente_index_.end()) return Internal("wijkteamregel van onbekende gemeente");
  traject(client_key(w.bsn, w.geboortedatum), static_cast<uint32_t>(g->second), -1, "06",
          w.geboortedatum, w.begindatum, w.einddatum.value_or(o_.tot));
  return Status::Ok();
}

Rapport Telling::rapport(const Parameters& p) {
  // Trajecten without a stop message run on to `tot`.
  std::vector<std::pair<int64_t, Toewijzing>> open;
  for (const auto& [nr, t] : toewijzingen_)
    if (t.begin != INT32_MIN && t.begin != INT32_MAX && t.product >= 0) open.emplace_back(nr, t);
  std::sort(open.begin(), open.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [nr, t] : open)
    traject(t.client, t.gemeente, t.product, t.verwijzer, Date(t.geboren), Date(t.begin), o_.tot);
  toewijzingen_.clear();

  Rapport& rp = rapport_;
  rp.jaren = jaren_;
  rp.regels.clear();
  const double n_jaren = static_cast<double>(std::max<size_t>(1, jaren_.size()));

  // % of 0-17 with jeugdhulp, per gemeente and for the whole region (mean over the years).
  std::vector<double> pct(r_.gemeenten.size(), 0.0);
  double totaal_pct = 0, verblijf = 0, jb = 0, jr = 0;
  for (int y : jaren_) {
    auto& v = clienten_017_[y];
    v.resize(distinct(v));
    std::vector<int64_t> per_g(r_.gemeenten.size(), 0);
    for (uint64_t k : v) ++per_g[k >> kGemeenteShift];
    int64_t pop = 0, n = 0;
    for (size_t g = 0; g < r_.gemeenten.size(); ++g) {
      const auto pg = r_.aantal_0_17(g, y);
      pop += pg;
      n += per_g[g];
      if (pg > 0)
        pct[g] += 100.0 * static_cast<double>(per_g[g]) / static_cast<double>(pg) / n_jaren;
    }
    if (pop > 0) {
      const double dp = static_cast<double>(pop);
      totaal_pct += 100.0 * static_cast<double>(n) / dp / n_jaren;
      verblijf += 100.0 * static_cast<double>(distinct(verblijf_017_[y])) / dp / n_jaren;
      jb += 100.0 * static_cast<double>(distinct(jb_017_[y])) / dp / n_jaren;
      jr += 100.0 * static_cast<double>(distinct(jr_017_[y])) / dp / n_jaren;
    }
  }
  // Per gemeente only where the target is published (the Nijmegen table, Zutphen); for
  // "nl" the drawn targets of 342 gemeenten are summarised by the national figure.
  const auto& rp_param = p.regios.at(r_.naam);
  double doel_totaal = 0;
  {
    double pop = 0;
    for (size_t g = 0; g < r_.gemeenten.size(); ++g) {
      const double pg = static_cast<double>(r_.aantal_0_17(g, r_.referentiejaar));
      doel_totaal += r_.gemeenten[g].pct_jeugdhulp * pg;
      pop += pg;
    }
    doel_totaal /= std::max(1.0, pop);
  }
  if (!rp_param.gemeenten.empty())
    for (size_t g = 0; g < r_.gemeenten.size(); ++g) {
      const auto& gm = r_.gemeenten[g];
      rp.regels.push_back({"% 0-17 met jeugdhulp " + gm.code + " " + gm.naam, gm.pct_jeugdhulp,
                           pct[g], gm.pct_jeugdhulp - p.tol_pct_jeugdhulp,
                           gm.pct_jeugdhulp + p.tol_pct_jeugdhulp});
    }
  rp.regels.push_back({"% 0-17 met jeugdhulp, hele regio", doel_totaal, totaal_pct,
                       doel_totaal - p.tol_pct_jeugdhulp, doel_totaal + p.tol_pct_jeugdhulp});

  // Mix of hulpvormen and verwijzers over the trajecten active in the years.
  double n_groep = 0, n_verw = 0;
  for (const auto& [k, v] : groep_) n_groep += static_cast<double>(v);
  for (const auto& [k, v] : verwijzer_) n_verw += static_cast<double>(v);
  for (const auto& [k, doel] : p.hulpvorm_mix) {
    const double w = n_groep > 0 ? 100.0 * static_cast<double>(groep_[k]) / n_groep : 0;
    rp.regels.push_back({"% trajecten hulpvorm " + k, doel, w, doel - p.tol_mix, doel + p.tol_mix});
  }
  for (const auto& [k, doel] : p.verwijzer_mix) {
    const double w = n_verw > 0 ? 100.0 * static_cast<double>(verwijzer_[k]) / n_verw : 0;
    rp.regels.push_back(
        {"% trajecten verwijzer " + k, doel, w, doel - p.tol_mix, doel + p.tol_mix});
  }

  // Trajecten per jeugdige per year (all ages 0-22).
  double tpj = 0;
  for (int y : jaren_) {
    const auto n = distinct(clienten_[y]);
    if (n > 0) tpj += static_cast<double>(trajecten_[y]) / static_cast<double>(n) / n_jaren;
  }
  rp.regels.push_back({"trajecten per jeugdige per jaar", p.trajecten_per_jeugdige, tpj,
                       p.trajecten_per_jeugdige - p.tol_trajecten_per_jeugdige,
                       p.trajecten_per_jeugdige + p.tol_trajecten_per_jeugdige});

  // Zorg in natura cost per client per year: declared jeugdhulp / clients declared for.
  // Only years whose December declaraties fall before `tot`.
  std::vector<int> kostenjaren;
  for (int y : jaren_)
    if (Date(y, 12, 31).add_days(p.declaratie_dag_max) <= o_.tot) kostenjaren.push_back(y);
  if (kostenjaren.empty()) kostenjaren = jaren_;
  double kosten = 0;
  for (int y : kostenjaren) {
    const auto n = distinct(kosten_clienten_[y]);
    if (n > 0)
      kosten += kosten_[y] / static_cast<double>(n) / static_cast<double>(kostenjaren.size());
  }
  const double kmid = (p.kosten_min_euro + p.kosten_max_euro) / 2;
  rp.regels.push_back({"kosten zorg in natura per client per jaar (EUR)", kmid, kosten,
                       p.kosten_min_euro, p.kosten_max_euro});

  const double tm = p.tol_pct_maatregel;
  rp.regels.push_back({"% 0-17 met jeugdbescherming", r_.pct_jeugdbescherming, jb,
                       r_.pct_jeugdbescherming - tm, r_.pct_jeugdbescherming + tm});
  rp.regels.push_back({"% 0-17 met jeugdreclassering", r_.pct_jeugdreclassering, jr,
                       r_.pct_jeugdreclassering - tm, r_.pct_jeugdreclassering + tm});
  rp.regels.push_back({"% 0-17 met jeugdhulp met verblijf", r_.pct_met_verblijf, verblijf,
                       r_.pct_met_verblijf - tm, r_.pct_met_verblijf + tm});
  return rp;
}

}  // namespace jr::generate
