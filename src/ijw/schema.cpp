#include "ijw/schema.h"

#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "ijw/xml.h"

namespace jr::ijw {

struct SchemaSet::Compiled {
  xmlSchemaPtr schema = nullptr;
  xmlSchemaValidCtxtPtr valid = nullptr;
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

void on_valid_error(void* user, xmlErrorPtr err) {
  auto* c = static_cast<Collect*>(user);
  if (err == nullptr || c->out == nullptr) return;
  std::string msg = err->message ? err->message : "ongeldig volgens XSD";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  std::string path;
  if (err->node != nullptr) {
    xmlChar* p = xmlGetNodePath(static_cast<xmlNode*>(err->node));
    if (p) {
      path = reinterpret_cast<char*>(p);
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
  auto* raw = c.get();
  cache_.emplace(type, std::move(c));
  return raw;
}

Status SchemaSet::validate(Berichttype type, xmlDoc* doc, Findings& out) {
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
