// Shared helpers for the unit tests: paths to the source tree and the iJw standard.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jr::testing {

// The source tree and the jeugdregie binary of this build (tests/unit/paden.cpp, the one file
// compiled with their paths, so that every other file compiles the same in any checkout and
// ccache can share it).
std::filesystem::path source_dir();
// The configured standards directory for tests: $JEUGDREGIE_IJW_STANDAARD_DIR, or
// ../shared/ijw next to the source tree.
inline std::filesystem::path standaard_dir() {
  if (const char* v = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR"); v && *v) return v;
  return source_dir().parent_path() / "shared" / "ijw";
}
std::string binary();

inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh empty directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jrtest-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace jr::testing
