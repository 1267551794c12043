// The recorder's percentiles against the exact nearest-rank values of the same random samples:
// within the histogram's bucket error (1/32 above 16 us, exact below), max and count exact.

#include "runtime/load/latency_recorder.hpp"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "runtime/analytics/latency_histogram.hpp"

namespace sb::load {
namespace {

constexpr double kRelativeError = 1.0 / 32;
constexpr double kMicrosPerMilli = 1000.0;

double exact_ms(std::vector<std::int64_t> sorted_us, double p) {
  return static_cast<double>(sorted_us[nearest_rank_index(p, sorted_us.size())]) /
         kMicrosPerMilli;
}

void expect_close(double exact, double measured) {
  // Exact below 16 us; above, the bucket's midpoint, capped at the maximum.
  const double tolerance = std::max(exact * kRelativeError, 0.0) + 1.0 / kMicrosPerMilli;
  EXPECT_NEAR(measured, exact, tolerance);
}

TEST(LatencyRecorder, PercentilesMatchExactOnRandomData) {
  std::mt19937_64 rng(42);
  // Log-normal latencies from microseconds to seconds: every bucket range is exercised.
  std::lognormal_distribution<double> latency_us(6.0, 1.5);
  for (int round = 0; round < 5; ++round) {
    LatencyRecorder recorder;
    std::vector<std::int64_t> samples;
    for (int i = 0; i < 20'000; ++i) {
      const auto us = static_cast<std::int64_t>(latency_us(rng));
      samples.push_back(us);
      recorder.record(std::chrono::microseconds(us));
    }
    std::sort(samples.begin(), samples.end());
    const auto s = recorder.summary();
    EXPECT_EQ(s.count, samples.size());
    EXPECT_DOUBLE_EQ(s.max_ms, static_cast<double>(samples.back()) / kMicrosPerMilli);
    expect_close(exact_ms(samples, 0.50), s.p50_ms);
    expect_close(exact_ms(samples, 0.90), s.p90_ms);
    expect_close(exact_ms(samples, 0.99), s.p99_ms);
    expect_close(exact_ms(samples, 0.999), s.p999_ms);
    EXPECT_LE(s.p999_ms, s.max_ms);
  }
}

TEST(LatencyRecorder, ExactBelowSixteenMicrosecondsAndEmptyIsZero) {
  LatencyRecorder empty;
  EXPECT_EQ(empty.summary().count, 0u);
  EXPECT_EQ(empty.summary().p99_ms, 0.0);
  LatencyRecorder small;
  for (int us = 1; us <= 10; ++us) small.record(std::chrono::microseconds(us));
  EXPECT_DOUBLE_EQ(small.percentile_ms(0.5), 0.005);
  EXPECT_DOUBLE_EQ(small.summary().max_ms, 0.010);
}

TEST(LatencyRecorder, MergeEqualsRecordingEverything) {
  LatencyRecorder a, b, all;
  for (int i = 1; i < 1000; ++i) {
    (i % 2 ? a : b).record(std::chrono::microseconds(i * 37));
    all.record(std::chrono::microseconds(i * 37));
  }
  a.merge(b);
  EXPECT_EQ(a.summary().count, all.summary().count);
  EXPECT_EQ(a.summary().p99_ms, all.summary().p99_ms);
  EXPECT_EQ(a.summary().max_ms, all.summary().max_ms);
}

}  // namespace
}  // namespace sb::load
