#pragma once
// The node's application API: what channels, agent desks and administrators can do. The RPC
// edge (runtime/rpc), the terminal clients and tests all go through it; the implementation
// (SwitchboardService) turns each call into messages to entity actors.
//
// Threading: every method may be called from any thread and returns at once; the callback runs
// later on a CAF worker thread, exactly once. Sinks are called from CAF worker threads and must
// be thread-safe and quick (hand the data to your own thread, e.g. a KJ cross-thread fulfiller).
// Errors: domain rejections and bad input are ServiceError values with a precise message;
// nothing is ever acknowledged before its events are durable.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"
#include "runtime/bot/business_backend.hpp"

namespace sb::service {

// Named input limits, enforced by the service (the RPC edge may check them earlier).
inline constexpr std::size_t kDeliverBatchMax = 256;
inline constexpr std::size_t kTextBytesMax = 16 * 1024;  // = sb::kMessageTextBytesMax
inline constexpr std::size_t kIdBytesMax = 128;          // = sb::kIdBytesMax
inline constexpr std::size_t kKnowledgeBaseBytesMax = 16 * 1024 * 1024;

enum class ErrorCode : std::uint8_t {
  invalid_argument = 1,  // malformed input: oversized text, invalid UTF-8, empty id, bad enum
  not_found,             // unknown conversation, ticket, agent, customer
  rejected,              // a domain rule said no (illegal state transition ...); see `rejection`
  permission_denied,     // e.g. an agent acting on a conversation assigned to someone else
  overloaded,            // a named limit on in-flight work was reached: retry later
  unavailable,           // storage failed or the node is stopping: the outcome may be unknown
  internal,              // a bug
};
std::string_view to_string(ErrorCode code);

struct ServiceError {
  ErrorCode code = ErrorCode::internal;
  std::string message;    // a sentence for a person
  std::string rejection;  // the domain rejection code (e.g. "wrong_phase") when code == rejected
};

template <class T>
using Callback = std::function<void(Expected<T, ServiceError>)>;
struct Done {};  // success without a value

// ---- channels ---------------------------------------------------------------------------------
struct InboundMessage {
  Channel channel = Channel::web;
  std::string channel_user_id;  // web visitor id, app user id, WeChat openid, phone number, email ...
  std::string message_id;       // the channel's id: a retry with the same id returns the first result
  std::string text;
  std::string display_name;     // optional
  std::optional<Timestamp> sent_at;  // optional; the server stamps the receive time
  // Optional: the shop account the channel verified (a login, an OTP). Messages with the same
  // account id reach the same customer — one history across channels.
  std::string account_id;
};

enum class OutboundKind : std::uint8_t {
  bot_reply = 1,
  agent_reply = 2,
  queue_update = 3,  // position / estimated wait changed
  csat_prompt = 4,   // "please rate this conversation"
  system = 5,        // e.g. "an agent has joined"
};

struct OutboundMessage {
  OutboundKind kind = OutboundKind::bot_reply;
  std::string conversation_id;
  std::string customer_id;
  Channel channel = Channel::web;
  std::string channel_user_id;
  std::string message_id;  // unique; stable across retries
  std::string text;
  std::string agent_name;          // agent_reply
  std::uint32_t queue_position = 0;  // queue_update
  std::int64_t estimated_wait_ms = 0;
  Timestamp at{};
};

struct DeliverResult {
  std::string conversation_id;
  std::string customer_id;
  bool duplicate = false;                     // a retried message id: the first result again
  std::optional<OutboundMessage> bot_reply;   // when the bot answered this message
  bool handed_off = false;                    // the conversation is with (or waiting for) a person
  std::uint32_t queue_position = 0;           // when queued
};

class ChannelSink {
 public:
  virtual ~ChannelSink() = default;
  virtual void push(const OutboundMessage& message) = 0;
};

// ---- agent desks ------------------------------------------------------------------------------
enum class Presence : std::uint8_t { offline = 1, online = 2, away = 3 };

struct AgentSpec {
  std::string agent_id;
  std::string display_name;
  std::map<std::string, int> skills;  // skill group -> level 1..5
  std::vector<std::string> groups;
  int chat_capacity = 3;
  int email_capacity = 5;
};

struct AgentView {
  std::string agent_id;
  std::string display_name;
  Presence presence = Presence::offline;
  std::map<std::string, int> skills;
  std::vector<std::string> active_conversations;
  int chat_capacity = 0;
  int email_capacity = 0;
};

struct TranscriptLine {
  std::string author;  // "customer" | "bot" | "agent"
  std::string text;
  Channel channel = Channel::web;
  Timestamp at{};
};

// A line of a customer's history that matched a search.
struct HistoryMatch {
  std::string conversation_id;
  TranscriptLine line;
};
inline constexpr std::size_t kSearchQueryBytesMax = 256;
inline constexpr std::size_t kSearchConversationsMax = 50;  // the newest, of the merged timeline
inline constexpr std::size_t kSearchMatchesMax = 100;       // the newest matches

struct TimelineEntry {
  std::string kind;  // "conversation" | "ticket"
  std::string id;
  Channel channel = Channel::web;
  std::string summary;
  Timestamp at{};
};

struct HandoffInfo {
  std::string intent;
  std::map<std::string, std::string> slots;
  std::vector<std::string> tags;
  std::vector<std::string> reasons;  // e.g. "customer_asked"
  std::string summary;               // one line for the agent
};

struct ConversationView {
  std::string conversation_id;
  std::string customer_id;
  std::string phase;  // "bot" | "queued" | "offered" | "assigned" | "resolved" | "closed"
  Channel channel = Channel::web;
  std::string assigned_agent;
  std::string skill;
  std::vector<TranscriptLine> transcript;
  std::optional<HandoffInfo> handoff;
};

struct AgentOffer {
  std::string offer_id;
  ConversationView conversation;
  std::vector<TimelineEntry> customer_timeline;  // every channel, oldest first
  std::string customer_tier;
  std::string explanation;  // why this agent got it
  Timestamp expires_at{};
};

class AgentEventSink {
 public:
  virtual ~AgentEventSink() = default;
  virtual void offer(const AgentOffer& offer) = 0;
  virtual void offer_withdrawn(const std::string& conversation_id) = 0;
  virtual void customer_message(const std::string& conversation_id, const TranscriptLine& line) = 0;
  virtual void notice(const std::string& text) = 0;  // SLA warnings, escalations, transfers in
};

struct SuggestedReply {
  std::string intent;
  double confidence = 0;
  std::string text;
};

// ---- tickets ----------------------------------------------------------------------------------
struct TicketSpec {
  std::string conversation_id;  // optional: fields are extracted from it
  std::string customer_id;
  std::string subject;
  std::string description;
  std::string priority;  // "low" | "normal" | "high" | "urgent"; empty: from the intent
  std::map<std::string, std::string> fields;  // extra or corrected fields
};

struct TicketView {
  std::string ticket_id;
  std::string status;    // "new" | "open" | "pending_customer" | "resolved" | "closed"
  std::string priority;
  std::string assignee;
  std::string subject;
  std::map<std::string, std::string> fields;  // category, order_no, phone, email, product ...
  std::vector<std::string> notes;
  std::string customer_status_text;  // what the customer is told
  std::vector<std::string> sla;      // one line per clock, e.g. "first_response: due 14:05, warned"
  std::uint32_t escalation_level = 0;
};

struct TicketUpdate {
  std::string ticket_id;
  std::optional<std::string> status;    // "open" | "pending_customer" | "resolved" | "closed" | "reopen"
  std::optional<std::string> priority;
  std::optional<std::string> assignee;  // "agent:<id>" | "group:<name>"
  std::optional<std::string> note;
  std::map<std::string, std::string> fields;
};

// ---- administration ---------------------------------------------------------------------------
struct QueueSnapshot {
  std::string skill;
  std::uint32_t waiting = 0;
  std::uint32_t offered = 0;
  std::uint32_t agents_online = 0;
  std::uint32_t free_slots = 0;
  std::int64_t longest_wait_ms = 0;
  std::int64_t estimated_wait_ms = 0;
};

// One version of the knowledge base (0: the file shipped with the node).
struct KnowledgeBaseVersion {
  std::uint64_t version = 0;
  std::uint32_t intents = 0;
  std::uint32_t examples = 0;
  std::string sha256;  // of the JSONL content; empty for version 0
  std::uint64_t bytes = 0;
  std::string imported_by;
  Timestamp imported_at{};
  bool current = false;
};

// One SLA policy: the targets a ticket of `tier` × `priority` gets. Durations in milliseconds.
struct SlaPolicySpec {
  std::string tier;      // "new" | "regular" | "vip" | "enterprise"
  std::string priority;  // "low" | "normal" | "high" | "urgent"
  std::string name;      // for reports, e.g. "vip-urgent"
  std::int64_t first_response_ms = 0;
  std::int64_t next_reply_ms = 0;
  std::int64_t resolution_ms = 0;
  double warn_fraction = 0.8;    // warn when this share of a target has passed; (0, 1)
  std::string supervisor_group;  // escalations go to "group:<supervisor_group>"
  bool business_hours = false;   // listing only: the policy counts business hours (a calendar)
  bool configured = false;       // listing only: set by an administrator, else the node default
};

// How customers earn their tier (see actors/customer/customer_tier.hpp).
struct TierRulesSpec {
  std::int64_t regular_after_account_age_ms = 0;  // 0: rule off
  std::uint32_t regular_after_orders = 0;         // 0: rule off
  std::int64_t vip_after_spend_cents = 0;         // 0: VIP by flag only
  bool vip_by_flag = true;
  bool enterprise_by_flag = true;
  bool configured = false;  // reading only: set by an administrator, else the node default
};

// A skill group's routing options (router::RouterConfig). Durations in milliseconds.
struct SkillGroupSpec {
  std::string name;
  std::int64_t offer_timeout_ms = 30'000;
  std::int64_t sticky_window_ms = 30 * 60'000;
  std::int64_t relax_level_every_ms = 60'000;  // 0: never relax the required skill level
  int relaxed_level_min = 1;
  std::vector<std::string> overflow_groups;  // wider groups that take over after overflow_after
  std::int64_t overflow_after_ms = 120'000;
  std::uint32_t reserved_capacity_permille = 0;  // kept for reserved_tier_min and above
  std::string reserved_tier_min = "vip";
};

using SubscriptionId = std::uint64_t;

// The integrator's business systems as the bot asks them (an RPC client's BusinessBackend).
class IntegratorBackend {
 public:
  using Done = std::function<void(bot::BackendResult)>;
  virtual ~IntegratorBackend() = default;
  // Any thread; returns at once and calls `done` exactly once, on any thread (at once when the
  // backend cannot be reached). The service gives up waiting after kBackendLookupTimeout.
  virtual void lookup(bot::BackendQuery query, Done done) = 0;
};
inline constexpr auto kBackendLookupTimeout = std::chrono::seconds(2);

class ServiceApi {
 public:
  virtual ~ServiceApi() = default;

  // Channels.
  virtual void deliver(InboundMessage message, Callback<DeliverResult> done) = 0;
  virtual SubscriptionId subscribe_channel(Channel channel, std::shared_ptr<ChannelSink> sink) = 0;
  virtual void unsubscribe(SubscriptionId id) = 0;

  // Business backends: the newest registration answers the bot's lookups; with none, the
  // shipped sample backend does. `unregister` falls back to the one before.
  virtual SubscriptionId register_backend(std::shared_ptr<IntegratorBackend> backend) = 0;
  virtual void unregister_backend(SubscriptionId id) = 0;
  virtual void rate(std::string conversation_id, int score, std::string comment,
                    Callback<Done> done) = 0;

  // Agent desks. `agent_login` also registers the sink that receives offers.
  virtual void agent_login(std::string agent_id, std::shared_ptr<AgentEventSink> sink,
                           Callback<AgentView> done) = 0;
  virtual void set_presence(std::string agent_id, Presence presence, Callback<AgentView> done) = 0;
  // Goes offline (open conversations go back to the queue) and drops the agent's sink.
  virtual void agent_logout(std::string agent_id, Callback<AgentView> done) = 0;
  // The desk that registered `sink` is gone (its connection dropped). If `sink` is still the
  // agent's current one it is dropped and the agent goes offline, as on logout; a sink replaced
  // by a newer login is left alone.
  virtual void agent_desk_lost(std::string agent_id, std::shared_ptr<AgentEventSink> sink) = 0;
  virtual void accept_offer(std::string agent_id, std::string conversation_id,
                            Callback<ConversationView> done) = 0;
  virtual void decline_offer(std::string agent_id, std::string conversation_id,
                             Callback<Done> done) = 0;
  virtual void agent_reply(std::string agent_id, std::string conversation_id, std::string text,
                           Callback<Done> done) = 0;
  // `target` is "agent:<id>" or "skill:<group>".
  virtual void transfer(std::string agent_id, std::string conversation_id, std::string target,
                        std::string note, Callback<Done> done) = 0;
  virtual void resolve(std::string agent_id, std::string conversation_id, Callback<Done> done) = 0;
  virtual void conversation(std::string conversation_id, Callback<ConversationView> done) = 0;
  // Every conversation and ticket of the customer and of the customers merged into it, oldest
  // first; asked of an absorbed customer, its survivor's.
  virtual void customer_timeline(std::string customer_id,
                                 Callback<std::vector<TimelineEntry>> done) = 0;
  // Lines containing `query` (case-insensitive for Latin letters) in the customer's newest
  // kSearchConversationsMax conversations, merged customers included; oldest first, the newest
  // kSearchMatchesMax kept.
  virtual void search_customer_history(std::string customer_id, std::string query,
                                       Callback<std::vector<HistoryMatch>> done) = 0;
  // An agent saw that two customers are the same person: `absorbed_id` joins `survivor_id` (its
  // channels reach the survivor's conversations from now on); both histories stay where they
  // are and show as one timeline, returned. Repeating a merge that failed half-way completes it.
  virtual void merge_customers(std::string agent_id, std::string survivor_id,
                               std::string absorbed_id,
                               Callback<std::vector<TimelineEntry>> done) = 0;
  // Undoes a merge: both customers are on their own again, with the histories they had.
  virtual void unmerge_customers(std::string agent_id, std::string survivor_id,
                                 std::string absorbed_id, Callback<Done> done) = 0;
  virtual void suggested_replies(std::string conversation_id,
                                 Callback<std::vector<SuggestedReply>> done) = 0;

  // Tickets.
  virtual void create_ticket(std::string agent_id, TicketSpec spec, Callback<TicketView> done) = 0;
  virtual void update_ticket(std::string agent_id, TicketUpdate update,
                             Callback<TicketView> done) = 0;
  virtual void ticket(std::string ticket_id, Callback<TicketView> done) = 0;

  // Administration.
  virtual void upsert_agent(AgentSpec spec, Callback<AgentView> done) = 0;
  // A new version of the knowledge base (validated and trained before it is stored; the bot
  // answers from it once it is durable). Importing the current content again is `rejected`
  // ("unchanged").
  virtual void import_knowledge_base(std::string jsonl, Callback<KnowledgeBaseVersion> done) = 0;
  // Every version, oldest first (version 0 is the shipped file); `current` marks the one in use.
  virtual void knowledge_base_versions(Callback<std::vector<KnowledgeBaseVersion>> done) = 0;
  // Makes an earlier version current again (0: the shipped file). Nothing is deleted.
  virtual void roll_back_knowledge_base(std::uint64_t version, Callback<KnowledgeBaseVersion> done) = 0;
  virtual void queues(Callback<std::vector<QueueSnapshot>> done) = 0;
  // Node configuration, durable and applied at once: a new ticket takes the SLA policy in force
  // (open tickets keep theirs until their priority changes), a customer's tier is re-evaluated on
  // the next contact, a skill group's queue is rebuilt with its new options.
  virtual void sla_policies(Callback<std::vector<SlaPolicySpec>> done) = 0;
  virtual void set_sla_policy(SlaPolicySpec spec, Callback<SlaPolicySpec> done) = 0;
  // The node default applies again; not_found when none was configured.
  virtual void remove_sla_policy(std::string tier, std::string priority, Callback<Done> done) = 0;
  virtual void tier_rules(Callback<TierRulesSpec> done) = 0;
  virtual void set_tier_rules(TierRulesSpec rules, Callback<TierRulesSpec> done) = 0;
  // The defined groups; any other group routes with the node's defaults.
  virtual void skill_groups(Callback<std::vector<SkillGroupSpec>> done) = 0;
  virtual void define_skill_group(SkillGroupSpec spec, Callback<SkillGroupSpec> done) = 0;
  virtual void remove_skill_group(std::string name, Callback<Done> done) = 0;
};

}  // namespace sb::service
