// Writer: typed iJw structs to XML text (UTF-8, namespaces and element order as in the XSD).
// What it writes validates against the XSD whenever the struct's values are in range.
// Prefixes as in the published examples: jwNNN: for the message, ijw: for the basisschema;
// BerichtCode, BerichtVersie (3) and BerichtSubversie (2) follow from the struct's type
// (Header::type is not consulted).
#pragma once

#include <string>

#include "ijw/message.h"

namespace jr::ijw {

std::string write_xml(const Jw301& m);
std::string write_xml(const Jw305& m);
std::string write_xml(const Jw307& m);
std::string write_xml(const Jw315& m);
std::string write_xml(const Jw317& m);
std::string write_xml(const Jw323& m);
std::string write_xml(const Jw319& m);
std::string write_xml(const Bericht& m);

// The same text appended to `out`, for callers that write many messages through one
// reused buffer (the generator): no allocation once `out` has grown.
void append_xml(const Jw301& m, std::string& out);
void append_xml(const Jw305& m, std::string& out);
void append_xml(const Jw307& m, std::string& out);
void append_xml(const Jw315& m, std::string& out);
void append_xml(const Jw317& m, std::string& out);
void append_xml(const Jw323& m, std::string& out);
void append_xml(const Bericht& m, std::string& out);

}  // namespace jr::ijw
