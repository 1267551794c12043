#pragma once
// The agents a router can offer to, with the ordered indexes that make a routing decision cheap:
// per (skill, channel kind), the online home agents with a free slot of that kind, ordered by
// (load, idle since, id); the same per kind for overflow-only agents; and running totals of the
// home group's capacity and free slots per kind (for tier reservation and wait estimates).
// Every mutation unindexes the agent, changes it and indexes it again, so the indexes and the
// totals never drift from the entries. Not thread-safe (one router actor owns it).

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/common/time.hpp"
#include "actors/router/router_model.hpp"

namespace sb::router {

enum class Membership : std::uint8_t { home = 1, overflow = 2 };

struct AgentEntry;

// An agent's place in an index: least loaded first, ties to the longest idle, then the id so the
// order is total (and decisions are deterministic).
struct AgentRank {
  std::uint32_t load = 0;
  Timestamp idle_since;
  const AgentEntry* agent = nullptr;
};
struct AgentRankLess {
  bool operator()(const AgentRank& a, const AgentRank& b) const;
};
using AgentIndex = std::set<AgentRank, AgentRankLess>;

struct AgentEntry {
  AgentAvailability info;  // info.load is bumped locally on accept until the next report
  Membership membership = Membership::home;
  Timestamp idle_since;  // the later of the reported value and our last offer to the agent
  KindCounts offered;    // open offers, counted against capacity until they are answered
  std::vector<OfferId> open_offers;
  // What index() recorded, so unindex() removes exactly that.
  bool indexed = false;
  AgentRank indexed_rank;
  KindCounts indexed_free;
  KindCounts indexed_capacity;
};

// Free slots of `kind`: capacity minus accepted minus offered; a call (accepted or offered)
// makes the agent full, and a call needs an agent with nothing else open.
std::uint16_t free_slots(const AgentEntry& agent, ChannelKind kind);
// Accepted plus offered conversations of all kinds.
std::uint32_t total_load(const AgentEntry& agent);
// The agent's level in `skill`, 0 without it.
std::uint8_t level_of(const AgentEntry& agent, std::string_view skill);
// Slots of `kind` the agent brings to the group's capacity (a voice agent brings one).
std::uint16_t capacity_units(const AgentAvailability& agent, ChannelKind kind);

class AgentPool {
 public:
  AgentPool(GroupId group_id, std::vector<GroupId> overflow_groups);
  AgentPool(AgentPool&&) = default;
  AgentPool& operator=(AgentPool&&) = default;
  AgentPool(const AgentPool&) = delete;
  AgentPool& operator=(const AgentPool&) = delete;

  // home when the agent is in this group, overflow when only in an overflow group, else nullopt.
  std::optional<Membership> membership_of(const AgentAvailability& agent) const;

  AgentEntry* find(const AgentId& id);
  const AgentEntry* find(const AgentId& id) const;
  std::size_t size() const { return agents_.size(); }
  const std::unordered_map<AgentId, AgentEntry>& entries() const { return agents_; }

  // Stores a report, keeping the agent's open offers and the later idle time.
  void upsert(AgentAvailability report, Membership membership);
  // REQUIRES: the agent has no open offers.
  void erase(const AgentId& id);

  void add_offer(AgentEntry& agent, ChannelKind kind, OfferId offer, Timestamp now);
  // Declined, expired or withdrawn.
  void drop_offer(AgentEntry& agent, ChannelKind kind, OfferId offer);
  // The offer becomes load until the agent's next report says otherwise.
  void accept_offer(AgentEntry& agent, ChannelKind kind, OfferId offer);

  // nullptr when no home agent with `skill` has ever been indexed.
  const AgentIndex* skill_index(const SkillId& skill, ChannelKind kind) const;
  const AgentIndex& overflow_index(ChannelKind kind) const;

  std::uint32_t home_capacity(ChannelKind kind) const { return home_capacity_[index_of(kind)]; }
  std::uint32_t home_free(ChannelKind kind) const { return home_free_[index_of(kind)]; }
  // False when no online agent (home or overflow) has a free slot of any kind.
  bool any_free() const;

  // A description of the first inconsistency between entries, indexes and totals, or nullopt.
  std::optional<std::string> test_check_invariants() const;

 private:
  using PerKind = std::array<std::uint32_t, kChannelKinds.size()>;
  static std::size_t index_of(ChannelKind kind) { return static_cast<std::size_t>(kind) - 1; }

  void index(AgentEntry& agent);
  void unindex(AgentEntry& agent);

  GroupId group_id_;
  std::vector<GroupId> overflow_groups_;
  std::unordered_map<AgentId, AgentEntry> agents_;  // node-based: entry addresses are stable
  std::unordered_map<SkillId, std::array<AgentIndex, kChannelKinds.size()>> by_skill_;
  std::array<AgentIndex, kChannelKinds.size()> overflow_;
  PerKind home_capacity_{};
  PerKind home_free_{};
  PerKind overflow_free_{};
};

}  // namespace sb::router
