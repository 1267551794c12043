// The node configuration through the service on a real node: an SLA policy set by an
// administrator reaches new tickets and survives a restart; removing it brings the default
// back; tier rules reach a customer on the next contact; a skill group's offer timeout moves an
// unanswered offer on; bad input is refused precisely and changes nothing.

#include <algorithm>
#include <map>
#include <thread>

#include <caf/all.hpp>

#include "actors/common/expected.hpp"  // entity_host.hpp uses Expected without including it
#include "actors/customer/customer_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

SlaPolicySpec regular_normal(std::int64_t first_response_ms = 7 * 60'000) {
  return {"regular",
          "normal",
          "regular-normal-fast",
          first_response_ms,
          20 * 60'000,
          4 * 3'600'000,
          0.75,
          "leads",
          false,
          false};
}

bool has_line(const TicketView& view, const std::string& line) {
  return std::find(view.sla.begin(), view.sla.end(), line) != view.sla.end();
}

class ConfigurationTest : public NodeFixture {
 protected:
  Expected<TicketView, ServiceError> new_ticket(const std::string& subject) {
    return wait_for<TicketView>([&](auto done) {
      api().create_ticket("a-1", TicketSpec{{}, "web:u-1", subject, "", "normal", {}}, done);
    });
  }
  Expected<std::vector<SlaPolicySpec>, ServiceError> policies() {
    return wait_for<std::vector<SlaPolicySpec>>([&](auto done) { api().sla_policies(done); });
  }
  std::optional<SlaPolicySpec> listed(const std::string& tier, const std::string& priority) {
    auto all = policies();
    if (!all) return std::nullopt;
    for (const auto& p : *all) {
      if (p.tier == tier && p.priority == priority) return p;
    }
    return std::nullopt;
  }
  Tier tier_of(const std::string& customer_id) {
    caf::scoped_actor self{*system_};
    Tier tier = Tier::new_customer;
    self->request(node_->node().registry(), kWait, runtime::route_atom::value,
                  runtime::EntityKey{EntityKind::customer, customer_id},
                  caf::make_message(runtime::get_atom::value))
        .receive([&](runtime::EntityView<customer::Decider>& view) { tier = view.state.tier; },
                 [&](caf::error& error) { ADD_FAILURE() << caf::to_string(error); });
    return tier;
  }
};

TEST_F(ConfigurationTest, AnSlaPolicyReachesNewTicketsAndSurvivesARestart) {
  start();
  auto before = new_ticket("before");
  ASSERT_TRUE(before) << before.error().message;
  EXPECT_TRUE(has_line(*before, "first_response: target 240 min")) << before->sla.front();

  auto set =
      wait_for<SlaPolicySpec>([&](auto done) { api().set_sla_policy(regular_normal(), done); });
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->configured);
  auto after = new_ticket("after");
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(has_line(*after, "first_response: target 7 min"));
  EXPECT_TRUE(has_line(*after, "resolution: target 240 min"));

  stop();
  start();
  auto restarted = new_ticket("after the restart");
  ASSERT_TRUE(restarted) << restarted.error().message;
  EXPECT_TRUE(has_line(*restarted, "first_response: target 7 min"));
  auto entry = listed("regular", "normal");
  ASSERT_TRUE(entry);
  EXPECT_TRUE(entry->configured);
  EXPECT_EQ(entry->name, "regular-normal-fast");
  EXPECT_EQ(entry->supervisor_group, "leads");
  auto untouched = listed("vip", "urgent");
  ASSERT_TRUE(untouched);
  EXPECT_FALSE(untouched->configured);
  ASSERT_EQ(policies()->size(), 16u);  // every tier x priority, once

  ASSERT_TRUE(
      wait_for<Done>([&](auto done) { api().remove_sla_policy("regular", "normal", done); }));
  auto back = new_ticket("default again");
  ASSERT_TRUE(back);
  EXPECT_TRUE(has_line(*back, "first_response: target 240 min"));
  EXPECT_FALSE(listed("regular", "normal")->configured);
}

TEST_F(ConfigurationTest, BadInputIsRefusedPreciselyAndChangesNothing) {
  start();
  auto expect_error = [&](SlaPolicySpec spec, ErrorCode code, const std::string& rejection) {
    auto result = wait_for<SlaPolicySpec>([&](auto done) { api().set_sla_policy(spec, done); });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_EQ(result.error().rejection, rejection) << result.error().message;
  };
  auto gold = regular_normal();
  gold.tier = "gold";
  expect_error(gold, ErrorCode::invalid_argument, "");
  auto soon = regular_normal();
  soon.priority = "asap";
  expect_error(soon, ErrorCode::invalid_argument, "");
  expect_error(regular_normal(-1), ErrorCode::invalid_argument, "");
  auto long_name = regular_normal();
  long_name.name = std::string(kIdBytesMax + 1, 'n');
  expect_error(long_name, ErrorCode::invalid_argument, "");
  expect_error(regular_normal(0), ErrorCode::rejected, "invalid_target");
  auto warn = regular_normal();
  warn.warn_fraction = 1.5;
  expect_error(warn, ErrorCode::rejected, "invalid_warn_fraction");

  auto cycle_a = wait_for<SkillGroupSpec>([&](auto done) {
    api().define_skill_group(
        SkillGroupSpec{"orders", 20'000, 60'000, 0, 1, {"returns"}, 60'000, 0, "vip"}, done);
  });
  ASSERT_TRUE(cycle_a) << cycle_a.error().message;
  auto cycle_b = wait_for<SkillGroupSpec>([&](auto done) {
    api().define_skill_group(
        SkillGroupSpec{"returns", 20'000, 60'000, 0, 1, {"orders"}, 60'000, 0, "vip"}, done);
  });
  ASSERT_FALSE(cycle_b);
  EXPECT_EQ(cycle_b.error().rejection, "overflow_cycle");
  auto negative = wait_for<SkillGroupSpec>([&](auto done) {
    api().define_skill_group(SkillGroupSpec{"returns", -5, 60'000, 0, 1, {}, 60'000, 0, "vip"},
                             done);
  });
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, ErrorCode::invalid_argument);
  auto unknown_tier = wait_for<SkillGroupSpec>([&](auto done) {
    api().define_skill_group(
        SkillGroupSpec{"returns", 5'000, 60'000, 0, 1, {}, 60'000, 0, "platinum"}, done);
  });
  ASSERT_FALSE(unknown_tier);
  EXPECT_EQ(unknown_tier.error().code, ErrorCode::invalid_argument);
  auto missing = wait_for<Done>([&](auto done) { api().remove_skill_group("nope", done); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  auto never_set =
      wait_for<Done>([&](auto done) { api().remove_sla_policy("vip", "urgent", done); });
  ASSERT_FALSE(never_set);
  EXPECT_EQ(never_set.error().code, ErrorCode::not_found);
  auto bad_rules = wait_for<TierRulesSpec>([&](auto done) {
    api().set_tier_rules(TierRulesSpec{-1, 1, 0, true, true, false}, done);
  });
  ASSERT_FALSE(bad_rules);
  EXPECT_EQ(bad_rules.error().code, ErrorCode::invalid_argument);

  // Nothing of that changed the configuration: only the one good group is there.
  auto all = policies();
  ASSERT_TRUE(all);
  for (const auto& p : *all) EXPECT_FALSE(p.configured) << p.tier << "/" << p.priority;
  auto groups = wait_for<std::vector<SkillGroupSpec>>([&](auto done) { api().skill_groups(done); });
  ASSERT_TRUE(groups);
  ASSERT_EQ(groups->size(), 1u);
  EXPECT_EQ(groups->front().name, "orders");
  auto rules = wait_for<TierRulesSpec>([&](auto done) { api().tier_rules(done); });
  ASSERT_TRUE(rules);
  EXPECT_FALSE(rules->configured);
}

TEST_F(ConfigurationTest, TierRulesReachACustomerOnTheNextContact) {
  start();
  ASSERT_TRUE(say("u-tier", "m-1", "hello"));
  EXPECT_EQ(tier_of("web:u-tier"), Tier::new_customer);
  // Regular from an account age of 1 ms: the customer registered a moment ago qualifies.
  auto set = wait_for<TierRulesSpec>([&](auto done) {
    api().set_tier_rules(TierRulesSpec{1, 0, 0, true, true, false}, done);
  });
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->configured);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the account must be older than 1 ms
  ASSERT_TRUE(say("u-tier", "m-2", "thanks"));
  EXPECT_EQ(tier_of("web:u-tier"), Tier::regular);

  stop();
  start();
  auto rules = wait_for<TierRulesSpec>([&](auto done) { api().tier_rules(done); });
  ASSERT_TRUE(rules);
  EXPECT_TRUE(rules->configured);
  EXPECT_EQ(rules->regular_after_account_age_ms, 1);
  EXPECT_EQ(rules->regular_after_orders, 0u);
}

TEST_F(ConfigurationTest, AShortOfferTimeoutMovesAnUnansweredOfferOn) {
  start();
  for (const auto* skill : {"general", "orders"}) {
    auto defined = wait_for<SkillGroupSpec>([&](auto done) {
      api().define_skill_group(
          SkillGroupSpec{skill, 1'000, 60'000, 60'000, 1, {}, 120'000, 0, "vip"}, done);
    });
    ASSERT_TRUE(defined) << defined.error().message;
  }
  std::map<std::string, std::shared_ptr<RecordingDesk>> desks;
  for (const auto* id : {"a-1", "a-2"}) {
    desks[id] = std::make_shared<RecordingDesk>();
    ASSERT_TRUE(wait_for<AgentView>([&](auto done) {
      api().upsert_agent(AgentSpec{id, id, {{"general", 3}, {"orders", 3}}, {}, 3, 3}, done);
    }));
    ASSERT_TRUE(wait_for<AgentView>([&](auto done) { api().agent_login(id, desks[id], done); }));
  }
  ASSERT_TRUE(say("u-wait", "m-1", "hello"));
  auto handoff = say("u-wait", "m-2", "转人工");
  ASSERT_TRUE(handoff && handoff->handed_off);
  const auto id = handoff->conversation_id;
  auto offered_to = [&](const std::string& agent) {
    return desks[agent]->offers.wait_for(
        [&](const AgentOffer& o) { return o.conversation.conversation_id == id; });
  };
  // Whichever agent is offered it first (both are equal), within the fixture's wait.
  std::optional<AgentOffer> first;
  std::string first_agent;
  const auto give_up = std::chrono::steady_clock::now() + kWait;
  while (!first && std::chrono::steady_clock::now() < give_up) {
    for (const auto* agent : {"a-1", "a-2"}) {
      if (auto offer = desks[agent]->offers.find(
              [&](const AgentOffer& o) { return o.conversation.conversation_id == id; })) {
        first = offer;
        first_agent = agent;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(first) << "no offer";
  // The group's timeout (1 s), not the 30 s default, set the deadline.
  const auto now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  EXPECT_LE(first->expires_at - now, std::chrono::seconds(2));
  const std::string other = first_agent == "a-1" ? "a-2" : "a-1";
  EXPECT_TRUE(desks[first_agent]->events.wait_for(
      [&](const std::string& e) { return e == "withdrawn " + id; }));
  EXPECT_TRUE(offered_to(other)) << "the offer did not move on to " << other;
}

}  // namespace
}  // namespace sb::service
