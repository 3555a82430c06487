#include "generate/bestanden.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>
#include <type_traits>

#include "domain/tar.h"
#include "ijw/writer.h"

namespace jr::generate {
namespace {

// Work is handed over in batches of about this many bytes (or messages), and at most
// kMaxBatches wait: the memory in flight stays under ~32 MiB whatever the region's size.
constexpr size_t kBatchBytes = 4u << 20;
constexpr size_t kBatchWerk = 2048;
constexpr size_t kMaxBatches = 6;

std::string csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status schrijf(const std::filesystem::path& p, const std::string& inhoud) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << inhoud;
  out.close();
  if (!out) return Unavailable("kan niet schrijven: " + p.filename().string());
  return Status::Ok();
}

const char* type_naam(const ijw::Bericht& b) {
  static const char* const kNamen[] = {"JW301", "JW305", "JW307", "JW315", "JW317", "JW323"};
  static_assert(std::size(kNamen) == std::variant_size_v<ijw::Bericht>);
  return kNamen[b.index()];
}

}  // namespace

// The writing thread: creates directories, writes message files, and gzip-compresses the
// day archives as their bytes arrive. Work is done in the order it was handed over; after
// the first error the rest is dropped and the error is reported to the producer.
class Bestanden::Schrijver {
 public:
  Schrijver() : thread_([this] { loop(); }) {}
  ~Schrijver() {
    (void)sluit();
    if (z_open_) deflateEnd(&z_);
    if (archief_) std::fclose(archief_);
  }

  // Blocks while kMaxBatches batches wait. The first error of the thread so far.
  Status geef(std::vector<Werk> batch) {
    std::unique_lock lock(mu_);
    ruimte_.wait(lock, [&] { return rij_.size() < kMaxBatches; });
    if (!fout_.ok()) return fout_;
    rij_.push_back(std::move(batch));
    werk_.notify_one();
    return Status::Ok();
  }

  // Waits until all work is done and ends the thread; the first error.
  Status sluit() {
    {
      std::lock_guard lock(mu_);
      klaar_ = true;
      werk_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
    return fout_;
  }

 private:
  void loop() {
    for (;;) {
      std::vector<Werk> batch;
      {
        std::unique_lock lock(mu_);
        werk_.wait(lock, [&] { return klaar_ || !rij_.empty(); });
        if (rij_.empty()) return;
        batch = std::move(rij_.front());
        rij_.pop_front();
        ruimte_.notify_one();
        if (!fout_.ok()) continue;
      }
      for (auto& w : batch) {
        Status s = doe(w);
        if (!s.ok()) {
          std::lock_guard lock(mu_);
          fout_ = s;
          break;
        }
      }
    }
  }

  Status doe(Werk& w) {
    switch (w.soort) {
      case Werk::kMap: {
        std::error_code ec;
        std::filesystem::create_directories(w.pad, ec);
        if (ec) return Unavailable("kan map niet maken: " + w.pad);
        return Status::Ok();
      }
      case Werk::kBestand: {
        std::FILE* f = std::fopen(w.pad.c_str(), "wb");
        if (!f) return Unavailable("kan bericht niet schrijven");
        const size_t n = std::fwrite(w.inhoud.data(), 1, w.inhoud.size(), f);
        if (std::fclose(f) != 0 || n != w.inhoud.size())
          return Unavailable("schrijffout in bericht");
        return Status::Ok();
      }
      case Werk::kArchiefOpen:
        archief_pad_ = w.pad;
        archief_ = std::fopen(w.pad.c_str(), "wb");
        if (!archief_) return Unavailable("kan archief niet maken: " + w.pad);
        z_ = z_stream{};
        // gzip wrapper (15 + 16) with a zero header time: the same bytes give the same file.
        if (deflateInit2(&z_, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
          return Internal("zlib: deflateInit2 mislukt");
        z_open_ = true;
        return Status::Ok();
      case Werk::kArchiefData:
        return comprimeer(w.inhoud, Z_NO_FLUSH);
      case Werk::kArchiefSluit: {
        Status s = comprimeer({}, Z_FINISH);
        deflateEnd(&z_);
        z_open_ = false;
        const bool dicht = std::fclose(archief_) == 0;
        archief_ = nullptr;
        if (s.ok() && !dicht) return Unavailable("schrijffout in archief: " + archief_pad_);
        return s;
      }
    }
    return Internal("onbekend werk");
  }

  Status comprimeer(std::string_view in, int flush) {
    if (!z_open_ || !archief_) return Internal("geen archief open");
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    uit_.resize(1u << 18);
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(uit_.data());
      z_.avail_out = static_cast<uInt>(uit_.size());
      const int rc = deflate(&z_, flush);
      if (rc == Z_STREAM_ERROR) return Internal("zlib: deflate mislukt");
      const size_t n = uit_.size() - z_.avail_out;
      if (n > 0 && std::fwrite(uit_.data(), 1, n, archief_) != n)
        return Unavailable("schrijffout in archief: " + archief_pad_);
      if (flush == Z_FINISH ? rc == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0))
        return Status::Ok();
    }
  }

  std::mutex mu_;
  std::condition_variable werk_, ruimte_;
  std::deque<std::vector<Werk>> rij_;
  bool klaar_ = false;
  Status fout_;
  // Thread-owned state.
  std::FILE* archief_ = nullptr;
  std::string archief_pad_;
  z_stream z_{};
  bool z_open_ = false;
  std::string uit_;
  std::thread thread_;  // last: starts when everything above is constructed
};

Bestanden::Bestanden(std::filesystem::path dir, const Regio& r, bool tar)
    : dir_(std::move(dir)), regio_(r), tar_(tar), schrijver_(std::make_unique<Schrijver>()) {}

Result<std::unique_ptr<Bestanden>> Bestanden::open(const std::filesystem::path& dir, const Regio& r,
                                                   int van_jaar, int tot_jaar, bool tar) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
    return FailedPrecondition("uitvoermap is niet leeg: " + dir.string());
  std::filesystem::create_directories(dir / "berichten", ec);
  if (ec) return Unavailable("kan uitvoermap niet maken: " + dir.string());
  std::unique_ptr<Bestanden> b(new Bestanden(dir, r, tar));

  std::string s = "gemeente,naam,regio\n";
  for (const auto& g : r.gemeenten) s += g.code + "," + csv(g.naam) + "," + csv(g.regio) + "\n";
  JR_RETURN_IF_ERROR(schrijf(dir / "gemeenten.csv", s));

  s = "agb,naam,soort\n";
  for (const auto& a : r.aanbieders) s += a.agb + "," + csv(a.naam) + "," + a.soort + "\n";
  JR_RETURN_IF_ERROR(schrijf(dir / "aanbieders.csv", s));

  s = "productcategorie,productcode,omschrijving,eenheid,tarief_cent,hulpvorm,geldig_van,geldig_"
      "tot\n";
  for (const auto& p : r.producten)
    s += p.categorie + "," + p.code + "," + csv(p.omschrijving) + "," + p.eenheid + "," +
         std::to_string(p.tarief_cent) + "," + p.hulpvorm + ",2015-01-01,\n";
  JR_RETURN_IF_ERROR(schrijf(dir / "producten.csv", s));

  s = "gemeente,jaar,leeftijd,aantal\n";
  for (size_t g = 0; g < r.gemeenten.size(); ++g)
    for (int y = van_jaar; y <= tot_jaar; ++y)
      for (int a = 0; a < 23; ++a)
        s += r.gemeenten[g].code + "," + std::to_string(y) + "," + std::to_string(a) + "," +
             std::to_string(r.aantal(g, y, a)) + "\n";
  JR_RETURN_IF_ERROR(schrijf(dir / "bevolking.csv", s));

  b->wijkteam_ = std::fopen((dir / "wijkteam.csv").c_str(), "wb");
  if (!b->wijkteam_) return Unavailable("kan wijkteam.csv niet maken");
  std::fputs("gemeente,bsn,geboortedatum,geslacht,begindatum,einddatum,reden_beeindiging\n",
             b->wijkteam_);
  return b;
}

Bestanden::~Bestanden() {
  if (wijkteam_) std::fclose(wijkteam_);
}

Status Bestanden::geef(Werk w) {
  batch_bytes_ += w.inhoud.size();
  batch_.push_back(std::move(w));
  if (batch_bytes_ < kBatchBytes && batch_.size() < kBatchWerk) return Status::Ok();
  batch_bytes_ = 0;
  return schrijver_->geef(std::exchange(batch_, {}));
}

Status Bestanden::sluit_dag() {
  if (!tar_ || dag_ == INT32_MIN) return Status::Ok();
  tar_append_end(archief_);
  JR_RETURN_IF_ERROR(geef(Werk{Werk::kArchiefData, {}, std::exchange(archief_, {})}));
  return geef(Werk{Werk::kArchiefSluit, {}, {}});
}

Status Bestanden::sluit() {
  Status s = sluit_dag();
  dag_ = INT32_MIN;
  if (s.ok() && !batch_.empty()) s = schrijver_->geef(std::exchange(batch_, {}));
  const Status t = schrijver_->sluit();
  if (s.ok()) s = t;
  if (wijkteam_) {
    const bool fout = std::ferror(wijkteam_) != 0;
    const bool dicht = std::fclose(wijkteam_) == 0;
    wijkteam_ = nullptr;
    if (s.ok() && (fout || !dicht)) s = Unavailable("schrijffout in wijkteam.csv");
  }
  if (s.ok()) s = schrijf_contracten();
  return s;
}

namespace {

// A stable number in [0, 1) from a text (FNV-1a), so that the files do not depend on the
// order of draws in the simulation.
double spreiding(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return static_cast<double>(h % 10007) / 10007.0;
}

// The plafond as a multiple of the expected spend, per aanbieder: most have room, some
// reach 80 or 90 %, a few exceed it.
constexpr double kPlafondFactor[] = {1.35, 1.18, 1.08, 0.95, 1.25, 1.12, 0.86, 1.04, 1.45, 1.16};

// Seed 002 (Zutphen): maatwerk 76 % of the budget in 2021 towards 70 % in 2024.
double doel_maatwerk(int jaar) {
  if (jaar <= 2021) return 76;
  if (jaar == 2022) return 73;
  if (jaar == 2023) return 71;
  return 70;
}

}  // namespace

Status Bestanden::schrijf_contracten() {
  std::map<std::pair<std::string, int>, int64_t> per_aanbieder;
  std::map<std::pair<std::string, int>, int64_t> per_gemeente;
  for (const auto& [k, cent] : gedeclareerd_) {
    per_aanbieder[{std::get<0>(k), std::get<2>(k)}] += cent;
    per_gemeente[{std::get<1>(k), std::get<2>(k)}] += cent;
  }
  // Spend of a whole year: the last year is extrapolated from its declared months.
  auto heel_jaar = [&](int64_t cent, int jaar) {
    auto it = laatste_maand_.find(jaar);
    const unsigned m = it == laatste_maand_.end() ? 12 : it->second;
    return static_cast<double>(cent) * 12.0 / static_cast<double>(m);
  };
  int eerste_jaar = 0;
  for (const auto& [j, m] : laatste_maand_)
    if (!eerste_jaar) eerste_jaar = j;
  if (!eerste_jaar) eerste_jaar = 2024;

  std::string c = "kenmerk,aanbieder,soort,ingangsdatum,einddatum,gemeenten\n";
  for (const auto& a : regio_.aanbieders) {
    std::string gemeenten;
    for (const auto& g : regio_.gemeenten)
      if (g.regio == a.regio) gemeenten += (gemeenten.empty() ? "" : ";") + g.code;
    if (gemeenten.empty()) continue;
    const bool verblijf = std::any_of(a.hulpvormen.begin(), a.hulpvormen.end(),
                                      [](const std::string& h) { return h[0] == '1'; });
    const std::string soort = a.soort == "gi" ? "taakgericht" : verblijf ? "inspanning" : "output";
    c += "JH-" + std::to_string(eerste_jaar) + "-" + a.agb + "," + a.agb + "," + soort + "," +
         std::to_string(eerste_jaar) + "-01-01,," + gemeenten + "\n";
  }
  JR_RETURN_IF_ERROR(schrijf(dir_ / "contracten.csv", c));

  std::string p = "aanbieder,jaar,gemeente,productcategorie,bedrag_cent,bij_overschrijding\n";
  size_t i = 0;
  for (const auto& a : regio_.aanbieders) {
    if (a.soort != "aanbieder") continue;  // GIs have no plafond
    const double f = kPlafondFactor[i++ % std::size(kPlafondFactor)];
    for (const auto& [k, cent] : per_aanbieder) {
      if (k.first != a.agb || cent <= 0) continue;
      const double verwacht = heel_jaar(cent, k.second);
      const int64_t plafond =
          std::max<int64_t>(100000, std::llround(verwacht * f / 100000.0) * 100000);
      const bool weigeren = spreiding(a.agb + "w") < 0.2;
      p += a.agb + "," + std::to_string(k.second) + ",,," + std::to_string(plafond) + "," +
           (weigeren ? "weigeren" : "waarschuwen") + "\n";
    }
  }
  JR_RETURN_IF_ERROR(schrijf(dir_ / "budgetplafonds.csv", p));

  std::string v = "gemeente,jaar,soort,bedrag_cent\n";
  std::string d = "gemeente,jaar,pct_maatwerk,bron\n";
  for (const auto& [k, cent] : per_gemeente) {
    if (cent <= 0) continue;
    const auto& [code, jaar] = k;
    const double x = spreiding(code + std::to_string(jaar));
    const double pgb = static_cast<double>(cent) * (0.02 + 0.02 * x);
    // Maatwerk share around the target path, from 2 points above to 2 points below it.
    const double m =
        (doel_maatwerk(jaar) + 2.0 - 4.0 * spreiding(code + "m" + std::to_string(jaar))) / 100.0;
    const double algemeen = (static_cast<double>(cent) + pgb) * (1.0 - m) / m;
    v += code + "," + std::to_string(jaar) + ",pgb," + std::to_string(std::llround(pgb)) + "\n";
    v += code + "," + std::to_string(jaar) + ",algemeen," + std::to_string(std::llround(algemeen)) +
         "\n";
    char pct[16];
    std::snprintf(pct, sizeof pct, "%.0f", doel_maatwerk(jaar));
    d += code + "," + std::to_string(jaar) + "," + pct +
         ",\"verhouding maatwerk/algemeen 76/24 (2021) naar 70/30 (2024), seed 002\"\n";
  }
  JR_RETURN_IF_ERROR(schrijf(dir_ / "voorzieningen.csv", v));
  JR_RETURN_IF_ERROR(schrijf(dir_ / "voorzieningsdoelen.csv", d));
  return Status::Ok();
}

Status Bestanden::bericht(const ijw::Bericht& b) {
  if (const auto* m = std::get_if<ijw::Jw323>(&b)) {
    for (const auto& c : m->clienten)
      for (const auto& pr : c.prestaties) {
        const Date pb = pr.product_periode.begindatum;
        gedeclareerd_[{m->header.afzender, m->header.ontvanger, pb.year()}] +=
            pr.ingediend_bedrag.signed_cents();
        auto& lm = laatste_maand_[pb.year()];
        lm = std::max(lm, pb.month());
      }
  }
  const Date d = std::visit([](const auto& m) { return m.header.dagtekening; }, b);
  if (d.days() != dag_) {
    JR_RETURN_IF_ERROR(sluit_dag());
    dag_ = d.days();
    volgnr_ = 0;
    iso_ = d.iso();
    const std::string jaarmap = (dir_ / "berichten" / iso_.substr(0, 4)).string();
    if (tar_) {
      if (d.year() != jaar_) JR_RETURN_IF_ERROR(geef(Werk{Werk::kMap, jaarmap, {}}));
      JR_RETURN_IF_ERROR(geef(Werk{Werk::kArchiefOpen, jaarmap + "/" + iso_ + ".tar.gz", {}}));
    } else {
      dagmap_ = jaarmap + "/" + iso_;
      JR_RETURN_IF_ERROR(geef(Werk{Werk::kMap, dagmap_, {}}));
    }
    jaar_ = d.year();
  }
  char naam[32];
  std::snprintf(naam, sizeof naam, "%06lld-%s.xml", static_cast<long long>(++volgnr_),
                type_naam(b));
  xml_.clear();
  ijw::append_xml(b, xml_);
  ++berichten_;
  bytes_ += static_cast<int64_t>(xml_.size());
  if (!tar_) return geef(Werk{Werk::kBestand, dagmap_ + "/" + naam, xml_});
  // Members are named as the files of the directory layout below berichten/YYYY/, dated at
  // midnight (UTC) of the dagtekening.
  JR_RETURN_IF_ERROR(
      tar_append_file(archief_, iso_ + "/" + naam, xml_, static_cast<int64_t>(d.days()) * 86400));
  if (archief_.size() < kBatchBytes) return Status::Ok();
  return geef(Werk{Werk::kArchiefData, {}, std::exchange(archief_, {})});
}

Status Bestanden::wijkteam(const WijkteamRegel& w) {
  std::string s = w.gemeente + "," + w.bsn + "," + w.geboortedatum.iso() + "," + w.geslacht + "," +
                  w.begindatum.iso() + "," + (w.einddatum ? w.einddatum->iso() : "") + "," +
                  w.reden_beeindiging + "\n";
  if (std::fputs(s.c_str(), wijkteam_) < 0) return Unavailable("schrijffout in wijkteam.csv");
  return Status::Ok();
}

}  // namespace jr::generate
