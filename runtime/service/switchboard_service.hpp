#pragma once
// ServiceApi over the node's actors: each call becomes a request to an entity (through the
// registry), the routing desk or the sink hub, and the callback runs when the reply arrives.

#include <atomic>
#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/configuration/configuration_model.hpp"
#include "actors/services/entity_services.hpp"
#include "actors/ticket/ticket_model.hpp"
#include "runtime/entity/request_deadlines.hpp"
#include "runtime/service/knowledge_base_keeper.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

// In-flight calls at most; beyond, calls fail with `overloaded` instead of queueing without bound.
inline constexpr std::size_t kInFlightCallsMax = 200'000;

class SwitchboardService final : public ServiceApi {
 public:
  SwitchboardService(caf::actor_system& system, caf::actor registry,
                     std::shared_ptr<services::EntityServices> services,
                     std::shared_ptr<KnowledgeBaseKeeper> knowledge_base,
                     std::shared_ptr<runtime::RequestDeadlines> deadlines = nullptr);
  ~SwitchboardService() override;  // drain()

  // Waits until no call is in flight (their callbacks use this object); false after a bounded
  // wait. The node calls it before it stops the actors the calls wait for.
  bool drain();

  void deliver(InboundMessage message, Callback<DeliverResult> done) override;
  SubscriptionId subscribe_channel(Channel channel, std::shared_ptr<ChannelSink> sink) override;
  void unsubscribe(SubscriptionId id) override;
  SubscriptionId register_backend(std::shared_ptr<IntegratorBackend> backend) override;
  void unregister_backend(SubscriptionId id) override;
  void rate(std::string conversation_id, int score, std::string comment, Callback<Done> done) override;
  void agent_login(std::string agent_id, std::shared_ptr<AgentEventSink> sink,
                   Callback<AgentView> done) override;
  void set_presence(std::string agent_id, Presence presence, Callback<AgentView> done) override;
  void agent_logout(std::string agent_id, Callback<AgentView> done) override;
  void agent_desk_lost(std::string agent_id, std::shared_ptr<AgentEventSink> sink) override;
  void accept_offer(std::string agent_id, std::string conversation_id,
                    Callback<ConversationView> done) override;
  void decline_offer(std::string agent_id, std::string conversation_id, Callback<Done> done) override;
  void agent_reply(std::string agent_id, std::string conversation_id, std::string text,
                   Callback<Done> done) override;
  void transfer(std::string agent_id, std::string conversation_id, std::string target,
                std::string note, Callback<Done> done) override;
  void resolve(std::string agent_id, std::string conversation_id, Callback<Done> done) override;
  void conversation(std::string conversation_id, Callback<ConversationView> done) override;
  void customer_timeline(std::string customer_id, Callback<std::vector<TimelineEntry>> done) override;
  void search_customer_history(std::string customer_id, std::string query,
                               Callback<std::vector<HistoryMatch>> done) override;
  void merge_customers(std::string agent_id, std::string survivor_id, std::string absorbed_id,
                       Callback<std::vector<TimelineEntry>> done) override;
  void unmerge_customers(std::string agent_id, std::string survivor_id, std::string absorbed_id,
                         Callback<Done> done) override;
  void suggested_replies(std::string conversation_id,
                         Callback<std::vector<SuggestedReply>> done) override;
  void create_ticket(std::string agent_id, TicketSpec spec, Callback<TicketView> done) override;
  void update_ticket(std::string agent_id, TicketUpdate update, Callback<TicketView> done) override;
  void ticket(std::string ticket_id, Callback<TicketView> done) override;
  void upsert_agent(AgentSpec spec, Callback<AgentView> done) override;
  void import_knowledge_base(std::string jsonl, Callback<KnowledgeBaseVersion> done) override;
  void knowledge_base_versions(Callback<std::vector<KnowledgeBaseVersion>> done) override;
  void roll_back_knowledge_base(std::uint64_t version, Callback<KnowledgeBaseVersion> done) override;
  void queues(Callback<std::vector<QueueSnapshot>> done) override;
  void sla_policies(Callback<std::vector<SlaPolicySpec>> done) override;
  void set_sla_policy(SlaPolicySpec spec, Callback<SlaPolicySpec> done) override;
  void remove_sla_policy(std::string tier, std::string priority, Callback<Done> done) override;
  void tier_rules(Callback<TierRulesSpec> done) override;
  void set_tier_rules(TierRulesSpec rules, Callback<TierRulesSpec> done) override;
  void skill_groups(Callback<std::vector<SkillGroupSpec>> done) override;
  void define_skill_group(SkillGroupSpec spec, Callback<SkillGroupSpec> done) override;
  void remove_skill_group(std::string name, Callback<Done> done) override;

  // The customer id a channel identity maps to ("acct:<id>" with an account, else
  // "<channel>:<user>").
  static std::string customer_id_for(const InboundMessage& message);

 private:
  // Sends `message` to `to` and hands the reply (or the error) to `on_reply` on a CAF thread.
  template <class Reply, class OnReply>
  void call(const caf::actor& to, caf::message message, OnReply on_reply);
  template <class D, class Value>
  void command(std::string entity_id, typename D::Command command, std::string command_id,
               Callback<Value> done, std::function<Value(const typename D::State&)> view);
  template <class D, class Value>
  void query(std::string entity_id, Callback<Value> done,
             std::function<Expected<Value, ServiceError>(const typename D::State&)> view);

  // A command to the node's configuration entity; its not_found rejection becomes not_found.
  template <class Value>
  void configure(configuration::Command command, Callback<Value> done,
                 std::function<Value(const configuration::State&)> view);

  void customer_saga(std::string survivor_id, std::string absorbed_id, caf::message message,
                     Callback<Done> done);
  void open_ticket(ticket::CreateTicket create, Callback<TicketView> done);
  void run_ticket_commands(std::string ticket_id, std::vector<ticket::Command> commands,
                           std::size_t next, Callback<TicketView> done);

  caf::actor_system& system_;
  caf::actor registry_;
  std::shared_ptr<services::EntityServices> services_;
  std::atomic<std::size_t> in_flight_{0};
  std::atomic<SubscriptionId> next_subscription_{1};
  std::shared_ptr<KnowledgeBaseKeeper> knowledge_base_;
  std::shared_ptr<runtime::RequestDeadlines> deadlines_;  // nullptr: CAF times the calls out
  std::atomic<std::uint64_t> reply_seq_{0};
  std::atomic<std::uint64_t> ticket_seq_{0};
};

}  // namespace sb::service
