#include "store/verpakking.h"

#include <zstd.h>

#include <memory>

namespace jr::store {
namespace {

// Level 1: the fastest of the standard levels, still about 10:1 on iJw XML.
constexpr int kNiveau = 1;

struct CctxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DctxDeleter {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

bool is_zstd(std::string_view s) {
  return s.size() >= 4 && static_cast<unsigned char>(s[0]) == 0x28 &&
         static_cast<unsigned char>(s[1]) == 0xB5 && static_cast<unsigned char>(s[2]) == 0x2F &&
         static_cast<unsigned char>(s[3]) == 0xFD;
}

}  // namespace

std::string comprimeer(std::string_view xml) {
  thread_local std::unique_ptr<ZSTD_CCtx, CctxDeleter> cctx(ZSTD_createCCtx());
  std::string buf(ZSTD_compressBound(xml.size()), '\0');
  size_t n = ZSTD_compressCCtx(cctx.get(), buf.data(), buf.size(), xml.data(), xml.size(), kNiveau);
  // Compression into a buffer of compressBound cannot fail for lack of room; should the
  // library still refuse, the plain XML is kept (pak_uit reads both).
  if (ZSTD_isError(n)) return std::string(xml);
  buf.resize(n);
  return buf;
}

std::string verpak(const Keyring& keyring, std::string_view xml) {
  return keyring.seal(comprimeer(xml));
}

Result<std::string> pak_uit(const Keyring& keyring, std::string_view sealed) {
  auto plain = keyring.open(sealed);
  if (!plain.ok()) return plain.status();
  if (!is_zstd(*plain)) return plain;
  unsigned long long grootte = ZSTD_getFrameContentSize(plain->data(), plain->size());
  if (grootte == ZSTD_CONTENTSIZE_ERROR || grootte == ZSTD_CONTENTSIZE_UNKNOWN ||
      grootte > kMaxUitgepakt)
    return InvalidArgument("opgeslagen bericht is beschadigd (ongeldige compressie)");
  thread_local std::unique_ptr<ZSTD_DCtx, DctxDeleter> dctx(ZSTD_createDCtx());
  std::string out(static_cast<size_t>(grootte), '\0');
  size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), plain->data(), plain->size());
  if (ZSTD_isError(n) || n != out.size())
    return InvalidArgument("opgeslagen bericht is beschadigd (ongeldige compressie)");
  return out;
}

}  // namespace jr::store
