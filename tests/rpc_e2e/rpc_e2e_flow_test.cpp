// The customer journey over the real node and the real RPC edge, driven only through the client
// library: the bot answers on the channel sink; a handoff reaches a skilled agent's desk with the
// handoff record and the cross-channel timeline; accept, reply, resolve, CSAT and rating all
// cross the wire; one account on web and WeChat is one customer with one timeline.

#include <variant>

#include "tests/rpc_e2e/e2e_fixture.hpp"

namespace sb::e2e {
namespace {

using service::OutboundKind;
using service::OutboundMessage;

auto of_kind(OutboundKind kind, const std::string& conversation_id) {
  return [kind, conversation_id](const OutboundMessage& message) {
    return message.kind == kind && message.conversation_id == conversation_id;
  };
}

std::optional<service::AgentOffer> wait_for_offer(Inbox<rpc::AgentEvent>& events,
                                                  const std::string& conversation_id) {
  auto event = events.wait_for([&](const rpc::AgentEvent& each) {
    const auto* offer = std::get_if<service::AgentOffer>(&each);
    return offer != nullptr && offer->conversation.conversation_id == conversation_id;
  });
  if (!event) return std::nullopt;
  return std::get<service::AgentOffer>(*event);
}

bool has_line_on(const service::ConversationView& view, const std::string& text, Channel channel) {
  for (const auto& line : view.transcript) {
    if (line.author == "customer" && line.text == text && line.channel == channel) return true;
  }
  return false;
}

class RpcE2eFlow : public RpcE2eTest {
 protected:
  void SetUp() override { start_server(); }
};

TEST_F(RpcE2eFlow, TheBotAnswersOnTheChannelSink) {
  Inbox<OutboundMessage> web;
  auto channel = channel_client(&web);
  ASSERT_TRUE(channel);
  auto result = channel->deliver(inbound(Channel::web, "visitor-1", "m-1", "我的订单到哪了"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_FALSE(result->duplicate);
  EXPECT_FALSE(result->handed_off);
  EXPECT_EQ(result->customer_id, "web:visitor-1");
  ASSERT_TRUE(result->bot_reply);
  EXPECT_FALSE(result->bot_reply->text.empty());

  auto pushed = web.wait_for(of_kind(OutboundKind::bot_reply, result->conversation_id));
  ASSERT_TRUE(pushed) << "no bot reply reached the channel sink";
  EXPECT_EQ(pushed->channel_user_id, "visitor-1");
  EXPECT_EQ(pushed->text, result->bot_reply->text);
}

TEST_F(RpcE2eFlow, HandoffOfferAcceptReplyResolveRateAcrossChannels) {
  Inbox<OutboundMessage> wechat;
  Inbox<rpc::AgentEvent> events;
  auto channel = channel_client(&wechat, Channel::wechat);
  auto desk = agent_desk(kAgentToken, kAgentId, events);
  ASSERT_TRUE(channel && desk);

  // The customer starts on the web and asks for a person on WeChat, logged in to one account.
  auto hello = channel->deliver(inbound(Channel::web, "visitor-2", "w-1", "hello", "acct-7"));
  ASSERT_TRUE(hello) << hello.error().message;
  auto handoff = channel->deliver(inbound(Channel::wechat, "openid-2", "x-1", "转人工", "acct-7"));
  ASSERT_TRUE(handoff) << handoff.error().message;
  EXPECT_TRUE(handoff->handed_off);
  EXPECT_EQ(handoff->customer_id, "acct:acct-7");
  const auto conversation_id = handoff->conversation_id;
  EXPECT_EQ(hello->conversation_id, conversation_id);

  auto offer = wait_for_offer(events, conversation_id);
  ASSERT_TRUE(offer) << "no offer reached the agent's desk";
  ASSERT_TRUE(offer->conversation.handoff) << "the offer lacks the handoff record";
  EXPECT_FALSE(offer->conversation.handoff->reasons.empty());
  EXPECT_FALSE(offer->conversation.handoff->summary.empty());
  EXPECT_TRUE(has_line_on(offer->conversation, "hello", Channel::web));
  EXPECT_TRUE(has_line_on(offer->conversation, "转人工", Channel::wechat));
  ASSERT_EQ(offer->customer_timeline.size(), 1u);
  EXPECT_EQ(offer->customer_timeline.front().id, conversation_id);

  auto accepted = desk->accept(conversation_id);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->phase, "assigned");
  EXPECT_EQ(accepted->assigned_agent, kAgentId);

  ASSERT_TRUE(desk->reply(conversation_id, "您好，我来帮您查"));
  auto reply = wechat.wait_for(of_kind(OutboundKind::agent_reply, conversation_id));
  ASSERT_TRUE(reply) << "the agent's reply did not reach the customer's channel sink";
  EXPECT_EQ(reply->text, "您好，我来帮您查");
  EXPECT_EQ(reply->channel, Channel::wechat);
  EXPECT_EQ(reply->channel_user_id, "openid-2");

  auto resolved = desk->resolve(conversation_id);
  ASSERT_TRUE(resolved) << resolved.error().message;
  ASSERT_TRUE(wechat.wait_for(of_kind(OutboundKind::csat_prompt, conversation_id)))
      << "no CSAT prompt reached the channel sink";
  auto rated = channel->rate(conversation_id, 5, "great");
  ASSERT_TRUE(rated) << rated.error().message;

  auto after = desk->conversation(conversation_id);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->phase, "resolved");
  EXPECT_EQ(count_lines(*after, "agent", "您好，我来帮您查"), 1u);
}

TEST_F(RpcE2eFlow, OneAccountOnTwoChannelsIsOneTimeline) {
  Inbox<rpc::AgentEvent> events;
  auto channel = channel_client();
  auto desk = agent_desk(kAgentToken, kAgentId, events);
  ASSERT_TRUE(channel && desk);

  auto web = channel->deliver(inbound(Channel::web, "visitor-3", "w-1", "hello", "acct-42"));
  auto wechat = channel->deliver(
      inbound(Channel::wechat, "openid-xyz", "x-1", "我的退款什么时候到账", "acct-42"));
  ASSERT_TRUE(web) << web.error().message;
  ASSERT_TRUE(wechat) << wechat.error().message;
  EXPECT_EQ(web->customer_id, "acct:acct-42");
  EXPECT_EQ(wechat->customer_id, web->customer_id);
  EXPECT_EQ(wechat->conversation_id, web->conversation_id);

  auto timeline = desk->customer_timeline("acct:acct-42");
  ASSERT_TRUE(timeline) << timeline.error().message;
  ASSERT_EQ(timeline->size(), 1u);
  EXPECT_EQ(timeline->front().id, web->conversation_id);

  auto view = desk->conversation(web->conversation_id);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->channel, Channel::wechat);  // where the customer is now
  EXPECT_TRUE(has_line_on(*view, "hello", Channel::web));
  EXPECT_TRUE(has_line_on(*view, "我的退款什么时候到账", Channel::wechat));
}

TEST_F(RpcE2eFlow, ATicketFromAConversationIsCreatedUpdatedAndRead) {
  Inbox<rpc::AgentEvent> events;
  auto channel = channel_client();
  auto desk = agent_desk(kAgentToken, kAgentId, events);
  ASSERT_TRUE(channel && desk);
  auto said =
      channel->deliver(inbound(Channel::web, "visitor-6", "m-1", "我的订单SB2026111101到哪了"));
  ASSERT_TRUE(said) << said.error().message;

  service::TicketSpec spec;
  spec.conversation_id = said->conversation_id;
  spec.subject = "包裹未收到";
  spec.description = "customer says the parcel is late";
  auto created = desk->create_ticket(spec);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->status, "new");
  EXPECT_EQ(created->subject, "包裹未收到");
  EXPECT_EQ(created->fields["order_number"], "SB2026111101");  // filled in from the conversation
  EXPECT_FALSE(created->fields["category"].empty());
  EXPECT_FALSE(created->sla.empty());

  service::TicketUpdate update;
  update.ticket_id = created->ticket_id;
  update.assignee = std::string("agent:") + kAgentId;
  update.priority = "high";
  update.note = "called the carrier";
  auto updated = desk->update_ticket(update);
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->assignee, update.assignee);
  EXPECT_EQ(updated->priority, "high");
  ASSERT_EQ(updated->notes.size(), 1u);

  auto read = desk->ticket(created->ticket_id);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->ticket_id, created->ticket_id);
  EXPECT_EQ(read->assignee, update.assignee);
  EXPECT_EQ(read->priority, "high");
  EXPECT_EQ(read->notes, updated->notes);
  EXPECT_EQ(read->fields["order_number"], "SB2026111101");
}

}  // namespace
}  // namespace sb::e2e
