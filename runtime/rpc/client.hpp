#pragma once
// A small synchronous client for the switchboard RPC API, used by tests and the terminal clients.
// It runs its own KJ event loop on a private thread; every method blocks the caller until the
// answer arrives (or the call timeout passes); calls from several threads run concurrently.
// Sink handlers run on the client's RPC thread: keep them quick and thread-safe.
//
//   auto client = sb::rpc::Client::connect({.port = 7400});
//   (*client)->authenticate(token);
//   auto result = (*client)->deliver({...});

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/reporting/reporting_service.hpp"
#include "runtime/rpc/agent_event.hpp"
#include "runtime/rpc/limits.hpp"
#include "runtime/rpc/outcome.hpp"
#include "runtime/rpc/token_auth.hpp"

namespace sb::rpc {

struct ClientOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = kDefaultPort;
  std::chrono::milliseconds call_timeout{10'000};
};

struct Session {
  Role role = Role::channel;
  std::string principal;           // agent id; channel name for a bound channel token
  std::optional<Channel> channel;  // the bound channel, if any
};

class Client {
 public:
  using ChannelHandler = std::function<void(const service::OutboundMessage&)>;
  using AgentHandler = std::function<void(const AgentEvent&)>;
  using ViolationHandler = std::function<void(const quality::Violation&)>;

  // Connects (waits up to options.call_timeout). The error says why it could not.
  static Expected<std::unique_ptr<Client>, std::string> connect(const ClientOptions& options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Exchanges the token for the capabilities of its role; later calls use them.
  Outcome<Session> authenticate(const std::string& token);
  std::optional<Session> session() const;

  // Channel role. `message.channel` is ignored when the token is bound to a channel.
  Outcome<service::DeliverResult> deliver(const service::InboundMessage& message);
  Outcome<std::vector<Outcome<service::DeliverResult>>> deliver_batch(
      const std::vector<service::InboundMessage>& messages);
  Outcome<service::Done> rate(const std::string& conversation_id, int score,
                              const std::string& comment);
  // Receives outbound messages of `channel` (nullopt: the bound channel) until disconnect.
  Outcome<service::Done> subscribe(std::optional<Channel> channel, ChannelHandler handler);

  // Agent role (the agent is the token's).
  Outcome<service::AgentView> login(AgentHandler handler);
  Outcome<service::AgentView> set_presence(service::Presence presence);
  // Offline: open conversations queue again; no more offers reach this desk.
  Outcome<service::AgentView> logout();
  Outcome<service::ConversationView> accept(const std::string& conversation_id);
  Outcome<service::Done> decline(const std::string& conversation_id);
  Outcome<service::Done> reply(const std::string& conversation_id, const std::string& text);
  Outcome<service::Done> transfer(const std::string& conversation_id, const std::string& target,
                                  const std::string& note);
  Outcome<service::Done> resolve(const std::string& conversation_id);
  Outcome<service::ConversationView> conversation(const std::string& conversation_id);
  Outcome<service::TicketView> create_ticket(const service::TicketSpec& spec);
  Outcome<service::TicketView> update_ticket(const service::TicketUpdate& update);
  Outcome<service::TicketView> ticket(const std::string& ticket_id);
  Outcome<std::vector<service::TimelineEntry>> customer_timeline(const std::string& customer_id);
  Outcome<std::vector<service::TimelineEntry>> merge_customers(const std::string& survivor_id,
                                                               const std::string& absorbed_id);
  Outcome<std::vector<service::HistoryMatch>> search_customer_history(
      const std::string& customer_id, const std::string& query);
  Outcome<service::Done> unmerge_customers(const std::string& survivor_id,
                                           const std::string& absorbed_id);
  Outcome<std::vector<service::SuggestedReply>> suggested_replies(
      const std::string& conversation_id);

  // Admin role.
  // Registers `backend` (called on this client's RPC thread) for the bot's lookups, for as long
  // as this client is connected.
  Outcome<service::Done> register_business_backend(
      std::shared_ptr<const bot::BusinessBackend> backend);
  Outcome<service::AgentView> upsert_agent(const service::AgentSpec& spec);
  Outcome<service::KnowledgeBaseVersion> import_knowledge_base(const std::string& jsonl);
  Outcome<std::vector<service::KnowledgeBaseVersion>> knowledge_base_versions();
  Outcome<service::KnowledgeBaseVersion> roll_back_knowledge_base(std::uint64_t version);
  Outcome<std::vector<service::QueueSnapshot>> queues();
  // A report over the request's window and slice (JSON always; text and HTML on request).
  Outcome<reporting::RenderedReport> report(const reporting::ReportRequest& request);
  // Receives every quality violation found from now on until disconnect (the Supervisor
  // capability, reached through Admin).
  Outcome<service::Done> watch_violations(ViolationHandler handler);
  // Node configuration (durable, applied at once).
  Outcome<std::vector<service::SlaPolicySpec>> sla_policies();
  Outcome<service::SlaPolicySpec> set_sla_policy(const service::SlaPolicySpec& spec);
  Outcome<service::Done> remove_sla_policy(const std::string& tier, const std::string& priority);
  Outcome<service::TierRulesSpec> tier_rules();
  Outcome<service::TierRulesSpec> set_tier_rules(const service::TierRulesSpec& rules);
  Outcome<std::vector<service::SkillGroupSpec>> skill_groups();
  Outcome<service::SkillGroupSpec> define_skill_group(const service::SkillGroupSpec& spec);
  Outcome<service::Done> remove_skill_group(const std::string& name);

  // Closes the connection and stops the client's thread; later calls fail as unavailable.
  void disconnect();

 private:
  struct Loop;
  explicit Client(const ClientOptions& options);

  std::unique_ptr<Loop> loop_;
};

}  // namespace sb::rpc
