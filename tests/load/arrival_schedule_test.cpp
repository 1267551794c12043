// The open-loop schedule: intended times follow the rate shape (count per window = the integral of
// the rate), never depend on the server, and the spike rises, holds and falls where it is told.

#include "runtime/load/arrival_schedule.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace sb::load {
namespace {

std::vector<double> intended_seconds(const RateShape& shape, double seconds) {
  ArrivalSchedule schedule(shape, std::chrono::milliseconds(static_cast<long>(seconds * 1000)));
  std::vector<double> times;
  std::chrono::nanoseconds offset{};
  while (schedule.next(offset)) times.push_back(std::chrono::duration<double>(offset).count());
  return times;
}

std::size_t count_in(const std::vector<double>& times, double from, double to) {
  std::size_t n = 0;
  for (double t : times) n += t >= from && t < to ? 1 : 0;
  return n;
}

TEST(ArrivalSchedule, ConstantRateIsEvenlySpaced) {
  RateShape shape;
  shape.rate = 200;
  const auto times = intended_seconds(shape, 2.0);
  ASSERT_NEAR(static_cast<double>(times.size()), 400.0, 1.0);
  for (std::size_t i = 1; i < times.size(); ++i) EXPECT_NEAR(times[i] - times[i - 1], 0.005, 1e-6);
}

TEST(ArrivalSchedule, RampStartsAtItsShareAndReachesTheRate) {
  RateShape shape;
  shape.rate = 1000;
  shape.ramp_seconds = 10;
  EXPECT_DOUBLE_EQ(rate_at(shape, 0), 1000 * kRampStartShare);
  EXPECT_DOUBLE_EQ(rate_at(shape, 5), 1000 * (kRampStartShare + (1 - kRampStartShare) / 2));
  EXPECT_DOUBLE_EQ(rate_at(shape, 10), 1000);
  const auto times = intended_seconds(shape, 12);
  // The ramp's integral: 10 s * (100 + 1000) / 2 = 5500, then 2 s at 1000.
  EXPECT_NEAR(static_cast<double>(count_in(times, 0, 10)), 5500, 2);
  EXPECT_NEAR(static_cast<double>(count_in(times, 10, 12)), 2000, 2);
}

TEST(ArrivalSchedule, SpikeRisesHoldsAndFalls) {
  RateShape shape;
  shape.rate = 100;
  shape.spike_at_seconds = 10;
  shape.spike_seconds = 5;
  shape.spike_factor = 4;
  EXPECT_DOUBLE_EQ(rate_at(shape, 9.99), 100);
  EXPECT_DOUBLE_EQ(rate_at(shape, 10.5), 100 + 300 * 0.5);  // halfway up the 1 s edge
  EXPECT_DOUBLE_EQ(rate_at(shape, 12.5), 400);              // plateau
  EXPECT_DOUBLE_EQ(rate_at(shape, 14.5), 100 + 300 * 0.5);  // halfway down
  EXPECT_DOUBLE_EQ(rate_at(shape, 15), 100);
  const auto times = intended_seconds(shape, 20);
  EXPECT_NEAR(static_cast<double>(count_in(times, 0, 10)), 1000, 2);
  EXPECT_NEAR(static_cast<double>(count_in(times, 11, 14)), 1200, 2);
  // The whole spike: 5 s base + the extra 300/s over 3 s plateau + 2 * 0.5 s of edges.
  EXPECT_NEAR(static_cast<double>(count_in(times, 10, 15)), 500 + 300 * 4, 3);
  EXPECT_NEAR(static_cast<double>(count_in(times, 15, 20)), 500, 2);
}

TEST(ArrivalSchedule, IntendedTimesAreIncreasingAndWithinTheDuration) {
  RateShape shape;
  shape.rate = 3333;
  shape.ramp_seconds = 1;
  shape.spike_at_seconds = 1.5;
  shape.spike_factor = 10;
  shape.spike_seconds = 0.5;
  const auto times = intended_seconds(shape, 3);
  for (std::size_t i = 1; i < times.size(); ++i) EXPECT_GT(times[i], times[i - 1]);
  EXPECT_LT(times.back(), 3.0);
}

}  // namespace
}  // namespace sb::load
