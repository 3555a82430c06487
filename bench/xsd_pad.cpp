// Micro benchmark of XSD validation: the same messages parsed (parse_xml) and validated with
// (a) libxml2's xmlSchemaValidateDoc alone and (b) SchemaSet::validate, the compiled fast path
// with libxml2 as fallback, side by side in one process. Process CPU time per message and
// type, best of --rondes rounds; parse and the two validations are timed separately, in
// batches of 16 messages whose trees (a) and (b) validate in alternating order.
//
// Usage: build/xsd_pad [--standaard DIR] [--rondes N] LIST...
//   DIR: $JEUGDREGIE_IJW_STANDAARD_DIR, else ../shared/ijw from the working directory.
//   LIST: a file with one message path per line (e.g. /tmp/jr-bench-import/JW305.lst).
// Prints a table and, last, one line:
//   RESULT parse_us=X libxml2_us=X snel_us=X xsd_ratio=X ratio=X berichten=N snel_geldig=N
// (µs per message over all lists; xsd_ratio = libxml2 / fast path, ratio = (parse + libxml2)
// / (parse + fast path); snel_geldig = messages the fast path alone called valid).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "ijw/reader.h"
#include "ijw/schema.h"
#include "ijw/xml.h"

using namespace jr;

namespace {

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Bericht {
  ijw::Berichttype type;
  std::string bytes;
};

struct Meting {
  double parse = 1e99, libxml2 = 1e99, snel = 1e99;  // best CPU seconds per round
  size_t snel_geldig = 0, libxml2_geldig = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path std_dir;
  if (const char* e = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR"); e && *e) std_dir = e;
  if (std_dir.empty()) std_dir = "../shared/ijw";  // run from the checkout, as bench/import.sh
  int rondes = 3;
  std::vector<std::string> lijsten;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--standaard") && i + 1 < argc)
      std_dir = argv[++i];
    else if (!std::strcmp(argv[i], "--rondes") && i + 1 < argc)
      rondes = std::atoi(argv[++i]);
    else
      lijsten.push_back(argv[i]);
  }
  if (lijsten.empty()) {
    std::fprintf(stderr, "gebruik: xsd_pad [--standaard DIR] [--rondes N] LIJST...\n");
    return 2;
  }
  ijw::SchemaSet schemas(std_dir);
  std::printf("%-8s %8s %10s %12s %12s %12s %8s %s\n", "lijst", "berichten", "parse_us",
              "libxml2_us", "snel_us", "totaal_ratio", "xsd_ratio", "snel_geldig");
  double tot_parse = 0, tot_lx = 0, tot_snel = 0;
  size_t tot_n = 0, tot_geldig = 0;
  for (const auto& lijst : lijsten) {
    std::vector<Bericht> berichten;
    std::ifstream in(lijst);
    std::string pad;
    while (std::getline(in, pad)) {
      auto b = ijw::read_file_limited(pad, 1u << 22);
      if (!b.ok()) continue;
      auto d = ijw::parse_xml(*b);
      if (!d.ok()) continue;
      auto t = ijw::detect_berichttype(d->get());
      if (!t) continue;
      berichten.push_back({*t, std::move(*b)});
    }
    if (berichten.empty()) continue;
    for (const auto& b : berichten) (void)schemas.plan_status(b.type);  // compile untimed
    // Batches of 16: parse (timed as parse), then validate the same trees with libxml2 and
    // with the fast path, in alternating order, while they are still in the cache.
    Meting m;
    constexpr size_t kBatch = 16;
    for (int r = 0; r < rondes; ++r) {
      double parse = 0, lx = 0, sn = 0;
      size_t lx_geldig = 0, sn_geldig = 0;
      std::vector<ijw::XmlDocPtr> docs;
      for (size_t i = 0; i < berichten.size(); i += kBatch) {
        const size_t end = std::min(berichten.size(), i + kBatch);
        docs.clear();
        double t0 = cpu_now();
        for (size_t k = i; k < end; ++k) {
          auto d = ijw::parse_xml(berichten[k].bytes);
          if (!d.ok()) std::abort();
          docs.push_back(std::move(*d));
        }
        double t1 = cpu_now();
        parse += t1 - t0;
        for (int pass = 0; pass < 2; ++pass) {
          const bool snel = (pass == 0) == ((i / kBatch) % 2 == 0);
          double a = cpu_now();
          for (size_t k = i; k < end; ++k) {
            ijw::Findings f;
            auto st = snel ? schemas.validate(berichten[k].type, docs[k - i].get(), f)
                           : schemas.validate_libxml2(berichten[k].type, docs[k - i].get(), f);
            if (!st.ok()) std::abort();
            (snel ? sn_geldig : lx_geldig) += f.empty();
          }
          double b = cpu_now();
          (snel ? sn : lx) += b - a;
        }
      }
      m.parse = std::min(m.parse, parse);
      m.libxml2 = std::min(m.libxml2, lx);
      m.snel = std::min(m.snel, sn);
      m.libxml2_geldig = lx_geldig;
      if (sn_geldig != lx_geldig) {
        std::fprintf(stderr, "xsd_pad: oordeel verschilt: libxml2 %zu geldig, snel pad %zu\n",
                     lx_geldig, sn_geldig);
        return 1;
      }
    }
    for (const auto& b : berichten) {
      auto d = ijw::parse_xml(b.bytes);
      auto snel = schemas.fast_valid(b.type, d->get());
      m.snel_geldig += snel.ok() && *snel;
    }
    const double n = static_cast<double>(berichten.size());
    const double p = m.parse / n * 1e6, lx = m.libxml2 / n * 1e6, sn = m.snel / n * 1e6;
    std::printf("%-8s %8zu %10.2f %12.2f %12.2f %12.2f %8.1f %zu/%zu\n",
                std::filesystem::path(lijst).stem().c_str(), berichten.size(), p, lx, sn,
                (p + lx) / (p + sn), lx / sn, m.snel_geldig, m.libxml2_geldig);
    tot_parse += m.parse;
    tot_lx += m.libxml2;
    tot_snel += m.snel;
    tot_n += berichten.size();
    tot_geldig += m.snel_geldig;
  }
  if (tot_n == 0) return 1;
  const double n = static_cast<double>(tot_n);
  std::printf("(per message, CPU; libxml2_us and snel_us: validation only)\n");
  std::printf(
      "RESULT parse_us=%.2f libxml2_us=%.2f snel_us=%.2f xsd_ratio=%.2f ratio=%.2f "
      "berichten=%zu snel_geldig=%zu\n",
      tot_parse / n * 1e6, tot_lx / n * 1e6, tot_snel / n * 1e6, tot_lx / tot_snel,
      (tot_parse + tot_lx) / (tot_parse + tot_snel), tot_n, tot_geldig);
  return 0;
}
