#include "ijw/xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>

#include "domain/tekst.h"

namespace jr::ijw {
namespace {

// Refuse every external resource: iJw messages never need one.
xmlParserInputPtr no_external_loader(const char* url, const char*, xmlParserCtxtPtr ctxt) {
  (void)url;
  (void)ctxt;
  return nullptr;
}

struct ParseState {
  bool dtd_seen = false;
  bool entity_seen = false;
  std::string first_error;
  int first_error_line = 0;
};

void on_internal_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  static_cast<ParseState*>(ctxt->_private)->dtd_seen = true;
  xmlStopParser(ctxt);
}

void on_entity_decl(void* ctx, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  static_cast<ParseState*>(ctxt->_private)->entity_seen = true;
  xmlStopParser(ctxt);
}

void on_structured_error(void* user, xmlErrorPtr err) {
  auto* st = static_cast<ParseState*>(user);
  if (!st->first_error.empty() || err == nullptr) return;
  st->first_error = err->message ? err->message : "onbekende fout";
  while (!st->first_error.empty() &&
         (st->first_error.back() == '\n' || st->first_error.back() == ' '))
    st->first_error.pop_back();
  st->first_error_line = err->line;
}

// One parser context per thread, reset for each document: its dictionary of element names
// and its buffers are reused instead of being built anew for every message.
struct CtxtDeleter {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

xmlParserCtxtPtr parser_context() {
  thread_local std::unique_ptr<xmlParserCtxt, CtxtDeleter> ctxt;
  if (!ctxt) {
    ctxt.reset(xmlNewParserCtxt());
    if (ctxt) {
      ctxt->sax->internalSubset = on_internal_subset;
      ctxt->sax->entityDecl = on_entity_decl;
    }
  }
  return ctxt.get();
}

int depth_exceeds(const xmlNode* n, int depth, int max_depth) {
  if (depth > max_depth) return 1;
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && depth_exceeds(c, depth + 1, max_depth)) return 1;
  return 0;
}

}  // namespace

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(no_external_loader);
  });
}

Result<XmlDocPtr> parse_xml(std::string_view bytes, const XmlLimits& limits) {
  init_libxml();
  if (bytes.size() > limits.max_bytes)
    return InvalidArgument("bestand is te groot (" + std::to_string(bytes.size()) +
                           " bytes, maximaal " + std::to_string(limits.max_bytes) + ")");
  if (bytes.empty()) return InvalidArgument("bestand is leeg");
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE)))
    return InvalidArgument("tekencodering is UTF-16; iJw-berichten moeten UTF-8 zijn");
  if (!utf8_geldig(bytes)) return InvalidArgument("bestand is geen geldige UTF-8 tekst");
  // The XML declaration may name an encoding; only UTF-8 is accepted.
  if (bytes.substr(0, 5) == "<?xml") {
    auto end = bytes.find("?>");
    auto decl = bytes.substr(0, end == std::string_view::npos ? bytes.size() : end);
    auto pos = decl.find("encoding");
    if (pos != std::string_view::npos) {
      auto q = decl.find_first_of("\"'", pos);
      if (q != std::string_view::npos) {
        auto q2 = decl.find(decl[q], q + 1);
        std::string enc(decl.substr(q + 1, q2 == std::string_view::npos ? 0 : q2 - q - 1));
        for (auto& ch : enc) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (enc != "UTF-8" && enc != "UTF8")
          return InvalidArgument("tekencodering '" + enc +
                                 "' niet toegestaan; iJw-berichten moeten UTF-8 zijn");
      }
    }
  }

  xmlParserCtxtPtr ctxt = parser_context();
  if (ctxt == nullptr) return Internal("libxml2 parser context kon niet worden gemaakt");
  ParseState state;
  ctxt->_private = &state;
  xmlSetStructuredErrorFunc(&state, on_structured_error);
  const int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_NOWARNING |
                   XML_PARSE_NOERROR | XML_PARSE_COMPACT;
  xmlDocPtr doc =
      xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8", opts);
  const bool well_formed = ctxt->wellFormed != 0;
  ctxt->_private = nullptr;
  if (ctxt->myDoc != nullptr && ctxt->myDoc != doc) xmlFreeDoc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  XmlDocPtr owned(doc);

  if (state.dtd_seen) return InvalidArgument("DTD (DOCTYPE) is niet toegestaan in een iJw-bericht");
  if (state.entity_seen)
    return InvalidArgument("entiteiten zijn niet toegestaan in een iJw-bericht");
  if (!owned || !well_formed) {
    std::string m = "geen geldige XML";
    if (!state.first_error.empty())
      m += " (regel " + std::to_string(state.first_error_line) + ": " + state.first_error + ")";
    return InvalidArgument(m);
  }
  const xmlNode* root = xmlDocGetRootElement(owned.get());
  if (root == nullptr) return InvalidArgument("geen geldige XML (geen hoofdelement)");
  if (depth_exceeds(root, 1, limits.max_depth))
    return InvalidArgument("XML is dieper genest dan toegestaan");
  return owned;
}

Result<std::string> read_file_limited(const std::string& path, size_t max_bytes) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFound("bestand niet gevonden of niet leesbaar: " + path);
  std::string out;
  // Read a regular file of known size in one go; grow only when it turns out larger.
  struct stat sb {};
  if (::fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
      static_cast<size_t>(sb.st_size) <= max_bytes) {
    out.resize(static_cast<size_t>(sb.st_size));
    out.resize(std::fread(out.data(), 1, out.size(), f));
  }
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > max_bytes) {
      std::fclose(f);
      return InvalidArgument("bestand is te groot (meer dan " + std::to_string(max_bytes) +
                             " bytes)");
    }
    out.append(buf, n);
  }
  std::fclose(f);
  return out;
}

std::string node_text(const xmlNode* n) {
  if (n == nullptr) return {};
  std::string s;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_TEXT_NODE && c->content) s += reinterpret_cast<const char*>(c->content);
  return s;
}

bool is_element(const xmlNode* n, std::string_view local_name) {
  return n && n->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(n->name)) == local_name;
}

}  // namespace jr::ijw
