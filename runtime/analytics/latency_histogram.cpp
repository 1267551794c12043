#include "runtime/analytics/latency_histogram.hpp"

#include <algorithm>
#include <bit>

namespace sb::analytics {
namespace {

constexpr std::int64_t kValueMax = (std::int64_t{1} << kValueBitsMax) - 1;

}  // namespace

std::size_t LatencyHistogram::bucket_of(std::int64_t value_ms) {
  const auto v = static_cast<std::uint64_t>(std::clamp<std::int64_t>(value_ms, 0, kValueMax));
  if (v < static_cast<std::uint64_t>(kSubBuckets)) return static_cast<std::size_t>(v);
  const int exponent = std::bit_width(v) - 1;  // >= kSubBucketBits
  const int shift = exponent - kSubBucketBits;
  const auto mantissa = (v >> shift) & static_cast<std::uint64_t>(kSubBuckets - 1);
  return static_cast<std::size_t>(kSubBuckets + shift * kSubBuckets) +
         static_cast<std::size_t>(mantissa);
}

std::int64_t LatencyHistogram::bucket_lower(std::size_t bucket) {
  const auto b = static_cast<std::int64_t>(bucket);
  if (b < kSubBuckets) return b;
  const std::int64_t shift = (b - kSubBuckets) / kSubBuckets;
  const std::int64_t mantissa = (b - kSubBuckets) % kSubBuckets;
  return (kSubBuckets + mantissa) << shift;
}

std::int64_t LatencyHistogram::representative(std::int64_t value_ms) {
  const std::size_t bucket = bucket_of(value_ms);
  const std::int64_t lower = bucket_lower(bucket);
  const std::int64_t width = bucket_lower(bucket + 1) - lower;
  return lower + (width - 1) / 2;
}

void LatencyHistogram::add(std::int64_t value_ms) {
  const std::size_t bucket = bucket_of(value_ms);
  if (counts_.size() <= bucket) counts_.resize(bucket + 1, 0);
  ++counts_[bucket];
  ++count_;
  sum_ms_ += std::max<std::int64_t>(value_ms, 0);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (counts_.size() < other.counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (std::size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
  sum_ms_ += other.sum_ms_;
}

double LatencyHistogram::average_ms() const {
  return count_ == 0 ? 0.0 : static_cast<double>(sum_ms_) / static_cast<double>(count_);
}

std::int64_t LatencyHistogram::percentile(double p) const {
  if (count_ == 0) return 0;
  const std::uint64_t rank = nearest_rank_index(p, count_) + 1;
  std::uint64_t seen = 0;
  for (std::size_t bucket = 0; bucket < counts_.size(); ++bucket) {
    seen += counts_[bucket];
    if (seen >= rank) return representative(bucket_lower(bucket));
  }
  return representative(bucket_lower(counts_.size() - 1));
}

}  // namespace sb::analytics
