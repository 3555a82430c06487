// The reference implementation of the indicators for the property test: slow and written
// straight from the protocol's wording, on plain facts (what was written to the store), with
// its own code tables. Kept in the test suite only.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/date.h"
#include "indicators/indicatoren.h"

namespace jr::referentie {

// One delivery as written: a current JW305 start with its current JW307 stop (if any), the
// toewijzing's gemeente, aanbieder and product, and the verwijzer of the answered JW315.
struct Levering {
  int64_t jeugdige = 0;
  std::string gemeente, aanbieder, categorie, productcode;
  Date begin;
  std::optional<Date> einde;
  std::string jz588;      // empty while open
  std::string verwijzer;  // empty: no verzoek
  bool wijkteam = false;
};
struct Prestatie {
  int64_t jeugdige = 0;
  std::string gemeente, categorie, productcode;
  Date datum;
  int64_t bedrag = 0;
};
struct Feiten {
  std::map<int64_t, Date> geboren;
  std::map<std::string, std::string> catalogus;  // "cat|code" -> hulpvorm ("" = none)
  std::vector<Levering> leveringen;
  std::vector<Prestatie> prestaties;  // accepted only
};

// spec §3.3 table: JZ020 31-38 onto hulpvorm 01-04, 11-14.
inline std::string hulpvorm(const Feiten& f, const std::string& cat, const std::string& code) {
  static const std::map<std::string, std::string> t = {{"31", "01"}, {"32", "02"}, {"33", "03"},
                                                       {"34", "04"}, {"35", "11"}, {"36", "12"},
                                                       {"37", "13"}, {"38", "14"}};
  if (auto it = t.find(cat); it != t.end()) return it->second;
  if (auto it = f.catalogus.find(cat + "|" + code); it != f.catalogus.end()) return it->second;
  return "";
}

// spec §3.7 from JZ588 (see model/codes.h for the reasoning): "01".."05" or "onbekend".
inline std::string reden(const std::string& jz588) {
  static const std::map<std::string, std::string> t = {{"31", "01"}, {"39", "01"}, {"34", "02"},
                                                       {"32", "03"}, {"38", "03"}, {"33", "04"},
                                                       {"35", "05"}, {"02", "05"}};
  auto it = t.find(jz588);
  return it == t.end() ? "onbekend" : it->second;
}

struct Traject {
  int64_t jeugdige;
  std::string hulpvorm, aanbieder;
  std::vector<Levering> delen;
  Date begin;
  std::optional<Date> einde;
  const Levering& eerste() const {  // the part that started it (ties: the one ending first)
    return *std::min_element(delen.begin(), delen.end(), [](auto& a, auto& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      return a.einde.value_or(Date(INT32_MAX)) < b.einde.value_or(Date(INT32_MAX));
    });
  }
  const Levering& laatste() const {  // the part that ends last (ties: the later start)
    return *std::max_element(delen.begin(), delen.end(), [](auto& a, auto& b) {
      auto ea = a.einde.value_or(Date(INT32_MAX)), eb = b.einde.value_or(Date(INT32_MAX));
      if (ea != eb) return ea < eb;
      return a.begin < b.begin;
    });
  }
};

inline bool delen_een_dag(Date b1, std::optional<Date> e1, Date b2, std::optional<Date> e2) {
  return (!e1 || b2 <= *e1) && (!e2 || b1 <= *e2);
}

// spec §3.3: merge until no two trajecten of the same jeugdige, hulpvorm and aanbieder share a
// day.
inline std::vector<Traject> trajecten(const Feiten& f) {
  std::vector<Traject> ts;
  for (const auto& l : f.leveringen) {
    std::string hv = l.wijkteam ? "01" : hulpvorm(f, l.categorie, l.productcode);
    if (hv.empty()) continue;
    ts.push_back({l.jeugdige, hv, l.aanbieder, {l}, l.begin, l.einde});
  }
  bool veranderd = true;
  while (veranderd) {
    veranderd = false;
    for (size_t a = 0; a < ts.size() && !veranderd; ++a)
      for (size_t b = a + 1; b < ts.size() && !veranderd; ++b) {
        Traject& x = ts[a];
        Traject& y = ts[b];
        if (x.jeugdige != y.jeugdige || x.hulpvorm != y.hulpvorm || x.aanbieder != y.aanbieder)
          continue;
        if (!delen_een_dag(x.begin, x.einde, y.begin, y.einde)) continue;
        x.begin = std::min(x.begin, y.begin);
        x.einde =
            (!x.einde || !y.einde) ? std::nullopt : std::optional(std::max(*x.einde, *y.einde));
        x.delen.insert(x.delen.end(), y.delen.begin(), y.delen.end());
        ts.erase(ts.begin() + static_cast<long>(b));
        veranderd = true;
      }
  }
  return ts;
}

inline Date vijf_jaar_eerder(Date d) {
  auto v = d.ymd() - std::chrono::years{5};
  if (!v.ok()) v = std::chrono::year_month_day{v.year() / v.month() / std::chrono::last};
  return Date(v);
}
inline Date einde_volgend_halfjaar(Date d) {
  return d.month() <= 6 ? Date(d.year(), 12, 31) : Date(d.year() + 1, 6, 30);
}

// The Telling of `gemeente` (empty: all gemeenten together) in [van, tot].
inline indicators::Telling telling(const Feiten& f, const std::vector<Traject>& ts,
                                   const std::string& gemeente, Date van, Date tot) {
  indicators::Telling t;
  auto in_gemeente = [&](const std::string& g) { return gemeente.empty() || g == gemeente; };
  auto actief = [&](Date b, std::optional<Date> e) { return b <= tot && (!e || *e >= van); };
  static const std::vector<std::string> hvs = {"01", "02", "03", "04", "11", "12", "13", "14"};
  static const std::vector<std::string> vws = {"01", "02", "03", "04", "05", "06", "08"};
  auto idx = [](const std::vector<std::string>& v, const std::string& c) {
    return static_cast<size_t>(std::find(v.begin(), v.end(), c) - v.begin());
  };
  // First day of jeugdhulp in the period per jeugdige, over all its trajecten.
  std::map<int64_t, Date> eerste_dag;
  for (const auto& x : ts)
    if (actief(x.begin, x.einde)) {
      Date d = std::max(van, x.begin);
      auto [it, nieuw] = eerste_dag.emplace(x.jeugdige, d);
      if (!nieuw) it->second = std::min(it->second, d);
    }
  std::set<int64_t> jongeren, jongeren17;
  std::map<std::string, std::set<int64_t>> per_hv, per_groep;
  for (const auto& x : ts) {
    if (!in_gemeente(x.eerste().gemeente) || !actief(x.begin, x.einde)) continue;
    ++t.totaal;
    ++t.hv_trajecten[idx(hvs, x.hulpvorm)];
    const bool verblijf = x.hulpvorm >= "11";
    ++t.groep_trajecten[verblijf ? 1 : 0];
    std::string vw = x.eerste().wijkteam            ? "06"
                     : x.eerste().verwijzer.empty() ? "01"
                                                    : x.eerste().verwijzer;
    ++t.verwijzer[idx(vws, vw)];
    if (x.begin >= van) {
      ++t.begonnen;
      if (x.eerste().categorie == "46" && !x.eerste().wijkteam) ++t.crisis;
      for (const auto& y : ts)
        if (y.jeugdige == x.jeugdige && y.einde && *y.einde <= x.begin.add_days(-2) &&
            *y.einde >= vijf_jaar_eerder(x.begin)) {
          ++t.herhaald;
          break;
        }
    }
    if (x.einde && *x.einde <= tot) {
      ++t.beeindigd;
      std::string r = reden(x.laatste().jz588);
      ++t.reden[r == "onbekend" ? 5 : static_cast<size_t>(std::stoi(r) - 1)];
      int32_t duur = days_between(x.begin, *x.einde) + 1;
      t.duur_som += static_cast<uint64_t>(duur);
      int klasse = duur < 91     ? 0
                   : duur < 182  ? 1
                   : duur < 365  ? 2
                   : duur < 730  ? 3
                   : duur < 1096 ? 4
                   : duur < 1461 ? 5
                                 : 6;
      ++t.duurklassen[static_cast<size_t>(klasse)];
      bool nieuw = false;
      for (const auto& y : ts)
        if (y.jeugdige == x.jeugdige && y.begin > *x.einde &&
            y.begin <= referentie::einde_volgend_halfjaar(*x.einde))
          nieuw = true;
      if (!nieuw) ++t.geen_nieuwe_start;
    } else {
      ++t.lopend_einde;
    }
    int leeftijd = eerste_dag.at(x.jeugdige).age_of(f.geboren.at(x.jeugdige));
    if (leeftijd <= 22) {
      jongeren.insert(x.jeugdige);
      if (leeftijd <= 17) jongeren17.insert(x.jeugdige);
      per_hv[x.hulpvorm].insert(x.jeugdige);
      per_groep[verblijf ? "met" : "zonder"].insert(x.jeugdige);
    }
  }
  t.jongeren = jongeren.size();
  t.jongeren0tot17 = jongeren17.size();
  for (size_t i = 0; i < hvs.size(); ++i) t.hv_jongeren[i] = per_hv[hvs[i]].size();
  t.groep_jongeren[0] = per_groep["zonder"].size();
  t.groep_jongeren[1] = per_groep["met"].size();

  std::set<int64_t> jb, jr;
  for (const auto& l : f.leveringen)
    if (!l.wijkteam && in_gemeente(l.gemeente) && actief(l.begin, l.einde)) {
      if (l.categorie == "48") jb.insert(l.jeugdige);
      if (l.categorie == "47") jr.insert(l.jeugdige);
    }
  t.jeugdbescherming = jb.size();
  t.jeugdreclassering = jr.size();

  std::set<int64_t> clienten;
  std::map<std::string, std::set<int64_t>> hv_clienten;
  for (const auto& p : f.prestaties) {
    if (!in_gemeente(p.gemeente) || p.datum < van || p.datum > tot) continue;
    t.kosten_cent += p.bedrag;
    clienten.insert(p.jeugdige);
    std::string hv =
        (p.categorie == "47" || p.categorie == "48") ? "" : hulpvorm(f, p.categorie, p.productcode);
    if (!hv.empty()) {
      t.hv_kosten_cent[idx(hvs, hv)] += p.bedrag;
      hv_clienten[hv].insert(p.jeugdige);
    }
  }
  t.kosten_clienten = clienten.size();
  for (size_t i = 0; i < hvs.size(); ++i) t.hv_kosten_clienten[i] = hv_clienten[hvs[i]].size();
  return t;
}

}  // namespace jr::referentie
