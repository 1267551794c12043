#pragma once
// A real RpcServer on 127.0.0.1 (port 0) over a FakeService, with one token per role.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "runtime/rpc/client.hpp"
#include "runtime/rpc/rpc_server.hpp"
#include "tests/rpc/fake_service.hpp"

namespace sb::rpc::test {

inline constexpr char kWebToken[] = "web-token";
inline constexpr char kAnyChannelToken[] = "any-channel-token";
inline constexpr char kAliceToken[] = "alice-token";
inline constexpr char kAdminToken[] = "admin-token";

// Polls `done` until it holds or `timeout` passes; true when it held.
inline bool wait_until(const std::function<bool()>& done,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

inline RpcServerConfig test_config() {
  RpcServerConfig config;
  config.port = 0;
  config.shutdown_drain_timeout = std::chrono::milliseconds(300);
  config.tokens = {
      {Role::channel, "web", sha256_hex(kWebToken)},
      {Role::channel, "", sha256_hex(kAnyChannelToken)},
      {Role::agent, "alice", sha256_hex(kAliceToken)},
      {Role::admin, "", sha256_hex(kAdminToken)},
  };
  return config;
}

class RpcFixture : public ::testing::Test {
 protected:
  void SetUp() override { start(test_config()); }

  void start(RpcServerConfig config) {
    server_ = std::make_unique<RpcServer>(service_, std::move(config));
    auto port = server_->start();
    ASSERT_TRUE(port) << port.error();
    port_ = *port;
  }

  std::unique_ptr<Client> connect() {
    auto client = Client::connect({.port = port_, .call_timeout = std::chrono::seconds(5)});
    EXPECT_TRUE(client) << client.error();
    return std::move(*client);
  }

  std::unique_ptr<Client> connect_as(const std::string& token) {
    auto client = connect();
    auto session = client->authenticate(token);
    EXPECT_TRUE(session) << session.error().message;
    return client;
  }

  FakeService service_;
  std::unique_ptr<RpcServer> server_;
  std::uint16_t port_ = 0;
};

inline service::InboundMessage web_message(std::string user, std::string id, std::string text) {
  service::InboundMessage message;
  message.channel = Channel::web;
  message.channel_user_id = std::move(user);
  message.message_id = std::move(id);
  message.text = std::move(text);
  return message;
}

}  // namespace sb::rpc::test
