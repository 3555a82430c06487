#include "domain/tekst.h"

#include <cstdint>
#include <cstring>

namespace jr {

size_t utf8_lengte(const unsigned char* p, size_t n) {
  const unsigned char c = p[0];
  size_t len;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1Fu;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0Fu;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (len > n) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3Fu);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

bool utf8_geldig(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      // ASCII runs eight bytes at a time.
      while (i + 8 <= n) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull) break;
        i += 8;
      }
      continue;
    }
    const size_t len = utf8_lengte(p + i, n - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string utf8_vervangen(std::string_view s) {
  if (utf8_geldig(s)) return std::string(s);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  std::string uit;
  uit.reserve(n + 8);
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      uit += s[i++];
      continue;
    }
    const size_t len = utf8_lengte(p + i, n - i);
    if (len == 0) {
      uit += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      uit.append(s.data() + i, len);
      i += len;
    }
  }
  return uit;
}

bool heeft_stuurteken(std::string_view s, bool regels) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = p[i];
    if (c < 0x20) {
      if (regels && (c == '\t' || c == '\n')) continue;
      return true;
    }
    if (c == 0x7F) return true;
    // C1 controls are U+0080-U+009F: encoded as 0xC2 0x80-0x9F.
    if (c == 0xC2 && i + 1 < s.size() && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) return true;
  }
  return false;
}

}  // namespace jr
