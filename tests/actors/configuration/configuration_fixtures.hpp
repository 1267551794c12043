#pragma once
// Values the configuration tests share: a valid SLA policy, tier rules and skill groups.

#include "actors/configuration/configuration_model.hpp"

namespace sb::configuration::test {

inline const Timestamp T0 = from_unix_ms(1'700'000'000'000);
inline const Timestamp T1 = T0 + Duration(1000);

inline ticket::SlaPolicy policy(std::string name = "vip-urgent") {
  ticket::SlaPolicy p;
  p.name = std::move(name);
  p.first_response_target = std::chrono::minutes(7);
  p.next_reply_target = std::chrono::minutes(20);
  p.resolution_target = std::chrono::hours(4);
  p.warn_fraction = 0.75;
  p.supervisor_group = "vip-leads";
  return p;
}

inline customer::TierRules rules() {
  customer::TierRules r;
  r.regular_after_account_age = std::chrono::hours(24 * 7);
  r.regular_after_orders = 2;
  r.vip_after_spend_cents = 500'000;
  r.vip_by_flag = false;
  return r;
}

inline SkillGroup group(std::string name, std::vector<std::string> overflow = {}) {
  SkillGroup g;
  g.name = std::move(name);
  g.offer_timeout = std::chrono::seconds(15);
  g.relax_level_every = std::chrono::seconds(45);
  g.relaxed_level_min = 2;
  g.overflow_groups = std::move(overflow);
  g.overflow_after = std::chrono::seconds(90);
  g.reserved_capacity_permille = 200;
  g.reserved_tier_min = Tier::enterprise;
  return g;
}

}  // namespace sb::configuration::test
