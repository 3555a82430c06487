#include "ijw/codelijsten.h"

#include <fstream>
#include <string_view>
#include <vector>

namespace jr::ijw {
namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// Cells of a markdown table row "| a | b |".
std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  if (line.empty() || line.front() != '|') return out;
  line.remove_prefix(1);
  size_t pos;
  while ((pos = line.find('|')) != std::string_view::npos) {
    out.push_back(trim(line.substr(0, pos)));
    line.remove_prefix(pos + 1);
  }
  return out;
}

}  // namespace

Result<Codelijsten> Codelijsten::load(const std::filesystem::path& dir) {
  Codelijsten c;
  auto path = dir / "codelijsten" / "CBS_Gemeentecodes.md";
  std::ifstream in(path);
  if (!in) return NotFound("codelijst niet gevonden: " + path.string());
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    auto row = cells(line);
    if (row.size() >= 4 && row[0] == "Gemeentecode") {
      in_table = true;
      continue;
    }
    if (!in_table || row.size() < 4) continue;
    const auto& code = row[0];
    if (code.size() != 4 || code.find_first_not_of("0123456789") != std::string::npos) continue;
    c.gemeenten[code] = GemeenteInfo{code, row[1], row[2], row[3]};
  }
  if (c.gemeenten.empty())
    return InvalidArgument("codelijst zonder gemeentecodes: " + path.string());
  return c;
}

}  // namespace jr::ijw
