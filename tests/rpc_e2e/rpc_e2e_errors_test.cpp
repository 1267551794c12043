// Bad input and illegal transitions over the real RPC edge: each gets a precise error, changes
// nothing, and the very next good call on the same connection succeeds.

#include <variant>

#include "tests/rpc_e2e/e2e_fixture.hpp"

namespace sb::e2e {
namespace {

using service::ErrorCode;

template <class T>
void expect_error(const rpc::Outcome<T>& outcome, ErrorCode code, const std::string& words) {
  ASSERT_FALSE(outcome) << "expected " << service::to_string(code) << " (" << words << ")";
  EXPECT_EQ(outcome.error().code, code) << outcome.error().message;
  EXPECT_NE(outcome.error().message.find(words), std::string::npos) << outcome.error().message;
}

class RpcE2eErrors : public RpcE2eTest {
 protected:
  void SetUp() override {
    start_server();
    channel_ = channel_client();
    desk_ = agent_desk(kAgentToken, kAgentId, events_);
    ASSERT_TRUE(channel_ && desk_);
  }

  // A good call right after a bad one: the server (and this connection) still serve.
  void expect_serving() {
    const auto id = "probe-" + std::to_string(++probes_);
    auto result = channel_->deliver(inbound(Channel::web, "prober", id, "hello"));
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_FALSE(result->duplicate);
  }

  service::ConversationView conversation(const std::string& id) {
    auto view = desk_->conversation(id);
    EXPECT_TRUE(view) << view.error().message;
    return view ? *view : service::ConversationView{};
  }

  Inbox<rpc::AgentEvent> events_;
  std::unique_ptr<rpc::Client> channel_;
  std::unique_ptr<rpc::Client> desk_;
  int probes_ = 0;
};

TEST_F(RpcE2eErrors, AWrongTokenIsRefusedAndTheConnectionStillAuthenticates) {
  auto client = connect();
  ASSERT_TRUE(client);
  expect_error(client->authenticate("not-a-token"), ErrorCode::permission_denied, "unknown token");
  EXPECT_FALSE(client->session());
  // Without a session there is nothing to call.
  expect_error(client->deliver(inbound(Channel::web, "v", "m", "hi")), ErrorCode::permission_denied,
               "channel token");
  auto session = client->authenticate(kChannelToken);
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_EQ(session->role, rpc::Role::channel);
  ASSERT_TRUE(client->deliver(inbound(Channel::web, "v", "m", "hi")));
}

TEST_F(RpcE2eErrors, AChannelTokenCannotActAsAdminOrAgent) {
  expect_error(
      channel_->upsert_agent(service::AgentSpec{"intruder", "x", {{"general", 5}}, {}, 3, 3}),
      ErrorCode::permission_denied, "admin token");
  expect_error(channel_->login([](const rpc::AgentEvent&) {}), ErrorCode::permission_denied,
               "agent token");
  expect_error(channel_->conversation("web:prober/c1"), ErrorCode::permission_denied,
               "agent token");
  expect_error(desk_->deliver(inbound(Channel::web, "v", "m", "hi")), ErrorCode::permission_denied,
               "channel token");
  expect_serving();
}

TEST_F(RpcE2eErrors, AnUnknownConversationOrTicketIsNotFound) {
  expect_error(desk_->conversation("web:nobody/c1"), ErrorCode::not_found, "");
  expect_error(desk_->ticket("tk-nope"), ErrorCode::not_found, "");
  expect_serving();
}

TEST_F(RpcE2eErrors, OversizedTextAndInvalidUtf8AreRefusedAndChangeNothing) {
  expect_error(channel_->deliver(inbound(Channel::web, "visitor-4", "m-1",
                                         std::string(service::kTextBytesMax + 1, 'a'))),
               ErrorCode::invalid_argument, "the message text");
  expect_serving();
  expect_error(channel_->deliver(inbound(Channel::web, "visitor-4", "m-2", "\xff\xfe")),
               ErrorCode::invalid_argument, "UTF-8");
  expect_serving();
  expect_error(channel_->deliver(inbound(Channel::web, "visitor-4", "", "hi")),
               ErrorCode::invalid_argument, "the message id");
  expect_serving();
  expect_error(channel_->deliver(inbound(Channel::web, "visitor-4", "m-3", "hi", "\xc3")),
               ErrorCode::invalid_argument, "the account id");
  expect_serving();

  // None of them reached the customer: the first good message starts a fresh conversation,
  // and the refused ids were not remembered.
  auto good = channel_->deliver(inbound(Channel::web, "visitor-4", "m-1", "你好"));
  ASSERT_TRUE(good) << good.error().message;
  EXPECT_FALSE(good->duplicate);
  const auto view = conversation(good->conversation_id);
  EXPECT_EQ(view.transcript.size(), 2u);  // the customer's line and the bot's answer
  EXPECT_EQ(count_lines(view, "customer", "你好"), 1u);
}

TEST_F(RpcE2eErrors, ADuplicateDeliveryIsAnsweredOnceAndMarked) {
  auto first = channel_->deliver(inbound(Channel::web, "visitor-5", "m-1", "你好"));
  ASSERT_TRUE(first) << first.error().message;
  const auto before = conversation(first->conversation_id);

  auto retry = channel_->deliver(inbound(Channel::web, "visitor-5", "m-1", "你好"));
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_FALSE(first->duplicate);
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->conversation_id, first->conversation_id);
  EXPECT_EQ(retry->customer_id, first->customer_id);
  ASSERT_TRUE(first->bot_reply && retry->bot_reply);
  EXPECT_EQ(retry->bot_reply->text, first->bot_reply->text);

  const auto after = conversation(first->conversation_id);
  EXPECT_EQ(after.transcript.size(), before.transcript.size());
  EXPECT_EQ(count_lines(after, "customer", "你好"), 1u);
  expect_serving();
}

TEST_F(RpcE2eErrors, IllegalTransitionsAreRejectedAndChangeNothing) {
  Inbox<rpc::AgentEvent> other_events;
  auto other = agent_desk(kOtherAgentToken, kOtherAgentId, other_events);
  ASSERT_TRUE(other);
  auto handoff = channel_->deliver(inbound(Channel::web, "visitor-6", "m-1", "转人工"));
  ASSERT_TRUE(handoff) << handoff.error().message;
  const auto id = handoff->conversation_id;

  // Rating before it is resolved, replying before anyone accepted it.
  expect_error(channel_->rate(id, 5, ""), ErrorCode::rejected, "");
  expect_error(desk_->reply(id, "too early"), ErrorCode::rejected, "");
  expect_serving();

  // Whoever got the offer accepts; the other agent may not reply on it.
  const auto offered = [&id](const rpc::AgentEvent& event) {
    const auto* offer = std::get_if<service::AgentOffer>(&event);
    return offer != nullptr && offer->conversation.conversation_id == id;
  };
  ASSERT_TRUE(wait_until([&] {
    return events_.contains(offered) || other_events.contains(offered);
  })) << "no agent got an offer";
  const bool mine = events_.contains(offered);
  auto& owner = mine ? desk_ : other;
  auto& stranger = mine ? other : desk_;
  auto accepted = owner->accept(id);
  ASSERT_TRUE(accepted) << accepted.error().message;
  const auto before = conversation(id);
  expect_error(stranger->reply(id, "not yours"), ErrorCode::rejected, "");
  expect_error(stranger->resolve(id), ErrorCode::rejected, "");
  expect_serving();
  EXPECT_EQ(conversation(id).transcript.size(), before.transcript.size());

  ASSERT_TRUE(owner->resolve(id));
  ASSERT_TRUE(channel_->rate(id, 4, "ok"));
  auto twice = channel_->rate(id, 5, "again");
  expect_error(twice, ErrorCode::rejected, "");
  if (!twice) {
    EXPECT_EQ(twice.error().rejection, "already_rated");
  }
  expect_error(channel_->rate(id, 9, ""), ErrorCode::invalid_argument, "1..5");
  expect_serving();
}

}  // namespace
}  // namespace sb::e2e
