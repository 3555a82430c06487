// Auditlog: the append-only, hash-chained log of who read or changed what about whom, when,
// why and on which basis (the Logboek Dataverwerkingen's fields). Every read of person data
// writes an event in the same transaction as the read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jr::store {

// Who reads or changes person data and why (Logboek Dataverwerkingen concepts).
struct AuditContext {
  std::string actor = "systeem";
  std::string verwerkingsactiviteit = "berichtenverkeer";
  std::string doel = "uitvoering Jeugdwet";
  std::string grondslag = "Jeugdwet art. 7.4.0";
};

struct AuditEvent {
  AuditContext context;
  std::string handeling;    // 'lezen', 'wijzigen', 'importeren', 'exporteren', 'inloggen'
  std::string object_type;  // 'jeugdige', 'bericht', ...
  std::string pseudoniem;   // of the jeugdige concerned, when any
  std::string detail;       // no person data
};

// One stored audit event, as the privacy officer reads it.
struct AuditRegel {
  int64_t id = 0;
  std::string tijdstip;
  AuditEvent event;
};

// The outcome of checking the hash chain.
struct AuditControle {
  int64_t gecontroleerd = 0;           // events checked
  std::optional<int64_t> eerste_fout;  // id of the first event whose hash or link is wrong
  std::string fout;                    // what is wrong with it (no person data)
  std::string laatste_hash;            // head of the chain (to anchor elsewhere)
  bool heel() const { return !eerste_fout; }
};

class Auditlog {
 public:
  virtual ~Auditlog() = default;

  // Appends an event to the hash chain. Part of the open transaction when there is one;
  // otherwise its own transaction. The chain head is read inside that transaction, so
  // several processes appending to one database keep one chain. Text that is not UTF-8 is
  // stored with those bytes replaced by U+FFFD, so any event can be written and read back.
  virtual Status audit(const AuditEvent& event) = 0;
  // Recomputes every event's hash from its fields and checks each links to its predecessor.
  // Ok with the counts when the chain is whole; the first broken event otherwise.
  virtual Result<AuditControle> verifieer_audit() = 0;
  // Every event about any jeugdige with this BSN (whatever the geboortedatum), or naming the
  // BSN's own pseudonym (bsn_pseudoniem), oldest first:
  // who read or changed what, when, and why. Writes no event itself.
  virtual Result<std::vector<AuditRegel>> audit_van_bsn(std::string_view bsn) = 0;
};

}  // namespace jr::store
