#include "ijw/schema.h"

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include <cstdlib>
#include <mutex>
#include <set>
#include <string_view>

#include "ijw/xml.h"
#include "ijw/xsd_plan.h"

namespace jr::ijw {

struct SchemaSet::Compiled {
  xmlSchemaPtr schema = nullptr;
  xmlSchemaValidCtxtPtr valid = nullptr;
  std::unique_ptr<XsdPlan> plan;  // null when the XSD is outside the fast path's subset
  Status plan_status;
  ~Compiled() {
    if (valid) xmlSchemaFreeValidCtxt(valid);
    if (schema) xmlSchemaFree(schema);
  }
};

namespace {

struct Collect {
  Findings* out;
  std::string compile_error;
};

// Elements (and classes) whose values are person data: a value quoted by libxml2 in an XSD
// error about them is replaced, so that findings, summaries and stored retourcodes never
// carry a BSN, a name, an address or a birth date.
bool is_person_data(const xmlNode* n) {
  static const std::set<std::string_view> kPersonElements = {
      "Bsn",         "Achternaam", "Voorvoegsel", "Voornamen",
      "Voorletters", "Huisnummer", "Huisletter",  "HuisnummerToevoeging",
      "Postcode",    "Straatnaam", "Plaatsnaam",  "Telefoonnummer",
      "Landnummer",  "Emailadres", "Nummer",      "Commentaar",
      "Organisatie", "Taal"};
  static const std::set<std::string_view> kPersonClasses = {"Geboortedatum", "Naam",  "Partnernaam",
                                                            "Geslachtsnaam", "Adres", "Telefoon01",
                                                            "Telefoon02",    "Huis"};
  for (int depth = 0; n != nullptr && n->type == XML_ELEMENT_NODE && depth < 3;
       ++depth, n = n->parent) {
    std::string_view name(reinterpret_cast<const char*>(n->name));
    if (depth == 0 && kPersonElements.count(name)) return true;
    if (kPersonClasses.count(name)) return true;
  }
  return false;
}

// Replaces every single-quoted value in a libxml2 message, keeping quoted element names
// ('{namespace}Name') and schema facets ('[0-9]{9}' after "pattern").
std::string redact_values(const std::string& msg) {
  std::string out;
  size_t i = 0;
  while (i < msg.size()) {
    size_t q = msg.find('\'', i);
    if (q == std::string::npos) break;
    size_t q2 = msg.find('\'', q + 1);
    if (q2 == std::string::npos) break;
    std::string_view inner(msg.data() + q + 1, q2 - q - 1);
    bool keep = (!inner.empty() && inner.front() == '{') ||
                (q >= 8 && msg.compare(q - 8, 7, "pattern") == 0) ||
                (q >= 6 && msg.compare(q - 6, 5, "facet") == 0);
    out.append(msg, i, q - i);
    if (keep)
      out.append(msg, q, q2 - q + 1);
    else
      out += "'(waarde weggelaten)'";
    i = q2 + 1;
  }
  out.append(msg, i, std::string::npos);
  return out;
}

void on_valid_error(void* user, xmlErrorPtr err) {
  auto* c = static_cast<Collect*>(user);
  if (err == nullptr || c->out == nullptr) return;
  std::string msg = err->message ? err->message : "ongeldig volgens XSD";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (err->node != nullptr && is_person_data(static_cast<const xmlNode*>(err->node)))
    msg = redact_values(msg);
  std::string path;
  if (err->node != nullptr) {
    xmlChar* p = xmlGetNodePath(static_cast<xmlNode*>(err->node));
    if (p) {
      // Same form as the rule findings: no namespace prefixes (/Bericht/Client/Bsn).
      std::string_view raw(reinterpret_cast<char*>(p));
      bool in_prefix_scan = true;
      size_t seg_start = 0;
      for (size_t i = 0; i < raw.size(); ++i) {
        char ch = raw[i];
        if (ch == '/') {
          path += ch;
          seg_start = path.size();
          in_prefix_scan = true;
        } else if (ch == ':' && in_prefix_scan) {
          path.resize(seg_start);
          in_prefix_scan = false;
        } else {
          if (ch == '[') in_prefix_scan = false;
          path += ch;
        }
      }
      xmlFree(p);
    }
  }
  c->out->push_back({"XSD", "0001", path, "bericht voldoet niet aan de XSD: " + msg});
}

void on_compile_error(void* user, xmlErrorPtr err) {
  auto* c = static_cast<Collect*>(user);
  if (err && err->message && c->compile_error.empty()) c->compile_error = err->message;
}

// XSDs may import basisschema.xsd from their own directory, and nothing else.
std::filesystem::path g_allowed_dir;
xmlExternalEntityLoader g_default_loader = nullptr;

xmlParserInputPtr schema_loader(const char* url, const char* id, xmlParserCtxtPtr ctxt) {
  if (url == nullptr) return nullptr;
  std::error_code ec;
  std::string u(url);
  if (u.rfind("file://", 0) == 0) u = u.substr(7);
  auto p = std::filesystem::weakly_canonical(u, ec);
  if (ec || g_allowed_dir.empty()) return nullptr;
  auto rel = p.lexically_relative(g_allowed_dir);
  if (rel.empty() || rel.native().rfind("..", 0) == 0) return nullptr;
  return xmlNewInputFromFile(ctxt, p.c_str());
  (void)id;
}

}  // namespace

SchemaSet::SchemaSet(std::filesystem::path standaard_dir) : dir_(std::move(standaard_dir)) {
  init_libxml();
  // JEUGDREGIE_XSD_SNELPAD=0 switches the fast path off (libxml2 only), for comparisons.
  if (const char* v = std::getenv("JEUGDREGIE_XSD_SNELPAD"); v && std::string_view(v) == "0")
    snelpad_ = false;
}
SchemaSet::~SchemaSet() = default;

bool SchemaSet::has_schema(Berichttype type) const {
  return std::filesystem::exists(dir_ / "xsd" / (std::string(naam(type)) + ".xsd"));
}

Result<SchemaSet::Compiled*> SchemaSet::compiled(Berichttype type) {
  auto it = cache_.find(type);
  if (it != cache_.end()) return it->second.get();
  auto path = dir_ / "xsd" / (std::string(naam(type)) + ".xsd");
  if (!std::filesystem::exists(path))
    return NotFound("XSD voor " + std::string(naam(type)) + " niet gevonden: " + path.string());
  // The entity loader swapped below is process-wide: one compilation at a time, also when
  // two threads each hold a SchemaSet (the importer validates on a second thread).
  static std::mutex compile_mutex;
  std::lock_guard<std::mutex> lock(compile_mutex);
  std::error_code ec;
  g_allowed_dir = std::filesystem::weakly_canonical(dir_ / "xsd", ec);
  g_default_loader = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(schema_loader);
  Collect col{nullptr, {}};
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(path.c_str());
  xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, &col);
  xmlSchemaPtr schema = xmlSchemaParse(pctxt);
  xmlSchemaFreeParserCtxt(pctxt);
  xmlSetExternalEntityLoader(g_default_loader);
  if (schema == nullptr)
    return InvalidArgument("XSD " + path.string() +
                           " kon niet worden gelezen: " + col.compile_error);
  auto c = std::make_unique<Compiled>();
  c->schema = schema;
  c->valid = xmlSchemaNewValidCtxt(schema);
  // Only a schema that libxml2 accepted gets a fast-path plan.
  auto plan = XsdPlan::compile(path);
  if (plan.ok())
    c->plan = std::move(*plan);
  else
    c->plan_status = plan.status();
  auto* raw = c.get();
  cache_.emplace(type, std::move(c));
  return raw;
}

Status SchemaSet::validate(Berichttype type, xmlDoc* doc, Findings& out) {
  auto c = compiled(type);
  if (!c.ok()) return c.status();
  if (snelpad_ && (*c)->plan && (*c)->plan->valid(doc)) return Status::Ok();
  return validate_libxml2(type, doc, out);
}

Result<bool> SchemaSet::fast_valid(Berichttype type, const xmlDoc* doc) {
  auto c = compiled(type);
  if (!c.ok()) return c.status();
  return (*c)->plan != nullptr && (*c)->plan->valid(doc);
}

Status SchemaSet::plan_status(Berichttype type) {
  auto c = compiled(type);
  if (!c.ok()) return c.status();
  return (*c)->plan_status;
}

Status SchemaSet::validate_libxml2(Berichttype type, xmlDoc* doc, Findings& out) {
  auto c = compiled(type);
  if (!c.ok()) return c.status();
  Collect col{&out, {}};
  xmlSchemaSetValidStructuredErrors((*c)->valid, on_valid_error, &col);
  int rc = xmlSchemaValidateDoc((*c)->valid, doc);
  xmlSchemaSetValidStructuredErrors((*c)->valid, nullptr, nullptr);
  if (rc > 0 && out.empty()) out.push_back({"XSD", "0001", "/", "bericht voldoet niet aan de XSD"});
  if (rc < 0) return Internal("XSD-validatie kon niet worden uitgevoerd");
  return Status::Ok();
}

}  // namespace jr::ijw
