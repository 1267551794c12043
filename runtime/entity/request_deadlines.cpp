#include "runtime/entity/request_deadlines.hpp"

#include <vector>

#include <caf/all.hpp>

#include "runtime/messages.hpp"

namespace sb::runtime {

RequestDeadlines::Ticket RequestDeadlines::watch(caf::actor_control_block* requester,
                                                 caf::message_id response_id,
                                                 Clock::time_point deadline) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto ticket = next_++;
  entries_.emplace(ticket, Entry{caf::weak_actor_ptr{requester}, response_id, deadline});
  return ticket;
}

void RequestDeadlines::done(Ticket ticket) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(ticket);
}

std::size_t RequestDeadlines::expire(Clock::time_point now) {
  std::vector<Entry> due;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (it->second.deadline <= now) {
        due.push_back(std::move(it->second));
        it = entries_.erase(it);
      } else {
        ++it;
      }
    }
  }
  // Outside the lock: enqueueing may run into the requester's mailbox logic.
  for (auto& entry : due) {
    if (auto requester = entry.requester.lock()) {
      requester->get()->eq_impl(entry.response_id, nullptr, nullptr,
                                caf::make_error(caf::sec::request_timeout));
    }
  }
  return due.size();
}

std::size_t RequestDeadlines::watched() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

caf::actor spawn_deadline_sweeper(caf::actor_system& system,
                                  std::shared_ptr<RequestDeadlines> deadlines,
                                  std::chrono::milliseconds period) {
  return system.spawn([deadlines, period](caf::event_based_actor* self) -> caf::behavior {
    self->send(self, sweep_atom::value);
    return {
        [self, deadlines, period](sweep_atom) {
          deadlines->expire(RequestDeadlines::Clock::now());
          self->delayed_send(self, period, sweep_atom::value);
        },
    };
  });
}

}  // namespace sb::runtime
