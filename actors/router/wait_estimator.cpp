#include "actors/router/wait_estimator.hpp"

#include <algorithm>
#include <cmath>

#include "actors/common/assert.hpp"

namespace sb::router {

WaitEstimator::WaitEstimator(Duration default_handle_time, Duration rate_window)
    : default_handle_time_(default_handle_time),
      bucket_width_(std::max(Duration(1), rate_window / static_cast<std::int64_t>(kRateBuckets))) {
  SB_ASSERT(default_handle_time > Duration::zero());
}

std::int64_t WaitEstimator::slot_of(Timestamp t) const {
  const std::int64_t ms = to_unix_ms(t);
  const std::int64_t width = bucket_width_.count();
  return ms >= 0 ? ms / width : (ms - width + 1) / width;
}

void WaitEstimator::record_arrival(ChannelKind kind, Tier tier, Timestamp at) {
  const std::int64_t slot = slot_of(at);
  auto& ring = arrivals_[kind_index(kind)][tier_index(tier)];
  Bucket& bucket = ring[static_cast<std::size_t>(slot % static_cast<std::int64_t>(kRateBuckets) +
                                                 static_cast<std::int64_t>(kRateBuckets)) %
                        kRateBuckets];
  if (bucket.slot == slot) {
    ++bucket.count;
  } else if (slot > bucket.slot) {
    bucket = Bucket{slot, 1};
  }  // else: older than the window the ring still covers
}

void WaitEstimator::record_handle_time(ChannelKind kind, Duration handle_time) {
  if (handle_time <= Duration::zero()) return;
  HandleTimes& h = handle_times_[kind_index(kind)];
  if (h.count == kHandleTimeSamplesMax) {
    h.sum_ms -= h.samples_ms[h.next];
  } else {
    ++h.count;
  }
  h.samples_ms[h.next] = handle_time.count();
  h.sum_ms += handle_time.count();
  h.next = (h.next + 1) % kHandleTimeSamplesMax;
}

double WaitEstimator::arrivals_per_s(ChannelKind kind, Tier tier_min, Timestamp now) const {
  const std::int64_t now_slot = slot_of(now);
  const std::int64_t oldest = now_slot - static_cast<std::int64_t>(kRateBuckets) + 1;
  std::uint64_t count = 0;
  for (std::size_t t = tier_index(tier_min); t < kTiers; ++t) {
    for (const Bucket& b : arrivals_[kind_index(kind)][t]) {
      if (b.slot >= oldest && b.slot <= now_slot) count += b.count;
    }
  }
  const double window_s =
      static_cast<double>(bucket_width_.count()) * static_cast<double>(kRateBuckets) / 1000.0;
  return static_cast<double>(count) / window_s;
}

Duration WaitEstimator::mean_handle_time(ChannelKind kind) const {
  const HandleTimes& h = handle_times_[kind_index(kind)];
  if (h.count == 0) return default_handle_time_;
  return Duration(h.sum_ms / static_cast<std::int64_t>(h.count));
}

double WaitEstimator::drain_per_s(ChannelKind kind, Tier tier, std::uint32_t servers,
                                  Timestamp now) const {
  if (servers == 0) return 0.0;
  const double aht_s = static_cast<double>(mean_handle_time(kind).count()) / 1000.0;
  double overtaking_per_s = 0.0;
  if (tier != Tier::enterprise) {
    const auto higher = static_cast<Tier>(static_cast<std::uint8_t>(tier) + 1);
    overtaking_per_s = arrivals_per_s(kind, higher, now);
  }
  return static_cast<double>(servers) / aht_s - overtaking_per_s;
}

Duration WaitEstimator::wait_behind(std::size_t position, std::uint32_t usable_free,
                                    double drain_per_s) {
  if (position <= usable_free) return Duration::zero();
  if (drain_per_s <= 0.0) return kEstimatedWaitMax;
  const double ahead = static_cast<double>(position - usable_free);
  const double max_s = static_cast<double>(kEstimatedWaitMax.count()) / 1000.0;
  const double wait_s = std::min(ahead / drain_per_s, max_s);
  return Duration(static_cast<std::int64_t>(std::llround(wait_s * 1000.0)));
}

Duration WaitEstimator::queued_wait(ChannelKind kind, Tier tier, std::size_t position,
                                    std::uint32_t usable_free, std::uint32_t servers,
                                    Timestamp now) const {
  return wait_behind(position, usable_free, drain_per_s(kind, tier, servers, now));
}

}  // namespace sb::router
