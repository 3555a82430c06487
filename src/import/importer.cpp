#include "import/importer.h"

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "domain/tar.h"
#include "ijw/retour.h"
#include "import/verwerking.h"
#include "store/keyring.h"
#include "store/verpakking.h"

namespace jr::import {
namespace {

using store::sha256_hex;

std::string veilig(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return out.substr(0, 40);
}

bool is_archief(const std::filesystem::path& p) { return p.string().ends_with(".tar.gz"); }

// The whole decompressed archive; at most `max` bytes.
Result<std::string> lees_gz(const std::filesystem::path& p, size_t max) {
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return Unavailable("archief kon niet geopend worden: " + p.string());
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max) {
      gzclose(f);
      return InvalidArgument("archief te groot: " + p.string());
    }
  }
  const bool fout = n < 0 || gzdirect(f);  // gzdirect: not gzip at all, read as is
  gzclose(f);
  if (fout) return InvalidArgument("archief is geen geldig gzip-bestand: " + p.string());
  return out;
}

// Largest decompressed day archive accepted.
constexpr size_t kMaxArchief = size_t{4} << 30;

bool importeerbaar(ijw::Berichttype t) {
  using B = ijw::Berichttype;
  return t == B::JW301 || t == B::JW302 || t == B::JW305 || t == B::JW307 || t == B::JW315 ||
         t == B::JW323;
}

}  // namespace

// A message read ahead of the store: its bytes, hash and (when validated ahead) verdict.
struct Importer::Voorbereid {
  std::string bron;
  std::shared_ptr<const std::string> buffer;  // owns `bytes` (a file or a whole archive)
  std::string_view bytes;
  std::string sha256;
  std::string zstd;  // `bytes` compressed ahead (reader thread); empty: the store compresses
  std::optional<ijw::Validatie> validatie;  // nullopt: validated after the duplicate check
  Status leesfout;  // the file could not be read: rejected as unread, the run goes on
  Status fataal;    // a broken archive: the run stops here
};

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
    : store_(store),
      validator_(validator),
      clock_(clock),
      options_(std::move(options)),
      catalogus_(std::make_unique<detail::CatalogusCache>()),
      toewijzingen_(std::make_unique<detail::ToewijzingCache>()) {
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
  Voorbereid p;
  p.bron = std::string(bron);
  p.bytes = bytes;
  p.sha256 = sha256_hex(bytes);
  return import_voorbereid(p);
}

BerichtResultaat Importer::import_voorbereid(Voorbereid& p) {
  BerichtResultaat r = verwerk(p);
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
  if (!st.ok()) toewijzingen_->leeg();  // the batch is gone, and what it wrote
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

BerichtResultaat Importer::verwerk(Voorbereid& p) {
  const std::string_view bytes = p.bytes;
  BerichtResultaat r;
  r.bron = p.bron;
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
    catalogus_->leeg();
    // The toewijzingen stay known across batches unless another connection has written since
    // (or there are so many that memory matters more).
    auto versie = store_.data_versie();
    if (!versie.ok()) return fout(versie.status());
    if (*versie != data_versie_ || toewijzingen_->grootte() > kToewijzingenMax)
      toewijzingen_->leeg();
    data_versie_ = *versie;
  }
  detail::Ontvangst o{.store = store_,
                      .clock = clock_,
                      .type = ijw::Berichttype::JW301,
                      .bytes = bytes,
                      .sha256 = p.sha256,
                      .bytes_zstd = p.zstd,
                      .kop = {},
                      .doc = nullptr,
                      .import_id = run_id_,
                      .standaard_dir = validator_.schemas().standaard_dir(),
                      .schemas = &validator_.schemas(),
                      .catalogus = catalogus_.get(),
                      .toewijzingen = toewijzingen_.get()};
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
  if (!p.validatie) p.validatie = validator_.validate(bytes);
  ijw::Validatie& v = *p.validatie;
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
    toewijzingen_->leeg();  // may hold what the unit wrote
    return fout(st);
  }
  st = store_.unit_commit();
  if (!st.ok()) {
    store_.unit_rollback();
    toewijzingen_->leeg();
    return fout(st);
  }
  return r;
}

namespace {

// Reads the files in order (the *.xml members of archives in archive order) and hands each
// message to `emit`, with its hash and, when `validator` is given, its validation. Stops when
// emit returns false, and after a broken archive (emitted with `fataal`).
template <class Item>
void lees_voor(const std::vector<std::filesystem::path>& files, size_t max_bytes,
               ijw::Validator* validator, const std::function<bool(Item&&)>& emit) {
  auto bereid = [&](Item& p) {
    p.sha256 = sha256_hex(p.bytes);
    if (validator) {
      p.validatie = validator->validate(p.bytes);
      p.zstd = store::comprimeer(p.bytes);
    }
  };
  for (const auto& f : files) {
    if (is_archief(f)) {
      auto inhoud = lees_gz(f, kMaxArchief);
      std::vector<TarMember> leden;
      if (inhoud.ok()) {
        auto l = tar_members(*inhoud);
        if (l.ok())
          leden = std::move(*l);
        else
          inhoud = InvalidArgument(f.string() + ": " + l.status().message());
      }
      if (!inhoud.ok()) {
        Item p;
        p.bron = f.string();
        p.fataal = inhoud.status();
        emit(std::move(p));
        return;
      }
      auto buffer = std::make_shared<const std::string>(std::move(*inhoud));
      // The members' views point into the moved string's unchanged heap buffer.
      for (const auto& lid : leden) {
        if (!lid.name.ends_with(".xml")) continue;
        Item p;
        p.bron = f.string() + ":" + lid.name;
        p.buffer = buffer;
        p.bytes = lid.content;
        bereid(p);
        if (!emit(std::move(p))) return;
      }
      continue;
    }
    Item p;
    p.bron = f.string();
    auto bytes = ijw::read_file_limited(f.string(), max_bytes);
    if (!bytes.ok()) {
      p.leesfout = bytes.status();
    } else {
      p.buffer = std::make_shared<const std::string>(std::move(*bytes));
      p.bytes = *p.buffer;
      bereid(p);
    }
    if (!emit(std::move(p))) return;
  }
}

}  // namespace

Status Importer::importeer_bestanden(const std::vector<std::filesystem::path>& files) {
  Status eerste;
  // Applies one read message; false when the run has to stop.
  auto pas_toe = [&](Voorbereid& p) {
    if (!p.fataal.ok()) {
      eerste = p.fataal;
      return false;
    }
    if (!p.leesfout.ok()) {
      BerichtResultaat r;
      r.bron = p.bron;
      r.uitkomst = Uitkomst::afgekeurd;
      r.melding = "niet gelezen: " + p.leesfout.message();
      tel(r);
      return true;
    }
    BerichtResultaat r = import_voorbereid(p);
    if (r.uitkomst == Uitkomst::fout) {
      // Later messages may depend on this one (a stop on its start): stop here, so that
      // importing the same files again after the cause is fixed gives the same result.
      eerste = Status(StatusCode::kUnavailable, p.bron + ": " + r.melding +
                                                    " (import afgebroken; opnieuw importeren "
                                                    "verwerkt alleen wat nog ontbreekt)");
      return false;
    }
    return true;
  };
  const size_t max_bytes = validator_.limits().max_bytes;
  std::unique_ptr<ijw::Validator> tweede;
  if (options_.parallel) {
    auto v = ijw::Validator::create(validator_.schemas().standaard_dir(), validator_.limits());
    if (v.ok()) tweede = std::move(*v);
  }
  if (!tweede) {
    lees_voor<Voorbereid>(files, max_bytes, nullptr, [&](Voorbereid&& p) { return pas_toe(p); });
    return eerste;
  }
  // Two threads: the reader fills a bounded queue; this thread applies in order. Documents
  // are freed on the reader's thread, whose parser dictionary their names live in.
  struct Rij {
    std::mutex m;
    std::condition_variable cv;
    std::deque<Voorbereid> wachtend;
    std::vector<Voorbereid> afval;
    bool klaar = false;
    bool stop = false;
  } rij;
  constexpr size_t kDiepte = 64;
  std::thread lezer([&] {
    lees_voor<Voorbereid>(files, max_bytes, tweede.get(), [&](Voorbereid&& p) {
      std::vector<Voorbereid> weg;
      {
        std::unique_lock lock(rij.m);
        rij.cv.wait(lock, [&] { return rij.stop || rij.wachtend.size() < kDiepte; });
        if (rij.stop) return false;
        rij.wachtend.push_back(std::move(p));
        weg.swap(rij.afval);
      }
      rij.cv.notify_all();
      return true;  // `weg` is freed here, on this thread
    });
    {
      std::lock_guard lock(rij.m);
      rij.klaar = true;
    }
    rij.cv.notify_all();
  });
  while (true) {
    Voorbereid p;
    {
      std::unique_lock lock(rij.m);
      rij.cv.wait(lock, [&] { return rij.klaar || !rij.wachtend.empty(); });
      if (rij.wachtend.empty()) break;
      p = std::move(rij.wachtend.front());
      rij.wachtend.pop_front();
    }
    rij.cv.notify_all();
    const bool verder = pas_toe(p);
    {
      std::lock_guard lock(rij.m);
      rij.afval.push_back(std::move(p));
      if (!verder) rij.stop = true;
    }
    if (!verder) {
      rij.cv.notify_all();
      break;
    }
  }
  lezer.join();
  // The reader has ended: what it left is freed here (its parser context is gone with it).
  rij.afval.clear();
  rij.wachtend.clear();
  return eerste;
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
  Status eerste = importeer_bestanden(*files);
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
        if (it->is_regular_file(ec) && (it->path().extension() == ".xml" || is_archief(it->path())))
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
