// Hostile input through the validator: every case gives a clear Dutch error and never a
// crash, a network access or a file read. (Import-level cases, "nothing stored", live in
// import_adversarial_test.cpp.)
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <random>

#include "ijw/validator.h"
#include "test_helpers.h"

using namespace jr;

namespace {

ijw::Validator& validator() {
  static auto v = [] {
    auto r = ijw::Validator::create(jr::testing::standaard_dir());
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return std::move(*r);
  }();
  return *v;
}

// A small but real-looking JW305 written for these tests.
std::string jw305(std::string_view extra_before_root = "", std::string_view encoding = "UTF-8") {
  std::string s = "<?xml version=\"1.0\" encoding=\"" + std::string(encoding) + "\"?>\n";
  s += extra_before_root;
  s +=
      R"(<jw305:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema"><jw305:Header><jw305:BerichtCode>438</jw305:BerichtCode><jw305:BerichtVersie>3</jw305:BerichtVersie><jw305:BerichtSubversie>2</jw305:BerichtSubversie><jw305:Afzender>12345678</jw305:Afzender><jw305:Ontvanger>0268</jw305:Ontvanger><jw305:BerichtIdentificatie><ijw:Identificatie>A1</ijw:Identificatie><ijw:Dagtekening>2025-03-03</ijw:Dagtekening></jw305:BerichtIdentificatie><jw305:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw305:XsdVersie></jw305:Header><jw305:Client><jw305:Bsn>999900031</jw305:Bsn><jw305:Geboortedatum><ijw:Datum>2015-06-01</ijw:Datum></jw305:Geboortedatum><jw305:Geslacht>2</jw305:Geslacht><jw305:Naam><ijw:Geslachtsnaam><ijw:Achternaam>REPLACE</ijw:Achternaam></ijw:Geslachtsnaam></jw305:Naam><jw305:StartProducten><jw305:StartProduct><jw305:ToewijzingNummer>7</jw305:ToewijzingNummer><jw305:Product><ijw:Categorie>31</ijw:Categorie><ijw:Code>31A01</ijw:Code></jw305:Product><jw305:ToewijzingIngangsdatum>2025-02-01</jw305:ToewijzingIngangsdatum><jw305:Begindatum>2025-02-10</jw305:Begindatum><jw305:StatusAanlevering>1</jw305:StatusAanlevering></jw305:StartProduct></jw305:StartProducten></jw305:Client></jw305:Bericht>)";
  return s;
}

std::string with_name(std::string doc, std::string_view name) {
  auto pos = doc.find("REPLACE");
  doc.replace(pos, 7, name);
  return doc;
}

}  // namespace

TEST(Adversarial, WellFormedBaselineIsValid) {
  auto v = validator().validate(with_name(jw305(), "Bakker"));
  EXPECT_TRUE(v.fout.ok()) << v.fout.message();
  ASSERT_TRUE(v.type.has_value());
  EXPECT_EQ(*v.type, ijw::Berichttype::JW305);
  for (const auto& f : v.findings)
    ADD_FAILURE() << f.regelcode << " " << f.xpath << " " << f.melding;
}

TEST(Adversarial, ExternalEntityXxeIsRefusedWithoutReadingTheFile) {
  auto doc =
      with_name(jw305("<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"), "&xxe;");
  auto v = validator().validate(doc);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("DTD"), std::string::npos) << v.fout.message();
  EXPECT_EQ(v.fout.message().find("root:"), std::string::npos);
}

TEST(Adversarial, BillionLaughsIsRefusedQuickly) {
  std::string dtd = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k)
      dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">";
  }
  dtd += "]>\n";
  // Expanded, &lol9; is 10^9 times "lol": 3 GB. Refused before any expansion, the process's
  // peak memory may not grow by more than a small bound.
  rusage voor{};
  getrusage(RUSAGE_SELF, &voor);
  auto v = validator().validate(with_name(jw305(dtd), "&lol9;"));
  rusage na{};
  getrusage(RUSAGE_SELF, &na);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("DTD"), std::string::npos);
  EXPECT_LT(na.ru_maxrss - voor.ru_maxrss, 64 * 1024) << "KiB";
}

TEST(Adversarial, FiftyMegabyteFileIsRefusedBySize) {
  std::string big = with_name(jw305(), std::string(50u * 1024u * 1024u, 'a'));
  auto v = validator().validate(big);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("te groot"), std::string::npos) << v.fout.message();
}

TEST(Adversarial, FiftyMegabyteFileIsRefusedBeforeReadingItWhole) {
  jr::testing::TempDir dir;
  auto path = dir / "groot.xml";
  {
    std::ofstream out(path, std::ios::binary);
    std::string chunk(1u << 20, ' ');
    for (int i = 0; i < 50; ++i) out << chunk;
  }
  auto r = ijw::read_file_limited(path.string(), validator().limits().max_bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST(Adversarial, WrongNamespaceIsNotAnIjwMessage) {
  std::string doc = with_name(jw305(), "Bakker");
  auto pos = doc.find("ijw/3_2/jw305/schema");
  doc.replace(pos, 20, "ijw/9_9/jw305/schema");
  auto v = validator().validate(doc);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("namespace"), std::string::npos) << v.fout.message();
}

TEST(Adversarial, DeclaredLatin1EncodingIsRefused) {
  std::string doc = with_name(jw305("", "ISO-8859-1"), "M\xfcller");  // ü in Latin-1
  auto v = validator().validate(doc);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("UTF-8"), std::string::npos) << v.fout.message();
}

TEST(Adversarial, InvalidUtf8BytesAreRefused) {
  auto v = validator().validate(with_name(jw305(), "M\xfcller"));
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("UTF-8"), std::string::npos) << v.fout.message();
}

TEST(Adversarial, Utf16IsRefused) {
  std::string doc = "\xFF\xFE<\0?\0x\0m\0l\0";
  auto v = validator().validate(std::string_view(doc.data(), 12));
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("UTF-16"), std::string::npos) << v.fout.message();
}

TEST(Adversarial, TruncatedFileIsNotWellFormed) {
  std::string doc = with_name(jw305(), "Bakker");
  for (size_t cut : {doc.size() / 3, doc.size() / 2, doc.size() - 10}) {
    auto v = validator().validate(std::string_view(doc).substr(0, cut));
    ASSERT_FALSE(v.fout.ok()) << "cut at " << cut;
    EXPECT_NE(v.fout.message().find("geen geldige XML"), std::string::npos) << v.fout.message();
  }
}

TEST(Adversarial, BinaryJunkIsRefused) {
  std::mt19937 rng(42);
  for (int i = 0; i < 50; ++i) {
    std::string junk(1 + rng() % 4096, '\0');
    for (auto& c : junk) c = static_cast<char>(rng() & 0xff);
    auto v = validator().validate(junk);
    EXPECT_FALSE(v.fout.ok());
    EXPECT_FALSE(v.fout.message().empty());
  }
}

TEST(Adversarial, EmptyInputIsRefused) {
  auto v = validator().validate("");
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("leeg"), std::string::npos);
}

TEST(Adversarial, DeepNestingIsRefused) {
  std::string doc = "<?xml version=\"1.0\"?>";
  for (int i = 0; i < 200; ++i) doc += "<a>";
  for (int i = 0; i < 200; ++i) doc += "</a>";
  auto v = validator().validate(doc);
  ASSERT_FALSE(v.fout.ok());
  EXPECT_NE(v.fout.message().find("genest"), std::string::npos) << v.fout.message();
}

// Person data never travels in a finding: libxml2 quotes the offending value in its XSD
// messages; for BSN, names and birth dates the value is replaced.
TEST(Adversarial, XsdFindingsDoNotRepeatPersonData) {
  std::string doc = with_name(jw305(), "Bakker");
  auto bad_bsn = doc;
  bad_bsn.replace(bad_bsn.find("999900031"), 9, "99990003X");
  auto v = validator().validate(bad_bsn);
  ASSERT_FALSE(v.findings.empty());
  for (const auto& f : v.findings) {
    EXPECT_EQ(f.melding.find("99990003X"), std::string::npos) << f.melding;
    EXPECT_NE(f.melding.find("weggelaten"), std::string::npos) << f.melding;
  }
  auto bad_birth = doc;
  bad_birth.replace(bad_birth.find("2015-06-01"), 10, "2015-02-30");
  v = validator().validate(bad_birth);
  ASSERT_FALSE(v.findings.empty());
  for (const auto& f : v.findings)
    EXPECT_EQ(f.melding.find("2015-02-30"), std::string::npos) << f.melding;
  // A product date is no person data: the value stays, so the sender can find it.
  auto bad_begin = doc;
  bad_begin.replace(bad_begin.find("2025-02-10"), 10, "2025-02-30");
  v = validator().validate(bad_begin);
  ASSERT_FALSE(v.findings.empty());
  EXPECT_NE(v.findings[0].melding.find("2025-02-30"), std::string::npos) << v.findings[0].melding;
}

// XSD findings name the element the way rule findings do: without namespace prefixes.
TEST(Adversarial, XsdFindingPathsHaveNoPrefixes) {
  std::string doc = with_name(jw305(), "Bakker");
  doc.replace(doc.find("2025-02-10"), 10, "2025-02-30");
  auto v = validator().validate(doc);
  ASSERT_FALSE(v.findings.empty());
  EXPECT_EQ(v.findings[0].xpath, "/Bericht/Client/StartProducten/StartProduct/Begindatum");
}
