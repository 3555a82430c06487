// Writer: typed iJw structs to XML text (UTF-8, namespaces and element order as in the XSD).
// What it writes validates against the XSD whenever the struct's values are in range.
#pragma once

#include <string>

#include "ijw/message.h"

namespace jr::ijw {

std::string write_xml(const Jw301& m);
std::string write_xml(const Jw305& m);
std::string write_xml(const Jw307& m);
std::string write_xml(const Jw315& m);
std::string write_xml(const Jw323& m);
std::string write_xml(const Bericht& m);

}  // namespace jr::ijw
