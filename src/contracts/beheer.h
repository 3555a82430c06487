// Contractbeheer: the registers of contract management (aanbieders, the product catalogue with
// its tariff periods, contracten, budgetplafonds, wachttijdnormen) through the store's
// Contractregisters, each change one transaction with its audit event; and the figures that
// the budget and waiting times need (budget.h, wachttijd.h) from the rows the store gives.
// Making a toewijzing from a verzoek runs the plafond check first. Not thread-safe: the caller
// serialises access.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contracts/budget.h"
#include "contracts/wachttijd.h"
#include "domain/clock.h"
#include "domain/status.h"
#include "domain/versie.h"
#include "store/store.h"

namespace jr::contracts {

// The registers' records (store/contractregisters.h).
using AanbiederRegel = store::AanbiederRegel;
using ProductRegel = store::ProductRegel;
using Contract = store::Contract;
using Budgetplafond = store::Budgetplafond;
using NormRegel = store::NormRegel;

// Which aanbieder, gemeente and productcategorie plafond `p` covers.
PlafondScope scope(const Budgetplafond& p);

// A plafond with its year.
struct PlafondStand {
  Budgetplafond plafond;
  Jaarstand stand;
};

// What the plafond check says about one plafond a new toewijzing touches.
struct PlafondMelding {
  Budgetplafond plafond;
  Toets toets;
  int64_t prognose_zonder = 0;
  bool weigeren = false;  // overschreden and the plafond says weigeren
  std::string melding;    // Dutch, for people
};

// A toewijzing answering a stored verzoek; unset fields come from the verzoek.
struct NieuweToewijzing {
  int64_t verzoek_id = 0;
  std::optional<Date> ingangsdatum, einddatum;
  std::optional<int64_t> volume;
  std::optional<std::string> frequentie;
};

struct GemaakteToewijzing {
  // True when a plafond that says weigeren would be exceeded: nothing was written, the
  // toewijzing is empty, and the meldingen say which plafond refused.
  bool geweigerd = false;
  store::ToewijzingRecord toewijzing;
  std::vector<PlafondMelding> meldingen;
};

// Spend on zorg in natura (accepted JW323), PGB and algemene voorzieningen (reported) of a
// gemeente in a year, with the target share of maatwerk.
struct Voorzieningen {
  std::string gemeente, naam;
  int64_t natura_cent = 0;
  std::optional<int64_t> pgb_cent, algemeen_cent;
  std::optional<double> doel_pct_maatwerk;
  std::string doel_bron;
};

class Contractbeheer {
 public:
  Contractbeheer(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<AanbiederRegel>> aanbieders();
  // NotFound for an unknown AGB code; Aborted when not at version `versie`.
  Result<AanbiederRegel> lees_aanbieder(const std::string& agb);
  Result<AanbiederRegel> wijzig_aanbieder(const AanbiederRegel& a, Versie versie,
                                          const store::AuditContext& ctx);

  Result<std::vector<ProductRegel>> producten();
  // Inserts or replaces the tariff period (categorie, code, geldig_van).
  Result<ProductRegel> bewaar_product(const ProductRegel& p, const store::AuditContext& ctx);

  Result<std::vector<Contract>> contracten(const std::optional<std::string>& aanbieder);
  Result<Contract> lees_contract(int64_t id);  // NotFound
  // AlreadyExists for a used kenmerk; InvalidArgument for an unknown aanbieder.
  Result<Contract> maak_contract(const Contract& c, const store::AuditContext& ctx);
  // As maak_contract; also NotFound for an unknown id, Aborted when not at version `versie`.
  Result<Contract> wijzig_contract(int64_t id, const Contract& c, Versie versie,
                                   const store::AuditContext& ctx);
  // NotFound for an unknown id, Aborted when not at version `versie`.
  Status verwijder_contract(int64_t id, Versie versie, const store::AuditContext& ctx);

  Result<std::vector<Budgetplafond>> plafonds(std::optional<int> jaar);
  Result<Budgetplafond> lees_plafond(int64_t id);  // NotFound
  // InvalidArgument for an unknown or exempt aanbieder; AlreadyExists for the same scope.
  Result<Budgetplafond> maak_plafond(const Budgetplafond& p, const store::AuditContext& ctx);
  // As maak_plafond; also NotFound for an unknown id, Aborted when not at version `versie`.
  Result<Budgetplafond> wijzig_plafond(int64_t id, const Budgetplafond& p, Versie versie,
                                       const store::AuditContext& ctx);
  // NotFound for an unknown id, Aborted when not at version `versie`.
  Status verwijder_plafond(int64_t id, Versie versie, const store::AuditContext& ctx);

  // The norms by categorie, for the figures.
  Result<Normen> normen();
  // The norms with their versions, by categorie.
  Result<std::vector<NormRegel>> norm_regels();
  Result<NormRegel> lees_norm(const std::string& categorie);  // NotFound
  // Sets (or creates) the norm of `categorie`; the stored norm. Aborted when not at version
  // `versie` (0: when it exists already).
  Result<NormRegel> zet_norm(const std::string& categorie, int weken, Versie versie,
                             const store::AuditContext& ctx);
  // NotFound when there is no such norm; FailedPrecondition for "*"; Aborted when not at
  // version `versie`.
  Status verwijder_norm(const std::string& categorie, Versie versie,
                        const store::AuditContext& ctx);

  // ---- figures ----
  Result<Tarievenboek> tarieven();
  Result<std::vector<Realisatie>> realisatie(int jaar);
  // Toewijzingen in force on some day of [van, tot], their einddatum cut at a stop levering.
  Result<std::vector<Verplichting>> verplichtingen(Date van, Date tot);
  // The last day of accepted prestaties with their ProductPeriode in `jaar`, at most today;
  // 31 December of the year before when there are none.
  Result<Date> gedeclareerd_tot(int jaar);
  // Every plafond of `jaar` (of one gemeente's scope when given) with its year.
  Result<std::vector<PlafondStand>> plafondstanden(int jaar);
  // The plafonds that toewijzing `nieuw` touches, each with the check.
  Result<std::vector<PlafondMelding>> toets(const Verplichting& nieuw);
  // Makes a toewijzing from verzoek `n.verzoek_id`, with the plafond check's meldingen;
  // `geweigerd` (and nothing written) when a plafond that says weigeren would be exceeded.
  // NotFound for an unknown verzoek; FailedPrecondition when it is answered already;
  // InvalidArgument for an einddatum before the ingangsdatum.
  Result<GemaakteToewijzing> maak_toewijzing(const NieuweToewijzing& n,
                                             const store::AuditContext& ctx);
  // The toewijzing that answers verzoek `n.verzoek_id` (unset fields from the verzoek), not
  // stored. NotFound for an unknown verzoek; FailedPrecondition when it is answered already.
  Result<store::ToewijzingRecord> toewijzing_voor(const NieuweToewijzing& n);
  // Toewijzing `t` (gemeente, aanbieder, jeugdige, product, dates, omvang; its number and
  // toewijzingsdatum are set here) after the plafond check, stored inside the caller's open
  // transaction with its audit event, answering verzoek `verzoek_id` when given: a command
  // that makes a toewijzing among other writes (a besluit) uses this. `geweigerd` (nothing
  // written) when a plafond that says weigeren would be exceeded; InvalidArgument for an
  // einddatum before the ingangsdatum.
  Result<GemaakteToewijzing> plaats_toewijzing(store::ToewijzingRecord t,
                                               std::optional<int64_t> verzoek_id,
                                               const store::AuditContext& ctx);

  Result<std::vector<Wachtgeval>> wachtgevallen();
  // The date of the data: the latest dagtekening of a received message or toewijzingsdatum,
  // at most today.
  Result<Date> stand_gegevens();

  Result<std::vector<Voorzieningen>> voorzieningen(int jaar);

 private:
  Status audit(const std::string& object_type, const std::string& detail,
               const store::AuditContext& ctx);
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace jr::contracts
