// Finding: one reason a message (or part of it) is not accepted, with the rule that says so
// and the official iJw retourcode (WJ001) that goes back to the sender.
#pragma once

#include <string>
#include <vector>

namespace jr::ijw {

struct Finding {
  std::string regelcode;   // "TR018", "CS002", or "XSD" / "XML" for format errors
  std::string retourcode;  // WJ001 code, e.g. "0001", "9019"
  std::string xpath;       // element the finding is about, e.g. /Bericht/Client/Bsn
  std::string melding;     // readable Dutch explanation
};

using Findings = std::vector<Finding>;

}  // namespace jr::ijw
