#pragma once
// A plain Cap'n Proto echo server and a closed-loop client over 127.0.0.1: the RPC round trips per
// second this machine does with `in_flight` calls outstanding, the ceiling any RPC edge has.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace sb::bench {

struct EchoResult {
  std::uint64_t round_trips = 0;
  double seconds = 0;
  double per_second() const { return seconds > 0 ? double(round_trips) / seconds : 0; }
};

EchoResult loopback_echo(std::chrono::milliseconds duration, std::size_t in_flight,
                         std::size_t payload_bytes);

}  // namespace sb::bench
