#include "generate/bestanden.h"

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
  std::unique_ptr<Bestanden> b(new Bestanden(dir));

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
  return Status::Ok();
}

Status Bestanden::bericht(const ijw::Bericht& b) {
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
