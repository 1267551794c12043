#include "actors/configuration/configuration_effective.hpp"

namespace sb::configuration {

ticket::SlaPolicyTable effective_sla_policies(const State& state,
                                              const ticket::SlaPolicyTable& defaults) {
  ticket::SlaPolicyTable table;
  for (const auto& [key, policy] : state.sla_policies)
    table.entries.push_back({key.first, key.second, policy});
  for (const auto& entry : defaults.entries) {
    if (!state.sla_policies.contains({entry.tier, entry.priority})) table.entries.push_back(entry);
  }
  return table;
}

customer::TierRules effective_tier_rules(const State& state, const customer::TierRules& defaults) {
  return state.tier_rules.value_or(defaults);
}

router::RouterConfig router_config(const SkillGroup& group, router::RouterConfig base) {
  base.group_id = group.name;
  base.offer_timeout = group.offer_timeout;
  base.sticky_window = group.sticky_window;
  base.relax_level_every = group.relax_level_every;
  base.relaxed_level_min = group.relaxed_level_min;
  base.overflow_groups = group.overflow_groups;
  base.overflow_after = group.overflow_after;
  base.reserved_capacity_permille = group.reserved_capacity_permille;
  base.reserved_tier_min = group.reserved_tier_min;
  return base;
}

}  // namespace sb::configuration
