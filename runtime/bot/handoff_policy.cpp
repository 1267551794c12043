#include "runtime/bot/handoff_policy.hpp"

#include "runtime/bot/enum_names.hpp"

namespace sb::bot {
namespace {

constexpr EnumNames<HandoffReason, 8> kReasonNames{{
    {HandoffReason::customer_asked, "customer_asked"},
    {HandoffReason::low_confidence_twice, "low_confidence_twice"},
    {HandoffReason::negative_sentiment, "negative_sentiment"},
    {HandoffReason::human_only_intent, "human_only_intent"},
    {HandoffReason::tier_policy, "tier_policy"},
    {HandoffReason::backend_unavailable, "backend_unavailable"},
    {HandoffReason::slot_attempts_exhausted, "slot_attempts_exhausted"},
    {HandoffReason::turn_limit, "turn_limit"},
}};

}  // namespace

std::string_view to_string(HandoffReason reason) { return name_of(kReasonNames, reason); }
std::optional<HandoffReason> parse_handoff_reason(std::string_view name) {
  return value_of(kReasonNames, name);
}

std::optional<std::uint32_t> HandoffPolicy::unanswered_turns_max(Tier tier) const {
  switch (tier) {
    case Tier::new_customer:
      return new_customer_unanswered_turns_max;
    case Tier::regular:
      return regular_unanswered_turns_max;
    case Tier::vip:
      return vip_unanswered_turns_max;
    case Tier::enterprise:
      return enterprise_unanswered_turns_max;
  }
  return std::nullopt;
}

std::vector<HandoffReason> handoff_reasons(const HandoffPolicy& policy,
                                           const HandoffSignals& signals) {
  std::vector<HandoffReason> reasons;
  const auto add_if = [&](bool applies, HandoffReason reason) {
    if (applies) reasons.push_back(reason);
  };
  const std::optional<std::uint32_t> tier_max = policy.unanswered_turns_max(signals.tier);
  add_if(signals.customer_asked, HandoffReason::customer_asked);
  add_if(signals.low_confidence_streak >= policy.low_confidence_turns_max,
         HandoffReason::low_confidence_twice);
  add_if(signals.negativity >= policy.negativity_min, HandoffReason::negative_sentiment);
  add_if(signals.human_only_intent, HandoffReason::human_only_intent);
  add_if(tier_max.has_value() && signals.unanswered_turns >= *tier_max, HandoffReason::tier_policy);
  add_if(signals.backend_unavailable, HandoffReason::backend_unavailable);
  add_if(signals.failed_slot_attempts >= policy.slot_attempts_max,
         HandoffReason::slot_attempts_exhausted);
  add_if(signals.bot_turns > policy.bot_turns_max, HandoffReason::turn_limit);
  return reasons;
}

}  // namespace sb::bot
