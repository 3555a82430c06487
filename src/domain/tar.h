// Tar: the POSIX ustar archive format as bytes, without I/O. The generator packs a day's
// iJw messages into one archive (`jeugdregie generate --tar`) and the importer reads the
// members back, so that a national stream does not need millions of small files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace jr {

// Appends one regular file member to `out`: a ustar header (mode 0644, owner 0, the given
// modification time in seconds since 1970), the content and zero padding to a 512-byte
// block. The same arguments give the same bytes. InvalidArgument when `name` is empty or
// longer than 100 bytes (no prefix field is used).
Status tar_append_file(std::string& out, std::string_view name, std::string_view content,
                       int64_t mtime);

// Appends the end-of-archive marker: two zero blocks.
void tar_append_end(std::string& out);

struct TarMember {
  std::string name;          // prefix/name as stored
  std::string_view content;  // points into the archive passed to tar_members
};

// The regular file members of `archive` in archive order; directories are skipped.
// InvalidArgument when a header's checksum is wrong, a member runs past the end, or a
// member is of another type (link, device, GNU/pax extension).
Result<std::vector<TarMember>> tar_members(std::string_view archive);

}  // namespace jr
