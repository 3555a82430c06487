// Per-type processing of received iJw messages: the berichtoverstijgende rules of
// regels-ijw-3.2 that need stored state, the writes, and the retour message.
#include "import/verwerking.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "ijw/xml.h"

namespace jr::import::detail {
namespace {

using ijw::Finding;
using ijw::Findings;
using store::ToewijzingRecord;

std::string idx(size_t i) { return "[" + std::to_string(i + 1) + "]"; }

// Where a finding belongs, from its xpath ("/Bericht/Client/StartProducten/StartProduct[2]/...").
struct Plek {
  enum Soort { in_kop, in_client, in_product, in_declaratie } soort = in_kop;
  size_t client = 0;
  size_t product = 0;
};

// The 0-based index after "/<el>[" in `xpath`; 0 for "/<el>" without an index; nullopt when
// `el` does not occur.
std::optional<size_t> index_van(std::string_view xpath, std::string_view el) {
  std::string pat = "/" + std::string(el);
  size_t pos = 0;
  while ((pos = xpath.find(pat, pos)) != std::string_view::npos) {
    size_t end = pos + pat.size();
    if (end == xpath.size() || xpath[end] == '/') return 0;
    if (xpath[end] == '[') {
      size_t n = 0;
      size_t i = end + 1;
      while (i < xpath.size() && xpath[i] >= '0' && xpath[i] <= '9')
        n = n * 10 + static_cast<size_t>(xpath[i++] - '0');
      return n > 0 ? n - 1 : 0;
    }
    pos = end;
  }
  return std::nullopt;
}

Plek plek_van(std::string_view xpath, std::string_view product_el) {
  Plek p;
  if (xpath.find("/Header") != std::string_view::npos) return p;
  if (auto pi = index_van(xpath, product_el)) {
    p.soort = Plek::in_product;
    p.product = *pi;
    p.client = index_van(xpath, "Client").value_or(0);
    return p;
  }
  if (auto ci = index_van(xpath, "Client")) {
    p.soort = Plek::in_client;
    p.client = *ci;
    return p;
  }
  if (xpath.find("/Declaratie") != std::string_view::npos) p.soort = Plek::in_declaratie;
  return p;
}

ijw::Codes codes_van(const Findings& f) {
  ijw::Codes c;
  for (const auto& x : f) c.push_back(x.retourcode);
  return c;
}

std::string findings_json(const Findings& f) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& x : f)
    a.push_back({{"regelcode", x.regelcode},
                 {"retourcode", x.retourcode},
                 {"xpath", x.xpath},
                 {"melding", x.melding}});
  return a.dump();
}

void append(Findings& to, const Findings& from) { to.insert(to.end(), from.begin(), from.end()); }

std::string_view status_naam(Uitkomst u) {
  switch (u) {
    case Uitkomst::geaccepteerd:
      return "geaccepteerd";
    case Uitkomst::deels:
      return "deels";
    default:
      return "afgekeurd";
  }
}

Uitkomst uitkomst_van(size_t aantal, size_t geaccepteerd) {
  if (aantal > 0 && geaccepteerd == aantal) return Uitkomst::geaccepteerd;
  if (geaccepteerd > 0) return Uitkomst::deels;
  return Uitkomst::afgekeurd;
}

// `met_xml` false: the row is stored without its raw XML, which zet_bericht_uitkomst adds
// together with the outcome, so that the large row is written once.
store::BerichtRecord bericht_record(const Ontvangst& o, std::string_view richting,
                                    std::string_view status, const Findings& f,
                                    bool met_xml = true) {
  store::BerichtRecord b;
  b.richting = std::string(richting);
  b.berichttype = std::string(ijw::naam(o.type));
  b.afzender = o.kop.afzender;
  b.ontvanger = o.kop.ontvanger;
  b.identificatie = o.kop.identificatie;
  b.dagtekening = o.kop.dagtekening;
  b.inhoud_sha256 = o.sha256;
  if (met_xml) b.xml = std::string(o.bytes);
  b.status = std::string(status);
  b.retourcodes = findings_json(f);
  b.import_id = o.import_id;
  return b;
}

// The retour data: the next number of the 'retour' series and today.
Result<ijw::RetourGegevens> retour_gegevens(Ontvangst& o, ijw::Berichttype retour,
                                            std::string_view reeks, char letter) {
  auto n = o.store.volgend_nummer(reeks);
  if (!n.ok()) return n.status();
  ijw::RetourGegevens g;
  g.identificatie = std::string(1, letter) + std::to_string(*n);
  g.dagtekening = o.clock.today();
  g.xsd = ijw::xsd_versie(o.standaard_dir, retour);
  return g;
}

// TR056: Identificatie unique per berichtsoort per afzender.
Status check_tr056(Ontvangst& o, Findings& kop) {
  if (o.filters && !o.filters->misschien(store::ImportSleutel::identificatie,
                                         store::import_sleutel({ijw::naam(o.type), o.kop.afzender,
                                                                o.kop.identificatie})))
    return Status::Ok();  // certainly not received before
  auto bekend =
      o.store.identificatie_bekend(ijw::naam(o.type), o.kop.afzender, o.kop.identificatie);
  if (!bekend.ok()) return bekend.status();
  if (*bekend)
    kop.push_back({"TR056", "9056", "/Bericht/Header/BerichtIdentificatie/Identificatie",
                   "een " + std::string(ijw::naam(o.type)) +
                       " met deze BerichtIdentificatie is van deze afzender al ontvangen"});
  return Status::Ok();
}

// regels-ijw-3.2 TR381 (S329): the ProductCode fits the ProductCategorie by the product code
// list in use: checked when the product catalogue (register import) has that categorie.
Status check_tr381(Ontvangst& o, std::string_view categorie, std::string_view code,
                   const std::string& pad, Findings& f) {
  auto past = o.catalogus ? o.catalogus->in_catalogus(o.store, categorie, code)
                          : o.store.productcode_in_catalogus(categorie, code);
  if (!past.ok()) return past.status();
  if (*past && !**past)
    f.push_back({"TR381", "S329", pad,
                 "ProductCode " + std::string(code) +
                     " past volgens de productcodelijst niet bij "
                     "ProductCategorie " +
                     std::string(categorie)});
  return Status::Ok();
}

Status check_tr381(Ontvangst& o, const std::optional<ijw::Product>& p, const std::string& pad,
                   Findings& f) {
  if (!p || !p->code) return Status::Ok();
  return check_tr381(o, p->categorie, *p->code, pad + "/Product/Code", f);
}

// Findings of the in-message rules, split by class.
struct Verdeling {
  Findings kop;
  Findings client;
  std::vector<Findings> producten;
};

Verdeling verdeel(const Findings& in_bericht, std::string_view product_el, size_t n) {
  Verdeling v;
  v.producten.resize(n);
  for (const auto& f : in_bericht) {
    Plek p = plek_van(f.xpath, product_el);
    if (p.soort == Plek::in_product && p.product < n)
      v.producten[p.product].push_back(f);
    else if (p.soort == Plek::in_client)
      v.client.push_back(f);
    else
      v.kop.push_back(f);
  }
  return v;
}

// The toewijzing a start or stop is about (TR019): made by the receiving gemeente for the
// sending aanbieder and this client. Leaves `t` empty and adds a finding when there is none.
Status koppel_toewijzing(Ontvangst& o, std::optional<int64_t> jeugdige,
                         const std::optional<int64_t>& nummer, const std::string& pad,
                         std::optional<ToewijzingRecord>& t, Findings& f) {
  if (!nummer) {
    f.push_back({"TR019", "9019", pad,
                 "ToewijzingNummer ontbreekt: de levering is niet aan een toewijzing te koppelen"});
    return Status::Ok();
  }
  ToewijzingCache hier;  // when the caller keeps none for the run
  auto r = (o.toewijzingen ? *o.toewijzingen : hier).toewijzing(o.store, o.kop.ontvanger, *nummer);
  if (!r.ok()) return r.status();
  const ToewijzingRecord* gevonden = *r;
  if (!gevonden || gevonden->aanbieder != o.kop.afzender || !jeugdige ||
      gevonden->jeugdige_id != *jeugdige) {
    f.push_back({"TR019", "9019", pad + "/ToewijzingNummer",
                 "er is geen toewijzing met ToewijzingNummer " + std::to_string(*nummer) +
                     " van deze gemeente aan deze aanbieder voor deze client"});
    return Status::Ok();
  }
  t = *gevonden;
  return Status::Ok();
}

using store::ImportSleutel;

std::string levering_sleutel(int64_t jeugdige, int64_t nummer) {
  return store::import_sleutel({std::to_string(jeugdige), std::to_string(nummer)});
}

// Store::starts (stop false) or Store::stops of the sending aanbieder, without asking the
// store when the run's filter knows there are none.
Result<std::vector<store::LeveringRecord>> leveringen(Ontvangst& o, bool stop, int64_t jeugdige,
                                                      int64_t nummer) {
  if (o.filters && !o.filters->misschien(stop ? ImportSleutel::stop : ImportSleutel::start,
                                         levering_sleutel(jeugdige, nummer)))
    return std::vector<store::LeveringRecord>{};
  return stop ? o.store.stops(o.kop.afzender, jeugdige, nummer)
              : o.store.starts(o.kop.afzender, jeugdige, nummer);
}

// Store::bewaar_levering, and its key into the run's filter.
Result<int64_t> bewaar_levering(Ontvangst& o, const store::LeveringRecord& l) {
  auto id = o.store.bewaar_levering(l);
  if (id.ok() && o.filters && l.toewijzing_nummer)
    o.filters->voeg_toe(l.einddatum ? ImportSleutel::stop : ImportSleutel::start,
                        levering_sleutel(l.jeugdige_id, *l.toewijzing_nummer));
  return id;
}

// Store::zoek_prestatie of the sending aanbieder, unless the run's filter knows it is not there.
Result<std::optional<store::PrestatieRecord>> zoek_prestatie(Ontvangst& o,
                                                             std::string_view referentie) {
  if (o.filters && !o.filters->misschien(ImportSleutel::prestatie,
                                         store::import_sleutel({o.kop.afzender, referentie})))
    return std::optional<store::PrestatieRecord>();
  return o.store.zoek_prestatie(o.kop.afzender, referentie);
}

std::string debet_sleutel(std::string_view aanbieder, int64_t nummer, Date begin,
                          std::string_view categorie, std::string_view code) {
  return store::import_sleutel({aanbieder, std::to_string(nummer), begin.iso(), categorie, code});
}

// Store::debet_prestaties of the sending aanbieder, unless the run's filter knows there are none.
Result<std::vector<std::string>> debet_prestaties(Ontvangst& o, int64_t nummer,
                                                  std::string_view categorie, std::string_view code,
                                                  Date begin) {
  if (o.filters &&
      !o.filters->misschien(ImportSleutel::debet,
                            debet_sleutel(o.kop.afzender, nummer, begin, categorie, code)))
    return std::vector<std::string>{};
  return o.store.debet_prestaties(o.kop.afzender, nummer, categorie, code, begin);
}

// Store::bewaar_prestatie, and an accepted one's keys into the run's filters.
Result<int64_t> bewaar_prestatie(Ontvangst& o, const store::PrestatieRecord& p) {
  auto id = o.store.bewaar_prestatie(p);
  if (id.ok() && o.filters && p.toegekend) {
    o.filters->voeg_toe(ImportSleutel::prestatie,
                        store::import_sleutel({p.aanbieder, p.referentie_nummer}));
    o.filters->voeg_toe(
        ImportSleutel::debet,
        debet_sleutel(p.aanbieder, p.toewijzing_nummer, p.begindatum, p.categorie, p.productcode));
  }
  return id;
}

// The jeugdige a JW305/JW307 is about, when known (found by BSN and geboortedatum).
Result<std::optional<int64_t>> bekende_jeugdige(Ontvangst& o, const std::string& bsn,
                                                Date geboren) {
  auto j = o.store.zoek_jeugdige(bsn, geboren);
  if (j.ok()) return std::optional<int64_t>(*j);
  if (j.status().code() == StatusCode::kNotFound) return std::optional<int64_t>();
  return j.status();
}

// The common flow of JW305, JW307 and JW315: header rules, the message row, the client,
// each product by `product_fn`, the retour, the outcome.
template <class ClientFn, class ProductFn>
Status verwerk_met_retour(Ontvangst& o, size_t aantal, std::string_view product_el,
                          const Findings& in_bericht, ClientFn client_fn, ProductFn product_fn,
                          BerichtResultaat& r) {
  Verdeling v = verdeel(in_bericht, product_el, aantal);
  if (v.kop.empty()) JR_RETURN_IF_ERROR(check_tr056(o, v.kop));
  ijw::Berichttype retour_type = *ijw::retour_van(o.type);
  r.retour_type = std::string(ijw::naam(retour_type));
  ijw::Oordeel oordeel;
  size_t geaccepteerd = 0;
  auto bericht = bewaar_bericht(o, bericht_record(o, "in", "afgekeurd", {}, false));
  if (!bericht.ok()) return bericht.status();
  r.bericht_id = *bericht;
  if (!v.kop.empty()) {
    oordeel.header = codes_van(v.kop);
    oordeel.alleen_header = true;
    append(r.findings, v.kop);
  } else {
    if (v.client.empty()) JR_RETURN_IF_ERROR(client_fn(v.client));
    oordeel.client = codes_van(v.client);
    append(r.findings, v.client);
    oordeel.producten.resize(aantal);
    for (size_t i = 0; i < aantal; ++i) {
      Findings f = v.producten[i];
      if (v.client.empty() && f.empty()) JR_RETURN_IF_ERROR(product_fn(i, *bericht, f));
      if (f.empty() && v.client.empty()) ++geaccepteerd;
      oordeel.producten[i] = codes_van(f);
      append(r.findings, f);
    }
  }
  r.uitkomst = uitkomst_van(aantal, geaccepteerd);
  auto g = retour_gegevens(o, retour_type, "retour", 'R');
  if (!g.ok()) return g.status();
  auto xml = ijw::bouw_retour(o.type, o.doc, oordeel, *g);
  if (xml.ok())
    r.retour_xml = std::move(*xml);
  else
    r.melding = xml.status().message();
  return o.store.zet_bericht_uitkomst(*bericht, status_naam(r.uitkomst), findings_json(r.findings),
                                      r.retour_xml, o.bytes, o.bytes_zstd);
}

const std::string kClient = "/Bericht/Client";

}  // namespace

namespace {
uint64_t mix64(uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}
constexpr size_t kEersteLaag = size_t{1} << 16;  // keys in the first layer
constexpr int kProbes = 6;                       // with 16 bits a key: ~0.1 % false "perhaps"
}  // namespace

void KeyFilter::add(uint64_t h) {
  if (layers_.empty() || layers_.back().n >= layers_.back().capacity) {
    Layer l;
    l.capacity = layers_.empty() ? kEersteLaag : layers_.back().capacity * 2;
    l.bits.assign(l.capacity * 16 / 64, 0);
    layers_.push_back(std::move(l));
  }
  Layer& l = layers_.back();
  const uint64_t mask = l.bits.size() * 64 - 1;
  const uint64_t h2 = mix64(h) | 1;
  for (int i = 0; i < kProbes; ++i) {
    const uint64_t b = (h + static_cast<uint64_t>(i) * h2) & mask;
    l.bits[b >> 6] |= uint64_t{1} << (b & 63);
  }
  ++l.n;
  ++n_;
}

bool KeyFilter::may_contain(uint64_t h) const {
  const uint64_t h2 = mix64(h) | 1;
  for (const Layer& l : layers_) {
    const uint64_t mask = l.bits.size() * 64 - 1;
    bool alle = true;
    for (int i = 0; i < kProbes && alle; ++i) {
      const uint64_t b = (h + static_cast<uint64_t>(i) * h2) & mask;
      alle = (l.bits[b >> 6] >> (b & 63)) & 1;
    }
    if (alle) return true;
  }
  return false;
}

size_t KeyFilter::bytes() const {
  size_t n = 0;
  for (const Layer& l : layers_) n += l.bits.size() * sizeof(uint64_t);
  return n;
}

uint64_t RunFilters::hash(std::string_view sleutel) {
  return mix64(std::hash<std::string_view>{}(sleutel));
}

Status RunFilters::laad(store::Store& s) {
  return s.scan_import_sleutels(
      [this](store::ImportSleutel soort, std::string_view sleutel) { voeg_toe(soort, sleutel); });
}

size_t RunFilters::bytes() const {
  size_t n = 0;
  for (const KeyFilter& f : filters_) n += f.bytes();
  return n;
}

Result<int64_t> bewaar_bericht(Ontvangst& o, const store::BerichtRecord& b) {
  auto id = o.store.bewaar_bericht(b);
  if (id.ok() && o.filters) {
    o.filters->voeg_toe(store::ImportSleutel::inhoud, b.inhoud_sha256);
    o.filters->voeg_toe(store::ImportSleutel::identificatie,
                        store::import_sleutel({b.berichttype, b.afzender, b.identificatie}));
  }
  return id;
}

Result<std::optional<bool>> CatalogusCache::in_catalogus(store::Store& s,
                                                         std::string_view categorie,
                                                         std::string_view code) {
  std::string key = std::string(categorie) + '\x1f' + std::string(code);
  auto it = in_catalogus_.find(key);
  if (it != in_catalogus_.end()) return it->second;
  auto r = s.productcode_in_catalogus(categorie, code);
  if (r.ok()) in_catalogus_.emplace(std::move(key), *r);
  return r;
}

Result<std::optional<store::CatalogusProduct>> CatalogusCache::product(store::Store& s,
                                                                       std::string_view categorie,
                                                                       std::string_view code,
                                                                       Date datum) {
  std::string key = std::string(categorie) + '\x1f' + std::string(code) + '\x1f' + datum.iso();
  auto it = product_.find(key);
  if (it != product_.end()) return it->second;
  auto r = s.zoek_product(categorie, code, datum);
  if (r.ok()) product_.emplace(std::move(key), *r);
  return r;
}

std::string ToewijzingCache::sleutel(std::string_view gemeente, int64_t nummer) {
  std::string key(gemeente);
  key += '\x1f';
  key += std::to_string(nummer);
  return key;
}

Result<const ToewijzingRecord*> ToewijzingCache::toewijzing(store::Store& s,
                                                            std::string_view gemeente,
                                                            int64_t nummer) {
  std::string key = sleutel(gemeente, nummer);
  auto it = toewijzingen_.find(key);
  if (it == toewijzingen_.end()) {
    auto r = s.zoek_toewijzing(gemeente, nummer);
    if (!r.ok()) return r.status();
    it = toewijzingen_.emplace(std::move(key), std::move(*r)).first;
  }
  return it->second ? &*it->second : nullptr;
}

void ToewijzingCache::vergeet(std::string_view gemeente, int64_t nummer) {
  auto it = toewijzingen_.find(sleutel(gemeente, nummer));
  if (it == toewijzingen_.end()) return;
  if (it->second) sommen_.erase(it->second->id);
  toewijzingen_.erase(it);
}

Result<store::Store::Som> ToewijzingCache::som(store::Store& s, int64_t toewijzing_id) {
  auto it = sommen_.find(toewijzing_id);
  if (it == sommen_.end()) {
    auto r = s.som_prestaties(toewijzing_id);
    if (!r.ok()) return r.status();
    it = sommen_.emplace(toewijzing_id, *r).first;
  }
  return it->second;
}

void ToewijzingCache::tel_bij(int64_t toewijzing_id, int64_t volume, int64_t bedrag_cent) {
  auto it = sommen_.find(toewijzing_id);
  if (it == sommen_.end()) return;  // read from the store when first asked
  it->second.volume += volume;
  it->second.bedrag_cent += bedrag_cent;
}

int64_t toegestaan_volume(int64_t volume, std::string_view frequentie, Date begin, Date eind) {
  int64_t dagen = std::max<int64_t>(0, days_between(begin, eind) + 1);
  if (frequentie == "1") return volume * dagen;
  if (frequentie == "2") return volume * ((dagen + 6) / 7);
  if (frequentie == "4") {
    int64_t maanden = (static_cast<int64_t>(eind.year()) * 12 + eind.month()) -
                      (static_cast<int64_t>(begin.year()) * 12 + begin.month()) + 1;
    return volume * std::max<int64_t>(0, maanden);
  }
  return volume;  // 6: totaal binnen geldigheidsduur toewijzing
}

Status verwerk_onleesbaar(Ontvangst& o, const Findings& findings, BerichtResultaat& r) {
  r.uitkomst = Uitkomst::afgekeurd;
  r.findings = findings;
  store::BerichtRecord b =
      bericht_record(o, o.type == ijw::Berichttype::JW301 ? "uit" : "in", "afgekeurd", findings);
  auto terug = ijw::retour_van(o.type);
  bool retour = o.type == ijw::Berichttype::JW305 || o.type == ijw::Berichttype::JW307 ||
                o.type == ijw::Berichttype::JW315 || o.type == ijw::Berichttype::JW317 ||
                o.type == ijw::Berichttype::JW323;
  if (retour && terug) {
    r.retour_type = std::string(ijw::naam(*terug));
    ijw::Codes codes = {"0001"};
    Result<ijw::RetourGegevens> g = o.type == ijw::Berichttype::JW323
                                        ? retour_gegevens(o, *terug, "jw325", 'D')
                                        : retour_gegevens(o, *terug, "retour", 'R');
    if (!g.ok()) return g.status();
    std::string xml;
    if (o.type == ijw::Berichttype::JW323) {
      xml = ijw::bouw_jw325_kop(o.kop, codes, *g);
    } else {
      ijw::Oordeel oordeel;
      oordeel.header = codes;
      oordeel.alleen_header = true;
      auto x = ijw::bouw_retour(o.type, o.doc, oordeel, *g);
      if (x.ok()) xml = std::move(*x);
    }
    // The header of an XSD-invalid message may itself be broken (a missing Afzender, a
    // malformed date): only a retour that is valid against its own XSD is sent.
    bool geldig = !xml.empty();
    if (geldig && o.schemas) {
      auto doc = ijw::parse_xml(xml);
      ijw::Findings f;
      geldig = doc.ok() && o.schemas->validate(*terug, doc->get(), f).ok() && f.empty();
    }
    if (geldig)
      r.retour_xml = std::move(xml);
    else
      r.melding = "geen retourbericht mogelijk: de header van het bericht is niet bruikbaar";
  }
  b.retour_xml = r.retour_xml;
  auto id = bewaar_bericht(o, b);
  if (!id.ok()) return id.status();
  r.bericht_id = *id;
  return Status::Ok();
}

// ---- JW305 start levering ----
Status verwerk_jw305(Ontvangst& o, const ijw::Jw305& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  std::optional<int64_t> jeugdige;
  auto client_fn = [&](Findings&) -> Status {
    auto j = bekende_jeugdige(o, m.bsn, m.geboortedatum.datum);
    if (!j.ok()) return j.status();
    jeugdige = *j;
    return Status::Ok();
  };
  auto product_fn = [&](size_t i, int64_t bericht_id, Findings& f) -> Status {
    const ijw::StartProduct& sp = m.producten[i];
    const std::string pad = kClient + "/StartProducten/StartProduct" + idx(i);
    JR_RETURN_IF_ERROR(check_tr381(o, sp.product, pad, f));
    if (!f.empty()) return Status::Ok();
    std::optional<ToewijzingRecord> t;
    JR_RETURN_IF_ERROR(koppel_toewijzing(o, jeugdige, sp.toewijzing_nummer, pad, t, f));
    if (!t) return Status::Ok();
    auto starts = leveringen(o, false, *jeugdige, t->toewijzing_nummer);
    if (!starts.ok()) return starts.status();
    auto stops = leveringen(o, true, *jeugdige, t->toewijzing_nummer);
    if (!stops.ok()) return stops.status();
    auto gestopt = [&](Date begin) {
      return std::any_of(stops->begin(), stops->end(), [&](const store::LeveringRecord& s) {
        return s.actueel && s.begindatum == begin;
      });
    };
    const store::LeveringRecord* zelfde = nullptr;
    for (const auto& s : *starts)
      if (s.actueel && s.begindatum == sp.begindatum) zelfde = &s;
    if (sp.status_aanlevering == "3") {
      // regels-ijw-3.2 TR063, TR071
      if (!zelfde) {
        f.push_back({"TR063", "9063", pad + "/StatusAanlevering",
                     "er is geen eerdere start met deze ToewijzingNummer en Begindatum om te "
                     "verwijderen"});
      } else if (gestopt(sp.begindatum)) {
        f.push_back({"TR071", "9071", pad + "/StatusAanlevering",
                     "deze start kan niet verwijderd worden: er is al een stop voor verstuurd"});
      } else {
        return o.store.trek_levering_in(zelfde->id, false, bericht_id);
      }
      return Status::Ok();
    }
    // regels-ijw-3.2 TR074: the key (client, ToewijzingNummer, Begindatum) is new.
    if (zelfde)
      f.push_back({"TR074", "9074", pad + "/Begindatum",
                   "een start met deze ToewijzingNummer en Begindatum is al ontvangen"});
    // regels-ijw-3.2 TR326: no current (not stopped, not removed) start on the toewijzing.
    bool actueel = std::any_of(starts->begin(), starts->end(), [&](const store::LeveringRecord& s) {
      return s.actueel && !gestopt(s.begindatum) && s.begindatum != sp.begindatum;
    });
    if (actueel)
      f.push_back({"TR326", "9326", pad + "/ToewijzingNummer",
                   "er is al een actuele start (zonder stop) voor deze toewijzing"});
    if (!f.empty()) return Status::Ok();
    store::LeveringRecord l;
    l.bericht_id = bericht_id;
    l.aanbieder = o.kop.afzender;
    l.gemeente = o.kop.ontvanger;
    l.jeugdige_id = *jeugdige;
    l.toewijzing_id = t->id;
    l.toewijzing_nummer = t->toewijzing_nummer;
    if (sp.product) {
      l.categorie = sp.product->categorie;
      l.productcode = sp.product->code;
    } else {
      l.categorie = t->categorie;
      l.productcode = t->productcode;
    }
    l.begindatum = sp.begindatum;
    auto id = bewaar_levering(o, l);
    return id.ok() ? Status::Ok() : id.status();
  };
  return verwerk_met_retour(o, m.producten.size(), "StartProduct", in_bericht, client_fn,
                            product_fn, r);
}

// ---- JW307 stop levering ----
Status verwerk_jw307(Ontvangst& o, const ijw::Jw307& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  std::optional<int64_t> jeugdige;
  auto client_fn = [&](Findings&) -> Status {
    auto j = bekende_jeugdige(o, m.bsn, m.geboortedatum.datum);
    if (!j.ok()) return j.status();
    jeugdige = *j;
    return Status::Ok();
  };
  auto product_fn = [&](size_t i, int64_t bericht_id, Findings& f) -> Status {
    const ijw::StopProduct& sp = m.producten[i];
    const std::string pad = kClient + "/StopProducten/StopProduct" + idx(i);
    JR_RETURN_IF_ERROR(check_tr381(o, sp.product, pad, f));
    if (!f.empty()) return Status::Ok();
    std::optional<ToewijzingRecord> t;
    JR_RETURN_IF_ERROR(koppel_toewijzing(o, jeugdige, sp.toewijzing_nummer, pad, t, f));
    if (!t) return Status::Ok();
    auto starts = leveringen(o, false, *jeugdige, t->toewijzing_nummer);
    if (!starts.ok()) return starts.status();
    auto stops = leveringen(o, true, *jeugdige, t->toewijzing_nummer);
    if (!stops.ok()) return stops.status();
    std::vector<const store::LeveringRecord*> eerder;  // current stops with the same key
    for (const auto& s : *stops)
      if (s.actueel && s.begindatum == sp.begindatum) eerder.push_back(&s);
    if (sp.status_aanlevering == "3") {
      // regels-ijw-3.2 TR063: only an earlier stop with this key can be removed.
      const store::LeveringRecord* zelfde = nullptr;
      for (auto* s : eerder)
        if (s->einddatum == sp.einddatum && s->reden_beeindiging == sp.reden_beeindiging)
          zelfde = s;
      if (!zelfde && !eerder.empty()) zelfde = eerder.back();
      if (!zelfde) {
        f.push_back({"TR063", "9063", pad + "/StatusAanlevering",
                     "er is geen eerdere stop met deze ToewijzingNummer en Begindatum om te "
                     "verwijderen"});
        return Status::Ok();
      }
      return o.store.trek_levering_in(zelfde->id, true, bericht_id);
    }
    // regels-ijw-3.2 TR382: the stop carries the key of a current start unchanged.
    bool start = std::any_of(starts->begin(), starts->end(), [&](const store::LeveringRecord& s) {
      return s.actueel && s.begindatum == sp.begindatum;
    });
    if (!start)
      f.push_back({"TR382", "9069", pad + "/Begindatum",
                   "er is geen start met deze ToewijzingNummer en Begindatum om te stoppen"});
    for (auto* s : eerder) {
      const std::string reden = s->reden_beeindiging.value_or("");
      // regels-ijw-3.2 TR074: the same stop again.
      if (sp.status_aanlevering == "1" && s->einddatum == sp.einddatum &&
          reden == sp.reden_beeindiging) {
        f.push_back({"TR074", "9074", pad,
                     "deze stop (zelfde ToewijzingNummer, Begindatum, Einddatum en reden) is al "
                     "ontvangen"});
        continue;
      }
      // regels-ijw-3.2 TR413: after a stop with reden 20 the next one has another reden.
      if (reden == "20" && sp.reden_beeindiging == "20")
        f.push_back({"TR413", "9413", pad + "/RedenBeeindiging",
                     "er is al een stop met RedenBeeindiging 20 voor deze levering"});
      // regels-ijw-3.2 TR415: after a stop with another reden than 20 no further stop.
      if (reden != "20")
        f.push_back(
            {"TR415", "9415", pad,
             "er is al een definitieve stop (RedenBeeindiging " + reden + ") voor deze levering"});
      // regels-ijw-3.2 TR414: Einddatum not before the current stop's.
      if (s->einddatum && sp.einddatum < *s->einddatum)
        f.push_back(
            {"TR414", "9414", pad + "/Einddatum",
             "Einddatum ligt voor de Einddatum van de eerdere stop (" + s->einddatum->iso() + ")"});
    }
    if (!f.empty()) return Status::Ok();
    for (auto* s : eerder) JR_RETURN_IF_ERROR(o.store.trek_levering_in(s->id, true, bericht_id));
    store::LeveringRecord l;
    l.bericht_id = bericht_id;
    l.aanbieder = o.kop.afzender;
    l.gemeente = o.kop.ontvanger;
    l.jeugdige_id = *jeugdige;
    l.toewijzing_id = t->id;
    l.toewijzing_nummer = t->toewijzing_nummer;
    if (sp.product) {
      l.categorie = sp.product->categorie;
      l.productcode = sp.product->code;
    } else {
      l.categorie = t->categorie;
      l.productcode = t->productcode;
    }
    l.begindatum = sp.begindatum;
    l.einddatum = sp.einddatum;
    l.reden_beeindiging = sp.reden_beeindiging;
    auto id = bewaar_levering(o, l);
    return id.ok() ? Status::Ok() : id.status();
  };
  return verwerk_met_retour(o, m.producten.size(), "StopProduct", in_bericht, client_fn, product_fn,
                            r);
}

// ---- JW315 verzoek om toewijzing ----
Status verwerk_jw315(Ontvangst& o, const ijw::Jw315& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  int64_t jeugdige = 0;
  auto client_fn = [&](Findings& f) -> Status {
    store::JeugdigeIdentiteit id;
    id.bsn = m.bsn;
    id.geboortedatum = m.geboortedatum.datum;
    id.geslacht = m.geslacht;
    id.achternaam = m.naam.geslachtsnaam.achternaam;
    id.voorvoegsel = m.naam.geslachtsnaam.voorvoegsel.value_or("");
    id.voornamen = m.naam.voornamen.value_or("");
    auto j = o.store.jeugdige_id(id);
    if (!j.ok()) {
      if (j.status().code() != StatusCode::kInvalidArgument) return j.status();
      f.push_back({"CS009", "8001", kClient + "/Bsn", "Bsn voldoet niet aan de elfproef"});
      return Status::Ok();
    }
    jeugdige = *j;
    // regels-ijw-3.2 TR374: no verzoek of this aanbieder for this client still open.
    auto open = o.store.verzoek_onderhanden(o.kop.afzender, jeugdige);
    if (!open.ok()) return open.status();
    if (*open)
      f.push_back({"TR374", "9374", kClient,
                   "er is al een onderhanden verzoek van deze aanbieder voor deze client"});
    return Status::Ok();
  };
  auto product_fn = [&](size_t i, int64_t bericht_id, Findings& f) -> Status {
    const ijw::AangevraagdProduct& ap = m.producten[i];
    const std::string pad = kClient + "/AangevraagdeProducten/AangevraagdProduct" + idx(i);
    JR_RETURN_IF_ERROR(check_tr381(o, ap.product, pad, f));
    if (!f.empty()) return Status::Ok();
    // regels-ijw-3.2 TR347: ReferentieAanbieder unique for the aanbieder.
    auto bekend = o.store.verzoek_referentie_bekend(o.kop.afzender, ap.referentie_aanbieder);
    if (!bekend.ok()) return bekend.status();
    if (*bekend) {
      f.push_back({"TR347", "9347", pad + "/ReferentieAanbieder",
                   "deze ReferentieAanbieder is door deze aanbieder al gebruikt"});
      return Status::Ok();
    }
    store::VerzoekRecord v;
    v.bericht_id = bericht_id;
    v.aanbieder = o.kop.afzender;
    v.gemeente = o.kop.ontvanger;
    v.jeugdige_id = jeugdige;
    v.referentie_aanbieder = ap.referentie_aanbieder;
    v.dagtekening = m.header.dagtekening;
    if (ap.product) {
      v.categorie = ap.product->categorie;
      v.productcode = ap.product->code;
    }
    v.beschikking_nummer = ap.beschikking_nummer;
    v.beschikking_ingangsdatum = ap.beschikking_ingangsdatum;
    v.toewijzing_ingangsdatum = ap.toewijzing_ingangsdatum;
    v.toewijzing_einddatum = ap.toewijzing_einddatum;
    if (ap.omvang) {
      v.volume = ap.omvang->volume;
      v.eenheid = ap.omvang->eenheid;
      v.frequentie = ap.omvang->frequentie;
    }
    v.budget_cent = ap.budget;
    v.verwijzer_type = ap.verwijzer.type;
    v.verwijzer_naam = ap.verwijzer.naam;
    v.verwijzer_zorgverlener = ap.verwijzer.zorgverlener_code;
    auto id = o.store.bewaar_verzoek(v);
    if (!id.ok()) return id.status();
    // The toegang answers it: an item of the gemeente's werkvoorraad, linked to its gezin.
    auto werk = o.store.werk_voor_verzoek(*id);
    return werk.ok() ? Status::Ok() : werk.status();
  };
  return verwerk_met_retour(o, m.producten.size(), "AangevraagdProduct", in_bericht, client_fn,
                            product_fn, r);
}

// ---- JW301 toewijzing (the gemeente's own sent message) ----
Status verwerk_jw301(Ontvangst& o, const ijw::Jw301& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  Verdeling v = verdeel(in_bericht, "ToegewezenProduct", m.producten.size());
  if (v.kop.empty()) JR_RETURN_IF_ERROR(check_tr056(o, v.kop));
  auto bericht = bewaar_bericht(o, bericht_record(o, "uit", "afgekeurd", {}, false));
  if (!bericht.ok()) return bericht.status();
  r.bericht_id = *bericht;
  append(r.findings, v.kop);
  append(r.findings, v.client);
  size_t geaccepteerd = 0;
  if (v.kop.empty() && v.client.empty()) {
    store::JeugdigeIdentiteit id;
    id.bsn = m.bsn;
    id.geboortedatum = m.geboortedatum.datum;
    id.geslacht = m.geslacht;
    id.achternaam = m.naam.geslachtsnaam.achternaam;
    id.voorvoegsel = m.naam.geslachtsnaam.voorvoegsel.value_or("");
    id.voornamen = m.naam.voornamen.value_or("");
    auto j = o.store.jeugdige_id(id);
    if (!j.ok() && j.status().code() != StatusCode::kInvalidArgument) return j.status();
    if (!j.ok()) {
      r.findings.push_back({"CS009", "8001", kClient + "/Bsn", "Bsn voldoet niet aan de elfproef"});
    } else {
      for (size_t i = 0; i < m.producten.size(); ++i) {
        const ijw::ToegewezenProduct& tp = m.producten[i];
        const std::string pad = kClient + "/ToegewezenProducten/ToegewezenProduct" + idx(i);
        Findings f = v.producten[i];
        std::optional<ToewijzingRecord> bestaand;
        if (f.empty()) JR_RETURN_IF_ERROR(check_tr381(o, tp.product, pad, f));
        if (f.empty()) {
          auto b = o.store.zoek_toewijzing(o.kop.afzender, tp.toewijzing_nummer);
          if (!b.ok()) return b.status();
          bestaand = std::move(*b);
          // regels-ijw-3.2 TR332: one number, one ToegewezenProduct (client, aanbieder,
          // product); a JW301 with a known number changes that toewijzing.
          if (bestaand) {
            bool ander_product =
                (tp.product ? std::optional<std::string>(tp.product->categorie) : std::nullopt) !=
                    bestaand->categorie ||
                (tp.product ? tp.product->code : std::nullopt) != bestaand->productcode;
            if (bestaand->jeugdige_id != *j || bestaand->aanbieder != o.kop.ontvanger ||
                ander_product)
              f.push_back({"TR332", "9332", pad + "/ToewijzingNummer",
                           "ToewijzingNummer " + std::to_string(tp.toewijzing_nummer) +
                               " is al gebruikt voor een ander toegewezen product"});
          }
        }
        // regels-ijw-3.2 TR379: a filled ReferentieAanbieder is that of a verzoek om toewijzing
        // of this aanbieder (JW315), or repeats that of the toewijzing being changed.
        if (f.empty() && tp.referentie_aanbieder &&
            !(bestaand && bestaand->referentie_aanbieder == tp.referentie_aanbieder)) {
          auto verzoek =
              o.store.verzoek_referentie_bekend(o.kop.ontvanger, *tp.referentie_aanbieder);
          if (!verzoek.ok()) return verzoek.status();
          if (!*verzoek)
            f.push_back({"TR379", "9379", pad + "/ReferentieAanbieder",
                         "ReferentieAanbieder verwijst niet naar een verzoek om toewijzing van "
                         "deze aanbieder"});
        }
        // regels-ijw-3.2 TR385: no removal (RedenWijziging 13) with open prestaties.
        if (f.empty() && bestaand && tp.reden_wijziging == "13") {
          auto n = o.store.open_prestaties(bestaand->id);
          if (!n.ok()) return n.status();
          if (*n > 0)
            f.push_back({"TR385", "9385", pad + "/RedenWijziging",
                         "de toewijzing heeft goedgekeurde prestaties en kan niet verwijderd "
                         "worden"});
        }
        if (f.empty()) {
          ToewijzingRecord t;
          t.gemeente = o.kop.afzender;
          t.toewijzing_nummer = tp.toewijzing_nummer;
          t.aanbieder = o.kop.ontvanger;
          t.jeugdige_id = *j;
          t.referentie_aanbieder = tp.referentie_aanbieder;
          if (tp.product) {
            t.categorie = tp.product->categorie;
            t.productcode = tp.product->code;
          }
          t.toewijzingsdatum = tp.toewijzingsdatum;
          t.toewijzingstijd = tp.toewijzingstijd;
          t.ingangsdatum = tp.ingangsdatum;
          t.einddatum = tp.einddatum;
          t.reden_wijziging = tp.reden_wijziging;
          if (tp.omvang) {
            t.volume = tp.omvang->volume;
            t.eenheid = tp.omvang->eenheid;
            t.frequentie = tp.omvang->frequentie;
          }
          t.budget_cent = tp.budget;
          t.commentaar = tp.commentaar;
          t.bericht_id = *bericht;
          auto tid = o.store.bewaar_toewijzing(t);
          if (!tid.ok()) return tid.status();
          if (o.toewijzingen) o.toewijzingen->vergeet(t.gemeente, t.toewijzing_nummer);
          if (tp.referentie_aanbieder) {
            auto vz = o.store.verzoek_toegewezen(o.kop.ontvanger, *tp.referentie_aanbieder);
            if (!vz.ok()) return vz.status();
          }
          ++geaccepteerd;
        }
        append(r.findings, f);
      }
    }
  }
  r.uitkomst = uitkomst_van(m.producten.size(), geaccepteerd);
  std::string_view status =
      r.uitkomst == Uitkomst::geaccepteerd ? "verzonden" : status_naam(r.uitkomst);
  return o.store.zet_bericht_uitkomst(*bericht, status, findings_json(r.findings), "", o.bytes,
                                      o.bytes_zstd);
}

// ---- JW317 verzoek om wijziging ----
namespace {

// Whether toewijzing `t` is current on `dag` (TR349-TR351): not removed (Einddatum equal to
// the Ingangsdatum with RedenWijziging 13, or 01) and valid on or after that day.
bool actueel_op(const ToewijzingRecord& t, Date dag) {
  const bool verwijderd = t.einddatum && *t.einddatum == t.ingangsdatum &&
                          (t.reden_wijziging == "13" || t.reden_wijziging == "01");
  return !verwijderd && (!t.einddatum || *t.einddatum >= dag);
}

// An Einddatum after 2020 or none (TR375, TR412; as CD080, CD095 and CD096).
bool na_2020(const std::optional<Date>& eind) { return !eind || *eind > Date(2020, 12, 31); }

// A product of the wished situation, for TR361: its product and period.
struct Gewenst {
  std::optional<std::string> categorie;
  std::optional<std::string> code;
  Date begin;
  std::optional<Date> eind;  // none: open
  bool nieuw = false;
  size_t product = 0;  // index in the verdict's products
};

// The same product as TR361 (and TR302, TR410) sees it: the same code, or the same category
// when a code is missing, or any product when a category is missing.
bool zelfde_product(const Gewenst& a, const Gewenst& b) {
  if (!a.categorie || !b.categorie) return true;
  if (*a.categorie != *b.categorie) return false;
  if (!a.code || !b.code) return true;
  return *a.code == *b.code;
}

bool overlapt(const Gewenst& a, const Gewenst& b) {
  return (!a.eind || b.begin <= *a.eind) && (!b.eind || a.begin <= *b.eind);
}

// The stored form of a TeWijzigenProduct or NieuwProduct: its wished dates, Omvang, Budget.
template <class P>
store::VerzoekProductRecord gewenst_product(std::string soort, const P& p) {
  store::VerzoekProductRecord r;
  r.soort = std::move(soort);
  r.gewenste_ingangsdatum = p.gewenste_ingangsdatum;
  r.einddatum = p.einddatum;
  if (p.omvang) {
    r.volume = p.omvang->volume;
    r.eenheid = p.omvang->eenheid;
    r.frequentie = p.omvang->frequentie;
  }
  r.budget_cent = p.budget;
  return r;
}

}  // namespace

Status verwerk_jw317(Ontvangst& o, const ijw::Jw317& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  const std::string verzoek_pad = kClient + "/Verzoek";
  const size_t n_ongewijzigd = m.ongewijzigd.size();
  const size_t n_te_wijzigen = m.te_wijzigen.size();
  const size_t aantal = n_ongewijzigd + n_te_wijzigen + m.nieuw.size();
  auto product_pad = [&](size_t i) {
    if (i < n_ongewijzigd)
      return verzoek_pad + "/OngewijzigdeProducten/OngewijzigdProduct" + idx(i);
    if (i < n_ongewijzigd + n_te_wijzigen)
      return verzoek_pad + "/TeWijzigenProducten/TeWijzigenProduct" + idx(i - n_ongewijzigd);
    return verzoek_pad + "/NieuweProducten/NieuwProduct" + idx(i - n_ongewijzigd - n_te_wijzigen);
  };
  // The in-message findings by class.
  Findings kop, client, verzoek;
  std::vector<Findings> producten(aantal);
  for (const auto& f : in_bericht) {
    std::optional<size_t> i;
    if (auto k = index_van(f.xpath, "OngewijzigdProduct"))
      i = *k;
    else if (auto k2 = index_van(f.xpath, "TeWijzigenProduct"))
      i = n_ongewijzigd + *k2;
    else if (auto k3 = index_van(f.xpath, "NieuwProduct"))
      i = n_ongewijzigd + n_te_wijzigen + *k3;
    if (f.xpath.find("/Header") != std::string::npos)
      kop.push_back(f);
    else if (i && *i < aantal)
      producten[*i].push_back(f);
    else if (f.xpath.find("/Verzoek") != std::string::npos)
      verzoek.push_back(f);
    else if (f.xpath.find("/Client") != std::string::npos)
      client.push_back(f);
    else
      kop.push_back(f);
  }
  if (kop.empty()) JR_RETURN_IF_ERROR(check_tr056(o, kop));
  r.retour_type = "JW318";
  auto bericht = bewaar_bericht(o, bericht_record(o, "in", "afgekeurd", {}, false));
  if (!bericht.ok()) return bericht.status();
  r.bericht_id = *bericht;

  const Date dag = m.header.dagtekening;
  ToewijzingCache hier;  // when the caller keeps none for the run
  ToewijzingCache& cache = o.toewijzingen ? *o.toewijzingen : hier;
  // The toewijzing each OngewijzigdProduct and TeWijzigenProduct names, when it is a current
  // one of this aanbieder for this client.
  std::vector<std::optional<ToewijzingRecord>> genoemd(n_ongewijzigd + n_te_wijzigen);
  std::optional<int64_t> jeugdige;
  if (kop.empty() && client.empty()) {
    const std::string bsn_pseudo = o.store.bsn_pseudoniem(m.bsn);
    bool andere_client = false;
    for (size_t i = 0; i < genoemd.size(); ++i) {
      if (!producten[i].empty()) continue;
      const bool ongewijzigd = i < n_ongewijzigd;
      const int64_t nummer =
          ongewijzigd ? m.ongewijzigd[i] : m.te_wijzigen[i - n_ongewijzigd].toewijzing_nummer;
      auto tr = cache.toewijzing(o.store, o.kop.ontvanger, nummer);
      if (!tr.ok()) return tr.status();
      const ToewijzingRecord* t = *tr;
      if (t && t->aanbieder == o.kop.afzender &&
          (t->jeugdige_bsn_pseudoniem != bsn_pseudo || (jeugdige && t->jeugdige_id != *jeugdige))) {
        // regels-ijw-3.2 TR304: the Bsn is the client's of the toewijzingen named.
        andere_client = true;
        continue;
      }
      if (!t || t->aanbieder != o.kop.afzender || !actueel_op(*t, dag)) {
        // regels-ijw-3.2 TR350 (OngewijzigdProduct), TR351 (TeWijzigenProduct): a current
        // toewijzing of this aanbieder, by its number.
        producten[i].push_back(ongewijzigd
                                   ? Finding{"TR350", "9350", product_pad(i) + "/ToewijzingNummer",
                                             "er is geen actuele toewijzing met ToewijzingNummer " +
                                                 std::to_string(nummer) + " aan deze aanbieder"}
                                   : Finding{"TR351", "9351", product_pad(i) + "/ToewijzingNummer",
                                             "er is geen actuele toewijzing met ToewijzingNummer " +
                                                 std::to_string(nummer) + " aan deze aanbieder"});
        continue;
      }
      jeugdige = t->jeugdige_id;
      genoemd[i] = *t;
    }
    if (andere_client)
      client.push_back({"TR304", "8187", kClient + "/Bsn",
                        "Bsn hoort niet bij de client van de genoemde toewijzingen"});

    // The products to be changed, against the toewijzing they name.
    for (size_t j = 0; j < n_te_wijzigen; ++j) {
      const size_t i = n_ongewijzigd + j;
      if (!genoemd[i] || !producten[i].empty()) continue;
      const ToewijzingRecord& t = *genoemd[i];
      const ijw::TeWijzigenProduct& p = m.te_wijzigen[j];
      Findings& f = producten[i];
      // regels-ijw-3.2 TR357: a change that starts on or before the Dagtekening applies to
      // the whole duration.
      if (p.gewenste_ingangsdatum <= dag && p.gewenste_ingangsdatum != t.ingangsdatum)
        f.push_back({"TR357", "9357", product_pad(i) + "/GewensteIngangsdatum",
                     "GewensteIngangsdatum ligt niet na de Dagtekening en is niet de Ingangsdatum "
                     "van de toewijzing (" +
                         t.ingangsdatum.iso() + ")"});
      // regels-ijw-3.2 TR373: a changed Budget, or a changed total over the toewijzing's
      // duration (Frequentie 6), applies from the toewijzing's Ingangsdatum.
      const bool ander_budget = p.budget && p.budget != t.budget_cent;
      const bool ander_totaal =
          p.omvang && p.omvang->frequentie == "6" &&
          (t.frequentie != "6" || t.volume != p.omvang->volume || t.eenheid != p.omvang->eenheid);
      if ((ander_budget || ander_totaal) && p.gewenste_ingangsdatum != t.ingangsdatum)
        f.push_back({"TR373", "9373", product_pad(i) + "/GewensteIngangsdatum",
                     "Budget of totale omvang wijzigt, maar GewensteIngangsdatum is niet de "
                     "Ingangsdatum van de toewijzing (" +
                         t.ingangsdatum.iso() + ")"});
      // regels-ijw-3.2 TR411, TR412, TR375: the Omvang as the toewijzing's product asks.
      if (t.productcode && !p.omvang)
        f.push_back({"TR411", "9411", product_pad(i) + "/Omvang",
                     "Omvang ontbreekt terwijl de toewijzing een ProductCode heeft"});
      if (t.categorie && !t.productcode && na_2020(p.einddatum) && p.omvang)
        f.push_back({"TR412", "9412", product_pad(i) + "/Omvang",
                     "Omvang is gevuld terwijl de toewijzing geen ProductCode heeft en de "
                     "Einddatum na 31-12-2020 ligt of leeg is"});
      if (!t.categorie && na_2020(p.einddatum) && p.omvang)
        f.push_back({"TR375", "9375", product_pad(i) + "/Omvang",
                     "Omvang is gevuld terwijl de toewijzing geen Product heeft en de "
                     "Einddatum na 31-12-2020 ligt of leeg is"});
    }
    // regels-ijw-3.2 TR381 (S329): a new product's code fits its categorie.
    for (size_t j = 0; j < m.nieuw.size(); ++j) {
      const size_t i = n_ongewijzigd + n_te_wijzigen + j;
      if (producten[i].empty())
        JR_RETURN_IF_ERROR(check_tr381(o, m.nieuw[j].product, product_pad(i), producten[i]));
    }

    // regels-ijw-3.2 TR361: no product twice with overlapping periods in the wished
    // situation (the toewijzingen as named, the new products as asked; two new products are
    // TR410's, in the message itself).
    std::vector<Gewenst> gewenst;
    for (size_t i = 0; i < genoemd.size(); ++i) {
      if (!genoemd[i] || !producten[i].empty()) continue;
      const ToewijzingRecord& t = *genoemd[i];
      Gewenst g{t.categorie, t.productcode, t.ingangsdatum, t.einddatum, false, i};
      if (i >= n_ongewijzigd) {
        const ijw::TeWijzigenProduct& p = m.te_wijzigen[i - n_ongewijzigd];
        g.begin = std::min(t.ingangsdatum, p.gewenste_ingangsdatum);
        g.eind = p.einddatum;
      }
      gewenst.push_back(std::move(g));
    }
    for (size_t j = 0; j < m.nieuw.size(); ++j) {
      const size_t i = n_ongewijzigd + n_te_wijzigen + j;
      if (!producten[i].empty()) continue;
      const ijw::NieuwProduct& p = m.nieuw[j];
      Gewenst g;
      if (p.product) {
        g.categorie = p.product->categorie;
        g.code = p.product->code;
      }
      g.begin = p.gewenste_ingangsdatum;
      g.eind = p.einddatum;
      g.nieuw = true;
      g.product = i;
      gewenst.push_back(std::move(g));
    }
    for (size_t b = 1; b < gewenst.size(); ++b)
      for (size_t a = 0; a < b; ++a) {
        if (gewenst[a].nieuw && gewenst[b].nieuw) continue;
        if (!zelfde_product(gewenst[a], gewenst[b]) || !overlapt(gewenst[a], gewenst[b])) continue;
        producten[gewenst[b].product].push_back(
            {"TR361", "9361", product_pad(gewenst[b].product),
             "het product overlapt in periode met hetzelfde product in " +
                 product_pad(gewenst[a].product).substr(verzoek_pad.size() + 1)});
        break;
      }

    if (jeugdige && client.empty()) {
      // regels-ijw-3.2 TR374: no verzoek of this aanbieder for this client still open.
      auto open = o.store.verzoek_onderhanden(o.kop.afzender, *jeugdige);
      if (!open.ok()) return open.status();
      if (*open)
        client.push_back({"TR374", "9374", kClient,
                          "er is al een onderhanden verzoek van deze aanbieder voor deze client"});
    }
    if (verzoek.empty()) {
      // regels-ijw-3.2 TR347: ReferentieAanbieder unique for the aanbieder.
      auto bekend = o.store.verzoek_referentie_bekend(o.kop.afzender, m.referentie_aanbieder);
      if (!bekend.ok()) return bekend.status();
      if (*bekend)
        verzoek.push_back({"TR347", "9347", verzoek_pad + "/ReferentieAanbieder",
                           "deze ReferentieAanbieder is door deze aanbieder al gebruikt"});
      // regels-ijw-3.2 TR349: every current toewijzing of the client at this aanbieder is in
      // the verzoek, unchanged or to be changed.
      if (jeugdige && client.empty()) {
        auto alle = o.store.toewijzingen_van(o.kop.ontvanger, o.kop.afzender, *jeugdige);
        if (!alle.ok()) return alle.status();
        std::vector<int64_t> ontbreekt;
        for (const ToewijzingRecord& t : *alle) {
          if (!actueel_op(t, dag)) continue;
          bool genoemd_nummer = std::find(m.ongewijzigd.begin(), m.ongewijzigd.end(),
                                          t.toewijzing_nummer) != m.ongewijzigd.end();
          for (const auto& p : m.te_wijzigen)
            genoemd_nummer = genoemd_nummer || p.toewijzing_nummer == t.toewijzing_nummer;
          if (!genoemd_nummer) ontbreekt.push_back(t.toewijzing_nummer);
        }
        if (!ontbreekt.empty()) {
          std::string nummers;
          for (int64_t n : ontbreekt) nummers += (nummers.empty() ? "" : ", ") + std::to_string(n);
          verzoek.push_back({"TR349", "9349", verzoek_pad,
                             "de actuele toewijzing(en) " + nummers +
                                 " van deze client ontbreken in het verzoek"});
        }
      }
    }
  }

  ijw::Oordeel oordeel;
  bool alles_goed = kop.empty() && client.empty() && verzoek.empty();
  if (!kop.empty()) {
    oordeel.header = codes_van(kop);
    oordeel.alleen_header = true;
    append(r.findings, kop);
  } else {
    oordeel.client = codes_van(client);
    oordeel.verzoek = codes_van(verzoek);
    append(r.findings, client);
    append(r.findings, verzoek);
    oordeel.producten.resize(aantal);
    for (size_t i = 0; i < aantal; ++i) {
      oordeel.producten[i] = codes_van(producten[i]);
      alles_goed = alles_goed && producten[i].empty();
      append(r.findings, producten[i]);
    }
  }
  // OP344: a verzoek om wijziging is answered as a whole, so it is taken in whole or not.
  r.uitkomst = alles_goed ? Uitkomst::geaccepteerd : Uitkomst::afgekeurd;
  if (alles_goed) {
    store::VerzoekRecord v;
    v.bericht_id = *bericht;
    v.soort = "wijziging";
    v.aanbieder = o.kop.afzender;
    v.gemeente = o.kop.ontvanger;
    v.jeugdige_id = *jeugdige;  // set: TR352 makes every accepted verzoek name a toewijzing
    v.referentie_aanbieder = m.referentie_aanbieder;
    v.dagtekening = dag;
    v.reden_verzoek = m.reden_verzoek;
    for (size_t i = 0; i < n_ongewijzigd; ++i) {
      store::VerzoekProductRecord p;
      p.soort = "ongewijzigd";
      p.toewijzing_id = genoemd[i]->id;
      p.toewijzing_nummer = genoemd[i]->toewijzing_nummer;
      v.producten.push_back(std::move(p));
    }
    for (size_t j = 0; j < n_te_wijzigen; ++j) {
      store::VerzoekProductRecord p = gewenst_product("te_wijzigen", m.te_wijzigen[j]);
      p.toewijzing_id = genoemd[n_ongewijzigd + j]->id;
      p.toewijzing_nummer = m.te_wijzigen[j].toewijzing_nummer;
      v.producten.push_back(std::move(p));
    }
    for (const ijw::NieuwProduct& n : m.nieuw) {
      store::VerzoekProductRecord p = gewenst_product("nieuw", n);
      if (n.product) {
        p.categorie = n.product->categorie;
        p.productcode = n.product->code;
      }
      v.producten.push_back(std::move(p));
    }
    auto id = o.store.bewaar_verzoek(v);
    if (!id.ok()) return id.status();
    // Like a JW315 product: an item of the gemeente's werkvoorraad, linked to its gezin.
    auto werk = o.store.werk_voor_verzoek(*id);
    if (!werk.ok()) return werk.status();
  }
  auto g = retour_gegevens(o, ijw::Berichttype::JW318, "retour", 'R');
  if (!g.ok()) return g.status();
  auto xml = ijw::bouw_retour(o.type, o.doc, oordeel, *g);
  if (xml.ok())
    r.retour_xml = std::move(*xml);
  else
    r.melding = xml.status().message();
  return o.store.zet_bericht_uitkomst(*bericht, status_naam(r.uitkomst), findings_json(r.findings),
                                      r.retour_xml, o.bytes, o.bytes_zstd);
}

// ---- JW302 / JW320: the aanbieder's retour on a JW301 / JW319 the gemeente sent ----
namespace {

// Whether any RetourCode in the document says something other than 0200 (geen opmerking).
bool heeft_afkeuring(const xmlNode* n) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (ijw::is_element(c, "RetourCode")) {
      if (ijw::node_text(c) != "0200") return true;
    } else if (heeft_afkeuring(c)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Status verwerk_ontvangst(Ontvangst& o, const Findings& in_bericht, BerichtResultaat& r) {
  const ijw::Berichttype heen_type =
      o.type == ijw::Berichttype::JW302 ? ijw::Berichttype::JW301 : ijw::Berichttype::JW319;
  const ijw::HeenKop heen_kop = ijw::lees_kop(o.doc);
  Findings f = in_bericht;
  // regels-ijw-3.2 TR056, on the retour's own IdentificatieRetour: a retour received twice is
  // not taken twice.
  if (f.empty()) JR_RETURN_IF_ERROR(check_tr056(o, f));
  std::optional<int64_t> heen;
  Findings opgeslagen = f;
  if (f.empty()) {
    auto h = o.store.zoek_verzonden(ijw::naam(heen_type), heen_kop.afzender, heen_kop.ontvanger,
                                    heen_kop.identificatie, heen_kop.dagtekening);
    if (!h.ok()) return h.status();
    heen = *h;
    if (!heen) {
      // No rule of the standard: a retour on nothing we sent is kept, refused, for inspection.
      r.melding = "de " + std::string(ijw::naam(o.type)) + " verwijst naar geen " +
                  std::string(ijw::naam(heen_type)) +
                  " die de gemeente aan deze aanbieder verzond; niet verwerkt";
      opgeslagen.push_back(
          {"geen-heenbericht", "", "/Bericht/Header/BerichtIdentificatie", r.melding});
    }
  }
  r.findings = f;
  r.uitkomst = heen ? Uitkomst::geaccepteerd : Uitkomst::afgekeurd;
  auto id = bewaar_bericht(o, bericht_record(o, "in", status_naam(r.uitkomst), opgeslagen));
  if (!id.ok()) return id.status();
  r.bericht_id = *id;
  if (!heen) return Status::Ok();
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(o.doc));
  return o.store.zet_ontvangst(*heen, heeft_afkeuring(root) ? "afgekeurd" : "ontvangen", *id);
}

// ---- JW323 declaratie ----
Status verwerk_jw323(Ontvangst& o, const ijw::Jw323& m, const Findings& in_bericht,
                     BerichtResultaat& r) {
  const std::string decl = "/Bericht/Declaratie";
  r.retour_type = "JW325";
  Findings kop, declaratie;
  std::vector<Findings> client(m.clienten.size());
  std::vector<std::vector<Findings>> prestatie(m.clienten.size());
  size_t aantal = 0;
  for (size_t c = 0; c < m.clienten.size(); ++c) {
    prestatie[c].resize(m.clienten[c].prestaties.size());
    aantal += m.clienten[c].prestaties.size();
  }
  for (const auto& f : in_bericht) {
    Plek p = plek_van(f.xpath, "Prestatie");
    if (p.soort == Plek::in_product && p.client < m.clienten.size() &&
        p.product < prestatie[p.client].size())
      prestatie[p.client][p.product].push_back(f);
    else if (p.soort == Plek::in_client && p.client < m.clienten.size())
      client[p.client].push_back(f);
    else if (p.soort == Plek::in_declaratie)
      declaratie.push_back(f);
    else
      kop.push_back(f);
  }
  if (kop.empty()) JR_RETURN_IF_ERROR(check_tr056(o, kop));
  if (kop.empty() && declaratie.empty()) {
    // regels-ijw-3.2 TR333: DeclaratieNummer unique for the aanbieder.
    auto bekend = o.store.declaratie_nummer_bekend(o.kop.afzender, m.declaratie_nummer);
    if (!bekend.ok()) return bekend.status();
    if (*bekend)
      declaratie.push_back({"TR333", "9333", decl + "/DeclaratieNummer",
                            "DeclaratieNummer is door deze aanbieder al gebruikt"});
    // regels-ijw-3.2 TR318: when care was delivered in a period after the previous
    // declaratieperiode, the declaratie is for the month following that period.
    auto vorige = o.store.laatste_declaratieperiode(o.kop.afzender, o.kop.ontvanger);
    if (!vorige.ok()) return vorige.status();
    if (*vorige && m.declaratie_periode.begindatum > **vorige) {
      Date volgende = (*vorige)->last_of_month().add_days(1);
      bool overgeslagen = false;
      for (const auto& c : m.clienten)
        for (const auto& p : c.prestaties) {
          Date maand = p.product_periode.begindatum.first_of_month();
          overgeslagen =
              overgeslagen || (maand >= volgende && maand < m.declaratie_periode.begindatum);
        }
      if (overgeslagen && m.declaratie_periode.begindatum != volgende)
        declaratie.push_back({"TR318", "8214", decl + "/DeclaratiePeriode",
                              "DeclaratiePeriode moet de maand na de vorige declaratieperiode (" +
                                  volgende.iso() + ") zijn: daarin is zorg geleverd"});
    }
  }
  auto bericht = bewaar_bericht(o, bericht_record(o, "in", "afgekeurd", {}, false));
  if (!bericht.ok()) return bericht.status();
  r.bericht_id = *bericht;
  append(r.findings, kop);
  append(r.findings, declaratie);
  ijw::DeclaratieOordeel oordeel;
  oordeel.header = codes_van(kop);
  oordeel.declaratie = codes_van(declaratie);
  size_t geaccepteerd = 0;
  if (kop.empty() && declaratie.empty()) {
    store::DeclaratieRecord d;
    d.bericht_id = *bericht;
    d.aanbieder = o.kop.afzender;
    d.gemeente = o.kop.ontvanger;
    d.declaratie_nummer = m.declaratie_nummer;
    d.periode_begin = m.declaratie_periode.begindatum;
    d.periode_eind = m.declaratie_periode.einddatum;
    d.dagtekening = m.declaratie_dagtekening;
    d.totaal_cent = m.totaal_ingediend_bedrag.signed_cents();
    auto did = o.store.bewaar_declaratie(d);
    if (!did.ok()) return did.status();
    ToewijzingCache hier;  // when the caller keeps none for the run
    ToewijzingCache& cache = o.toewijzingen ? *o.toewijzingen : hier;
    for (size_t ci = 0; ci < m.clienten.size(); ++ci) {
      const ijw::DeclaratieClient& c = m.clienten[ci];
      const std::string bsn_pseudo = o.store.bsn_pseudoniem(c.bsn);
      for (size_t pi = 0; pi < c.prestaties.size(); ++pi) {
        const ijw::Prestatie& p = c.prestaties[pi];
        const std::string pad =
            decl + "/Clienten/Client" + idx(ci) + "/Prestaties/Prestatie" + idx(pi);
        Findings f = client[ci];
        append(f, prestatie[ci][pi]);
        auto tr = cache.toewijzing(o.store, o.kop.ontvanger, p.toewijzing_nummer);
        if (!tr.ok()) return tr.status();
        const ToewijzingRecord* t = *tr;
        if (t && t->aanbieder != o.kop.afzender) t = nullptr;
        const bool credit = p.ingediend_bedrag.debet_credit == "C";
        if (f.empty()) {
          // regels-ijw-3.2 TR319: ProductPeriode in the current or an earlier period.
          if (p.product_periode.begindatum > m.declaratie_periode.einddatum)
            f.push_back({"TR319", "9319", pad + "/ProductPeriode",
                         "ProductPeriode valt na de DeclaratiePeriode"});
          JR_RETURN_IF_ERROR(
              check_tr381(o, p.product_categorie, p.product_code, pad + "/ProductCode", f));
          // regels-ijw-3.2 TR338: the prestatie relates to a toewijzing by its number.
          if (!t)
            f.push_back({"TR338", "9338", pad + "/ToewijzingNummer",
                         "er is geen toewijzing met ToewijzingNummer " +
                             std::to_string(p.toewijzing_nummer) + " aan deze aanbieder"});
        }
        if (f.empty() && t) {
          // regels-ijw-3.2 TR304: the Bsn is the client's of the toewijzing.
          if (bsn_pseudo != t->jeugdige_bsn_pseudoniem)
            f.push_back({"TR304", "8187", decl + "/Clienten/Client" + idx(ci) + "/Bsn",
                         "Bsn hoort niet bij de client van toewijzing " +
                             std::to_string(t->toewijzing_nummer)});
          // regels-ijw-3.2 TR384: no declaring on a removed toewijzing.
          if (t->reden_wijziging == "13")
            f.push_back({"TR384", "9384", pad + "/ToewijzingNummer",
                         "de toewijzing is verwijderd (RedenWijziging 13)"});
          // regels-ijw-3.2 TR339, TR340: product as toegewezen.
          if (t->categorie && *t->categorie != p.product_categorie)
            f.push_back({"TR339", "9339", pad + "/ProductCategorie",
                         "ProductCategorie wijkt af van de toewijzing (" + *t->categorie + ")"});
          if (t->productcode && *t->productcode != p.product_code)
            f.push_back({"TR340", "9340", pad + "/ProductCode",
                         "ProductCode wijkt af van de toewijzing (" + *t->productcode + ")"});
          // regels-ijw-3.2 TR341: eenheid as toegewezen; minuten on a toewijzing in uren.
          if (t->eenheid && *t->eenheid != p.eenheid && !(*t->eenheid == "04" && p.eenheid == "01"))
            f.push_back(
                {"TR341", "9341", pad + "/Eenheid",
                 "Eenheid past niet bij de eenheid van de toewijzing (" + *t->eenheid + ")"});
          // regels-ijw-3.2 TR307, TR308: ProductPeriode inside the toewijzing.
          if (p.product_periode.begindatum < t->ingangsdatum)
            f.push_back({"TR307", "9307", pad + "/ProductPeriode/Begindatum",
                         "Begindatum ligt voor de Ingangsdatum van de toewijzing (" +
                             t->ingangsdatum.iso() + ")"});
          if (t->einddatum && p.product_periode.einddatum > *t->einddatum)
            f.push_back(
                {"TR308", "9308", pad + "/ProductPeriode/Einddatum",
                 "Einddatum ligt na de Einddatum van de toewijzing (" + t->einddatum->iso() + ")"});
          // regels-ijw-3.2 TR387, TR388: a ProductPeriode is a calendar month, cut to the
          // toewijzing.
          Date begin_verwacht =
              std::max(p.product_periode.begindatum.first_of_month(), t->ingangsdatum);
          if (p.product_periode.begindatum >= t->ingangsdatum &&
              p.product_periode.begindatum != begin_verwacht)
            f.push_back({"TR387", "9387", pad + "/ProductPeriode/Begindatum",
                         "Begindatum is niet de eerste dag van de maand (of de Ingangsdatum van "
                         "de toewijzing)"});
          Date eind_verwacht = p.product_periode.begindatum.last_of_month();
          if (t->einddatum && *t->einddatum < eind_verwacht) eind_verwacht = *t->einddatum;
          if ((!t->einddatum || p.product_periode.einddatum <= *t->einddatum) &&
              p.product_periode.einddatum != eind_verwacht)
            f.push_back({"TR388", "9388", pad + "/ProductPeriode/Einddatum",
                         "Einddatum is niet de laatste dag van de maand van de Begindatum (of de "
                         "Einddatum van de toewijzing)"});
        }
        if (f.empty() && t) {
          // regels-ijw-3.2 TR314: ReferentieNummer unique for the aanbieder.
          auto zelfde = zoek_prestatie(o, p.referentie_nummer);
          if (!zelfde.ok()) return zelfde.status();
          if (*zelfde)
            f.push_back({"TR314", "8021", pad + "/ProductReferentie/ReferentieNummer",
                         "ReferentieNummer is door deze aanbieder al gebruikt"});
          if (credit) {
            // regels-ijw-3.2 TR323: a credit reverses an accepted debet (same key fields).
            std::optional<store::PrestatieRecord> debet;
            if (p.vorig_referentie_nummer) {
              auto d2 = zoek_prestatie(o, *p.vorig_referentie_nummer);
              if (!d2.ok()) return d2.status();
              debet = std::move(*d2);
            }
            if (!debet || debet->debet_credit != "D" ||
                debet->toewijzing_nummer != p.toewijzing_nummer ||
                debet->categorie != p.product_categorie || debet->productcode != p.product_code ||
                debet->begindatum != p.product_periode.begindatum) {
              f.push_back({"TR323", "8017", pad + "/ProductReferentie/VorigReferentieNummer",
                           "de creditprestatie verwijst niet naar een goedgekeurde debetprestatie "
                           "met dezelfde sleutel"});
            } else {
              // regels-ijw-3.2 TR390: a debet is credited once.
              auto al = o.store.gecrediteerd(o.kop.afzender, *p.vorig_referentie_nummer);
              if (!al.ok()) return al.status();
              if (*al)
                f.push_back({"TR390", "9390", pad + "/IngediendBedrag/DebetCredit",
                             "de debetprestatie is al gecrediteerd"});
            }
          } else {
            // regels-ijw-3.2 TR389: one (uncredited) debet per toewijzing, product and period.
            auto eerder = debet_prestaties(o, p.toewijzing_nummer, p.product_categorie,
                                           p.product_code, p.product_periode.begindatum);
            if (!eerder.ok()) return eerder.status();
            for (const auto& ref : *eerder) {
              auto gc = o.store.gecrediteerd(o.kop.afzender, ref);
              if (!gc.ok()) return gc.status();
              if (!*gc) {
                f.push_back({"TR389", "9389", pad + "/IngediendBedrag/DebetCredit",
                             "voor deze toewijzing, dit product en deze periode is al een "
                             "debetprestatie ingediend"});
                break;
              }
            }
            auto som = cache.som(o.store, t->id);
            if (!som.ok()) return som.status();
            if (t->volume && t->frequentie && t->eenheid) {
              int64_t schaal = (*t->eenheid == "04" && p.eenheid == "01") ? 60 : 1;
              // regels-ijw-3.2 TR321: the prestatie fits the toegewezen volume per period.
              int64_t per_periode =
                  *t->frequentie == "6"
                      ? *t->volume
                      : toegestaan_volume(*t->volume, *t->frequentie, p.product_periode.begindatum,
                                          p.product_periode.einddatum);
              if (p.geleverd_volume > per_periode * schaal)
                f.push_back(
                    {"TR321", "9321", pad + "/GeleverdVolume",
                     "GeleverdVolume is groter dan het toegewezen volume in deze periode (" +
                         std::to_string(per_periode * schaal) + ")"});
              // regels-ijw-3.2 TR322: all prestaties together fit the toegewezen omvang over
              // the toewijzing's whole duration (only bounded when it has an end or is totaal).
              if (*t->frequentie == "6" || t->einddatum) {
                int64_t totaal = *t->frequentie == "6"
                                     ? *t->volume
                                     : toegestaan_volume(*t->volume, *t->frequentie,
                                                         t->ingangsdatum, *t->einddatum);
                if (som->volume + p.geleverd_volume > totaal * schaal)
                  f.push_back({"TR322", "9322", pad + "/GeleverdVolume",
                               "de som van GeleverdVolume gaat boven de toegewezen omvang (" +
                                   std::to_string(totaal * schaal) + ")"});
              }
            }
            // regels-ijw-3.2 TR369: all prestaties together fit the toegewezen budget.
            if (t->budget_cent && som->bedrag_cent + p.ingediend_bedrag.bedrag > *t->budget_cent)
              f.push_back({"TR369", "9369", pad + "/IngediendBedrag",
                           "de som van de ingediende bedragen gaat boven het toegewezen budget"});
          }
          // regels-ijw-3.2 TR418: the contracted tariff, when the catalogue has the product.
          if (p.product_tarief) {
            auto prod = o.catalogus
                            ? o.catalogus->product(o.store, p.product_categorie, p.product_code,
                                                   p.product_periode.begindatum)
                            : o.store.zoek_product(p.product_categorie, p.product_code,
                                                   p.product_periode.begindatum);
            if (!prod.ok()) return prod.status();
            if (*prod && (*prod)->tarief_cent != *p.product_tarief)
              f.push_back({"TR418", "0611", pad + "/ProductTarief",
                           "ProductTarief wijkt af van het contractuele tarief (" +
                               std::to_string((*prod)->tarief_cent) + ")"});
          }
        }
        const bool ok = f.empty();
        if (ok) {
          ++geaccepteerd;
          oordeel.toegekend += p.ingediend_bedrag.signed_cents();
        } else {
          oordeel.afgekeurd.push_back({ci, pi, codes_van(f)});
        }
        if (t) {
          store::PrestatieRecord pr;
          pr.declaratie_id = *did;
          pr.aanbieder = o.kop.afzender;
          pr.jeugdige_id = t->jeugdige_id;
          pr.toewijzing_id = t->id;
          pr.toewijzing_nummer = p.toewijzing_nummer;
          pr.referentie_nummer = p.referentie_nummer;
          pr.vorig_referentie_nummer = p.vorig_referentie_nummer;
          pr.categorie = p.product_categorie;
          pr.productcode = p.product_code;
          pr.begindatum = p.product_periode.begindatum;
          pr.einddatum = p.product_periode.einddatum;
          pr.volume = p.geleverd_volume;
          pr.eenheid = p.eenheid;
          pr.tarief_cent = p.product_tarief;
          pr.bedrag_cent = p.ingediend_bedrag.signed_cents();
          pr.debet_credit = p.ingediend_bedrag.debet_credit;
          pr.toegekend = ok;
          pr.retourcodes = findings_json(f);
          auto pid = bewaar_prestatie(o, pr);
          if (!pid.ok()) return pid.status();
          if (ok) cache.tel_bij(t->id, credit ? -pr.volume : pr.volume, pr.bedrag_cent);
        }
        append(r.findings, f);
      }
    }
    JR_RETURN_IF_ERROR(o.store.zet_declaratie_toegekend(*did, oordeel.toegekend));
  }
  r.uitkomst = uitkomst_van(aantal, geaccepteerd);
  auto g = retour_gegevens(o, ijw::Berichttype::JW325, "jw325", 'D');
  if (!g.ok()) return g.status();
  r.retour_xml = ijw::bouw_jw325(m, oordeel, *g);
  return o.store.zet_bericht_uitkomst(*bericht, status_naam(r.uitkomst), findings_json(r.findings),
                                      r.retour_xml, o.bytes, o.bytes_zstd);
}

}  // namespace jr::import::detail
