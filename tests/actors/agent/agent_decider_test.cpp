// Given/when/then for the Agent's pure core; links only sb_domain.

#include <gtest/gtest.h>

#include <random>

#include "actors/agent/agent_decider.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::agent {
namespace {

using sb::testing::given;

const Timestamp T0 = from_unix_ms(1'700'000'000'000);
const Timestamp T1 = T0 + Duration(1000);

AgentRegistered registered(Capacity capacity = {2, 3}) {
  return AgentRegistered{"Lin", {{"orders", 4}, {"technical", 2}}, {"vip"}, capacity, T0};
}
std::vector<Event> online(Capacity capacity = {2, 3}) {
  return {registered(capacity), PresenceChanged{Presence::online, T0}};
}

TEST(AgentDecider, RegisterRecordsSkillsAndCapacity) {
  auto outcome = given<Decider>({}).when(
      RegisterAgent{"Lin", {{"orders", 4}, {"technical", 2}}, {"vip"}, {2, 3}, T0});
  EXPECT_EQ(outcome.events(), std::vector<Event>{registered()});
  EXPECT_TRUE(outcome.state().registered);
  EXPECT_EQ(outcome.state().presence, Presence::offline);
}

TEST(AgentDecider, EveryCommandBeforeRegistrationIsRejected) {
  EXPECT_EQ(given<Decider>({}).when(LogIn{T0}).rejection_code(), Rejection::not_registered);
  EXPECT_EQ(given<Decider>({}).when(AcceptConversation{"c-1", Channel::web, T0}).rejection_code(),
            Rejection::not_registered);
}

TEST(AgentDecider, RegisteringTwiceIsRejected) {
  auto outcome = given<Decider>({registered()}).when(RegisterAgent{"Lin", {}, {}, {}, T1});
  EXPECT_EQ(outcome.rejection_code(), Rejection::already_registered);
}

TEST(AgentDecider, InvalidFieldsAreRejectedWithAReason) {
  auto bad_level = given<Decider>({}).when(RegisterAgent{"Lin", {{"orders", 9}}, {}, {}, T0});
  EXPECT_EQ(bad_level.rejection_code(), Rejection::invalid_field);
  EXPECT_NE(bad_level.rejection_detail().find("levels are 1..5"), std::string::npos);
  auto bad_utf8 = given<Decider>({}).when(RegisterAgent{"L\xff", {}, {}, {}, T0});
  EXPECT_EQ(bad_utf8.rejection_code(), Rejection::invalid_field);
  auto bad_capacity = given<Decider>({registered()}).when(ChangeCapacity{{-1, 2}, T1});
  EXPECT_EQ(bad_capacity.rejection_code(), Rejection::invalid_field);
}

TEST(AgentDecider, LogInGoesOnlineOnce) {
  auto outcome = given<Decider>({registered()}).when(LogIn{T1});
  EXPECT_EQ(outcome.events(), (std::vector<Event>{PresenceChanged{Presence::online, T1}}));
  EXPECT_EQ(given<Decider>(online()).when(LogIn{T1}).rejection_code(), Rejection::unchanged);
}

TEST(AgentDecider, AcceptsUpToChatCapacityThenRejects) {
  auto state = given<Decider>(online({2, 3}))
                   .then_also(AcceptConversation{"c-1", Channel::web, T1})
                   .then_also(AcceptConversation{"c-2", Channel::wechat, T1});
  EXPECT_EQ(state.state().active.size(), 2u);
  EXPECT_EQ(load(state.state()), 1.0);
  EXPECT_EQ(state.when(AcceptConversation{"c-3", Channel::app, T1}).rejection_code(),
            Rejection::at_capacity);
  // Email has its own capacity.
  EXPECT_TRUE(state.when(AcceptConversation{"e-1", Channel::email, T1}).accepted());
}

TEST(AgentDecider, ACallMakesTheAgentFull) {
  auto on_call = given<Decider>(online()).then_also(AcceptConversation{"p-1", Channel::phone, T1});
  EXPECT_EQ(free_slots(on_call.state(), Channel::web), 0);
  EXPECT_EQ(on_call.when(AcceptConversation{"c-1", Channel::web, T1}).rejection_code(),
            Rejection::at_capacity);
  auto chatting = given<Decider>(online()).then_also(AcceptConversation{"c-1", Channel::web, T1});
  EXPECT_EQ(chatting.when(AcceptConversation{"p-1", Channel::phone, T1}).rejection_code(),
            Rejection::at_capacity);
}

TEST(AgentDecider, AcceptingTheSameConversationTwiceIsRejected) {
  auto agent = given<Decider>(online()).then_also(AcceptConversation{"c-1", Channel::web, T1});
  EXPECT_EQ(agent.when(AcceptConversation{"c-1", Channel::web, T1}).rejection_code(),
            Rejection::already_handling);
}

TEST(AgentDecider, AwayOrOfflineAgentsAcceptNothing) {
  auto away = given<Decider>(online()).then_also(SetPresence{Presence::away, T1});
  EXPECT_EQ(away.when(AcceptConversation{"c-1", Channel::web, T1}).rejection_code(),
            Rejection::not_online);
}

TEST(AgentDecider, GoingOfflineReleasesEveryOpenConversation) {
  auto busy = given<Decider>(online())
                  .then_also(AcceptConversation{"c-1", Channel::web, T1})
                  .then_also(AcceptConversation{"e-1", Channel::email, T1});
  auto outcome = busy.when(SetPresence{Presence::offline, T1});
  EXPECT_EQ(outcome.events(),
            (std::vector<Event>{PresenceChanged{Presence::offline, T1},
                                ConversationReleased{"c-1", ReleaseReason::agent_offline, T1},
                                ConversationReleased{"e-1", ReleaseReason::agent_offline, T1}}));
  EXPECT_TRUE(outcome.state().active.empty());
}

TEST(AgentDecider, ReleasingAConversationFreesCapacity) {
  auto full = given<Decider>(online({1, 1})).then_also(AcceptConversation{"c-1", Channel::web, T1});
  EXPECT_EQ(full.when(ReleaseConversation{"c-9", ReleaseReason::resolved, T1}).rejection_code(),
            Rejection::not_handling);
  auto freed = full.then_also(ReleaseConversation{"c-1", ReleaseReason::resolved, T1});
  EXPECT_EQ(free_slots(freed.state(), Channel::web), 1);
}

// Property: for seeded random command streams, folding the accepted events gives the live
// state, and no agent is ever above capacity.
TEST(AgentDecider, ReplayEqualsLiveAndCapacityHolds) {
  for (std::uint32_t seed = 1; seed <= 50; ++seed) {
    std::mt19937 rng(seed);
    State live = Decider::initial_state();
    std::vector<Event> history;
    auto at = T0;
    for (int step = 0; step < 300; ++step) {
      at += Duration(rng() % 5000);
      const std::string conversation = "c-" + std::to_string(rng() % 8);
      const auto channel = static_cast<Channel>(1 + rng() % 7);
      Command command;
      switch (rng() % 7) {
        case 0: command = RegisterAgent{"A", {{"orders", 3}}, {}, {int(rng() % 4), 2}, at}; break;
        case 1: command = LogIn{at}; break;
        case 2: command = SetPresence{static_cast<Presence>(1 + rng() % 3), at}; break;
        case 3: command = ChangeCapacity{{int(rng() % 4), int(rng() % 3)}, at}; break;
        case 4: command = ReleaseConversation{conversation, ReleaseReason::resolved, at}; break;
        default: command = AcceptConversation{conversation, channel, at}; break;
      }
      const int slots_before = free_slots(live, channel);
      auto decision = Decider::decide(live, command);
      if (!decision.accepted()) continue;
      if (std::holds_alternative<AcceptConversation>(command)) {
        ASSERT_GT(slots_before, 0) << "seed " << seed << " step " << step;
      }
      for (const auto& event : decision.events()) {
        live = Decider::evolve(std::move(live), event);
        history.push_back(event);
      }
    }
    EXPECT_EQ(fold_events<Decider>(history), live) << "seed " << seed;
  }
}

}  // namespace
}  // namespace sb::agent
