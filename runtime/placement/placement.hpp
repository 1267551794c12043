#pragma once
// Where an entity lives: entity key -> stable 64-bit hash -> one of kVshardCount virtual shards ->
// owning node by weighted rendezvous hashing over the live members (DESIGN §4 "Placement").
// The hash is pinned by golden tests: changing it moves every entity, so it never changes.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/entity_kind.hpp"

namespace sb::runtime {

// Fixed for the life of a cluster; changing it is a data migration.
inline constexpr std::uint32_t kVshardCount = 4096;

// FNV-1a over (kind, id) finished with the splitmix64 mixer: cheap, stable across platforms.
std::uint64_t stable_hash(EntityKind kind, std::string_view id);

// Multiply-shift (ScyllaDB's token → shard): treats the hash as a fraction of the ring.
inline std::uint32_t vshard_of(std::uint64_t hash) {
  return static_cast<std::uint32_t>((static_cast<unsigned __int128>(hash) * kVshardCount) >> 64);
}

struct Member {
  std::string node_id;
  double weight = 1.0;  // relative capacity; 0 takes nothing
};

// The member that owns `vshard`: highest ln(u)/weight draw wins (Ceph straw2), ties by node id,
// so every node computes the same owner and a member change moves only the vshards it gains or
// loses. nullopt when no member has positive weight.
std::optional<std::string> owner_of(std::uint32_t vshard, const std::vector<Member>& members);

}  // namespace sb::runtime
