// Sinks: pushes from non-KJ threads reach the client's capability; a client that goes away has its
// sinks dropped. And a clean shutdown.

#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/rpc/rpc_fixture.hpp"

namespace sb::rpc::test {
namespace {

// Collects what a handler receives on the client's RPC thread.
template <class T>
class Inbox {
 public:
  void add(const T& item) {
    std::lock_guard lock(mutex_);
    items_.push_back(item);
  }
  std::vector<T> items() const {
    std::lock_guard lock(mutex_);
    return items_;
  }
  std::size_t size() const { return items().size(); }

 private:
  mutable std::mutex mutex_;
  std::vector<T> items_;
};

service::OutboundMessage agent_reply(std::string text) {
  service::OutboundMessage message;
  message.kind = service::OutboundKind::agent_reply;
  message.conversation_id = "conv-u1";
  message.channel_user_id = "u1";
  message.message_id = "out-1";
  message.text = std::move(text);
  message.agent_name = "Alice";
  return message;
}

TEST_F(RpcFixture, ChannelPushFromAnotherThreadReachesTheSink) {
  auto client = connect_as(kWebToken);
  Inbox<service::OutboundMessage> received;
  ASSERT_TRUE(client->subscribe(std::nullopt, [&](const auto& m) { received.add(m); }));
  EXPECT_EQ(service_.calls(), std::vector<std::string>{"subscribe web"});

  std::thread caf_like([&] { service_.push_to_channels(agent_reply("hello from Alice")); });
  caf_like.join();
  ASSERT_TRUE(wait_until([&] { return received.size() == 1; }));
  const auto message = received.items()[0];
  EXPECT_EQ(message.kind, service::OutboundKind::agent_reply);
  EXPECT_EQ(message.text, "hello from Alice");
  EXPECT_EQ(message.agent_name, "Alice");
}

TEST_F(RpcFixture, ManyPushesArriveInOrder) {
  auto client = connect_as(kWebToken);
  Inbox<std::string> received;
  ASSERT_TRUE(client->subscribe(std::nullopt, [&](const auto& m) { received.add(m.text); }));
  constexpr int kPushes = 200;  // more than the in-flight window, less than the backlog
  std::thread caf_like([&] {
    for (int i = 0; i < kPushes; ++i) service_.push_to_channels(agent_reply(std::to_string(i)));
  });
  caf_like.join();
  ASSERT_TRUE(wait_until([&] { return received.size() == kPushes; }));
  const auto texts = received.items();
  for (int i = 0; i < kPushes; ++i) EXPECT_EQ(texts[i], std::to_string(i));
}

TEST_F(RpcFixture, AgentOfferFromAnotherThreadReachesTheDesk) {
  auto client = connect_as(kAliceToken);
  Inbox<AgentEvent> received;
  auto view = client->login([&](const AgentEvent& event) { received.add(event); });
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->agent_id, "alice");

  service::AgentOffer offer;
  offer.offer_id = "o-1";
  offer.conversation.conversation_id = "conv-9";
  offer.conversation.handoff = service::HandoffInfo{
      "refund", {{"order_no", "A-1"}}, {"vip"}, {"customer_asked"}, "wants a refund for A-1"};
  offer.customer_timeline = {{"conversation", "conv-3", Channel::app, "asked on the app", {}}};
  offer.customer_tier = "vip";
  std::thread caf_like([&] {
    service_.push_to_agent("alice", [&](service::AgentEventSink& sink) {
      sink.offer(offer);
      sink.notice("SLA warning on t-1");
    });
  });
  caf_like.join();
  ASSERT_TRUE(wait_until([&] { return received.size() == 2; }));
  const auto events = received.items();
  const auto* got = std::get_if<service::AgentOffer>(&events[0]);
  ASSERT_NE(got, nullptr);
  ASSERT_TRUE(got->conversation.handoff.has_value());
  EXPECT_EQ(got->conversation.handoff->summary, "wants a refund for A-1");
  EXPECT_EQ(got->conversation.handoff->slots.at("order_no"), "A-1");
  ASSERT_EQ(got->customer_timeline.size(), 1u);
  EXPECT_EQ(got->customer_timeline[0].channel, Channel::app);
  const auto* notice = std::get_if<Notice>(&events[1]);
  ASSERT_NE(notice, nullptr);
  EXPECT_EQ(notice->text, "SLA warning on t-1");
}

TEST_F(RpcFixture, DisconnectDropsTheClientsSinks) {
  auto channel = connect_as(kWebToken);
  ASSERT_TRUE(channel->subscribe(std::nullopt, [](const auto&) {}));
  auto desk = connect_as(kAliceToken);
  ASSERT_TRUE(desk->login([](const AgentEvent&) {}));
  auto stats = server_->stats();
  EXPECT_EQ(stats.channel_sinks, 1u);
  EXPECT_EQ(stats.agent_sinks, 1u);

  channel->disconnect();
  desk->disconnect();
  ASSERT_TRUE(wait_until([&] { return service_.unsubscribed().size() == 1; }));
  ASSERT_TRUE(wait_until([&] {
    const auto now = server_->stats();
    return now.channel_sinks == 0 && now.agent_sinks == 0 && now.connections == 0;
  }));
  // Pushes to a dropped sink go nowhere and harm nothing.
  service_.push_to_agent("alice", [](service::AgentEventSink& sink) { sink.notice("anyone?"); });
  EXPECT_EQ(server_->stats().agent_sinks, 0u);
}

TEST_F(RpcFixture, ClosedConnectionsAreForgotten) {
  for (int i = 0; i < 3; ++i) connect_as(kWebToken)->disconnect();
  EXPECT_TRUE(wait_until([&] { return server_->stats().connections == 0; }));
}

TEST_F(RpcFixture, StopAnswersCallsInFlightAsUnavailable) {
  auto client = connect_as(kWebToken);
  service_.hold_answers(true);
  Outcome<service::DeliverResult> result = unexpected(service::ServiceError{});
  std::thread caller([&] { result = client->deliver(web_message("u1", "m1", "hi")); });
  ASSERT_TRUE(wait_until([&] { return service_.held() == 1; }));
  server_->stop();  // waits the (short) drain timeout, then closes the connection
  caller.join();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, service::ErrorCode::unavailable);
  service_.release_held();  // a late answer for a call that is gone is harmless
}

}  // namespace
}  // namespace sb::rpc::test
