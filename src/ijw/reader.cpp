#include "ijw/reader.h"

#include "ijw/xml.h"

namespace jr::ijw {

std::optional<Berichttype> detect_berichttype(const xmlDoc* doc) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(doc));
  if (!is_element(root, "Bericht") || root->ns == nullptr || root->ns->href == nullptr)
    return std::nullopt;
  return berichttype_from_namespace(reinterpret_cast<const char*>(root->ns->href));
}

// BOOTSTRAP: replaced by the typed readers.
bool has_reader(Berichttype) { return false; }
Result<Bericht> read_bericht(Berichttype, const xmlDoc*) { return NotFound("geen lezer"); }

}  // namespace jr::ijw
