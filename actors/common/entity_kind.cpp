#include "actors/common/entity_kind.hpp"

namespace sb {

std::string_view to_string(EntityKind kind) {
  switch (kind) {
    case EntityKind::customer: return "customer";
    case EntityKind::conversation: return "conversation";
    case EntityKind::agent: return "agent";
    case EntityKind::ticket: return "ticket";
    case EntityKind::router: return "router";
    case EntityKind::knowledge_base: return "knowledge_base";
    case EntityKind::identity: return "identity";
    case EntityKind::configuration: return "configuration";
    case EntityKind::quality_monitor: return "quality_monitor";
  }
  return "unknown";
}

std::optional<EntityKind> entity_kind_from_byte(std::uint8_t byte) {
  if (byte < 1 || byte > 9) return std::nullopt;
  return static_cast<EntityKind>(byte);
}

}  // namespace sb
