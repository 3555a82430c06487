// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2,
// 3", SC 2011): a counter-based generator. Each draw is a pure function of (key, counter),
// so that a number belongs to a named event (run, jeugdige, what is drawn, which draw)
// rather than to a position in a stream. Two scenarios that ask for the same event get the
// same number: common random numbers, so that a scenario's effect is a paired difference
// and not noise; and the result does not depend on which thread ran which run.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>

namespace jr::prognose {

inline std::array<uint32_t, 4> philox4x32_10(std::array<uint32_t, 4> c, std::array<uint32_t, 2> k) {
  constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
  constexpr uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
  for (int r = 0; r < 10; ++r) {
    const uint64_t p0 = uint64_t{kM0} * c[0];
    const uint64_t p1 = uint64_t{kM1} * c[2];
    c = {static_cast<uint32_t>(p1 >> 32) ^ c[1] ^ k[0], static_cast<uint32_t>(p1),
         static_cast<uint32_t>(p0 >> 32) ^ c[3] ^ k[1], static_cast<uint32_t>(p0)};
    k[0] += kW0;
    k[1] += kW1;
  }
  return c;
}

// What a draw is for; part of the counter, so that streams for different purposes of the
// same entity never overlap.
enum class Doel : uint32_t {
  kParameter = 1,  // the run's parameter draws (entity: parameter index)
  kInstroom = 2,   // arrivals per cell and month (entity: cell, month)
  kJeugdige = 3,   // everything that happens to one jeugdige (entity: its key)
  kDrift = 4,      // the run's drift path (entity: month)
};

// The numbers of one entity in one run: draw n is philox(key = (run, seed), counter = (n,
// doel, entity)).
class Stroom {
 public:
  // `sub` (up to 2^24) splits an entity's numbers further, e.g. by its n-th traject.
  Stroom(uint64_t seed, uint32_t run, Doel doel, uint64_t entiteit, uint32_t sub = 0)
      : key_{run, static_cast<uint32_t>(seed) ^ static_cast<uint32_t>(seed >> 32)},
        doel_(static_cast<uint32_t>(doel) | (sub << 8)),
        e_lo_(static_cast<uint32_t>(entiteit)),
        e_hi_(static_cast<uint32_t>(entiteit >> 32)) {}

  // Uniform in (0, 1) with 32 bits of resolution, never exactly 0 or 1 (so -log(u) is
  // finite): four per block of the generator.
  double uniform() {
    if (rest_ == 0) {
      buf_ = philox4x32_10({n_++, doel_, e_lo_, e_hi_}, key_);
      rest_ = 4;
    }
    return (static_cast<double>(buf_[static_cast<size_t>(--rest_)]) + 0.5) * 0x1.0p-32;
  }
  // Exponential with mean 1.
  double exponentieel() { return -std::log(uniform()); }
  // Standard normal (Box-Muller, one value per call).
  double normaal() {
    const double u1 = uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Gamma with this shape and mean `shape` (scale 1); Marsaglia and Tsang (2000), with the
  // boost u^(1/a) for shapes below 1.
  double gamma(double shape) {
    if (shape <= 0) return 0;
    if (shape < 1) return gamma(shape + 1) * std::pow(uniform(), 1.0 / shape);
    const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x, v;
      do {
        x = normaal();
        v = 1.0 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const double u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
    }
  }
  // Poisson with mean `mu` by inversion of one uniform (monotone in mu: a lower mean never
  // gives more, which keeps scenarios paired); for large means a normal approximation.
  int64_t poisson(double mu) {
    if (mu <= 0) return 0;
    const double u = uniform();
    if (mu > 200) {
      // Normal approximation with a skewness correction, from the same single number.
      const double z = inverse_normaal(u);
      const double x = mu + std::sqrt(mu) * z + (z * z - 1) / 6.0;
      return x < 0 ? 0 : static_cast<int64_t>(std::floor(x + 0.5));
    }
    double p = std::exp(-mu), cum = p;
    int64_t k = 0;
    while (u > cum && k < 10000) {
      ++k;
      p *= mu / static_cast<double>(k);
      cum += p;
    }
    return k;
  }

  // The inverse of the standard normal distribution function (Acklam's rational
  // approximation, relative error below 1.2e-9).
  static double inverse_normaal(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                   -2.759285104469687e+02, 1.383577518672690e+02,
                                   -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                   -1.556989798598866e+02, 6.680131188771972e+01,
                                   -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                   -2.400758277161838e+00, -2.549732539343734e+00,
                                   4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                   2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double lo = 0.02425, hi = 1 - lo;
    if (p < lo) {
      const double q = std::sqrt(-2 * std::log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
             ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > hi) {
      const double q = std::sqrt(-2 * std::log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
             ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

 private:
  std::array<uint32_t, 2> key_;
  uint32_t doel_, e_lo_, e_hi_;
  uint32_t n_ = 0;
  int rest_ = 0;
  std::array<uint32_t, 4> buf_{};
};

}  // namespace jr::prognose
