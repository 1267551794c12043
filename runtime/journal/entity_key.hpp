#pragma once
// The identity of one event-sourced entity: its kind and its id (the id is the client's,
// e.g. "c-1842"). Storage keys, placement and the registry all start from it.

#include <compare>
#include <cstdint>
#include <string>

#include "actors/common/entity_kind.hpp"

namespace sb::runtime {

struct EntityKey {
  EntityKind kind = EntityKind::customer;
  std::string id;

  auto operator<=>(const EntityKey&) const = default;
  bool operator==(const EntityKey&) const = default;
};

// "conversation/c-1842", for logs and errors.
std::string to_string(const EntityKey& key);

struct EntityKeyHash {
  std::size_t operator()(const EntityKey& key) const;
};

}  // namespace sb::runtime
