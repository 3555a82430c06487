#include "server/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "server/antwoord.h"
#include "server/probleem.h"
#include "server/router.h"

namespace jr::server {
namespace fs = std::filesystem;

namespace {

constexpr int kLuisterWachtrij = 1024;  // listen backlog (capped by net.core.somaxconn)
constexpr unsigned kPollThreads = 2;    // event loops (epoll); handlers run in the workers

// A fixed set of threads that run jobs in order of arrival.
class Werkers {
 public:
  explicit Werkers(int n) {
    for (int i = 0; i < n; ++i) draden_.emplace_back([this] { werk(); });
  }
  ~Werkers() {
    {
      std::lock_guard lock(mu_);
      stoppen_ = true;
    }
    cv_.notify_all();
    for (auto& d : draden_) d.join();
  }
  void voeg_toe(std::function<void()> taak) {
    {
      std::lock_guard lock(mu_);
      taken_.push_back(std::move(taak));
    }
    cv_.notify_one();
  }
  // Waits until no job is queued or running.
  void wacht_leeg() {
    std::unique_lock lock(mu_);
    leeg_.wait(lock, [this] { return taken_.empty() && bezig_ == 0; });
  }

 private:
  void werk() {
    std::unique_lock lock(mu_);
    while (true) {
      cv_.wait(lock, [this] { return stoppen_ || !taken_.empty(); });
      if (taken_.empty()) return;  // stopping
      auto taak = std::move(taken_.front());
      taken_.pop_front();
      ++bezig_;
      lock.unlock();
      taak();
      lock.lock();
      --bezig_;
      if (taken_.empty() && bezig_ == 0) leeg_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_, leeg_;
  std::deque<std::function<void()>> taken_;
  int bezig_ = 0;
  bool stoppen_ = false;
  std::vector<std::thread> draden_;
};

// One request on a connection, from its first line to the answer sent.
struct Lopend {
  HttpVerzoek verzoek;
  bool koppen_gelezen = false;
  bool te_groot = false;
  bool bezig = false;               // handed to a worker
  std::atomic<bool> klaar = false;  // the worker's answer is ready
  Antwoord antwoord;
};

std::string adres_van(MHD_Connection* c) {
  const MHD_ConnectionInfo* ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!ci || !ci->client_addr) return {};
  char buf[INET6_ADDRSTRLEN] = {};
  const sockaddr* sa = ci->client_addr;
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
  else if (sa->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
  return buf;
}

MHD_Result kopregel(void* cls, MHD_ValueKind, const char* k, size_t ks, const char* v, size_t vs) {
  auto* r = static_cast<HttpVerzoek*>(cls);
  r->kopregels.emplace_back(std::string(k, ks), v ? std::string(v, vs) : std::string());
  return MHD_YES;
}

// Queues `a` on connection `c`; the body stays alive in `bewaar` until the request completes.
MHD_Result stuur(MHD_Connection* c, Antwoord& a) {
  MHD_Response* resp =
      MHD_create_response_from_buffer(a.body.size(), a.body.data(), MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  if (!a.content_type.empty())
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, a.content_type.c_str());
  for (const auto& [k, v] : a.headers) MHD_add_response_header(resp, k.c_str(), v.c_str());
  const MHD_Result r = MHD_queue_response(c, static_cast<unsigned>(a.status), resp);
  MHD_destroy_response(resp);
  return r;
}

}  // namespace

struct Server::Impl {
  Impl(Api& api, ServerOpties o)
      : opties(std::move(o)), router(api, opties.web_dir), werkers(opties.threads) {}
  ~Impl() { sluit(); }

  // The request's first call: the request line and headers are in. Early refusals here
  // (411, 413) are answered before any body is read.
  MHD_Result begin(MHD_Connection* c, Lopend& l, const char* methode) {
    l.koppen_gelezen = true;
    l.verzoek.methode = methode;
    l.verzoek.adres = adres_van(c);
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, kopregel, &l.verzoek);
    const std::string lengte = l.verzoek.kop("Content-Length");
    const bool met_body =
        l.verzoek.methode == "POST" || l.verzoek.methode == "PUT" || l.verzoek.methode == "PATCH";
    auto weiger = [&](int status, const char* code, const char* titel, std::string detail) {
      l.antwoord = probleem_antwoord({status, code, titel, std::move(detail), {}});
      l.antwoord.headers.emplace_back("API-Version", std::string(kApiVersie));
      l.antwoord.headers.emplace_back("Connection", "close");
      // The audit event is written by a worker: the event loop never waits for the store.
      {
        std::lock_guard lock(werk_mu);
        if (!stoppend) {
          HttpVerzoek kopie;
          kopie.methode = l.verzoek.methode;
          kopie.doel = l.verzoek.doel;
          werkers.voeg_toe(
              [this, kopie = std::move(kopie), status] { router.weigering(kopie, status); });
        }
      }
      return stuur(c, l.antwoord);
    };
    if (!l.verzoek.kop("Transfer-Encoding").empty() || (met_body && lengte.empty()))
      return weiger(411, "length-required", "Lengte ontbreekt.",
                    "Stuur de body met een Content-Length (geen chunked transfer).");
    if (!lengte.empty()) {
      errno = 0;
      char* eind = nullptr;
      const unsigned long long n = std::strtoull(lengte.c_str(), &eind, 10);
      if (errno != 0 || *eind != '\0' || n > 4 * opties.max_body)
        return weiger(413, "payload-too-large", "Het verzoek is te groot.",
                      "Hoogstens " + std::to_string(opties.max_body / (1024 * 1024)) + " MiB.");
      // A body somewhat over the limit is read and thrown away, so that a client that sends
      // it without waiting (no Expect: 100-continue) still receives the 413; a socket, not a
      // worker, waits for it.
      if (n > opties.max_body)
        l.te_groot = true;
      else
        l.verzoek.body.reserve(static_cast<size_t>(n));
    }
    return MHD_YES;
  }

  MHD_Result ontvang(MHD_Connection* c, const char* methode, const char* data, size_t* grootte,
                     void** req_cls) {
    auto* l = static_cast<Lopend*>(*req_cls);
    if (!l) return MHD_NO;  // the URI callback always makes one
    if (!l->koppen_gelezen) return begin(c, *l, methode);
    if (*grootte != 0) {
      if (!l->te_groot && l->verzoek.body.size() + *grootte > opties.max_body) {
        l->te_groot = true;
        l->verzoek.body.clear();
      }
      if (!l->te_groot) l->verzoek.body.append(data, *grootte);
      *grootte = 0;
      return MHD_YES;
    }
    if (l->klaar.load(std::memory_order_acquire)) return stuur(c, l->antwoord);
    if (l->bezig) return MHD_YES;
    l->bezig = true;
    std::lock_guard lock(werk_mu);
    if (stoppend) {
      l->antwoord = probleem_antwoord(van_status(Unavailable("")));
      l->antwoord.headers.emplace_back("Retry-After", "1");
      l->antwoord.headers.emplace_back("Connection", "close");
      return stuur(c, l->antwoord);
    }
    MHD_suspend_connection(c);
    werkers.voeg_toe([this, c, l] {
      if (l->te_groot) {
        l->antwoord = probleem_antwoord(
            {413,
             "payload-too-large",
             "Het verzoek is te groot.",
             "Hoogstens " + std::to_string(opties.max_body / (1024 * 1024)) + " MiB.",
             {}});
        l->antwoord.headers.emplace_back("API-Version", std::string(kApiVersie));
        router.weigering(l->verzoek, 413);
      } else {
        l->antwoord = router.verwerk(l->verzoek);
      }
      l->verzoek.body.clear();
      l->verzoek.body.shrink_to_fit();
      l->klaar.store(true, std::memory_order_release);
      MHD_resume_connection(c);
    });
    return MHD_YES;
  }

  void sluit() {
    std::lock_guard lock(mu);
    if (daemon) {
      const MHD_socket luister = MHD_quiesce_daemon(daemon);  // no new connections
      {
        std::lock_guard werk(werk_mu);  // no new jobs after this (503 instead) ...
        stoppend = true;
      }
      werkers.wacht_leeg();  // ... and every suspended connection is resumed by its worker
      MHD_stop_daemon(daemon);
      daemon = nullptr;
      if (luister != MHD_INVALID_SOCKET) ::close(luister);
    }
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
    }
    gestopt = true;
    gestopt_cv.notify_all();
  }

  ServerOpties opties;
  Router router;
  Werkers werkers;
  int fd = -1;
  MHD_Daemon* daemon = nullptr;
  std::mutex werk_mu;  // guards stoppend against jobs being handed out
  bool stoppend = false;
  std::mutex mu;
  std::condition_variable gestopt_cv;
  bool gestopt = false;
};

namespace {

void* begin_verzoek(void*, const char* uri, MHD_Connection*) {
  auto* l = new Lopend;
  l->verzoek.doel = uri ? uri : "";
  return l;
}

void einde_verzoek(void*, MHD_Connection*, void** req_cls, MHD_RequestTerminationCode) {
  delete static_cast<Lopend*>(*req_cls);
  *req_cls = nullptr;
}

MHD_Result ontvang_cb(void* cls, MHD_Connection* c, const char*, const char* methode, const char*,
                      const char* data, size_t* grootte, void** req_cls) {
  return static_cast<Server::Impl*>(cls)->ontvang(c, methode, data, grootte, req_cls);
}

}  // namespace

Server::Server(Api& api, ServerOpties opties)
    : impl_(std::make_unique<Impl>(api, std::move(opties))) {}

Server::~Server() { stop(); }

Status Server::bind() {
  auto& o = impl_->opties;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* ai = nullptr;
  const std::string poort = std::to_string(o.port);
  if (getaddrinfo(o.host.c_str(), poort.c_str(), &hints, &ai) != 0 || !ai)
    return Unavailable("adres " + o.host + " is onbekend");
  const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
  if (fd < 0) {
    freeaddrinfo(ai);
    return Unavailable(std::string("geen socket: ") + std::strerror(errno));
  }
  // SO_REUSEADDR only: a restart may take the port while old connections linger in
  // TIME_WAIT, but a second server cannot listen beside the first (that needs SO_REUSEPORT).
  int een = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &een, sizeof een);
  const int b = ::bind(fd, ai->ai_addr, ai->ai_addrlen);
  const int fout = errno;
  freeaddrinfo(ai);
  if (b != 0 || ::listen(fd, kLuisterWachtrij) != 0) {
    ::close(fd);
    if (fout == EADDRINUSE)
      return Unavailable("poort " + poort + " op " + o.host +
                         " is al in gebruik (draait er al een jeugdregie serve?)");
    return Unavailable("poort " + poort + " op " + o.host +
                       " is niet te gebruiken: " + std::strerror(fout));
  }
  sockaddr_storage sa{};
  socklen_t len = sizeof sa;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
  port_ = ntohs(sa.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&sa)->sin6_port
                                         : reinterpret_cast<sockaddr_in*>(&sa)->sin_port);
  impl_->fd = fd;

  const unsigned vlaggen =
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_TURBO;
  impl_->daemon = MHD_start_daemon(
      vlaggen, 0, nullptr, nullptr, ontvang_cb, impl_.get(),                       //
      MHD_OPTION_LISTEN_SOCKET, static_cast<MHD_socket>(fd),                       //
      MHD_OPTION_THREAD_POOL_SIZE, kPollThreads,                                   //
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(o.max_verbindingen),      //
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(o.max_per_adres),  //
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(o.lees_timeout),        //
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(64 * 1024),          //
      MHD_OPTION_URI_LOG_CALLBACK, begin_verzoek, nullptr,                         //
      MHD_OPTION_NOTIFY_COMPLETED, einde_verzoek, nullptr,                         //
      MHD_OPTION_END);
  if (!impl_->daemon) {
    ::close(fd);
    impl_->fd = -1;
    return Unavailable("de HTTP-server kon niet starten op poort " + std::to_string(port_));
  }
  impl_->fd = -1;  // the daemon closes it when it stops
  return Status::Ok();
}

void Server::luister() {
  std::unique_lock lock(impl_->mu);
  impl_->gestopt_cv.wait(lock, [&] { return impl_->gestopt || !impl_->daemon; });
}

void Server::stop() {
  if (impl_) impl_->sluit();
}

void Server::wacht_tot_klaar() const {
  // bind() starts serving: the listening socket accepts from then on.
}

}  // namespace jr::server
