#pragma once
/// @file Prefect's retry jitter: a random delay around the base whose mean stays the base.

namespace flowdeck {

/// The delay before a retry, for a base delay @p base (seconds) and jitter factor @p factor,
/// given @p uniform drawn evenly from [0, 1). With factor 0 it is the base itself.
///
/// As Prefect's clamped_poisson_interval: an exponential (Poisson inter-arrival) variate with
/// mean @p base, clamped to at most base × (1 + factor) and from below so that the average stays
/// the base. A fleet of retrying tasks is spread out without waiting longer on average.
double jitteredDelay(double base, double factor, double uniform);

/// The bounds jitteredDelay() keeps to: {lower, upper}.
struct JitterBounds {
    double lower = 0;
    double upper = 0;
};
JitterBounds jitterBounds(double base, double factor);

}  // namespace flowdeck
