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
  // XSD is missing, InvalidArgument when it does not compile.
  Status validate(Berichttype type, xmlDoc* doc, Findings& out);

  // Whether an XSD for this type exists in the standards directory.
  bool has_schema(Berichttype type) const;

 private:
  struct Compiled;
  Result<Compiled*> compiled(Berichttype type);

  std::filesystem::path dir_;
  std::map<Berichttype, std::unique_ptr<Compiled>> cache_;
};

}  // namespace jr::ijw
