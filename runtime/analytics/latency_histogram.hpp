#pragma once
// A fixed, log-bucketed latency histogram (HDR-style): exact below 16 ms, then 16 sub-buckets per
// power of two. Memory is bounded by kBucketCount counters whatever the number of samples.
//
// Error: a percentile is reported as the midpoint of the bucket holding the exact nearest-rank
// sample, so it is within 1/32 (3.2%) of the exact value (exact below 16 ms). Sums, counts and
// therefore averages are exact.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "actors/common/percentile.hpp"  // nearest_rank_index: the percentile used here

namespace sb::analytics {

inline constexpr int kSubBucketBits = 4;
inline constexpr std::int64_t kSubBuckets = std::int64_t{1} << kSubBucketBits;
// Larger samples are clamped: 2^40 ms is about 35 years, far beyond any wait.
inline constexpr int kValueBitsMax = 40;
inline constexpr std::size_t kBucketCount =
    static_cast<std::size_t>(kSubBuckets + (kValueBitsMax - kSubBucketBits) * kSubBuckets);

class LatencyHistogram {
 public:
  static std::size_t bucket_of(std::int64_t value_ms);
  static std::int64_t bucket_lower(std::size_t bucket);
  // What a percentile reports for a sample that falls in the same bucket as `value_ms`.
  static std::int64_t representative(std::int64_t value_ms);

  void add(std::int64_t value_ms);
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  std::int64_t sum_ms() const { return sum_ms_; }
  double average_ms() const;
  // Nearest rank: the sample at rank ceil(p * count), as its bucket's representative; 0 if empty.
  std::int64_t percentile(double p) const;

  bool operator==(const LatencyHistogram&) const = default;

 private:
  // Grown up to the highest bucket used, so a cell that never saw a sample costs nothing.
  std::vector<std::uint64_t> counts_;
  std::uint64_t count_ = 0;
  std::int64_t sum_ms_ = 0;
};

}  // namespace sb::analytics
