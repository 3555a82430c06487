// Exports of dashboard tables: CSV (RFC 4180) and XLSX (libxlsxwriter).
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "server/export.h"

namespace jr::server {
namespace {

Tabel voorbeeld() {
  std::vector<OngeldigeParameter> f;
  auto t = tabel_van_json(nlohmann::json::parse(R"({
      "titel": "Kerncijfers Nijmegen 2024H1",
      "kolommen": ["Gebied", "% jeugdhulp", "Opmerking"],
      "rijen": [["Nijmegen", 11.25, null], ["Regio \"Rijk\", totaal", 10, "=1+1"]]})"),
                          f);
  EXPECT_TRUE(f.empty());
  return t;
}

// Little-endian fields of a zip archive.
uint32_t le(const std::string& s, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s.at(at + i));
  return v;
}

// The member `naam` of the zip archive `zip` (stored or deflated), found through the central
// directory; nullopt when absent or unreadable. Enough to read back what libxlsxwriter wrote.
std::optional<std::string> uit_zip(const std::string& zip, const std::string& naam) {
  const size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos) return std::nullopt;
  size_t p = le(zip, eocd + 16, 4);
  for (uint32_t n = le(zip, eocd + 10, 2); n > 0; --n) {
    if (le(zip, p, 4) != 0x02014b50) return std::nullopt;
    const uint32_t methode = le(zip, p + 10, 2), gepakt = le(zip, p + 20, 4),
                   los = le(zip, p + 24, 4), nl = le(zip, p + 28, 2), el = le(zip, p + 30, 2),
                   cl = le(zip, p + 32, 2), lokaal = le(zip, p + 42, 4);
    if (zip.substr(p + 46, nl) == naam) {
      const size_t data = lokaal + 30 + le(zip, lokaal + 26, 2) + le(zip, lokaal + 28, 2);
      if (methode == 0) return zip.substr(data, los);
      if (methode != 8) return std::nullopt;
      std::string uit(los, '\0');
      z_stream z{};
      if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return std::nullopt;
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
      z.avail_in = gepakt;
      z.next_out = reinterpret_cast<Bytef*>(uit.data());
      z.avail_out = los;
      const int r = inflate(&z, Z_FINISH);
      inflateEnd(&z);
      if (r != Z_STREAM_END) return std::nullopt;
      return uit;
    }
    p += 46 + nl + el + cl;
  }
  return std::nullopt;
}

TEST(ExportCsv, QuotesWhereNeededAndDefusesFormulas) {
  EXPECT_EQ(naar_csv(voorbeeld()),
            "Gebied,% jeugdhulp,Opmerking\r\n"
            "Nijmegen,11.25,\r\n"
            "\"Regio \"\"Rijk\"\", totaal\",10,'=1+1\r\n");
}

TEST(ExportXlsx, WritesAZipWorkbook) {
  auto x = naar_xlsx(voorbeeld());
  ASSERT_TRUE(x.ok()) << x.status().to_string();
  ASSERT_GT(x->size(), 1000u);
  EXPECT_EQ(x->substr(0, 2), "PK");
  // The cells read back: numbers as numbers, text in the shared strings, the text that looks
  // like a formula written as text (no <f> element), an empty cell left out.
  auto blad = uit_zip(*x, "xl/worksheets/sheet1.xml");
  auto teksten = uit_zip(*x, "xl/sharedStrings.xml");
  ASSERT_TRUE(blad && teksten);
  EXPECT_NE(blad->find("<v>11.25</v>"), std::string::npos) << *blad;
  EXPECT_NE(blad->find("<v>10</v>"), std::string::npos) << *blad;
  EXPECT_EQ(blad->find("<f>"), std::string::npos) << *blad;
  for (const char* t :
       {"Gebied", "% jeugdhulp", "Opmerking", "Nijmegen", "Regio \"Rijk\", totaal", "=1+1"})
    EXPECT_NE(teksten->find(std::string(">") + t + "<"), std::string::npos)
        << t << " in " << *teksten;
}

TEST(ExportTabel, RejectsRowsOfTheWrongWidthAndNestedCells) {
  std::vector<OngeldigeParameter> f;
  tabel_van_json(nlohmann::json::parse(R"({"titel": "t", "kolommen": ["a", "b"], "rijen": [[1]]})"),
                 f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].name, "rijen");
  f.clear();
  tabel_van_json(
      nlohmann::json::parse(R"({"titel": "t", "kolommen": ["a"], "rijen": [[{"x": 1}]]})"), f);
  ASSERT_EQ(f.size(), 1u);
  f.clear();
  tabel_van_json(nlohmann::json::parse(R"({"kolommen": [], "rijen": []})"), f);
  EXPECT_EQ(f.size(), 2u);  // titel and kolommen
}

TEST(ExportBestandsnaam, LowerCaseAsciiWithDashes) {
  EXPECT_EQ(bestandsnaam(voorbeeld(), "csv"), "kerncijfers-nijmegen-2024h1.csv");
  Tabel t;
  t.titel = "Één € ";
  EXPECT_EQ(bestandsnaam(t, "xlsx"), "n.xlsx");
}

}  // namespace
}  // namespace jr::server
