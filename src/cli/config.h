// Config: run-time settings of the command line and server. Resolution order, later wins:
// built-in default, the file jeugdregie.conf in the working directory (key = value lines),
// environment variables (JEUGDREGIE_IJW_STANDAARD_DIR ...), command-line flags.
#pragma once

#include <filesystem>
#include <string>

namespace jr::cli {

struct Config {
  // ijw.standaard_dir: the iJw release (xsd/, codelijsten/, ...).
  std::filesystem::path ijw_standaard_dir = "../shared/ijw";
  // store.sleutelbestand: key file; empty means "<db>.key".
  std::filesystem::path sleutelbestand;

  static Config load();
};

}  // namespace jr::cli
