#pragma once
// A real switchboard node for service-level tests (RocksDB journal in a temporary directory,
// entity actors, routing desk, the bot on the shipped knowledge base) and the recording sinks and
// blocking helpers the tests use to talk to its ServiceApi.

#include <functional>
#include <future>
#include <memory>
#include <string>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "runtime/service/switchboard_node.hpp"
#include "tests/support/inbox.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::service::testing {

inline constexpr auto kWait = std::chrono::seconds(20);

// Calls `start` with a callback and waits for it (a timeout is an `internal` error).
template <class T>
Expected<T, ServiceError> wait_for(std::function<void(Callback<T>)> start) {
  auto promise = std::make_shared<std::promise<Expected<T, ServiceError>>>();
  auto future = promise->get_future();
  start([promise](Expected<T, ServiceError> result) { promise->set_value(std::move(result)); });
  if (future.wait_for(kWait) != std::future_status::ready) {
    return unexpected(ServiceError{ErrorCode::internal, "timed out", {}});
  }
  return future.get();
}

template <class Item>
using Inbox = sb::testing::Inbox<Item>;

struct RecordingChannel : ChannelSink {
  Inbox<OutboundMessage> inbox;
  void push(const OutboundMessage& message) override { inbox.add(message); }
};

struct RecordingDesk : AgentEventSink {
  Inbox<AgentOffer> offers;
  Inbox<std::string> events;
  void offer(const AgentOffer& offer) override { offers.add(offer); }
  void offer_withdrawn(const std::string& id) override { events.add("withdrawn " + id); }
  void customer_message(const std::string& id, const TranscriptLine& line) override {
    events.add("said " + id + " " + line.text);
  }
  void notice(const std::string& text) override { events.add(text); }
};

class NodeFixture : public ::testing::Test {
 protected:
  // Starts (or restarts, on the same data directory) the node; `conversation` overrides the
  // defaults of how conversations wait and end.
  void start(runtime::ConversationSettings conversation = {}) {
    config_ = std::make_unique<caf::actor_system_config>();
    config_->set("scheduler.max-threads", 2);
    system_ = std::make_unique<caf::actor_system>(*config_);
    runtime::NodeSettings settings;
    settings.data_dir = dir_.str();
    settings.bot_model_dir = SB_TEST_BOT_MODEL_DIR;
    settings.conversation = std::move(conversation);
    settings.wake_scan_interval = wake_scan_interval_;
    BotFiles files{std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl",
                   std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl"};
    auto node = SwitchboardNode::start(*system_, settings, files);
    ASSERT_TRUE(node) << node.error();
    node_ = std::move(*node);
  }
  void stop() {
    node_.reset();
    system_.reset();
  }
  void TearDown() override { stop(); }

  ServiceApi& api() { return node_->service(); }

  Expected<DeliverResult, ServiceError> say(const std::string& user, const std::string& id,
                                            const std::string& text, Channel channel = Channel::web,
                                            const std::string& account = {}) {
    InboundMessage message;
    message.channel = channel;
    message.channel_user_id = user;
    message.message_id = id;
    message.text = text;
    message.account_id = account;
    return wait_for<DeliverResult>([&](auto done) { api().deliver(message, done); });
  }

  sb::testing::TempDir dir_;
  std::chrono::milliseconds wake_scan_interval_ = std::chrono::minutes(10);  // set before start()
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
  std::unique_ptr<SwitchboardNode> node_;
};

}  // namespace sb::service::testing
