#pragma once
// Timeouts of awaited requests, kept without CAF's clock.
//
// Every CAF request with a timeout costs two events in CAF 0.17's clock thread (set, then cancel
// at the reply), each a thread wake-up: at a few thousand requests a second that thread burnt
// about a tenth of the node's CPU (benchmarks/README.md, "where the CPU goes"). A request watched
// here is sent without a CAF timeout and costs an entry in a map under a mutex; a sweep a few
// times a second answers the overdue ones with CAF's own `sec::request_timeout`, delivered to the
// same response id, so the requester's error handler runs exactly as after a CAF timeout. The
// timeouts this guards (appends, 10 s by default) are safety nets: a sweep period of precision is
// plenty.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <unordered_map>

#include <caf/actor_control_block.hpp>
#include <caf/actor_system.hpp>
#include <caf/duration.hpp>
#include <caf/message_id.hpp>
#include <caf/weak_intrusive_ptr.hpp>

#include "runtime/entity/handler_prelude.hpp"

namespace sb::runtime {

class RequestDeadlines {
 public:
  using Clock = std::chrono::steady_clock;
  using Ticket = std::uint64_t;

  // Watches the reply `response_id` to `requester`, due at `deadline`. Call `done` with the
  // ticket from both the reply's and the error's handler.
  Ticket watch(caf::actor_control_block* requester, caf::message_id response_id,
               Clock::time_point deadline);
  void done(Ticket ticket);

  // Answers every request due by `now` with `sec::request_timeout`; returns how many.
  std::size_t expire(Clock::time_point now);

  std::size_t watched() const;

 private:
  struct Entry {
    caf::weak_actor_ptr requester;
    caf::message_id response_id;
    Clock::time_point deadline;
  };

  mutable std::mutex mutex_;
  std::unordered_map<Ticket, Entry> entries_;
  Ticket next_ = 1;
};

namespace detail {

// Ends the watch of `ticket`, from the response's handlers.
struct EndWatch {
  RequestDeadlines* deadlines;
  RequestDeadlines::Ticket ticket;
  void operator()() const {
    if (deadlines) deadlines->done(ticket);
  }
};

}  // namespace detail

// A request's response handle whose timeout `deadlines` keeps: `.await` and `.then` as CAF's.
template <class Handle>
class WatchedRequest {
 public:
  WatchedRequest(Handle handle, RequestDeadlines* deadlines, RequestDeadlines::Ticket ticket)
      : handle_(std::move(handle)), deadlines_(deadlines), ticket_(ticket) {}

  template <class F, class OnError>
  void await(F f, OnError on_error) {
    const detail::EndWatch end{deadlines_, ticket_};
    handle_.await(with_prelude(std::move(f), end), with_prelude(std::move(on_error), end));
  }
  template <class F, class OnError>
  void then(F f, OnError on_error) {
    const detail::EndWatch end{deadlines_, ticket_};
    handle_.then(with_prelude(std::move(f), end), with_prelude(std::move(on_error), end));
  }

 private:
  Handle handle_;
  RequestDeadlines* deadlines_;
  RequestDeadlines::Ticket ticket_;
};

// `self->request(dest, timeout, xs...)`, its timeout kept by `deadlines` (CAF's clock when it is
// null). The response must be handled with both a value and an error handler.
template <class Self, class Dest, class... Ts>
auto watched_request(Self* self, RequestDeadlines* deadlines, const Dest& dest,
                     std::chrono::milliseconds timeout, Ts&&... xs) {
  auto handle =
      self->request(dest, deadlines ? caf::duration{caf::infinite} : caf::duration{timeout},
                    std::forward<Ts>(xs)...);
  const auto ticket = deadlines ? deadlines->watch(self->ctrl(), handle.id(),
                                                   RequestDeadlines::Clock::now() + timeout)
                                : RequestDeadlines::Ticket{0};
  return WatchedRequest<decltype(handle)>(std::move(handle), deadlines, ticket);
}

// The deadlines of an entity actor's node (its context's); nullptr for other actors.
template <class Self>
RequestDeadlines* deadlines_of(Self* self) {
  if constexpr (requires { self->state.context.deadlines.get(); }) {
    return self->state.context.deadlines.get();
  } else {
    return nullptr;
  }
}

// An actor that calls `deadlines->expire` every `period`. Keeps running until killed.
caf::actor spawn_deadline_sweeper(caf::actor_system& system,
                                  std::shared_ptr<RequestDeadlines> deadlines,
                                  std::chrono::milliseconds period);

}  // namespace sb::runtime
