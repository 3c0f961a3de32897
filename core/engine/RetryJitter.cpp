#include "RetryJitter.h"

#include <algorithm>
#include <cmath>

namespace flowdeck {

namespace {

/// Prefect's lower_clamp_multiple: the lower bound, as a multiple of the mean, that keeps the
/// mean of the clamped exponential distribution at the mean for an upper multiple @p k.
double lowerClampMultiple(double k) {
    if (k >= 50) return 0;  // 2^k would overflow the formula; the lower bound is 0 by then
    const double p = std::pow(2.0, k);
    return std::log2(std::max(p / (p - 1), 1e-10));
}

double exponentialCdf(double x, double mean) { return 1 - std::exp(-x / mean); }

}  // namespace

JitterBounds jitterBounds(double base, double factor) {
    if (base <= 0 || factor <= 0) return {std::max(base, 0.0), std::max(base, 0.0)};
    const double upperMultiple = 1 + factor;
    return {std::max(0.0, base * lowerClampMultiple(upperMultiple)), base * upperMultiple};
}

double jitteredDelay(double base, double factor, double uniform) {
    if (base <= 0 || factor <= 0) return std::max(base, 0.0);
    const JitterBounds bounds = jitterBounds(base, factor);
    const double lowerRv = exponentialCdf(bounds.lower, base);
    const double upperRv = exponentialCdf(bounds.upper, base);
    const double rv = lowerRv + (upperRv - lowerRv) * uniform;
    return -std::log(std::max(1 - rv, 1e-10)) * base;
}

}  // namespace flowdeck
