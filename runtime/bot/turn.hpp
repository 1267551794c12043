#pragma once
// One bot turn: what the customer sent (TurnInput) and what the bot decided (Turn).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/channel.hpp"
#include "runtime/bot/business_backend.hpp"
#include "runtime/bot/dialogue_state.hpp"
#include "runtime/bot/handoff_policy.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/language.hpp"
#include "runtime/bot/sentiment.hpp"

namespace sb::bot {

// Only the start of a message is read: intents and slot values show early, and the cost of a
// turn must not grow with what a customer pastes. Cut at a UTF-8 boundary.
inline constexpr std::size_t kBotTextBytesMax = 4 * 1024;

struct TurnInput {
  std::string text;
  Tier tier = Tier::regular;
  Channel channel = Channel::web;
  DialogueState state;  // as left by the previous turn (default for the first)
};

enum class TurnAction : std::uint8_t {
  answer = 1,    // reply is the answer (or "not understood, rephrase or ask for a person")
  ask_slot = 2,  // reply asks for state.awaited_slot
  lookup = 3,    // perform `query` and call complete_lookup; reply is a holding message
  handoff = 4,   // a person takes over: see `handoff`
};

std::string_view to_string(TurnAction action);

// What the agent who takes over sees first; the transcript is the conversation's own.
struct HandoffSummary {
  std::string intent;  // empty when the bot never understood the customer
  Skill skill = Skill::general;
  Priority priority = Priority::normal;
  std::map<std::string, std::string> slots;
  std::vector<std::string> tags;
  std::vector<HandoffReason> reasons;
  std::string summary;  // one line in the agent's language

  bool operator==(const HandoffSummary&) const = default;
};

struct Turn {
  TurnAction action = TurnAction::answer;
  std::string intent;  // empty when not understood
  double confidence = 0;
  std::string reply;  // in `language`
  Language language = Language::zh;
  DialogueState state;  // to persist; for a lookup, the state while the lookup is in flight
  std::vector<HandoffReason> handoff_reasons;  // non-empty exactly when action == handoff
  std::vector<std::string> tags;               // "intent:refund_status", "lang:zh", ...
  Sentiment sentiment;
  Tier tier = Tier::regular;              // of the input, for complete_lookup
  Channel channel = Channel::web;         // of the input
  std::string customer_text;              // the (cut) message this turn answers
  std::optional<BackendQuery> query;      // when action == lookup
  std::optional<HandoffSummary> handoff;  // when action == handoff

  bool operator==(const Turn&) const = default;
};

}  // namespace sb::bot
