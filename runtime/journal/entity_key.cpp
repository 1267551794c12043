#include "runtime/journal/entity_key.hpp"

#include "runtime/placement/placement.hpp"

namespace sb::runtime {

std::string to_string(const EntityKey& key) {
  return std::string(to_string(key.kind)) + "/" + key.id;
}

std::size_t EntityKeyHash::operator()(const EntityKey& key) const {
  return static_cast<std::size_t>(stable_hash(key.kind, key.id));
}

}  // namespace sb::runtime
