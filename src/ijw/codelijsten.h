// Codelijsten: codelists of the iJw standard that the program needs at run time, read from
// the configured standards directory (never compiled in: the gemeente points us at the
// release it downloaded).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "domain/status.h"

namespace jr::ijw {

struct GemeenteInfo {
  std::string code;  // "0268"
  std::string naam;
  std::string provincie;
  std::string jeugdzorgregio;
};

struct Codelijsten {
  std::map<std::string, GemeenteInfo> gemeenten;  // CBS_Gemeentecodes (TR378)

  bool kent_gemeente(const std::string& code) const { return gemeenten.count(code) > 0; }
  // Reads codelijsten/ under `standaard_dir`. NotFound when a needed list is missing,
  // InvalidArgument when it cannot be read.
  static Result<Codelijsten> load(const std::filesystem::path& standaard_dir);
};

}  // namespace jr::ijw
