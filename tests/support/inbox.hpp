#pragma once
// Collects what a sink receives on another thread; tests find or wait for a matching item
// (waiting on a condition with a generous timeout, never on a fixed sleep).

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

namespace sb::testing {

template <class Item>
class Inbox {
 public:
  explicit Inbox(std::chrono::milliseconds wait = std::chrono::seconds(20)) : wait_(wait) {}

  void add(Item item) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(item));
    changed_.notify_all();
  }

  // The first item matching `pred` now, without waiting.
  template <class Pred>
  std::optional<Item> find(Pred pred) {
    std::lock_guard lock(mutex_);
    return find_locked(pred);
  }

  // The first item matching `pred`, waiting for it up to the inbox's wait.
  template <class Pred>
  std::optional<Item> wait_for(Pred pred) {
    std::unique_lock lock(mutex_);
    std::optional<Item> found;
    changed_.wait_for(lock, wait_, [&] { return (found = find_locked(pred)).has_value(); });
    return found;
  }

  template <class Pred>
  bool contains(Pred pred) {
    return find(pred).has_value();
  }

 private:
  template <class Pred>
  std::optional<Item> find_locked(Pred& pred) const {
    for (const auto& item : items_) {
      if (pred(item)) return item;
    }
    return std::nullopt;
  }

  std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Item> items_;
};

}  // namespace sb::testing
