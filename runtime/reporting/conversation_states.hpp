#pragma once
// The conversation states the quality monitor needs (the state before each agent reply), folded
// from the feed with conversation::Decider::evolve. Bounded: a closed conversation is forgotten
// once it has been closed longer than the retention (longer than the reopen window, so a reopen
// still finds its history), and above kConversationStatesMax the longest-closed go first.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "actors/common/time.hpp"
#include "actors/conversation/conversation_decider.hpp"

namespace sb::reporting {

inline constexpr std::size_t kConversationStatesMax = 200'000;
inline constexpr Duration kClosedStateRetention = std::chrono::hours(48);

class ConversationStates {
 public:
  // The state before `event`; the event is then folded in. The reference is valid until the
  // next call.
  const conversation::State& before(const std::string& id, const conversation::Event& event);
  // Drops conversations closed longer than the retention before `now`.
  void evict(Timestamp now);
  std::size_t size() const { return states_.size(); }

 private:
  struct Entry {
    conversation::State state;
    std::optional<Timestamp> closed_at;
  };
  void note_closed(const std::string& id, Entry& entry, Timestamp at);
  void evict_oldest_closed();

  std::unordered_map<std::string, Entry> states_;
  std::multimap<Timestamp, std::string> closed_;  // close time -> id (may hold stale pairs)
  conversation::State previous_;
};

}  // namespace sb::reporting
