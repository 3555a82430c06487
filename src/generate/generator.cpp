#include "generate/generator.h"

#include "generate/bestanden.h"
#include "generate/regio.h"
#include "generate/rng.h"

namespace jr::generate {

Result<Uitkomst> genereer(const Opties& o, const Parameters& p, const ijw::Codelijsten& c,
                          const std::filesystem::path& out, bool tar) {
  if (o.tot < o.van) return InvalidArgument("--van ligt na --tot");
  Rng rng(o.seed);
  auto regio = bouw_regio(o.regio, p, c, o.schaal, rng);
  if (!regio.ok()) return regio.status();
  Telling telling(*regio, o);
  Uitkomst u;
  if (out.empty()) {
    JR_RETURN_IF_ERROR(simuleer(*regio, p, o, rng, telling));
  } else {
    auto files = Bestanden::open(out, *regio, o.van.year() - p.opwarmjaren, o.tot.year(), tar);
    if (!files.ok()) return files.status();
    Tee tee({files->get(), &telling});
    JR_RETURN_IF_ERROR(simuleer(*regio, p, o, rng, tee));
    JR_RETURN_IF_ERROR((*files)->sluit());
    u.berichten = (*files)->berichten();
    u.bytes = (*files)->bytes();
  }
  u.rapport = telling.rapport(p);
  return u;
}

}  // namespace jr::generate
