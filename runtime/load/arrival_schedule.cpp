#include "runtime/load/arrival_schedule.hpp"

#include <algorithm>

namespace sb::load {

double spike_level(const RateShape& shape, double seconds) {
  if (!shape.spike_at_seconds || shape.spike_seconds <= 0) return 0;
  const double into = seconds - *shape.spike_at_seconds;
  if (into < 0 || into >= shape.spike_seconds) return 0;
  const double edge = shape.spike_seconds * kSpikeEdgeShare;
  if (into < edge) return into / edge;
  if (into > shape.spike_seconds - edge) return (shape.spike_seconds - into) / edge;
  return 1;
}

double rate_at(const RateShape& shape, double seconds) {
  double ramp = 1;
  if (shape.ramp_seconds > 0 && seconds < shape.ramp_seconds) {
    ramp = kRampStartShare + (1 - kRampStartShare) * seconds / shape.ramp_seconds;
  }
  const double spike = 1 + (shape.spike_factor - 1) * spike_level(shape, seconds);
  return std::max(0.0, shape.rate * ramp * spike);
}

ArrivalSchedule::ArrivalSchedule(RateShape shape, std::chrono::nanoseconds duration)
    : shape_(shape), duration_s_(std::chrono::duration<double>(duration).count()) {}

bool ArrivalSchedule::next(std::chrono::nanoseconds& offset) {
  // Integrates the rate in steps no longer than kScheduleStepSeconds, solving the last step
  // exactly, so high rates (many messages per step) and low rates are both placed precisely.
  while (t_ < duration_s_) {
    const double rate = rate_at(shape_, t_);
    const double step = std::min(kScheduleStepSeconds, duration_s_ - t_);
    if (rate * step >= owed_) {
      t_ += owed_ / rate;
      owed_ = 1;
      ++issued_;
      offset =
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(t_));
      return true;
    }
    owed_ -= rate * step;
    t_ += step;
  }
  return false;
}

}  // namespace sb::load
