// Raw iJw messages and retour messages at rest: compressed (zstd) and then sealed with the
// keyring. XML shrinks about tenfold, so the database, its WAL and the seal handle a tenth of
// the bytes. Rows written before compression existed hold sealed plain XML; pak_uit reads
// both (a compressed payload starts with the zstd frame magic, XML never does).
#pragma once

#include <string>
#include <string_view>

#include "domain/status.h"
#include "store/keyring.h"

namespace jr::store {

// `xml` compressed (a zstd frame); needs no key, so it can run on another thread.
std::string comprimeer(std::string_view xml);

// Compresses `xml` and seals the result.
std::string verpak(const Keyring& keyring, std::string_view xml);

// Opens what verpak (or Keyring::seal on plain XML) produced. InvalidArgument when tampered,
// sealed under another key, or when the compressed payload is corrupt or would expand beyond
// kMaxUitgepakt.
Result<std::string> pak_uit(const Keyring& keyring, std::string_view sealed);

inline constexpr size_t kMaxUitgepakt = 256u << 20;

}  // namespace jr::store
