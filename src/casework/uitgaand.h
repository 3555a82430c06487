// Uitgaand: what every message the gemeente builds goes through before it is stored as sent:
// a BerichtIdentificatie the gemeente has not used for that type (TR056), and validation
// against the message's XSD and in-message rules (ijw::Validator). A message that does not
// validate is a bug of its builder: it is never stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/status.h"
#include "ijw/berichttype.h"
#include "ijw/message.h"
#include "store/store.h"

namespace jr::ijw {
class Validator;
}

namespace jr::casework {

// A new BerichtIdentificatie for a message of `type` from `gemeente` ("JR" and a number of the
// store's series for that type), not used before by the gemeente, also not by messages
// imported from a previous system. Part of the open transaction.
Result<std::string> nieuwe_identificatie(store::Store& store, ijw::Berichttype type,
                                         std::string_view gemeente);

// Validates `xml` (a message of `header.type`) and stores it as sent ('uit', 'verzonden');
// its id. Internal, naming the first finding, when it does not validate; the store's Status
// on a store failure.
Result<int64_t> bewaar_verzonden(store::Store& store, ijw::Validator& validator,
                                 const ijw::Header& header, const std::string& xml);

}  // namespace jr::casework
