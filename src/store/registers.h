// Registers and local sources: imports of the generator's CSV files (gemeenten.csv,
// aanbieders.csv, producten.csv, bevolking.csv, wijkteam.csv; formats in docs/indicatoren.md)
// into the store. Each import is one transaction: every row or none. Re-importing a file
// replaces the rows with the same key. Error messages name the line and the column, never a
// value of person data.
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

}  // namespace jr::store
