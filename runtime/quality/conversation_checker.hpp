#pragma once
// Runs the quality rules over a conversation's events in feed order: each agent reply against the
// conversation's state before it, and each conversation's end (greeting, closing) once per
// episode. Pure and deterministic: the same events give the same violations, whether they are
// checked in one run or across restarts (the states come back through the HistoryLoader).
//
// Usage (the quality monitor, actors/quality):
//   ConversationChecker checker(config, kb_answers);
//   auto found = checker.check(id, version, event, load_history);  // per conversation event

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/conversation/conversation_model.hpp"
#include "runtime/quality/conversation_states.hpp"
#include "runtime/quality/quality_monitor.hpp"

namespace sb::quality {

// Closed conversations are trimmed once per this many checked events.
inline constexpr std::size_t kStateHousekeepingEvery = 4096;

class ConversationChecker {
 public:
  // `kb_answers`: intent -> its answer in both languages, for the kb_contradiction rule.
  ConversationChecker(QualityConfig config,
                      std::unordered_map<std::string, std::string> kb_answers);

  // The violations revealed by event number `version` of conversation `id`, or why the state
  // before it could not be rebuilt (then nothing was applied; check the same event again).
  Expected<std::vector<Violation>, std::string> check(const std::string& id, std::uint64_t version,
                                                      const conversation::Event& event,
                                                      const HistoryLoader& load);

  // Conversations followed / of those, holding their state (a person is assigned).
  std::size_t conversations_followed() const { return states_.size(); }
  std::size_t states_held() const { return states_.states_held(); }

 private:
  std::vector<Violation> rules_for(const std::string& id, const conversation::State& before,
                                   const conversation::Event& event) const;
  const std::string& kb_answer(const std::string& intent) const;

  QualityMonitor monitor_;
  std::unordered_map<std::string, std::string> kb_answers_;
  ConversationStates states_;
  Timestamp watermark_{};
  std::size_t since_housekeeping_ = 0;
};

}  // namespace sb::quality
