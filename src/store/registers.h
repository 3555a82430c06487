// Registers and local sources: imports of the generator's CSV files (gemeenten.csv,
// aanbieders.csv, producten.csv, bevolking.csv, wijkteam.csv; formats in docs/indicatoren.md)
// into the store. Each import is one transaction: every row or none. Re-importing a file
// replaces the rows with the same key. Error messages name the line and the column, never a
// value of person data. The registers of aanbieders, products, contracts, budgetplafonds and
// voorzieningen write one audit event ('importeren') per line.
#pragma once

#include <cstdint>
#include <string_view>

#include "domain/status.h"
#include "store/store.h"

namespace jr::store {

struct RegisterVerslag {
  int64_t regels = 0;  // data lines read and stored
};

// `gemeente,naam,regio`. InvalidArgument (nothing stored) for a wrong header or a bad line;
// FailedPrecondition when `store` is not an SQLite store; Unavailable on store failures.
Result<RegisterVerslag> importeer_gemeenten(Store& store, std::string_view csv);
// `agb,naam,soort` (soort aanbieder, gi or wijkteam).
Result<RegisterVerslag> importeer_aanbieders(Store& store, std::string_view csv);
// `productcategorie,productcode,omschrijving,eenheid,tarief_cent,hulpvorm,geldig_van,geldig_tot`.
Result<RegisterVerslag> importeer_producten(Store& store, std::string_view csv);
// `gemeente,jaar,leeftijd,aantal`: the population on 1 January.
Result<RegisterVerslag> importeer_bevolking(Store& store, std::string_view csv);
// `gemeente,bsn,geboortedatum,geslacht,begindatum,einddatum,reden_beeindiging`: care by the
// gemeente's own wijkteam; identities through Store::jeugdige_id (pseudonymised).
Result<RegisterVerslag> importeer_wijkteam(Store& store, std::string_view csv);

// `kenmerk,aanbieder,soort,ingangsdatum,einddatum,gemeenten`: contracts (soort inspanning,
// output or taakgericht; gemeenten as CBS codes separated by ';'). Replaces the gemeenten of a
// known kenmerk.
Result<RegisterVerslag> importeer_contracten(Store& store, std::string_view csv);
// `aanbieder,jaar,gemeente,productcategorie,bedrag_cent,bij_overschrijding`: budgetplafonds
// (gemeente and productcategorie empty: all; bij_overschrijding waarschuwen or weigeren).
// InvalidArgument for a GI or landelijk ingekochte zorg, which have no plafond.
Result<RegisterVerslag> importeer_budgetplafonds(Store& store, std::string_view csv);
// `gemeente,jaar,soort,bedrag_cent`: reported spend on PGB and algemene voorzieningen.
Result<RegisterVerslag> importeer_voorzieningen(Store& store, std::string_view csv);
// `gemeente,jaar,pct_maatwerk,bron`: the target share of maatwerk per gemeente and year.
Result<RegisterVerslag> importeer_voorzieningsdoelen(Store& store, std::string_view csv);

}  // namespace jr::store
