// The RPC edge over a fake service: authentication and roles, results and errors, input limits
// and backpressure. Sinks and shutdown are in rpc_sink_test.cpp.

#include <algorithm>
#include <thread>
#include <vector>

#include <capnp/ez-rpc.h>
#include <gtest/gtest.h>

#include "schemas/api.capnp.h"
#include "tests/rpc/rpc_fixture.hpp"

namespace sb::rpc::test {
namespace {

using service::ErrorCode;

TEST_F(RpcFixture, WrongTokenGetsAClearError) {
  auto client = connect();
  auto session = client->authenticate("not-a-token");
  ASSERT_FALSE(session);
  EXPECT_EQ(session.error().code, ErrorCode::permission_denied);
  EXPECT_NE(session.error().message.find("unknown token"), std::string::npos);
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(RpcFixture, RepeatedWrongTokensAreRefusedOnThatConnection) {
  auto client = connect();
  for (int i = 0; i < kAuthFailuresPerConnectionMax; ++i) ASSERT_FALSE(client->authenticate("x"));
  auto session = client->authenticate(kAdminToken);
  ASSERT_FALSE(session);
  EXPECT_NE(session.error().message.find("too many"), std::string::npos);
}

// Straight capnp, no client library: the capability union holds exactly the role's capability.
TEST_F(RpcFixture, ChannelTokenGetsOnlyAChannel) {
  capnp::EzRpcClient raw("127.0.0.1", port_);
  auto gateway = raw.getMain<schema::api::Gateway>();
  auto request = gateway.authenticateRequest();
  request.setToken(kWebToken);
  auto response = request.send().wait(raw.getWaitScope());
  auto session = response.getResult().getOk();
  EXPECT_EQ(session.getRole(), schema::api::Role::CHANNEL);
  EXPECT_EQ(session.which(), schema::api::Session::CHANNEL);
  EXPECT_EQ(session.getChannelType(), schema::api::ChannelType::WEB);
}

TEST_F(RpcFixture, ChannelTokenCannotActAsAgentOrAdmin) {
  auto client = connect_as(kWebToken);
  auto login = client->login([](const AgentEvent&) {});
  ASSERT_FALSE(login);
  EXPECT_EQ(login.error().code, ErrorCode::permission_denied);
  EXPECT_FALSE(client->queues());
  EXPECT_TRUE(service_.calls().empty());
}

TEST_F(RpcFixture, AgentTokenIsBoundToItsAgent) {
  auto client = connect_as(kAliceToken);
  ASSERT_TRUE(client->reply("conv-1", "hello there"));
  ASSERT_TRUE(client->accept("conv-2"));
  ASSERT_TRUE(client->transfer("conv-2", "skill:billing", "refund question"));
  EXPECT_EQ(service_.calls(),
            (std::vector<std::string>{"reply alice conv-1 hello there", "accept alice conv-2",
                                      "transfer alice conv-2 skill:billing refund question"}));
  EXPECT_FALSE(client->deliver(web_message("u1", "m1", "hi")));
}

TEST_F(RpcFixture, BoundChannelTokenCannotDeliverOnAnotherChannel) {
  auto client = connect_as(kWebToken);
  auto message = web_message("u1", "m1", "hi");
  message.channel = Channel::sms;
  auto result = client->deliver(message);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::permission_denied);
  EXPECT_TRUE(service_.delivered().empty());
}

TEST_F(RpcFixture, DeliverReturnsTheServiceResult) {
  auto client = connect_as(kWebToken);
  auto result = client->deliver(web_message("u1", "m1", "where is my order"));
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->conversation_id, "conv-u1");
  EXPECT_EQ(result->customer_id, "cust-u1");
  EXPECT_FALSE(result->duplicate);
  ASSERT_TRUE(result->bot_reply.has_value());
  EXPECT_EQ(result->bot_reply->text, "echo: where is my order");
  EXPECT_EQ(result->bot_reply->kind, service::OutboundKind::bot_reply);
}

TEST_F(RpcFixture, RetriedMessageIdReachesTheServiceWithTheSameId) {
  auto client = connect_as(kWebToken);
  ASSERT_TRUE(client->deliver(web_message("u1", "m-42", "hi")));
  auto retry = client->deliver(web_message("u1", "m-42", "hi"));
  ASSERT_TRUE(retry);
  EXPECT_TRUE(retry->duplicate);
  const auto delivered = service_.delivered();
  ASSERT_EQ(delivered.size(), 2u);
  EXPECT_EQ(delivered[0].message_id, "m-42");
  EXPECT_EQ(delivered[1].message_id, "m-42");
  EXPECT_EQ(delivered[1].channel, Channel::web);
}

TEST_F(RpcFixture, BadInputIsRefusedAtTheEdge) {
  auto client = connect_as(kWebToken);
  auto expect_invalid = [&](const service::InboundMessage& message, const std::string& wanted) {
    auto result = client->deliver(message);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::invalid_argument);
    EXPECT_NE(result.error().message.find(wanted), std::string::npos) << result.error().message;
  };
  expect_invalid(web_message("u1", "m1", std::string(service::kTextBytesMax + 1, 'a')),
                 "the message text is 16385 bytes; the limit is 16384");
  expect_invalid(web_message("u1", "m1", "bad \xff byte"), "the message text is not valid UTF-8");
  expect_invalid(web_message("u1", "", "hi"), "the message id is empty");
  expect_invalid(web_message("", "m1", "hi"), "the channel user id is empty");
  expect_invalid(web_message("u1", std::string(service::kIdBytesMax + 1, 'x'), "hi"),
                 "the message id is 129 bytes");
  EXPECT_TRUE(service_.delivered().empty());
}

TEST_F(RpcFixture, BatchOverTheLimitIsRefusedWhole) {
  auto client = connect_as(kWebToken);
  std::vector<service::InboundMessage> batch(service::kDeliverBatchMax + 1,
                                             web_message("u1", "m", "hi"));
  auto result = client->deliver_batch(batch);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(result.error().message.find("the batch has 257 messages; the limit is 256"),
            std::string::npos);
  EXPECT_TRUE(service_.delivered().empty());
}

TEST_F(RpcFixture, BatchAnswersEachMessage) {
  auto client = connect_as(kWebToken);
  auto result =
      client->deliver_batch({web_message("u1", "m1", "hi"), web_message("u2", "", "no id"),
                             web_message("u3", "m3", "yo")});
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->size(), 3u);
  EXPECT_TRUE((*result)[0]);
  ASSERT_FALSE((*result)[1]);
  EXPECT_EQ((*result)[1].error().code, ErrorCode::invalid_argument);
  ASSERT_TRUE((*result)[2]);
  EXPECT_EQ((*result)[2]->conversation_id, "conv-u3");
  EXPECT_EQ(service_.delivered().size(), 2u);
}

TEST_F(RpcFixture, ServiceRejectionIsAResultWithCodeAndMessage) {
  service_.fail_with(
      service::ServiceError{ErrorCode::rejected, "the conversation is resolved", "wrong_phase"});
  auto client = connect_as(kAliceToken);
  auto result = client->resolve("conv-1");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::rejected);
  EXPECT_EQ(result.error().rejection, "wrong_phase");
  EXPECT_EQ(result.error().message, "the conversation is resolved");
}

TEST_F(RpcFixture, ServiceNotFoundIsAResult) {
  service_.fail_with(service::ServiceError{ErrorCode::not_found, "no ticket t-9", {}});
  auto client = connect_as(kAliceToken);
  auto result = client->ticket("t-9");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::not_found);
}

TEST_F(RpcFixture, ServiceUnavailableIsAnRpcException) {
  service_.fail_with(service::ServiceError{ErrorCode::unavailable, "storage failed", {}});
  auto client = connect_as(kWebToken);
  auto result = client->deliver(web_message("u1", "m1", "hi"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::unavailable);
  EXPECT_EQ(result.error().message, "unavailable: storage failed");
}

TEST_F(RpcFixture, ServiceUnavailableAsRawCapnpIsDisconnected) {
  service_.fail_with(service::ServiceError{ErrorCode::unavailable, "storage failed", {}});
  capnp::EzRpcClient raw("127.0.0.1", port_);
  auto request = raw.getMain<schema::api::Gateway>().authenticateRequest();
  request.setToken(kWebToken);
  auto channel = request.send().wait(raw.getWaitScope()).getResult().getOk().getChannel();
  auto deliver = channel.deliverRequest();
  auto message = deliver.initMessage();
  message.setChannelUserId("u1");
  message.setMessageId("m1");
  message.setText("hi");
  try {
    deliver.send().wait(raw.getWaitScope());
    FAIL() << "expected an exception";
  } catch (const kj::Exception& exception) {
    EXPECT_EQ(exception.getType(), kj::Exception::Type::DISCONNECTED);
  }
}

TEST_F(RpcFixture, ServiceOverloadedIsAnRpcException) {
  service_.fail_with(service::ServiceError{ErrorCode::overloaded, "too many commands", {}});
  auto client = connect_as(kAdminToken);
  auto result = client->queues();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::overloaded);
}

class BackpressureTest : public RpcFixture {
 protected:
  static constexpr std::size_t kLimit = 4;
  void SetUp() override {
    auto config = test_config();
    config.in_flight_calls_per_connection_max = kLimit;
    start(std::move(config));
  }
};

TEST_F(BackpressureTest, CallsOverTheInFlightLimitAreOverloaded) {
  auto client = connect_as(kWebToken);
  service_.hold_answers(true);
  std::vector<std::thread> callers;
  std::vector<int> answered(kLimit, 0);  // not vector<bool>: written from several threads
  for (std::size_t i = 0; i < kLimit; ++i) {
    callers.emplace_back([&, i] {
      answered[i] = static_cast<int>(static_cast<bool>(
          client->deliver(web_message("u" + std::to_string(i), "m" + std::to_string(i), "hi"))));
    });
  }
  ASSERT_TRUE(wait_until([&] { return service_.held() == kLimit; }));

  auto refused = client->deliver(web_message("u9", "m9", "hi"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::overloaded);
  EXPECT_NE(refused.error().message.find("the limit is 4"), std::string::npos);

  service_.release_held();
  for (auto& caller : callers) caller.join();
  for (int ok : answered) EXPECT_TRUE(ok);
  EXPECT_TRUE(client->deliver(web_message("u9", "m9", "hi")));  // budget given back
}

TEST_F(RpcFixture, AdminCallsReachTheService) {
  auto client = connect_as(kAdminToken);
  service::AgentSpec spec;
  spec.agent_id = "bob";
  spec.skills = {{"orders", 3}, {"billing", 2}};
  auto view = client->upsert_agent(spec);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->skills.at("billing"), 2);
  auto version = client->import_knowledge_base("{\"intent\":\"x\"}\n");
  ASSERT_TRUE(version);
  EXPECT_EQ(version->version, 7u);
  auto versions = client->knowledge_base_versions();
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[1].version, 7u);
  EXPECT_TRUE((*versions)[1].current);
  auto rolled_back = client->roll_back_knowledge_base(0);
  ASSERT_TRUE(rolled_back);
  EXPECT_EQ(rolled_back->version, 0u);
  EXPECT_EQ(rolled_back->intents, 60u);
  auto queues = client->queues();
  ASSERT_TRUE(queues);
  ASSERT_EQ(queues->size(), 1u);
  EXPECT_EQ((*queues)[0].skill, "orders");

  spec.skills = {{"orders", 9}};
  auto bad = client->upsert_agent(spec);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
}

TEST_F(RpcFixture, TicketsAndViewsRoundTrip) {
  auto client = connect_as(kAliceToken);
  service::TicketSpec spec;
  spec.subject = "refund";
  spec.fields = {{"order_no", "A-1"}};
  auto created = client->create_ticket(spec);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->fields.at("order_no"), "A-1");
  service::TicketUpdate update;
  update.ticket_id = "t-1";
  update.status = "resolved";
  auto updated = client->update_ticket(update);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->status, "resolved");
  auto timeline = client->customer_timeline("cust-1");
  ASSERT_TRUE(timeline);
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ((*timeline)[1].channel, Channel::email);
  auto found = client->search_customer_history("cust-1", "退款");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].conversation_id, "c1");
  EXPECT_EQ((*found)[0].line.text, "my refund for 退款");
  EXPECT_EQ((*found)[0].line.channel, Channel::app);
  for (const auto& bad : {std::string(257, 'x'), std::string("\xff\xfe"), std::string()}) {
    auto refused = client->search_customer_history("cust-1", bad);
    ASSERT_FALSE(refused) << "searching for " << bad.size() << " bytes";
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_argument);
  }
  auto merged = client->merge_customers("cust-1", "cust-2");
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->size(), 2u);
  EXPECT_TRUE(client->unmerge_customers("cust-1", "cust-2"));
  auto bad_merge = client->merge_customers("cust-1", "");
  ASSERT_FALSE(bad_merge);
  EXPECT_EQ(bad_merge.error().code, ErrorCode::invalid_argument);
  const auto calls = service_.calls();
  EXPECT_NE(std::find(calls.begin(), calls.end(), "merge alice cust-1 cust-2"), calls.end());
  auto suggestions = client->suggested_replies("conv-1");
  ASSERT_TRUE(suggestions);
  EXPECT_EQ((*suggestions)[0].text, "It ships today.");
  auto conversation = client->conversation("conv-1");
  ASSERT_TRUE(conversation);
  ASSERT_EQ(conversation->transcript.size(), 1u);
  EXPECT_EQ(conversation->transcript[0].text, "where is my order");
}

}  // namespace
}  // namespace sb::rpc::test
