// Validator: one iJw message from bytes to verdict: safe parse, type from the namespace,
// XSD validation, typed read, and the in-message rules. Holds compiled XSDs and codelists;
// one Validator per thread.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "ijw/berichttype.h"
#include "ijw/finding.h"
#include "ijw/message.h"
#include "ijw/rules.h"
#include "ijw/schema.h"
#include "ijw/xml.h"

namespace jr::ijw {

struct Validatie {
  // Not readable at all (too large, not XML, wrong encoding, DTD, unknown namespace):
  // `fout` says why, and there is no type, document or struct.
  Status fout;
  std::optional<Berichttype> type;
  XmlDocPtr doc;
  std::optional<Bericht> bericht;  // when XSD-valid and a reader exists
  Findings findings;               // XSD and rule findings; empty = valid
  bool geldig() const { return fout.ok() && findings.empty(); }
};

class Validator {
 public:
  // Reads XSDs and codelists from `standaard_dir` (setting ijw.standaard_dir).
  static Result<std::unique_ptr<Validator>> create(const std::filesystem::path& standaard_dir,
                                                   XmlLimits limits = {});

  Validatie validate(std::string_view bytes);
  const XmlLimits& limits() const { return limits_; }
  SchemaSet& schemas() { return schemas_; }
  const Codelijsten& codelijsten() const { return codelijsten_; }

 private:
  Validator(const std::filesystem::path& dir, Codelijsten c, XmlLimits limits);
  SchemaSet schemas_;
  Codelijsten codelijsten_;
  XmlLimits limits_;
};

}  // namespace jr::ijw
