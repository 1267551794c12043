#include "actors/configuration/configuration_decider.hpp"

#include "actors/common/overloaded.hpp"
#include "actors/configuration/configuration_validation.hpp"
#include "actors/ticket/sla_clock.hpp"

namespace sb::configuration {
namespace {

using ConfigurationDecision = Decision<Event, Rejection>;

ConfigurationDecision refuse(const Rejected<Rejection>& problem) {
  return ConfigurationDecision::reject(problem.code, problem.detail);
}

std::string describe(Tier tier, ticket::Priority priority) {
  return std::string(to_string(tier)) + "/" + std::string(ticket::to_string(priority));
}

ConfigurationDecision decide_set_policy(const State& state, const SetSlaPolicy& c) {
  if (auto bad = check_sla_key(c.tier, c.priority)) return refuse(*bad);
  if (auto bad = check_sla_policy(c.policy)) return refuse(*bad);
  auto it = state.sla_policies.find({c.tier, c.priority});
  if (it != state.sla_policies.end() && it->second == c.policy)
    return ConfigurationDecision::accept({});
  return ConfigurationDecision::accept({SlaPolicySet{c.tier, c.priority, c.policy, c.at}});
}

ConfigurationDecision decide_remove_policy(const State& state, const RemoveSlaPolicy& c) {
  if (auto bad = check_sla_key(c.tier, c.priority)) return refuse(*bad);
  if (!state.sla_policies.contains({c.tier, c.priority})) {
    return ConfigurationDecision::reject(Rejection::not_found, "no SLA policy is configured for " +
                                                                   describe(c.tier, c.priority) +
                                                                   "; the default applies");
  }
  return ConfigurationDecision::accept({SlaPolicyRemoved{c.tier, c.priority, c.at}});
}

ConfigurationDecision decide_tier_rules(const State& state, const SetTierRules& c) {
  if (auto bad = check_tier_rules(c.rules)) return refuse(*bad);
  if (state.tier_rules == c.rules) return ConfigurationDecision::accept({});
  return ConfigurationDecision::accept({TierRulesSet{c.rules, c.at}});
}

ConfigurationDecision decide_define_group(const State& state, const DefineSkillGroup& c) {
  if (auto bad = check_skill_group(c.group)) return refuse(*bad);
  auto it = state.skill_groups.find(c.group.name);
  if (it != state.skill_groups.end() && it->second == c.group)
    return ConfigurationDecision::accept({});
  if (it == state.skill_groups.end() && state.skill_groups.size() >= kSkillGroupsMax) {
    return ConfigurationDecision::reject(
        Rejection::too_many_skill_groups,
        "at most " + std::to_string(kSkillGroupsMax) + " skill groups can be defined");
  }
  if (auto bad = check_no_overflow_cycle(state.skill_groups, c.group)) return refuse(*bad);
  return ConfigurationDecision::accept({SkillGroupDefined{c.group, c.at}});
}

ConfigurationDecision decide_remove_group(const State& state, const RemoveSkillGroup& c) {
  if (!state.skill_groups.contains(c.name)) {
    return ConfigurationDecision::reject(Rejection::not_found,
                                         "skill group " + c.name + " is not defined");
  }
  return ConfigurationDecision::accept({SkillGroupRemoved{c.name, c.at}});
}

}  // namespace

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::invalid_name:
      return "invalid_name";
    case Rejection::invalid_key:
      return "invalid_key";
    case Rejection::invalid_target:
      return "invalid_target";
    case Rejection::invalid_warn_fraction:
      return "invalid_warn_fraction";
    case Rejection::invalid_calendar:
      return "invalid_calendar";
    case Rejection::invalid_tier_rules:
      return "invalid_tier_rules";
    case Rejection::invalid_skill_group:
      return "invalid_skill_group";
    case Rejection::overflow_cycle:
      return "overflow_cycle";
    case Rejection::too_many_skill_groups:
      return "too_many_skill_groups";
    case Rejection::not_found:
      return "not_found";
  }
  return "unknown";
}

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  return std::visit(Overloaded{
                        [&](const SetSlaPolicy& c) { return decide_set_policy(state, c); },
                        [&](const RemoveSlaPolicy& c) { return decide_remove_policy(state, c); },
                        [&](const SetTierRules& c) { return decide_tier_rules(state, c); },
                        [&](const DefineSkillGroup& c) { return decide_define_group(state, c); },
                        [&](const RemoveSkillGroup& c) { return decide_remove_group(state, c); },
                    },
                    command);
}

State evolve(State state, const Event& event) {
  std::visit(Overloaded{
                 [&](const SlaPolicySet& e) {
                   state.sla_policies[{e.tier, e.priority}] = e.policy;
                   state.changed_at = e.at;
                 },
                 [&](const SlaPolicyRemoved& e) {
                   state.sla_policies.erase({e.tier, e.priority});
                   state.changed_at = e.at;
                 },
                 [&](const TierRulesSet& e) {
                   state.tier_rules = e.rules;
                   state.changed_at = e.at;
                 },
                 [&](const SkillGroupDefined& e) {
                   state.skill_groups[e.group.name] = e.group;
                   state.changed_at = e.at;
                 },
                 [&](const SkillGroupRemoved& e) {
                   state.skill_groups.erase(e.name);
                   state.changed_at = e.at;
                 },
             },
             event);
  return state;
}

}  // namespace sb::configuration
