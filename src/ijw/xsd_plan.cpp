#include "ijw/xsd_plan.h"

#include <libxml/xmlregexp.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ijw/xml.h"

namespace jr::ijw {
namespace {

constexpr std::string_view kXsNamespace = "http://www.w3.org/2001/XMLSchema";

enum class Base : uint8_t { String, Integer, Date, Time };

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One derivation step of a simple type: its patterns (one of them must match), its
// enumeration (when present the value must be one of them) and its bounds.
struct Step {
  std::vector<uint32_t> patterns;  // indexes into Impl::regexps
  bool has_enum = false;
  std::unordered_set<std::string, SvHash, std::equal_to<>> enums;
  int64_t min_len = -1;
  int64_t max_len = -1;
  bool has_min = false;
  bool has_max = false;
  int64_t min_incl = 0;
  int64_t max_incl = 0;
};

// The facets of every step are checked (conjunction over the derivation chain), which is at
// least as strict as the XSD rules.
struct SimpleType {
  Base base = Base::String;
  std::vector<Step> steps;
  bool needs_length = false;
  // With an enumeration in the chain the value space is finite: the enumeration values that
  // pass every facet (checked at compile time with the same code, patterns by libxml2's
  // engine) are the whole type, and a value is checked by one lookup.
  bool finite = false;
  std::unordered_set<std::string, SvHash, std::equal_to<>> allowed;
};

struct Particle {
  std::string ns;
  uint32_t ns_index = 0;  // into Walk::ns_seen
  std::string name;
  uint32_t min = 1;
  uint32_t max = 1;
  bool complex = false;
  uint32_t type = 0;
};

struct ComplexType {
  std::vector<Particle> particles;
};

struct RootElement {
  std::string ns;
  uint32_t ns_index = 0;
  std::string name;
  bool complex = false;
  uint32_t type = 0;
};

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool all_space(std::string_view s) {
  for (char c : s)
    if (!is_xml_space(c)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

// [+-]?[0-9]{1,18}; false for anything else (the value is then left to libxml2).
bool parse_integer(std::string_view s, int64_t& out) {
  bool neg = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = neg ? -v : v;
  return true;
}

int digits(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// YYYY-MM-DD with year 0001-9999, an existing day, no time zone.
bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max_day;
}

// hh:mm:ss with hh 00-23, no fraction, no time zone.
bool valid_time(std::string_view s) {
  if (s.size() != 8 || s[2] != ':' || s[5] != ':') return false;
  int h = digits(s, 0, 2), m = digits(s, 3, 2), sec = digits(s, 6, 2);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59 && sec >= 0 && sec <= 59;
}

int64_t utf8_chars(std::string_view s) {
  int64_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

constexpr size_t kMaxNamespaces = 8;

// State of one validation: the xmlNs of the document already seen to carry each namespace of
// the plan (nodes share a few xmlNs, so most checks compare one pointer). Reset per document:
// a pointer is only trusted within the document it was seen in.
struct Walk {
  const xmlNs* ns_seen[kMaxNamespaces] = {};
};

// Results of libxml2's xmlRegexpExec for recent (pattern, value) pairs: dates, codes and
// versions repeat across messages. Direct-mapped, fixed size, exact (the whole value is the
// key); values longer than the key are not cached.
class RegexCache {
 public:
  static constexpr size_t kKey = 30;
  static constexpr size_t kSlots = 4096;

  int exec(uint32_t id, xmlRegexpPtr re, const xmlChar* value, size_t len) {
    if (len > kKey) return xmlRegexpExec(re, value);
    uint64_t h = 1469598103934665603ull ^ id;
    for (size_t i = 0; i < len; ++i) h = (h ^ value[i]) * 1099511628211ull;
    Slot& slot = slots_[h & (kSlots - 1)];
    if (slot.used && slot.id == id && slot.len == len && std::memcmp(slot.key, value, len) == 0)
      return slot.result;
    int rc = xmlRegexpExec(re, value);
    if (rc >= 0) {
      slot.used = true;
      slot.id = id;
      slot.len = static_cast<uint8_t>(len);
      std::memcpy(slot.key, value, len);
      slot.result = static_cast<int8_t>(rc);
    }
    return rc;
  }

 private:
  struct Slot {
    uint32_t id = 0;
    bool used = false;
    uint8_t len = 0;
    int8_t result = 0;
    char key[kKey];
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

}  // namespace

struct XsdPlan::Impl {
  std::vector<SimpleType> simple;
  std::vector<ComplexType> complex;
  std::vector<RootElement> roots;
  std::vector<std::string> namespaces;  // ns_index -> URI
  std::vector<xmlRegexpPtr> regexps;    // owned; a pattern's id is its index here
  RegexCache regex_cache;               // the one mutable part: a plan serves one thread

  ~Impl() {
    for (auto r : regexps) xmlRegFreeRegexp(r);
  }

  bool check_simple(const SimpleType& st, const xmlChar* raw);
  bool check_facets(const SimpleType& st, const xmlChar* text, std::string_view value,
                    int64_t number);
  bool check_element(Walk& w, const xmlNode* el, bool is_complex, uint32_t type);
  bool check_complex(Walk& w, const ComplexType& ct, const xmlNode* el);
  bool same_name(Walk& w, const xmlNode* n, uint32_t ns_index, const std::string& name) const;
  uint32_t ns_index(const std::string& uri) {
    for (size_t i = 0; i < namespaces.size(); ++i)
      if (namespaces[i] == uri) return static_cast<uint32_t>(i);
    namespaces.push_back(uri);
    return static_cast<uint32_t>(namespaces.size() - 1);
  }
};

bool XsdPlan::Impl::check_simple(const SimpleType& st, const xmlChar* raw) {
  std::string_view value = sv(raw);
  // Whitespace collapse for the non-string types; an inner space makes the lexical check
  // fail below, so collapsing equals trimming for every value accepted here.
  char buf[64];
  const xmlChar* text = raw ? raw : reinterpret_cast<const xmlChar*>("");
  int64_t number = 0;
  if (st.base != Base::String) {
    std::string_view t = trim(value);
    if (t.size() != value.size()) {
      if (t.size() >= sizeof buf) return false;
      std::memcpy(buf, t.data(), t.size());
      buf[t.size()] = '\0';
      text = reinterpret_cast<const xmlChar*>(buf);
      value = std::string_view(buf, t.size());
    }
    switch (st.base) {
      case Base::Integer:
        if (!parse_integer(value, number)) return false;
        break;
      case Base::Date:
        if (!valid_date(value)) return false;
        break;
      case Base::Time:
        if (!valid_time(value)) return false;
        break;
      case Base::String:
        break;
    }
  }
  if (st.finite) return st.allowed.find(value) != st.allowed.end();
  return check_facets(st, text, value, number);
}

bool XsdPlan::Impl::check_facets(const SimpleType& st, const xmlChar* text, std::string_view value,
                                 int64_t number) {
  const int64_t chars = st.needs_length ? utf8_chars(value) : 0;
  for (const Step& step : st.steps) {
    if (!step.patterns.empty()) {
      bool any = false;
      for (uint32_t id : step.patterns) {
        int rc = regex_cache.exec(id, regexps[id], text, value.size());
        if (rc < 0) return false;
        if (rc == 1) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    if (step.has_enum && step.enums.find(value) == step.enums.end()) return false;
    if (step.min_len >= 0 && chars < step.min_len) return false;
    if (step.max_len >= 0 && chars > step.max_len) return false;
    if (step.has_min && number < step.min_incl) return false;
    if (step.has_max && number > step.max_incl) return false;
  }
  return true;
}

bool XsdPlan::Impl::check_element(Walk& w, const xmlNode* el, bool is_complex, uint32_t type) {
  if (el->properties != nullptr) return false;  // attributes, xsi:* included: not modelled
  if (is_complex) return check_complex(w, complex[type], el);
  const xmlNode* c = el->children;
  if (c == nullptr) return check_simple(simple[type], nullptr);
  if (c->next != nullptr || c->type != XML_TEXT_NODE) return false;
  return check_simple(simple[type], c->content);
}

namespace {
// The next element child, skipping whitespace-only text; sets `bad` on anything else
// (text, comments, processing instructions, entity references, ...).
const xmlNode* next_element(const xmlNode* n, bool& bad) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE) return n;
    if (n->type == XML_TEXT_NODE && all_space(sv(n->content))) continue;
    bad = true;
    return nullptr;
  }
  return nullptr;
}

}  // namespace

bool XsdPlan::Impl::same_name(Walk& w, const xmlNode* n, uint32_t ns_index,
                              const std::string& name) const {
  if (n->ns == nullptr || n->name == nullptr) return false;
  if (std::strcmp(reinterpret_cast<const char*>(n->name), name.c_str()) != 0) return false;
  if (w.ns_seen[ns_index] == n->ns) return true;
  if (n->ns->href == nullptr ||
      std::strcmp(reinterpret_cast<const char*>(n->ns->href), namespaces[ns_index].c_str()) != 0)
    return false;
  w.ns_seen[ns_index] = n->ns;
  return true;
}

bool XsdPlan::Impl::check_complex(Walk& w, const ComplexType& ct, const xmlNode* el) {
  bool bad = false;
  const xmlNode* cur = next_element(el->children, bad);
  for (const Particle& p : ct.particles) {
    uint32_t count = 0;
    while (cur != nullptr && count < p.max && same_name(w, cur, p.ns_index, p.name)) {
      if (!check_element(w, cur, p.complex, p.type)) return false;
      ++count;
      cur = next_element(cur->next, bad);
    }
    if (bad || count < p.min) return false;
  }
  return cur == nullptr && !bad;
}

// ---------------------------------------------------------------------------------------
// The compiler.

namespace {

struct SchemaDoc {
  XmlDocPtr doc;
  std::string tns;
};

struct Declared {
  const xmlNode* node;
  bool complex;
};

class Compiler {
 public:
  explicit Compiler(XsdPlan::Impl& plan) : plan_(plan) {}

  Status load(const std::filesystem::path& file, bool main);
  Status compile_roots();

 private:
  Status refuse(const xmlNode* n, std::string_view what) {
    return InvalidArgument(
        "XSD-constructie buiten het snelle pad: " + std::string(what) +
        (n ? " <" + std::string(sv(n->name)) + "> regel " + std::to_string(xmlGetLineNo(n))
           : std::string()));
  }
  bool is_xs(const xmlNode* n, std::string_view local) const {
    return n->type == XML_ELEMENT_NODE && n->ns && sv(n->ns->href) == kXsNamespace &&
           sv(n->name) == local;
  }
  // The attributes of `n` must all be in `allowed` (without namespace).
  Status only_attributes(const xmlNode* n, std::initializer_list<std::string_view> allowed) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
      bool ok = a->ns == nullptr;
      if (ok) {
        ok = false;
        for (auto name : allowed)
          if (sv(a->name) == name) ok = true;
      }
      if (!ok) return refuse(n, "attribuut " + std::string(sv(a->name)) + " op");
    }
    return Status::Ok();
  }
  std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string s = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return s;
  }
  bool has_attr(const xmlNode* n, const char* name) {
    return xmlHasNsProp(n, reinterpret_cast<const xmlChar*>(name), nullptr) != nullptr;
  }
  // Element children of an XSD node, skipping annotations, comments and whitespace; refuses
  // anything else that is not an XSD element.
  Status children(const xmlNode* n, std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_COMMENT_NODE) continue;
      if (c->type == XML_TEXT_NODE && all_space(sv(c->content))) continue;
      if (c->type != XML_ELEMENT_NODE || !c->ns || sv(c->ns->href) != kXsNamespace)
        return refuse(n, "onverwachte inhoud in");
      if (is_xs(c, "annotation")) continue;
      out.push_back(c);
    }
    return Status::Ok();
  }
  // Resolves a QName in the context of `n` to "{namespace}local".
  Result<std::string> qname(const xmlNode* n, const std::string& q) {
    auto colon = q.find(':');
    std::string prefix = colon == std::string::npos ? "" : q.substr(0, colon);
    std::string local = colon == std::string::npos ? q : q.substr(colon + 1);
    xmlNs* ns =
        xmlSearchNs(n->doc, const_cast<xmlNode*>(n),
                    prefix.empty() ? nullptr : reinterpret_cast<const xmlChar*>(prefix.c_str()));
    if (ns == nullptr) {
      if (!prefix.empty()) return refuse(n, "onbekend prefix in " + q + " op");
      return "{}" + local;
    }
    return "{" + std::string(sv(ns->href)) + "}" + local;
  }

  Result<uint32_t> simple_type(const std::string& key, const xmlNode* at);
  Result<SimpleType> simple_type_node(const xmlNode* st);
  Result<uint32_t> complex_type(const std::string& key, const xmlNode* at);
  Status element_type(const xmlNode* el, bool& complex, uint32_t& type);

  XsdPlan::Impl& plan_;
  std::vector<SchemaDoc> docs_;
  std::set<std::string> loaded_;
  std::filesystem::path dir_;
  std::map<std::string, Declared> types_;                        // "{ns}name"
  std::vector<std::pair<const xmlNode*, std::string>> globals_;  // of the main schema
  std::map<std::string, uint32_t> simple_index_;
  std::map<std::string, uint32_t> complex_index_;
  std::set<std::string> in_progress_;
};

Status Compiler::load(const std::filesystem::path& file, bool main) {
  if (main) dir_ = file.parent_path();
  std::string key = file.filename().string();
  if (loaded_.count(key)) return Status::Ok();
  loaded_.insert(key);
  auto bytes = read_file_limited(file.string(), 8u * 1024u * 1024u);
  if (!bytes.ok()) return bytes.status();
  auto doc = parse_xml(*bytes);
  if (!doc.ok()) return doc.status();
  const xmlNode* root = xmlDocGetRootElement(doc->get());
  if (root == nullptr || !is_xs(root, "schema")) return refuse(root, "geen xs:schema");
  if (auto s = only_attributes(root, {"targetNamespace", "elementFormDefault", "version"}); !s.ok())
    return s;
  if (attr(root, "elementFormDefault") != "qualified")
    return refuse(root, "elementFormDefault anders dan qualified op");
  std::string tns = attr(root, "targetNamespace");
  std::vector<const xmlNode*> kids;
  if (auto s = children(root, kids); !s.ok()) return s;
  for (const xmlNode* c : kids) {
    if (is_xs(c, "import")) {
      if (auto s = only_attributes(c, {"namespace", "schemaLocation"}); !s.ok()) return s;
      std::string loc = attr(c, "schemaLocation");
      if (loc.empty() || loc.find('/') != std::string::npos || loc.find('\\') != std::string::npos)
        return refuse(c, "import buiten de eigen map:");
      std::vector<const xmlNode*> none;
      if (auto s = children(c, none); !s.ok() || !none.empty()) return refuse(c, "inhoud van");
      continue;
    }
    std::string name = attr(c, "name");
    if (name.empty()) return refuse(c, "naamloze globale");
    std::string full = "{" + tns + "}" + name;
    if (is_xs(c, "complexType") || is_xs(c, "simpleType")) {
      if (types_.count(full)) return refuse(c, "dubbele type " + name + ":");
      types_[full] = {c, is_xs(c, "complexType")};
    } else if (is_xs(c, "element")) {
      if (main) globals_.push_back({c, tns});
    } else {
      return refuse(c, "globale");
    }
  }
  docs_.push_back({std::move(*doc), tns});
  // Imports after registering this document's types: they only add types.
  const xmlNode* r = xmlDocGetRootElement(docs_.back().doc.get());
  for (const xmlNode* c = r->children; c; c = c->next)
    if (is_xs(c, "import"))
      if (auto s = load(dir_ / attr(c, "schemaLocation"), false); !s.ok()) return s;
  return Status::Ok();
}

Status Compiler::compile_roots() {
  for (auto& [el, tns] : globals_) {
    if (auto s = only_attributes(el, {"name", "type"}); !s.ok()) return s;
    RootElement r;
    r.ns = tns;
    r.ns_index = plan_.ns_index(tns);
    r.name = attr(el, "name");
    if (auto s = element_type(el, r.complex, r.type); !s.ok()) return s;
    plan_.roots.push_back(std::move(r));
  }
  if (plan_.roots.empty()) return refuse(nullptr, "geen globaal element");
  if (plan_.namespaces.size() > kMaxNamespaces) return refuse(nullptr, "te veel namespaces");
  return Status::Ok();
}

// The type of a (global or local) element: its type attribute or one anonymous simpleType.
Status Compiler::element_type(const xmlNode* el, bool& complex, uint32_t& type) {
  std::vector<const xmlNode*> kids;
  if (auto s = children(el, kids); !s.ok()) return s;
  bool typed = has_attr(el, "type");
  if (typed == !kids.empty()) return refuse(el, "element zonder precies een type:");
  if (typed) {
    auto key = qname(el, attr(el, "type"));
    if (!key.ok()) return key.status();
    auto it = types_.find(*key);
    if (it != types_.end() && it->second.complex) {
      complex = true;
      auto idx = complex_type(*key, el);
      if (!idx.ok()) return idx.status();
      type = *idx;
      return Status::Ok();
    }
    complex = false;
    auto idx = simple_type(*key, el);
    if (!idx.ok()) return idx.status();
    type = *idx;
    return Status::Ok();
  }
  if (kids.size() != 1 || !is_xs(kids[0], "simpleType"))
    return refuse(el, "anonieme inhoud anders dan simpleType in");
  if (auto s = only_attributes(kids[0], {}); !s.ok()) return s;
  auto st = simple_type_node(kids[0]);
  if (!st.ok()) return st.status();
  complex = false;
  type = static_cast<uint32_t>(plan_.simple.size());
  plan_.simple.push_back(std::move(*st));
  return Status::Ok();
}

Result<uint32_t> Compiler::complex_type(const std::string& key, const xmlNode* at) {
  if (auto it = complex_index_.find(key); it != complex_index_.end()) return it->second;
  auto decl = types_.find(key);
  if (decl == types_.end() || !decl->second.complex) return refuse(at, "onbekend type " + key);
  const xmlNode* ct = decl->second.node;
  if (auto s = only_attributes(ct, {"name"}); !s.ok()) return s;
  auto idx = static_cast<uint32_t>(plan_.complex.size());
  complex_index_[key] = idx;  // before the particles: a type may contain itself
  plan_.complex.emplace_back();
  // elementFormDefault="qualified": local elements are in the target namespace of their schema.
  const std::string tns = attr(xmlDocGetRootElement(ct->doc), "targetNamespace");
  std::vector<const xmlNode*> kids;
  if (auto s = children(ct, kids); !s.ok()) return s;
  if (kids.size() != 1 || !is_xs(kids[0], "sequence"))
    return refuse(ct, "complexType zonder precies een xs:sequence:");
  const xmlNode* seq = kids[0];
  if (auto s = only_attributes(seq, {}); !s.ok()) return s;
  std::vector<const xmlNode*> els;
  if (auto s = children(seq, els); !s.ok()) return s;
  std::vector<Particle> particles;
  std::set<std::string> names;
  for (const xmlNode* el : els) {
    if (!is_xs(el, "element")) return refuse(el, "deeltje anders dan xs:element:");
    if (auto s = only_attributes(el, {"name", "type", "minOccurs", "maxOccurs"}); !s.ok()) return s;
    Particle p;
    p.ns = tns;
    p.ns_index = plan_.ns_index(tns);
    p.name = attr(el, "name");
    if (p.name.empty() || !names.insert(p.name).second)
      return refuse(el, "lege of dubbele elementnaam:");
    int64_t v = 1;
    if (has_attr(el, "minOccurs")) {
      if (!parse_integer(attr(el, "minOccurs"), v) || v < 0 || v > 1000000)
        return refuse(el, "minOccurs");
      p.min = static_cast<uint32_t>(v);
    }
    if (has_attr(el, "maxOccurs")) {
      std::string m = attr(el, "maxOccurs");
      if (m == "unbounded") {
        p.max = UINT32_MAX;
      } else {
        if (!parse_integer(m, v) || v < 1 || v > 1000000) return refuse(el, "maxOccurs");
        p.max = static_cast<uint32_t>(v);
      }
    }
    if (p.min > p.max) return refuse(el, "minOccurs > maxOccurs");
    if (auto s = element_type(el, p.complex, p.type); !s.ok()) return s;
    particles.push_back(std::move(p));
  }
  plan_.complex[idx].particles = std::move(particles);
  return idx;
}

Result<uint32_t> Compiler::simple_type(const std::string& key, const xmlNode* at) {
  if (auto it = simple_index_.find(key); it != simple_index_.end()) return it->second;
  const std::string xs = "{" + std::string(kXsNamespace) + "}";
  if (key.rfind(xs, 0) == 0) {
    std::string local = key.substr(xs.size());
    SimpleType st;
    if (local == "string")
      st.base = Base::String;
    else if (local == "integer")
      st.base = Base::Integer;
    else if (local == "date")
      st.base = Base::Date;
    else if (local == "time")
      st.base = Base::Time;
    else
      return refuse(at, "ingebouwd type " + local + " in");
    auto idx = static_cast<uint32_t>(plan_.simple.size());
    plan_.simple.push_back(std::move(st));
    simple_index_[key] = idx;
    return idx;
  }
  auto decl = types_.find(key);
  if (decl == types_.end() || decl->second.complex) return refuse(at, "onbekend type " + key);
  if (!in_progress_.insert(key).second) return refuse(at, "kringverwijzing bij " + key);
  if (auto s = only_attributes(decl->second.node, {"name"}); !s.ok()) return s;
  auto st = simple_type_node(decl->second.node);
  in_progress_.erase(key);
  if (!st.ok()) return st.status();
  auto idx = static_cast<uint32_t>(plan_.simple.size());
  plan_.simple.push_back(std::move(*st));
  simple_index_[key] = idx;
  return idx;
}

Result<SimpleType> Compiler::simple_type_node(const xmlNode* node) {
  std::vector<const xmlNode*> kids;
  if (auto s = children(node, kids); !s.ok()) return s;
  if (kids.size() != 1 || !is_xs(kids[0], "restriction"))
    return refuse(node, "simpleType anders dan een restriction:");
  const xmlNode* r = kids[0];
  if (auto s = only_attributes(r, {"base"}); !s.ok()) return s;
  if (!has_attr(r, "base")) return refuse(r, "restriction zonder base:");
  auto base_key = qname(r, attr(r, "base"));
  if (!base_key.ok()) return base_key.status();
  auto base_idx = simple_type(*base_key, r);
  if (!base_idx.ok()) return base_idx.status();
  SimpleType out = plan_.simple[*base_idx];  // copy: the base's steps stay in force
  Step step;
  std::vector<const xmlNode*> facets;
  if (auto s = children(r, facets); !s.ok()) return s;
  for (const xmlNode* f : facets) {
    if (auto s = only_attributes(f, {"value"}); !s.ok()) return s;
    if (!has_attr(f, "value")) return refuse(f, "facet zonder value:");
    std::vector<const xmlNode*> none;
    if (auto s = children(f, none); !s.ok() || !none.empty()) return refuse(f, "inhoud van");
    std::string v = attr(f, "value");
    int64_t n = 0;
    if (is_xs(f, "pattern")) {
      xmlRegexpPtr re = xmlRegexpCompile(reinterpret_cast<const xmlChar*>(v.c_str()));
      if (re == nullptr) return refuse(f, "patroon dat libxml2 niet compileert:");
      step.patterns.push_back(static_cast<uint32_t>(plan_.regexps.size()));
      plan_.regexps.push_back(re);
    } else if (is_xs(f, "enumeration") && out.base == Base::String) {
      step.has_enum = true;
      step.enums.insert(v);
    } else if ((is_xs(f, "minLength") || is_xs(f, "maxLength")) && out.base == Base::String) {
      if (!parse_integer(trim(v), n) || n < 0) return refuse(f, "lengte");
      (is_xs(f, "minLength") ? step.min_len : step.max_len) = n;
      out.needs_length = true;
    } else if ((is_xs(f, "minInclusive") || is_xs(f, "maxInclusive")) &&
               out.base == Base::Integer) {
      if (!parse_integer(trim(v), n)) return refuse(f, "grens");
      if (is_xs(f, "minInclusive")) {
        step.has_min = true;
        step.min_incl = n;
      } else {
        step.has_max = true;
        step.max_incl = n;
      }
    } else {
      return refuse(f, "facet");
    }
  }
  out.steps.push_back(std::move(step));
  out.finite = false;
  out.allowed.clear();
  const Step* enum_step = nullptr;
  for (const Step& st : out.steps)
    if (st.has_enum) enum_step = &st;
  if (enum_step != nullptr) {
    std::unordered_set<std::string, SvHash, std::equal_to<>> allowed;
    for (const std::string& v : enum_step->enums)
      if (plan_.check_facets(out, reinterpret_cast<const xmlChar*>(v.c_str()), v, 0))
        allowed.insert(v);
    out.allowed = std::move(allowed);
    out.finite = true;
  }
  return out;
}

}  // namespace

XsdPlan::XsdPlan() : impl_(std::make_unique<Impl>()) {}
XsdPlan::~XsdPlan() = default;

Result<std::unique_ptr<XsdPlan>> XsdPlan::compile(const std::filesystem::path& xsd) {
  init_libxml();
  std::unique_ptr<XsdPlan> plan(new XsdPlan());
  Compiler c(*plan->impl_);
  if (auto s = c.load(xsd, true); !s.ok()) return s;
  if (auto s = c.compile_roots(); !s.ok()) return s;
  return plan;
}

bool XsdPlan::valid(const xmlDoc* doc) {
  const xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
  if (root == nullptr) return false;
  Walk w;
  for (const RootElement& r : impl_->roots)
    if (impl_->same_name(w, root, r.ns_index, r.name))
      return impl_->check_element(w, root, r.complex, r.type);
  return false;
}

size_t XsdPlan::complex_types() const { return impl_->complex.size(); }
size_t XsdPlan::simple_types() const { return impl_->simple.size(); }

}  // namespace jr::ijw
