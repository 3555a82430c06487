#include "store/keyring.h"

#include <openssl/evp.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jr::store {
namespace {

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw std::runtime_error("libsodium kon niet worden geïnitialiseerd");
}

std::string to_hex(const unsigned char* p, size_t n) {
  std::string s(n * 2 + 1, '\0');
  sodium_bin2hex(s.data(), s.size(), p, n);
  s.pop_back();
  return s;
}

bool from_hex(std::string_view hex, unsigned char* out, size_t n) {
  size_t len = 0;
  return sodium_hex2bin(out, n, hex.data(), hex.size(), nullptr, &len, nullptr) == 0 && len == n;
}

constexpr std::string_view kHeader = "jeugdregie-sleutels-v1";

}  // namespace

Result<Keyring> Keyring::load_or_create(const std::filesystem::path& path) {
  ensure_sodium();
  Keyring k;
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    std::ifstream in(path);
    if (!in) return Unavailable("sleutelbestand niet leesbaar: " + path.string());
    std::string header, p, s;
    std::getline(in, header);
    std::getline(in, p);
    std::getline(in, s);
    if (header != kHeader || !from_hex(p, k.pseudonym_key_.data(), 32) ||
        !from_hex(s, k.seal_key_.data(), 32))
      return InvalidArgument("sleutelbestand is ongeldig: " + path.string());
    return k;
  }
  randombytes_buf(k.pseudonym_key_.data(), 32);
  crypto_secretbox_keygen(k.seal_key_.data());
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  auto tmp = path;
  tmp += ".tmp";
  {
    std::FILE* f = std::fopen(tmp.c_str(), "wx");
    if (f == nullptr)
      return Unavailable("sleutelbestand kan niet worden gemaakt: " + path.string());
    ::chmod(tmp.c_str(), 0600);
    std::string body = std::string(kHeader) + "\n" + to_hex(k.pseudonym_key_.data(), 32) + "\n" +
                       to_hex(k.seal_key_.data(), 32) + "\n";
    bool ok = std::fwrite(body.data(), 1, body.size(), f) == body.size();
    ok = std::fflush(f) == 0 && ok;
    std::fclose(f);
    if (!ok) return Unavailable("sleutelbestand kan niet worden geschreven: " + path.string());
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Unavailable("sleutelbestand kan niet worden geplaatst: " + path.string());
  return k;
}

Keyring Keyring::for_tests(std::string_view seed) {
  ensure_sodium();
  Keyring k;
  crypto_generichash(k.pseudonym_key_.data(), 32,
                     reinterpret_cast<const unsigned char*>(seed.data()), seed.size(), nullptr, 0);
  std::string s2 = std::string(seed) + "/seal";
  crypto_generichash(k.seal_key_.data(), 32, reinterpret_cast<const unsigned char*>(s2.data()),
                     s2.size(), nullptr, 0);
  return k;
}

std::string Keyring::pseudonym(std::string_view bsn) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bsn.data()),
                     bsn.size(), pseudonym_key_.data(), pseudonym_key_.size());
  return to_hex(out, sizeof out);
}

std::string Keyring::seal(std::string_view plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(o, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(o + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        o, seal_key_.data());
  return out;
}

Result<std::string> Keyring::open(std::string_view sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return InvalidArgument("versleutelde identiteit is te kort");
  const auto* s = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string out(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(out.data()), s + crypto_secretbox_NONCEBYTES,
          sealed.size() - crypto_secretbox_NONCEBYTES, s, seal_key_.data()) != 0)
    return InvalidArgument(
        "versleutelde identiteit kan niet worden geopend (andere sleutel of gewijzigd)");
  return out;
}

std::string sha256_hex(std::string_view s) {
  // OpenSSL's SHA-256 (assembly) rather than libsodium's (portable C): the import hashes every
  // message it reads, and libsodium's took 1.8x the CPU (measured on this machine).
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(s.data(), s.size(), out, &n, EVP_sha256(), nullptr) != 1 || n != 32)
    throw std::runtime_error("SHA-256 mislukt");
  std::string hex(2 * 32 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out, 32);
  hex.pop_back();
  return hex;
}

}  // namespace jr::store
