// Api: the routes of /api/v1 and their handlers, independent of the HTTP library. Each
// handler reads a Verzoek and answers JSON, a file, or a Probleem (problem+json).
#pragma once

#include <chrono>
#include <semaphore>
#include <variant>
#include <vector>

#include "server/databron.h"
#include "server/routes.h"
#include "server/autorisatie.h"

namespace jr::ijw {
class Validator;
}

namespace jr::server {

// Sessions, lockout and throttling of logins.
struct AutorisatieOpties {
  std::chrono::seconds sessie_idle{30 * 60};      // idle timeout
  std::chrono::seconds sessie_max{12 * 60 * 60};  // absolute lifetime
  bool cookie_secure = false;                     // Secure cookie (served under TLS)
  int max_pogingen = 5;                           // consecutive failures per account ...
  int64_t blokkeer_seconden = 15 * 60;            // ... lock it this long
  int max_pogingen_adres = 20;                    // failures per client address ...
  std::chrono::seconds venster{10 * 60};          // ... in this window, then 429
  HashKosten kosten = HashKosten::kInteractief;   // of the dummy hash for unknown users
};

// How the API writes JSON: bytes that are not UTF-8 (a client's text echoed back) become
// U+FFFD instead of an exception. Every dump() in server/ passes it.
inline constexpr auto kVervang = nlohmann::json::error_handler_t::replace;

// The session cookie's name.
inline constexpr std::string_view kSessieCookie = "jr_sessie";

class Api {
 public:
  explicit Api(Databron& bron, AutorisatieOpties opties = {});

  // The route table (the single source for the server and for the OpenAPI comparison).
  std::vector<Route> routes();

  // The caller of a request: the session named by the cookie `sessie`, or the API token in
  // `bearer`; nullopt when neither is valid.
  std::optional<Aanroeper> authenticeer(std::string_view sessie, std::string_view bearer);

  // Runs `route` for `v`: refuses what the route does not admit (beslis(), 401/403, written
  // to the audit log), rejects unknown or repeated query keys (400), turns an escaping
  // exception into a 500 problem, and adds the API-Version header.
  Antwoord behandel(const Route& route, const Verzoek& v);

  const AutorisatieOpties& opties() const { return opties_; }

  // Writes a refusal the HTTP layer made before any route ran (a body over the limit, an
  // unreadable request, a path-traversal attempt on the static files) to the audit log.
  void weigering(const std::string& methode, const std::string& pad, int status);

  // Lets aanbieders upload iJw messages (POST /api/v1/berichten) through the importer, with
  // this validator and clock; without it that route answers 503.
  void ontvang_berichten(ijw::Validator& validator, const Clock& klok) {
    validator_ = &validator;
    klok_ = &klok;
  }

 private:
  Antwoord sessie_maak(const Verzoek& v);
  Antwoord sessie_lees(const Verzoek& v);
  Antwoord sessie_verwijder(const Verzoek& v);
  Antwoord audit_lees(const Verzoek& v);
  Antwoord berichten(const Verzoek& v);
  // Writes an audit event for the caller of `v`.
  void log(const Verzoek& v, std::string handeling, std::string verwerkingsactiviteit,
           std::string object_type, std::string detail, std::string pseudoniem = {});
  Antwoord indicatoren(const Verzoek& v);
  Antwoord kerncijfers(const Verzoek& v);
  Antwoord kerncijfers_verloop(const Verzoek& v);
  Antwoord perioden(const Verzoek& v);
  Antwoord trajecten(const Verzoek& v);
  Antwoord kpi_indicatoren(const Verzoek& v);
  Antwoord kpis_lijst(const Verzoek& v);
  Antwoord kpi_maak(const Verzoek& v);
  Antwoord kpi_lees(const Verzoek& v);
  Antwoord kpi_wijzig(const Verzoek& v);
  Antwoord kpi_verwijder(const Verzoek& v);
  std::variant<std::pair<int64_t, Versie>, Antwoord> kpi_bewerking(const Verzoek& v);
  Antwoord exporteer(const Verzoek& v);

  // Prognose and its backtest (api_prognose.cpp).
  std::vector<Route> prognose_routes();
  Antwoord prognoses(const Verzoek& v);
  Antwoord prognose_backtest(const Verzoek& v);
  // Contracten, budgetplafonds and wachttijden (api_contracten.cpp).
  std::vector<Route> contract_routes();
  Antwoord aanbieders_lijst(const Verzoek& v);
  Antwoord aanbieder_lees(const Verzoek& v);
  Antwoord aanbieder_wijzig(const Verzoek& v);
  Antwoord producten_lijst(const Verzoek& v);
  Antwoord product_bewaar(const Verzoek& v);
  Antwoord contracten_lijst(const Verzoek& v);
  Antwoord contract_lees(const Verzoek& v);
  Antwoord contract_maak(const Verzoek& v);
  Antwoord contract_wijzig(const Verzoek& v);
  Antwoord contract_verwijder(const Verzoek& v);
  Antwoord plafonds_lijst(const Verzoek& v);
  Antwoord plafond_lees(const Verzoek& v);
  Antwoord plafond_maak(const Verzoek& v);
  Antwoord plafond_wijzig(const Verzoek& v);
  Antwoord plafond_verwijder(const Verzoek& v);
  Antwoord uitgaven(const Verzoek& v);
  Antwoord plafondtoets(const Verzoek& v);
  Antwoord toewijzing_maak(const Verzoek& v);
  Antwoord wachttijden(const Verzoek& v);
  Antwoord wachtlijst(const Verzoek& v);
  Antwoord normen_lijst(const Verzoek& v);
  Antwoord norm_lees(const Verzoek& v);
  Antwoord norm_zet(const Verzoek& v);
  Antwoord norm_verwijder(const Verzoek& v);
  Antwoord voorzieningen(const Verzoek& v);

  // The KPI as JSON with its beoordeling at the chosen periode.
  nlohmann::json met_beoordeling(const Kpi& k, const std::string& periode);
  // The latest half year with data; empty when there is no data.
  std::string laatste_halfjaar();

  Databron& bron_;
  AutorisatieOpties opties_;
  Sessies sessies_;
  Afremmer afremmer_;
  std::counting_semaphore<64> hashes_{2};  // argon2id runs at most twice at a time
  std::string dummy_hash_;                 // verified for unknown users (equal timing)
  ijw::Validator* validator_ = nullptr;
  const Clock* klok_ = nullptr;
};

// Answers with a problem document.
Antwoord probleem_antwoord(const Probleem& p);
// Answers with a JSON document.
Antwoord json_antwoord(std::string body, int status = 200);

}  // namespace jr::server
