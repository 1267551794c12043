#pragma once
// Sends events to one client's sink capability, on the KJ thread, in order, with a bounded
// window of unacknowledged calls and a bounded backlog behind it. The first failed call (the
// client went away or broke its sink) marks the sink dead and calls `on_dead` once; `on_dead`
// must not destroy the pump synchronously (it runs inside one of the pump's tasks): defer it.

#include <cstddef>
#include <deque>
#include <utility>

#include <kj/async.h>
#include <kj/function.h>
#include <spdlog/spdlog.h>

#include "runtime/rpc/limits.hpp"

namespace sb::rpc {

template <class Event>
class SinkPump final : private kj::TaskSet::ErrorHandler {
 public:
  using Send = kj::Function<kj::Promise<void>(const Event&)>;

  SinkPump(Send send, kj::Function<void()> on_dead)
      : send_(kj::mv(send)), on_dead_(kj::mv(on_dead)), tasks_(*this) {}

  void push(Event event) {
    if (dead_) return;
    if (in_flight_ < kSinkPushesInFlightMax) {
      send_one(event);
    } else if (backlog_.size() < kSinkBacklogMax) {
      backlog_.push_back(std::move(event));
    } else if (dropped_++ == 0) {
      spdlog::warn("rpc: a slow sink's backlog is full ({} events); dropping new events",
                   kSinkBacklogMax);
    }
  }

  bool dead() const { return dead_; }
  std::size_t dropped() const { return dropped_; }

 private:
  void send_one(const Event& event) {
    ++in_flight_;
    tasks_.add(send_(event).then(
        [this] {
          --in_flight_;
          if (!backlog_.empty() && !dead_) {
            Event next = std::move(backlog_.front());
            backlog_.pop_front();
            send_one(next);
          }
        },
        [this](kj::Exception&& exception) {
          --in_flight_;
          mark_dead(exception);
        }));
  }

  void mark_dead(const kj::Exception& exception) {
    if (dead_) return;
    dead_ = true;
    backlog_.clear();
    spdlog::info("rpc: dropping a sink: {}", exception.getDescription().cStr());
    on_dead_();
  }

  void taskFailed(kj::Exception&& exception) override { mark_dead(exception); }

  Send send_;
  kj::Function<void()> on_dead_;
  std::deque<Event> backlog_;
  std::size_t in_flight_ = 0;
  std::size_t dropped_ = 0;
  bool dead_ = false;
  kj::TaskSet tasks_;  // last: destroyed (cancelling sends) before the state they use
};

}  // namespace sb::rpc
