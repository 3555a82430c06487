// Jeugdigen: the children and young people in the store, pseudonymised on the way in (a keyed
// hash of BSN and geboortedatum, see Keyring) with their identity sealed; reading an identity
// writes an audit event.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/status.h"
#include "store/auditlog.h"

namespace jr::store {

// What the gemeente knows of a child's identity. Sealed in the store; only the
// pseudonym and the geboortedatum (needed for ages in the statistics) are in clear.
struct JeugdigeIdentiteit {
  std::string bsn;
  Date geboortedatum;
  std::string geslacht = "0";  // COD046
  std::string achternaam;
  std::string voorvoegsel;
  std::string voornamen;
};

class Jeugdigen {
 public:
  virtual ~Jeugdigen() = default;

  // A jeugdige is identified by BSN and geboortedatum together (in real data the BSN alone
  // is unique, so the pair changes nothing; it lets synthetic data at national scale stay in
  // the 9999 test range). The id of that jeugdige, created (identity sealed) when new; the
  // sealed identity is refreshed when the name changed. InvalidArgument for a BSN failing
  // the elfproef.
  virtual Result<int64_t> jeugdige_id(const JeugdigeIdentiteit& identiteit) = 0;
  // The id of the jeugdige with this BSN and geboortedatum, without creating one.
  // NotFound when unknown.
  virtual Result<int64_t> zoek_jeugdige(std::string_view bsn, Date geboortedatum) = 0;
  // The pseudonym of a jeugdige (BSN + geboortedatum) under this store's key.
  virtual std::string pseudoniem(std::string_view bsn, Date geboortedatum) const = 0;
  // The pseudonym of a BSN alone, for look-ups by BSN.
  virtual std::string bsn_pseudoniem(std::string_view bsn) const = 0;
  // Reads the identity of jeugdige `id` and writes an audit event for `ctx`.
  // NotFound when there is no such jeugdige.
  virtual Result<JeugdigeIdentiteit> lees_jeugdige(int64_t id, const AuditContext& ctx) = 0;
  // The pseudonym of stored jeugdige `id` (no audit event: a pseudonym is not an identity).
  // NotFound when there is none.
  virtual Result<std::string> pseudoniem_van(int64_t id) = 0;
};

}  // namespace jr::store
