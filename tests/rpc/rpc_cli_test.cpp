// The terminal clients against a real server over the fake service, driven through streams.

#include <cstdio>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "runtime/rpc/cli/terminal_clients.hpp"
#include "tests/rpc/rpc_fixture.hpp"
#include "tests/rpc/test_streams.hpp"

namespace sb::rpc::test {
namespace {

service::OutboundMessage outbound(service::OutboundKind kind, std::string user, std::string id,
                                  std::string text) {
  service::OutboundMessage message;
  message.kind = kind;
  message.conversation_id = "conv-" + user;
  message.channel_user_id = std::move(user);
  message.message_id = std::move(id);
  message.text = std::move(text);
  return message;
}

class CliTest : public RpcFixture {
 protected:
  std::vector<std::string> with_connection(std::vector<std::string> args, const char* token) {
    args.insert(args.end(), {"--port", std::to_string(port_), "--token", token});
    return args;
  }
  bool wait_for_output(const SharedOutput& out, const std::string& wanted) {
    return wait_until([&] { return out.contains(wanted); });
  }
  bool wait_for_call(const std::string& wanted) {
    return wait_until([&] {
      for (const auto& call : service_.calls()) {
        if (call == wanted) return true;
      }
      return false;
    });
  }
};

TEST_F(CliTest, ChatDeliversAndPrintsRepliesQueueAndCsat) {
  FeedInput in;
  SharedOutput out;
  int rc = -1;
  std::thread chat([&] {
    rc = cli::run_chat(with_connection({"--channel", "web", "--user", "u1"}, kWebToken), in, out);
  });
  ASSERT_TRUE(wait_for_output(out, "connected as u1"));

  in.feed("where is my order");
  ASSERT_TRUE(wait_for_output(out, "bot: echo: where is my order"));

  std::thread caf_like([&] {
    auto reply = outbound(service::OutboundKind::agent_reply, "u1", "o-1", "I can help");
    reply.agent_name = "Alice";
    service_.push_to_channels(outbound(service::OutboundKind::agent_reply, "u2", "o-2", "not you"));
    auto queued = outbound(service::OutboundKind::queue_update, "u1", "o-3", "");
    queued.queue_position = 2;
    queued.estimated_wait_ms = 30'000;
    service_.push_to_channels(queued);
    service_.push_to_channels(reply);
    service_.push_to_channels(
        outbound(service::OutboundKind::csat_prompt, "u1", "o-4", "How did we do?"));
  });
  caf_like.join();
  ASSERT_TRUE(wait_for_output(out, "[queue] you are number 2, about 30 s"));
  ASSERT_TRUE(wait_for_output(out, "Alice: I can help"));
  ASSERT_TRUE(wait_for_output(out, "[rate] How did we do? (type /rate 1-5)"));

  in.feed("/rate 5 great");
  ASSERT_TRUE(wait_for_call("rate conv-u1 5"));
  ASSERT_TRUE(wait_for_output(out, "thank you for rating"));

  in.close();
  chat.join();
  EXPECT_EQ(rc, 0);
  EXPECT_FALSE(out.contains("not you"));  // another customer's message
  const auto delivered = service_.delivered();
  ASSERT_EQ(delivered.size(), 1u);
  EXPECT_EQ(delivered[0].channel_user_id, "u1");
}

TEST_F(CliTest, ChatWithAWrongTokenSaysSo) {
  std::istringstream in;
  std::ostringstream out;
  const int rc = cli::run_chat(with_connection({"--user", "u1"}, "wrong"), in, out);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.str().find("authentication failed: unknown token"), std::string::npos);
}

TEST_F(CliTest, DeskShowsOffersAndRunsCommands) {
  FeedInput in;
  SharedOutput out;
  int rc = -1;
  std::thread desk([&] {
    rc = cli::run_desk(with_connection({"--agent", "alice"}, kAliceToken), in, out);
  });
  ASSERT_TRUE(wait_for_output(out, "logged in as alice"));

  service::AgentOffer offer;
  offer.conversation.conversation_id = "conv-9";
  offer.conversation.customer_id = "cust-9";
  offer.conversation.handoff = service::HandoffInfo{
      "refund", {{"order_no", "A-1"}}, {}, {"customer_asked"}, "wants a refund"};
  offer.customer_timeline = {{"conversation", "conv-3", Channel::app, "asked on the app", {}}};
  offer.customer_tier = "vip";
  std::thread caf_like([&] {
    service_.push_to_agent("alice", [&](service::AgentEventSink& sink) {
      sink.offer(offer);
      sink.customer_message("conv-9", {"customer", "hello?", Channel::web, {}});
    });
  });
  caf_like.join();
  ASSERT_TRUE(wait_for_output(out, "[offer] conversation conv-9 (tier vip)"));
  ASSERT_TRUE(wait_for_output(out, "  handoff: wants a refund"));
  ASSERT_TRUE(wait_for_output(out, "  slots: order_no=A-1"));
  ASSERT_TRUE(wait_for_output(out, "    - app conversation conv-3: asked on the app"));
  ASSERT_TRUE(wait_for_output(out, "[conv-9] customer: hello?"));

  in.feed("/accept");
  ASSERT_TRUE(wait_for_call("accept alice conv-9"));
  in.feed("/reply conv-9 On it, one moment");
  ASSERT_TRUE(wait_for_call("reply alice conv-9 On it, one moment"));
  in.feed("/transfer conv-9 skill:billing needs a refund");
  ASSERT_TRUE(wait_for_call("transfer alice conv-9 skill:billing needs a refund"));
  in.feed("/ticket new conv-9 Refund for A-1");
  ASSERT_TRUE(wait_for_call("create_ticket alice Refund for A-1"));
  ASSERT_TRUE(wait_for_output(out, "ticket t-1 [new]: Refund for A-1"));
  in.feed("/search cust-9 refund please");
  ASSERT_TRUE(wait_for_output(out, "- [c1] customer: my refund for refund please"));
  in.feed("/merge cust-1 cust-2");
  ASSERT_TRUE(wait_for_call("merge alice cust-1 cust-2"));
  in.feed("/unmerge cust-1 cust-2");
  ASSERT_TRUE(wait_for_call("unmerge alice cust-1 cust-2"));
  in.feed("/presence away");
  ASSERT_TRUE(wait_for_call("presence alice 3"));
  in.feed("/resolve conv-9");
  ASSERT_TRUE(wait_for_call("resolve alice conv-9"));
  in.feed("/reply conv-9 " + std::string(service::kTextBytesMax + 1, 'x'));
  ASSERT_TRUE(wait_for_output(out, "error (invalid argument): the reply text is 16385 bytes"));

  in.feed("/quit");
  desk.join();
  EXPECT_EQ(rc, 0);
}

TEST_F(CliTest, BackendServesAnOrdersFileUntilQuit) {
  FeedInput in;
  SharedOutput out;
  int rc = -1;
  const std::string orders = std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl";
  std::thread backend(
      [&] { rc = cli::run_backend(with_connection({"--orders", orders}, kAdminToken), in, out); });
  ASSERT_TRUE(wait_for_output(out, "the bot now looks orders up in"));
  ASSERT_TRUE(wait_for_call("register_backend"));
  auto registered = service_.backend();
  ASSERT_TRUE(registered);
  // A lookup the node would make: across the RPC edge to this process and back.
  auto answered = std::make_shared<std::promise<bot::BackendResult>>();
  auto result = answered->get_future();
  bot::BackendQuery query;
  query.key = "SB2026111101";
  registered->lookup(query, [answered](bot::BackendResult r) { answered->set_value(std::move(r)); });
  ASSERT_EQ(result.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  auto found = result.get();
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(found->fields.at("status_text"), "已发货");

  in.feed("/quit");
  backend.join();
  EXPECT_EQ(rc, 0);
  EXPECT_TRUE(wait_for_call("unregister_backend"));  // the connection went: the sample answers
}

TEST_F(CliTest, BackendRefusesABadOrdersFile) {
  std::istringstream in;
  std::ostringstream out;
  EXPECT_EQ(cli::run_backend(with_connection({"--orders", "/nonexistent/orders.jsonl"}, kAdminToken), in, out), 1);
  EXPECT_NE(out.str().find("/nonexistent/orders.jsonl"), std::string::npos) << out.str();
}

TEST_F(CliTest, DeskRefusesAnotherAgentsToken) {
  std::istringstream in;
  std::ostringstream out;
  EXPECT_EQ(cli::run_desk(with_connection({"--agent", "bob"}, kAliceToken), in, out), 1);
  EXPECT_NE(out.str().find("not agent bob's"), std::string::npos);
}

TEST_F(CliTest, AdminAddsAgentsImportsAndListsQueues) {
  std::istringstream in;
  std::ostringstream out;
  EXPECT_EQ(cli::run_admin(with_connection({"agent", "add", "bob", "--skill", "orders:3", "--skill",
                                            "billing:2"},
                                           kAdminToken),
                           in, out),
            0);
  EXPECT_NE(out.str().find("agent bob: billing:2 orders:3"), std::string::npos) << out.str();

  const auto path = ::testing::TempDir() + "kb.jsonl";
  std::ofstream(path) << "{\"intent\":\"order_status\"}\n";
  EXPECT_EQ(cli::run_admin(with_connection({"kb", "import", path}, kAdminToken), in, out), 0);
  EXPECT_NE(out.str().find("knowledge base version 7: 2 intents, 5 examples"), std::string::npos);
  std::remove(path.c_str());

  EXPECT_EQ(cli::run_admin(with_connection({"queues"}, kAdminToken), in, out), 0);
  EXPECT_NE(out.str().find("orders 3 1 2 4 1500 900"), std::string::npos);

  EXPECT_EQ(cli::run_admin(with_connection({"queues"}, kWebToken), in, out), 1);
  EXPECT_NE(out.str().find("needs a admin token"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace sb::rpc::test
