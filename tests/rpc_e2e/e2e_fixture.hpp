#pragma once
// The real thing on loopback: a SwitchboardNode (RocksDB in a temp dir, the shipped knowledge
// base) behind a real RpcServer on 127.0.0.1, reached only through the client library.
// Shared by every rpc_e2e test; the crash test drives the `switchboard` binary instead
// (server_process.hpp) but uses the same tokens, waiting and inbox helpers.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "tests/support/inbox.hpp"

#include "runtime/rpc/client.hpp"
#include "runtime/rpc/rpc_server.hpp"
#include "runtime/service/switchboard_node.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::e2e {

// Generous: a loaded 2-core machine fsyncs slowly, and nothing here waits this long when it works.
inline constexpr auto kWait = std::chrono::seconds(20);

inline constexpr char kChannelToken[] = "e2e-channel-token";  // any channel
inline constexpr char kAdminToken[] = "e2e-admin-token";
inline constexpr char kAgentToken[] = "e2e-agent-a1-token";
inline constexpr char kOtherAgentToken[] = "e2e-agent-a2-token";
inline constexpr char kAgentId[] = "a-1";
inline constexpr char kOtherAgentId[] = "a-2";

inline std::vector<rpc::TokenGrant> token_grants() {
  return {
      {rpc::Role::channel, "", rpc::sha256_hex(kChannelToken)},
      {rpc::Role::admin, "", rpc::sha256_hex(kAdminToken)},
      {rpc::Role::agent, kAgentId, rpc::sha256_hex(kAgentToken)},
      {rpc::Role::agent, kOtherAgentId, rpc::sha256_hex(kOtherAgentToken)},
  };
}

inline service::BotFiles shipped_bot_files() {
  return {std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl",
          std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl"};
}

// Polls `done` until it holds or `timeout` passes; true when it held.
inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds timeout = kWait) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

inline service::InboundMessage inbound(Channel channel, std::string user, std::string id,
                                       std::string text, std::string account = {}) {
  service::InboundMessage message;
  message.channel = channel;
  message.channel_user_id = std::move(user);
  message.message_id = std::move(id);
  message.text = std::move(text);
  message.account_id = std::move(account);
  return message;
}

template <class Item>
using Inbox = sb::testing::Inbox<Item>;

// Transcript lines by one author with one text: "exactly once" checks count these.
inline std::size_t count_lines(const service::ConversationView& view, const std::string& author,
                               const std::string& text) {
  std::size_t count = 0;
  for (const auto& line : view.transcript) count += line.author == author && line.text == text;
  return count;
}

class RpcE2eTest : public ::testing::Test {
 protected:
  void TearDown() override { stop_server(); }

  // A node and its RPC server over `dir_`; a second start after stop_server() reopens the same
  // data, as a restarted process would.
  void start_server() {
    config_ = std::make_unique<caf::actor_system_config>();
    config_->set("scheduler.max-threads", 2);
    system_ = std::make_unique<caf::actor_system>(*config_);
    runtime::NodeSettings settings;
    settings.data_dir = dir_.str();
    settings.bot_model_dir = SB_TEST_BOT_MODEL_DIR;
    auto node = service::SwitchboardNode::start(*system_, settings, shipped_bot_files());
    ASSERT_TRUE(node) << node.error();
    node_ = std::move(*node);
    rpc::RpcServerConfig config;
    config.port = 0;
    config.tokens = token_grants();
    config.shutdown_drain_timeout = std::chrono::seconds(2);
    server_ = std::make_unique<rpc::RpcServer>(node_->service(), std::move(config));
    auto port = server_->start();
    ASSERT_TRUE(port) << port.error();
    port_ = *port;
  }

  // The server goes first: the service must outlive it.
  void stop_server() {
    server_.reset();
    node_.reset();
    system_.reset();
  }

  std::unique_ptr<rpc::Client> connect() {
    auto client = rpc::Client::connect({.port = port_, .call_timeout = kWait});
    EXPECT_TRUE(client) << client.error();
    return client ? std::move(*client) : nullptr;
  }

  std::unique_ptr<rpc::Client> connect_as(const std::string& token) {
    auto client = connect();
    if (!client) return nullptr;
    auto session = client->authenticate(token);
    EXPECT_TRUE(session) << session.error().message;
    return client;
  }

  // Upserts `agent_id` through Admin with the skills a handoff needs, then logs in through the
  // agent's own desk with `events` as its sink.
  std::unique_ptr<rpc::Client> agent_desk(const std::string& token, const std::string& agent_id,
                                          Inbox<rpc::AgentEvent>& events) {
    auto admin = connect_as(kAdminToken);
    if (!admin) return nullptr;
    auto upserted = admin->upsert_agent(service::AgentSpec{
        agent_id, "Agent " + agent_id, {{"general", 3}, {"orders", 3}}, {}, 3, 3});
    EXPECT_TRUE(upserted) << upserted.error().message;
    auto desk = connect_as(token);
    if (!desk) return nullptr;
    auto online = desk->login([&events](const rpc::AgentEvent& event) { events.add(event); });
    EXPECT_TRUE(online) << online.error().message;
    if (online) {
      EXPECT_EQ(online->presence, service::Presence::online);
    }
    return desk;
  }

  // A channel client subscribed to `channel`, pushing what it receives into `inbox`.
  std::unique_ptr<rpc::Client> channel_client(Inbox<service::OutboundMessage>* inbox = nullptr,
                                              Channel channel = Channel::web) {
    auto client = connect_as(kChannelToken);
    if (!client || inbox == nullptr) return client;
    auto subscribed = client->subscribe(
        channel, [inbox](const service::OutboundMessage& message) { inbox->add(message); });
    EXPECT_TRUE(subscribed) << subscribed.error().message;
    return client;
  }

  sb::testing::TempDir dir_;
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
  std::unique_ptr<service::SwitchboardNode> node_;
  std::unique_ptr<rpc::RpcServer> server_;
  std::uint16_t port_ = 0;
};

}  // namespace sb::e2e
