// Bestanden: writes a generated region to a directory in the file formats agreed with the
// importers (docs/generator.md): gemeenten.csv, aanbieders.csv, producten.csv,
// bevolking.csv, wijkteam.csv, and one XML file per iJw message under
// berichten/YYYY/YYYY-MM-DD/NNNNNN-JWxxx.xml, names sorting by dagtekening; or, with
// `tar`, one gzip-compressed tar per day, berichten/YYYY/YYYY-MM-DD.tar.gz, whose members
// are YYYY-MM-DD/NNNNNN-JWxxx.xml. The calling thread serialises the messages; a second
// thread (Schrijver) compresses and writes them, with a bounded amount of work in flight.
// When the stream ends (sluit), it writes contracten.csv, budgetplafonds.csv,
// voorzieningen.csv and voorzieningsdoelen.csv, with plafonds and figures set against the
// declared spend so that the region shows aanbieders below, near and over their plafond
// (docs/contracten.md).
#pragma once

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "generate/simulation.h"

namespace jr::generate {

class Bestanden : public Sink {
 public:
  // Creates `dir` (it must be absent or empty) and writes the static CSV files, with the
  // population for the years `van_jaar`..`tot_jaar`. FailedPrecondition when `dir` holds
  // files; Unavailable when it cannot be written.
  // With `tar`, messages go into one .tar.gz per day instead of one file each.
  static Result<std::unique_ptr<Bestanden>> open(const std::filesystem::path& dir, const Regio& r,
                                                 int van_jaar, int tot_jaar, bool tar = false);
  ~Bestanden() override;

  Status bericht(const ijw::Bericht& b) override;
  Status wijkteam(const WijkteamRegel& w) override;
  // Writes what is still pending, waits for the writing thread, closes wijkteam.csv and
  // writes the contract files. Unavailable on a write error (also one of an earlier message).
  Status sluit();

  int64_t berichten() const { return berichten_; }
  int64_t bytes() const { return bytes_; }  // XML bytes of the messages, before packing

 private:
  // One piece of work for the writing thread.
  struct Werk {
    enum Soort : uint8_t { kMap, kBestand, kArchiefOpen, kArchiefData, kArchiefSluit };
    Soort soort;
    std::string pad;     // kMap, kBestand, kArchiefOpen
    std::string inhoud;  // kBestand: the file; kArchiefData: the next bytes of the tar
  };
  class Schrijver;

  Bestanden(std::filesystem::path dir, const Regio& r, bool tar);
  Status geef(Werk w);
  Status sluit_dag();
  Status schrijf_contracten();

  std::filesystem::path dir_;
  const Regio& regio_;
  // Declared spend (signed cents) per (aanbieder, gemeente, year of the ProductPeriode), and
  // the last declared month per year.
  std::map<std::tuple<std::string, std::string, int>, int64_t> gedeclareerd_;
  std::map<int, unsigned> laatste_maand_;
  bool tar_ = false;
  std::unique_ptr<Schrijver> schrijver_;
  std::vector<Werk> batch_;
  size_t batch_bytes_ = 0;
  std::FILE* wijkteam_ = nullptr;
  int32_t dag_ = INT32_MIN;
  int jaar_ = INT32_MIN;
  std::string dagmap_, iso_;
  std::string xml_;      // reused serialisation buffer
  std::string archief_;  // tar bytes of the current day not yet handed over
  int64_t volgnr_ = 0, berichten_ = 0, bytes_ = 0;
};

// Sends every call to each of the sinks in turn; stops at the first error.
class Tee : public Sink {
 public:
  explicit Tee(std::vector<Sink*> sinks) : sinks_(std::move(sinks)) {}
  Status bericht(const ijw::Bericht& b) override {
    for (auto* s : sinks_) JR_RETURN_IF_ERROR(s->bericht(b));
    return Status::Ok();
  }
  Status wijkteam(const WijkteamRegel& w) override {
    for (auto* s : sinks_) JR_RETURN_IF_ERROR(s->wijkteam(w));
    return Status::Ok();
  }

 private:
  std::vector<Sink*> sinks_;
};

}  // namespace jr::generate
