#include "runtime/rpc/loop_inbox.hpp"

#include <utility>

namespace sb::rpc {

LoopInbox::LoopInbox(std::size_t tasks_max) : tasks_max_(tasks_max) {}

LoopInbox::~LoopInbox() noexcept(false) = default;

bool LoopInbox::post(Task task) {
  std::lock_guard lock(mutex_);
  if (closed_ || tasks_.size() >= tasks_max_) {
    ++dropped_;
    return false;
  }
  tasks_.push_back(std::move(task));
  if (wake_) {
    wake_->fulfill();
    wake_ = nullptr;
  }
  return true;
}

kj::Promise<void> LoopInbox::when_ready() {
  std::lock_guard lock(mutex_);
  if (!tasks_.empty() || closed_) return kj::READY_NOW;
  auto paf = kj::newPromiseAndCrossThreadFulfiller<void>();
  wake_ = kj::mv(paf.fulfiller);
  return kj::mv(paf.promise);
}

kj::Promise<void> LoopInbox::run() {
  return when_ready().then([this]() -> kj::Promise<void> {
    std::deque<Task> ready;
    {
      std::lock_guard lock(mutex_);
      if (closed_) return kj::NEVER_DONE;
      ready.swap(tasks_);
    }
    for (auto& task : ready) task();
    return run();
  });
}

void LoopInbox::close() {
  std::deque<Task> dropped;
  std::lock_guard lock(mutex_);
  closed_ = true;
  dropped.swap(tasks_);
  wake_ = nullptr;
}

std::size_t LoopInbox::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace sb::rpc
