// Server: the HTTP transport of `jeugdregie serve`, on GNU libmicrohttpd. An event loop
// (epoll) reads requests without a thread per connection, so a slow or silent client costs a
// socket, not a worker; each complete request goes to a pool of workers that run the Router
// (router.h), and the answer goes back through the event loop. At the edge: a connection that
// sends nothing for `lees_timeout` is closed, at most `max_per_adres` connections per client
// address and `max_verbindingen` in all are served at once (others are closed at once), a
// request body needs a Content-Length (411 without: no waiting for the end of a stream) of at
// most `max_body` bytes (413), and the port is bound exclusively: a second server on a port in
// use refuses to start.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "domain/status.h"
#include "server/api.h"

namespace jr::server {

struct ServerOpties {
  std::string host = "127.0.0.1";
  int port = 8080;                     // 0: any free port (see Server::port())
  std::filesystem::path web_dir;       // holds the pages, js/, css/, dist/
  int threads = 16;                    // workers that run handlers
  int max_verbindingen = 1000;         // open connections in all
  int max_per_adres = 64;              // open connections per client address (0: no limit; behind
                                       // a proxy every client has the proxy's address)
  int lees_timeout = 10;               // seconds without a byte from the client: closed
  size_t max_body = 16 * 1024 * 1024;  // bytes of a request body
};

class Server {
 public:
  Server(Api& api, ServerOpties opties);
  ~Server();

  // Binds the port (exclusively: no SO_REUSEPORT). Unavailable with a clear message when it
  // cannot: the port is in use (another server), the address is unknown, or no permission.
  Status bind();
  // Serves until stop() is called (blocks). Requires a successful bind().
  void luister();
  // Stops serving: running requests finish, then luister() returns. Safe from any thread.
  void stop();
  int port() const { return port_; }
  // Waits until the server accepts connections (for tests).
  void wacht_tot_klaar() const;

  struct Impl;  // defined in server.cpp (public for its libmicrohttpd callbacks)

 private:
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace jr::server
