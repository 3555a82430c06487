#include "generate/bestanden.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <type_traits>

#include "ijw/writer.h"

namespace jr::generate {
namespace {

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
  static const char* const kNamen[] = {"JW301", "JW305", "JW307", "JW315", "JW323"};
  return kNamen[b.index()];
}

}  // namespace

Result<std::unique_ptr<Bestanden>> Bestanden::open(const std::filesystem::path& dir, const Regio& r,
                                                   int van_jaar, int tot_jaar) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
    return FailedPrecondition("uitvoermap is niet leeg: " + dir.string());
  std::filesystem::create_directories(dir / "berichten", ec);
  if (ec) return Unavailable("kan uitvoermap niet maken: " + dir.string());
  std::unique_ptr<Bestanden> b(new Bestanden(dir, r));

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

Status Bestanden::sluit() {
  if (!wijkteam_) return Status::Ok();
  const bool fout = std::ferror(wijkteam_) != 0;
  const bool dicht = std::fclose(wijkteam_) == 0;
  wijkteam_ = nullptr;
  if (fout || !dicht) return Unavailable("schrijffout in wijkteam.csv");
  return schrijf_contracten();
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
    dag_ = d.days();
    volgnr_ = 0;
    const std::string iso = d.iso();
    dagmap_ = (dir_ / "berichten" / iso.substr(0, 4) / iso).string();
    std::error_code ec;
    std::filesystem::create_directories(dagmap_, ec);
    if (ec) return Unavailable("kan map niet maken: " + iso);
  }
  char naam[32];
  std::snprintf(naam, sizeof naam, "/%06lld-%s.xml", static_cast<long long>(++volgnr_),
                type_naam(b));
  const std::string xml = ijw::write_xml(b);
  const std::string pad = dagmap_ + naam;
  std::FILE* f = std::fopen(pad.c_str(), "wb");
  if (!f) return Unavailable("kan bericht niet schrijven");
  const size_t n = std::fwrite(xml.data(), 1, xml.size(), f);
  const bool ok = std::fclose(f) == 0 && n == xml.size();
  if (!ok) return Unavailable("schrijffout in bericht");
  ++berichten_;
  bytes_ += static_cast<int64_t>(xml.size());
  return Status::Ok();
}

Status Bestanden::wijkteam(const WijkteamRegel& w) {
  std::string s = w.gemeente + "," + w.bsn + "," + w.geboortedatum.iso() + "," + w.geslacht + "," +
                  w.begindatum.iso() + "," + (w.einddatum ? w.einddatum->iso() : "") + "," +
                  w.reden_beeindiging + "\n";
  if (std::fputs(s.c_str(), wijkteam_) < 0) return Unavailable("schrijffout in wijkteam.csv");
  return Status::Ok();
}

}  // namespace jr::generate
