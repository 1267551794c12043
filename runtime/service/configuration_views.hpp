#pragma once
// The node configuration at the service edge: the specs of service_api.hpp to and from the
// configuration entity's values. Malformed input (unknown tier or priority names, negative
// durations, empty or oversized names) is an invalid_argument error here; range rules that are
// domain rules (targets above zero, the warn fraction, overflow cycles ...) are the decider's.

#include <utility>

#include "actors/configuration/configuration_model.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

Expected<configuration::SlaKey, ServiceError> parse_sla_key(const std::string& tier,
                                                            const std::string& priority);
Expected<ticket::SlaPolicy, ServiceError> sla_policy_from(const SlaPolicySpec& spec);
Expected<customer::TierRules, ServiceError> tier_rules_from(const TierRulesSpec& spec);
Expected<configuration::SkillGroup, ServiceError> skill_group_from(const SkillGroupSpec& spec);
std::optional<ServiceError> check_group_name(const std::string& name);

SlaPolicySpec sla_policy_spec(const ticket::SlaPolicyEntry& entry, bool configured);
TierRulesSpec tier_rules_spec(const customer::TierRules& rules, bool configured);
SkillGroupSpec skill_group_spec(const configuration::SkillGroup& group);

}  // namespace sb::service
