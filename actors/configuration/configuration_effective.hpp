#pragma once
// What the node runs with: the configured overrides laid over the node's defaults. Pure.

#include "actors/configuration/configuration_model.hpp"
#include "actors/router/router_model.hpp"

namespace sb::configuration {

// Configured policies first (the ticket core takes the first entry for a tier × priority), then
// the defaults that were not overridden.
ticket::SlaPolicyTable effective_sla_policies(const State& state,
                                              const ticket::SlaPolicyTable& defaults);

customer::TierRules effective_tier_rules(const State& state, const customer::TierRules& defaults);

// `base` (the routing desk's defaults) with the group's choices applied.
router::RouterConfig router_config(const SkillGroup& group, router::RouterConfig base);

}  // namespace sb::configuration
