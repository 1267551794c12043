#pragma once
// Conversation: one actor per conversation. Phases bot -> queued -> offered -> assigned ->
// resolved -> closed, reopened when the customer writes again within the reopen window.
// The bot is consulted by the actor BEFORE deciding; its outcome travels inside ReceiveMessage as
// plain data, so this core stays pure. Time arrives inside commands.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/text.hpp"
#include "actors/common/time.hpp"
#include "actors/router/router_model.hpp"

namespace sb::conversation {

// Newest messages kept in state (all authors); older ones are in the event log.
inline constexpr std::size_t kMessagesKept = 50;
inline constexpr std::size_t kSlotsMax = 32;
inline constexpr std::size_t kSlotValueBytesMax = 512;
inline constexpr std::size_t kTagsMax = 16;
inline constexpr std::size_t kHandoffReasonsMax = 8;  // one of each
inline constexpr std::size_t kCommentBytesMax = 2 * 1024;
inline constexpr std::uint8_t kScoreMin = 1;
inline constexpr std::uint8_t kScoreMax = 5;
inline constexpr Duration kReopenWindowDefault = std::chrono::hours(24);

// Values are persisted: only append.
enum class Phase : std::uint8_t {
  none = 0,  // no message yet
  bot = 1,
  queued = 2,  // handed off, waiting for a person
  offered = 3,
  assigned = 4,
  resolved = 5,
  closed = 6,
};
std::string_view to_string(Phase phase);

// ---- the bot's outcome (plain data; the bot itself lives in runtime/bot) --------------------
enum class BotAction : std::uint8_t { answer = 1, ask_slot = 2, handoff = 3 };
std::string_view to_string(BotAction action);

// Same values as sb::bot::HandoffReason (the runtime maps one to the other). Only append.
enum class HandoffReason : std::uint8_t {
  customer_asked = 1,
  low_confidence_twice = 2,
  negative_sentiment = 3,
  human_only_intent = 4,
  tier_policy = 5,
  backend_unavailable = 6,
  slot_attempts_exhausted = 7,
  turn_limit = 8,
};
std::string_view to_string(HandoffReason reason);

// The dialogue state the bot asks us to keep between turns. Opaque to this core: stored and
// handed back, never interpreted.
struct DialogueContext {
  std::string active_intent;
  std::map<std::string, std::string> slots;
  std::string awaited_slot;
  std::uint32_t slot_attempts = 0;
  std::uint32_t low_confidence_streak = 0;
  std::uint8_t language = 0;  // sb::bot::Language value; 0 when unknown
  std::uint32_t slot_failures = 0;
  std::uint32_t unanswered_turns = 0;
  std::uint32_t turn_count = 0;
  bool operator==(const DialogueContext&) const = default;
};

struct BotOutcome {
  BotAction action = BotAction::answer;
  std::string intent;
  double confidence = 0;   // 0..1
  std::string reply_text;  // required for answer and ask_slot; optional for handoff
  std::map<std::string, std::string> slots;    // filled so far
  std::vector<HandoffReason> handoff_reasons;  // non-empty exactly for handoff
  std::vector<std::string> tags;
  DialogueContext context;
  bool operator==(const BotOutcome&) const = default;
};

// Values are persisted: only append.
enum class Author : std::uint8_t { customer = 1, bot = 2, agent = 3 };
std::string_view to_string(Author author);

struct Message {
  std::string message_id;
  Author author = Author::customer;
  std::string author_id;  // the agent id for agent messages, else empty
  Channel channel = Channel::web;
  std::string text;
  Timestamp at;
  bool operator==(const Message&) const = default;
};

// Who asked for a person. Values are persisted: only append.
enum class Initiator : std::uint8_t { bot = 1, customer = 2, agent = 3, system = 4 };
std::string_view to_string(Initiator initiator);

enum class TargetKind : std::uint8_t { agent = 1, skill_group = 2 };
struct TransferTarget {
  TargetKind kind = TargetKind::skill_group;
  std::string id;
  bool operator==(const TransferTarget&) const = default;
};

// Values are persisted: only append.
enum class ReleaseReason : std::uint8_t { agent_offline = 1, agent_unavailable = 2 };
enum class CloseReason : std::uint8_t {
  auto_closed = 1,    // resolved and quiet for the auto-close delay
  customer_left = 2,  // abandoned before a resolution
  agent_closed = 3,
  system = 4,
};
// Why a conversation asked for a follow-up ticket. Values are persisted: only append.
enum class FollowUpReason : std::uint8_t {
  abandoned_in_queue = 1,  // the customer left while waiting for a person
  out_of_hours = 2,        // handed off outside the support hours
};
std::string_view to_string(ReleaseReason reason);
std::string_view to_string(CloseReason reason);
std::string_view to_string(FollowUpReason reason);

// ---- commands -------------------------------------------------------------------------------
// A customer message. The first one opens the conversation; on a resolved or closed one it
// reopens inside `reopen_window` (since the resolution, else the close) and is refused after it
// (the actor then starts a new conversation). `bot` must be set only while the bot has the
// conversation (see bot_has_turn) and never after a handoff.
struct ReceiveMessage {
  std::string message_id;  // the channel's id; unique within the kept window
  std::string customer_id;
  Channel channel = Channel::web;
  std::string text;
  Timestamp at;
  std::optional<BotOutcome> bot;
  Duration reopen_window = kReopenWindowDefault;
  bool operator==(const ReceiveMessage&) const = default;
};
// A handoff not decided by the bot: the customer pressed "talk to a person", an agent picked the
// conversation up from a monitor, or the system applied a policy.
struct RequestHandoff {
  Initiator initiator = Initiator::system;
  std::vector<HandoffReason> reasons;
  std::string skill_hint;  // may be empty
  Timestamp at;
  bool operator==(const RequestHandoff&) const = default;
};
// The router took the conversation into a skill queue.
struct Enqueue {
  std::string skill_group;
  Tier tier = Tier::regular;
  std::uint32_t position = 0;  // 1-based when known, 0 when not
  Timestamp at;
  bool operator==(const Enqueue&) const = default;
};
struct Offer {
  std::string agent_id;
  Timestamp expires_at;
  Timestamp at;
  bool operator==(const Offer&) const = default;
};
struct DeclineOffer {
  std::string agent_id;
  Timestamp at;
  bool operator==(const DeclineOffer&) const = default;
};
struct ExpireOffer {
  std::string agent_id;
  Timestamp at;
  bool operator==(const ExpireOffer&) const = default;
};
// The agent accepted (after an offer) or the router assigned directly from the queue.
struct Assign {
  std::string agent_id;
  router::AssignmentExplanation explanation;  // explanation.winner == agent_id
  Timestamp at;
  bool operator==(const Assign&) const = default;
};
struct ReplyAsAgent {
  std::string agent_id;
  std::string message_id;
  std::string text;
  Timestamp at;
  bool operator==(const ReplyAsAgent&) const = default;
};
struct Transfer {
  std::string agent_id;  // the assigned agent handing it over
  TransferTarget target;
  std::string note;
  Timestamp at;
  bool operator==(const Transfer&) const = default;
};
// The assigned agent went offline or became unavailable: back to the queue.
struct ReleaseFromAgent {
  std::string agent_id;
  ReleaseReason reason = ReleaseReason::agent_offline;
  Timestamp at;
  bool operator==(const ReleaseFromAgent&) const = default;
};
// By the assigned agent, or by the bot (agent_id empty) while the bot has the conversation.
struct Resolve {
  std::string agent_id;
  Timestamp at;
  bool operator==(const Resolve&) const = default;
};
struct Close {
  CloseReason reason = CloseReason::agent_closed;
  Timestamp at;
  bool operator==(const Close&) const = default;
};
struct Rate {
  std::uint8_t score = 0;  // CSAT 1..5
  std::string comment;
  Timestamp at;
  bool operator==(const Rate&) const = default;
};
// Sent by the actor's timer, armed at next_deadline(state, ...); emits what is due: an offer's
// expiry, a resolved conversation's auto-close, and — when queue_abandon_after > 0 — the close of
// a handed-off conversation whose customer has been silent that long while waiting, with a
// follow-up ticket so that a person still answers; when bot_resolve_after > 0, the resolution (by
// the bot) of a conversation the bot handles alone whose customer has been silent that long.
struct CheckTimers {
  Duration auto_close_after{0};
  Timestamp at;
  Duration queue_abandon_after{0};
  Duration bot_resolve_after{0};
  bool operator==(const CheckTimers&) const = default;
};
// A person must follow up by ticket (e.g. the handoff came outside the support hours). Accepted
// while the conversation waits for a person and no follow-up is pending.
struct RequestFollowUp {
  FollowUpReason reason = FollowUpReason::out_of_hours;
  Timestamp at;
  bool operator==(const RequestFollowUp&) const = default;
};
// The follow-up ticket `ordinal` exists now. Idempotent: a repeat changes nothing.
struct ConfirmFollowUp {
  std::uint32_t ordinal = 0;
  std::string ticket_id;
  Timestamp at;
  bool operator==(const ConfirmFollowUp&) const = default;
};

using Command =
    std::variant<ReceiveMessage, RequestHandoff, Enqueue, Offer, DeclineOffer, ExpireOffer, Assign,
                 ReplyAsAgent, Transfer, ReleaseFromAgent, Resolve, Close, Rate, CheckTimers,
                 RequestFollowUp, ConfirmFollowUp>;

// ---- events ---------------------------------------------------------------------------------
struct Opened {
  std::string customer_id;
  Channel channel = Channel::web;
  Timestamp at;
  bool operator==(const Opened&) const = default;
};
struct MessageReceived {
  std::string message_id;
  Channel channel = Channel::web;
  std::string text;
  Timestamp at;
  bool operator==(const MessageReceived&) const = default;
};
struct ChannelSwitched {
  Channel from = Channel::web;
  Channel to = Channel::web;
  Timestamp at;
  bool operator==(const ChannelSwitched&) const = default;
};
struct BotReplied {
  std::string message_id;  // "<customer message id>/bot"
  BotAction action = BotAction::answer;
  std::string intent;
  double confidence = 0;
  std::string text;
  std::map<std::string, std::string> slots;
  std::vector<std::string> tags;
  DialogueContext context;
  Timestamp at;
  bool operator==(const BotReplied&) const = default;
};
struct HandoffRequested {
  Initiator initiator = Initiator::bot;
  std::vector<HandoffReason> reasons;
  std::string intent;
  std::map<std::string, std::string> slots;
  std::vector<std::string> tags;
  std::string skill_hint;
  Timestamp at;
  bool operator==(const HandoffRequested&) const = default;
};
struct Queued {
  std::string skill_group;
  Tier tier = Tier::regular;
  std::uint32_t position = 0;
  Timestamp at;
  bool operator==(const Queued&) const = default;
};
struct Offered {
  std::string agent_id;
  Timestamp expires_at;
  Timestamp at;
  bool operator==(const Offered&) const = default;
};
struct OfferDeclined {
  std::string agent_id;
  Timestamp at;
  bool operator==(const OfferDeclined&) const = default;
};
struct OfferExpired {
  std::string agent_id;
  Timestamp at;
  bool operator==(const OfferExpired&) const = default;
};
struct Assigned {
  std::string agent_id;
  router::AssignmentExplanation explanation;
  Timestamp at;
  bool operator==(const Assigned&) const = default;
};
struct AgentReplied {
  std::string agent_id;
  std::string message_id;
  std::string text;
  Timestamp at;
  bool operator==(const AgentReplied&) const = default;
};
struct Transferred {
  std::string from_agent_id;
  TransferTarget target;
  std::string note;
  Timestamp at;
  bool operator==(const Transferred&) const = default;
};
struct ReleasedFromAgent {
  std::string agent_id;
  ReleaseReason reason = ReleaseReason::agent_offline;
  Timestamp at;
  bool operator==(const ReleasedFromAgent&) const = default;
};
struct Resolved {
  std::string by_agent_id;  // empty: resolved by the bot
  Timestamp at;
  bool operator==(const Resolved&) const = default;
};
struct Closed {
  CloseReason reason = CloseReason::agent_closed;
  Timestamp at;
  bool operator==(const Closed&) const = default;
};
struct Reopened {
  Phase from = Phase::resolved;
  Timestamp at;
  bool operator==(const Reopened&) const = default;
};
struct RatedByCustomer {
  std::uint8_t score = 0;
  std::string comment;
  Timestamp at;
  bool operator==(const RatedByCustomer&) const = default;
};

// A follow-up ticket is to be opened; `ordinal` (1, 2, ...) names it, so the actor derives the
// same ticket id every time it (re)tries.
struct FollowUpRequested {
  std::uint32_t ordinal = 0;
  FollowUpReason reason = FollowUpReason::abandoned_in_queue;
  Timestamp at;
  bool operator==(const FollowUpRequested&) const = default;
};
struct FollowUpOpened {
  std::uint32_t ordinal = 0;
  std::string ticket_id;
  Timestamp at;
  bool operator==(const FollowUpOpened&) const = default;
};

using Event =
    std::variant<Opened, MessageReceived, ChannelSwitched, BotReplied, HandoffRequested, Queued,
                 Offered, OfferDeclined, OfferExpired, Assigned, AgentReplied, Transferred,
                 ReleasedFromAgent, Resolved, Closed, Reopened, RatedByCustomer, FollowUpRequested,
                 FollowUpOpened>;

// ---- state ----------------------------------------------------------------------------------
struct Handoff {
  Initiator initiator = Initiator::bot;
  std::vector<HandoffReason> reasons;
  std::string intent;
  std::map<std::string, std::string> slots;
  std::string skill_hint;
  Timestamp at;
  bool operator==(const Handoff&) const = default;
};
struct QueueEntry {
  std::string skill_group;
  Tier tier = Tier::regular;
  std::uint32_t position = 0;
  Timestamp enqueued_at;
  bool operator==(const QueueEntry&) const = default;
};
struct PendingOffer {
  std::string agent_id;
  Timestamp offered_at;
  Timestamp expires_at;
  bool operator==(const PendingOffer&) const = default;
};
struct Assignment {
  std::string agent_id;
  router::AssignmentExplanation explanation;
  Timestamp at;
  bool operator==(const Assignment&) const = default;
};
struct Rating {
  std::uint8_t score = 0;
  std::string comment;
  Timestamp at;
  bool operator==(const Rating&) const = default;
};

struct State {
  Phase phase = Phase::none;
  std::string customer_id;
  Channel channel = Channel::web;  // the channel the customer wrote on last
  Timestamp opened_at;
  Timestamp last_activity_at;
  std::vector<Message> messages;  // oldest first, at most kMessagesKept
  std::uint64_t messages_total = 0;
  DialogueContext bot_context;
  std::string intent;                        // the bot's last recognized intent
  std::map<std::string, std::string> slots;  // filled so far
  std::vector<std::string> tags;             // union over the conversation, at most kTagsMax
  std::optional<Handoff> handoff;            // set once; the bot is silent from then on
  std::optional<QueueEntry> queue;           // while queued or offered
  std::optional<PendingOffer> offer;         // exactly while offered
  std::optional<Assignment> assignment;      // exactly while assigned
  std::string last_agent_id;                 // the last agent assigned (for sticky routing)
  std::optional<Transferred> transfer;       // the last transfer, until someone is assigned
  std::optional<Resolved> resolution;        // the last resolution
  std::optional<Closed> closing;             // the last close
  std::optional<Rating> rating;              // once per conversation
  std::uint32_t reopen_count = 0;
  std::uint32_t follow_ups = 0;                   // follow-up tickets requested so far
  std::optional<FollowUpRequested> follow_up;     // requested and not yet confirmed open
  std::vector<std::string> follow_up_tickets;     // the ids of those opened, oldest first
  bool operator==(const State&) const = default;
};

enum class Rejection : std::uint8_t {
  not_started = 1,
  wrong_phase,
  wrong_customer,
  invalid_field,
  invalid_utf8,
  text_too_long,
  duplicate_message,
  bot_silenced,  // a bot outcome after the handoff
  not_assigned_agent,
  not_offered_agent,
  already_handed_off,
  outside_reopen_window,
  already_rated,
  not_resolved,
  not_due,
  transfer_to_self,
  already_queued,
  follow_up_pending,
};
std::string_view to_string(Rejection rejection);

}  // namespace sb::conversation
