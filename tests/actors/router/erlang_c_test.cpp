#include "actors/router/erlang_c.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace sb::router::erlang_c {
namespace {

// The textbook call-centre example (e.g. the Erlang C worked example on callcentrehelper.com):
// 100 calls per 30 minutes at 180 s handle time = 10 Erlangs. Reference values computed exactly
// (rational arithmetic, factorial form).
TEST(ErlangC, TextbookTenErlangs) {
  EXPECT_NEAR(probability_of_waiting(11, 10.0), 0.682118, 1e-6);
  EXPECT_NEAR(probability_of_waiting(12, 10.0), 0.449388, 1e-6);
  EXPECT_NEAR(probability_of_waiting(13, 10.0), 0.285270, 1e-6);
  EXPECT_NEAR(probability_of_waiting(14, 10.0), 0.174132, 1e-6);
  EXPECT_NEAR(average_speed_of_answer(14, 10.0, 180.0), 7.8359, 1e-4);
  EXPECT_NEAR(service_level(14, 10.0, 180.0, 20.0), 0.888350, 1e-6);
  EXPECT_NEAR(service_level(13, 10.0, 180.0, 20.0), 0.795595, 1e-6);
  // 80% answered within 20 s needs 14 agents.
  EXPECT_EQ(servers_needed(10.0, 180.0, 20.0, 0.80, 100), 14u);
}

TEST(ErlangC, SmallExactValues) {
  EXPECT_NEAR(erlang_b(10, 10.0), 0.214582, 1e-6);
  EXPECT_NEAR(probability_of_waiting(2, 1.0), 1.0 / 3.0, 1e-12);  // M/M/2 at ρ = 0.5
  EXPECT_NEAR(probability_of_waiting(1, 0.5), 0.5, 1e-12);        // M/M/1: P_w = ρ
  EXPECT_DOUBLE_EQ(erlang_b(0, 3.0), 1.0);
  EXPECT_DOUBLE_EQ(probability_of_waiting(5, 0.0), 0.0);
}

TEST(ErlangC, StableForHundredsOfServers) {
  // A factorial form overflows a double at 171!; the recurrence does not.
  EXPECT_NEAR(probability_of_waiting(300, 290.5), 0.469815, 1e-6);
  EXPECT_NEAR(probability_of_waiting(500, 480.0), 0.266513, 1e-6);
  EXPECT_NEAR(probability_of_waiting(1000, 950.0), 0.068253, 1e-6);
  for (std::uint32_t n = 1; n <= 5000; n *= 3) {
    const double p = probability_of_waiting(n, 0.97 * n);
    EXPECT_TRUE(std::isfinite(p) && p >= 0.0 && p <= 1.0) << n;
  }
}

TEST(ErlangC, OverloadAndEdges) {
  EXPECT_DOUBLE_EQ(probability_of_waiting(10, 10.0), 1.0);
  EXPECT_DOUBLE_EQ(probability_of_waiting(0, 1.0), 1.0);
  EXPECT_EQ(average_speed_of_answer(10, 12.0, 180.0), std::numeric_limits<double>::infinity());
  EXPECT_DOUBLE_EQ(service_level(10, 12.0, 180.0, 20.0), 0.0);
  EXPECT_EQ(servers_needed(10.0, 180.0, 20.0, 0.99, 12), 13u);  // not reachable within the cap
}

TEST(ErlangC, MoreServersNeverHurt) {
  double previous = 1.0;
  for (std::uint32_t n = 11; n < 40; ++n) {
    const double p = probability_of_waiting(n, 10.0);
    EXPECT_LT(p, previous);
    previous = p;
  }
}

}  // namespace
}  // namespace sb::router::erlang_c
