// The configuration methods of Admin and AgentDesk.logout over a real RPC server and a fake
// service: every field crosses the wire both ways, roles are enforced, and a desk whose
// connection drops is reported to the service with the very sink it registered.

#include <algorithm>

#include <gtest/gtest.h>

#include "tests/rpc/rpc_fixture.hpp"

namespace sb::rpc::test {
namespace {

bool called(const FakeService& service, const std::string& call) {
  const auto calls = service.calls();
  return std::find(calls.begin(), calls.end(), call) != calls.end();
}

TEST_F(RpcFixture, SlaPolicyFieldsCrossTheWire) {
  auto admin = connect_as(kAdminToken);
  service::SlaPolicySpec spec{"enterprise", "high", "ent-high",  300'000, 900'000,
                              7'200'000,    0.6,    "ent-leads", false,   false};
  auto set = admin->set_sla_policy(spec);
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set->tier, "enterprise");
  EXPECT_EQ(set->priority, "high");
  EXPECT_EQ(set->name, "ent-high");
  EXPECT_EQ(set->first_response_ms, 300'000);
  EXPECT_EQ(set->next_reply_ms, 900'000);
  EXPECT_EQ(set->resolution_ms, 7'200'000);
  EXPECT_DOUBLE_EQ(set->warn_fraction, 0.6);
  EXPECT_EQ(set->supervisor_group, "ent-leads");
  EXPECT_TRUE(set->configured);
  EXPECT_TRUE(called(service_, "set_sla_policy enterprise high ent-high"));

  auto listed = admin->sla_policies();
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].business_hours);
  EXPECT_EQ((*listed)[0].supervisor_group, "leads");

  ASSERT_TRUE(admin->remove_sla_policy("vip", "urgent"));
  EXPECT_TRUE(called(service_, "remove_sla_policy vip urgent"));
}

TEST_F(RpcFixture, TierRulesAndSkillGroupsCrossTheWire) {
  auto admin = connect_as(kAdminToken);
  auto rules = admin->tier_rules();
  ASSERT_TRUE(rules) << rules.error().message;
  EXPECT_EQ(rules->regular_after_account_age_ms, 86'400'000);
  EXPECT_EQ(rules->regular_after_orders, 3u);
  EXPECT_FALSE(rules->vip_by_flag);
  EXPECT_TRUE(rules->enterprise_by_flag);
  auto set = admin->set_tier_rules({0, 5, 250'000, true, false, false});
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set->regular_after_orders, 5u);
  EXPECT_EQ(set->vip_after_spend_cents, 250'000);
  EXPECT_FALSE(set->enterprise_by_flag);
  EXPECT_TRUE(set->configured);

  service::SkillGroupSpec group{"returns", 5'000, 60'000,      0, 2, {"general", "orders"},
                                30'000,    250,   "enterprise"};
  auto defined = admin->define_skill_group(group);
  ASSERT_TRUE(defined) << defined.error().message;
  EXPECT_EQ(defined->name, "returns");
  EXPECT_EQ(defined->offer_timeout_ms, 5'000);
  EXPECT_EQ(defined->sticky_window_ms, 60'000);
  EXPECT_EQ(defined->relax_level_every_ms, 0);
  EXPECT_EQ(defined->relaxed_level_min, 2);
  EXPECT_EQ(defined->overflow_groups, (std::vector<std::string>{"general", "orders"}));
  EXPECT_EQ(defined->overflow_after_ms, 30'000);
  EXPECT_EQ(defined->reserved_capacity_permille, 250u);
  EXPECT_EQ(defined->reserved_tier_min, "enterprise");
  auto listed = admin->skill_groups();
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].overflow_groups, std::vector<std::string>{"general"});
  ASSERT_TRUE(admin->remove_skill_group("returns"));
  EXPECT_TRUE(called(service_, "remove_skill_group returns"));
}

TEST_F(RpcFixture, ConfigurationNeedsTheAdminRole) {
  auto desk = connect_as(kAliceToken);
  auto refused = desk->set_tier_rules({});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, service::ErrorCode::permission_denied);
  EXPECT_FALSE(called(service_, "set_tier_rules 0"));
}

TEST_F(RpcFixture, LogoutGoesThroughTheService) {
  auto desk = connect_as(kAliceToken);
  ASSERT_TRUE(desk->login([](const AgentEvent&) {}));
  auto view = desk->logout();
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->presence, service::Presence::offline);
  EXPECT_TRUE(called(service_, "logout alice"));
  EXPECT_FALSE(service_.agent_logged_in("alice"));
}

TEST_F(RpcFixture, ADroppedDeskIsReportedWithItsOwnSink) {
  auto desk = connect_as(kAliceToken);
  ASSERT_TRUE(desk->login([](const AgentEvent&) {}));
  ASSERT_TRUE(service_.agent_logged_in("alice"));
  desk->disconnect();
  ASSERT_TRUE(wait_until([&] { return called(service_, "desk_lost alice"); }));
  EXPECT_FALSE(service_.agent_logged_in("alice"));
}

TEST_F(RpcFixture, AnOldDeskDroppingLeavesTheNewLoginAlone) {
  auto old_desk = connect_as(kAliceToken);
  ASSERT_TRUE(old_desk->login([](const AgentEvent&) {}));
  auto new_desk = connect_as(kAliceToken);
  ASSERT_TRUE(new_desk->login([](const AgentEvent&) {}));
  old_desk->disconnect();
  ASSERT_TRUE(wait_until([&] { return called(service_, "desk_lost_stale alice"); }));
  EXPECT_TRUE(service_.agent_logged_in("alice"));
}

}  // namespace
}  // namespace sb::rpc::test
