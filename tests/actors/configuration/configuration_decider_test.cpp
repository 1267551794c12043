// Given/when/then for the node configuration's pure core (links only sb_domain): every command,
// its rejections with their precise codes, and the effective values laid over the defaults.

#include "actors/configuration/configuration_decider.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "actors/configuration/configuration_effective.hpp"
#include "tests/actors/configuration/configuration_fixtures.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::configuration {
namespace {

using namespace test;
using sb::testing::given;
using ticket::Priority;

std::optional<Rejection> set_policy_rejection(void (*spoil)(ticket::SlaPolicy&)) {
  auto p = policy();
  spoil(p);
  return given<Decider>({}).when(SetSlaPolicy{Tier::vip, Priority::urgent, p, T0}).rejection_code();
}

std::optional<Rejection> define_rejection(void (*spoil)(SkillGroup&)) {
  auto g = group("orders");
  spoil(g);
  return given<Decider>({}).when(DefineSkillGroup{g, T0}).rejection_code();
}

TEST(ConfigurationDecider, SetSlaPolicyRecordsItForItsTierAndPriority) {
  auto outcome = given<Decider>({}).when(SetSlaPolicy{Tier::vip, Priority::urgent, policy(), T0});
  EXPECT_EQ(outcome.events(),
            (std::vector<Event>{SlaPolicySet{Tier::vip, Priority::urgent, policy(), T0}}));
  EXPECT_EQ(outcome.state().sla_policies.at({Tier::vip, Priority::urgent}), policy());
  EXPECT_EQ(outcome.state().changed_at, T0);
}

TEST(ConfigurationDecider, SettingTheSamePolicyAgainWritesNothing) {
  auto outcome = given<Decider>({SlaPolicySet{Tier::vip, Priority::urgent, policy(), T0}})
                     .when(SetSlaPolicy{Tier::vip, Priority::urgent, policy(), T1});
  EXPECT_TRUE(outcome.accepted());
  EXPECT_TRUE(outcome.events().empty());
}

TEST(ConfigurationDecider, ReplacingAPolicyRecordsTheNewOne) {
  auto changed = policy("vip-urgent-2");
  auto outcome = given<Decider>({SlaPolicySet{Tier::vip, Priority::urgent, policy(), T0}})
                     .when(SetSlaPolicy{Tier::vip, Priority::urgent, changed, T1});
  EXPECT_EQ(outcome.state().sla_policies.at({Tier::vip, Priority::urgent}), changed);
  EXPECT_EQ(outcome.state().sla_policies.size(), 1u);
}

TEST(ConfigurationDecider, BadPoliciesAreRejectedWithPreciseCodes) {
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.first_response_target = Duration(0); }),
            Rejection::invalid_target);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.next_reply_target = Duration(-5); }),
            Rejection::invalid_target);
  EXPECT_EQ(set_policy_rejection(
                [](auto& p) { p.resolution_target = ticket::kSlaTargetMax + Duration(1); }),
            Rejection::invalid_target);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.warn_fraction = 0.0; }),
            Rejection::invalid_warn_fraction);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.warn_fraction = 1.0; }),
            Rejection::invalid_warn_fraction);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.warn_fraction = std::nan(""); }),
            Rejection::invalid_warn_fraction);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.name.clear(); }), Rejection::invalid_name);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.supervisor_group = std::string(200, 'x'); }),
            Rejection::invalid_name);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.name = "bad\xff"; }), Rejection::invalid_name);
  EXPECT_EQ(set_policy_rejection([](auto& p) { p.calendar = ticket::BusinessCalendar{}; }),
            Rejection::invalid_calendar);
  auto unknown_tier =
      given<Decider>({}).when(SetSlaPolicy{static_cast<Tier>(9), Priority::low, policy(), T0});
  EXPECT_EQ(unknown_tier.rejection_code(), Rejection::invalid_key);
}

TEST(ConfigurationDecider, APolicyWithABusinessCalendarIsAccepted) {
  auto p = policy();
  p.calendar = ticket::BusinessCalendar{480, {{1, 9 * 60, 18 * 60}}, {}};
  EXPECT_TRUE(
      given<Decider>({}).when(SetSlaPolicy{Tier::regular, Priority::high, p, T0}).accepted());
}

TEST(ConfigurationDecider, RemoveSlaPolicyBringsTheDefaultBackOrIsNotFound) {
  auto removed = given<Decider>({SlaPolicySet{Tier::vip, Priority::urgent, policy(), T0}})
                     .when(RemoveSlaPolicy{Tier::vip, Priority::urgent, T1});
  EXPECT_EQ(removed.events(),
            (std::vector<Event>{SlaPolicyRemoved{Tier::vip, Priority::urgent, T1}}));
  EXPECT_TRUE(removed.state().sla_policies.empty());
  auto missing = given<Decider>({}).when(RemoveSlaPolicy{Tier::vip, Priority::urgent, T1});
  EXPECT_EQ(missing.rejection_code(), Rejection::not_found);
  EXPECT_NE(missing.rejection_detail().find("vip/urgent"), std::string::npos);
}

TEST(ConfigurationDecider, SetTierRulesRecordsThemOnceAndRefusesBadOnes) {
  auto outcome = given<Decider>({}).when(SetTierRules{rules(), T0});
  EXPECT_EQ(outcome.events(), (std::vector<Event>{TierRulesSet{rules(), T0}}));
  EXPECT_EQ(outcome.state().tier_rules, rules());
  EXPECT_TRUE(
      given<Decider>({TierRulesSet{rules(), T0}}).when(SetTierRules{rules(), T1}).events().empty());

  auto negative_age = rules();
  negative_age.regular_after_account_age = Duration(-1);
  EXPECT_EQ(given<Decider>({}).when(SetTierRules{negative_age, T0}).rejection_code(),
            Rejection::invalid_tier_rules);
  auto zero_spend = rules();
  zero_spend.vip_after_spend_cents = 0;
  EXPECT_EQ(given<Decider>({}).when(SetTierRules{zero_spend, T0}).rejection_code(),
            Rejection::invalid_tier_rules);
}

TEST(ConfigurationDecider, DefineSkillGroupRecordsAndReplacesIt) {
  auto outcome = given<Decider>({}).when(DefineSkillGroup{group("orders", {"general"}), T0});
  EXPECT_EQ(outcome.events(),
            (std::vector<Event>{SkillGroupDefined{group("orders", {"general"}), T0}}));
  auto wider = group("orders", {"general", "returns"});
  auto replaced = given<Decider>({SkillGroupDefined{group("orders", {"general"}), T0}})
                      .when(DefineSkillGroup{wider, T1});
  EXPECT_EQ(replaced.state().skill_groups.at("orders"), wider);
  EXPECT_TRUE(given<Decider>({SkillGroupDefined{wider, T0}})
                  .when(DefineSkillGroup{wider, T1})
                  .events()
                  .empty());
}

TEST(ConfigurationDecider, BadSkillGroupsAreRejectedWithPreciseCodes) {
  EXPECT_EQ(define_rejection([](auto& g) { g.name.clear(); }), Rejection::invalid_name);
  EXPECT_EQ(define_rejection([](auto& g) { g.name = std::string(129, 'g'); }),
            Rejection::invalid_name);
  EXPECT_EQ(define_rejection([](auto& g) { g.offer_timeout = Duration(0); }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.offer_timeout = std::chrono::hours(2); }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.relax_level_every = Duration(-1); }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.overflow_after = std::chrono::hours(25); }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.relaxed_level_min = 0; }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.relaxed_level_min = 6; }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.reserved_capacity_permille = 1001; }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) {
              g.overflow_groups = {"a", "a"};
            }),
            Rejection::invalid_skill_group);
  EXPECT_EQ(
      define_rejection([](auto& g) { g.overflow_groups.assign(kOverflowGroupsMax + 1, "x"); }),
      Rejection::invalid_skill_group);
  EXPECT_EQ(define_rejection([](auto& g) { g.overflow_groups = {""}; }), Rejection::invalid_name);
  EXPECT_EQ(define_rejection([](auto& g) { g.reserved_tier_min = static_cast<Tier>(0); }),
            Rejection::invalid_key);
  EXPECT_EQ(define_rejection([](auto& g) { g.overflow_groups = {"orders"}; }),
            Rejection::overflow_cycle);
}

TEST(ConfigurationDecider, OverflowThatLeadsBackToTheGroupIsACycle) {
  // returns -> orders -> billing, then billing -> returns would close the loop.
  const std::vector<Event> history{SkillGroupDefined{group("returns", {"orders"}), T0},
                                   SkillGroupDefined{group("orders", {"billing", "general"}), T0}};
  auto cycle = given<Decider>(history).when(DefineSkillGroup{group("billing", {"returns"}), T1});
  EXPECT_EQ(cycle.rejection_code(), Rejection::overflow_cycle);
  EXPECT_NE(cycle.rejection_detail().find("billing -> returns -> orders -> billing"),
            std::string::npos)
      << cycle.rejection_detail();
  // Into groups that lead elsewhere (or are not defined) is fine.
  EXPECT_TRUE(
      given<Decider>(history).when(DefineSkillGroup{group("billing", {"general"}), T1}).accepted());
  // Redefining a group drops its old edges: orders no longer overflowing into billing frees it.
  auto freed =
      given<Decider>(history).then_also(DefineSkillGroup{group("orders", {"general"}), T1});
  EXPECT_TRUE(freed.when(DefineSkillGroup{group("billing", {"returns"}), T1}).accepted());
}

TEST(ConfigurationDecider, TheNumberOfSkillGroupsIsLimited) {
  std::vector<Event> history;
  for (std::size_t i = 0; i < kSkillGroupsMax; ++i) {
    history.push_back(SkillGroupDefined{group("g" + std::to_string(i)), T0});
  }
  EXPECT_EQ(given<Decider>(history).when(DefineSkillGroup{group("one-more"), T1}).rejection_code(),
            Rejection::too_many_skill_groups);
  // Redefining one that exists is still fine.
  auto changed = group("g0");
  changed.offer_timeout = std::chrono::seconds(5);
  EXPECT_TRUE(given<Decider>(history).when(DefineSkillGroup{changed, T1}).accepted());
}

TEST(ConfigurationDecider, RemoveSkillGroupOrNotFound) {
  auto removed =
      given<Decider>({SkillGroupDefined{group("orders"), T0}}).when(RemoveSkillGroup{"orders", T1});
  EXPECT_EQ(removed.events(), (std::vector<Event>{SkillGroupRemoved{"orders", T1}}));
  EXPECT_TRUE(removed.state().skill_groups.empty());
  EXPECT_EQ(given<Decider>({}).when(RemoveSkillGroup{"orders", T1}).rejection_code(),
            Rejection::not_found);
}

TEST(ConfigurationEffective, OverridesLieOverTheDefaults) {
  ticket::SlaPolicyTable defaults;
  defaults.entries.push_back({Tier::vip, Priority::urgent, policy("default-vip-urgent")});
  defaults.entries.push_back({Tier::regular, Priority::normal, policy("default-regular-normal")});
  auto state =
      given<Decider>({SlaPolicySet{Tier::vip, Priority::urgent, policy("configured"), T0}}).state();
  const auto table = effective_sla_policies(state, defaults);
  ASSERT_EQ(table.entries.size(), 2u);
  EXPECT_EQ(table.entries[0].policy.name, "configured");
  EXPECT_EQ(table.entries[1].policy.name, "default-regular-normal");

  EXPECT_EQ(effective_tier_rules(State{}, customer::TierRules{}), customer::TierRules{});
  EXPECT_EQ(effective_tier_rules(given<Decider>({TierRulesSet{rules(), T0}}).state(),
                                 customer::TierRules{}),
            rules());

  router::RouterConfig base;
  base.queue_length_max = 77;
  const auto config = router_config(group("orders", {"general"}), base);
  EXPECT_EQ(config.group_id, "orders");
  EXPECT_EQ(config.offer_timeout, std::chrono::seconds(15));
  EXPECT_EQ(config.overflow_groups, std::vector<std::string>{"general"});
  EXPECT_EQ(config.reserved_capacity_permille, 200);
  EXPECT_EQ(config.reserved_tier_min, Tier::enterprise);
  EXPECT_EQ(config.queue_length_max, 77u);  // what the group does not choose stays the desk's
  EXPECT_FALSE(router::check_config(config).has_value());
}

}  // namespace
}  // namespace sb::configuration
