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
         t == B::JW317 || t == B::JW320 || t == B::JW323;
}

// The header of a message as its sender wrote it for itself: a retour repeats the header of
// the message it answers, so its own sender is the Ontvanger there (ijw::lees_retour_kop).
ijw::HeenKop kop_van(ijw::Berichttype type, const xmlDoc* doc) {
  return ijw::herhaalt_heenkop(type) ? ijw::lees_retour_kop(doc) : ijw::lees_kop(doc);
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
  bool hier_gevalideerd = false;            // validated on the calling (store) thread, by verwerk
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
    case Uitkomst::andere_afzender:
      return "andereAfzender";
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
    case Uitkomst::andere_afzender:  // counted as refused: it was not taken
      ++t.afgekeurd;
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
  vastgelegd_ += static_cast<int64_t>(batch.size());
  if (options_.na_batch) options_.na_batch(vastgelegd_);
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
    // Keys written by another connection are not in the filters: ask the store from now on.
    if (filters_ && *versie != filter_versie_) filters_.reset();
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
                      .toewijzingen = toewijzingen_.get(),
                      .filters = filters_.get()};
  // An aanbieder's upload takes only its own messages: the Afzender is checked before anything
  // else, so that another aanbieder's message is neither stored nor recognised as stored.
  if (options_.afzender) {
    if (!p.validatie) {
      p.validatie = validator_.validate(bytes);
      p.hier_gevalideerd = true;
      ++samenvatting_.gevalideerd;
    }
    const ijw::Validatie& v0 = *p.validatie;
    const xmlDoc* d0 = v0.doc.get();
    if (d0 &&
        (v0.type ? kop_van(*v0.type, d0) : ijw::lees_kop(d0)).afzender != *options_.afzender) {
      r.uitkomst = Uitkomst::andere_afzender;
      if (v0.type) r.berichttype = std::string(ijw::naam(*v0.type));
      r.melding = "de Afzender van het bericht is niet de aanbieder " + *options_.afzender;
      return r;
    }
  }
  // The same bytes stored before (either direction): skipped. The run's filter answers
  // "certainly not" for nearly every new message without a query.
  if (!filters_ || filters_->misschien(store::ImportSleutel::inhoud, o.sha256)) {
    auto eerder = store_.zoek_bericht_inhoud(o.sha256);
    if (!eerder.ok()) return fout(eerder.status());
    if (*eerder) {
      r.uitkomst = Uitkomst::overgeslagen;
      r.bericht_id = (*eerder)->id;
      r.berichttype = (*eerder)->berichttype;
      return r;
    }
  }
  if (!p.validatie) {
    p.validatie = validator_.validate(bytes);
    p.hier_gevalideerd = true;
    ++samenvatting_.gevalideerd;
  }
  ijw::Validatie& v = *p.validatie;
  if (!v.fout.ok()) {
    if (v.type && v.fout.code() != StatusCode::kInvalidArgument) return fout(v.fout);
    r.uitkomst = Uitkomst::afgekeurd;
    r.onleesbaar = true;
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
  o.kop = kop_van(o.type, o.doc);
  Status st = store_.unit_begin();
  if (!st.ok()) return fout(st);
  const bool xsd_fout = std::any_of(
      v.findings.begin(), v.findings.end(),
      [](const ijw::Finding& f) { return f.regelcode == "XSD" || f.regelcode == "XML"; });
  if (xsd_fout) {
    st = detail::verwerk_onleesbaar(o, v.findings, r);
  } else if (o.type == ijw::Berichttype::JW302 || o.type == ijw::Berichttype::JW320) {
    st = detail::verwerk_ontvangst(o, v.findings, r);
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
          else if constexpr (std::is_same_v<T, ijw::Jw317>)
            return detail::verwerk_jw317(o, m, v.findings, r);
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
// message's bytes to `emit`. Stops when emit returns false, and after a broken archive
// (emitted with `fataal`).
template <class Item>
void lees_voor(const std::vector<std::filesystem::path>& files, size_t max_bytes,
               const std::function<bool(Item&&)>& emit) {
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
    if (p.validatie) ++samenvatting_.gevalideerd;  // validated ahead
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
  // Validators of the threads that parse ahead, one each.
  std::vector<std::unique_ptr<ijw::Validator>> validators;
  if (options_.parallel) {
    size_t n = options_.werkers;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    for (size_t i = 0; i < n; ++i) {
      auto v = ijw::Validator::create(validator_.schemas().standaard_dir(), validator_.limits());
      if (!v.ok()) break;
      validators.push_back(std::move(*v));
    }
  }
  if (validators.empty()) {
    lees_voor<Voorbereid>(files, max_bytes, [&](Voorbereid&& p) {
      if (p.fataal.ok() && p.leesfout.ok()) p.sha256 = sha256_hex(p.bytes);
      return pas_toe(p);
    });
    return eerste;
  }
  // What was stored when the run began: a message the filter may know is not parsed ahead
  // (the store thread looks it up, and parses it itself only when it was not stored after
  // all). A copy: the run's own filters change as it writes.
  std::optional<detail::KeyFilter> bij_start;
  if (filters_) bij_start = filters_->filter(store::ImportSleutel::inhoud);
  // One thread reads files and archives into a bounded queue in stream order; the workers
  // hash, parse, validate and compress whichever message is next to do; this thread takes
  // them in stream order and does all the store work. A document is freed on the worker
  // that parsed it (its names live in that worker's parser dictionary).
  struct Taak {
    Voorbereid p;
    bool klaar = false;
    size_t werker = 0;
  };
  struct Rij {
    std::mutex m;
    // Each thread waits on its own condition and is woken only when it can go on: the
    // reader when the queue is no longer full, a worker when there is work, this thread when
    // the next message in stream order is done.
    std::condition_variable lezer, werk, schrijver;
    std::deque<std::unique_ptr<Taak>> volgorde;  // stream order
    std::deque<Taak*> te_doen;                   // not yet taken by a worker
    std::vector<std::vector<Voorbereid>> afval;  // per worker: to be freed there
    bool gelezen = false;
    bool stop = false;
  } rij;
  rij.afval.resize(validators.size());
  const size_t diepte = 32 * validators.size() + 32;
  auto stop_alles = [&] {
    rij.lezer.notify_all();
    rij.werk.notify_all();
    rij.schrijver.notify_all();
  };
  std::thread lezer([&] {
    lees_voor<Voorbereid>(files, max_bytes, [&](Voorbereid&& p) {
      auto t = std::make_unique<Taak>();
      t->p = std::move(p);
      {
        std::unique_lock lock(rij.m);
        rij.lezer.wait(lock, [&] { return rij.stop || rij.volgorde.size() < diepte; });
        if (rij.stop) return false;
        rij.te_doen.push_back(t.get());
        rij.volgorde.push_back(std::move(t));
      }
      rij.werk.notify_one();
      return true;
    });
    {
      std::lock_guard lock(rij.m);
      rij.gelezen = true;
    }
    stop_alles();
  });
  std::vector<std::thread> werkers;
  for (size_t w = 0; w < validators.size(); ++w) {
    werkers.emplace_back([&, w] {
      ijw::Validator& v = *validators[w];
      while (true) {
        Taak* t = nullptr;
        std::vector<Voorbereid> weg;
        {
          std::unique_lock lock(rij.m);
          rij.werk.wait(lock, [&] { return rij.stop || rij.gelezen || !rij.te_doen.empty(); });
          weg.swap(rij.afval[w]);
          if (rij.stop || rij.te_doen.empty()) break;  // `weg` is freed on leaving
          t = rij.te_doen.front();
          rij.te_doen.pop_front();
        }
        weg.clear();
        Voorbereid& p = t->p;
        if (p.fataal.ok() && p.leesfout.ok()) {
          p.sha256 = sha256_hex(p.bytes);
          if (!bij_start || !bij_start->may_contain(detail::RunFilters::hash(p.sha256))) {
            p.validatie = v.validate(p.bytes);
            p.zstd = store::comprimeer(p.bytes);
          }
        }
        bool vooraan;
        {
          std::lock_guard lock(rij.m);
          t->klaar = true;
          t->werker = w;
          vooraan = rij.volgorde.front().get() == t;
        }
        if (vooraan) rij.schrijver.notify_one();
      }
    });
  }
  while (true) {
    std::unique_ptr<Taak> t;
    bool was_vol;
    {
      std::unique_lock lock(rij.m);
      rij.schrijver.wait(lock, [&] {
        return (!rij.volgorde.empty() && rij.volgorde.front()->klaar) ||
               (rij.gelezen && rij.volgorde.empty());
      });
      if (rij.volgorde.empty()) break;
      was_vol = rij.volgorde.size() >= diepte;
      t = std::move(rij.volgorde.front());
      rij.volgorde.pop_front();
    }
    if (was_vol) rij.lezer.notify_one();
    const bool verder = pas_toe(t->p);
    // A document parsed here (not ahead) is freed here, with this thread's dictionary.
    if (t->p.hier_gevalideerd) t->p.validatie.reset();
    {
      std::lock_guard lock(rij.m);
      rij.afval[t->werker].push_back(std::move(t->p));
      if (!verder) rij.stop = true;
    }
    if (!verder) {
      stop_alles();
      break;
    }
  }
  lezer.join();
  for (auto& w : werkers) w.join();
  // The workers have ended: what they left is freed here (their parser contexts are gone).
  rij.afval.clear();
  rij.volgorde.clear();
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
  // The keys the rules look up, read once for the run (see detail::RunFilters). Without
  // them (a store error) every rule asks the store, as import_bytes does.
  auto versie = store_.data_versie();
  if (versie.ok()) {
    filters_ = std::make_unique<detail::RunFilters>();
    filter_versie_ = *versie;
    if (!filters_->laad(store_).ok()) filters_.reset();
  }
  Status eerste = importeer_bestanden(*files);
  filters_.reset();
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
