// Server: the HTTP server of `jeugdregie serve` (cpp-httplib with a thread pool): the API
// routes of Api under /api/v1, and the dashboard's files from the web directory (its pages,
// its own modules and styles, and the few files it needs from web/node_modules).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "domain/status.h"
#include "server/api.h"

namespace jr::server {

struct ServerOpties {
  std::string host = "127.0.0.1";
  int port = 8080;                // 0: any free port (see Server::port())
  std::filesystem::path web_dir;  // holds index pages, js/, css/, node_modules/
  int threads = 64;
};

class Server {
 public:
  Server(Api& api, ServerOpties opties);
  ~Server();

  // Binds the port. Unavailable when it cannot (in use, no permission).
  Status bind();
  // Serves until stop() is called (blocks).
  void luister();
  void stop();
  int port() const { return port_; }
  // Waits until the server accepts connections (for tests).
  void wacht_tot_klaar() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

// The path below `root` that URL path `url` names, or nullopt when it would leave `root`
// (".." segments, backslashes, NUL, symlinks pointing out) or names no regular file.
std::optional<std::filesystem::path> veilig_pad(const std::filesystem::path& root,
                                                std::string_view url);

}  // namespace jr::server
