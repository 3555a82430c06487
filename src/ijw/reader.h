// Reader: turns a parsed, XSD-valid iJw document into its typed struct (message.h).
#pragma once

#include <libxml/tree.h>

#include "domain/status.h"
#include "ijw/berichttype.h"
#include "ijw/message.h"

namespace jr::ijw {

// The message type named by the root element's namespace; nullopt when the root is not
// <Bericht> in an iJw 3.2 namespace.
std::optional<Berichttype> detect_berichttype(const xmlDoc* doc);

// Whether lees_bericht supports this type (JW301, JW305, JW307, JW315, JW317, JW323).
bool heeft_lezer(Berichttype type);

// Reads `doc` (which must be valid against the XSD of `type`) into its struct.
// InvalidArgument when a value cannot be represented (the XSD normally prevents this);
// NotFound when `type` has no reader.
Result<Bericht> lees_bericht(Berichttype type, const xmlDoc* doc);

}  // namespace jr::ijw
