// Simulation: the dynamic side of a synthetic region. Walks the calendar day by day from
// a warm-up period before `van` to `tot`, lets jeugdigen enter care (referrals, wijkteam,
// jeugdbescherming, jeugdreclassering), and hands every iJw message and wijkteam row to a
// Sink in order of dagtekening. Memory holds only the trajecten still running, so a
// national run of many years streams.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/status.h"
#include "generate/parameters.h"
#include "generate/regio.h"
#include "generate/rng.h"
#include "ijw/message.h"

namespace jr::generate {

struct Opties {
  std::string regio;
  Date van;
  Date tot;
  uint64_t seed = 1;
  double schaal = 1.0;
};

// One row of wijkteam.csv: care given by the gemeente's own wijkteam (hulpvorm 01,
// verwijzer 06), which flows through no iJw message.
struct WijkteamRegel {
  std::string gemeente;
  std::string bsn;
  Date geboortedatum;
  std::string geslacht;
  Date begindatum;
  std::optional<Date> einddatum;
  std::string reden_beeindiging;  // JZ588, empty when einddatum is empty
};

// Receives the generated stream. Calls come in order of dagtekening (wijkteam rows on
// their begindatum), ties in a fixed order; a non-ok Status stops the simulation.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status bericht(const ijw::Bericht& b) = 0;
  virtual Status wijkteam(const WijkteamRegel& r) = 0;
};

// Runs the simulation of `regio` from the start of the warm-up years to `o.tot`. Only care
// that is still running on or after `o.van` is emitted (with its earlier messages, as a
// history import would carry them); declaraties cover the months from `o.van` on.
// InvalidArgument when van > tot; Internal when the BSN test range runs out for a date.
Status simuleer(const Regio& regio, const Parameters& p, const Opties& o, Rng& rng, Sink& sink);

}  // namespace jr::generate
