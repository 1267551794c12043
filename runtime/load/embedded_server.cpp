#include "runtime/load/embedded_server.hpp"

#include <random>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/scoped_actor.hpp>
#include <fmt/format.h>

#include "runtime/messages.hpp"
#include "runtime/node/settings.hpp"
#include "runtime/rpc/rpc_server.hpp"
#include "runtime/service/switchboard_node.hpp"

namespace sb::load {
namespace {

std::string random_token(const std::string& prefix) {
  std::random_device device;
  return fmt::format("{}{:08x}{:08x}", prefix, device(), device());
}

rpc::TokenGrant grant(rpc::Role role, std::string subject, const std::string& token) {
  return rpc::TokenGrant{role, std::move(subject), rpc::sha256_hex(token)};
}

}  // namespace

struct EmbeddedServer::State {
  caf::actor_system_config config;
  std::unique_ptr<caf::actor_system> system;
  std::unique_ptr<service::SwitchboardNode> node;
  std::unique_ptr<rpc::RpcServer> server;
  std::uint64_t seq_at_start = 0;
  bool stopped = false;
};

EmbeddedServer::EmbeddedServer() : state_(std::make_unique<State>()) {}

EmbeddedServer::~EmbeddedServer() { stop(); }

Expected<std::unique_ptr<EmbeddedServer>, std::string> EmbeddedServer::start(
    const EmbeddedServerOptions& options) {
  std::unique_ptr<EmbeddedServer> server(new EmbeddedServer());
  auto& s = *server->state_;
  runtime::apply_scheduler_defaults(s.config);
  if (options.worker_threads > 0) s.config.set("scheduler.max-threads", options.worker_threads);
  if (!options.scheduler_policy.empty())
    s.config.set("scheduler.policy", caf::atom_from_string(options.scheduler_policy));
  s.system = std::make_unique<caf::actor_system>(s.config);
  runtime::NodeSettings settings;
  settings.data_dir = options.data_dir;
  settings.durability = options.durability;
  settings.knowledge_base = options.knowledge_base;
  settings.sample_orders = options.sample_orders;
  settings.bot_model_dir = options.bot_model_dir;
  settings.conversation = options.conversation;
  auto node = service::SwitchboardNode::start(*s.system, settings,
                                              {options.knowledge_base, options.sample_orders});
  if (!node) return unexpected("cannot start the node: " + node.error());
  s.node = std::move(*node);
  s.seq_at_start = s.node->node().journal()->last_seq();

  server->tokens_ = {random_token("channel-"), random_token("admin-"),
                     random_token("agent-") + "-"};
  rpc::RpcServerConfig config;
  config.host = "127.0.0.1";
  config.port = 0;
  config.tokens.push_back(grant(rpc::Role::channel, "", server->tokens_.channel));
  config.tokens.push_back(grant(rpc::Role::admin, "", server->tokens_.admin));
  for (int i = 1; i <= options.agent_tokens; ++i) {
    const auto id = "a" + std::to_string(i);
    config.tokens.push_back(grant(rpc::Role::agent, id, server->tokens_.agent_prefix + id));
  }
  s.server = std::make_unique<rpc::RpcServer>(s.node->service(), std::move(config));
  auto port = s.server->start();
  if (!port) return unexpected("cannot listen: " + port.error());
  server->port_ = *port;
  return server;
}

service::SwitchboardNode& EmbeddedServer::node() { return *state_->node; }

LoadOptions EmbeddedServer::load_options(LoadOptions base) const {
  base.host = "127.0.0.1";
  base.port = port_;
  base.channel_token = tokens_.channel;
  base.admin_token = tokens_.admin;
  base.agents.token_prefix = tokens_.agent_prefix;
  return base;
}

nlohmann::json EmbeddedServer::counters() const {
  const auto& s = *state_;
  if (!s.node) return {};
  const auto stats = s.server->stats();
  const auto last_seq = s.node->node().journal()->last_seq();
  nlohmann::json counters{{"journal_events_written", last_seq - s.seq_at_start},
                          {"journal_last_seq", last_seq},
                          {"rpc_connections", stats.connections},
                          {"rpc_channel_sinks", stats.channel_sinks},
                          {"rpc_agent_sinks", stats.agent_sinks},
                          {"rpc_calls_in_flight", stats.calls_in_flight},
                          {"rpc_sink_events_dropped", stats.inbox_dropped}};
  // The writer's own figures; a stopped writer has none, and then they are left out (not zeros).
  caf::scoped_actor self{*s.system};
  self->request(s.node->node().journal_actors().writer, std::chrono::seconds(10),
                runtime::stats_atom::value)
      .receive(
          [&counters](runtime::JournalWriterStats& writer) {
            counters["journal_group_commits"] = writer.writes;
            counters["journal_appends"] = writer.appends;
            counters["journal_largest_group"] = writer.largest_group;
          },
          [](caf::error&) {});
  return counters;
}

void EmbeddedServer::stop() {
  auto& s = *state_;
  if (s.stopped) return;
  s.stopped = true;
  if (s.server) s.server->stop();
  if (s.node) s.node->shutdown();
  s.server.reset();
  s.node.reset();
  s.system.reset();
}

}  // namespace sb::load
