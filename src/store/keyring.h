// Keyring: the secrets that protect person data, kept in a key file outside the database.
// A pseudonym is a keyed BLAKE2b hash of the BSN (stable, not reversible without the key);
// identities are sealed with XSalsa20-Poly1305 (libsodium secretbox).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace jr::store {

class Keyring {
 public:
  // Reads the key file at `path`, or creates it (mode 0600, fresh random keys) when absent.
  // InvalidArgument when the file exists but is malformed; Unavailable on I/O errors.
  static Result<Keyring> load_or_create(const std::filesystem::path& path);
  // Keys derived from a fixed seed: for tests only.
  static Keyring for_tests(std::string_view seed);

  // 64 hex characters; the same BSN always gives the same pseudonym under one key.
  std::string pseudonym(std::string_view bsn) const;
  // nonce || ciphertext of `plaintext`.
  std::string seal(std::string_view plaintext) const;
  // Opens what seal() produced; InvalidArgument when tampered or sealed under another key.
  Result<std::string> open(std::string_view sealed) const;

 private:
  std::array<unsigned char, 32> pseudonym_key_{};
  std::array<unsigned char, 32> seal_key_{};
};

// SHA-256 of `s` as lowercase hex (content hashes, token digests).
std::string sha256_hex(std::string_view s);

}  // namespace jr::store
