// Parameters: every assumption of the synthetic region generator (durations, end reasons,
// crisis share, re-entry, waiting times, tariffs, region sizes and calibration targets),
// read from one documented JSON file (data/generator/parameters.json). The file's text is
// kept so that the calibration report can echo it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/status.h"

namespace jr::generate {

// A lognormal duration in days: median and sigma of the underlying normal.
struct Duur {
  double mediaan = 0;
  double sigma = 0;
  double gemiddelde() const;  // median * exp(sigma^2 / 2)
};

// One product of the catalogue (producten.csv), with the care pattern it stands for.
struct ProductParam {
  std::string categorie;  // JZ020
  std::string code;       // productcode, max 5 characters
  std::string omschrijving;
  std::string eenheid;      // WJ756
  int64_t tarief_cent = 0;  // per eenheid
  std::string hulpvorm;     // CBS 02-04, 11-14; empty for 47/48
  int64_t volume = 0;       // per frequentie period in the toewijzing
  std::string frequentie;   // WMO757: 1 per dag, 2 per week, 4 per maand
  double gewicht = 0;       // share of active trajecten within its hulpvorm group
  bool crisis = false;      // no waiting time, no JW315
  Duur duur;
  Duur wachttijd;  // JW301 dagtekening -> JW305 begindatum
};

// One gemeente whose size and target are published (Nijmegen table, Zutphen).
struct GemeenteParam {
  std::string code;
  int64_t jeugdigen_0_17 = 0;
  double pct_jeugdhulp = 0;
  int64_t jongvolwassenen_18_22 = -1;  // -1: derived from the 0-17 count
};

struct RegioParam {
  int referentiejaar = 2019;
  std::vector<GemeenteParam> gemeenten;  // empty for "nl": all gemeenten of the codelist
  double pct_jeugdbescherming = 0;       // targets for the report (0: the national one)
  double pct_jeugdreclassering = 0;
  double pct_met_verblijf = 0;
};

// A change of regime from `vanaf` on (parameters key `regimewissels`), so that a backtest of
// the prognose has something to find. Factors multiply (several regimes in force: their
// product): the arrival rate of new careers of jeugdhulp, the drawn durations of trajecten
// that begin from `vanaf` on, and the start weight of care met verblijf (hulpvormen 11-14)
// among new trajecten. docs/generator.md, "Regime changes".
struct Regimewissel {
  Date vanaf;
  double instroom_factor = 1.0;
  double duur_factor = 1.0;
  double verblijf_factor = 1.0;
};

struct Parameters {
  std::string tekst;  // the file as read, echoed in the report

  int opwarmjaren = 3;
  // Population.
  double groei_per_jaar = 0;
  double verhouding_18_22 = 0.27;        // 18-22 population relative to 0-17
  std::vector<double> leeftijdsprofiel;  // 23 weights: relative size per age 0-22
  int64_t nl_totaal_0_17 = 3404098;
  double nl_grootte_sigma = 1.0;
  double nl_pct_spreiding = 1.5;
  // Targets (percentages are percentage points).
  double pct_jeugdhulp_nl = 11.2;
  double tol_pct_jeugdhulp = 1.0;
  std::map<std::string, double> hulpvorm_mix;   // wijkteam, zonder_verblijf, met_verblijf
  std::map<std::string, double> verwijzer_mix;  // COD327 -> %
  double tol_mix = 3.0;
  double trajecten_per_jeugdige = 1.4;
  double tol_trajecten_per_jeugdige = 0.2;
  double kosten_min_euro = 8000;
  double kosten_max_euro = 12000;
  double pct_jeugdbescherming = 1.1;
  double pct_jeugdreclassering = 0.3;
  double pct_met_verblijf = 1.1;
  double tol_pct_maatregel = 0.3;
  // Careers.
  std::vector<double> instroom_leeftijd;  // 23 weights: age at first referral
  double kans_vervolg = 0.3;              // another traject after this one (re-entry)
  Duur vervolg_pauze;                     // days between end and the next referral
  double kans_parallel = 0.15;            // a second traject alongside the first
  int parallel_binnen_dagen = 60;
  int max_trajecten = 6;
  Duur wijkteam_duur;
  // A verzoek om wijziging (JW317) on a running toewijzing in the last
  // `verzoek_om_wijziging_dagen` before --tot, with this chance per traject; it stays open
  // (the gemeente has not answered it yet when the stream ends).
  double kans_verzoek_om_wijziging = 0.0;
  int verzoek_om_wijziging_dagen = 28;
  // Lags in days (uniform between min and max).
  int jw315_tot_jw301_min = 0, jw315_tot_jw301_max = 14;
  int jw305_vertraging_max = 5;
  int jw307_vertraging_max = 10;
  int declaratie_dag_min = 6, declaratie_dag_max = 20;
  // End reasons (JZ588 -> weight), for under-18 and 18+.
  std::map<std::string, double> reden_beeindiging;
  std::map<std::string, double> reden_beeindiging_18plus;
  // Catalogue.
  std::vector<ProductParam> producten;  // jeugdhulp (with hulpvorm)
  ProductParam jeugdbescherming;        // categorie 48
  ProductParam jeugdreclassering;       // categorie 47
  std::vector<double> jb_leeftijd;      // 23 weights
  std::vector<double> jr_leeftijd;      // 23 weights
  double gi_verwijzing_met_maatregel = 1.0;
  // Aanbieders.
  double jeugdigen_per_aanbieder = 2500;
  int min_aanbieders_per_regio = 8;
  int gi_per_regio = 2;
  double kans_hulpvorm_per_aanbieder = 0.35;
  double aanbieder_grootte_sigma = 1.0;

  std::map<std::string, RegioParam> regios;  // rijk-van-nijmegen, zutphen, nl

  // Sorted by vanaf; empty (the default): the steered, calibrated region of the table above.
  std::vector<Regimewissel> regimewissels;

  // Reads and checks the file. InvalidArgument names the first bad key.
  static Result<Parameters> load(const std::filesystem::path& file);
  static Result<Parameters> parse(const std::string& json_text);
};

// The default parameters file of a source checkout (data/generator/parameters.json).
std::filesystem::path standaard_parameters_bestand();

}  // namespace jr::generate
