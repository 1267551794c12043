#pragma once
// The kinds of event-sourced entities. The numeric values are persisted in keys and envelopes:
// never renumber, only append.

#include <cstdint>
#include <optional>
#include <string_view>

namespace sb {

enum class EntityKind : std::uint8_t {
  customer = 1,
  conversation = 2,
  agent = 3,
  ticket = 4,
  router = 5,
  knowledge_base = 6,
  identity = 7,
  configuration = 8,  // the node's administrator-set policies (actors/configuration)
  quality_monitor = 9,  // the node's quality monitor: violations found in the feed (actors/quality)
};

std::string_view to_string(EntityKind kind);
std::optional<EntityKind> entity_kind_from_byte(std::uint8_t byte);

}  // namespace sb
