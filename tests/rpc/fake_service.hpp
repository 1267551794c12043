#pragma once
// A test double of ServiceApi for tests of the RPC edge: it records every call and answers
// deterministically from its own worker thread (as CAF workers would), or holds answers until
// the test releases them.

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "runtime/service/service_api.hpp"

namespace sb::rpc::test {

using namespace sb::service;

class FakeService final : public ServiceApi {
 public:
  FakeService();
  ~FakeService() override;

  // ---- knobs (any thread) ----
  void fail_with(std::optional<ServiceError> error);  // every later call answers with it
  void hold_answers(bool hold);                       // keep callbacks until release_held()
  void release_held();
  std::size_t held() const;

  // ---- what was asked (any thread) ----
  std::vector<InboundMessage> delivered() const;
  std::vector<std::string> calls() const;  // "method agent_id arg", in order
  std::set<SubscriptionId> unsubscribed() const;
  std::size_t subscriptions() const;
  bool agent_logged_in(const std::string& agent_id) const;
  // The newest registered business backend still held, or nullptr.
  std::shared_ptr<IntegratorBackend> backend() const;

  // ---- pushes, from a thread of the test's choosing ----
  void push_to_channels(const OutboundMessage& message);  // every live subscription
  void push_to_agent(const std::string& agent_id, const std::function<void(AgentEventSink&)>& push);

  // ServiceApi
  void deliver(InboundMessage message, Callback<DeliverResult> done) override;
  SubscriptionId subscribe_channel(Channel channel, std::shared_ptr<ChannelSink> sink) override;
  void unsubscribe(SubscriptionId id) override;
  SubscriptionId register_backend(std::shared_ptr<IntegratorBackend> backend) override;
  void unregister_backend(SubscriptionId id) override;
  void rate(std::string conversation_id, int score, std::string comment,
            Callback<Done> done) override;
  void agent_login(std::string agent_id, std::shared_ptr<AgentEventSink> sink,
                   Callback<AgentView> done) override;
  void set_presence(std::string agent_id, Presence presence, Callback<AgentView> done) override;
  void accept_offer(std::string agent_id, std::string conversation_id,
                    Callback<ConversationView> done) override;
  void decline_offer(std::string agent_id, std::string conversation_id,
                     Callback<Done> done) override;
  void agent_reply(std::string agent_id, std::string conversation_id, std::string text,
                   Callback<Done> done) override;
  void transfer(std::string agent_id, std::string conversation_id, std::string target,
                std::string note, Callback<Done> done) override;
  void resolve(std::string agent_id, std::string conversation_id, Callback<Done> done) override;
  void conversation(std::string conversation_id, Callback<ConversationView> done) override;
  void customer_timeline(std::string customer_id,
                         Callback<std::vector<TimelineEntry>> done) override;
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
  void agent_logout(std::string agent_id, Callback<AgentView> done) override;
  void agent_desk_lost(std::string agent_id, std::shared_ptr<AgentEventSink> sink) override;
  // The configuration calls echo what they were given (marked configured) and record it.
  void sla_policies(Callback<std::vector<SlaPolicySpec>> done) override;
  void set_sla_policy(SlaPolicySpec spec, Callback<SlaPolicySpec> done) override;
  void remove_sla_policy(std::string tier, std::string priority, Callback<Done> done) override;
  void tier_rules(Callback<TierRulesSpec> done) override;
  void set_tier_rules(TierRulesSpec rules, Callback<TierRulesSpec> done) override;
  void skill_groups(Callback<std::vector<SkillGroupSpec>> done) override;
  void define_skill_group(SkillGroupSpec spec, Callback<SkillGroupSpec> done) override;
  void remove_skill_group(std::string name, Callback<Done> done) override;

 private:
  void record(std::string call);
  // Answers `done` with `value` (or the configured error) on the worker thread.
  template <class T>
  void answer(Callback<T> done, T value);
  void post(std::function<void()> task);
  void work();

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::function<void()>> held_;
  bool hold_ = false;
  bool stopping_ = false;
  std::optional<ServiceError> error_;
  std::vector<InboundMessage> delivered_;
  std::set<std::string> seen_message_ids_;
  std::vector<std::string> calls_;
  std::map<SubscriptionId, std::shared_ptr<ChannelSink>> channel_sinks_;
  std::set<SubscriptionId> unsubscribed_;
  std::map<SubscriptionId, std::shared_ptr<IntegratorBackend>> backends_;
  SubscriptionId next_subscription_ = 1;
  std::map<std::string, std::shared_ptr<AgentEventSink>> agent_sinks_;
  std::thread worker_;  // last: started after everything it uses
};

}  // namespace sb::rpc::test
