#pragma once
// When the bot gives a conversation to a person, and every reason why. A wrong confident answer
// is worse than a handoff, so the rules lean towards handing off.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "actors/common/channel.hpp"

namespace sb::bot {

// Persisted on the conversation's handoff record: only append.
enum class HandoffReason : std::uint8_t {
  customer_asked = 1,           // "转人工", "real person", not negated
  low_confidence_twice = 2,     // consecutive turns the bot did not understand
  negative_sentiment = 3,       // lexicon score at or over the threshold
  human_only_intent = 4,        // the KB entry is marked human_only
  tier_policy = 5,              // the customer's tier goes to a person (see HandoffPolicy)
  backend_unavailable = 6,      // the business system could not be asked
  slot_attempts_exhausted = 7,  // a slot was asked for too often without a valid value
  turn_limit = 8,               // the bot has had the conversation for too many turns
};

std::string_view to_string(HandoffReason reason);
std::optional<HandoffReason> parse_handoff_reason(std::string_view name);

struct HandoffPolicy {
  // Consecutive not-understood turns that hand off ("low confidence twice").
  std::uint32_t low_confidence_turns_max = 2;
  // Sentiment negativity (sentiment.hpp) at or over which the conversation goes to a person:
  // one strong term ("垃圾", "terrible", "不满意") or an intensified medium one ("really upset").
  double negativity_min = 2.0;
  // Answers to a slot prompt without a valid value before handing off (the third bad order
  // number goes to a person instead of a fourth prompt).
  std::uint32_t slot_attempts_max = 3;
  // Bot turns in one conversation after which a person takes over whatever else holds: a
  // conversation that long is going in circles.
  std::uint32_t bot_turns_max = 20;
  // Per tier: hand off once this many bot turns went unanswered (not understood, not found);
  // 0 means every conversation of the tier goes to a person at once; nullopt, never for the tier
  // alone. Defaults: enterprise customers always get a person, VIPs after the first unanswered
  // turn, everyone else only by the other rules.
  std::optional<std::uint32_t> new_customer_unanswered_turns_max;
  std::optional<std::uint32_t> regular_unanswered_turns_max;
  std::optional<std::uint32_t> vip_unanswered_turns_max = 1;
  std::optional<std::uint32_t> enterprise_unanswered_turns_max = 0;

  std::optional<std::uint32_t> unanswered_turns_max(Tier tier) const;
};

// What the dialogue observed this turn, for the policy to judge.
struct HandoffSignals {
  bool customer_asked = false;
  std::uint32_t low_confidence_streak = 0;  // including this turn
  double negativity = 0;
  bool human_only_intent = false;
  Tier tier = Tier::regular;
  std::uint32_t unanswered_turns = 0;  // including this turn
  bool backend_unavailable = false;
  std::uint32_t failed_slot_attempts = 0;  // values for the awaited slot that were not valid
  std::uint32_t bot_turns = 0;             // including this turn
};

// Every reason that applies, in enum order; empty means the bot may answer.
std::vector<HandoffReason> handoff_reasons(const HandoffPolicy& policy,
                                           const HandoffSignals& signals);

}  // namespace sb::bot
