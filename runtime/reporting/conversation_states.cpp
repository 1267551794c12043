#include "runtime/reporting/conversation_states.hpp"

#include <variant>

namespace sb::reporting {

const conversation::State& ConversationStates::before(const std::string& id,
                                                      const conversation::Event& event) {
  auto& entry = states_[id];
  previous_ = entry.state;
  entry.state = conversation::Decider::evolve(std::move(entry.state), event);
  if (const auto* closed = std::get_if<conversation::Closed>(&event)) {
    note_closed(id, entry, closed->at);
  } else if (std::holds_alternative<conversation::Reopened>(event)) {
    entry.closed_at.reset();
  }
  if (states_.size() > kConversationStatesMax) evict_oldest_closed();
  return previous_;
}

void ConversationStates::note_closed(const std::string& id, Entry& entry, Timestamp at) {
  entry.closed_at = at;
  closed_.emplace(at, id);
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

}  // namespace sb::reporting
