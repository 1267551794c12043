#include "runtime/quality/conversation_states.hpp"

#include <variant>

namespace sb::quality {

Expected<const conversation::State*, std::string> ConversationStates::before(
    const std::string& id, std::uint64_t version, const conversation::Event& event,
    const HistoryLoader& load) {
  auto it = states_.find(id);
  if (it == states_.end() || it->second.version + 1 != version) {
    Entry rebuilt;
    if (version > 1) {
      auto history = load(id, version - 1);
      if (!history) return unexpected("conversation " + id + ": " + history.error());
      if (history->size() != version - 1) {
        return unexpected("conversation " + id + ": expected " + std::to_string(version - 1) +
                          " events before version " + std::to_string(version) + ", read " +
                          std::to_string(history->size()));
      }
      for (const auto& past : *history) fold(id, rebuilt, past);
    }
    it = states_.insert_or_assign(id, std::move(rebuilt)).first;
  }
  previous_ = it->second.state;
  fold(id, it->second, event);
  if (states_.size() > kConversationStatesMax) evict_oldest_closed();
  return &previous_;
}

void ConversationStates::fold(const std::string& id, Entry& entry,
                              const conversation::Event& event) {
  entry.state = conversation::Decider::evolve(std::move(entry.state), event);
  ++entry.version;
  if (const auto* closed = std::get_if<conversation::Closed>(&event)) {
    entry.closed_at = closed->at;
    closed_.emplace(closed->at, id);
  } else if (std::holds_alternative<conversation::Reopened>(event)) {
    entry.closed_at.reset();
  }
}

void ConversationStates::evict(Timestamp now) {
  const Timestamp cutoff = now - kClosedStateRetention;
  while (!closed_.empty() && closed_.begin()->first < cutoff) {
    auto oldest = closed_.begin();
    auto it = states_.find(oldest->second);
    // Still closed since then (not reopened, not closed again later): forget it.
    if (it != states_.end() && it->second.closed_at == oldest->first) states_.erase(it);
    closed_.erase(oldest);
  }
}

void ConversationStates::evict_oldest_closed() {
  while (!closed_.empty()) {
    auto oldest = closed_.begin();
    auto it = states_.find(oldest->second);
    const bool current = it != states_.end() && it->second.closed_at == oldest->first;
    if (current) states_.erase(it);
    closed_.erase(oldest);
    if (current) return;
  }
}

}  // namespace sb::quality
