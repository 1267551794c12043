#include "runtime/service/switchboard_node.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/agent/agent_actor.hpp"
#include "actors/configuration/configuration_actor.hpp"
#include "actors/conversation/conversation_actor.hpp"
#include "actors/customer/customer_actor.hpp"
#include "actors/knowledge_base/kb_actor.hpp"
#include "actors/router/routing_desk.hpp"
#include "actors/ticket/ticket_actor.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/sample_backend.hpp"
#include "runtime/service/backend_desk.hpp"
#include "runtime/messages.hpp"
#include "runtime/service/default_policies.hpp"
#include "runtime/service/live_configuration.hpp"
#include "runtime/service/sink_hub.hpp"

namespace sb::service {
namespace {

template <class Spawn>
runtime::EntityFactory factory(std::shared_ptr<const services::EntityServices> services, Spawn spawn) {
  return [services, spawn](caf::actor_system& system, const runtime::EntityKey& key,
                           runtime::EntityContext context) {
    return spawn(system, key, std::move(context), services);
  };
}

}  // namespace

Expected<std::unique_ptr<SwitchboardNode>, std::string> SwitchboardNode::start(
    caf::actor_system& system, const runtime::NodeSettings& settings, const BotFiles& files) {
  auto orders = bot::SampleBackend::load(files.sample_orders);
  if (!orders) return unexpected("sample orders " + files.sample_orders + ": " + orders.error().to_string());

  auto services = std::make_shared<services::EntityServices>();
  const auto& conversation = settings.conversation;
  services->conversation = services::ConversationPolicy{conversation.reopen_window, conversation.auto_close_after,
                                                        conversation.offer_timeout, conversation.queue_abandon_after,
                                                        conversation.bot_resolve_after, conversation.support_hours};
  services->backends = spawn_backend_desk(system, std::make_shared<const bot::SampleBackend>(std::move(*orders)));
  services->sla_policies = default_sla_policies();
  // What an administrator's configuration (the configuration entity) is laid over.
  ConfigurationDefaults defaults{default_sla_policies(), customer::TierRules{}, router::RouterConfig{}};
  defaults.router.offer_timeout = services->conversation.offer_timeout;
  std::shared_ptr<const services::EntityServices> shared = services;
  runtime::EntityFactories factories{
      {EntityKind::knowledge_base, knowledge_base::spawn_knowledge_base},
      {EntityKind::configuration,
       [services, defaults](caf::actor_system& system, const runtime::EntityKey& key, runtime::EntityContext context) {
         return configuration::spawn_configuration(
             system, key, std::move(context),
             [services, defaults](const configuration::State& state) { apply_configuration(state, defaults, *services); });
       }},
      {EntityKind::agent, factory(shared, agent::spawn_agent)},
      {EntityKind::customer,
       [shared, idle = settings.customer_idle_timeout](caf::actor_system& system, const runtime::EntityKey& key,
                                                       runtime::EntityContext context) {
         context.options.idle_timeout = idle;
         return customer::spawn_customer(system, key, std::move(context), shared);
       }},
      {EntityKind::conversation, factory(shared, conversation::spawn_conversation)},
      {EntityKind::ticket,
       [shared](caf::actor_system& system, const runtime::EntityKey& key, runtime::EntityContext context) {
         return ticket::spawn_ticket(system, key, std::move(context), shared, [] {
           return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
         });
       }},
  };
  auto node = runtime::Node::start(system, settings, std::move(factories));
  if (!node) return unexpected(node.error());

  // The bot answers from the current knowledge-base version: the log's, else the shipped file.
  // Its trained model is cached under the data directory: a start on a KB trained before loads it.
  auto models = settings.bot_model_dir.empty() ? KnowledgeBaseKeeper::model_store_in(settings.data_dir)
                                               : ModelStoreOption(bot::ModelStore(settings.bot_model_dir));
  auto bot = KnowledgeBaseKeeper::load_current(system, (*node)->registry(), files.knowledge_base, models);
  if (!bot) return unexpected(bot.error());
  services->bot = std::make_shared<services::BotHolder>(std::move(*bot));

  std::unique_ptr<SwitchboardNode> out(new SwitchboardNode());
  out->system_ = &system;
  out->knowledge_base_ = std::make_shared<KnowledgeBaseKeeper>(system, (*node)->registry(), services->bot,
                                                               files.knowledge_base, std::move(models));
  // No message reaches an entity before start() returns, so filling these in now is safe.
  services->sinks = spawn_sink_hub(system);
  router::RoutingDeskOptions desk_options;
  desk_options.defaults = defaults.router;
  services->routing = spawn_routing_desk(system, (*node)->registry(), services->sinks, desk_options);
  out->service_ = std::make_unique<SwitchboardService>(system, (*node)->registry(), services,
                                                       out->knowledge_base_, (*node)->deadlines());
  auto quality = reporting::load_quality_inputs({files.quality_rules, files.knowledge_base});
  for (const auto& warning : quality.warnings) spdlog::warn("reporting: {}", warning);
  // The quality monitor appends through the node's writer, like every entity.
  runtime::EntityContext monitor_context{(*node)->journal_actors().writer,
                                         (*node)->journal_actors().reader, caf::actor{},
                                         settings.entity};
  out->reporting_ = reporting::LiveReporting::start(system, (*node)->journal(),
                                                    std::move(monitor_context), std::move(quality));
  out->services_ = std::move(services);
  out->node_ = std::move(*node);
  // The administrator's configuration is in force before anyone is served.
  if (auto recovered = recover_configuration(system, out->node_->registry()); !recovered) {
    return unexpected(recovered.error());
  }
  out->node_->start_wake_scheduler();  // last: a woken entity needs everything above
  return out;
}

SwitchboardNode::~SwitchboardNode() { shutdown(); }

void SwitchboardNode::shutdown() {
  if (stopped_) return;
  stopped_ = true;
  if (reporting_) reporting_->stop();
  if (knowledge_base_) knowledge_base_->stop();
  if (service_ && !service_->drain()) spdlog::warn("service calls still in flight at shutdown");
  caf::anon_send(services_->routing, runtime::stop_atom::value);
  caf::anon_send(services_->sinks, runtime::stop_atom::value);
  caf::anon_send(services_->backends, runtime::stop_atom::value);
  node_->shutdown();
}

}  // namespace sb::service
