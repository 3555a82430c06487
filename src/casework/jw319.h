// Building a JW319 (antwoordbericht, gemeente -> aanbieder) on a verzoek om toewijzing: 'in
// onderzoek' (VerzoekAntwoord 2) or 'afgewezen' (1, with its WJ759 reden, and for reden 8
// woonplaatsbeginsel the responsible gemeente). Validated and stored as sent like a JW301
// (uitgaand.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "domain/clock.h"
#include "domain/status.h"
#include "ijw/message.h"
#include "store/store.h"

namespace jr::ijw {
class Validator;
}

namespace jr::casework {

struct GebouwdAntwoord {
  ijw::Jw319 bericht;
  std::string xml;
  int64_t bericht_id = 0;
};

// The answer on verzoek `v`: `afgewezen` false is 'in onderzoek' (no reden, no gemeente);
// true needs `reden` (WJ759) and, exactly for reden 8, `woonplaats_gemeente` (TR377, TR409).
struct Antwoord319 {
  bool afgewezen = false;
  std::optional<std::string> reden;
  std::optional<std::string> woonplaats_gemeente;
};

// Builds and stores the JW319 inside the store's open transaction. InvalidArgument when the
// answer breaks CD085, CD086, TR377 or TR409; Internal (nothing stored) when the message does
// not validate; the store's Status on a store failure.
Result<GebouwdAntwoord> bouw_jw319(store::Store& store, const Clock& clock,
                                   const std::filesystem::path& standaard_dir,
                                   ijw::Validator& validator, const store::VerzoekRij& v,
                                   const Antwoord319& antwoord);

}  // namespace jr::casework
