#include "runtime/service/configuration_views.hpp"

#include "actors/common/text.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "runtime/service/ticket_views.hpp"

namespace sb::service {
namespace {

ServiceError invalid(std::string message) {
  return {ErrorCode::invalid_argument, std::move(message), {}};
}

std::optional<ServiceError> check_name(std::string_view what, const std::string& name) {
  if (name.empty()) return invalid(std::string(what) + " is empty");
  if (auto bad = check_text(what, name, kIdBytesMax)) return invalid(*bad);
  return std::nullopt;
}

// Durations arrive as milliseconds; negative ones are malformed, not a domain question.
Expected<Duration, ServiceError> duration_of(std::string_view what, std::int64_t ms) {
  if (ms < 0)
    return unexpected(invalid(std::string(what) + " is negative (" + std::to_string(ms) + " ms)"));
  return Duration(ms);
}

Expected<Tier, ServiceError> tier_of(const std::string& name) {
  if (auto tier = parse_tier(name)) return *tier;
  return unexpected(invalid("a tier is new, regular, vip or enterprise, not '" + name + "'"));
}

}  // namespace

Expected<configuration::SlaKey, ServiceError> parse_sla_key(const std::string& tier,
                                                            const std::string& priority) {
  auto t = tier_of(tier);
  if (!t) return unexpected(t.error());
  auto p = parse_priority(priority);
  if (!p) return unexpected(p.error());
  return configuration::SlaKey{*t, *p};
}

std::optional<ServiceError> check_group_name(const std::string& name) {
  return check_name("the skill group name", name);
}

Expected<ticket::SlaPolicy, ServiceError> sla_policy_from(const SlaPolicySpec& spec) {
  for (auto problem : {check_name("the policy name", spec.name),
                       check_name("the supervisor group", spec.supervisor_group)}) {
    if (problem) return unexpected(*problem);
  }
  ticket::SlaPolicy policy;
  policy.name = spec.name;
  for (auto [what, ms, target] :
       {std::tuple{"the first response target", spec.first_response_ms,
                   &policy.first_response_target},
        {"the next reply target", spec.next_reply_ms, &policy.next_reply_target},
        {"the resolution target", spec.resolution_ms, &policy.resolution_target}}) {
    auto duration = duration_of(what, ms);
    if (!duration) return unexpected(duration.error());
    *target = *duration;
  }
  policy.warn_fraction = spec.warn_fraction;
  policy.supervisor_group = spec.supervisor_group;
  return policy;
}

Expected<customer::TierRules, ServiceError> tier_rules_from(const TierRulesSpec& spec) {
  auto age = duration_of("regular_after_account_age", spec.regular_after_account_age_ms);
  if (!age) return unexpected(age.error());
  if (spec.vip_after_spend_cents < 0)
    return unexpected(invalid("vip_after_spend_cents is negative"));
  customer::TierRules rules;
  rules.regular_after_account_age = *age;
  rules.regular_after_orders = spec.regular_after_orders;
  rules.vip_after_spend_cents = spec.vip_after_spend_cents > 0
                                    ? std::optional<std::int64_t>(spec.vip_after_spend_cents)
                                    : std::nullopt;
  rules.vip_by_flag = spec.vip_by_flag;
  rules.enterprise_by_flag = spec.enterprise_by_flag;
  return rules;
}

Expected<configuration::SkillGroup, ServiceError> skill_group_from(const SkillGroupSpec& spec) {
  if (auto problem = check_group_name(spec.name)) return unexpected(*problem);
  configuration::SkillGroup group;
  group.name = spec.name;
  for (auto [what, ms, field] :
       {std::tuple{"the offer timeout", spec.offer_timeout_ms, &group.offer_timeout},
        {"the sticky window", spec.sticky_window_ms, &group.sticky_window},
        {"the relax interval", spec.relax_level_every_ms, &group.relax_level_every},
        {"the overflow wait", spec.overflow_after_ms, &group.overflow_after}}) {
    auto duration = duration_of(what, ms);
    if (!duration) return unexpected(duration.error());
    *field = *duration;
  }
  if (spec.relaxed_level_min < 0 || spec.relaxed_level_min > 255) {
    return unexpected(invalid("the relaxed level minimum is " +
                              std::to_string(spec.relaxed_level_min) + "; levels are 1..5"));
  }
  group.relaxed_level_min = static_cast<std::uint8_t>(spec.relaxed_level_min);
  if (spec.overflow_groups.size() > configuration::kOverflowGroupsMax) {
    return unexpected(invalid("a group overflows into at most " +
                              std::to_string(configuration::kOverflowGroupsMax) + " groups"));
  }
  for (const auto& overflow : spec.overflow_groups) {
    if (auto problem = check_name("an overflow group name", overflow)) return unexpected(*problem);
  }
  group.overflow_groups = spec.overflow_groups;
  if (spec.reserved_capacity_permille > 0xFFFF) {
    return unexpected(invalid("the reserved capacity is at most 1000‰"));
  }
  group.reserved_capacity_permille = static_cast<std::uint16_t>(spec.reserved_capacity_permille);
  auto tier = tier_of(spec.reserved_tier_min);
  if (!tier) return unexpected(tier.error());
  group.reserved_tier_min = *tier;
  return group;
}

SlaPolicySpec sla_policy_spec(const ticket::SlaPolicyEntry& entry, bool configured) {
  const auto& p = entry.policy;
  return {std::string(to_string(entry.tier)),
          std::string(ticket::to_string(entry.priority)),
          p.name,
          p.first_response_target.count(),
          p.next_reply_target.count(),
          p.resolution_target.count(),
          p.warn_fraction,
          p.supervisor_group,
          p.calendar.has_value(),
          configured};
}

TierRulesSpec tier_rules_spec(const customer::TierRules& rules, bool configured) {
  return {rules.regular_after_account_age.count(),
          rules.regular_after_orders,
          rules.vip_after_spend_cents.value_or(0),
          rules.vip_by_flag,
          rules.enterprise_by_flag,
          configured};
}

SkillGroupSpec skill_group_spec(const configuration::SkillGroup& group) {
  return {group.name,
          group.offer_timeout.count(),
          group.sticky_window.count(),
          group.relax_level_every.count(),
          group.relaxed_level_min,
          group.overflow_groups,
          group.overflow_after.count(),
          group.reserved_capacity_permille,
          std::string(to_string(group.reserved_tier_min))};
}

}  // namespace sb::service
