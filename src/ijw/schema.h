// SchemaSet: the iJw 3.2 XSDs read from the configured standards directory, compiled once,
// validating parsed documents. Not thread-safe: use one SchemaSet per thread.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "domain/status.h"
#include "ijw/berichttype.h"
#include "ijw/finding.h"

namespace jr::ijw {

class SchemaSet {
 public:
  // `standaard_dir` is the iJw release directory (holding xsd/, codelijsten/, ...).
  explicit SchemaSet(std::filesystem::path standaard_dir);
  ~SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  const std::filesystem::path& standaard_dir() const { return dir_; }

  // Validates `doc` against the XSD of `type`. Returns OK with no findings when valid;
  // OK with findings (regelcode "XSD", retourcode "0001") when invalid; NotFound when the
  // XSD is missing, InvalidArgument when it does not compile. Tries the compiled fast path
  // (XsdPlan) first; whenever that is not sure, libxml2's xmlSchemaValidateDoc decides and
  // gives every finding. JEUGDREGIE_XSD_SNELPAD=0 in the environment turns the fast path off.
  Status validate(Berichttype type, xmlDoc* doc, Findings& out);
  // The same with libxml2 only (for tests and the benchmark).
  Status validate_libxml2(Berichttype type, xmlDoc* doc, Findings& out);
  // The fast path alone: true = certainly valid, false = not sure.
  Result<bool> fast_valid(Berichttype type, const xmlDoc* doc);
  // OK when the XSD of `type` compiled into a fast-path plan; otherwise why not (the type
  // then always uses libxml2).
  Status plan_status(Berichttype type);

  // Whether an XSD for this type exists in the standards directory.
  bool has_schema(Berichttype type) const;

 private:
  struct Compiled;
  Result<Compiled*> compiled(Berichttype type);

  std::filesystem::path dir_;
  std::map<Berichttype, std::unique_ptr<Compiled>> cache_;
  bool snelpad_ = true;
};

}  // namespace jr::ijw
