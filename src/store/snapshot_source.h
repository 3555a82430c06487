// SnapshotSource: the read-only scans from which src/model builds its columnar snapshot. One
// scan per table, rows handed to a visitor as views into SQLite's memory (valid only during
// the callback), so that building a snapshot of millions of rows copies no strings.
#pragma once

#include <cstdint>
#include <string_view>

#include "domain/status.h"
#include "store/store.h"

namespace jr::store {

struct BronGemeente {
  std::string_view code, naam, regio;  // regio empty when unknown
};
struct BronProduct {
  std::string_view categorie, code, hulpvorm;  // hulpvorm empty: not jeugdhulp or from categorie
  std::string_view geldig_van, geldig_tot;     // geldig_tot empty: open
};
struct BronAanbieder {
  std::string_view agb, soort;
};
struct BronJeugdige {
  int64_t id;
  std::string_view geboortedatum;
};
struct BronBevolking {
  std::string_view gemeente;
  int64_t jaar, leeftijd, aantal;
};
// One delivery of care: a current JW305 start with, when there is one, the current JW307 stop
// of the same jeugdige, toewijzing and begindatum; joined to its toewijzing (the gemeente that
// made it) and to the JW315 verzoek that toewijzing answers (the verwijzer).
struct BronLevering {
  int64_t jeugdige_id;
  std::string_view gemeente;  // of the toewijzing; of the message when the toewijzing is unknown
  std::string_view aanbieder;
  std::string_view categorie, productcode;
  std::string_view begindatum;
  std::string_view einddatum;  // empty while not stopped
  std::string_view reden;      // JZ588 of the stop; empty while not stopped
  std::string_view verwijzer;  // COD327 of the answered verzoek; empty without one
};
// Care by the gemeente's own wijkteam.
struct BronWijkteam {
  int64_t jeugdige_id;
  std::string_view gemeente, begindatum, einddatum, reden;  // einddatum/reden may be empty
};
// An accepted prestatie of a declaratie (credit lines have a negative bedrag).
struct BronPrestatie {
  int64_t jeugdige_id;
  std::string_view gemeente, categorie, productcode, begindatum;
  int64_t bedrag_cent;
};

class SnapshotVisitor {
 public:
  virtual ~SnapshotVisitor() = default;
  virtual void gemeente(const BronGemeente&) {}
  virtual void aanbieder(const BronAanbieder&) {}
  virtual void product(const BronProduct&) {}
  virtual void jeugdige(const BronJeugdige&) {}
  virtual void bevolking(const BronBevolking&) {}
  virtual void levering(const BronLevering&) {}
  virtual void wijkteam(const BronWijkteam&) {}
  virtual void prestatie(const BronPrestatie&) {}
};

// Scans the registers, jeugdigen (ordered by id), bevolking, leveringen, wijkteam care and
// accepted prestaties, in that order, inside one read transaction (a consistent view).
//
// With `bekend_op` (ISO date) the rows are those known at the end of that day, as if the
// store had been read then: a start or stop counts when the message that carried it has a
// dagtekening on or before it and it was not withdrawn by a message dated on or before it
// (a withdrawal whose message is unknown, from before migration 0007, counts on every day);
// starts after `bekend_op` are left out and stops after it leave the care open; wijkteam
// care likewise by its own dates; prestaties of declaraties dated on or before it; the
// population up to the year of `bekend_op`. The dagtekening, not the time of import, is
// when a message became known: a history import would otherwise make everything known on
// the day of the import. Empty `bekend_op`: everything current.
// FailedPrecondition when `store` is not an SQLite store; Unavailable/Internal on SQLite errors.
Status scan_snapshot_bron(Store& store, SnapshotVisitor& visitor, std::string_view bekend_op = {});

}  // namespace jr::store
