#include "server/statisch.h"

#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>

namespace jr::server {
namespace fs = std::filesystem;

namespace {

bool lees(const fs::path& p, std::string& uit) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  uit = ss.str();
  return true;
}

std::string mime(const fs::path& p) {
  auto e = p.extension().string();
  if (e == ".html") return "text/html; charset=utf-8";
  if (e == ".js" || e == ".mjs") return "text/javascript; charset=utf-8";
  if (e == ".css") return "text/css; charset=utf-8";
  if (e == ".svg") return "image/svg+xml";
  if (e == ".png") return "image/png";
  if (e == ".json") return "application/json";
  return "application/octet-stream";
}

std::string etag_van(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

std::string http_datum(fs::file_time_type t) {
  const auto sys = std::chrono::file_clock::to_sys(t);
  const std::time_t tt = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
  std::tm tm{};
  gmtime_r(&tt, &tm);
  static const char* dagen[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* maanden[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", dagen[tm.tm_wday],
                tm.tm_mday, maanden[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::optional<fs::file_time_type> gewijzigd(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  if (ec) return std::nullopt;
  return t;
}

}  // namespace

std::string gzip(std::string_view in, int niveau) {
  z_stream z{};
  if (deflateInit2(&z, niveau, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string uit(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(uit.data());
  z.avail_out = static_cast<uInt>(uit.size());
  const int r = deflate(&z, Z_FINISH);
  uit.resize(z.total_out);
  deflateEnd(&z);
  return r == Z_STREAM_END ? uit : std::string();
}

// Whether `token` is in the Accept-Encoding list without q=0.
bool aanvaardt_codering(std::string_view lijst, std::string_view token) {
  size_t i = 0;
  while (i < lijst.size()) {
    size_t j = lijst.find(',', i);
    if (j == std::string_view::npos) j = lijst.size();
    std::string_view deel = lijst.substr(i, j - i);
    i = j + 1;
    while (!deel.empty() && deel.front() == ' ') deel.remove_prefix(1);
    std::string_view naam = deel.substr(0, deel.find(';'));
    while (!naam.empty() && naam.back() == ' ') naam.remove_suffix(1);
    if (naam != token) continue;
    auto q = deel.find("q=");
    if (q == std::string_view::npos) return true;
    std::string_view w = deel.substr(q + 2);
    return !(w.substr(0, 1) == "0" && w.find_first_of("123456789") == std::string_view::npos);
  }
  return false;
}

std::optional<fs::path> veilig_pad(const fs::path& root, std::string_view url) {
  if (url.empty() || url.front() != '/') return std::nullopt;
  if (url.find('\0') != std::string_view::npos || url.find('\\') != std::string_view::npos)
    return std::nullopt;
  fs::path rel;
  size_t i = 1;
  while (i <= url.size()) {
    size_t j = url.find('/', i);
    if (j == std::string_view::npos) j = url.size();
    std::string_view seg = url.substr(i, j - i);
    if (seg == ".." || seg == "." || (!seg.empty() && seg.front() == '.')) return std::nullopt;
    if (!seg.empty()) rel /= std::string(seg);
    i = j + 1;
  }
  if (rel.empty()) return std::nullopt;
  std::error_code ec;
  auto basis = fs::weakly_canonical(root, ec);
  if (ec) return std::nullopt;
  auto doel = fs::weakly_canonical(basis / rel, ec);
  if (ec) return std::nullopt;
  auto [b, d] = std::mismatch(basis.begin(), basis.end(), doel.begin(), doel.end());
  if (b != basis.end()) return std::nullopt;
  if (!fs::is_regular_file(doel, ec)) return std::nullopt;
  return doel;
}

std::string_view kies_codering(const StatischBestand& b, std::string_view accept_encoding) {
  if (!b.brotli.empty() && aanvaardt_codering(accept_encoding, "br")) return "br";
  if (!b.gzip.empty() && aanvaardt_codering(accept_encoding, "gzip")) return "gzip";
  return "";
}

bool nog_geldig(const StatischBestand& b, std::string_view if_none_match,
                std::string_view if_modified_since) {
  if (!if_none_match.empty())
    return if_none_match == "*" || if_none_match.find(b.etag) != std::string_view::npos;
  return !if_modified_since.empty() && if_modified_since == b.laatst_gewijzigd;
}

std::shared_ptr<const StatischBestand> StatischeBestanden::bestand(const fs::path& pad) {
  return laad(pad, std::nullopt);
}

std::shared_ptr<const StatischBestand> StatischeBestanden::pagina(const fs::path& pad,
                                                                  const std::string& naam) {
  return laad(pad, naam);
}

std::shared_ptr<const StatischBestand> StatischeBestanden::laad(
    const fs::path& pad, const std::optional<std::string>& pagina_naam) {
  const std::string sleutel = pad.string() + (pagina_naam ? "#" + *pagina_naam : "");
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(sleutel);
    if (it != cache_.end()) {
      bool vers = true;
      for (const auto& [p, t] : it->second.bronnen)
        if (gewijzigd(p) != t) vers = false;
      if (vers) return it->second.bestand;
    }
  }
  Ingang in;
  auto b = std::make_shared<StatischBestand>();
  auto t = gewijzigd(pad);
  if (!t || !lees(pad, b->inhoud)) return nullptr;
  in.bronnen.emplace_back(pad, *t);
  auto nieuwste = *t;
  if (pagina_naam) {
    // <!--#naam--> -> web/delen/naam.html
    std::string uit;
    size_t i = 0;
    constexpr std::string_view kBegin = "<!--#", kEind = "-->";
    while (true) {
      size_t a = b->inhoud.find(kBegin, i);
      if (a == std::string::npos) break;
      size_t e = b->inhoud.find(kEind, a);
      if (e == std::string::npos) break;
      const std::string naam = b->inhoud.substr(a + kBegin.size(), e - a - kBegin.size());
      if (naam.empty() || naam.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
        return nullptr;
      const fs::path deel = web_ / "delen" / (naam + ".html");
      auto td = gewijzigd(deel);
      std::string tekst;
      if (!td || !lees(deel, tekst)) return nullptr;
      in.bronnen.emplace_back(deel, *td);
      nieuwste = std::max(nieuwste, *td);
      // The page itself, current in the navigation; a page of a section
      // (contracten/budgetplafonds) also marks its section (contracten) in the main navigation.
      auto markeer = [&tekst](const std::string& link_naam, std::string_view aria) {
        const std::string link =
            "\" href=\"/" + link_naam + "\" data-pagina=\"" + link_naam + "\">";
        if (auto l = tekst.find(link); l != std::string::npos)
          tekst.replace(l, link.size(),
                        " utrecht-link--current\" href=\"/" + link_naam + "\" data-pagina=\"" +
                            link_naam + "\" aria-current=\"" + std::string(aria) + "\">");
      };
      markeer(*pagina_naam, "page");
      if (auto schuin = pagina_naam->find('/'); schuin != std::string::npos)
        markeer(pagina_naam->substr(0, schuin), "true");
      // In place of the comment, which keeps its own indentation.
      tekst.erase(0, tekst.find_first_not_of(' '));
      while (!tekst.empty() && tekst.back() == '\n') tekst.pop_back();
      uit.append(b->inhoud, i, a - i);
      uit += tekst;
      i = e + kEind.size();
    }
    uit.append(b->inhoud, i, std::string::npos);
    b->inhoud = std::move(uit);
  }
  // Compressed forms the build left beside the file, when not older than it.
  auto naast = [&](const char* ext, std::string& doel) {
    fs::path p = pad;
    p += ext;
    auto tp = gewijzigd(p);
    if (!pagina_naam && tp && *tp >= *t && lees(p, doel)) in.bronnen.emplace_back(p, *tp);
  };
  naast(".br", b->brotli);
  naast(".gz", b->gzip);
  if (b->gzip.empty()) b->gzip = gzip(b->inhoud, 9);  // once per file version
  if (b->gzip.size() >= b->inhoud.size()) b->gzip.clear();
  if (b->brotli.size() >= b->inhoud.size()) b->brotli.clear();
  b->mime = mime(pad);
  b->etag = etag_van(b->inhoud);
  b->laatst_gewijzigd = http_datum(nieuwste);
  in.bestand = b;
  std::lock_guard lock(mu_);
  cache_[sleutel] = std::move(in);
  return b;
}

}  // namespace jr::server
