// Contractregisters: the registers of contract management (aanbieders, the product catalogue
// with its tariff periods, contracten, budgetplafonds, wachttijdnormen, the reported spend on
// PGB and algemene voorzieningen) and the rows the budget and waiting-time figures are
// computed from (src/contracts). Writes are part of the caller's open transaction; the caller
// writes their audit event beside them. Every editable record has a version that each change
// raises; an edit names the version it started from (Versie) and fails with Aborted, writing
// nothing, when the record moved on.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/status.h"
#include "domain/versie.h"

namespace jr::store {

struct AanbiederRegel {
  std::string agb, naam, soort;  // soort: aanbieder, gi, wijkteam
  bool landelijk = false;        // landelijk ingekochte zorg
  int64_t versie = 1;            // raised by every change (If-Match)
  // GIs, wijkteams and landelijk ingekochte zorg have no budgetplafond.
  bool vrijgesteld() const { return soort != "aanbieder" || landelijk; }
};

// A tariff period of a product of the catalogue.
struct ProductRegel {
  std::string categorie, code, omschrijving, eenheid;
  int64_t tarief_cent = 0;
  std::optional<std::string> hulpvorm;
  Date geldig_van;
  std::optional<Date> geldig_tot;
};

struct Contract {
  int64_t id = 0;
  std::string kenmerk, aanbieder, soort;  // soort: inspanning, output, taakgericht
  Date ingangsdatum;
  std::optional<Date> einddatum;
  std::vector<std::string> gemeenten;
  int64_t versie = 1;  // raised by every change (If-Match)
};

struct Budgetplafond {
  int64_t id = 0;
  std::string aanbieder;
  int jaar = 0;
  std::optional<std::string> gemeente, categorie;  // nullopt: all
  int64_t bedrag_cent = 0;
  std::string bij_overschrijding = "waarschuwen";  // or weigeren
  int64_t versie = 1;                              // raised by every change (If-Match)
};

// A waiting-time norm of a productcategorie ("*": every other categorie).
struct NormRegel {
  std::string categorie;
  int weken = 0;
  int64_t versie = 1;  // raised by every change (If-Match)
};

// ---- rows of the figures ----

// A tariff period as the budget reads it.
struct TariefRij {
  std::string categorie, code;
  Date van;
  std::optional<Date> tot;
  int64_t cent = 0;  // per eenheid
};

// An accepted prestatie as the budget reads it.
struct Prestatiebedrag {
  std::string aanbieder, gemeente, categorie, productcode;
  Date begindatum, einddatum;  // ProductPeriode
  int64_t bedrag_cent = 0;     // signed: credit lines negative
};

// A toewijzing as the budget reads it: what it commits from `ingangsdatum` to `einddatum`.
struct LopendeToewijzing {
  std::string aanbieder, gemeente, categorie, productcode;
  Date ingangsdatum;
  std::optional<Date> einddatum;  // cut at the last current stop levering when earlier
  int64_t volume = 0;
  std::string eenheid;     // WJ756
  std::string frequentie;  // WMO757
  std::optional<int64_t> budget_cent;
};

// A toewijzing as the waiting times read it.
struct WachtRij {
  int64_t toewijzing_id = 0;
  int64_t toewijzing_nummer = 0;
  std::string gemeente, aanbieder, categorie, productcode;
  Date toewijzingsdatum;
  std::optional<Date> einddatum;            // cut at the last current stop levering when earlier
  std::optional<Date> verzoek_dagtekening;  // of the JW315 it answers, when known
  std::optional<Date> eerste_start;         // the earliest current start levering
};

// Reported spend and the target share of maatwerk of a gemeente in a year.
struct VoorzieningRij {
  std::string gemeente, naam;
  std::optional<int64_t> pgb_cent, algemeen_cent;
  std::optional<double> doel_pct_maatwerk;
  std::string doel_bron;
};

// The deliveries of one product by an aanbieder for a gemeente in a period.
struct LeveringenPerProduct {
  std::string categorie, productcode;
  int64_t aantal = 0;
  std::string omschrijving;  // of the catalogue's latest tariff period; empty when unknown
};

// A verzoek om toewijzing with its state, as answering it needs.
struct OpenVerzoek {
  int64_t id = 0;
  std::string aanbieder, gemeente;
  int64_t jeugdige_id = 0;
  std::string referentie_aanbieder;
  std::optional<std::string> categorie, productcode;
  Date ingangsdatum;
  std::optional<Date> einddatum;
  std::optional<int64_t> volume;
  std::optional<std::string> eenheid, frequentie;
  std::optional<int64_t> budget_cent;
  std::string status;  // 'ontvangen', 'toegewezen', ...
};

class Contractregisters {
 public:
  virtual ~Contractregisters() = default;

  // ---- aanbieders ----
  // Every aanbieder of the register, by AGB code.
  virtual Result<std::vector<AanbiederRegel>> aanbieders() = 0;
  // Sets naam, soort and landelijk of aanbieder `a.agb` and raises its version. NotFound for an
  // unknown AGB code; Aborted when not at `versie`.
  virtual Status wijzig_aanbieder(const AanbiederRegel& a, Versie versie) = 0;

  // ---- producten ----
  // Every tariff period of the catalogue, by categorie, code and geldig_van.
  virtual Result<std::vector<ProductRegel>> producten() = 0;
  // Inserts or replaces the tariff period (categorie, code, geldig_van).
  virtual Status bewaar_product(const ProductRegel& p) = 0;

  // ---- contracten ----
  // The contracten (of one aanbieder when given), by aanbieder, ingangsdatum and id.
  virtual Result<std::vector<Contract>> contracten(const std::optional<std::string>& aanbieder) = 0;
  // Stores a new contract with its gemeenten; its id (never used before). InvalidArgument for
  // an aanbieder not in the register; AlreadyExists for a kenmerk in use.
  virtual Result<int64_t> maak_contract(const Contract& c) = 0;
  // Replaces contract `id` with its gemeenten and raises its version. As maak_contract;
  // also NotFound for an unknown id, Aborted when not at `versie`.
  virtual Status wijzig_contract(int64_t id, const Contract& c, Versie versie) = 0;
  // NotFound for an unknown id; Aborted when not at `versie`.
  virtual Status verwijder_contract(int64_t id, Versie versie) = 0;

  // ---- budgetplafonds ----
  // The plafonds (of one year when given), by jaar, aanbieder, gemeente and categorie.
  virtual Result<std::vector<Budgetplafond>> plafonds(std::optional<int> jaar) = 0;
  // Plafond `id`. NotFound when there is none.
  virtual Result<Budgetplafond> lees_plafond(int64_t id) = 0;
  // Stores a new plafond; its id (never used before). InvalidArgument for an aanbieder not in
  // the register; AlreadyExists for a plafond of the same aanbieder, year, gemeente and
  // categorie.
  virtual Result<int64_t> maak_plafond(const Budgetplafond& p) = 0;
  // As maak_plafond; also NotFound for an unknown id, Aborted when not at `versie`.
  virtual Status wijzig_plafond(int64_t id, const Budgetplafond& p, Versie versie) = 0;
  // NotFound for an unknown id; Aborted when not at `versie`.
  virtual Status verwijder_plafond(int64_t id, Versie versie) = 0;

  // ---- wachttijdnormen ----
  // The norms, by categorie.
  virtual Result<std::vector<NormRegel>> normen() = 0;
  // Sets (or creates) the norm of `categorie`, raising its version. With a version: Aborted
  // when the norm is not at it (0: when it exists); without one (nullopt) it is set whether or
  // not it exists.
  virtual Status zet_norm(const std::string& categorie, int weken, Versie versie) = 0;
  // NotFound when there is no such norm; Aborted when not at `versie`.
  virtual Status verwijder_norm(const std::string& categorie, Versie versie) = 0;

  // ---- figures ----
  // Every tariff period, by categorie, code and van.
  virtual Result<std::vector<TariefRij>> tarieven() = 0;
  // The accepted prestaties whose ProductPeriode begins in `jaar`.
  virtual Result<std::vector<Prestatiebedrag>> prestatiebedragen(int jaar) = 0;
  // The last einddatum of accepted prestaties whose ProductPeriode begins in `jaar`; nullopt
  // when there are none.
  virtual Result<std::optional<Date>> laatste_prestatiedag(int jaar) = 0;
  // The toewijzingen in force on some day of [van, tot] (cut at their last stop levering).
  virtual Result<std::vector<LopendeToewijzing>> lopende_toewijzingen(Date van, Date tot) = 0;
  // Every toewijzing with what the waiting times need, by id.
  virtual Result<std::vector<WachtRij>> wachtrijen() = 0;
  // The latest dagtekening of a received, not wholly rejected message or toewijzingsdatum;
  // nullopt on an empty store.
  virtual Result<std::optional<Date>> laatste_gegevensdag() = 0;
  // Accepted spend on zorg in natura per gemeente (declaratie's gemeente) of the prestaties
  // whose ProductPeriode begins in `jaar`.
  virtual Result<std::map<std::string, int64_t>> natura_per_gemeente(int jaar) = 0;
  // The current deliveries (JW305 starts with their JW307 stop) of aanbieder `agb` for
  // `gemeente` (the toewijzing's, or the message's when the toewijzing is unknown) that ran on
  // some day of [van, tot], counted per product, most first.
  virtual Result<std::vector<LeveringenPerProduct>> leveringen_per_product(
      std::string_view agb, std::string_view gemeente, Date van, Date tot) = 0;
  // Every gemeente of the register with its reported PGB and algemene voorzieningen spend and
  // target share of maatwerk in `jaar`, by code.
  virtual Result<std::vector<VoorzieningRij>> voorzieningen(int jaar) = 0;

  // ---- toewijzen ----
  // Verzoek `id` with its state. NotFound when there is none.
  virtual Result<OpenVerzoek> lees_verzoek(int64_t id) = 0;
  // The next toewijzingnummer of `gemeente`: one above the highest stored.
  virtual Result<int64_t> volgend_toewijzingnummer(std::string_view gemeente) = 0;
  // Marks verzoek `verzoek_id` as answered by toewijzing `toewijzing_id` (both exist).
  virtual Status koppel_verzoek(int64_t verzoek_id, int64_t toewijzing_id) = 0;
};

}  // namespace jr::store
