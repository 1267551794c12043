#include "actors/router/skill_router.hpp"

#include <gtest/gtest.h>

#include "actors/router/explanation.hpp"
#include "tests/actors/router/router_test_support.hpp"

namespace sb::router {
namespace {

using namespace std::chrono_literals;
using testing::add_agent;
using testing::add_conversation;
using testing::AgentBuilder;
using testing::agents_of;
using testing::at_s;
using testing::ConversationBuilder;
using testing::conversations_of;
using testing::expect_consistent;
using testing::make_router;
using testing::test_config;

using Ids = std::vector<std::string>;

TEST(SkillRouter, OrdersByTierThenWait) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").chats(5));
  add_conversation(r, ConversationBuilder("regular-early", 0));
  add_conversation(r, ConversationBuilder("vip", 5).tier(Tier::vip));
  add_conversation(r, ConversationBuilder("regular-late", 2));
  add_conversation(r, ConversationBuilder("new", -10).tier(Tier::new_customer));
  add_conversation(r, ConversationBuilder("enterprise", 10).tier(Tier::enterprise));
  EXPECT_EQ(conversations_of(r.dispatch(at_s(20))),
            (Ids{"enterprise", "vip", "regular-early", "regular-late", "new"}));
  expect_consistent(r);
}

TEST(SkillRouter, LeastLoadedFirst) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-busy").chats(3, 2).idle_since(at_s(-900)));
  add_agent(r, AgentBuilder("a-free").chats(3, 0));
  add_agent(r, AgentBuilder("a-one").chats(3, 1).idle_since(at_s(-600)));
  add_conversation(r, ConversationBuilder("c-1", 0));
  const auto offers = r.dispatch(at_s(1));
  ASSERT_EQ(agents_of(offers), (Ids{"a-free"}));
  const AssignmentExplanation& x = offers[0].explanation;
  EXPECT_EQ(x.rule, DecidingRule::least_loaded);
  ASSERT_EQ(x.candidates.size(), 3u);
  EXPECT_EQ(x.candidates[1].agent_id, "a-one");
  EXPECT_EQ(x.candidates[2].agent_id, "a-busy");
  EXPECT_EQ(x.candidates_considered, 3u);
}

TEST(SkillRouter, TiesGoToTheLongestIdleThenRotate) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-recent").idle_since(at_s(-60)));
  add_agent(r, AgentBuilder("a-long").idle_since(at_s(-3600)));
  add_conversation(r, ConversationBuilder("c-1", 0));
  add_conversation(r, ConversationBuilder("c-2", 1));
  const auto offers = r.dispatch(at_s(2));
  EXPECT_EQ(agents_of(offers), (Ids{"a-long", "a-recent"}));
  EXPECT_EQ(offers[0].explanation.rule, DecidingRule::longest_idle);
  // a-long now holds an offer (load 1): the second goes to the less loaded agent.
  EXPECT_EQ(offers[1].explanation.rule, DecidingRule::least_loaded);
}

TEST(SkillRouter, StickyInsideTheWindowBeatsLoad) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-7").chats(3, 2));
  add_agent(r, AgentBuilder("a-2").chats(3, 0));
  add_conversation(r, ConversationBuilder("c-1", 0).sticky("a-7", at_s(-180)));
  const auto offers = r.dispatch(at_s(0));
  ASSERT_EQ(agents_of(offers), (Ids{"a-7"}));
  const AssignmentExplanation& x = offers[0].explanation;
  EXPECT_EQ(x.rule, DecidingRule::sticky);
  EXPECT_TRUE(x.candidates[0].sticky);
  EXPECT_EQ(render(x).rfind("agent a-7 won: sticky (last agent 3 min ago); ", 0), 0u) << render(x);
}

TEST(SkillRouter, StickyOutsideTheWindowIsIgnored) {
  RouterConfig config = test_config();
  config.sticky_window = 10min;
  SkillRouter r = make_router(config);
  add_agent(r, AgentBuilder("a-7").chats(3, 2));
  add_agent(r, AgentBuilder("a-2").chats(3, 0));
  add_conversation(r, ConversationBuilder("c-1", 0).sticky("a-7", at_s(-601)));
  const auto offers = r.dispatch(at_s(0));
  ASSERT_EQ(agents_of(offers), (Ids{"a-2"}));
  EXPECT_EQ(offers[0].explanation.rule, DecidingRule::least_loaded);
  ASSERT_TRUE(offers[0].explanation.sticky_last_served_ago.has_value());
}

TEST(SkillRouter, StickyAgentFullAwayOrOfflineFallsBackToTheGroup) {
  for (int variant = 0; variant < 3; ++variant) {
    SkillRouter r = make_router();
    if (variant == 0) add_agent(r, AgentBuilder("a-7").chats(3, 3));
    if (variant == 1) add_agent(r, AgentBuilder("a-7").presence(Presence::away));
    // variant 2: a-7 is offline, so the router does not know it.
    add_agent(r, AgentBuilder("a-2").chats(3, 1));
    add_conversation(r, ConversationBuilder("c-1", 0).sticky("a-7", at_s(-60)));
    const auto offers = r.dispatch(at_s(0));
    EXPECT_EQ(agents_of(offers), (Ids{"a-2"})) << variant;
    EXPECT_NE(offers.at(0).explanation.rule, DecidingRule::sticky) << variant;
  }
}

TEST(SkillRouter, DeclineGoesToTheNextAgent) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").idle_since(at_s(-100)));
  add_agent(r, AgentBuilder("a-2").idle_since(at_s(-50)));
  add_conversation(r, ConversationBuilder("c-1", 0));
  auto first = r.dispatch(at_s(1));
  ASSERT_EQ(agents_of(first), (Ids{"a-1"}));
  ASSERT_TRUE(r.decline(first[0].offer_id).has_value());
  auto second = r.dispatch(at_s(2));
  ASSERT_EQ(agents_of(second), (Ids{"a-2"}));
  // a-1 is less loaded again and idle longer, but declined: it is recorded, not chosen.
  const auto& candidates = second[0].explanation.candidates;
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_TRUE(candidates[1].declined_before);
  EXPECT_FALSE(second[0].explanation.fallback_to_declined);
  EXPECT_EQ(r.decline(first[0].offer_id).error().code, ErrorCode::unknown_offer);
  expect_consistent(r);
}

TEST(SkillRouter, DeclinerIsOfferedAgainOnlyWhenNobodyElseCan) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1"));
  add_agent(r, AgentBuilder("a-full").chats(3, 3));
  add_conversation(r, ConversationBuilder("c-1", 0));
  auto first = r.dispatch(at_s(1));
  ASSERT_TRUE(r.decline(first.at(0).offer_id).has_value());
  auto again = r.dispatch(at_s(2));
  ASSERT_EQ(agents_of(again), (Ids{"a-1"}));
  EXPECT_TRUE(again[0].explanation.fallback_to_declined);
  EXPECT_NE(render(again[0].explanation).find("re-offered to an agent who declined"),
            std::string::npos);
}

TEST(SkillRouter, UnansweredOfferExpiresAndMovesOn) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").idle_since(at_s(-100)));
  add_agent(r, AgentBuilder("a-2").idle_since(at_s(-50)));
  add_conversation(r, ConversationBuilder("c-1", 0));
  auto first = r.dispatch(at_s(0));
  ASSERT_EQ(agents_of(first), (Ids{"a-1"}));
  EXPECT_EQ(first[0].expires_at, at_s(20));
  EXPECT_EQ(r.next_deadline(at_s(0)), at_s(20));
  EXPECT_TRUE(r.expire_offers(at_s(19)).empty());
  EXPECT_TRUE(r.dispatch(at_s(19)).empty());  // offered: not dispatched twice
  auto expired = r.expire_offers(at_s(20));
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0].offer_id, first[0].offer_id);
  EXPECT_EQ(agents_of(r.dispatch(at_s(20))), (Ids{"a-2"}));
  EXPECT_EQ(r.accept(first[0].offer_id).error().code, ErrorCode::unknown_offer);
  expect_consistent(r);
}

TEST(SkillRouter, OpenOffersCountAgainstCapacity) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").chats(2, 0));
  for (int i = 0; i < 4; ++i) add_conversation(r, ConversationBuilder("c-" + std::to_string(i), i));
  auto offers = r.dispatch(at_s(10));
  ASSERT_EQ(offers.size(), 2u);
  EXPECT_TRUE(r.dispatch(at_s(11)).empty());
  auto accepted = r.accept(offers[0].offer_id);
  ASSERT_TRUE(accepted.has_value());
  EXPECT_EQ(accepted->explanation, offers[0].explanation);
  EXPECT_TRUE(r.dispatch(at_s(12)).empty());  // accepted load still counts
  EXPECT_EQ(r.queue_position("c-0").error().code, ErrorCode::unknown_conversation);
  // The agent finished one conversation: its report frees the slot.
  add_agent(r, AgentBuilder("a-1").chats(2, 0).revision(2));
  EXPECT_EQ(conversations_of(r.dispatch(at_s(13))), (Ids{"c-2"}));
  expect_consistent(r);
}

TEST(SkillRouter, ACallMakesTheAgentFull) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").voice());
  add_conversation(r, ConversationBuilder("call", 0).kind(ChannelKind::voice));
  add_conversation(r, ConversationBuilder("chat", 1));
  EXPECT_EQ(conversations_of(r.dispatch(at_s(2))), (Ids{"call"}));
  EXPECT_TRUE(r.dispatch(at_s(3)).empty());
  expect_consistent(r);

  SkillRouter busy = make_router();
  add_agent(busy, AgentBuilder("a-1").voice().chats(3, 1));
  add_conversation(busy, ConversationBuilder("call", 0).kind(ChannelKind::voice));
  EXPECT_TRUE(busy.dispatch(at_s(1)).empty());  // a call needs an otherwise idle agent
}

TEST(SkillRouter, SkillRelaxesAfterTheConfiguredWait) {
  RouterConfig config = test_config();
  config.relax_level_every = 60s;
  config.relaxed_level_min = 2;
  SkillRouter r = make_router(config);
  add_agent(r, AgentBuilder("a-junior").level(2));
  add_agent(r, AgentBuilder("a-novice").level(1));
  add_conversation(r, ConversationBuilder("c-1", 0).level(4));
  EXPECT_TRUE(r.dispatch(at_s(59)).empty());
  EXPECT_EQ(r.next_deadline(at_s(59)), at_s(60));
  EXPECT_TRUE(r.dispatch(at_s(60)).empty());  // level 3 now: still nobody
  EXPECT_EQ(r.next_deadline(at_s(60)), at_s(120));
  const auto offers = r.dispatch(at_s(120));  // level 2, never below relaxed_level_min
  ASSERT_EQ(agents_of(offers), (Ids{"a-junior"}));
  EXPECT_EQ(offers[0].explanation.rule, DecidingRule::relaxed_skill);
  EXPECT_EQ(offers[0].explanation.effective_level, 2);
  EXPECT_EQ(offers[0].explanation.candidates_considered, 1u);  // the novice never qualifies
}

TEST(SkillRouter, OverflowGroupTakesOverAfterTheConfiguredWait) {
  RouterConfig config = test_config();
  config.overflow_groups = {"general"};
  config.overflow_after = 120s;
  SkillRouter r = make_router(config);
  add_agent(r, AgentBuilder("a-home").chats(3, 3));
  add_agent(r, AgentBuilder("g-1").skills({}).groups({"general"}));
  add_conversation(r, ConversationBuilder("c-1", 0));
  EXPECT_TRUE(r.dispatch(at_s(119)).empty());
  EXPECT_EQ(r.next_deadline(at_s(119)), at_s(120));
  const auto offers = r.dispatch(at_s(120));
  ASSERT_EQ(agents_of(offers), (Ids{"g-1"}));
  EXPECT_EQ(offers[0].explanation.rule, DecidingRule::overflow);
  EXPECT_TRUE(offers[0].explanation.candidates[0].overflow);
  EXPECT_EQ(offers[0].explanation.candidates[0].skill_level, 0);
  // An agent in neither group is not tracked at all.
  add_agent(r, AgentBuilder("x-1").groups({"billing"}));
  EXPECT_EQ(r.snapshot(at_s(121)).agents.size(), 2u);
}

TEST(SkillRouter, HomeAgentsGoFirstEvenAfterTheOverflowWait) {
  RouterConfig config = test_config();
  config.overflow_groups = {"general"};
  SkillRouter r = make_router(config);
  add_agent(r, AgentBuilder("a-home").chats(3, 2));
  add_agent(r, AgentBuilder("g-1").groups({"general"}));
  add_conversation(r, ConversationBuilder("c-1", 0));
  EXPECT_EQ(agents_of(r.dispatch(at_s(600))), (Ids{"a-home"}));
}

TEST(SkillRouter, ReservedShareSurvivesAFloodOfRegulars) {
  RouterConfig config = test_config();
  config.reserved_capacity_permille = 200;  // 6 of 30 slots
  SkillRouter r = make_router(config);
  for (int i = 0; i < 10; ++i) add_agent(r, AgentBuilder("a-" + std::to_string(i)));
  for (int i = 0; i < 40; ++i)
    add_conversation(r, ConversationBuilder("r-" + std::to_string(i), i));
  EXPECT_EQ(r.dispatch(at_s(100)).size(), 24u);
  EXPECT_TRUE(r.dispatch(at_s(101)).empty());
  const KindView chat = r.snapshot(at_s(101)).kinds.at(0);
  EXPECT_EQ(chat.free_slots, 6u);
  EXPECT_EQ(chat.reserved_slots, 6u);

  add_conversation(r, ConversationBuilder("vip", 102).tier(Tier::vip));
  const auto offers = r.dispatch(at_s(102));
  ASSERT_EQ(conversations_of(offers), (Ids{"vip"}));
  EXPECT_EQ(offers[0].explanation.reservation, ReservationStatus::priority_tier);
  expect_consistent(r);
}

TEST(SkillRouter, AgentGoingOfflineWithdrawsItsOffers) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").idle_since(at_s(-100)));
  add_agent(r, AgentBuilder("a-2").idle_since(at_s(-50)).chats(3, 1));
  add_conversation(r, ConversationBuilder("c-1", 0));
  auto offers = r.dispatch(at_s(1));
  ASSERT_EQ(agents_of(offers), (Ids{"a-1"}));
  auto withdrawn = r.update_agent(AgentBuilder("a-1").presence(Presence::offline).revision(2));
  ASSERT_TRUE(withdrawn.has_value());
  EXPECT_EQ(*withdrawn, offers);
  EXPECT_EQ(agents_of(r.dispatch(at_s(2))), (Ids{"a-2"}));
  expect_consistent(r);
}

TEST(SkillRouter, StaleAgentReportsAreIgnored) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").chats(3, 3).revision(5));
  add_agent(r, AgentBuilder("a-1").chats(3, 0).revision(4));
  add_conversation(r, ConversationBuilder("c-1", 0));
  EXPECT_TRUE(r.dispatch(at_s(1)).empty());
}

TEST(SkillRouter, RemovingAnOfferedConversationFreesTheAgent) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-1").chats(1));
  add_conversation(r, ConversationBuilder("c-1", 0));
  add_conversation(r, ConversationBuilder("c-2", 1));
  auto offers = r.dispatch(at_s(2));
  auto removed = r.remove("c-1");
  ASSERT_TRUE(removed.has_value());
  ASSERT_TRUE(removed->has_value());
  EXPECT_EQ(**removed, offers.at(0));
  EXPECT_EQ(conversations_of(r.dispatch(at_s(3))), (Ids{"c-2"}));
  EXPECT_EQ(r.remove("c-1").error().code, ErrorCode::unknown_conversation);
  expect_consistent(r);
}

TEST(SkillRouter, RejectsBadInputWithClearErrors) {
  RouterConfig config = test_config();
  config.queue_length_max = 2;
  config.agents_max = 1;
  SkillRouter r = make_router(config);
  add_conversation(r, ConversationBuilder("c-1", 0));
  EXPECT_EQ(r.enqueue(ConversationBuilder("c-1", 1)).error().code,
            ErrorCode::duplicate_conversation);
  add_conversation(r, ConversationBuilder("c-2", 0));
  const auto full = r.enqueue(ConversationBuilder("c-3", 0));
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().code, ErrorCode::queue_full);
  EXPECT_EQ(full.error().detail,
            "the queue of group orders is full: 2 conversations are waiting or offered "
            "(queue_length_max); conversation c-3 was not queued");
  EXPECT_EQ(r.enqueue(ConversationBuilder("", 0)).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(r.remove("c-2").has_value(), true);
  EXPECT_EQ(r.enqueue(ConversationBuilder("c-4", 0).level(6)).error().detail,
            "required level of c-4 must be within 1..5");
  add_agent(r, AgentBuilder("a-1"));
  EXPECT_EQ(r.update_agent(AgentBuilder("a-2")).error().code, ErrorCode::too_many_agents);
  AgentAvailability twice =
      AgentBuilder("a-1").skills({{"returns", 2}, {"returns", 3}}).revision(9);
  EXPECT_EQ(r.update_agent(twice).error().detail, "agent a-1 lists skill returns twice");
  EXPECT_EQ(r.accept(42).error().code, ErrorCode::unknown_offer);

  RouterConfig bad = test_config();
  bad.overflow_groups = {"orders"};
  auto invalid = SkillRouter::create(bad);
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().code, ErrorCode::invalid_config);
  EXPECT_EQ(invalid.error().detail, "a group cannot overflow into itself");
}

TEST(SkillRouter, OffersPerDispatchAreBounded) {
  RouterConfig config = test_config();
  config.offers_per_dispatch_max = 3;
  SkillRouter r = make_router(config);
  add_agent(r, AgentBuilder("a-1").chats(10));
  for (int i = 0; i < 5; ++i) add_conversation(r, ConversationBuilder("c-" + std::to_string(i), i));
  EXPECT_EQ(r.dispatch(at_s(10)).size(), 3u);
  EXPECT_EQ(r.dispatch(at_s(10)).size(), 2u);
}

TEST(SkillRouter, SkillsAndKindsRouteIndependently) {
  SkillRouter r = make_router();
  add_agent(r, AgentBuilder("a-billing").skills({{"billing", 3}}).chats(1));
  add_agent(r, AgentBuilder("a-returns").chats(1));
  // The head (returns) blocks nothing: billing behind it is served by its own agent.
  add_conversation(r, ConversationBuilder("r-1", 0));
  add_conversation(r, ConversationBuilder("r-2", 1));
  add_conversation(r, ConversationBuilder("b-1", 2).skill("billing"));
  const auto offers = r.dispatch(at_s(3));
  EXPECT_EQ(conversations_of(offers), (Ids{"r-1", "b-1"}));
  EXPECT_EQ(agents_of(offers), (Ids{"a-returns", "a-billing"}));
}

TEST(SkillRouter, SameInputsGiveSameOffers) {
  auto run = [] {
    SkillRouter r = make_router();
    for (int i = 0; i < 5; ++i) add_agent(r, AgentBuilder("a-" + std::to_string(i)));
    for (int i = 0; i < 12; ++i)
      add_conversation(r, ConversationBuilder("c-" + std::to_string(i), 0));
    return r.dispatch(at_s(5));
  };
  EXPECT_EQ(run(), run());
}

}  // namespace
}  // namespace sb::router
