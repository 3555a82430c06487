// `jeugdregie ijw validate`: the built binary run on temp files and the published examples.
// Output lines `FILE: OK` / `FILE: FOUT <regel> <retourcode> <xpath> <melding>`, --json, and
// exit codes 0 (all valid), 1 (a finding), 2 (usage error).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_helpers.h"

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs the CLI with the test standards directory; stdout captured, stderr dropped.
Run run(const std::vector<std::string>& args) {
  std::string cmd =
      quote(jr::testing::binary()) + " --standaard " + quote(jr::testing::standaard_dir().string());
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " 2>/dev/null";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string voorbeeld(const char* naam) {
  return (jr::testing::standaard_dir() / "voorbeelden" / naam).string();
}

void write(const std::filesystem::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}

TEST(CliValidate, ValidExamplesPrintOkAndExitZero) {
  auto r = run(
      {"ijw", "validate", voorbeeld("JW301.xml"), voorbeeld("JW305.xml"), voorbeeld("JW307.xml")});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(lines(r.out), (std::vector<std::string>{voorbeeld("JW301.xml") + ": OK",
                                                    voorbeeld("JW305.xml") + ": OK",
                                                    voorbeeld("JW307.xml") + ": OK"}));
}

TEST(CliValidate, FindingsPrintFoutLinesAndExitOne) {
  const std::string f = voorbeeld("JW323.xml");
  auto r = run({"ijw", "validate", voorbeeld("JW305.xml"), f});
  EXPECT_EQ(r.exit_code, 1);
  auto l = lines(r.out);
  ASSERT_EQ(l.size(), 3u) << r.out;
  EXPECT_EQ(l[0], voorbeeld("JW305.xml") + ": OK");
  const std::string p1 =
      f + ": FOUT TR416 0001 /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2] ";
  const std::string p2 =
      f + ": FOUT TR101 0001 /Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3] ";
  EXPECT_EQ(l[1].rfind(p1, 0), 0u) << l[1];
  EXPECT_GT(l[1].size(), p1.size());  // a melding follows
  EXPECT_EQ(l[2].rfind(p2, 0), 0u) << l[2];
}

TEST(CliValidate, XsdFailureOfJw315Example) {
  auto r = run({"ijw", "validate", voorbeeld("JW315.xml")});
  EXPECT_EQ(r.exit_code, 1);
  auto l = lines(r.out);
  ASSERT_FALSE(l.empty());
  for (const auto& x : l) EXPECT_EQ(x.rfind(voorbeeld("JW315.xml") + ": FOUT XSD ", 0), 0u) << x;
}

TEST(CliValidate, JsonShape) {
  auto r = run({"ijw", "validate", "--json", voorbeeld("JW301.xml"), voorbeeld("JW323.xml")});
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["geldig"], false);
  ASSERT_EQ(j["bestanden"].size(), 2u);
  const auto& ok = j["bestanden"][0];
  EXPECT_EQ(ok["bestand"], voorbeeld("JW301.xml"));
  EXPECT_EQ(ok["berichttype"], "JW301");
  EXPECT_EQ(ok["geldig"], true);
  EXPECT_TRUE(ok["fouten"].empty());
  const auto& fout = j["bestanden"][1];
  EXPECT_EQ(fout["berichttype"], "JW323");
  EXPECT_EQ(fout["geldig"], false);
  ASSERT_EQ(fout["fouten"].size(), 2u);
  EXPECT_EQ(fout["fouten"][0]["regelcode"], "TR416");
  EXPECT_EQ(fout["fouten"][0]["retourcode"], "0001");
  EXPECT_EQ(fout["fouten"][0]["xpath"],
            "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]");
  EXPECT_TRUE(fout["fouten"][0]["melding"].is_string());
  EXPECT_EQ(fout["fouten"][1]["regelcode"], "TR101");

  auto alles_ok = run({"ijw", "validate", "--json", voorbeeld("JW305.xml")});
  EXPECT_EQ(alles_ok.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(alles_ok.out)["geldig"], true);
}

TEST(CliValidate, UsageErrorsExitTwo) {
  EXPECT_EQ(run({"ijw", "validate"}).exit_code, 2);
  EXPECT_EQ(run({"ijw", "validate", "--onbekend", voorbeeld("JW301.xml")}).exit_code, 2);
}

TEST(CliValidate, MissingAndNonXmlFiles) {
  jr::testing::TempDir tmp;
  const auto weg = (tmp / "bestaat-niet.xml").string();
  auto r = run({"ijw", "validate", weg});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(lines(r.out).size(), 1u) << r.out;
  EXPECT_EQ(lines(r.out)[0].rfind(weg + ": FOUT BESTAND 0001 / ", 0), 0u) << r.out;

  const auto tekst = tmp / "tekst.xml";
  write(tekst, "dit is geen XML\n");
  r = run({"ijw", "validate", tekst.string()});
  EXPECT_EQ(r.exit_code, 1);
  ASSERT_EQ(lines(r.out).size(), 1u) << r.out;
  EXPECT_EQ(lines(r.out)[0].rfind(tekst.string() + ": FOUT XML 0001 / ", 0), 0u) << r.out;

  const auto ander = tmp / "ander.xml";
  write(ander, "<?xml version=\"1.0\"?><Bericht xmlns=\"urn:iets-anders\"/>");
  r = run({"ijw", "validate", ander.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind(ander.string() + ": FOUT XML 0001 / ", 0), 0u) << r.out;
}

TEST(CliValidate, ChangedExampleInTempFile) {
  jr::testing::TempDir tmp;
  std::string xml = jr::testing::read_all(voorbeeld("JW307.xml"));
  const std::string oud = "<jw307:Bsn>999900006</jw307:Bsn>";
  auto pos = xml.find(oud);
  ASSERT_NE(pos, std::string::npos);
  xml.replace(pos, oud.size(), "<jw307:Bsn>999900007</jw307:Bsn>");
  const auto f = tmp / "jw307.xml";
  write(f, xml);
  auto r = run({"ijw", "validate", f.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines(r.out),
            std::vector<std::string>{f.string() +
                                     ": FOUT CS002 0001 /Bericht/Client/Bsn BSN voldoet niet aan "
                                     "de elfproef"});
  EXPECT_EQ(r.out.find("999900007"), std::string::npos);
}

}  // namespace
