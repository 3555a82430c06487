#include "model/snapshot.h"

#include <algorithm>

namespace jr::model {

bool lees_dag(std::string_view s, int32_t& dag) {
  auto d = Date::parse(s);
  if (!d) return false;
  dag = d->days();
  return true;
}

namespace {

// The first day on which someone born on `geboren` is `jaren` years old (Date::age_of).
int32_t wordt(Date geboren, int jaren) {
  auto b = geboren.ymd();
  int y = static_cast<int>(b.year()) + jaren;
  unsigned m = static_cast<unsigned>(b.month());
  unsigned d = std::min(static_cast<unsigned>(b.day()), Date(y, m, 1).last_of_month().day());
  Date c(y, m, d);
  while (c.age_of(geboren) < jaren) c = c.add_days(1);
  while (c.add_days(-1).age_of(geboren) >= jaren) c = c.add_days(-1);
  return c.days();
}

}  // namespace

void Trajecten::push_back(const Deel& d) {
  jeugdige.push_back(d.jeugdige);
  aanvang.push_back(d.aanvang);
  einde.push_back(d.einde);
  aanbieder.push_back(d.aanbieder);
  gemeente.push_back(d.gemeente);
  hulpvorm.push_back(d.hulpvorm);
  verwijzer.push_back(d.verwijzer);
  reden.push_back(d.reden);
  crisis.push_back(d.crisis);
}

void Trajecten::reserve(size_t n) {
  jeugdige.reserve(n);
  aanvang.reserve(n);
  einde.reserve(n);
  aanbieder.reserve(n);
  gemeente.reserve(n);
  hulpvorm.reserve(n);
  verwijzer.reserve(n);
  reden.reserve(n);
  crisis.reserve(n);
}

Trajecten voeg_samen(std::vector<Deel> delen) {
  std::sort(delen.begin(), delen.end(), [](const Deel& a, const Deel& b) {
    if (a.jeugdige != b.jeugdige) return a.jeugdige < b.jeugdige;
    if (a.hulpvorm != b.hulpvorm) return a.hulpvorm < b.hulpvorm;
    if (a.aanbieder != b.aanbieder) return a.aanbieder < b.aanbieder;
    if (a.aanvang != b.aanvang) return a.aanvang < b.aanvang;
    return a.einde < b.einde;
  });
  size_t out = 0;
  for (size_t i = 0; i < delen.size(); ++i) {
    const Deel& d = delen[i];
    if (out > 0) {
      Deel& cur = delen[out - 1];
      if (cur.jeugdige == d.jeugdige && cur.hulpvorm == d.hulpvorm &&
          cur.aanbieder == d.aanbieder && d.aanvang <= cur.einde) {
        // Overlap: one traject. The part ending last (ties: the later start) gives the reden.
        if (d.einde >= cur.einde) {
          cur.einde = d.einde;
          cur.reden = d.reden;
        }
        continue;
      }
    }
    delen[out++] = d;
  }
  delen.resize(out);
  std::sort(delen.begin(), delen.end(), [](const Deel& a, const Deel& b) {
    if (a.jeugdige != b.jeugdige) return a.jeugdige < b.jeugdige;
    if (a.aanvang != b.aanvang) return a.aanvang < b.aanvang;
    if (a.hulpvorm != b.hulpvorm) return a.hulpvorm < b.hulpvorm;
    return a.aanbieder < b.aanbieder;
  });
  Trajecten t;
  t.reserve(delen.size());
  for (const Deel& d : delen) t.push_back(d);
  return t;
}

uint64_t Snapshot::bevolking_som(uint16_t g, int jaar, int van, int tot) const {
  if (g >= gemeente_code.size() || jaar < jaar_min || jaar >= jaar_min + jaren) return 0;
  uint64_t som = 0;
  size_t base =
      (static_cast<size_t>(g) * static_cast<size_t>(jaren) + static_cast<size_t>(jaar - jaar_min)) *
      23;
  for (int l = std::max(van, 0); l <= std::min(tot, 22); ++l)
    som += bevolking[base + static_cast<size_t>(l)];
  return som;
}

uint16_t Snapshot::gemeente_index(std::string_view code) const {
  for (size_t i = 0; i < gemeente_code.size(); ++i)
    if (gemeente_code[i] == code) return static_cast<uint16_t>(i);
  return UINT16_MAX;
}

size_t Snapshot::geheugen_bytes() const {
  auto v = [](const auto& vec) { return vec.capacity() * sizeof(vec[0]); };
  const Trajecten& t = trajecten;
  size_t n = v(t.jeugdige) + v(t.aanvang) + v(t.einde) + v(t.aanbieder) + v(t.gemeente) +
             v(t.hulpvorm) + v(t.verwijzer) + v(t.reden) + v(t.crisis);
  n += v(maatregelen.jeugdige) + v(maatregelen.aanvang) + v(maatregelen.einde) +
       v(maatregelen.gemeente) + v(maatregelen.soort);
  n += v(kosten.jeugdige) + v(kosten.datum) + v(kosten.gemeente) + v(kosten.hulpvorm) +
       v(kosten.bedrag_cent);
  n += v(wordt18) + v(wordt23) + v(bevolking);
  return n;
}

SnapshotBouwer::SnapshotBouwer() = default;

uint16_t SnapshotBouwer::gemeente_id(std::string_view code) {
  sleutel_.assign(code);
  auto it = gemeenten_.find(sleutel_);
  if (it != gemeenten_.end()) return it->second;
  auto id = static_cast<uint16_t>(s_.gemeente_code.size());
  gemeenten_.emplace(sleutel_, id);
  s_.gemeente_code.emplace_back(code);
  s_.gemeente_naam.emplace_back(code);
  auto r = regios_.try_emplace("", static_cast<uint16_t>(s_.regio_naam.size()));
  if (r.second) s_.regio_naam.emplace_back("");
  s_.gemeente_regio.push_back(r.first->second);
  return id;
}

uint32_t SnapshotBouwer::aanbieder_id(std::string_view code) {
  sleutel_.assign(code);
  auto it = aanbieders_.find(sleutel_);
  if (it != aanbieders_.end()) return it->second;
  auto id = static_cast<uint32_t>(s_.aanbieder_code.size());
  aanbieders_.emplace(sleutel_, id);
  s_.aanbieder_code.emplace_back(code);
  return id;
}

void SnapshotBouwer::gemeente(const store::BronGemeente& r) {
  uint16_t g = gemeente_id(r.code);
  s_.gemeente_naam[g].assign(r.naam);
  auto reg = regios_.try_emplace(std::string(r.regio), static_cast<uint16_t>(s_.regio_naam.size()));
  if (reg.second) s_.regio_naam.emplace_back(r.regio);
  s_.gemeente_regio[g] = reg.first->second;
}

void SnapshotBouwer::product(const store::BronProduct& r) {
  ProductVersie v{INT32_MIN, INT32_MAX, 0};
  if (!lees_dag(r.geldig_van, v.van)) return;
  if (!r.geldig_tot.empty() && !lees_dag(r.geldig_tot, v.tot)) return;
  if (auto h = lees_code2(r.hulpvorm); h && hulpvorm_index(*h) >= 0) v.hulpvorm = *h;
  std::string key(r.categorie);
  key += '|';
  key += r.code;
  producten_[key].push_back(v);
}

uint8_t SnapshotBouwer::hulpvorm_van(std::string_view categorie, std::string_view code,
                                     int32_t dag) {
  if (auto h = hulpvorm_uit_categorie(categorie)) return *h;
  sleutel_.assign(categorie);
  sleutel_ += '|';
  sleutel_ += code;
  auto it = producten_.find(sleutel_);
  if (it == producten_.end()) return 0;
  for (const auto& v : it->second)
    if (v.van <= dag && dag <= v.tot) return v.hulpvorm;
  return 0;
}

int32_t SnapshotBouwer::jeugdige_index(int64_t id, int32_t geboren) {
  if (id < 0) return -1;
  auto uid = static_cast<size_t>(id);
  if (uid >= idx_van_id_.size()) idx_van_id_.resize(uid + 1, -1);
  if (idx_van_id_[uid] >= 0) return idx_van_id_[uid];
  auto idx = static_cast<int32_t>(s_.wordt18.size());
  idx_van_id_[uid] = idx;
  if (geboren == INT32_MIN) {
    s_.wordt18.push_back(kOpenEinde);
    s_.wordt23.push_back(kOpenEinde);
  } else {
    s_.wordt18.push_back(wordt(Date(geboren), 18));
    s_.wordt23.push_back(wordt(Date(geboren), 23));
  }
  return idx;
}

int32_t SnapshotBouwer::jeugdige_idx(int64_t id) { return jeugdige_index(id, INT32_MIN); }

void SnapshotBouwer::jeugdige(const store::BronJeugdige& r) {
  int32_t geboren = INT32_MIN;
  if (!lees_dag(r.geboortedatum, geboren)) geboren = INT32_MIN;
  jeugdige_index(r.id, geboren);
}

void SnapshotBouwer::bevolking(const store::BronBevolking& r) {
  if (r.leeftijd < 0 || r.leeftijd > 22 || r.aantal < 0 || r.jaar < 1900 || r.jaar > 2200) return;
  bev_.push_back({gemeente_id(r.gemeente), static_cast<int>(r.jaar), static_cast<int>(r.leeftijd),
                  static_cast<uint32_t>(r.aantal)});
}

void SnapshotBouwer::levering(const store::BronLevering& r) {
  ++s_.telling.leveringen;
  Deel d;
  if (!lees_dag(r.begindatum, d.aanvang) ||
      (!r.einddatum.empty() && !lees_dag(r.einddatum, d.einde)) || d.einde < d.aanvang) {
    ++s_.telling.ongeldig;
    return;
  }
  int32_t j = jeugdige_idx(r.jeugdige_id);
  if (j < 0) {
    ++s_.telling.ongeldig;
    return;
  }
  if (Maatregel m = maatregel_uit_categorie(r.categorie); m != Maatregel::kGeen) {
    s_.maatregelen.jeugdige.push_back(j);
    s_.maatregelen.aanvang.push_back(d.aanvang);
    s_.maatregelen.einde.push_back(d.einde);
    s_.maatregelen.gemeente.push_back(gemeente_id(r.gemeente));
    s_.maatregelen.soort.push_back(static_cast<uint8_t>(m));
    return;
  }
  d.hulpvorm = hulpvorm_van(r.categorie, r.productcode, d.aanvang);
  if (d.hulpvorm == 0) {
    ++s_.telling.geen_jeugdhulp;
    return;
  }
  d.jeugdige = j;
  d.gemeente = gemeente_id(r.gemeente);
  d.aanbieder = aanbieder_id(r.aanbieder);
  d.verwijzer = kVerwijzerGemeente;
  if (auto v = lees_code2(r.verwijzer); v && verwijzer_index(*v) >= 0) d.verwijzer = *v;
  d.reden = r.einddatum.empty() ? kRedenGeen : reden_uit_jz588(r.reden);
  d.crisis = crisis_categorie(r.categorie) ? 1 : 0;
  delen_.push_back(d);
}

void SnapshotBouwer::wijkteam(const store::BronWijkteam& r) {
  ++s_.telling.wijkteam;
  Deel d;
  if (!lees_dag(r.begindatum, d.aanvang) ||
      (!r.einddatum.empty() && !lees_dag(r.einddatum, d.einde)) || d.einde < d.aanvang) {
    ++s_.telling.ongeldig;
    return;
  }
  int32_t j = jeugdige_idx(r.jeugdige_id);
  if (j < 0) {
    ++s_.telling.ongeldig;
    return;
  }
  d.jeugdige = j;
  d.gemeente = gemeente_id(r.gemeente);
  std::string team = "wijkteam:";
  team += r.gemeente;
  d.aanbieder = aanbieder_id(team);
  d.hulpvorm = 1;                // spec §3.3: uitgevoerd door het wijk- of buurtteam
  d.verwijzer = kVerwijzerGeen;  // spec §3.2 (06): wijkteam care is vrij toegankelijk
  d.reden = r.einddatum.empty() ? kRedenGeen : reden_uit_jz588(r.reden);
  delen_.push_back(d);
}

void SnapshotBouwer::prestatie(const store::BronPrestatie& r) {
  ++s_.telling.prestaties;
  int32_t dag = 0;
  int32_t j = jeugdige_idx(r.jeugdige_id);
  if (!lees_dag(r.begindatum, dag) || j < 0) {
    ++s_.telling.ongeldig;
    return;
  }
  s_.kosten.jeugdige.push_back(j);
  s_.kosten.datum.push_back(dag);
  s_.kosten.gemeente.push_back(gemeente_id(r.gemeente));
  s_.kosten.hulpvorm.push_back(maatregel_uit_categorie(r.categorie) == Maatregel::kGeen
                                   ? hulpvorm_van(r.categorie, r.productcode, dag)
                                   : uint8_t{0});
  s_.kosten.bedrag_cent.push_back(r.bedrag_cent);
}

namespace {
// Reorders every column of `cols` by the permutation that sorts `key` ascending (stable).
template <class... V>
void sorteer_op(const std::vector<int32_t>& key, V&... cols) {
  std::vector<uint32_t> p(key.size());
  for (uint32_t i = 0; i < p.size(); ++i) p[i] = i;
  std::stable_sort(p.begin(), p.end(), [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  auto apply = [&](auto& col) {
    std::remove_reference_t<decltype(col)> out(col.size());
    for (size_t i = 0; i < p.size(); ++i) out[i] = col[p[i]];
    col.swap(out);
  };
  (apply(cols), ...);
}
}  // namespace

Snapshot SnapshotBouwer::klaar() {
  s_.trajecten = voeg_samen(std::move(delen_));
  delen_.clear();
  {
    auto& m = s_.maatregelen;
    auto key = m.jeugdige;
    sorteer_op(key, m.jeugdige, m.aanvang, m.einde, m.gemeente, m.soort);
  }
  {
    auto& k = s_.kosten;
    auto key = k.jeugdige;
    sorteer_op(key, k.jeugdige, k.datum, k.gemeente, k.hulpvorm, k.bedrag_cent);
  }
  if (!bev_.empty()) {
    int lo = INT32_MAX, hi = INT32_MIN;
    for (const Bev& b : bev_) lo = std::min(lo, b.jaar), hi = std::max(hi, b.jaar);
    s_.jaar_min = lo;
    s_.jaren = hi - lo + 1;
    s_.bevolking.assign(s_.gemeente_code.size() * static_cast<size_t>(s_.jaren) * 23, 0);
    for (const Bev& b : bev_)
      s_.bevolking[(static_cast<size_t>(b.g) * static_cast<size_t>(s_.jaren) +
                    static_cast<size_t>(b.jaar - lo)) *
                       23 +
                   static_cast<size_t>(b.leeftijd)] = b.aantal;
  }
  bev_.clear();
  return std::move(s_);
}

Result<Snapshot> bouw_snapshot(store::Store& store, std::string_view bekend_op) {
  SnapshotBouwer b;
  JR_RETURN_IF_ERROR(store::scan_snapshot_bron(store, b, bekend_op));
  return b.klaar();
}

}  // namespace jr::model
