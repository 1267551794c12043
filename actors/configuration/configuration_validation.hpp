#pragma once
// Why a policy, tier rules or a skill group cannot be configured: a rejection code and a
// sentence, or nullopt. Pure; shared by the decider and its tests.

#include <optional>

#include "actors/common/decision.hpp"
#include "actors/configuration/configuration_model.hpp"

namespace sb::configuration {

using Problem = std::optional<Rejected<Rejection>>;

Problem check_sla_key(Tier tier, ticket::Priority priority);
Problem check_sla_policy(const ticket::SlaPolicy& policy);
Problem check_tier_rules(const customer::TierRules& rules);
Problem check_skill_group(const SkillGroup& group);
// Would defining `group` (replacing a definition of the same name) make the overflow graph of the
// defined groups lead from a group back to itself?
Problem check_no_overflow_cycle(const std::map<std::string, SkillGroup>& defined,
                                const SkillGroup& group);

}  // namespace sb::configuration
