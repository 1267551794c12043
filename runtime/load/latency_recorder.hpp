#pragma once
// A thread-safe latency recorder: the analytics' log-bucketed (HDR-style) histogram counting
// MICROSECONDS, so percentiles are exact below 16 us and within 3.2% above, in bounded memory
// whatever the number of samples; the maximum and the mean are exact.

#include <chrono>
#include <cstdint>
#include <mutex>

#include "runtime/analytics/latency_histogram.hpp"

namespace sb::load {

struct LatencySummary {
  std::uint64_t count = 0;
  double mean_ms = 0;
  double p50_ms = 0;
  double p90_ms = 0;
  double p99_ms = 0;
  double p999_ms = 0;
  double max_ms = 0;
};

class LatencyRecorder {
 public:
  void record(std::chrono::nanoseconds latency);
  void merge(const LatencyRecorder& other);
  LatencySummary summary() const;
  // Nearest-rank percentile (p in 0..1) in milliseconds; 0 when empty.
  double percentile_ms(double p) const;

 private:
  mutable std::mutex mutex_;
  analytics::LatencyHistogram micros_;
  std::int64_t max_us_ = 0;
};

}  // namespace sb::load
