#pragma once
// Assembles a whole switchboard node: journal and registry (runtime::Node), the entity factories,
// the bot from the knowledge-base file, the sample business backend, the routing desk, the sink
// hub, the service over them, and the live reporting feed (analytics and quality monitoring). The composition root and the end-to-end tests both use it.

#include <caf/actor_system.hpp>

#include <memory>
#include <string>

#include "actors/services/entity_services.hpp"
#include "runtime/node/node.hpp"
#include "runtime/reporting/projection_feed.hpp"
#include "runtime/service/knowledge_base_keeper.hpp"
#include "runtime/service/switchboard_service.hpp"

namespace sb::service {

struct BotFiles {
  std::string knowledge_base = "config/kb/default_kb.jsonl";
  std::string sample_orders = "config/kb/sample_orders.jsonl";
  // Optional: without it only the quality rules that need no configuration are checked.
  std::string quality_rules = "config/quality/rules.json";
};

class SwitchboardNode {
 public:
  static Expected<std::unique_ptr<SwitchboardNode>, std::string> start(
      caf::actor_system& system, const runtime::NodeSettings& settings, const BotFiles& files);
  ~SwitchboardNode();

  ServiceApi& service() { return *service_; }
  // Reports and live quality violations (the projection feed over this node's journal); hand it
  // to RpcServerConfig::reporting.
  reporting::LiveReporting& reporting() { return *reporting_; }
  runtime::Node& node() { return *node_; }
  void shutdown();

 private:
  SwitchboardNode() = default;
  caf::actor_system* system_ = nullptr;
  std::unique_ptr<runtime::Node> node_;
  std::shared_ptr<services::EntityServices> services_;
  std::shared_ptr<KnowledgeBaseKeeper> knowledge_base_;
  std::unique_ptr<SwitchboardService> service_;
  std::unique_ptr<reporting::LiveReporting> reporting_;
  bool stopped_ = false;
};

}  // namespace sb::service
