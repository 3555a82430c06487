#include "cli/config.h"

#include <cstdlib>
#include <fstream>

namespace jr::cli {
namespace {
std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
}  // namespace

Config Config::load() {
  Config c;
  std::ifstream in("jeugdregie.conf");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    auto key = trim(line.substr(0, eq)), val = trim(line.substr(eq + 1));
    if (key == "ijw.standaard_dir") c.ijw_standaard_dir = val;
    if (key == "store.sleutelbestand") c.sleutelbestand = val;
  }
  if (const char* v = std::getenv("JEUGDREGIE_IJW_STANDAARD_DIR"); v && *v) c.ijw_standaard_dir = v;
  if (const char* v = std::getenv("JEUGDREGIE_SLEUTELBESTAND"); v && *v) c.sleutelbestand = v;
  // Development convenience: run from any directory of a checkout with ../shared beside it.
  if (c.ijw_standaard_dir.is_relative() && !std::filesystem::exists(c.ijw_standaard_dir)) {
    auto beside_checkout = std::filesystem::path(JR_SOURCE_DIR) / c.ijw_standaard_dir;
    if (std::filesystem::exists(beside_checkout)) c.ijw_standaard_dir = beside_checkout;
  }
  return c;
}

}  // namespace jr::cli
