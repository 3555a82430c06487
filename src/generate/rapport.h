// Telling and Rapport: the calibration report of `jeugdregie generate --rapport`. Telling
// is a Sink that reads the generated stream back as an importer would (JW315 -> verwijzer,
// JW301 -> toewijzing, JW305/JW307 -> traject, JW323 -> cost, wijkteam rows) and counts
// the published figures from it; Rapport puts each target beside the generated value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "generate/simulation.h"

namespace jr::generate {

struct RapportRegel {
  std::string naam;         // Dutch label, e.g. "% 0-17 met jeugdhulp 0268 Nijmegen"
  double doel = 0;          // published figure
  double waarde = 0;        // generated value
  double min = 0, max = 0;  // tolerance band
  bool binnen() const { return waarde >= min && waarde <= max; }
};

struct Rapport {
  std::vector<int> jaren;  // calendar years measured
  std::vector<RapportRegel> regels;
  int64_t berichten = 0;
  std::map<std::string, int64_t> per_type;  // "JW301" -> count
  int64_t wijkteam_regels = 0;
  bool alles_binnen() const;
  const RapportRegel* regel(const std::string& naam) const;
  // The report as Dutch text: one line per figure, then the parameters as read.
  std::string tekst(const Parameters& p) const;
};

class Telling : public Sink {
 public:
  Telling(const Regio& r, const Opties& o);
  Status bericht(const ijw::Bericht& b) override;
  Status wijkteam(const WijkteamRegel& w) override;
  // Closes the trajecten still open at `tot` and computes the figures.
  Rapport rapport(const Parameters& p);

 private:
  struct Toewijzing {
    uint64_t client = 0;
    uint32_t gemeente = 0;
    int product = -1;
    std::string verwijzer;
    int32_t geboren = 0;
    int32_t begin = INT32_MIN;
  };
  void traject(uint64_t client, uint32_t gemeente, int product, const std::string& verwijzer,
               Date geboren, Date begin, Date eind);

  const Regio& r_;
  const Opties& o_;
  std::vector<int> jaren_;
  std::map<std::string, size_t> gemeente_index_;
  std::map<std::string, int> product_index_;                // categorie+code -> index
  std::unordered_map<std::string, std::string> verzoeken_;  // referentie -> verwijzer
  std::unordered_map<int64_t, Toewijzing> toewijzingen_;
  // Per measured year.
  std::map<int, std::vector<uint64_t>> clienten_, clienten_017_, jb_017_, jr_017_, verblijf_017_,
      kosten_clienten_;
  std::map<int, int64_t> trajecten_;
  std::map<int, double> kosten_;
  std::map<std::string, int64_t> groep_, verwijzer_;
  Rapport rapport_;
};

}  // namespace jr::generate
