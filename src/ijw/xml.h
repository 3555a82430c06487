// Safe XML reading with libxml2: no network, no DTD, no entity expansion, a size limit,
// UTF-8 only. Everything that reads iJw XML goes through parse_xml.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace jr::ijw {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct XmlLimits {
  size_t max_bytes = 20u * 1024u * 1024u;  // larger than any single iJw message we expect
  int max_depth = 64;
};

// Parses `bytes` as one XML document. Refuses (InvalidArgument, Dutch message) a document
// that is larger than the limit, not well-formed, not UTF-8, declares a DTD or entities,
// or nests deeper than the limit. Never touches the network or the file system.
Result<XmlDocPtr> parse_xml(std::string_view bytes, const XmlLimits& limits = {});

// Reads a whole file, refusing it when it exceeds `max_bytes` (before reading it all).
Result<std::string> read_file_limited(const std::string& path, size_t max_bytes);

// Initialises libxml2 once for the process and disables its network and external loaders.
void init_libxml();

// Text content of a node (empty string when null); trims nothing.
std::string node_text(const xmlNode* n);
// Local name equality without namespace prefix.
bool is_element(const xmlNode* n, std::string_view local_name);

}  // namespace jr::ijw
