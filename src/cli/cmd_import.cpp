// jeugdregie import: see src/import (filled in by the import work).
#include "cli/commands.h"

namespace jr::cli {
void register_import(CLI::App&, Context&) {}
}  // namespace jr::cli
