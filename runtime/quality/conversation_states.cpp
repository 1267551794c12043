#include "runtime/quality/conversation_states.hpp"

#include <algorithm>
#include <variant>

namespace sb::quality {

Expected<const conversation::State*, std::string> ConversationStates::before(
    const std::string& id, std::uint64_t version, const conversation::Event& event,
    const HistoryLoader& load) {
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.version + 1 != version) {
    auto rebuilt = rebuild(id, version, load);
    if (!rebuilt) return unexpected(rebuilt.error());
    it = entries_.insert_or_assign(id, std::move(*rebuilt)).first;
  } else if (!it->second.state && std::holds_alternative<conversation::Assigned>(event)) {
    // A person takes it: from now on the rules need what happened before.
    auto rebuilt = rebuild(id, version, load);
    if (!rebuilt) return unexpected(rebuilt.error());
    it->second.state = std::move(rebuilt->state);
  }
  Entry& entry = it->second;
  const bool held = entry.state != nullptr;
  if (held) previous_ = *entry.state;
  fold(id, entry, event);
  if (entry.state && !entry.state->assignment) entry.state.reset();
  if (entries_.size() > kConversationStatesMax) evict_oldest_closed();
  return held ? &previous_ : nullptr;
}

Expected<ConversationStates::Entry, std::string> ConversationStates::rebuild(
    const std::string& id, std::uint64_t version, const HistoryLoader& load) {
  Entry rebuilt;
  if (version <= 1) return rebuilt;  // nothing before the first event
  auto history = load(id, version - 1);
  if (!history) return unexpected("conversation " + id + ": " + history.error());
  if (history->size() != version - 1) {
    return unexpected("conversation " + id + ": expected " + std::to_string(version - 1) +
                      " events before version " + std::to_string(version) + ", read " +
                      std::to_string(history->size()));
  }
  rebuilt.state = std::make_unique<conversation::State>();
  for (const auto& past : *history) fold(id, rebuilt, past);
  return rebuilt;
}

void ConversationStates::fold(const std::string& id, Entry& entry,
                              const conversation::Event& event) {
  if (entry.state) *entry.state = conversation::Decider::evolve(std::move(*entry.state), event);
  ++entry.version;
  if (const auto* closed = std::get_if<conversation::Closed>(&event)) {
    entry.closed_at = closed->at;
    closed_.emplace(closed->at, id);
  } else if (std::holds_alternative<conversation::Reopened>(event)) {
    entry.closed_at.reset();
  }
}

std::size_t ConversationStates::states_held() const {
  return static_cast<std::size_t>(std::count_if(
      entries_.begin(), entries_.end(), [](const auto& entry) { return entry.second.state != nullptr; }));
}

void ConversationStates::evict(Timestamp now) {
  const Timestamp cutoff = now - kClosedStateRetention;
  while (!closed_.empty() && closed_.begin()->first < cutoff) {
    auto oldest = closed_.begin();
    auto it = entries_.find(oldest->second);
    // Still closed since then (not reopened, not closed again later): forget it.
    if (it != entries_.end() && it->second.closed_at == oldest->first) entries_.erase(it);
    closed_.erase(oldest);
  }
}

void ConversationStates::evict_oldest_closed() {
  while (!closed_.empty()) {
    auto oldest = closed_.begin();
    auto it = entries_.find(oldest->second);
    const bool current = it != entries_.end() && it->second.closed_at == oldest->first;
    if (current) entries_.erase(it);
    closed_.erase(oldest);
    if (current) return;
  }
}

}  // namespace sb::quality
