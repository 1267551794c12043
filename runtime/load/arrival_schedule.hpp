#pragma once
// The open-loop arrival schedule: the INTENDED send time of every message, fixed in advance by
// the rate shape and never by how fast the server answers. Latency is measured from these times,
// so a server that stalls is charged for every message that should have been sent meanwhile
// (no coordinated omission).

#include <chrono>
#include <cstdint>

#include "runtime/load/load_options.hpp"

namespace sb::load {

// The target rate (messages/s) at `seconds` after the start.
double rate_at(const RateShape& shape, double seconds);

// Share of the spike's extra rate in effect at `seconds`: 0 outside it, rising over the first
// kSpikeEdgeShare of its length, 1 on the plateau, falling over the last kSpikeEdgeShare.
double spike_level(const RateShape& shape, double seconds);
inline constexpr double kSpikeEdgeShare = 0.2;

// Walks the intended times: message k is due when the integral of the rate reaches k, so the
// count in any window matches the shape to within one message. Deterministic (no jitter).
class ArrivalSchedule {
 public:
  ArrivalSchedule(RateShape shape, std::chrono::nanoseconds duration);

  // The next intended offset from the start, or nullopt after the duration.
  bool next(std::chrono::nanoseconds& offset);
  std::uint64_t issued() const { return issued_; }

 private:
  RateShape shape_;
  double duration_s_;
  double t_ = 0;     // seconds of the last intended time
  double owed_ = 1;  // messages still to integrate before the next one is due
  std::uint64_t issued_ = 0;
};

// Integration step: fine enough that a spike's edge is followed within a millisecond.
inline constexpr double kScheduleStepSeconds = 0.001;

}  // namespace sb::load
