// Exports of dashboard tables: CSV (RFC 4180) and XLSX (libxlsxwriter).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
  EXPECT_NE(x->find("xl/worksheets/sheet1.xml"), std::string::npos);
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
