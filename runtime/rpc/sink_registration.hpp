#pragma once
// A client's sink as seen from both sides. The service holds a forwarder (any thread) that posts
// events to the loop inbox with the sink's id; on the loop thread the id is looked up in a
// directory of live pumps. Ids, not pointers, cross threads, so a sink that is gone is just a
// missed lookup. A registration owns the pump and, when destroyed, unlists it, silences the
// forwarder and runs its cleanup (e.g. unsubscribing from the service).

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <utility>

#include <kj/common.h>
#include <kj/function.h>

#include "runtime/rpc/loop_inbox.hpp"
#include "runtime/rpc/sink_pump.hpp"

namespace sb::rpc {

using SinkId = std::uint64_t;

// Loop thread only.
template <class Event>
class SinkDirectory {
 public:
  SinkId add(SinkPump<Event>& pump) {
    const SinkId id = next_id_++;
    pumps_.emplace(id, &pump);
    return id;
  }
  void remove(SinkId id) { pumps_.erase(id); }
  void push(SinkId id, Event event) {
    auto it = pumps_.find(id);
    if (it != pumps_.end()) it->second->push(std::move(event));
  }
  std::size_t size() const { return pumps_.size(); }

 private:
  std::unordered_map<SinkId, SinkPump<Event>*> pumps_;
  SinkId next_id_ = 1;
};

// The service's side: thread-safe, cheap, never touches KJ objects.
template <class Event>
class SinkForwarder {
 public:
  SinkForwarder(std::shared_ptr<LoopInbox> inbox, SinkDirectory<Event>& directory)
      : inbox_(std::move(inbox)), directory_(&directory) {}

  void set_id(SinkId id) { id_ = id; }
  void close() { open_.store(false, std::memory_order_release); }
  bool open() const { return open_.load(std::memory_order_acquire); }

  void forward(Event event) {
    if (!open()) return;
    // The directory outlives every task: the inbox is closed before the directory is destroyed.
    inbox_->post([directory = directory_, id = id_, event = std::move(event)]() mutable {
      directory->push(id, std::move(event));
    });
  }

 private:
  std::shared_ptr<LoopInbox> inbox_;
  SinkDirectory<Event>* directory_;
  SinkId id_ = 0;
  std::atomic<bool> open_{true};
};

// Anything a connection holds on behalf of a client and releases when the client goes.
class Registration {
 public:
  virtual ~Registration() noexcept(false) = default;
};

template <class Event>
class SinkRegistration final : public Registration {
 public:
  SinkRegistration(SinkDirectory<Event>& directory, std::shared_ptr<SinkForwarder<Event>> forwarder,
                   typename SinkPump<Event>::Send send, kj::Function<void()> on_dead)
      : directory_(directory),
        forwarder_(std::move(forwarder)),
        pump_(kj::mv(send), kj::mv(on_dead)),
        id_(directory.add(pump_)) {
    forwarder_->set_id(id_);
  }

  ~SinkRegistration() noexcept(false) override {
    forwarder_->close();
    directory_.remove(id_);
    KJ_IF_MAYBE (cleanup, cleanup_) {
      (*cleanup)();
    }
  }

  // Runs when the registration ends (e.g. service.unsubscribe).
  void on_release(kj::Function<void()> cleanup) { cleanup_ = kj::mv(cleanup); }

 private:
  SinkDirectory<Event>& directory_;
  std::shared_ptr<SinkForwarder<Event>> forwarder_;
  SinkPump<Event> pump_;
  SinkId id_;
  kj::Maybe<kj::Function<void()>> cleanup_;
};

}  // namespace sb::rpc
