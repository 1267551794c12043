#pragma once
// The conversations a router holds: waiting ones in queue order (tier descending, then time
// enqueued, then arrival sequence), and those currently offered to an agent. Waiting ones are also
// kept in lanes of identical routing needs (skill, kind, required level, tier): within a lane the
// head has waited longest, so when the head finds no agent nobody behind it does either, and a
// dispatch tries each lane at most once after its last success.

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "actors/router/router_model.hpp"

namespace sb::router {

struct QueueKey {
  std::uint8_t tier_rank = 0;  // 255 − tier: higher tiers sort first
  Timestamp enqueued_at;
  std::uint64_t seq = 0;  // arrival order at this router: a total, deterministic order
  auto operator<=>(const QueueKey&) const = default;
};

struct LaneKey {
  SkillId skill;
  ChannelKind kind = ChannelKind::chat;
  std::uint8_t required_level = kSkillLevelMin;
  Tier tier = Tier::regular;
  auto operator<=>(const LaneKey&) const = default;
};

// The coarse position and wait last pushed to the customer.
struct ReportedPosition {
  std::size_t position_bucket = 0;
  std::int64_t wait_bucket = 0;
  bool operator==(const ReportedPosition&) const = default;
};

struct ConversationEntry {
  QueuedConversation info;
  QueueKey key;
  std::optional<OfferId> offer;   // set while an agent is being offered the conversation
  std::vector<AgentId> declined;  // at most kDeclinedAgentsPerConversationMax, oldest dropped
  std::optional<ReportedPosition> reported;

  bool declined_by(const AgentId& agent) const;
};

class ConversationQueue {
 public:
  using Order = std::map<QueueKey, ConversationEntry*>;

  ConversationQueue() = default;
  ConversationQueue(ConversationQueue&&) = default;
  ConversationQueue& operator=(ConversationQueue&&) = default;
  ConversationQueue(const ConversationQueue&) = delete;
  ConversationQueue& operator=(const ConversationQueue&) = delete;

  // REQUIRES: no conversation with the same id is held.
  ConversationEntry& add(QueuedConversation conversation);
  ConversationEntry* find(const ConversationId& id);
  const ConversationEntry* find(const ConversationId& id) const;
  void erase(ConversationEntry& entry);

  // Leaves the waiting order while an agent considers it.
  void set_offered(ConversationEntry& entry, OfferId offer);
  // Back at its original place (it keeps its tier and waiting time).
  void set_waiting(ConversationEntry& entry);
  void add_declined(ConversationEntry& entry, const AgentId& agent);

  const Order& waiting() const { return waiting_; }
  const std::map<LaneKey, Order>& lanes() const { return lanes_; }
  std::size_t size() const { return entries_.size(); }
  std::size_t waiting_count() const { return waiting_.size(); }

  std::optional<std::string> test_check_invariants() const;

 private:
  static LaneKey lane_of(const ConversationEntry& entry);
  void insert_waiting(ConversationEntry& entry);
  void erase_waiting(ConversationEntry& entry);

  std::unordered_map<ConversationId, ConversationEntry> entries_;  // stable entry addresses
  Order waiting_;
  std::map<LaneKey, Order> lanes_;  // only non-empty lanes
  std::uint64_t next_seq_ = 1;
};

}  // namespace sb::router
