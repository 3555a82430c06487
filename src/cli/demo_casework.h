// The toegang of the demo: a wijkteam of Nijmegen (0268) with the demo's consulent and
// regisseur, a few aanmeldingen made through src/casework as the consulent would make them
// (one gezin directed by the demo's regisseur), and a verzoek om toewijzing (JW315) from the
// first aanbieder received through the import as the aanbieder would send it. Synthetic
// people, BSNs from the 9999 test range.
#pragma once

#include <filesystem>

#include "domain/status.h"
#include "server/databron.h"

namespace jr::ijw {
class Validator;
}

namespace jr::cli {

// Seeds the demo's toegang once: nothing when gemeente 0268 has a team already, or when the
// demo user consulent-nijmegen does not exist. The number of aanmeldingen made.
Result<int> zaai_demo_casework(server::Databron& bron, ijw::Validator* validator,
                               const std::filesystem::path& standaard_dir);

}  // namespace jr::cli
