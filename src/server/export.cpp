#include "server/export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "domain/tekst.h"
#include "server/invoer.h"

namespace jr::server {
namespace {

std::string getal_tekst(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void csv_veld(std::string& uit, std::string_view s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    uit += s;
    return;
  }
  uit += '"';
  for (char c : s) {
    if (c == '"') uit += '"';
    uit += c;
  }
  uit += '"';
}

}  // namespace

Tabel tabel_van_json(const nlohmann::json& j, std::vector<OngeldigeParameter>& f) {
  Tabel t;
  if (!j.is_object()) {
    f.push_back({"body", "invalid", "de body is een JSON-object met titel, kolommen en rijen"});
    return t;
  }
  Velden v{j, f};
  if (auto titel = v.tekst("titel", {.verplicht = true, .leeg = false})) t.titel = *titel;
  // Text in headers and cells: a line break or tab may be part of a cell, no other control
  // character (an XLSX cannot hold one).
  auto schoon = [](const std::string& s) { return !heeft_stuurteken(s, true); };
  auto k = j.find("kolommen");
  if (k == j.end() || !k->is_array() || k->empty() || k->size() > 100) {
    f.push_back({"kolommen", "invalid", "kolommen is een lijst van 1 tot 100 teksten"});
    return t;
  }
  for (const auto& c : *k) {
    if (!c.is_string() || !schoon(c.get_ref<const std::string&>())) {
      f.push_back({"kolommen", "invalid", "elke kolomnaam is een tekst zonder stuurtekens"});
      return t;
    }
    t.kolommen.push_back(c.get<std::string>());
  }
  auto r = j.find("rijen");
  if (r == j.end() || !r->is_array() || r->size() > 100000) {
    f.push_back({"rijen", "invalid", "rijen is een lijst van hoogstens 100.000 rijen"});
    return t;
  }
  for (const auto& rij : *r) {
    if (!rij.is_array() || rij.size() != t.kolommen.size()) {
      f.push_back({"rijen", "invalid", "elke rij heeft evenveel cellen als er kolommen zijn"});
      return t;
    }
    std::vector<Cel> cellen;
    cellen.reserve(rij.size());
    for (const auto& c : rij) {
      if (c.is_null())
        cellen.emplace_back(std::monostate{});
      else if (c.is_number() && std::isfinite(c.get<double>()))
        cellen.emplace_back(c.get<double>());
      else if (c.is_string() && schoon(c.get_ref<const std::string&>()))
        cellen.emplace_back(c.get<std::string>());
      else {
        f.push_back({"rijen", "invalid",
                     "een cel is een tekst zonder stuurtekens, een eindig getal of null"});
        return t;
      }
    }
    t.rijen.push_back(std::move(cellen));
  }
  return t;
}

std::string naar_csv(const Tabel& t) {
  std::string uit;
  for (size_t i = 0; i < t.kolommen.size(); ++i) {
    if (i) uit += ',';
    csv_veld(uit, t.kolommen[i]);
  }
  uit += "\r\n";
  for (const auto& rij : t.rijen) {
    for (size_t i = 0; i < rij.size(); ++i) {
      if (i) uit += ',';
      if (const auto* d = std::get_if<double>(&rij[i])) {
        uit += getal_tekst(*d);
      } else if (const auto* s = std::get_if<std::string>(&rij[i])) {
        if (!s->empty() && std::string_view("=+-@").find(s->front()) != std::string_view::npos)
          csv_veld(uit, "'" + *s);
        else
          csv_veld(uit, *s);
      }
    }
    uit += "\r\n";
  }
  return uit;
}

Result<std::string> naar_xlsx(const Tabel& t) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "jr-export-XXXXXX").string();
  int fd = mkstemp(tmpl.data());
  if (fd < 0) return Internal("tijdelijk bestand voor XLSX niet aan te maken");
  close(fd);
  std::string pad = tmpl + ".xlsx";
  std::filesystem::rename(tmpl, pad);

  lxw_workbook* wb = workbook_new(pad.c_str());
  if (!wb) {
    std::filesystem::remove(pad);
    return Internal("XLSX-werkmap niet aan te maken");
  }
  // Sheet names: at most 31 characters, none of []:*?/\.
  std::string blad;
  for (char c : t.titel) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) continue;
    blad += c;
  }
  if (blad.size() > 31) blad.resize(31);
  while (!blad.empty() && (static_cast<unsigned char>(blad.back()) & 0xC0) == 0x80)
    blad.pop_back();  // do not cut a UTF-8 sequence
  if (!blad.empty() && (static_cast<unsigned char>(blad.back()) & 0x80)) blad.pop_back();
  lxw_worksheet* ws = workbook_add_worksheet(wb, blad.empty() ? nullptr : blad.c_str());
  if (!ws) ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* vet = workbook_add_format(wb);
  format_set_bold(vet);
  for (size_t c = 0; c < t.kolommen.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.kolommen[c].c_str(), vet);
  for (size_t r = 0; r < t.rijen.size(); ++r) {
    const auto rr = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.rijen[r].size(); ++c) {
      const auto cc = static_cast<lxw_col_t>(c);
      const auto& cel = t.rijen[r][c];
      if (const auto* d = std::get_if<double>(&cel))
        worksheet_write_number(ws, rr, cc, *d, nullptr);
      else if (const auto* s = std::get_if<std::string>(&cel))
        worksheet_write_string(ws, rr, cc, s->c_str(), nullptr);
    }
  }
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    std::filesystem::remove(pad);
    return Internal(std::string("XLSX schrijven mislukt: ") + lxw_strerror(rc));
  }
  std::ifstream in(pad, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::error_code ec;
  std::filesystem::remove(pad, ec);
  return ss.str();
}

std::string bestandsnaam(const Tabel& t, const std::string& extensie) {
  std::string n;
  for (unsigned char c : t.titel) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      n += static_cast<char>(c);
    else if (c >= 'A' && c <= 'Z')
      n += static_cast<char>(c - 'A' + 'a');
    else if (!n.empty() && n.back() != '-')
      n += '-';
  }
  while (!n.empty() && n.back() == '-') n.pop_back();
  if (n.empty()) n = "tabel";
  if (n.size() > 80) n.resize(80);
  return n + "." + extensie;
}

}  // namespace jr::server
