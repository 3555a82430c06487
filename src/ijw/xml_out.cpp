#include "ijw/xml_out.h"

#include <charconv>

#include "domain/tekst.h"

namespace jr::ijw {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at p[0] (p[0] >= 0x80), or 0 when invalid or
// not an XML character (U+FFFE, U+FFFF).
size_t utf8_sequence(const unsigned char* p, size_t n) {
  const size_t len = utf8_lengte(p, n);
  if (len == 3 && p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return 0;
  return len;
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  size_t i = 0;
  auto flush = [&](size_t upto) {
    if (upto > run) out.append(text.data() + run, upto - run);
  };
  while (i < n) {
    unsigned char c = p[i];
    if (c >= 0x80) {
      size_t len = utf8_sequence(p + i, n - i);
      if (len != 0) {
        i += len;
        continue;
      }
      flush(i);
      out += kReplacement;
      run = ++i;
      continue;
    }
    std::string_view rep;
    switch (c) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&apos;";
        break;
      case '\r':
        rep = "&#13;";
        break;
      case '\t':
      case '\n':
        break;
      default:
        if (c < 0x20) rep = kReplacement;
        break;
    }
    if (rep.empty()) {
      ++i;
      continue;
    }
    flush(i);
    out += rep;
    run = ++i;
  }
  flush(n);
}

void XmlOut::declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlOut::indent() { out_.append(static_cast<size_t>(depth_), '\t'); }

void XmlOut::start_tag(std::string_view prefix, std::string_view name) {
  out_ += '<';
  out_ += prefix;
  out_ += ':';
  out_ += name;
  out_ += '>';
}

void XmlOut::end_tag(std::string_view prefix, std::string_view name) {
  out_ += "</";
  out_ += prefix;
  out_ += ':';
  out_ += name;
  out_ += ">\n";
}

void XmlOut::open(std::string_view prefix, std::string_view name, std::string_view attributes) {
  indent();
  out_ += '<';
  out_ += prefix;
  out_ += ':';
  out_ += name;
  if (!attributes.empty()) {
    out_ += ' ';
    out_ += attributes;
  }
  out_ += ">\n";
  ++depth_;
}

void XmlOut::close(std::string_view prefix, std::string_view name) {
  --depth_;
  indent();
  end_tag(prefix, name);
}

void XmlOut::text(std::string_view prefix, std::string_view name, std::string_view value) {
  indent();
  start_tag(prefix, name);
  append_escaped(out_, value);
  end_tag(prefix, name);
}

void XmlOut::integer(std::string_view prefix, std::string_view name, int64_t value) {
  indent();
  start_tag(prefix, name);
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
  end_tag(prefix, name);
}

void XmlOut::date(std::string_view prefix, std::string_view name, Date value) {
  indent();
  start_tag(prefix, name);
  auto ymd = value.ymd();
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    // Not a year iJw uses (Date::parse reads four digits only); written as is.
    out_ += std::to_string(y);
  } else {
    char yb[4] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + (y / 100) % 10),
                  static_cast<char>('0' + (y / 10) % 10), static_cast<char>('0' + y % 10)};
    out_.append(yb, 4);
  }
  char md[6] = {'-', static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10),
                '-', static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  out_.append(md, 6);
  end_tag(prefix, name);
}

}  // namespace jr::ijw
