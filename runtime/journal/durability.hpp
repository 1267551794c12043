#pragma once
// When an append counts as durable (DESIGN §4 "Durability modes").

#include <cstdint>
#include <optional>
#include <string_view>

namespace sb::runtime {

enum class DurabilityMode : std::uint8_t {
  sync = 1,     // fsync before acknowledging; concurrent appends share one fsync (group commit)
  batched = 2,  // acknowledge after the write; fsync at least every batched_sync_interval
  none = 3,     // never fsync (tests and benchmarks only; a power cut loses recent writes)
};

std::string_view to_string(DurabilityMode mode);
std::optional<DurabilityMode> parse_durability_mode(std::string_view name);

}  // namespace sb::runtime
