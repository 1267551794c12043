#pragma once
// The conversation states the quality rules need (the state before each agent reply), folded from
// the feed with conversation::Decider::evolve. A cache, never the truth: a conversation that is
// not held at the version just before an event (first seen after a restart, or forgotten) is
// rebuilt from its own history through `load`, so the state handed out is always the
// conversation's true state before that event, however the monitor got there.
//
// Bounded: a closed conversation is forgotten once it has been closed longer than the retention,
// and above kConversationStatesMax the longest-closed go first.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"
#include "actors/conversation/conversation_decider.hpp"

namespace sb::quality {

inline constexpr std::size_t kConversationStatesMax = 200'000;
inline constexpr Duration kClosedStateRetention = std::chrono::hours(48);

// A conversation's events 1..up_to_version, oldest first, or why they cannot be read.
using HistoryLoader = std::function<Expected<std::vector<conversation::Event>, std::string>(
    const std::string& id, std::uint64_t up_to_version)>;

class ConversationStates {
 public:
  // The state of conversation `id` before its event number `version` (1-based); the event is
  // then folded in. The pointer is valid until the next call.
  Expected<const conversation::State*, std::string> before(const std::string& id,
                                                           std::uint64_t version,
                                                           const conversation::Event& event,
                                                           const HistoryLoader& load);
  // Drops conversations closed longer than the retention before `now`.
  void evict(Timestamp now);
  std::size_t size() const { return states_.size(); }

 private:
  struct Entry {
    conversation::State state;
    std::uint64_t version = 0;
    std::optional<Timestamp> closed_at;
  };
  void fold(const std::string& id, Entry& entry, const conversation::Event& event);
  void evict_oldest_closed();

  std::unordered_map<std::string, Entry> states_;
  std::multimap<Timestamp, std::string> closed_;  // close time -> id (may hold stale pairs)
  conversation::State previous_;
};

}  // namespace sb::quality
