// libFuzzer target for the message reader: arbitrary bytes through the whole validation
// path (safe parse, type detection, XSD, typed read, in-message rules). Must never crash,
// leak or hang. The standards directory comes from JEUGDREGIE_IJW_STANDAARD_DIR, or
// ../shared/ijw beside the source tree.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "ijw/validator.h"

namespace {
jr::ijw::Validator* validator() {
  static std::unique_ptr<jr::ijw::Validator> v = [] {
    const char* env = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR");
    std::filesystem::path dir =
        env && *env ? std::filesystem::path(env)
                    : std::filesystem::path(JR_SOURCE_DIR) / ".." / "shared" / "ijw";
    jr::ijw::XmlLimits limits;
    limits.max_bytes = 1u << 20;
    auto r = jr::ijw::Validator::create(dir, limits);
    if (!r.ok()) std::abort();
    return std::move(*r);
  }();
  return v.get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto result = validator()->validate(std::string_view(reinterpret_cast<const char*>(data), size));
  // Touch the verdict so nothing is optimised away.
  volatile bool geldig = result.geldig();
  (void)geldig;
  return 0;
}
