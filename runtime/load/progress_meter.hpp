#pragma once
// The live progress line: once per second, what was sent and acknowledged in that second, the
// running p99s and the errors, written to a stream (stderr). Each tick also becomes a point of
// the result's timeline.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include "runtime/load/load_metrics.hpp"
#include "runtime/load/load_result.hpp"

namespace sb::load {

inline constexpr auto kProgressInterval = std::chrono::seconds(1);

class ProgressMeter {
 public:
  // `target_at(seconds)` is the open-loop target rate (0 for closed loop); `backlog()` the
  // messages waiting in the adapters.
  ProgressMeter(LoadMetrics& metrics, std::ostream* out, std::function<double(double)> target_at,
                std::function<std::size_t()> backlog);
  ~ProgressMeter();
  void start(Clock::time_point started);
  void stop();
  std::vector<TimelinePoint> timeline() const;

 private:
  void tick(double second);

  LoadMetrics& metrics_;
  std::ostream* out_;
  std::function<double(double)> target_at_;
  std::function<std::size_t()> backlog_;
  Clock::time_point started_;
  std::uint64_t last_sent_ = 0;
  std::uint64_t last_acked_ = 0;
  std::uint64_t last_errors_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::vector<TimelinePoint> timeline_;
  std::thread thread_;
};

}  // namespace sb::load
