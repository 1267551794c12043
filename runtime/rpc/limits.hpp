#pragma once
// Named limits of the RPC edge. Input size limits come from the service (service_api.hpp) so the
// edge and the service agree; these are the edge's own.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace sb::rpc {

inline constexpr std::uint16_t kDefaultPort = 7400;

// Calls a single connection may have in flight (a batch counts once per message). Above it the
// call fails with OVERLOADED instead of queueing: memory stays bounded however fast a client sends.
inline constexpr std::size_t kInFlightCallsPerConnectionMax = 1024;

// Pushes a sink may have unacknowledged on the wire, and messages it may have waiting behind them.
// A sink whose backlog is full loses the newest pushes (counted and logged): a slow client must not
// grow the server's memory.
inline constexpr std::size_t kSinkPushesInFlightMax = 16;
inline constexpr std::size_t kSinkBacklogMax = 1024;

// Sinks (channel subscriptions and agent logins) one connection may hold.
inline constexpr std::size_t kSinksPerConnectionMax = 64;

// Tasks (sink pushes) waiting for the RPC thread across the whole server.
inline constexpr std::size_t kLoopInboxMax = 64 * 1024;

// Failed authentications before a connection is refused further attempts.
inline constexpr int kAuthFailuresPerConnectionMax = 5;

// How long a clean shutdown waits for calls in flight before closing connections anyway.
inline constexpr std::chrono::milliseconds kShutdownDrainTimeout{2000};

}  // namespace sb::rpc
