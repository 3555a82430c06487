// libFuzzer target for the compiled XSD fast path (XsdPlan): arbitrary bytes through the safe
// parser; whenever the fast path calls a document valid, libxml2's xmlSchemaValidateDoc must
// agree (fast-valid implies libxml2-valid), else the target aborts. The standards directory
// comes from JEUGDREGIE_IJW_STANDAARD_DIR, or ../shared/ijw beside the source tree.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "ijw/reader.h"
#include "ijw/schema.h"
#include "ijw/xml.h"

namespace {
jr::ijw::SchemaSet* schemas() {
  static std::unique_ptr<jr::ijw::SchemaSet> s = [] {
    const char* env = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR");
    std::filesystem::path dir =
        env && *env ? std::filesystem::path(env)
                    : std::filesystem::path(JR_SOURCE_DIR) / ".." / "shared" / "ijw";
    return std::make_unique<jr::ijw::SchemaSet>(dir);
  }();
  return s.get();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jr::ijw::XmlLimits limits;
  limits.max_bytes = 1u << 20;
  auto doc =
      jr::ijw::parse_xml(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (!doc.ok()) return 0;
  auto type = jr::ijw::detect_berichttype(doc->get());
  if (!type) return 0;
  auto fast = schemas()->fast_valid(*type, doc->get());
  if (!fast.ok() || !*fast) return 0;
  jr::ijw::Findings findings;
  auto st = schemas()->validate_libxml2(*type, doc->get(), findings);
  if (!st.ok() || !findings.empty()) {
    std::fprintf(stderr, "fast path said valid, libxml2 did not: %s\n",
                 findings.empty() ? st.message().c_str() : findings[0].melding.c_str());
    std::abort();
  }
  return 0;
}
