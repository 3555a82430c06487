// The compiled XSD fast path (XsdPlan) against libxml2, the authority: the published examples
// get the same verdict both ways, generated messages and their retour messages are fast-valid,
// and under thousands of deterministic random mutations "fast-valid" always implies
// "libxml2-valid" (the fast path may be unsure, never wrong).
#include <gtest/gtest.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <vector>

#include "ijw/reader.h"
#include "ijw/schema.h"
#include "ijw/xml.h"
#include "ijw/xsd_plan.h"
#include "test_helpers.h"

namespace jr::ijw {
namespace {

struct Seed {
  std::string name;
  Berichttype type;
  std::string bytes;
};

bool libxml2_valid(SchemaSet& s, Berichttype t, xmlDoc* doc) {
  Findings f;
  Status st = s.validate_libxml2(t, doc, f);
  EXPECT_TRUE(st.ok()) << st.message();
  return st.ok() && f.empty();
}

std::vector<std::filesystem::path> xml_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

int run(const std::string& cmd) {
  std::FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  while (std::fread(buf, 1, sizeof buf, p) > 0) {
  }
  return pclose(p);
}

// A small generated region with its import's retour messages: JW301, JW305, JW307, JW323
// as sent, JW306, JW308, JW325 as answered. Generated once for the whole test binary.
const std::vector<Seed>& generated() {
  static std::vector<Seed> seeds = [] {
    std::vector<Seed> out;
    static jr::testing::TempDir dir;
    const std::string bin = jr::testing::binary();
    const std::string std_dir = " --standaard " + jr::testing::standaard_dir().string();
    const std::string regio = (dir / "regio").string();
    const std::string db = (dir / "j.db").string();
    const std::string retour = (dir / "retour").string();
    std::filesystem::create_directories(retour);
    if (run(bin + std_dir + " generate --regio zutphen --van 2024-01-01 --tot 2024-04-30" +
            " --seed 11 --schaal 0.1 --out " + regio + " 2>&1") != 0)
      return out;
    if (run(bin + std_dir + " register --db " + db + " --import " + regio + " 2>&1") != 0)
      return out;
    run(bin + std_dir + " import --db " + db + " --retour " + retour + " " + regio +
        "/berichten 2>&1");
    std::map<Berichttype, int> per_type;
    auto files = xml_files(regio + "/berichten");
    auto retours = xml_files(retour);
    files.insert(files.end(), retours.begin(), retours.end());
    for (const auto& f : files) {
      auto bytes = read_file_limited(f.string(), 1u << 20);
      if (!bytes.ok()) continue;
      auto doc = parse_xml(*bytes);
      if (!doc.ok()) continue;
      auto t = detect_berichttype(doc->get());
      if (!t || per_type[*t]++ >= 150) continue;
      out.push_back({f.filename().string(), *t, std::move(*bytes)});
    }
    return out;
  }();
  return seeds;
}

std::vector<Seed> voorbeelden() {
  std::vector<Seed> out;
  for (const auto& f : xml_files(jr::testing::standaard_dir() / "voorbeelden")) {
    auto bytes = read_file_limited(f.string(), 1u << 20);
    EXPECT_TRUE(bytes.ok()) << f;
    if (!bytes.ok()) continue;
    auto doc = parse_xml(*bytes);
    EXPECT_TRUE(doc.ok()) << f;
    if (!doc.ok()) continue;
    auto t = detect_berichttype(doc->get());
    EXPECT_TRUE(t.has_value()) << f;
    if (t) out.push_back({f.filename().string(), *t, std::move(*bytes)});
  }
  return out;
}

class XsdPlanTest : public ::testing::Test {
 protected:
  SchemaSet schemas_{jr::testing::standaard_dir()};
};

TEST_F(XsdPlanTest, EveryIjwSchemaCompilesIntoAPlan) {
  for (Berichttype t : kAlleBerichttypen) {
    if (!schemas_.has_schema(t)) continue;
    Status st = schemas_.plan_status(t);
    EXPECT_TRUE(st.ok()) << naam(t) << ": " << st.message();
  }
}

// Constructs outside the subset are refused, never guessed.
TEST_F(XsdPlanTest, RefusesConstructsOutsideTheSubset) {
  jr::testing::TempDir dir;
  const std::string head =
      R"(<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t" )"
      R"(targetNamespace="urn:t" elementFormDefault="qualified">)"
      R"(<xs:element name="Bericht" type="t:Root"/>)";
  const std::string tail = "</xs:schema>";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"choice", R"(<xs:complexType name="Root"><xs:choice><xs:element name="A" )"
                 R"(type="xs:string"/></xs:choice></xs:complexType>)"},
      {"attribute", R"(<xs:complexType name="Root"><xs:sequence><xs:element name="A" )"
                    R"(type="xs:string"/></xs:sequence><xs:attribute name="x" )"
                    R"(type="xs:string"/></xs:complexType>)"},
      {"any", R"(<xs:complexType name="Root"><xs:sequence><xs:any/></xs:sequence>)"
              R"(</xs:complexType>)"},
      {"decimal", R"(<xs:complexType name="Root"><xs:sequence><xs:element name="A" )"
                  R"(type="xs:decimal"/></xs:sequence></xs:complexType>)"},
      {"whiteSpace", R"(<xs:complexType name="Root"><xs:sequence><xs:element name="A">)"
                     R"(<xs:simpleType><xs:restriction base="xs:string"><xs:whiteSpace )"
                     R"(value="collapse"/></xs:restriction></xs:simpleType></xs:element>)"
                     R"(</xs:sequence></xs:complexType>)"},
      {"fixed", R"(<xs:complexType name="Root"><xs:sequence><xs:element name="A" )"
                R"(type="xs:string" fixed="x"/></xs:sequence></xs:complexType>)"},
      {"mixed", R"(<xs:complexType name="Root" mixed="true"><xs:sequence><xs:element )"
                R"(name="A" type="xs:string"/></xs:sequence></xs:complexType>)"},
      {"enum op integer", R"(<xs:complexType name="Root"><xs:sequence><xs:element name="A">)"
                          R"(<xs:simpleType><xs:restriction base="xs:integer"><xs:enumeration )"
                          R"(value="1"/></xs:restriction></xs:simpleType></xs:element>)"
                          R"(</xs:sequence></xs:complexType>)"},
  };
  for (const auto& [name, body] : cases) {
    auto path = dir / "t.xsd";
    std::ofstream(path) << head << body << tail;
    auto plan = XsdPlan::compile(path);
    EXPECT_FALSE(plan.ok()) << name;
  }
  // And the same skeleton with a plain sequence compiles.
  std::ofstream(dir / "t.xsd") << head
                               << R"(<xs:complexType name="Root"><xs:sequence><xs:element )"
                                  R"(name="A" type="xs:string" maxOccurs="unbounded"/>)"
                                  R"(</xs:sequence></xs:complexType>)"
                               << tail;
  auto plan = XsdPlan::compile(dir / "t.xsd");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ((*plan)->complex_types(), 1u);
}

TEST_F(XsdPlanTest, PublishedExamplesGetTheSameVerdictBothWays) {
  auto seeds = voorbeelden();
  ASSERT_GE(seeds.size(), 5u);
  for (const auto& s : seeds) {
    auto doc = parse_xml(s.bytes);
    ASSERT_TRUE(doc.ok()) << s.name;
    auto fast = schemas_.fast_valid(s.type, doc->get());
    ASSERT_TRUE(fast.ok()) << s.name;
    bool slow = libxml2_valid(schemas_, s.type, doc->get());
    EXPECT_EQ(*fast, slow) << s.name;
    // Through validate() the findings are libxml2's either way.
    Findings a, b;
    ASSERT_TRUE(schemas_.validate(s.type, doc->get(), a).ok());
    ASSERT_TRUE(schemas_.validate_libxml2(s.type, doc->get(), b).ok());
    ASSERT_EQ(a.size(), b.size()) << s.name;
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].melding, b[i].melding) << s.name;
  }
}

TEST_F(XsdPlanTest, GeneratedMessagesAndTheirRetoursAreFastValid) {
  const auto& seeds = generated();
  std::map<Berichttype, int> per_type;
  for (const auto& s : seeds) {
    auto doc = parse_xml(s.bytes);
    ASSERT_TRUE(doc.ok()) << s.name;
    EXPECT_TRUE(libxml2_valid(schemas_, s.type, doc->get())) << s.name;
    auto fast = schemas_.fast_valid(s.type, doc->get());
    ASSERT_TRUE(fast.ok());
    EXPECT_TRUE(*fast) << s.name;
    ++per_type[s.type];
  }
  for (Berichttype t :
       {Berichttype::JW301, Berichttype::JW305, Berichttype::JW307, Berichttype::JW323,
        Berichttype::JW306, Berichttype::JW308, Berichttype::JW325})
    EXPECT_GT(per_type[t], 0) << naam(t);
}

// parse_xml checks UTF-8 eight ASCII bytes at a time: a bad sequence is found at every
// offset from a word boundary, and good multi-byte characters pass at every offset.
TEST(ParseXmlUtf8, BadSequencesAreFoundAtEveryOffsetAfterAsciiRuns) {
  const std::vector<std::string> bad = {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82",
                                        "\x80",     "\xFF",         "\xF0\x9F\x98"};
  const std::vector<std::string> good = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  for (size_t pad = 0; pad < 20; ++pad) {
    for (const auto& b : bad) {
      std::string xml = "<a>" + std::string(pad, 'x') + b + "</a>";
      EXPECT_FALSE(parse_xml(xml).ok()) << pad;
      std::string at_end = "<a>" + std::string(pad, 'x') + "</a>" + b;
      EXPECT_FALSE(parse_xml(at_end).ok()) << pad;
    }
    for (const auto& g : good) {
      std::string xml = "<a>" + std::string(pad, 'x') + g + std::string(pad, 'y') + "</a>";
      EXPECT_TRUE(parse_xml(xml).ok()) << pad;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Differential mutation test.

const std::vector<std::string>& edge_values() {
  static const std::vector<std::string> v = {"",
                                             " ",
                                             "\t",
                                             "0",
                                             "-1",
                                             "+1",
                                             "-0",
                                             "007",
                                             " 12 ",
                                             "\n5\n",
                                             "1 2",
                                             "1.0",
                                             "1e3",
                                             "00000000000000000000001",
                                             "99",
                                             "100",
                                             "99999",
                                             "100000",
                                             "99999999",
                                             "100000000",
                                             "999999999",
                                             "1000000000",
                                             "999999999999",
                                             "1000000000000",
                                             "12345678901234567890",
                                             "-99999999999999999999",
                                             "2024-02-29",
                                             "2023-02-29",
                                             "2023-13-01",
                                             "2023-04-31",
                                             "0000-01-01",
                                             "0001-01-01",
                                             "9999-12-31",
                                             "2023-1-01",
                                             " 2023-01-01 ",
                                             "2023-01-01Z",
                                             "2023-01-01+01:00",
                                             "-2023-01-01",
                                             "12023-01-01",
                                             "2023-01-01T00:00:00",
                                             "24:00:00",
                                             "23:59:59",
                                             "23:59:60",
                                             "12:00:00.5",
                                             "12:00",
                                             " 12:00:00",
                                             "12:00:00Z",
                                             "\xC3\xA9",
                                             "\xEF\xBC\x91",              // full-width digit one
                                             "\xD9\xA3\xD9\xA3\xD9\xA3",  // Arabic-Indic digits
                                             "\xF0\x9F\x98\x80",
                                             "a\nb",
                                             "&<>",
                                             "438",
                                             "3",
                                             "2",
                                             "01",
                                             "02",
                                             "0001",
                                             "9999",
                                             "999999999",
                                             "123456782",
                                             "1234567",
                                             "AB",
                                             "ab",
                                             "1234AB",
                                             "1234 AB",
                                             std::string(35, 'x'),
                                             std::string(36, 'x'),
                                             std::string(200, 'x'),
                                             std::string(34, 'x') + "\xC3\xA9",
                                             std::string(35, 'x') + "\xC3\xA9"};
  return v;
}

std::vector<xmlNode*> elements(xmlNode* root) {
  std::vector<xmlNode*> out;
  std::vector<xmlNode*> stack{root};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    out.push_back(n);
    for (xmlNode* c = n->last; c; c = c->prev)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
  }
  return out;
}

bool is_leaf(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return false;
  return true;
}

std::string text_of(const xmlNode* n) { return node_text(n); }

// Applies one random mutation to `doc`. Returns false when nothing could be done.
bool mutate(xmlDoc* doc, std::mt19937& rng) {
  xmlNode* root = xmlDocGetRootElement(doc);
  auto els = elements(root);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  xmlNode* n = els[pick(els.size())];
  std::vector<xmlNode*> leaves;
  for (xmlNode* e : els)
    if (is_leaf(e)) leaves.push_back(e);
  switch (rng() % 14) {
    case 0:  // delete
      if (n == root) return false;
      xmlUnlinkNode(n);
      xmlFreeNode(n);
      return true;
    case 1:  // duplicate
      if (n == root) return false;
      xmlAddNextSibling(n, xmlCopyNode(n, 1));
      return true;
    case 2: {  // swap with the next element sibling
      xmlNode* s = xmlNextElementSibling(n);
      if (n == root || s == nullptr) return false;
      xmlUnlinkNode(s);
      xmlAddPrevSibling(n, s);
      return true;
    }
    case 3: {  // rename to another element's name
      xmlNode* o = els[pick(els.size())];
      xmlNodeSetName(n, o->name);
      return true;
    }
    case 4: {  // move into the namespace of another element or none
      xmlNode* o = els[pick(els.size())];
      n->ns = rng() % 4 == 0 ? nullptr : o->ns;
      return true;
    }
    case 5:
    case 6:
    case 7: {  // leaf value: an edge case, another leaf's value, or a small edit
      if (leaves.empty()) return false;
      xmlNode* l = leaves[pick(leaves.size())];
      std::string v;
      switch (rng() % 4) {
        case 0:
        case 1:
          v = edge_values()[pick(edge_values().size())];
          break;
        case 2:
          v = text_of(leaves[pick(leaves.size())]);
          break;
        default: {
          v = text_of(l);
          if (!v.empty() && rng() % 2)
            v.pop_back();
          else
            v += static_cast<char>("0aZ -9:"[rng() % 7]);
        }
      }
      // Raw text (no entity parsing, as the parser leaves it): drop the children, add one
      // text node.
      while (l->children != nullptr) {
        xmlNode* c = l->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
      }
      if (!v.empty())
        xmlAddChild(l, xmlNewDocTextLen(doc, reinterpret_cast<const xmlChar*>(v.data()),
                                        static_cast<int>(v.size())));
      return true;
    }
    case 8:  // an attribute, plain or xsi
      if (rng() % 2) {
        xmlNewProp(n, BAD_CAST "id", BAD_CAST "1");
      } else {
        xmlNs* xsi =
            xmlNewNs(root, BAD_CAST "http://www.w3.org/2001/XMLSchema-instance", BAD_CAST "xsi");
        if (xsi == nullptr) xsi = xmlSearchNs(doc, root, BAD_CAST "xsi");
        xmlNewNsProp(n, xsi, BAD_CAST "nil", BAD_CAST "true");
      }
      return true;
    case 9:  // comment or processing instruction
      if (rng() % 2)
        xmlAddChild(n, xmlNewDocComment(doc, BAD_CAST "c"));
      else
        xmlAddChild(n, xmlNewDocPI(doc, BAD_CAST "pi", BAD_CAST "x"));
      return true;
    case 10:  // text in element content, whitespace or not
      if (is_leaf(n)) return false;
      xmlAddPrevSibling(xmlFirstElementChild(n),
                        xmlNewDocText(doc, BAD_CAST(rng() % 2 ? "\n  " : "x")));
      return true;
    case 11: {  // move an element under another one
      xmlNode* o = els[pick(els.size())];
      if (n == root || o == n) return false;
      for (xmlNode* p = o; p; p = p->parent)
        if (p == n) return false;
      xmlUnlinkNode(n);
      xmlAddChild(o, n);
      return true;
    }
    case 12:  // empty an element
      xmlNodeSetContent(n, BAD_CAST "");
      return true;
    default: {  // a new child element with the name of another element
      xmlNode* o = els[pick(els.size())];
      xmlNode* c = xmlNewDocNode(doc, o->ns, o->name, BAD_CAST "1");
      xmlAddChild(n, c);
      return true;
    }
  }
}

TEST_F(XsdPlanTest, MutationsNeverMakeTheFastPathSayValidWhenLibxml2DoesNot) {
  std::vector<Seed> seeds = voorbeelden();
  const auto& gen = generated();
  // A few of each generated type keep the run short; the examples carry the optional parts.
  std::map<Berichttype, int> taken;
  for (const auto& s : gen)
    if (taken[s.type]++ < 12) seeds.push_back(s);
  ASSERT_GT(seeds.size(), 30u);
  std::mt19937 rng(20261122);
  long cases = 0, agree = 0, both_valid = 0, unsure_but_valid = 0, both_invalid = 0;
  long unsound = 0;
  const int kPerSeed = 300;
  for (const auto& s : seeds) {
    for (int i = 0; i < kPerSeed; ++i) {
      auto parsed = parse_xml(s.bytes);
      ASSERT_TRUE(parsed.ok());
      xmlDoc* doc = parsed->get();
      // Mostly one mutation, so that many mutants stay valid and the boundary is tested.
      int k = rng() % 10 < 6 ? 1 : 2 + static_cast<int>(rng() % 2);
      bool changed = false;
      for (int j = 0; j < k; ++j) changed |= mutate(doc, rng);
      if (!changed) continue;
      // Half of the cases go through text and the safe parser again, as the importer sees
      // them; the other half check the mutated tree as it is.
      XmlDocPtr reparsed;
      if (rng() % 2) {
        xmlChar* buf = nullptr;
        int len = 0;
        xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
        auto again = parse_xml(std::string_view(reinterpret_cast<char*>(buf), len));
        xmlFree(buf);
        if (!again.ok()) continue;
        reparsed = std::move(*again);
        doc = reparsed.get();
      }
      auto fast = schemas_.fast_valid(s.type, doc);
      ASSERT_TRUE(fast.ok());
      bool slow = libxml2_valid(schemas_, s.type, doc);
      ++cases;
      if (*fast == slow) ++agree;
      if (*fast && slow) ++both_valid;
      if (!*fast && slow) ++unsure_but_valid;
      if (!*fast && !slow) ++both_invalid;
      if (*fast && !slow) {
        ++unsound;
        xmlChar* buf = nullptr;
        int len = 0;
        xmlDocDumpMemoryEnc(doc, &buf, &len, "UTF-8");
        ADD_FAILURE() << "fast path says valid, libxml2 does not (" << s.name << "):\n"
                      << std::string(reinterpret_cast<char*>(buf), len);
        xmlFree(buf);
      }
    }
  }
  EXPECT_EQ(unsound, 0);
  EXPECT_GT(both_valid, 0);
  EXPECT_GT(both_invalid, 0);
  const double rate = cases ? 100.0 * static_cast<double>(agree) / static_cast<double>(cases) : 0;
  RecordProperty("mutations", static_cast<int>(cases));
  RecordProperty("agreement_percent", std::to_string(rate));
  std::cout << "[ xsd-plan ] " << cases << " mutated messages from " << seeds.size()
            << " seeds: agreement " << rate << " %; both valid " << both_valid << ", both invalid "
            << both_invalid << ", fast path unsure but libxml2 valid " << unsure_but_valid
            << ", fast valid but libxml2 invalid " << unsound << "\n";
}

}  // namespace
}  // namespace jr::ijw
