// Queue positions, their change feed, and wait estimates from the live queue.
#include <gtest/gtest.h>

#include "actors/router/erlang_c.hpp"
#include "actors/router/skill_router.hpp"
#include "tests/actors/router/router_test_support.hpp"

namespace sb::router {
namespace {

using namespace std::chrono_literals;
using testing::add_agent;
using testing::add_conversation;
using testing::AgentBuilder;
using testing::at_s;
using testing::ConversationBuilder;
using testing::make_router;

std::size_t position(const SkillRouter& r, const std::string& id) {
  auto p = r.queue_position(id);
  EXPECT_TRUE(p.has_value()) << p.error().detail;
  return p.has_value() ? *p : 9999;
}

TEST(QueuePosition, CountsTheSameSkillAndKindAheadInQueueOrder) {
  SkillRouter r = make_router();
  add_conversation(r, ConversationBuilder("r-1", 0));
  add_conversation(r, ConversationBuilder("r-2", 1));
  add_conversation(r, ConversationBuilder("v-1", 2).tier(Tier::vip));
  add_conversation(r, ConversationBuilder("b-1", 0).skill("billing"));
  add_conversation(r, ConversationBuilder("call", 0).kind(ChannelKind::voice));
  add_conversation(r, ConversationBuilder("n-1", -50).tier(Tier::new_customer));
  EXPECT_EQ(position(r, "v-1"), 1u);
  EXPECT_EQ(position(r, "r-1"), 2u);
  EXPECT_EQ(position(r, "r-2"), 3u);
  EXPECT_EQ(position(r, "n-1"), 4u);
  EXPECT_EQ(position(r, "b-1"), 1u);
  EXPECT_EQ(position(r, "call"), 1u);
  EXPECT_EQ(r.queue_position("nope").error().code, ErrorCode::unknown_conversation);

  add_agent(r, AgentBuilder("a-1").chats(1));
  ASSERT_EQ(r.dispatch(at_s(5)).size(), 1u);  // v-1 is being offered
  EXPECT_EQ(position(r, "v-1"), 0u);
  EXPECT_EQ(position(r, "r-1"), 1u);
}

TEST(QueuePosition, ChangesReportOnlyWhatMoved) {
  SkillRouter r = make_router();
  for (int i = 0; i < 30; ++i)
    add_conversation(r, ConversationBuilder("c-" + std::to_string(i), i));
  // No agent online: every estimate is the cap, so only positions can change.
  const auto first = r.position_changes(at_s(40));
  ASSERT_EQ(first.size(), 30u);
  EXPECT_EQ(first[0].conversation_id, "c-0");
  EXPECT_EQ(first[0].position, 1u);
  EXPECT_EQ(first[29].position, 30u);
  EXPECT_TRUE(r.position_changes(at_s(41)).empty());

  ASSERT_TRUE(r.remove("c-0").has_value());
  const auto moved = r.position_changes(at_s(42));
  // Positions 1..10 are exact; 11..30 are told per ten, so beyond 10 only the crossings are
  // pushed: c-10 (11 → 10) and c-20 (21 → 20).
  std::vector<std::string> ids;
  for (const auto& u : moved) ids.push_back(u.conversation_id + "@" + std::to_string(u.position));
  EXPECT_EQ(ids, (std::vector<std::string>{"c-1@1", "c-2@2", "c-3@3", "c-4@4", "c-5@5", "c-6@6",
                                           "c-7@7", "c-8@8", "c-9@9", "c-10@10", "c-20@20"}));
}

TEST(QueuePosition, OfferedConversationsReportPositionZeroOnce) {
  SkillRouter r = make_router();
  add_conversation(r, ConversationBuilder("c-1", 0));
  EXPECT_EQ(r.position_changes(at_s(1)).size(), 1u);
  add_agent(r, AgentBuilder("a-1"));
  ASSERT_EQ(r.dispatch(at_s(2)).size(), 1u);
  const auto changes = r.position_changes(at_s(3));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0], (PositionUpdate{"c-1", 0, Duration::zero()}));
  EXPECT_TRUE(r.position_changes(at_s(4)).empty());
}

TEST(EstimatedWait, FollowsPositionCapacityAndHandleTime) {
  SkillRouter r = make_router();  // default handle time 5 min
  add_agent(r, AgentBuilder("a-1").chats(1, 1));
  add_agent(r, AgentBuilder("a-2").chats(1, 1));
  for (int i = 0; i < 3; ++i) add_conversation(r, ConversationBuilder("c-" + std::to_string(i), i));
  // 2 slots finish one every 150 s on average: the n-th in line waits n × 150 s.
  EXPECT_EQ(*r.estimated_wait("c-0", at_s(10)), 150s);
  EXPECT_EQ(*r.estimated_wait("c-2", at_s(10)), 450s);
  for (int i = 0; i < 10; ++i) r.record_handle_time(ChannelKind::chat, 60s);
  EXPECT_EQ(*r.estimated_wait("c-0", at_s(10)), 30s);

  // A slot frees up: the first in line starts at once, the others move up by one.
  add_agent(r, AgentBuilder("a-1").chats(1, 0).revision(2));
  EXPECT_EQ(*r.estimated_wait("c-0", at_s(10)), 0s);
  EXPECT_EQ(*r.estimated_wait("c-2", at_s(10)), 60s);
}

TEST(EstimatedWait, HigherTiersArrivingSlowTheLineDown) {
  SkillRouter r = make_router();
  for (int i = 0; i < 10; ++i) r.record_handle_time(ChannelKind::chat, 60s);
  add_agent(r, AgentBuilder("a-1").chats(1, 1));
  add_agent(r, AgentBuilder("a-2").chats(1, 1));
  add_conversation(r, ConversationBuilder("c-0", 0));
  EXPECT_EQ(*r.estimated_wait("c-0", at_s(60)), 30s);
  // 15 VIP arrivals in the 15-minute window (another skill, so not ahead in this line): they take
  // 1/60 of the 2/60 completions per second, and the regular line moves half as fast.
  for (int i = 0; i < 15; ++i) {
    add_conversation(
        r, ConversationBuilder("v-" + std::to_string(i), i).tier(Tier::vip).skill("billing"));
  }
  EXPECT_EQ(*r.estimated_wait("c-0", at_s(60)), 60s);
  // VIPs are not slowed down by regulars.
  EXPECT_EQ(*r.estimated_wait("v-0", at_s(60)), 30s);
}

TEST(EstimatedWait, NeedsAgentsOnline) {
  SkillRouter r = make_router();
  add_conversation(r, ConversationBuilder("c-0", 0));
  EXPECT_EQ(r.estimated_wait("c-0", at_s(1)).error().code, ErrorCode::no_agents_online);
  EXPECT_EQ(r.estimated_wait("zz", at_s(1)).error().code, ErrorCode::unknown_conversation);
}

TEST(EstimatedWait, SnapshotForecastIsErlangC) {
  SkillRouter r = make_router();
  for (int i = 0; i < 14; ++i) add_agent(r, AgentBuilder("a-" + std::to_string(i)).chats(1, 1));
  for (int i = 0; i < 10; ++i) r.record_handle_time(ChannelKind::chat, 180s);
  // The textbook case: 50 arrivals in the 900 s window = 1/18 per second, × 180 s = 10 Erlangs
  // on 14 servers.
  for (int i = 0; i < 50; ++i) {
    add_conversation(r, ConversationBuilder("c-" + std::to_string(i), i * 18 - 882));
  }
  const KindView chat = r.snapshot(at_s(0)).kinds.at(0);
  EXPECT_EQ(chat.servers, 14u);
  EXPECT_NEAR(chat.arrivals_per_hour, 200.0, 1e-9);
  EXPECT_NEAR(chat.probability_of_waiting, erlang_c::probability_of_waiting(14, 10.0), 1e-12);
  EXPECT_NEAR(chat.service_level, 0.888350, 1e-6);
  EXPECT_EQ(chat.forecast_wait, 7836ms);
  EXPECT_EQ(chat.waiting, 50u);
  EXPECT_EQ(chat.oldest_wait, 882s);
}

}  // namespace
}  // namespace sb::router
