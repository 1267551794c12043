#pragma once
// The one way a service answer reaches the RPC thread: the service calls back on a CAF worker,
// the callback stores the outcome and fulfils a KJ cross-thread fulfiller, and the promise
// resolves on the KJ loop. If the RPC call was cancelled meanwhile (client gone), the fulfil is a
// harmless no-op.

#include <memory>
#include <optional>
#include <utility>

#include <kj/async.h>

#include "runtime/rpc/wire_error.hpp"

namespace sb::rpc {

// An outcome that will be ready when `ready` resolves (on the KJ thread).
//
// The outcome travels beside a void promise, never inside one: g++ 12 reports false
// maybe-uninitialized warnings for non-trivial values held in kj::Maybe inside promise nodes.
// The slot is written before fulfil() and read after the loop sees the promise fulfilled;
// fulfil() synchronises through the executor's mutex, so the read happens-after the write.
template <class T>
struct PendingOutcome {
  kj::Promise<void> ready;
  std::shared_ptr<std::optional<Outcome<T>>> slot;

  // REQUIRES: `ready` resolved.
  Outcome<T>& get() { return **slot; }
};

// Already known (e.g. an error found at the edge).
template <class T>
PendingOutcome<T> ready_outcome(Outcome<T> outcome) {
  return {kj::READY_NOW, std::make_shared<std::optional<Outcome<T>>>(std::move(outcome))};
}

// Calls `start(callback)`, which must hand `callback` to the service. Runs on the KJ thread; the
// callback may run on any thread, at most once.
template <class T, class Start>
PendingOutcome<T> call_service(Start&& start) {
  auto slot = std::make_shared<std::optional<Outcome<T>>>();
  auto paf = kj::newPromiseAndCrossThreadFulfiller<void>();
  // shared_ptr: the callback is a copyable std::function and kj::Own's destructor is
  // noexcept(false) (TOOLCHAIN pitfall 14).
  auto fulfiller =
      std::make_shared<kj::Own<kj::CrossThreadPromiseFulfiller<void>>>(kj::mv(paf.fulfiller));
  std::forward<Start>(start)(service::Callback<T>([slot, fulfiller](Outcome<T> outcome) {
    try {
      if (!(*fulfiller)->isWaiting()) return;  // answered before, or the call is gone
      slot->emplace(std::move(outcome));
      (*fulfiller)->fulfill();
    } catch (...) {
      // Nothing may escape into a CAF thread; the RPC caller then sees the call fail when the
      // fulfiller is dropped.
    }
  }));
  return {kj::mv(paf.promise), std::move(slot)};
}

}  // namespace sb::rpc
