// A clean restart between two messages: the RPC server and the node stop, both start again on the
// same data directory, and the conversation carries on where it was.

#include "tests/rpc_e2e/e2e_fixture.hpp"

namespace sb::e2e {
namespace {

using RpcE2eRestart = RpcE2eTest;

TEST_F(RpcE2eRestart, TheConversationContinuesAfterARestart) {
  start_server();
  auto first = channel_client()->deliver(inbound(Channel::web, "visitor-r", "m-1", "hello"));
  ASSERT_TRUE(first) << first.error().message;
  stop_server();

  start_server();
  Inbox<rpc::AgentEvent> events;
  auto desk = agent_desk(kAgentToken, kAgentId, events);
  auto channel = channel_client();
  ASSERT_TRUE(desk && channel);
  auto second = channel->deliver(inbound(Channel::web, "visitor-r", "m-2", "我的订单到哪了"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(second->duplicate);
  EXPECT_EQ(second->conversation_id, first->conversation_id);
  EXPECT_EQ(second->customer_id, first->customer_id);

  // A retry of the first message after the restart is still recognised.
  auto retry = channel->deliver(inbound(Channel::web, "visitor-r", "m-1", "hello"));
  ASSERT_TRUE(retry) << retry.error().message;
  EXPECT_TRUE(retry->duplicate);

  auto view = desk->conversation(first->conversation_id);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->transcript.size(), 4u);  // two customer lines, two bot answers, in order
  EXPECT_EQ(view->transcript[0].author, "customer");
  EXPECT_EQ(view->transcript[0].text, "hello");
  EXPECT_EQ(view->transcript[2].author, "customer");
  EXPECT_EQ(view->transcript[2].text, "我的订单到哪了");
}

}  // namespace
}  // namespace sb::e2e
