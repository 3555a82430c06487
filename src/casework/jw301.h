// Building a JW301 (toewijzing, gemeente -> aanbieder) from a stored toewijzing: the message
// carries every current toewijzing of the same jeugdige at the same aanbieder of the gemeente.
// The identity is read through Store::lees_jeugdige (an audit event); contact data
// (Contactgegevens, Relaties, Communicatie) come from the JW301 the toewijzing was imported
// from, or else the household's address and the ouders/verzorgers (Relaties, COD472) from the
// jeugdige's gezin; the built message is validated against its XSD and the in-message rules and
// stored as sent (bericht, richting 'uit') under a BerichtIdentificatie the gemeente has not
// used before (uitgaand.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/clock.h"
#include "domain/status.h"
#include "ijw/message.h"
#include "store/store.h"

namespace jr::ijw {
class Validator;
}

namespace jr::casework {

struct GebouwdBericht {
  ijw::Jw301 bericht;
  std::string xml;
  int64_t bericht_id = 0;
};

// Builds and stores the JW301 for toewijzing `nummer` of `gemeente`, inside the store's open
// transaction (the caller begins and commits). NotFound when the toewijzing is unknown;
// FailedPrecondition when there is no address for the jeugdige (neither imported nor of its
// gezin);
// Internal (nothing stored) when the message does not validate; the store's Status on a store
// failure.
Result<GebouwdBericht> bouw_jw301(store::Store& store, const Clock& clock,
                                  const std::filesystem::path& standaard_dir,
                                  ijw::Validator& validator, std::string_view gemeente,
                                  int64_t nummer, const store::AuditContext& audit);

}  // namespace jr::casework
