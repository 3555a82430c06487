// genereer: one synthetic region from options to files and calibration report. Builds the
// Regio, runs the Simulation into the output directory (Bestanden) and the Telling at the
// same time. Same options and parameters, same bytes.
#pragma once

#include <filesystem>

#include "generate/parameters.h"
#include "generate/rapport.h"
#include "generate/simulation.h"
#include "ijw/codelijsten.h"

namespace jr::generate {

struct Uitkomst {
  Rapport rapport;
  int64_t berichten = 0;  // files written under berichten/
  int64_t bytes = 0;      // their total size
};

// Writes the region to `out` when it is not empty (it must be absent or empty), with the
// messages in one .tar.gz per day when `tar`, and always computes the report. Errors: those
// of bouw_regio, simuleer and Bestanden.
Result<Uitkomst> genereer(const Opties& o, const Parameters& p, const ijw::Codelijsten& c,
                          const std::filesystem::path& out, bool tar = false);

}  // namespace jr::generate
