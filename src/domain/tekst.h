// Tekst: checks and repairs of text that comes from outside (a client, a file). Everything a
// client sends is checked at the edge with these before it is used; anything echoed back into
// JSON, a log line or an audit event is written through utf8_vervangen so that no byte
// sequence can make a writer throw.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace jr {

// Length of the well-formed UTF-8 sequence that starts at p[0] (a lead byte >= 0x80) within
// the n bytes at p: 2, 3 or 4; 0 when it is not well-formed (a stray continuation byte, a
// truncated sequence, an overlong form, a surrogate, or beyond U+10FFFF).
size_t utf8_lengte(const unsigned char* p, size_t n);

// Whether `s` is well-formed UTF-8 (RFC 3629).
bool utf8_geldig(std::string_view s);

// `s` with every byte that is not part of a well-formed UTF-8 sequence replaced by U+FFFD.
std::string utf8_vervangen(std::string_view s);

// Whether `s` holds a control character: C0 (U+0000-U+001F), DEL (U+007F) or C1
// (U+0080-U+009F). With `regels` true, tab and line feed (U+0009, U+000A) are allowed, as in
// a multi-line text. `s` must be well-formed UTF-8.
bool heeft_stuurteken(std::string_view s, bool regels = false);

}  // namespace jr
