#pragma once
// A whole switchboard node in this process with its Cap'n Proto RPC server on a free loopback
// port, and tokens made up for this run (random, so nothing else on the machine can guess them).
// The demo, the end-to-end benchmark and the load tests drive it over real RPC like an external
// server.

#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/journal/durability.hpp"
#include "runtime/load/load_options.hpp"
#include "runtime/node/settings.hpp"

namespace sb::service {
class SwitchboardNode;
}

namespace sb::load {

struct EmbeddedServerOptions {
  std::string data_dir = "./data";
  runtime::DurabilityMode durability = runtime::DurabilityMode::sync;
  std::string knowledge_base = "config/kb/default_kb.jsonl";
  std::string sample_orders = "config/kb/sample_orders.jsonl";
  std::string bot_model_dir;  // empty: under data_dir
  runtime::ConversationSettings conversation;
  int worker_threads = 0;        // CAF scheduler threads; 0: the node default (one per core)
  std::string scheduler_policy;  // CAF's scheduler.policy: "stealing" or "sharing"; empty: CAF's default
  int agent_tokens = 32;   // grants for agents a1 .. aN
};

struct RunTokens {
  std::string channel;
  std::string admin;
  std::string agent_prefix;  // an agent's token is prefix + id
};

class EmbeddedServer {
 public:
  static Expected<std::unique_ptr<EmbeddedServer>, std::string> start(
      const EmbeddedServerOptions& options);
  ~EmbeddedServer();

  std::uint16_t port() const { return port_; }
  const RunTokens& tokens() const { return tokens_; }
  service::SwitchboardNode& node();
  // Load options pointing at this server with its tokens.
  LoadOptions load_options(LoadOptions base = {}) const;
  // The server's own counters: journal feed position, RPC connections and sinks.
  nlohmann::json counters() const;
  void stop();

 private:
  struct State;
  EmbeddedServer();
  std::unique_ptr<State> state_;
  std::uint16_t port_ = 0;
  RunTokens tokens_;
};

}  // namespace sb::load
