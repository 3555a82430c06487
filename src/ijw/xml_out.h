// XmlOut: a fast builder of XML text that appends to one std::string: tab-indented
// elements, escaped text, integers and dates without temporary strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace jr::ijw {

// Appends `text` to `out` as XML character data: & < > " ' become entity references, CR
// becomes &#13; (so it survives line-end normalisation), other C0 control characters and
// bytes that are not valid UTF-8 (or U+FFFE/U+FFFF) become U+FFFD, since XML 1.0 cannot
// carry them.
void append_escaped(std::string& out, std::string_view text);

class XmlOut {
 public:
  explicit XmlOut(std::string& out) : out_(out) {}

  // <?xml version="1.0" encoding="UTF-8"?> and a newline.
  void declaration();
  // <prefix:name attributes>; `attributes` is written verbatim (e.g. xmlns declarations).
  void open(std::string_view prefix, std::string_view name, std::string_view attributes = {});
  void close(std::string_view prefix, std::string_view name);
  // <prefix:name>escaped text</prefix:name>
  void text(std::string_view prefix, std::string_view name, std::string_view value);
  void integer(std::string_view prefix, std::string_view name, int64_t value);
  // YYYY-MM-DD
  void date(std::string_view prefix, std::string_view name, Date value);

 private:
  void indent();
  void start_tag(std::string_view prefix, std::string_view name);
  void end_tag(std::string_view prefix, std::string_view name);

  std::string& out_;
  int depth_ = 0;
};

}  // namespace jr::ijw
