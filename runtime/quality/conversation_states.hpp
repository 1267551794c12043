#pragma once
// The conversation states the quality rules need (the state before each event of a conversation
// a person is assigned to), folded from the feed with conversation::Decider::evolve. A cache,
// never the truth: a conversation that is not held at the version just before an event (first
// seen after a restart, or forgotten) is rebuilt from its own history through `load`, so the
// state handed out is always the conversation's true state before that event, however the
// monitor got there.
//
// Only conversations with a person hold a state. Every rule is about an agent's work (a reply, a
// resolution, a close while assigned), and an agent acts only on a conversation assigned to them,
// so a conversation the bot handles alone (most of them) costs a version counter, not a copy of
// its messages: when a person takes it (Assigned), its history is read once and folded.
//
// Bounded: a closed conversation is forgotten once it has been closed longer than the retention,
// and above kConversationStatesMax the longest-closed go first.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
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
  // The state of conversation `id` before its event number `version` (1-based), or nullptr when
  // no person was assigned to it before that event (no rule looks at it then); the event is then
  // folded in. The pointer is valid until the next call.
  Expected<const conversation::State*, std::string> before(const std::string& id,
                                                           std::uint64_t version,
                                                           const conversation::Event& event,
                                                           const HistoryLoader& load);
  // Drops conversations closed longer than the retention before `now`.
  void evict(Timestamp now);
  // Conversations followed (a version each) / of those, holding a state (a person assigned).
  std::size_t size() const { return entries_.size(); }
  std::size_t states_held() const;  // walks every entry: for tests and diagnostics

 private:
  struct Entry {
    std::uint64_t version = 0;
    std::optional<Timestamp> closed_at;
    std::unique_ptr<conversation::State> state;  // only while a person is assigned
  };
  // Entry for `id` holding its full state at `version` - 1, read from its history.
  Expected<Entry, std::string> rebuild(const std::string& id, std::uint64_t version,
                                       const HistoryLoader& load);
  void fold(const std::string& id, Entry& entry, const conversation::Event& event);
  void evict_oldest_closed();

  std::unordered_map<std::string, Entry> entries_;
  std::multimap<Timestamp, std::string> closed_;  // close time -> id (may hold stale pairs)
  conversation::State previous_;
};

}  // namespace sb::quality
