// The ustar codec behind the generator's day archives (domain/tar.h): what it writes reads
// back, GNU tar lists it, and damaged archives are refused rather than half read.
#include "domain/tar.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "test_helpers.h"

namespace jr {
namespace {

std::string archief() {
  std::string a;
  EXPECT_TRUE(tar_append_file(a, "2024-01-02/000001-JW301.xml", "<a/>", 1704153600).ok());
  EXPECT_TRUE(tar_append_file(a, "2024-01-02/000002-JW305.xml", std::string(512, 'x'), 0).ok());
  EXPECT_TRUE(tar_append_file(a, "leeg.xml", "", 0).ok());
  tar_append_end(a);
  return a;
}

TEST(Tar, MembersReadBackInOrder) {
  const std::string a = archief();
  EXPECT_EQ(a.size() % 512, 0u);
  // Three headers, 1 + 1 + 0 content blocks, two end blocks.
  EXPECT_EQ(a.size(), 512u * (3 + 2 + 2));
  auto m = tar_members(a);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].name, "2024-01-02/000001-JW301.xml");
  EXPECT_EQ((*m)[0].content, "<a/>");
  EXPECT_EQ((*m)[1].content, std::string(512, 'x'));
  EXPECT_EQ((*m)[2].name, "leeg.xml");
  EXPECT_TRUE((*m)[2].content.empty());
  EXPECT_EQ(archief(), a) << "same members, same bytes";
}

TEST(Tar, GnuTarListsWhatWeWrite) {
  jr::testing::TempDir d;
  const auto pad = d / "dag.tar";
  std::ofstream(pad, std::ios::binary) << archief();
  std::string out;
  FILE* p = popen(("TZ=UTC tar -tvf " + pad.string() + " 2>&1").c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[1024];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ASSERT_EQ(pclose(p), 0) << out;
  EXPECT_NE(out.find("2024-01-02/000001-JW301.xml"), std::string::npos) << out;
  EXPECT_NE(out.find(" 512 "), std::string::npos) << out;
  EXPECT_NE(out.find("2024-01-02 00:00"), std::string::npos) << out;  // mtime, in UTC
}

TEST(Tar, DamagedArchivesAreRefused) {
  std::string a = archief();
  std::string kapot = a;
  kapot[10] = 'Q';  // inside the first name: the checksum no longer matches
  EXPECT_EQ(tar_members(kapot).status().code(), StatusCode::kInvalidArgument);
  // Cut inside the second member's content.
  EXPECT_EQ(tar_members(std::string_view(a).substr(0, 512 * 3 + 100)).status().code(),
            StatusCode::kInvalidArgument);
  // A symbolic link is not read.
  std::string link;
  ASSERT_TRUE(tar_append_file(link, "x", "", 0).ok());
  link[156] = '2';
  unsigned sum = 0;
  for (size_t i = 0; i < 512; ++i)
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(link[i]);
  std::snprintf(link.data() + 148, 8, "%06o", sum);
  EXPECT_EQ(tar_members(link).status().code(), StatusCode::kInvalidArgument);
  // Without the end marker: the members are still all there.
  auto m = tar_members(std::string_view(a).substr(0, a.size() - 1024));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->size(), 3u);
}

TEST(Tar, NamesLongerThanTheHeaderAreRefused) {
  std::string a;
  EXPECT_EQ(tar_append_file(a, std::string(101, 'n'), "x", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tar_append_file(a, "", "x", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(a.empty());
}

}  // namespace
}  // namespace jr
