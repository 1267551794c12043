#include "runtime/load/latency_recorder.hpp"

#include <algorithm>

namespace sb::load {
namespace {

constexpr double kMicrosPerMilli = 1000.0;

}  // namespace

void LatencyRecorder::record(std::chrono::nanoseconds latency) {
  const auto us = std::max<std::int64_t>(
      0, std::chrono::duration_cast<std::chrono::microseconds>(latency).count());
  std::lock_guard lock(mutex_);
  micros_.add(us);
  max_us_ = std::max(max_us_, us);
}

void LatencyRecorder::merge(const LatencyRecorder& other) {
  if (&other == this) return;
  std::scoped_lock lock(mutex_, other.mutex_);
  micros_.merge(other.micros_);
  max_us_ = std::max(max_us_, other.max_us_);
}

double LatencyRecorder::percentile_ms(double p) const {
  std::lock_guard lock(mutex_);
  // A bucket's representative can exceed the largest sample in it: never report above the max.
  return static_cast<double>(std::min(micros_.percentile(p), max_us_)) / kMicrosPerMilli;
}

LatencySummary LatencyRecorder::summary() const {
  LatencySummary s;
  {
    std::lock_guard lock(mutex_);
    s.count = micros_.count();
    s.mean_ms = micros_.average_ms() / kMicrosPerMilli;  // the histogram's unit is microseconds
    s.max_ms = static_cast<double>(max_us_) / kMicrosPerMilli;
  }
  s.p50_ms = percentile_ms(0.50);
  s.p90_ms = percentile_ms(0.90);
  s.p99_ms = percentile_ms(0.99);
  s.p999_ms = percentile_ms(0.999);
  return s;
}

}  // namespace sb::load
