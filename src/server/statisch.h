// Statisch: the dashboard's files as the server sends them. Each file is read once and kept
// in memory with a gzip form (and a brotli form where the build left one beside it, as
// web/bouw.mjs does for web/dist/), a strong ETag (a hash of the content) and its
// Last-Modified time; it is read again when the file on disk changes. Pages may include
// shared fragments from web/delen/ by a comment `<!--#naam-->` (the head, the navigation, the
// footer, a section's sub-navigation): the navigation marks the page itself as current
// (aria-current="page"), and a page of a section (contracten/budgetplafonds) its section too
// (aria-current="true").
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jr::server {

struct StatischBestand {
  std::string inhoud;  // as on disk (a page: with its fragments filled in)
  std::string gzip;    // empty when compression does not make it smaller
  std::string brotli;  // only when a fresh FILE.br lies beside the file
  std::string mime;
  std::string etag;              // "\"<hash>\""
  std::string laatst_gewijzigd;  // HTTP date of the newest source file
};

// The path below `root` that URL path `url` names, or nullopt when it would leave `root`
// (".." segments, backslashes, NUL, symlinks pointing out) or names no regular file.
std::optional<std::filesystem::path> veilig_pad(const std::filesystem::path& root,
                                                std::string_view url);

// `in` as a gzip stream at zlib level `niveau` (1 fastest - 9 smallest); empty on failure.
std::string gzip(std::string_view in, int niveau);

// Whether `token` ("gzip", "br") is in an Accept-Encoding list and not refused with q=0.
bool aanvaardt_codering(std::string_view lijst, std::string_view token);

// Which form of a file to send for a request's Accept-Encoding: "br", "gzip" or "".
std::string_view kies_codering(const StatischBestand& b, std::string_view accept_encoding);

// Whether a request with these If-None-Match / If-Modified-Since headers already has `b`
// (answer 304).
bool nog_geldig(const StatischBestand& b, std::string_view if_none_match,
                std::string_view if_modified_since);

class StatischeBestanden {
 public:
  explicit StatischeBestanden(std::filesystem::path web_dir) : web_(std::move(web_dir)) {}

  // The file at `pad` (below the web directory); nullptr when it cannot be read.
  std::shared_ptr<const StatischBestand> bestand(const std::filesystem::path& pad);
  // The page `pad` with its fragments from delen/ filled in; `naam` is the page's name in the
  // navigation (data-pagina), marked there as the current page.
  std::shared_ptr<const StatischBestand> pagina(const std::filesystem::path& pad,
                                                const std::string& naam);

 private:
  struct Ingang {
    std::vector<std::pair<std::filesystem::path, std::filesystem::file_time_type>> bronnen;
    std::shared_ptr<const StatischBestand> bestand;
  };
  std::shared_ptr<const StatischBestand> laad(const std::filesystem::path& pad,
                                              const std::optional<std::string>& pagina_naam);

  std::filesystem::path web_;
  std::mutex mu_;
  std::map<std::string, Ingang> cache_;  // key: path, plus "#naam" for a page
};

}  // namespace jr::server
