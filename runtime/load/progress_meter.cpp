#include "runtime/load/progress_meter.hpp"

#include <fmt/format.h>

namespace sb::load {

ProgressMeter::ProgressMeter(LoadMetrics& metrics, std::ostream* out,
                             std::function<double(double)> target_at,
                             std::function<std::size_t()> backlog)
    : metrics_(metrics),
      out_(out),
      target_at_(std::move(target_at)),
      backlog_(std::move(backlog)) {}

ProgressMeter::~ProgressMeter() { stop(); }

void ProgressMeter::start(Clock::time_point started) {
  started_ = started;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    for (auto next = started_ + kProgressInterval; !stopping_; next += kProgressInterval) {
      if (stop_signal_.wait_until(lock, next, [&] { return stopping_; })) break;
      lock.unlock();
      tick(std::chrono::duration<double>(next - started_).count());
      lock.lock();
    }
  });
}

void ProgressMeter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ProgressMeter::tick(double second) {
  const auto& c = metrics_.counters;
  TimelinePoint point;
  point.second = second;
  // The target of the second just ended, taken at its middle.
  point.target_rate = target_at_ ? target_at_(second - 0.5) : 0;
  const auto sent = c.sent.load();
  const auto acked = c.acked.load();
  const auto errors = c.errors.load();
  point.sent = sent - last_sent_;
  point.acked = acked - last_acked_;
  point.errors = errors - last_errors_;
  point.ack_p99_ms = metrics_.ack.percentile_ms(0.99);
  last_sent_ = sent;
  last_acked_ = acked;
  last_errors_ = errors;
  if (out_ != nullptr) {
    *out_ << fmt::format(
                 "[{:>4.0f}s] target {:>6.0f}/s  sent {:>6}/s  acked {:>6}/s  p99 ack {:>7.2f} ms "
                 " bot {:>7.2f} ms  handoffs {:>5} offers {:>5}  errors {:>4}  backlog {}",
                 second, point.target_rate, point.sent, point.acked, point.ack_p99_ms,
                 metrics_.bot_reply.percentile_ms(0.99), c.handoffs.load(), c.offers.load(), errors,
                 backlog_ ? backlog_() : 0)
          << std::endl;
  }
  std::lock_guard lock(mutex_);
  timeline_.push_back(point);
}

std::vector<TimelinePoint> ProgressMeter::timeline() const {
  std::lock_guard lock(mutex_);
  return timeline_;
}

}  // namespace sb::load
