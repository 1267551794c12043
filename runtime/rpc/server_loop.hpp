#pragma once
// The RPC thread's state: the listener, the accept loop and one capnp two-party RPC system per
// connection, each with its own Gateway (so every connection has its own budget and sinks).
// Loop thread only.

#include <chrono>
#include <cstdint>
#include <map>

#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>
#include <kj/timer.h>

#include "runtime/rpc/connection_state.hpp"

namespace sb::rpc {

class ServerLoop final : private kj::TaskSet::ErrorHandler {
 public:
  ServerLoop(ServerContext& context, kj::Own<kj::ConnectionReceiver> listener, kj::Timer& timer);
  ~ServerLoop() noexcept(false);

  // Stops accepting, refuses new calls, waits up to `drain_timeout` for calls in flight, then
  // closes every connection (cancelling what is left).
  kj::Promise<void> shutdown(std::chrono::milliseconds drain_timeout);

  std::size_t connections() const { return connections_.size(); }

 private:
  struct Connection;

  kj::Promise<void> accept_loop();
  void start_connection(kj::Own<kj::AsyncIoStream> stream);
  void taskFailed(kj::Exception&& exception) override;

  ServerContext& context_;
  kj::Own<kj::ConnectionReceiver> listener_;
  kj::Timer& timer_;
  std::uint64_t next_connection_id_ = 1;
  std::map<std::uint64_t, kj::Own<Connection>> connections_;
  kj::Maybe<kj::Promise<void>> accepting_;
  kj::TaskSet tasks_;  // connection watchers; destroyed before the connections
};

}  // namespace sb::rpc
