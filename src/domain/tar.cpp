#include "domain/tar.h"

#include <algorithm>
#include <cstring>

namespace jr {
namespace {

constexpr size_t kBlock = 512;

// Writes `value` as `width - 1` octal digits and a NUL into field `f`.
void octal(char* f, size_t width, uint64_t value) {
  f[width - 1] = '\0';
  for (size_t i = width - 1; i-- > 0;) {
    f[i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
}

uint64_t checksum(const char* h) {
  uint64_t sum = 0;
  for (size_t i = 0; i < kBlock; ++i)
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
  return sum;
}

// An octal field: digits possibly surrounded by spaces and NULs. False when anything else
// is in it (also the base-256 form, which members under 8 GiB do not need).
bool lees_octal(const char* f, size_t width, uint64_t& out) {
  size_t i = 0;
  while (i < width && f[i] == ' ') ++i;
  out = 0;
  bool digit = false;
  for (; i < width && f[i] >= '0' && f[i] <= '7'; ++i) {
    out = (out << 3) | static_cast<uint64_t>(f[i] - '0');
    digit = true;
  }
  for (; i < width; ++i)
    if (f[i] != ' ' && f[i] != '\0') return false;
  return digit;
}

std::string_view field(const char* f, size_t width) {
  return {f, static_cast<size_t>(std::find(f, f + width, '\0') - f)};
}

}  // namespace

Status tar_append_file(std::string& out, std::string_view name, std::string_view content,
                       int64_t mtime) {
  if (name.empty() || name.size() > 100) return InvalidArgument("tar: naam leeg of te lang");
  const size_t start = out.size();
  out.resize(start + kBlock, '\0');
  char* h = out.data() + start;
  std::memcpy(h, name.data(), name.size());
  octal(h + 100, 8, 0644);
  octal(h + 108, 8, 0);
  octal(h + 116, 8, 0);
  octal(h + 124, 12, content.size());
  octal(h + 136, 12, static_cast<uint64_t>(std::max<int64_t>(0, mtime)));
  h[156] = '0';
  std::memcpy(h + 257, "ustar", 6);
  std::memcpy(h + 263, "00", 2);
  octal(h + 148, 7, checksum(h));  // six digits and a NUL, then the space of the field
  h[155] = ' ';
  out.append(content);
  out.append((kBlock - content.size() % kBlock) % kBlock, '\0');
  return Status::Ok();
}

void tar_append_end(std::string& out) { out.append(2 * kBlock, '\0'); }

Result<std::vector<TarMember>> tar_members(std::string_view archive) {
  std::vector<TarMember> out;
  size_t pos = 0;
  while (pos + kBlock <= archive.size()) {
    const char* h = archive.data() + pos;
    if (std::all_of(h, h + kBlock, [](char c) { return c == '\0'; })) return out;
    uint64_t stored = 0, size = 0;
    if (!lees_octal(h + 148, 8, stored) || stored != checksum(h))
      return InvalidArgument("tar: controlegetal van een kop klopt niet");
    if (!lees_octal(h + 124, 12, size)) return InvalidArgument("tar: ongeldige grootte");
    pos += kBlock;
    if (size > archive.size() - pos) return InvalidArgument("tar: lid loopt voorbij het einde");
    const char type = h[156];
    if (type == '0' || type == '\0') {
      TarMember m;
      const std::string_view prefix =
          std::memcmp(h + 257, "ustar", 5) == 0 ? field(h + 345, 155) : std::string_view{};
      if (!prefix.empty()) m.name.append(prefix).append("/");
      m.name.append(field(h, 100));
      m.content = archive.substr(pos, size);
      out.push_back(std::move(m));
    } else if (type != '5') {
      return InvalidArgument(std::string("tar: soort lid '") + type + "' wordt niet gelezen");
    }
    pos += (size + kBlock - 1) / kBlock * kBlock;
  }
  if (pos != archive.size()) return InvalidArgument("tar: archief eindigt midden in een blok");
  return out;  // no end marker: tolerated, as GNU tar does
}

}  // namespace jr
