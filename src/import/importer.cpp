#include "import/importer.h"

#include <sodium.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ijw/retour.h"
#include "import/verwerking.h"
#include "store/keyring.h"

namespace jr::import {
namespace {

using store::sha256_hex;

std::string veilig(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out.substr(0, 40);
}

bool importeerbaar(ijw::Berichttype t) {
  using B = ijw::Berichttype;
  return t == B::JW301 || t == B::JW302 || t == B::JW305 || t == B::JW307 || t == B::JW315 ||
         t == B::JW323;
}

}  // namespace

std::string_view naam(Uitkomst u) {
  switch (u) {
    case Uitkomst::geaccepteerd:
      return "geaccepteerd";
    case Uitkomst::deels:
      return "deels";
    case Uitkomst::afgekeurd:
      return "afgekeurd";
    case Uitkomst::overgeslagen:
      return "overgeslagen";
    case Uitkomst::fout:
      return "fout";
  }
  return "fout";
}

int64_t Samenvatting::fouten() const {
  int64_t n = 0;
  for (const auto& [_, t] : per_type) n += t.fout;
  return n;
}

std::string samenvatting_json(const Samenvatting& s) {
  auto tellers = [](const TypeTellers& t) {
    nlohmann::json codes = nlohmann::json::object();
    for (const auto& [c, n] : t.retourcodes) codes[c] = n;
    return nlohmann::json{
        {"ontvangen", t.ontvangen}, {"geaccepteerd", t.geaccepteerd}, {"deels", t.deels},
        {"afgekeurd", t.afgekeurd}, {"overgeslagen", t.overgeslagen}, {"fout", t.fout},
        {"retourcodes", codes}};
  };
  TypeTellers totaal;
  nlohmann::json per = nlohmann::json::object();
  for (const auto& [type, t] : s.per_type) {
    per[type] = tellers(t);
    totaal.ontvangen += t.ontvangen;
    totaal.geaccepteerd += t.geaccepteerd;
    totaal.deels += t.deels;
    totaal.afgekeurd += t.afgekeurd;
    totaal.overgeslagen += t.overgeslagen;
    totaal.fout += t.fout;
    for (const auto& [c, n] : t.retourcodes) totaal.retourcodes[c] += n;
  }
  nlohmann::json j = {{"berichten", per},
                      {"totaal", tellers(totaal)},
                      {"retourenGeschreven", s.retouren_geschreven},
                      {"meldingen", s.meldingen}};
  return j.dump(2);
}

Importer::Importer(store::Store& store, ijw::Validator& validator, const Clock& clock,
                   ImportOptions options)
    : store_(store), validator_(validator), clock_(clock), options_(std::move(options)) {
  if (options_.batch_grootte == 0) options_.batch_grootte = 1;
}

Importer::~Importer() {
  if (batch_open_) store_.rollback();
}

void Importer::tel(const BerichtResultaat& r) {
  TypeTellers& t = samenvatting_.per_type[r.berichttype];
  ++t.ontvangen;
  switch (r.uitkomst) {
    case Uitkomst::geaccepteerd:
      ++t.geaccepteerd;
      break;
    case Uitkomst::deels:
      ++t.deels;
      break;
    case Uitkomst::afgekeurd:
      ++t.afgekeurd;
      break;
    case Uitkomst::overgeslagen:
      ++t.overgeslagen;
      break;
    case Uitkomst::fout:
      ++t.fout;
      break;
  }
  if (r.uitkomst != Uitkomst::overgeslagen && r.uitkomst != Uitkomst::fout)
    for (const auto& f : r.findings) ++t.retourcodes[f.retourcode];
  if (!r.melding.empty()) samenvatting_.meldingen.push_back(r.bron + ": " + r.melding);
}

Status Importer::schrijf_retour(const BerichtResultaat& r) {
  if (!options_.retour_dir || r.retour_xml.empty()) return Status::Ok();
  std::error_code ec;
  std::filesystem::create_directories(*options_.retour_dir, ec);
  std::string name = r.retour_type + "-" + std::to_string(r.bericht_id.value_or(0)) + "-" +
                     veilig(std::filesystem::path(r.bron).stem().string()) + ".xml";
  auto path = *options_.retour_dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << r.retour_xml;
  out.close();
  if (!out) return Unavailable("retourbericht kon niet geschreven worden: " + path.string());
  ++samenvatting_.retouren_geschreven;
  return Status::Ok();
}

BerichtResultaat Importer::import_bytes(std::string_view bytes, std::string_view bron) {
  BerichtResultaat r = verwerk(bytes, bron);
  if (r.uitkomst == Uitkomst::fout || !batch_open_) {
    tel(r);
    return r;
  }
  // What flush() needs of the message: the retour only when it is to be written.
  BerichtResultaat& b = batch_.emplace_back();
  b.bron = r.bron;
  b.berichttype = r.berichttype;
  b.uitkomst = r.uitkomst;
  b.findings = r.findings;
  b.melding = r.melding;
  if (options_.retour_dir) b.retour_xml = r.retour_xml;
  b.retour_type = r.retour_type;
  b.bericht_id = r.bericht_id;
  if (batch_.size() >= options_.batch_grootte) {
    Status st = flush();
    if (!st.ok() && commit_mislukt_) {
      r.uitkomst = Uitkomst::fout;
      r.melding = "niet opgeslagen: " + st.message();
      r.retour_xml.clear();
    }
  }
  return r;
}

Status Importer::flush() {
  if (!batch_open_) return Status::Ok();
  batch_open_ = false;
  Status st = store_.commit();
  commit_mislukt_ = !st.ok();
  std::vector<BerichtResultaat> batch;
  batch.swap(batch_);
  Status eerste;
  for (auto& r : batch) {
    if (!st.ok() && r.uitkomst != Uitkomst::overgeslagen) {
      r.uitkomst = Uitkomst::fout;
      r.melding = "niet opgeslagen: " + st.message();
      r.retour_xml.clear();
    }
    if (r.uitkomst != Uitkomst::fout) {
      Status w = schrijf_retour(r);
      if (!w.ok()) {
        r.melding = w.message();
        if (eerste.ok()) eerste = w;
      }
    }
    tel(r);
  }
  if (!st.ok()) return st;
  return eerste;
}

BerichtResultaat Importer::verwerk(std::string_view bytes, std::string_view bron) {
  BerichtResultaat r;
  r.bron = std::string(bron);
  auto fout = [&](const Status& st) {
    r.uitkomst = Uitkomst::fout;
    r.melding = st.message();
    r.retour_xml.clear();
    r.findings.clear();
    return r;
  };
  if (!batch_open_) {
    Status st = store_.begin();
    if (!st.ok()) return fout(st);
    batch_open_ = true;
  }
  detail::Ontvangst o{store_,
                      clock_,
                      ijw::Berichttype::JW301,
                      bytes,
                      sha256_hex(bytes),
                      {},
                      nullptr,
                      run_id_,
                      validator_.schemas().standaard_dir(),
                      &validator_.schemas()};
  for (std::string_view richting : {"in", "uit"}) {
    auto eerder = store_.zoek_bericht(richting, o.sha256);
    if (!eerder.ok()) return fout(eerder.status());
    if (*eerder) {
      r.uitkomst = Uitkomst::overgeslagen;
      r.bericht_id = *eerder;
      auto b = store_.lees_bericht(**eerder);
      if (b.ok()) r.berichttype = b->berichttype;
      return r;
    }
  }
  ijw::Validatie v = validator_.validate(bytes);
  if (!v.fout.ok()) {
    if (v.type && v.fout.code() != StatusCode::kInvalidArgument) return fout(v.fout);
    r.uitkomst = Uitkomst::afgekeurd;
    if (v.type) r.berichttype = std::string(ijw::naam(*v.type));
    r.melding = "onleesbaar bericht, niet verwerkt: " + v.fout.message();
    return r;
  }
  o.type = *v.type;
  r.berichttype = std::string(ijw::naam(o.type));
  if (!importeerbaar(o.type)) {
    r.uitkomst = Uitkomst::afgekeurd;
    r.melding = "een " + r.berichttype + " wordt door de gemeente niet ontvangen; niet verwerkt";
    return r;
  }
  o.doc = v.doc.get();
  o.kop = ijw::lees_kop(o.doc);
  Status st = store_.unit_begin();
  if (!st.ok()) return fout(st);
  const bool xsd_fout = std::any_of(
      v.findings.begin(), v.findings.end(),
      [](const ijw::Finding& f) { return f.regelcode == "XSD" || f.regelcode == "XML"; });
  if (xsd_fout) {
    st = detail::verwerk_onleesbaar(o, v.findings, r);
  } else if (o.type == ijw::Berichttype::JW302) {
    st = detail::verwerk_jw302(o, v.findings, r);
  } else if (!v.bericht) {
    st = detail::verwerk_onleesbaar(o, v.findings, r);
  } else {
    st = std::visit(
        [&](const auto& m) -> Status {
          using T = std::decay_t<decltype(m)>;
          if constexpr (std::is_same_v<T, ijw::Jw301>)
            return detail::verwerk_jw301(o, m, v.findings, r);
          else if constexpr (std::is_same_v<T, ijw::Jw305>)
            return detail::verwerk_jw305(o, m, v.findings, r);
          else if constexpr (std::is_same_v<T, ijw::Jw307>)
            return detail::verwerk_jw307(o, m, v.findings, r);
          else if constexpr (std::is_same_v<T, ijw::Jw315>)
            return detail::verwerk_jw315(o, m, v.findings, r);
          else
            return detail::verwerk_jw323(o, m, v.findings, r);
        },
        *v.bericht);
  }
  if (!st.ok()) {
    store_.unit_rollback();
    return fout(st);
  }
  st = store_.unit_commit();
  if (!st.ok()) {
    store_.unit_rollback();
    return fout(st);
  }
  return r;
}

Status Importer::import_paden(const std::vector<std::filesystem::path>& paden) {
  auto files = verzamel_bestanden(paden);
  if (!files.ok()) return files.status();
  JR_RETURN_IF_ERROR(store_.begin());
  auto run = store_.start_import_run(options_.bron);
  if (!run.ok()) {
    store_.rollback();
    return run.status();
  }
  Status st = store_.commit();
  if (!st.ok()) return st;
  run_id_ = *run;
  Status eerste;
  const ijw::XmlLimits& limits = validator_.limits();
  for (const auto& f : *files) {
    auto bytes = ijw::read_file_limited(f.string(), limits.max_bytes);
    if (!bytes.ok()) {
      BerichtResultaat r;
      r.bron = f.string();
      r.uitkomst = Uitkomst::afgekeurd;
      r.melding = "niet gelezen: " + bytes.status().message();
      tel(r);
      continue;
    }
    BerichtResultaat r = import_bytes(*bytes, f.string());
    if (r.uitkomst == Uitkomst::fout) {
      // Later messages may depend on this one (a stop on its start): stop here, so that
      // importing the same files again after the cause is fixed gives the same result.
      eerste = Status(StatusCode::kUnavailable, f.string() + ": " + r.melding +
                                                    " (import afgebroken; opnieuw importeren "
                                                    "verwerkt alleen wat nog ontbreekt)");
      break;
    }
  }
  st = flush();
  if (!st.ok() && eerste.ok()) eerste = st;
  // Close the run record with the counters.
  store::ImportTellers t;
  for (const auto& [_, tt] : samenvatting_.per_type) {
    t.ontvangen += tt.ontvangen;
    t.geaccepteerd += tt.geaccepteerd + tt.deels;
    t.afgekeurd += tt.afgekeurd;
    t.overgeslagen += tt.overgeslagen;
  }
  st = store_.begin();
  if (st.ok()) {
    st = store_.sluit_import_run(*run_id_, t);
    if (st.ok())
      st = store_.commit();
    else
      store_.rollback();
  }
  if (!st.ok() && eerste.ok()) eerste = st;
  return eerste;
}

Result<std::vector<std::filesystem::path>> verzamel_bestanden(
    const std::vector<std::filesystem::path>& paden) {
  std::vector<std::filesystem::path> out;
  for (const auto& p : paden) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> in_map;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".xml")
          in_map.push_back(it->path());
      }
      if (ec) return Unavailable("map kon niet gelezen worden: " + p.string());
      std::sort(in_map.begin(), in_map.end());
      out.insert(out.end(), in_map.begin(), in_map.end());
    } else if (std::filesystem::exists(p, ec)) {
      out.push_back(p);
    } else {
      return NotFound("bestand of map bestaat niet: " + p.string());
    }
  }
  return out;
}

}  // namespace jr::import
