// The dashboard's files as the server sends them: shared fragments in the pages, compressed
// forms, ETag/304 and Cache-Control (src/server/statisch.*, server.cpp).
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "server/statisch.h"
#include "server_test_fixture.h"

namespace jr {
namespace {

using server::StatischeBestanden;
namespace fs = std::filesystem;

void schrijf(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

std::string gunzip(const std::string& in) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return {};
  std::string uit(in.size() * 20 + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(uit.data());
  z.avail_out = static_cast<uInt>(uit.size());
  const int r = inflate(&z, Z_FINISH);
  uit.resize(z.total_out);
  inflateEnd(&z);
  return r == Z_STREAM_END ? uit : std::string();
}

// A file's modification time one second later, so a rewrite is seen however coarse the clock.
void later(const fs::path& p) {
  fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(1));
}

TEST(StatischeBestanden, PagesGetTheirFragmentsAndTheNavigationMarksThePageItself) {
  testing::TempDir d;
  schrijf(d / "web/delen/navigatie.html",
          "    <nav><a class=\"x\" href=\"/een\" data-pagina=\"een\">Een</a>"
          "<a class=\"x\" href=\"/twee\" data-pagina=\"twee\">Twee</a></nav>\n");
  schrijf(d / "web/een.html", "<body>\n  <!--#navigatie-->\n<main>een</main></body>");
  StatischeBestanden s(d / "web");
  auto b = s.pagina(d / "web/een.html", "een");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->inhoud,
            "<body>\n  <nav><a class=\"x utrecht-link--current\" href=\"/een\" data-pagina=\"een\" "
            "aria-current=\"page\">Een</a><a class=\"x\" href=\"/twee\" "
            "data-pagina=\"twee\">Twee</a></nav>\n<main>een</main></body>");
  EXPECT_EQ(b->mime, "text/html; charset=utf-8");

  // A changed fragment is read again.
  schrijf(d / "web/delen/navigatie.html", "<nav>nieuw</nav>");
  later(d / "web/delen/navigatie.html");
  auto b2 = s.pagina(d / "web/een.html", "een");
  EXPECT_EQ(b2->inhoud, "<body>\n  <nav>nieuw</nav>\n<main>een</main></body>");
  EXPECT_NE(b2->etag, b->etag);

  // A page of a section: itself current in the section's sub-navigation, and its section in
  // the main navigation.
  schrijf(d / "web/delen/navigatie.html",
          "<nav><a class=\"x\" href=\"/een\" data-pagina=\"een\">Een</a></nav>\n");
  schrijf(d / "web/delen/eenmenu.html",
          "<nav><a class=\"y\" href=\"/een/a\" data-pagina=\"een/a\">A</a>"
          "<a class=\"y\" href=\"/een/b\" data-pagina=\"een/b\">B</a></nav>\n");
  later(d / "web/delen/navigatie.html");
  schrijf(d / "web/een/b.html", "<!--#navigatie--><!--#eenmenu--><main>b</main>");
  auto sub = s.pagina(d / "web/een/b.html", "een/b");
  ASSERT_TRUE(sub);
  EXPECT_EQ(sub->inhoud,
            "<nav><a class=\"x utrecht-link--current\" href=\"/een\" data-pagina=\"een\" "
            "aria-current=\"true\">Een</a></nav><nav><a class=\"y\" href=\"/een/a\" "
            "data-pagina=\"een/a\">A</a><a class=\"y utrecht-link--current\" href=\"/een/b\" "
            "data-pagina=\"een/b\" aria-current=\"page\">B</a></nav><main>b</main>");

  // A fragment that does not exist: no page (404), not half a page.
  schrijf(d / "web/twee.html", "<!--#bestaatniet-->");
  EXPECT_FALSE(s.pagina(d / "web/twee.html", "twee"));
}

TEST(StatischeBestanden, CompressedFormsGzipMadeBrotliOnlyFromAFreshFileBeside) {
  testing::TempDir d;
  const std::string tekst(5000, 'a');
  schrijf(d / "web/dist/x.js", tekst);
  schrijf(d / "web/dist/x.js.br", "BROTLI");
  later(d / "web/dist/x.js.br");
  StatischeBestanden s(d / "web");
  auto b = s.bestand(d / "web/dist/x.js");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->brotli, "BROTLI");
  EXPECT_FALSE(b->gzip.empty());
  EXPECT_LT(b->gzip.size(), tekst.size());
  EXPECT_EQ(server::kies_codering(*b, "gzip, deflate, br"), "br");
  EXPECT_EQ(server::kies_codering(*b, "gzip, br;q=0"), "gzip");
  EXPECT_EQ(server::kies_codering(*b, "identity"), "");
  EXPECT_EQ(server::kies_codering(*b, ""), "");

  // The file rebuilt without a new .br: the stale one is not sent.
  schrijf(d / "web/dist/x.js", tekst + "b");
  fs::last_write_time(d / "web/dist/x.js",
                      fs::last_write_time(d / "web/dist/x.js.br") + std::chrono::seconds(5));
  auto b2 = s.bestand(d / "web/dist/x.js");
  EXPECT_EQ(b2->inhoud, tekst + "b");
  EXPECT_TRUE(b2->brotli.empty());
  EXPECT_EQ(server::kies_codering(*b2, "gzip, br"), "gzip");

  EXPECT_TRUE(server::nog_geldig(*b2, b2->etag, ""));
  EXPECT_TRUE(server::nog_geldig(*b2, "\"oud\", " + b2->etag, ""));
  EXPECT_FALSE(server::nog_geldig(*b2, b->etag, ""));
  EXPECT_TRUE(server::nog_geldig(*b2, "", b2->laatst_gewijzigd));
  EXPECT_FALSE(server::nog_geldig(*b2, "", "Mon, 01 Jan 2001 00:00:00 GMT"));
  EXPECT_FALSE(s.bestand(d / "web/dist/bestaat-niet.js"));
}

class ServerStatisch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fx_ = new testing::ServerFixture(); }
  static void TearDownTestSuite() {
    delete fx_;
    fx_ = nullptr;
  }
  static testing::ServerFixture* fx_;
};
testing::ServerFixture* ServerStatisch::fx_ = nullptr;

TEST_F(ServerStatisch, EveryPageHasTheSharedHeadNavigationAndFooterWithItselfCurrent) {
  auto c = fx_->client();
  for (const char* naam :
       {"overzicht", "trajecten", "doelen", "vergelijken", "contracten",
        "contracten/budgetplafonds", "contracten/uitgaven", "contracten/contracten",
        "contracten/registers", "wachttijden", "prognose"}) {
    auto r = c.Get(std::string("/") + naam);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << naam;
    const std::string& h = r->body;
    EXPECT_EQ(h.find("<!--#"), std::string::npos) << naam;
    EXPECT_NE(h.find("<link rel=\"stylesheet\" href=\"/dist/dashboard.css\">"), std::string::npos);
    EXPECT_NE(h.find("<link rel=\"modulepreload\" href=\"/js/grafiek.js\">"), std::string::npos);
    EXPECT_NE(h.find("<footer class=\"jr-voet\">"), std::string::npos) << naam;
    // Exactly one link is the current page: this page's. A page of Contracten & budget also
    // marks its section in the main navigation, and has the section's sub-navigation.
    const std::string huidig =
        std::string("href=\"/") + naam + "\" data-pagina=\"" + naam + "\" aria-current=\"page\"";
    EXPECT_NE(h.find(huidig), std::string::npos) << naam;
    EXPECT_EQ(h.find("aria-current=\"page\""), h.rfind("aria-current=\"page\"")) << naam;
    const bool deel = std::string_view(naam).starts_with("contracten/");
    const auto sectie = h.find(
        "utrecht-link--current\" href=\"/contracten\" data-pagina=\"contracten\" "
        "aria-current=\"true\"");
    EXPECT_EQ(sectie != std::string::npos, deel) << naam;
    size_t aantal = 0;
    for (auto i = h.find("aria-current"); i != std::string::npos; i = h.find("aria-current", i + 1))
      ++aantal;
    EXPECT_EQ(aantal, deel ? 2u : 1u) << naam;
    EXPECT_EQ(h.find("class=\"utrecht-nav-bar jr-subnav\"") != std::string::npos,
              std::string_view(naam).starts_with("contracten"))
        << naam;
  }
  auto inloggen = fx_->anoniem().Get("/inloggen");
  ASSERT_TRUE(inloggen);
  EXPECT_NE(inloggen->body.find("/dist/dashboard.css"), std::string::npos);
  EXPECT_EQ(inloggen->body.find("<!--#"), std::string::npos);
}

TEST_F(ServerStatisch, FilesAreCompressedWhenAcceptedAndRevalidatedWithTheirETag) {
  auto c = fx_->client();
  c.set_decompress(false);
  auto gewoon = c.Get("/js/api.js");
  ASSERT_TRUE(gewoon);
  EXPECT_EQ(gewoon->status, 200);
  EXPECT_EQ(gewoon->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(gewoon->get_header_value("Cache-Control"), "no-cache");
  const std::string etag = gewoon->get_header_value("ETag");
  EXPECT_FALSE(etag.empty());
  EXPECT_FALSE(gewoon->get_header_value("Last-Modified").empty());

  auto gz = c.Get("/js/api.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(gz->body.size(), gewoon->body.size());
  EXPECT_EQ(gz->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(gunzip(gz->body), gewoon->body);

  auto n = c.Get("/js/api.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(n);
  EXPECT_EQ(n->status, 304);
  EXPECT_TRUE(n->body.empty());

  // The bundles of the build: brotli beside gzip.
  auto br = c.Get("/dist/echarts.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(br);
  EXPECT_EQ(br->status, 200);
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(br->get_header_value("Content-Type"), "text/javascript; charset=utf-8");

  // A page: private, and it needs a session even for a 304.
  auto p = c.Get("/overzicht");
  EXPECT_EQ(p->get_header_value("Cache-Control"), "private, no-cache");
  auto anoniem = fx_->anoniem().Get("/overzicht", {{"If-None-Match", p->get_header_value("ETag")}});
  EXPECT_EQ(anoniem->status, 302);
}

}  // namespace
}  // namespace jr
