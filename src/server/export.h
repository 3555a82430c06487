// Export: a table as the dashboard shows it, downloaded as CSV (RFC 4180, UTF-8) or XLSX
// (libxlsxwriter). Cells are strings, numbers or empty (null).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <variant>
#include <vector>

#include "domain/status.h"
#include "server/probleem.h"

namespace jr::server {

using Cel = std::variant<std::monostate, double, std::string>;

struct Tabel {
  std::string titel;
  std::vector<std::string> kolommen;
  std::vector<std::vector<Cel>> rijen;
};

// Reads {"titel", "kolommen": [..], "rijen": [[..]]}; bad shape becomes invalid params.
// At most 100,000 rows of at most 100 columns.
Tabel tabel_van_json(const nlohmann::json& j, std::vector<OngeldigeParameter>& fouten);

// CSV with a header row, comma-separated, CRLF line ends, fields quoted when needed. Text
// cells that a spreadsheet would read as a formula (=, +, -, @ first) get a leading quote.
std::string naar_csv(const Tabel& t);

// An XLSX workbook with one sheet named after the titel (bold header row, numbers as
// numbers). Internal when libxlsxwriter fails (temporary file not writable).
Result<std::string> naar_xlsx(const Tabel& t);

// A file name for the download: the titel in lower-case ASCII letters, digits and '-'.
std::string bestandsnaam(const Tabel& t, const std::string& extensie);

}  // namespace jr::server
