// End to end over the real node (RocksDB journal in sync mode, entity actors, routing desk, bot
// on the shipped knowledge base): a customer message gets a bot answer on the channel; asking for
// a person hands off, the router offers the conversation to a skilled agent with the transcript,
// the agent accepts and replies, the reply reaches the customer's channel, the conversation is
// resolved and rated; one account on two channels is one conversation; bad input is refused
// with a precise error; a restart changes nothing.

#include <thread>

#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

using ServiceFlowTest = NodeFixture;

TEST_F(ServiceFlowTest, TheBotAnswersOnTheChannel) {
  start();
  auto web = std::make_shared<RecordingChannel>();
  api().subscribe_channel(Channel::web, web);
  auto result = say("visitor-1", "m-1", "我的订单到哪了");
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_TRUE(result->bot_reply);
  EXPECT_FALSE(result->bot_reply->text.empty());
  EXPECT_FALSE(result->handed_off);
  EXPECT_EQ(result->customer_id, "web:visitor-1");
  auto pushed = web->inbox.wait_for([](const OutboundMessage& m) { return m.kind == OutboundKind::bot_reply; });
  ASSERT_TRUE(pushed);
  EXPECT_EQ(pushed->channel_user_id, "visitor-1");
  EXPECT_EQ(pushed->conversation_id, result->conversation_id);
}

TEST_F(ServiceFlowTest, HandoffOfferAcceptReplyResolveRate) {
  start();
  auto web = std::make_shared<RecordingChannel>();
  api().subscribe_channel(Channel::web, web);
  auto desk = std::make_shared<RecordingDesk>();
  auto agent = wait_for<AgentView>([&](auto done) {
    api().upsert_agent(AgentSpec{"a-1", "Lin", {{"general", 3}, {"orders", 3}}, {}, 3, 3}, done);
  });
  ASSERT_TRUE(agent) << agent.error().message;
  auto online = wait_for<AgentView>([&](auto done) { api().agent_login("a-1", desk, done); });
  ASSERT_TRUE(online) << online.error().message;
  EXPECT_EQ(online->presence, Presence::online);

  ASSERT_TRUE(say("visitor-2", "m-1", "hello"));
  auto handoff = say("visitor-2", "m-2", "转人工");
  ASSERT_TRUE(handoff) << handoff.error().message;
  EXPECT_TRUE(handoff->handed_off);
  const auto conversation_id = handoff->conversation_id;

  auto offer = desk->offers.wait_for([&](const AgentOffer& o) { return o.conversation.conversation_id == conversation_id; });
  ASSERT_TRUE(offer) << "no offer reached the agent";
  ASSERT_TRUE(offer->conversation.handoff);
  EXPECT_FALSE(offer->conversation.transcript.empty());
  EXPECT_EQ(offer->conversation.transcript.front().text, "hello");
  ASSERT_EQ(offer->customer_timeline.size(), 1u);  // the customer's history comes with the offer
  EXPECT_EQ(offer->customer_timeline.front().id, conversation_id);
  EXPECT_EQ(offer->customer_tier, "new");

  auto accepted = wait_for<ConversationView>([&](auto done) { api().accept_offer("a-1", conversation_id, done); });
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->phase, "assigned");
  EXPECT_EQ(accepted->assigned_agent, "a-1");

  ASSERT_TRUE(wait_for<Done>([&](auto done) { api().agent_reply("a-1", conversation_id, "您好，我来帮您查", done); }));
  auto reply = web->inbox.wait_for([](const OutboundMessage& m) { return m.kind == OutboundKind::agent_reply; });
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->text, "您好，我来帮您查");
  EXPECT_EQ(reply->channel_user_id, "visitor-2");

  // Another agent may not reply on it.
  auto stranger = wait_for<Done>([&](auto done) { api().agent_reply("a-9", conversation_id, "hi", done); });
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::rejected);

  ASSERT_TRUE(wait_for<Done>([&](auto done) { api().resolve("a-1", conversation_id, done); }));
  EXPECT_TRUE(web->inbox.wait_for([](const OutboundMessage& m) { return m.kind == OutboundKind::csat_prompt; }));
  ASSERT_TRUE(wait_for<Done>([&](auto done) { api().rate(conversation_id, 5, "great", done); }));
  auto twice = wait_for<Done>([&](auto done) { api().rate(conversation_id, 4, "", done); });
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().rejection, "already_rated");
}

TEST_F(ServiceFlowTest, OneAccountOnTwoChannelsIsOneConversation) {
  start();
  auto first = say("visitor-3", "w-1", "hello", Channel::web, "acct-42");
  auto second = say("openid-xyz", "x-1", "我的退款什么时候到账", Channel::wechat, "acct-42");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->customer_id, "acct:acct-42");
  EXPECT_EQ(second->conversation_id, first->conversation_id);
  auto view = wait_for<ConversationView>([&](auto done) { api().conversation(first->conversation_id, done); });
  ASSERT_TRUE(view);
  EXPECT_EQ(view->channel, Channel::wechat);
  auto timeline = wait_for<std::vector<TimelineEntry>>([&](auto done) { api().customer_timeline("acct:acct-42", done); });
  ASSERT_TRUE(timeline) << timeline.error().message;
  ASSERT_EQ(timeline->size(), 1u);
  // The WeChat identity was new: it registered already merged into the account, so the same
  // device without the login still reaches the account's conversation.
  auto without_login = say("openid-xyz", "x-2", "还有一个问题", Channel::wechat);
  ASSERT_TRUE(without_login) << without_login.error().message;
  EXPECT_EQ(without_login->customer_id, "acct:acct-42");
  EXPECT_EQ(without_login->conversation_id, first->conversation_id);
}

TEST_F(ServiceFlowTest, BadInputIsRefusedPreciselyAndRetriesAreAnsweredOnce) {
  start();
  auto bad_utf8 = say("visitor-4", "m-1", "\xff\xfe");
  ASSERT_FALSE(bad_utf8);
  EXPECT_EQ(bad_utf8.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(bad_utf8.error().message.find("UTF-8"), std::string::npos);
  auto empty_id = say("visitor-4", "", "hi");
  ASSERT_FALSE(empty_id);
  EXPECT_NE(empty_id.error().message.find("message id"), std::string::npos);
  auto huge = say("visitor-4", "m-2", std::string(kTextBytesMax + 1, 'a'));
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, ErrorCode::invalid_argument);
  auto unknown = wait_for<ConversationView>([&](auto done) { api().conversation("nope", done); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);

  auto first = say("visitor-4", "m-3", "你好");
  auto retry = say("visitor-4", "m-3", "你好");
  ASSERT_TRUE(first && retry);
  EXPECT_FALSE(first->duplicate);
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->conversation_id, first->conversation_id);
  ASSERT_TRUE(first->bot_reply && retry->bot_reply);
  EXPECT_EQ(retry->bot_reply->text, first->bot_reply->text);
  auto view = wait_for<ConversationView>([&](auto done) { api().conversation(first->conversation_id, done); });
  ASSERT_TRUE(view);
  EXPECT_EQ(view->transcript.size(), 2u);  // one customer message, one bot reply: nothing twice
}

TEST_F(ServiceFlowTest, ARestartChangesNothing) {
  start();
  auto first = say("visitor-5", "m-1", "hello");
  ASSERT_TRUE(first);
  auto before = wait_for<ConversationView>([&](auto done) { api().conversation(first->conversation_id, done); });
  ASSERT_TRUE(before);
  stop();
  start();
  auto after = wait_for<ConversationView>([&](auto done) { api().conversation(first->conversation_id, done); });
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->transcript.size(), before->transcript.size());
  auto next = say("visitor-5", "m-2", "thanks");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->conversation_id, first->conversation_id);
}

}  // namespace
}  // namespace sb::service

namespace sb::service {
namespace {

TEST_F(ServiceFlowTest, ATicketFromAConversationHasItsFieldsFilledIn) {
  start();
  auto said = say("visitor-6", "m-1", "我的订单SB2026111101到哪了");
  ASSERT_TRUE(said) << said.error().message;
  ASSERT_TRUE(said->bot_reply);
  auto created = wait_for<TicketView>([&](auto done) {
    api().create_ticket("a-1", TicketSpec{said->conversation_id, {}, "包裹未收到", "customer says the parcel is late", {}, {}}, done);
  });
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->status, "new");
  EXPECT_EQ(created->fields["order_number"], "SB2026111101");
  EXPECT_FALSE(created->fields["category"].empty());
  EXPECT_FALSE(created->sla.empty());
  EXPECT_FALSE(created->customer_status_text.empty());

  TicketUpdate update;
  update.ticket_id = created->ticket_id;
  update.assignee = "agent:a-1";
  update.note = "called the carrier";
  auto updated = wait_for<TicketView>([&](auto done) { api().update_ticket("a-1", update, done); });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->assignee, "agent:a-1");
  EXPECT_EQ(updated->notes.size(), 1u);

  TicketUpdate illegal;
  illegal.ticket_id = created->ticket_id;
  illegal.status = "reopen";  // only a resolved ticket can be reopened
  auto refused = wait_for<TicketView>([&](auto done) { api().update_ticket("a-1", illegal, done); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::rejected);

  auto timeline = wait_for<std::vector<TimelineEntry>>([&](auto done) { api().customer_timeline(said->customer_id, done); });
  ASSERT_TRUE(timeline);
  // The conversation and the ticket, in order (the ticket's timeline entry is an effect: wait).
  for (int i = 0; i < 100 && timeline->size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    timeline = wait_for<std::vector<TimelineEntry>>([&](auto done) { api().customer_timeline(said->customer_id, done); });
  }
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ(timeline->back().kind, "ticket");

  auto missing = wait_for<TicketView>([&](auto done) { api().ticket("tk-nope", done); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace sb::service

namespace sb::service {
namespace {

// Routing by messages: a declined offer goes to the next agent; an agent who goes offline hands
// the conversation back, and it is offered again.
TEST_F(ServiceFlowTest, DeclineGoesToTheNextAgentAndOfflineRequeues) {
  start();
  auto desk1 = std::make_shared<RecordingDesk>();
  auto desk2 = std::make_shared<RecordingDesk>();
  for (const auto* id : {"a-1", "a-2"}) {
    ASSERT_TRUE(wait_for<AgentView>([&](auto done) {
      api().upsert_agent(AgentSpec{id, id, {{"general", 3}}, {}, 2, 2}, done);
    }));
  }
  ASSERT_TRUE(wait_for<AgentView>([&](auto done) { api().agent_login("a-1", desk1, done); }));
  ASSERT_TRUE(wait_for<AgentView>([&](auto done) { api().agent_login("a-2", desk2, done); }));

  auto handoff = say("visitor-7", "m-1", "转人工");
  ASSERT_TRUE(handoff && handoff->handed_off);
  const auto id = handoff->conversation_id;
  auto offered_to = [&](RecordingDesk& desk) {
    return desk.offers.wait_for([&](const AgentOffer& o) { return o.conversation.conversation_id == id; });
  };
  // Whoever got it first declines; the other one is offered it and accepts.
  auto is_this = [&](const AgentOffer& o) { return o.conversation.conversation_id == id; };
  std::optional<AgentOffer> first;
  for (int i = 0; i < 1000 && !first; ++i) {
    first = desk1->offers.find(is_this);
    if (!first) first = desk2->offers.find(is_this);
    if (!first) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const bool first_is_a1 = first && desk1->offers.find(is_this).has_value();
  const std::string first_agent = first_is_a1 ? "a-1" : "a-2";
  const std::string second_agent = first_is_a1 ? "a-2" : "a-1";
  RecordingDesk* second_desk = first_is_a1 ? desk2.get() : desk1.get();
  ASSERT_TRUE(first) << "no agent was offered the conversation";
  ASSERT_TRUE(wait_for<Done>([&](auto done) { api().decline_offer(first_agent, id, done); }));
  ASSERT_TRUE(offered_to(*second_desk)) << "the declined offer did not go to the next agent";
  auto accepted = wait_for<ConversationView>([&](auto done) { api().accept_offer(second_agent, id, done); });
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->assigned_agent, second_agent);

  // The assigned agent goes offline: the conversation queues again and is offered to the other.
  ASSERT_TRUE(wait_for<AgentView>([&](auto done) { api().set_presence(second_agent, Presence::offline, done); }));
  std::optional<ConversationView> view;
  for (int i = 0; i < 200; ++i) {
    view = wait_for<ConversationView>([&](auto done) { api().conversation(id, done); }).value();
    if (view->phase == "offered" || view->phase == "queued") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->phase == "offered" || view->phase == "queued") << view->phase;
  EXPECT_TRUE(view->assigned_agent.empty());
}

}  // namespace
}  // namespace sb::service
