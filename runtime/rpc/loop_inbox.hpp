#pragma once
// Work handed to a KJ event loop from threads that have none (CAF workers): a bounded,
// mutex-guarded queue plus a cross-thread wake-up. kj::Executor::executeAsync cannot be used
// here: it throws on threads without an event loop (TOOLCHAIN pitfall 15).
//
// Producers: any thread, `post`. Consumer: the loop thread, `run` (a promise that drains the
// queue whenever it is woken). Tasks capture plain data only: they may be destroyed on either side.

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include <kj/async.h>

namespace sb::rpc {

class LoopInbox {
 public:
  using Task = std::function<void()>;

  explicit LoopInbox(std::size_t tasks_max);
  ~LoopInbox() noexcept(false);

  // Any thread. False (and the task is dropped) when the inbox is full or closed.
  bool post(Task task);

  // Loop thread: runs posted tasks in order until the returned promise is cancelled.
  kj::Promise<void> run();

  // Loop thread: refuse further posts and drop what is queued. Call before the objects the tasks
  // refer to are destroyed.
  void close();

  std::size_t dropped() const;

 private:
  kj::Promise<void> when_ready();

  const std::size_t tasks_max_;
  mutable std::mutex mutex_;
  std::deque<Task> tasks_;
  bool closed_ = false;
  std::size_t dropped_ = 0;
  // Set while the loop waits for work; the first post fulfils and clears it.
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> wake_;
};

}  // namespace sb::rpc
