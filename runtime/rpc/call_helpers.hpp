#pragma once
// The shape every server method shares: admit, copy the parameters out of the Reader, check
// them, then either refuse at the edge or ask the service and write its outcome.

#include <utility>

#include <kj/async.h>

#include "runtime/rpc/connection_state.hpp"
#include "runtime/rpc/service_bridge.hpp"
#include "runtime/rpc/validation.hpp"
#include "runtime/rpc/wire.hpp"

namespace sb::rpc {

// Answers `context` (whose results hold `result :Result(X)`) with the outcome of `start`, which
// hands a service::Callback<T> to the service. `slot` is held until the answer is written.
template <class T, class Context, class Start>
kj::Promise<void> answer(Context context, CallSlot slot, Start&& start) {
  auto pending = call_service<T>(std::forward<Start>(start));
  return pending.ready
      .then([context, outcome = pending.slot]() mutable {
        write_outcome(context.getResults().initResult(), **outcome);
      })
      .attach(kj::mv(slot));
}

// Answers `context` with an error found at the edge; the service is not asked.
template <class Context>
kj::Promise<void> refuse(Context context, const service::ServiceError& error) {
  write_error(context.getResults().initResult(), error);
  return kj::READY_NOW;
}

}  // namespace sb::rpc
