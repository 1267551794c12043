#include "actors/customer/customer_tier.hpp"

namespace sb::customer {

Tier evaluate_tier(const Profile& profile, const TierRules& rules, Timestamp now) {
  if (rules.enterprise_by_flag && profile.enterprise_flag) return Tier::enterprise;
  if (rules.vip_by_flag && profile.vip_flag) return Tier::vip;
  if (rules.vip_after_spend_cents && profile.spend_cents_total >= *rules.vip_after_spend_cents) {
    return Tier::vip;
  }
  const bool old_enough = rules.regular_after_account_age > Duration::zero() &&
                          now - profile.account_created_at >= rules.regular_after_account_age;
  const bool ordered_enough =
      rules.regular_after_orders > 0 && profile.orders_total >= rules.regular_after_orders;
  if (old_enough || ordered_enough) return Tier::regular;
  return Tier::new_customer;
}

std::optional<Timestamp> next_tier_review(const State& state, const TierRules& rules) {
  if (!state.registered || state.merged_into || state.tier != Tier::new_customer) {
    return std::nullopt;
  }
  if (rules.regular_after_account_age <= Duration::zero()) return std::nullopt;
  return state.profile.account_created_at + rules.regular_after_account_age;
}

}  // namespace sb::customer
