#include "actors/router/conversation_queue.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "actors/common/assert.hpp"

namespace sb::router {

bool ConversationEntry::declined_by(const AgentId& agent) const {
  return std::find(declined.begin(), declined.end(), agent) != declined.end();
}

LaneKey ConversationQueue::lane_of(const ConversationEntry& entry) {
  const auto& c = entry.info;
  return LaneKey{c.skill, c.kind, c.required_level, c.tier};
}

ConversationEntry& ConversationQueue::add(QueuedConversation conversation) {
  const QueueKey key{static_cast<std::uint8_t>(255 - static_cast<std::uint8_t>(conversation.tier)),
                     conversation.enqueued_at, next_seq_++};
  auto [it, inserted] = entries_.try_emplace(conversation.conversation_id);
  SB_ASSERT(inserted);
  ConversationEntry& entry = it->second;
  entry.info = std::move(conversation);
  entry.key = key;
  insert_waiting(entry);
  return entry;
}

ConversationEntry* ConversationQueue::find(const ConversationId& id) {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

const ConversationEntry* ConversationQueue::find(const ConversationId& id) const {
  auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

void ConversationQueue::erase(ConversationEntry& entry) {
  if (!entry.offer) erase_waiting(entry);
  const auto erased = entries_.erase(entry.info.conversation_id);
  SB_ASSERT(erased == 1);
}

void ConversationQueue::set_offered(ConversationEntry& entry, OfferId offer) {
  SB_ASSERT(!entry.offer);
  erase_waiting(entry);
  entry.offer = offer;
}

void ConversationQueue::set_waiting(ConversationEntry& entry) {
  SB_ASSERT(entry.offer.has_value());
  entry.offer.reset();
  insert_waiting(entry);
}

void ConversationQueue::add_declined(ConversationEntry& entry, const AgentId& agent) {
  if (entry.declined_by(agent)) return;
  if (entry.declined.size() >= kDeclinedAgentsPerConversationMax) {
    entry.declined.erase(entry.declined.begin());
  }
  entry.declined.push_back(agent);
}

void ConversationQueue::insert_waiting(ConversationEntry& entry) {
  waiting_.emplace(entry.key, &entry);
  lanes_[lane_of(entry)].emplace(entry.key, &entry);
}

void ConversationQueue::erase_waiting(ConversationEntry& entry) {
  const auto erased = waiting_.erase(entry.key);
  SB_ASSERT(erased == 1);
  auto lane = lanes_.find(lane_of(entry));
  SB_ASSERT(lane != lanes_.end());
  lane->second.erase(entry.key);
  if (lane->second.empty()) lanes_.erase(lane);
}

std::optional<std::string> ConversationQueue::test_check_invariants() const {
  std::size_t waiting = 0, in_lanes = 0;
  for (const auto& [id, entry] : entries_) {
    if (entry.offer) continue;
    ++waiting;
    auto it = waiting_.find(entry.key);
    if (it == waiting_.end() || it->second != &entry) return id + ": missing from the order";
  }
  for (const auto& [lane, order] : lanes_) {
    if (order.empty()) return std::string("an empty lane is kept");
    in_lanes += order.size();
  }
  if (waiting != waiting_.size() || waiting != in_lanes) return std::string("order size drifted");
  return std::nullopt;
}

}  // namespace sb::router
