#pragma once
// A real in-process node (RocksDB journal in a temp dir, the shipped KB and quality rules) and a
// scripted conversation: bot turn, handoff, an agent accepts, replies, resolves, the customer
// rates. Shared by the reporting tests.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "runtime/service/switchboard_node.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::reporting::test {

inline constexpr auto kWait = std::chrono::seconds(20);

inline std::string source_file(const std::string& relative) {
  return std::string(SB_SOURCE_DIR) + "/" + relative;
}

template <class T>
Expected<T, service::ServiceError> wait_for(std::function<void(service::Callback<T>)> start) {
  auto promise = std::make_shared<std::promise<Expected<T, service::ServiceError>>>();
  auto future = promise->get_future();
  start([promise](Expected<T, service::ServiceError> result) {
    promise->set_value(std::move(result));
  });
  if (future.wait_for(kWait) != std::future_status::ready) {
    return unexpected(service::ServiceError{service::ErrorCode::internal, "timed out", {}});
  }
  return future.get();
}

// Polls `done` until it holds or kWait passes.
inline bool eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + kWait;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// Remembers the conversations offered to the agent.
class OfferDesk final : public service::AgentEventSink {
 public:
  void offer(const service::AgentOffer& offer) override {
    std::lock_guard lock(mutex_);
    offered_.push_back(offer.conversation.conversation_id);
    changed_.notify_all();
  }
  void offer_withdrawn(const std::string&) override {}
  void customer_message(const std::string&, const service::TranscriptLine&) override {}
  void notice(const std::string&) override {}
  bool wait_offer(const std::string& conversation_id) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWait, [&] {
      return std::find(offered_.begin(), offered_.end(), conversation_id) != offered_.end();
    });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> offered_;
};

class NodeFixture : public ::testing::Test {
 protected:
  service::BotFiles files() const {
    service::BotFiles files;
    files.knowledge_base = source_file("config/kb/default_kb.jsonl");
    files.sample_orders = source_file("config/kb/sample_orders.jsonl");
    files.quality_rules = source_file("config/quality/rules.json");
    return files;
  }
  std::string data_dir() const { return dir_.str(); }

  void start_node() {
    config_ = std::make_unique<caf::actor_system_config>();
    config_->set("scheduler.max-threads", 2);
    system_ = std::make_unique<caf::actor_system>(*config_);
    runtime::NodeSettings settings;
    settings.data_dir = data_dir();
    settings.bot_model_dir = SB_TEST_BOT_MODEL_DIR;
    auto node = service::SwitchboardNode::start(*system_, settings, files());
    ASSERT_TRUE(node) << node.error();
    node_ = std::move(*node);
  }
  void stop_node() {
    node_.reset();
    system_.reset();
  }
  void TearDown() override { stop_node(); }

  service::ServiceApi& api() { return node_->service(); }

  Expected<service::DeliverResult, service::ServiceError> say(const std::string& user,
                                                              const std::string& id,
                                                              const std::string& text) {
    service::InboundMessage message;
    message.channel = Channel::web;
    message.channel_user_id = user;
    message.message_id = id;
    message.text = text;
    return wait_for<service::DeliverResult>([&](auto done) { api().deliver(message, done); });
  }

  void agent_online(const std::string& agent_id) {
    ASSERT_TRUE(wait_for<service::AgentView>([&](auto done) {
      api().upsert_agent(
          service::AgentSpec{agent_id, "Lin", {{"general", 3}, {"orders", 3}}, {}, 3, 3}, done);
    }));
    ASSERT_TRUE(
        wait_for<service::AgentView>([&](auto done) { api().agent_login(agent_id, desk_, done); }));
  }

  // A customer hands off to `agent_id` (online), who accepts and replies `reply`; returns the
  // conversation id.
  std::string handed_to_agent(const std::string& user, const std::string& agent_id,
                              const std::string& reply) {
    EXPECT_TRUE(say(user, user + "-1", "hello"));
    auto handoff = say(user, user + "-2", "转人工");
    EXPECT_TRUE(handoff && handoff->handed_off);
    if (!handoff) return {};
    const auto id = handoff->conversation_id;
    EXPECT_TRUE(desk_->wait_offer(id)) << "no offer for " << id;
    EXPECT_TRUE(wait_for<service::ConversationView>(
        [&](auto done) { api().accept_offer(agent_id, id, done); }));
    EXPECT_TRUE(
        wait_for<service::Done>([&](auto done) { api().agent_reply(agent_id, id, reply, done); }));
    return id;
  }

  void resolve_and_rate(const std::string& agent_id, const std::string& id, int score) {
    EXPECT_TRUE(wait_for<service::Done>([&](auto done) { api().resolve(agent_id, id, done); }));
    EXPECT_TRUE(wait_for<service::Done>([&](auto done) { api().rate(id, score, "", done); }));
  }

  // Two bot-only conversations and one with an agent whose reply carries a card number.
  void script_traffic() {
    ASSERT_TRUE(say("visitor-1", "v1-1", "我的订单到哪了"));
    ASSERT_TRUE(say("visitor-2", "v2-1", "how do I return an item"));
    agent_online("a-1");
    const auto id = handed_to_agent("visitor-3", "a-1", "您好，请把卡号 4111 1111 1111 1111 发我");
    ASSERT_FALSE(id.empty());
    resolve_and_rate("a-1", id, 4);
  }

  sb::testing::TempDir dir_;
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
  std::unique_ptr<service::SwitchboardNode> node_;
  std::shared_ptr<OfferDesk> desk_ = std::make_shared<OfferDesk>();
};

}  // namespace sb::reporting::test
