#pragma once
// Time enters the domain only inside commands (deciders never read a clock).

#include <chrono>
#include <cstdint>

namespace sb {

using Duration = std::chrono::milliseconds;
using Timestamp = std::chrono::time_point<std::chrono::system_clock, Duration>;

inline constexpr Timestamp from_unix_ms(std::int64_t ms) { return Timestamp(Duration(ms)); }
inline constexpr std::int64_t to_unix_ms(Timestamp t) { return t.time_since_epoch().count(); }

}  // namespace sb
