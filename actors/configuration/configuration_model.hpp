#pragma once
// The node's configuration entity (one stream, id "node"): what an administrator changed about
// SLA policies, tier rules and skill groups. It records overrides only: a tier × priority without
// a configured policy, tier rules never set, and a skill group never defined keep the node's
// defaults (runtime/service/default_policies.hpp, the routing desk's RouterConfig). Removing an
// override brings the default back.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "actors/common/time.hpp"
#include "actors/customer/customer_model.hpp"
#include "actors/ticket/sla_model.hpp"

namespace sb::configuration {

// The one stream of this entity.
inline constexpr std::string_view kNodeConfigurationId = "node";

inline constexpr std::size_t kSkillGroupsMax = 256;
inline constexpr std::size_t kOverflowGroupsMax = 8;  // = router::kOverflowGroupsMax
inline constexpr Duration kOfferTimeoutMax = std::chrono::hours(1);
inline constexpr Duration kRoutingWaitMax = std::chrono::hours(24);  // relax, overflow, sticky
inline constexpr Duration kAccountAgeMax = std::chrono::hours(24 * 365 * 10);
inline constexpr std::uint16_t kPermilleMax = 1000;
inline constexpr std::uint8_t kSkillLevelMin = 1;
inline constexpr std::uint8_t kSkillLevelMax = 5;

using SlaKey = std::pair<Tier, ticket::Priority>;

// What the routing desk's RouterConfig lets an administrator choose for one skill group.
struct SkillGroup {
  std::string name;
  Duration offer_timeout = std::chrono::seconds(30);
  Duration sticky_window = std::chrono::minutes(30);
  // Every full `relax_level_every` of waiting lowers the required level by one, down to
  // `relaxed_level_min`; zero: never relax.
  Duration relax_level_every = std::chrono::seconds(60);
  std::uint8_t relaxed_level_min = kSkillLevelMin;
  // Agents of these (wider) groups take the conversation once it waited `overflow_after`.
  std::vector<std::string> overflow_groups;
  Duration overflow_after = std::chrono::seconds(120);
  // Share of the group's capacity kept for customers of `reserved_tier_min` and above.
  std::uint16_t reserved_capacity_permille = 0;
  Tier reserved_tier_min = Tier::vip;
  bool operator==(const SkillGroup&) const = default;
};

// ---- commands -------------------------------------------------------------------------------
struct SetSlaPolicy {
  Tier tier = Tier::regular;
  ticket::Priority priority = ticket::Priority::normal;
  ticket::SlaPolicy policy;
  Timestamp at;
};
struct RemoveSlaPolicy {
  Tier tier = Tier::regular;
  ticket::Priority priority = ticket::Priority::normal;
  Timestamp at;
};
struct SetTierRules {
  customer::TierRules rules;
  Timestamp at;
};
struct DefineSkillGroup {
  SkillGroup group;
  Timestamp at;
};
struct RemoveSkillGroup {
  std::string name;
  Timestamp at;
};
using Command =
    std::variant<SetSlaPolicy, RemoveSlaPolicy, SetTierRules, DefineSkillGroup, RemoveSkillGroup>;

// ---- events ---------------------------------------------------------------------------------
struct SlaPolicySet {
  Tier tier = Tier::regular;
  ticket::Priority priority = ticket::Priority::normal;
  ticket::SlaPolicy policy;
  Timestamp at;
  bool operator==(const SlaPolicySet&) const = default;
};
struct SlaPolicyRemoved {
  Tier tier = Tier::regular;
  ticket::Priority priority = ticket::Priority::normal;
  Timestamp at;
  bool operator==(const SlaPolicyRemoved&) const = default;
};
struct TierRulesSet {
  customer::TierRules rules;
  Timestamp at;
  bool operator==(const TierRulesSet&) const = default;
};
struct SkillGroupDefined {
  SkillGroup group;
  Timestamp at;
  bool operator==(const SkillGroupDefined&) const = default;
};
struct SkillGroupRemoved {
  std::string name;
  Timestamp at;
  bool operator==(const SkillGroupRemoved&) const = default;
};
using Event = std::variant<SlaPolicySet, SlaPolicyRemoved, TierRulesSet, SkillGroupDefined,
                           SkillGroupRemoved>;

// ---- state ----------------------------------------------------------------------------------
struct State {
  std::map<SlaKey, ticket::SlaPolicy> sla_policies;  // overrides of the node defaults
  std::optional<customer::TierRules> tier_rules;     // nullopt: the defaults
  std::map<std::string, SkillGroup> skill_groups;    // by name
  Timestamp changed_at;
  bool operator==(const State&) const = default;
};

enum class Rejection : std::uint8_t {
  invalid_name = 1,       // empty, oversized or not UTF-8 (policy, group or supervisor name)
  invalid_key,            // a tier or priority that does not exist
  invalid_target,         // an SLA target not in (0, 1 year]
  invalid_warn_fraction,  // not in (0, 1)
  invalid_calendar,
  invalid_tier_rules,
  invalid_skill_group,  // a duration, level, share or overflow list out of range
  overflow_cycle,       // the overflow groups would lead back to the group itself
  too_many_skill_groups,
  not_found,  // nothing configured under that key (the default applies already)
};
std::string_view to_string(Rejection rejection);

}  // namespace sb::configuration
