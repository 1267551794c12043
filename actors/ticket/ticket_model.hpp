#pragma once
// Ticket: one actor per ticket. Commands, events, state and rejections of the pure core.
// Lifecycle: new -> open -> pending_customer -> resolved -> closed; resolved -> open (reopen).
// SLA clocks: see sla_model.hpp. Time arrives in commands only.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/text.hpp"
#include "actors/common/time.hpp"
#include "actors/ticket/sla_model.hpp"

namespace sb::ticket {

inline constexpr std::size_t kSubjectBytesMax = 512;
inline constexpr std::size_t kDescriptionBytesMax = kMessageTextBytesMax;
inline constexpr std::size_t kSummaryBytesMax = kNoteBytesMax;  // resolution summary, reopen reason
inline constexpr std::size_t kNotesMax = 200;
inline constexpr std::size_t kFieldBytesMax = 256;  // category, product
inline constexpr std::size_t kOrderNumberBytesMax = 64;
inline constexpr std::size_t kPhoneBytesMax = 32;
inline constexpr std::size_t kPhoneDigitsMin = 3;
inline constexpr std::size_t kPhoneDigitsMax = 20;
inline constexpr std::size_t kEmailBytesMax = 254;
// Commands outside [2000-01-01, 2200-01-01) UTC are refused: they are bugs, and the bound keeps
// business-time scans short.
inline constexpr Timestamp kEarliestTime = from_unix_ms(946'684'800'000);
inline constexpr Timestamp kLatestTime = from_unix_ms(7'258'118'400'000);

// Values are persisted: only append.
enum class Status : std::uint8_t {
  none = 0,  // not created yet
  new_ticket = 1,
  open = 2,
  pending_customer = 3,
  resolved = 4,
  closed = 5,
};

// Who or what created the ticket. Values are persisted: only append.
enum class TicketSource : std::uint8_t {
  agent = 1,
  bot = 2,
  unresolved_conversation = 3,  // a conversation ended without a resolution
  out_of_hours = 4,             // a conversation arrived while no agent was working
};

// Where a field value came from, so the desk can mark what the agent should double-check.
enum class FieldSource : std::uint8_t { extracted = 1, agent = 2, customer = 3 };

struct FieldValue {
  std::string value;
  FieldSource source = FieldSource::agent;
  bool operator==(const FieldValue&) const = default;
};

// In state: the current values. In a command or FieldsUpdated: only the fields to change; a
// present value with empty text clears that field.
struct Fields {
  std::optional<FieldValue> category;  // from the bot's intent
  std::optional<FieldValue> order_number;
  std::optional<FieldValue> phone;
  std::optional<FieldValue> email;
  std::optional<FieldValue> product;
  bool operator==(const Fields&) const = default;
};

struct Note {
  std::string author_id;
  std::string text;
  Timestamp at;
  bool operator==(const Note&) const = default;
};

// ---- commands -------------------------------------------------------------------------------
// Agent ids, `by` and `author_id` are ids (see check_id). Assignees are "agent:<id>" or
// "group:<id>".

struct CreateTicket {
  std::string ticket_id;
  std::string customer_id;
  std::string conversation_id;  // empty when an agent opened it without a conversation
  Channel channel = Channel::web;
  Tier tier = Tier::regular;
  Priority priority = Priority::normal;
  TicketSource source = TicketSource::agent;
  std::string created_by;
  std::string subject;
  std::string description;  // may be empty
  Fields fields;
  SlaPolicyTable sla_policies;
  Timestamp at;
  bool operator==(const CreateTicket&) const = default;
};
struct UpdateFields {
  Fields fields;
  std::string by;
  Timestamp at;
  bool operator==(const UpdateFields&) const = default;
};
struct AssignTicket {
  std::string assignee;
  std::string by;
  Timestamp at;
  bool operator==(const AssignTicket&) const = default;
};
// An agent answered the customer (on any channel); stops first_response and next_reply.
struct RecordAgentReply {
  std::string agent_id;
  Timestamp at;
  bool operator==(const RecordAgentReply&) const = default;
};
// The customer wrote; leaves pending_customer, reopens a resolved ticket, starts next_reply.
struct RecordCustomerReply {
  Timestamp at;
  bool operator==(const RecordCustomerReply&) const = default;
};
struct MarkPendingCustomer {
  std::string by;
  Timestamp at;
  bool operator==(const MarkPendingCustomer&) const = default;
};
// Back to open from pending_customer without a customer reply (e.g. the customer phoned).
struct ResumeTicket {
  std::string by;
  Timestamp at;
  bool operator==(const ResumeTicket&) const = default;
};
struct AddNote {
  std::string author_id;
  std::string text;
  Timestamp at;
  bool operator==(const AddNote&) const = default;
};
// Also re-picks the SLA policy for tier × new priority from the table.
struct ChangePriority {
  Priority priority = Priority::normal;
  std::string by;
  SlaPolicyTable sla_policies;
  Timestamp at;
  bool operator==(const ChangePriority&) const = default;
};
// Re-picks the policy for `tier` × current priority (the customer's tier changed, or the table
// did). Keeps the time already counted on every clock.
struct ChangeSlaPolicy {
  Tier tier = Tier::regular;
  SlaPolicyTable sla_policies;
  Timestamp at;
  bool operator==(const ChangeSlaPolicy&) const = default;
};
struct ResolveTicket {
  std::string by;
  std::string summary;
  Timestamp at;
  bool operator==(const ResolveTicket&) const = default;
};
struct ReopenTicket {
  std::string by;
  std::string reason;
  Timestamp at;
  bool operator==(const ReopenTicket&) const = default;
};
struct CloseTicket {
  std::string by;
  Timestamp at;
  bool operator==(const CloseTicket&) const = default;
};
// Sent by the actor's timer (armed at next_deadline(state)); emits every due SLA event.
struct CheckSla {
  Timestamp at;
  bool operator==(const CheckSla&) const = default;
};

using Command =
    std::variant<CreateTicket, UpdateFields, AssignTicket, RecordAgentReply, RecordCustomerReply,
                 MarkPendingCustomer, ResumeTicket, AddNote, ChangePriority, ChangeSlaPolicy,
                 ResolveTicket, ReopenTicket, CloseTicket, CheckSla>;

// ---- events ---------------------------------------------------------------------------------
// Events that stop, pause or re-base clocks carry `elapsed`: every clock's business time at `at`,
// computed by decide. evolve copies it instead of recomputing, so replay never depends on the
// calendar code of the day.

struct TicketCreated {
  std::string ticket_id;
  std::string customer_id;
  std::string conversation_id;
  Channel channel = Channel::web;
  Tier tier = Tier::regular;
  Priority priority = Priority::normal;
  TicketSource source = TicketSource::agent;
  std::string created_by;
  std::string subject;
  std::string description;
  Fields fields;
  SlaPolicy policy;  // the entry picked for tier × priority
  Timestamp at;
  bool operator==(const TicketCreated&) const = default;
};
struct FieldsUpdated {
  Fields fields;  // only the fields that change
  std::string by;
  Timestamp at;
  bool operator==(const FieldsUpdated&) const = default;
};
struct TicketAssigned {
  std::string assignee;
  std::string by;
  Timestamp at;
  bool operator==(const TicketAssigned&) const = default;
};
// new -> open, open -> pending_customer, pending_customer -> open.
struct StatusChanged {
  Status to = Status::open;
  std::string by;
  ClockDurations elapsed{};
  Timestamp at;
  bool operator==(const StatusChanged&) const = default;
};
struct AgentReplied {
  std::string agent_id;
  ClockDurations elapsed{};
  Timestamp at;
  bool operator==(const AgentReplied&) const = default;
};
struct CustomerReplied {
  Timestamp at;
  bool operator==(const CustomerReplied&) const = default;
};
struct NoteAdded {
  std::string author_id;
  std::string text;
  Timestamp at;
  bool operator==(const NoteAdded&) const = default;
};
struct PriorityChanged {
  Priority priority = Priority::normal;
  std::string by;
  Timestamp at;
  bool operator==(const PriorityChanged&) const = default;
};
struct SlaPolicyChanged {
  Tier tier = Tier::regular;
  SlaPolicy policy;
  ClockDurations elapsed{};
  Timestamp at;
  bool operator==(const SlaPolicyChanged&) const = default;
};
struct SlaWarned {
  SlaClockKind clock = SlaClockKind::first_response;
  std::uint32_t cycle = 0;
  Duration target{0};
  Duration elapsed{0};  // at `at`, when it was noticed
  Timestamp due_at;     // when the warning fell due
  Timestamp at;
  bool operator==(const SlaWarned&) const = default;
};
struct SlaBreached {
  SlaClockKind clock = SlaClockKind::first_response;
  std::uint32_t cycle = 0;
  Duration target{0};
  Duration elapsed{0};
  Timestamp due_at;
  Timestamp at;
  bool operator==(const SlaBreached&) const = default;
};
// Follows each SlaBreached: one level up, priority one step up (capped), reassigned.
struct Escalated {
  std::uint32_t level = 0;
  Priority priority = Priority::normal;
  std::string assignee;
  SlaClockKind clock = SlaClockKind::first_response;  // the breach that caused it
  Timestamp at;
  bool operator==(const Escalated&) const = default;
};
struct TicketResolved {
  std::string by;
  std::string summary;
  ClockDurations elapsed{};
  Timestamp at;
  bool operator==(const TicketResolved&) const = default;
};
struct TicketReopened {
  std::string by;
  std::string reason;
  Timestamp at;
  bool operator==(const TicketReopened&) const = default;
};
struct TicketClosed {
  std::string by;
  Timestamp at;
  bool operator==(const TicketClosed&) const = default;
};

using Event =
    std::variant<TicketCreated, FieldsUpdated, TicketAssigned, StatusChanged, AgentReplied,
                 CustomerReplied, NoteAdded, PriorityChanged, SlaPolicyChanged, SlaWarned,
                 SlaBreached, Escalated, TicketResolved, TicketReopened, TicketClosed>;

// ---- state ----------------------------------------------------------------------------------

struct State {
  Status status = Status::none;
  std::string ticket_id;
  std::string customer_id;
  std::string conversation_id;
  Channel channel = Channel::web;
  Tier tier = Tier::regular;
  Priority priority = Priority::normal;
  TicketSource source = TicketSource::agent;
  std::string created_by;
  std::string subject;
  std::string description;
  Fields fields;
  std::string assignee;     // empty: unassigned
  std::vector<Note> notes;  // at most kNotesMax
  SlaPolicy policy;
  SlaClocks clocks{};
  std::uint32_t escalation_level = 0;
  std::uint32_t breach_count = 0;
  std::uint32_t reopen_count = 0;
  std::string resolution_summary;  // of the current resolution; cleared on reopen
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Timestamp> first_response_at;
  std::optional<Timestamp> resolved_at;  // of the current resolution
  std::optional<Timestamp> closed_at;
  bool operator==(const State&) const = default;
};

// Values are sent to clients: only append.
enum class Rejection : std::uint8_t {
  not_created = 1,
  already_created = 2,
  ticket_closed = 3,       // closed is final
  invalid_transition = 4,  // the command does not apply in the current status
  invalid_text = 5,        // empty, oversized or not UTF-8
  invalid_id = 6,
  invalid_field = 7,     // an order number, phone or email that does not parse
  invalid_assignee = 8,  // not "agent:<id>" or "group:<id>"
  invalid_value = 9,     // an enum value this build does not know
  invalid_time = 10,     // outside [kEarliestTime, kLatestTime)
  too_many_notes = 11,
  no_sla_policy = 12,  // the table has no entry for tier × priority
  invalid_sla_policy = 13,
  no_first_response = 14,  // pending the customer before anyone answered them
};

std::string_view to_string(Rejection rejection);
std::string_view to_string(Status status);
std::string_view to_string(TicketSource source);
std::string_view to_string(FieldSource source);

}  // namespace sb::ticket
