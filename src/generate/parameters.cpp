#include "generate/parameters.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace jr::generate {
namespace {

using nlohmann::json;

Duur duur_of(const json& j) {
  return Duur{j.at("mediaan").get<double>(), j.at("sigma").get<double>()};
}

std::vector<double> weights_of(const json& j, size_t n, const char* key) {
  auto v = j.get<std::vector<double>>();
  if (v.size() != n)
    throw std::invalid_argument(std::string(key) + ": verwacht " + std::to_string(n) + " getallen");
  return v;
}

ProductParam product_of(const json& j) {
  ProductParam p;
  p.categorie = j.at("categorie").get<std::string>();
  p.code = j.at("code").get<std::string>();
  p.omschrijving = j.at("omschrijving").get<std::string>();
  p.eenheid = j.at("eenheid").get<std::string>();
  p.tarief_cent = j.at("tarief_cent").get<int64_t>();
  p.hulpvorm = j.value("hulpvorm", std::string());
  p.volume = j.at("volume").get<int64_t>();
  p.frequentie = j.at("frequentie").get<std::string>();
  p.gewicht = j.value("gewicht", 0.0);
  p.crisis = j.value("crisis", false);
  p.duur = duur_of(j.at("duur"));
  if (j.contains("wachttijd")) p.wachttijd = duur_of(j.at("wachttijd"));
  if (p.code.empty() || p.code.size() > 5)
    throw std::invalid_argument("productcode: 1 tot 5 tekens");
  if (p.tarief_cent < 0 || p.volume <= 0)
    throw std::invalid_argument("tarief_cent/volume: " + p.code);
  return p;
}

// One entry of `regimewissels`: {"vanaf": DATE, "instroom_factor": F, "duur_factor": F,
// "verblijf_factor": F}; factors default to 1 and lie in (0, 10]; no other keys.
Regimewissel regimewissel_of(const json& j) {
  if (!j.is_object()) throw std::invalid_argument("regimewissels: elk element is een object");
  Regimewissel r;
  auto vanaf = Date::parse(j.at("vanaf").get<std::string>());
  if (!vanaf) throw std::invalid_argument("regimewissels: vanaf is geen datum JJJJ-MM-DD");
  r.vanaf = *vanaf;
  for (const auto& [k, v] : j.items()) {
    double* f = k == "instroom_factor"   ? &r.instroom_factor
                : k == "duur_factor"     ? &r.duur_factor
                : k == "verblijf_factor" ? &r.verblijf_factor
                                         : nullptr;
    if (k == "vanaf") continue;
    if (f == nullptr) throw std::invalid_argument("regimewissels: onbekende sleutel " + k);
    *f = v.get<double>();
    if (!(*f > 0.0 && *f <= 10.0))
      throw std::invalid_argument("regimewissels: " + k + " moet tussen 0 en 10 liggen");
  }
  return r;
}

std::map<std::string, double> mix_of(const json& j) {
  return j.get<std::map<std::string, double>>();
}

}  // namespace

double Duur::gemiddelde() const { return mediaan * std::exp(sigma * sigma / 2.0); }

std::filesystem::path standaard_parameters_bestand() {
  return std::filesystem::path(JR_SOURCE_DIR) / "data" / "generator" / "parameters.json";
}

Result<Parameters> Parameters::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound("parameterbestand niet gevonden: " + file.string());
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

Result<Parameters> Parameters::parse(const std::string& text) {
  Parameters p;
  p.tekst = text;
  try {
    const json j = json::parse(text);
    p.opwarmjaren = j.at("opwarmjaren").get<int>();
    const auto& b = j.at("bevolking");
    p.groei_per_jaar = b.at("groei_per_jaar").get<double>();
    p.verhouding_18_22 = b.at("verhouding_18_22_tov_0_17").get<double>();
    p.leeftijdsprofiel = weights_of(b.at("leeftijdsprofiel_0_22"), 23, "leeftijdsprofiel_0_22");
    p.nl_totaal_0_17 = b.at("nl_totaal_0_17").get<int64_t>();
    p.nl_grootte_sigma = b.at("nl_grootte_sigma").get<double>();
    p.nl_pct_spreiding = b.at("nl_pct_jeugdhulp_spreiding").get<double>();

    const auto& d = j.at("doelen");
    p.pct_jeugdhulp_nl = d.at("pct_jeugdhulp_nl").get<double>();
    p.tol_pct_jeugdhulp = d.at("tolerantie_pct_jeugdhulp").get<double>();
    p.hulpvorm_mix = mix_of(d.at("hulpvorm_mix"));
    p.verwijzer_mix = mix_of(d.at("verwijzer_mix"));
    p.tol_mix = d.at("tolerantie_mix").get<double>();
    p.trajecten_per_jeugdige = d.at("trajecten_per_jeugdige").get<double>();
    p.tol_trajecten_per_jeugdige = d.at("tolerantie_trajecten_per_jeugdige").get<double>();
    p.kosten_min_euro = d.at("kosten_per_client_min_euro").get<double>();
    p.kosten_max_euro = d.at("kosten_per_client_max_euro").get<double>();
    p.pct_jeugdbescherming = d.at("pct_jeugdbescherming").get<double>();
    p.pct_jeugdreclassering = d.at("pct_jeugdreclassering").get<double>();
    p.pct_met_verblijf = d.at("pct_met_verblijf").get<double>();
    p.tol_pct_maatregel = d.at("tolerantie_pct_maatregel").get<double>();
    for (const char* k : {"wijkteam", "zonder_verblijf", "met_verblijf"})
      if (!p.hulpvorm_mix.count(k))
        throw std::invalid_argument(std::string("hulpvorm_mix mist ") + k);

    const auto& l = j.at("loopbaan");
    p.instroom_leeftijd = weights_of(l.at("instroom_leeftijd_0_22"), 23, "instroom_leeftijd_0_22");
    p.kans_vervolg = l.at("kans_vervolg").get<double>();
    p.vervolg_pauze = duur_of(l.at("vervolg_pauze_dagen"));
    p.kans_parallel = l.at("kans_parallel").get<double>();
    p.parallel_binnen_dagen = l.at("parallel_binnen_dagen").get<int>();
    p.max_trajecten = l.at("max_trajecten").get<int>();
    p.wijkteam_duur = duur_of(l.at("wijkteam_duur_dagen"));
    p.kans_verzoek_om_wijziging = l.at("kans_verzoek_om_wijziging").get<double>();
    p.verzoek_om_wijziging_dagen = l.at("verzoek_om_wijziging_dagen").get<int>();
    if (p.kans_verzoek_om_wijziging < 0 || p.kans_verzoek_om_wijziging > 1 ||
        p.verzoek_om_wijziging_dagen < 1)
      throw std::invalid_argument(
          "kans_verzoek_om_wijziging ligt tussen 0 en 1, verzoek_om_wijziging_dagen is minstens 1");

    const auto& t = j.at("doorlooptijden_dagen");
    p.jw315_tot_jw301_min = t.at("jw315_tot_jw301_min").get<int>();
    p.jw315_tot_jw301_max = t.at("jw315_tot_jw301_max").get<int>();
    p.jw305_vertraging_max = t.at("jw305_vertraging_max").get<int>();
    p.jw307_vertraging_max = t.at("jw307_vertraging_max").get<int>();
    p.declaratie_dag_min = t.at("declaratie_dag_min").get<int>();
    p.declaratie_dag_max = t.at("declaratie_dag_max").get<int>();
    if (p.declaratie_dag_min <= p.jw305_vertraging_max)
      throw std::invalid_argument("declaratie_dag_min moet groter zijn dan jw305_vertraging_max");

    p.reden_beeindiging = mix_of(j.at("reden_beeindiging"));
    p.reden_beeindiging_18plus = mix_of(j.at("reden_beeindiging_18plus"));
    for (const auto& pj : j.at("producten")) p.producten.push_back(product_of(pj));
    if (p.producten.empty()) throw std::invalid_argument("producten: leeg");

    const auto& m = j.at("maatregelen");
    p.jeugdbescherming = product_of(m.at("jeugdbescherming"));
    p.jeugdreclassering = product_of(m.at("jeugdreclassering"));
    p.jb_leeftijd = weights_of(m.at("jeugdbescherming").at("leeftijd_0_22"), 23, "leeftijd_0_22");
    p.jr_leeftijd = weights_of(m.at("jeugdreclassering").at("leeftijd_0_22"), 23, "leeftijd_0_22");
    p.gi_verwijzing_met_maatregel = m.at("gi_verwijzing_met_maatregel").get<double>();

    const auto& a = j.at("aanbieders");
    p.jeugdigen_per_aanbieder = a.at("jeugdigen_per_aanbieder").get<double>();
    p.min_aanbieders_per_regio = a.at("min_per_regio").get<int>();
    p.gi_per_regio = a.at("gi_per_regio").get<int>();
    p.kans_hulpvorm_per_aanbieder = a.at("kans_hulpvorm").get<double>();
    p.aanbieder_grootte_sigma = a.at("grootte_sigma").get<double>();

    for (const auto& [naam, rj] : j.at("regios").items()) {
      RegioParam r;
      r.referentiejaar = rj.at("referentiejaar").get<int>();
      if (rj.contains("gemeenten"))
        for (const auto& g : rj.at("gemeenten"))
          r.gemeenten.push_back(GemeenteParam{
              g.at("code").get<std::string>(), g.at("jeugdigen_0_17").get<int64_t>(),
              g.at("pct_jeugdhulp").get<double>(), g.value("jongvolwassenen_18_22", int64_t{-1})});
      r.pct_jeugdbescherming = rj.value("pct_jeugdbescherming", p.pct_jeugdbescherming);
      r.pct_jeugdreclassering = rj.value("pct_jeugdreclassering", p.pct_jeugdreclassering);
      r.pct_met_verblijf = rj.value("pct_met_verblijf", p.pct_met_verblijf);
      p.regios[naam] = std::move(r);
    }
    if (j.contains("regimewissels")) {
      for (const auto& rj : j.at("regimewissels")) p.regimewissels.push_back(regimewissel_of(rj));
      std::stable_sort(
          p.regimewissels.begin(), p.regimewissels.end(),
          [](const Regimewissel& x, const Regimewissel& y) { return x.vanaf < y.vanaf; });
    }
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(std::string("parameterbestand ongeldig: ") + e.what());
  } catch (const std::invalid_argument& e) {
    return InvalidArgument(std::string("parameterbestand ongeldig: ") + e.what());
  }
  return p;
}

}  // namespace jr::generate
