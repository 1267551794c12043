#include "runtime/journal/durability.hpp"

namespace sb::runtime {

std::string_view to_string(DurabilityMode mode) {
  switch (mode) {
    case DurabilityMode::sync: return "sync";
    case DurabilityMode::batched: return "batched";
    case DurabilityMode::none: return "none";
  }
  return "unknown";
}

std::optional<DurabilityMode> parse_durability_mode(std::string_view name) {
  if (name == "sync") return DurabilityMode::sync;
  if (name == "batched") return DurabilityMode::batched;
  if (name == "none") return DurabilityMode::none;
  return std::nullopt;
}

}  // namespace sb::runtime
