// The histogram's documented error bound against exact percentiles.

#include "runtime/analytics/latency_histogram.hpp"

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "runtime/analytics/top_texts.hpp"

namespace sb::analytics {
namespace {

TEST(LatencyHistogram, PercentilesWithinThreePercentOfExact) {
  std::mt19937_64 rng(5);
  std::lognormal_distribution<double> wait(9.0, 1.5);  // median ~8 s, long tail
  LatencyHistogram h;
  std::vector<std::int64_t> exact;
  for (int i = 0; i < 20'000; ++i) {
    const auto v = static_cast<std::int64_t>(wait(rng));
    h.add(v);
    exact.push_back(v);
  }
  std::sort(exact.begin(), exact.end());
  for (double p : {0.5, 0.9, 0.99, 0.999}) {
    const auto truth = static_cast<double>(exact[nearest_rank_index(p, exact.size())]);
    EXPECT_NEAR(static_cast<double>(h.percentile(p)), truth, truth / 32 + 1) << "p=" << p;
  }
  EXPECT_EQ(h.count(), exact.size());
}

TEST(LatencyHistogram, BucketsCoverEveryValueOnce) {
  for (std::int64_t v : {0LL, 1LL, 15LL, 16LL, 17LL, 31LL, 32LL, 1000LL, 123456789LL}) {
    const auto b = LatencyHistogram::bucket_of(v);
    EXPECT_LE(LatencyHistogram::bucket_lower(b), v);
    EXPECT_GT(LatencyHistogram::bucket_lower(b + 1), v);
  }
  EXPECT_LT(LatencyHistogram::bucket_of(INT64_MAX), kBucketCount);
  EXPECT_EQ(LatencyHistogram::bucket_of(-5), 0u);
}

TEST(TopTexts, ExactUnderCapacityAndBoundedAbove) {
  TopTexts small(3);
  for (int i = 0; i < 5; ++i) small.add("a");
  for (int i = 0; i < 3; ++i) small.add("b");
  small.add("c");
  EXPECT_EQ(small.top(2), (std::vector<TextCount>{{"a", 5}, {"b", 3}}));
  for (int i = 0; i < 20; ++i) small.add("a");
  for (int i = 0; i < 10; ++i) small.add("x" + std::to_string(i));
  EXPECT_EQ(small.size(), 3u);
  // Space-Saving keeps every text above total/capacity (39/3) and overstates by at most that.
  EXPECT_EQ(small.top(1).front().text, "a");
  EXPECT_LE(small.top(1).front().count, 25u + 39u / 3u);
  EXPECT_EQ(normalize_question("  Where is   my parcel?? "), "where is my parcel");
  EXPECT_EQ(normalize_question("我的快递到哪了？"), "我的快递到哪了");
}

}  // namespace
}  // namespace sb::analytics
