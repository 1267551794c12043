#pragma once
// Live inputs for wait estimates: arrival rates per (kind, tier) over a sliding window and the
// mean handle time per kind over the last samples. Deterministic: time is passed in.

#include <array>
#include <cstddef>
#include <cstdint>

#include "actors/common/time.hpp"
#include "actors/router/router_model.hpp"

namespace sb::router {

inline constexpr std::size_t kRateBuckets = 60;
inline constexpr std::size_t kHandleTimeSamplesMax = 256;

class WaitEstimator {
 public:
  WaitEstimator(Duration default_handle_time, Duration rate_window);

  // `at` may lie in the past (recovery re-enqueues with the original time); arrivals older than
  // the window are not counted.
  void record_arrival(ChannelKind kind, Tier tier, Timestamp at);
  void record_handle_time(ChannelKind kind, Duration handle_time);

  // Arrivals per second of `kind` with a tier of at least `tier_min`, over the window before now.
  double arrivals_per_s(ChannelKind kind, Tier tier_min, Timestamp now) const;
  // Mean of the recorded handle times, or the default before the first one.
  Duration mean_handle_time(ChannelKind kind) const;

  // Expected wait of the conversation `position`-th in line (1 = next) in an M/M/c queue with
  // `servers` slots, of which `usable_free` are free now: the first `usable_free` in line start
  // at once, the rest wait for as many completions. Completions come at servers / AHT per second,
  // but higher tiers arriving meanwhile go first, so the line moves at
  // servers / AHT − λ(higher tiers) (drain_per_s). This is Erlang C's waiting time conditioned on
  // the known position (the unconditional Erlang-C mean, erlang_c::average_speed_of_answer, is
  // what a customer not yet in line can expect). Capped at kEstimatedWaitMax.
  Duration queued_wait(ChannelKind kind, Tier tier, std::size_t position, std::uint32_t usable_free,
                       std::uint32_t servers, Timestamp now) const;
  // The two halves of queued_wait, so a pass over the whole queue computes rates once per tier.
  double drain_per_s(ChannelKind kind, Tier tier, std::uint32_t servers, Timestamp now) const;
  static Duration wait_behind(std::size_t position, std::uint32_t usable_free, double drain_per_s);

 private:
  struct Bucket {
    std::int64_t slot = -1;
    std::uint32_t count = 0;
  };
  struct HandleTimes {
    std::array<std::int64_t, kHandleTimeSamplesMax> samples_ms{};
    std::size_t count = 0;
    std::size_t next = 0;
    std::int64_t sum_ms = 0;
  };
  static constexpr std::size_t kTiers = 4;
  static std::size_t kind_index(ChannelKind kind) { return static_cast<std::size_t>(kind) - 1; }
  static std::size_t tier_index(Tier tier) { return static_cast<std::size_t>(tier) - 1; }
  std::int64_t slot_of(Timestamp t) const;

  Duration default_handle_time_;
  Duration bucket_width_;
  std::array<std::array<std::array<Bucket, kRateBuckets>, kTiers>, kChannelKinds.size()> arrivals_;
  std::array<HandleTimes, kChannelKinds.size()> handle_times_;
};

}  // namespace sb::router
