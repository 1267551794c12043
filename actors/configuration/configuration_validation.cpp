#include "actors/configuration/configuration_validation.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "actors/common/text.hpp"
#include "actors/ticket/business_calendar.hpp"

namespace sb::configuration {
namespace {

Problem reject(Rejection code, std::string detail) {
  return Rejected<Rejection>{code, std::move(detail)};
}

Problem check_name(std::string_view what, const std::string& name) {
  if (name.empty()) return reject(Rejection::invalid_name, std::string(what) + " is empty");
  if (auto bad = check_text(what, name, kIdBytesMax)) return reject(Rejection::invalid_name, *bad);
  return std::nullopt;
}

bool within(Duration value, Duration low, Duration high) { return value >= low && value <= high; }

std::string ms(Duration d) { return std::to_string(d.count()) + " ms"; }

}  // namespace

Problem check_sla_key(Tier tier, ticket::Priority priority) {
  const auto t = static_cast<int>(tier);
  const auto p = static_cast<int>(priority);
  if (t < 1 || t > 4)
    return reject(Rejection::invalid_key, "tier " + std::to_string(t) + " does not exist");
  if (p < 1 || p > 4)
    return reject(Rejection::invalid_key, "priority " + std::to_string(p) + " does not exist");
  return std::nullopt;
}

Problem check_sla_policy(const ticket::SlaPolicy& policy) {
  if (auto bad = check_name("the policy name", policy.name)) return bad;
  if (auto bad = check_name("the supervisor group", policy.supervisor_group)) return bad;
  const std::pair<const char*, Duration> targets[] = {
      {"first response", policy.first_response_target},
      {"next reply", policy.next_reply_target},
      {"resolution", policy.resolution_target}};
  for (const auto& [what, target] : targets) {
    if (!within(target, Duration(1), ticket::kSlaTargetMax)) {
      return reject(Rejection::invalid_target, std::string("the ") + what + " target is " +
                                                   ms(target) +
                                                   "; targets are above zero and at most one year");
    }
  }
  // Written so that NaN is refused too.
  if (!(policy.warn_fraction > 0.0 && policy.warn_fraction < 1.0)) {
    return reject(Rejection::invalid_warn_fraction, "the warn fraction is " +
                                                        std::to_string(policy.warn_fraction) +
                                                        "; it lies strictly between 0 and 1");
  }
  if (policy.calendar) {
    if (auto bad = ticket::check_calendar(*policy.calendar))
      return reject(Rejection::invalid_calendar, *bad);
  }
  return std::nullopt;
}

Problem check_tier_rules(const customer::TierRules& rules) {
  if (!within(rules.regular_after_account_age, Duration(0), kAccountAgeMax)) {
    return reject(Rejection::invalid_tier_rules, "regular_after_account_age is " +
                                                     ms(rules.regular_after_account_age) +
                                                     "; it lies in 0 .. 10 years");
  }
  if (rules.vip_after_spend_cents && *rules.vip_after_spend_cents <= 0) {
    return reject(Rejection::invalid_tier_rules,
                  "vip_after_spend_cents must be positive (or unset: VIP by flag only)");
  }
  return std::nullopt;
}

Problem check_skill_group(const SkillGroup& group) {
  if (auto bad = check_name("the skill group name", group.name)) return bad;
  auto invalid = [](std::string detail) {
    return reject(Rejection::invalid_skill_group, std::move(detail));
  };
  if (!within(group.offer_timeout, Duration(1), kOfferTimeoutMax)) {
    return invalid("the offer timeout is " + ms(group.offer_timeout) + "; it lies in 1 ms .. 1 h");
  }
  for (const auto& [what, wait] : {std::pair{"the sticky window", group.sticky_window},
                                   {"the relax interval", group.relax_level_every},
                                   {"the overflow wait", group.overflow_after}}) {
    if (!within(wait, Duration(0), kRoutingWaitMax)) {
      return invalid(std::string(what) + " is " + ms(wait) + "; it lies in 0 .. 24 h");
    }
  }
  if (group.relaxed_level_min < kSkillLevelMin || group.relaxed_level_min > kSkillLevelMax) {
    return invalid("the relaxed level minimum is " + std::to_string(group.relaxed_level_min) +
                   "; levels are 1..5");
  }
  if (group.overflow_groups.size() > kOverflowGroupsMax) {
    return invalid("a group overflows into at most " + std::to_string(kOverflowGroupsMax) +
                   " groups");
  }
  std::set<std::string> seen;
  for (const auto& overflow : group.overflow_groups) {
    if (auto bad = check_name("an overflow group name", overflow)) return bad;
    if (overflow == group.name) {
      return reject(Rejection::overflow_cycle,
                    "group " + group.name + " cannot overflow into itself");
    }
    if (!seen.insert(overflow).second)
      return invalid("overflow group " + overflow + " is listed twice");
  }
  if (group.reserved_capacity_permille > kPermilleMax) {
    return invalid("the reserved capacity is " + std::to_string(group.reserved_capacity_permille) +
                   "‰; it is at most 1000‰");
  }
  const auto tier = static_cast<int>(group.reserved_tier_min);
  if (tier < 1 || tier > 4)
    return reject(Rejection::invalid_key, "tier " + std::to_string(tier) + " does not exist");
  return std::nullopt;
}

Problem check_no_overflow_cycle(const std::map<std::string, SkillGroup>& defined,
                                const SkillGroup& group) {
  // Depth-first from the new group's overflow targets through the defined groups (with the new
  // definition in place): reaching the group again is a cycle. Bounded by kSkillGroupsMax nodes.
  auto overflow_of = [&](const std::string& name) -> const std::vector<std::string>* {
    if (name == group.name) return &group.overflow_groups;
    auto it = defined.find(name);
    return it == defined.end() ? nullptr : &it->second.overflow_groups;
  };
  std::vector<std::pair<std::string, std::string>> stack;  // (group, path to it)
  std::set<std::string> visited;
  for (const auto& next : group.overflow_groups)
    stack.emplace_back(next, group.name + " -> " + next);
  while (!stack.empty()) {
    auto [name, path] = std::move(stack.back());
    stack.pop_back();
    if (name == group.name)
      return reject(Rejection::overflow_cycle, "the overflow groups form a cycle: " + path);
    if (!visited.insert(name).second) continue;
    if (const auto* targets = overflow_of(name)) {
      for (const auto& next : *targets) stack.emplace_back(next, path + " -> " + next);
    }
  }
  return std::nullopt;
}

}  // namespace sb::configuration
