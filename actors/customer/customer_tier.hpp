#pragma once
// Tier rules as pure functions. The tier drives queue priority, SLA targets and reserved agent
// capacity elsewhere; here it is only computed and recorded.

#include <optional>

#include "actors/customer/customer_model.hpp"

namespace sb::customer {

// The tier `profile` earns under `rules` at `now`. Highest rule wins: enterprise (by flag), VIP
// (by flag or spend), regular (by account age or orders), else new.
Tier evaluate_tier(const Profile& profile, const TierRules& rules, Timestamp now);

// When the tier may next change by time alone (a new customer's account reaching
// regular_after_account_age), so the actor can arm a timer that sends EvaluateTier; nullopt when
// only a profile change can change it.
std::optional<Timestamp> next_tier_review(const State& state, const TierRules& rules);

}  // namespace sb::customer
