#include "actors/ticket/ticket_decider.hpp"

#include <array>
#include <utility>

#include "actors/common/expected.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_validation.hpp"

namespace sb::ticket {
namespace {

using Result = Decision<Event, Rejection>;

constexpr std::array kFieldMembers{&Fields::category, &Fields::order_number, &Fields::phone,
                                   &Fields::email, &Fields::product};

Result reject(Problem problem) { return Result::reject(problem.code, std::move(problem.detail)); }

std::string_view status_phrase(Status status) {
  switch (status) {
    case Status::none:
      return "a ticket that does not exist";
    case Status::new_ticket:
      return "a new ticket";
    case Status::open:
      return "an open ticket";
    case Status::pending_customer:
      return "a ticket pending the customer";
    case Status::resolved:
      return "a resolved ticket";
    case Status::closed:
      return "a closed ticket";
  }
  return "a ticket in an unknown status";
}

// Refuses `action` in the current status: closed tickets are final, anything else is a transition
// the lifecycle does not have. `hint` tells the sender what would work.
Result refuse(Status status, std::string_view action, std::string_view hint) {
  if (status == Status::closed) {
    return Result::reject(Rejection::ticket_closed, "cannot " + std::string(action) +
                                                        ": the ticket is closed, and closed "
                                                        "tickets are final");
  }
  return Result::reject(Rejection::invalid_transition, "cannot " + std::string(action) + " " +
                                                           std::string(status_phrase(status)) +
                                                           "; " + std::string(hint));
}

bool is_active(Status status) {
  return status == Status::new_ticket || status == Status::open ||
         status == Status::pending_customer;
}

std::optional<Problem> check_by(std::string_view what, std::string_view id) {
  if (auto why = check_id(what, id)) return Problem{Rejection::invalid_id, *why};
  return std::nullopt;
}

// The policy for tier × priority, checked, or why there is none.
Expected<SlaPolicy, Problem> pick_policy(const SlaPolicyTable& table, Tier tier,
                                         Priority priority) {
  if (table.entries.size() > kSlaPolicyTableEntriesMax) {
    return unexpected(Problem{Rejection::invalid_sla_policy,
                              "the SLA policy table has " + std::to_string(table.entries.size()) +
                                  " entries; the limit is " +
                                  std::to_string(kSlaPolicyTableEntriesMax)});
  }
  const SlaPolicy* policy = find_policy(table, tier, priority);
  if (policy == nullptr) {
    return unexpected(
        Problem{Rejection::no_sla_policy, "the SLA policy table has no entry for tier " +
                                              std::string(to_string(tier)) + " and priority " +
                                              std::string(to_string(priority))});
  }
  if (auto why = check_policy(*policy)) {
    return unexpected(Problem{Rejection::invalid_sla_policy, *why});
  }
  return *policy;
}

// Drops empty values: at creation an empty field simply is not known.
Fields without_empty(Fields fields) {
  for (auto member : kFieldMembers) {
    auto& field = fields.*member;
    if (field && field->value.empty()) field.reset();
  }
  return fields;
}

std::optional<Problem> check_create(const CreateTicket& c) {
  if (auto why = check_id("the ticket id", c.ticket_id))
    return Problem{Rejection::invalid_id, *why};
  if (auto p = check_by("the customer id", c.customer_id)) return p;
  if (!c.conversation_id.empty()) {
    if (auto p = check_by("the conversation id", c.conversation_id)) return p;
  }
  if (auto p = check_by("created_by", c.created_by)) return p;
  if (!is_known(c.channel) || !is_known(c.tier) || !is_known(c.priority) || !is_known(c.source)) {
    return Problem{Rejection::invalid_value, "the channel, tier, priority or source is unknown"};
  }
  if (auto why = check_required_text("the subject", c.subject, kSubjectBytesMax)) {
    return Problem{Rejection::invalid_text, *why};
  }
  if (auto why = check_text("the description", c.description, kDescriptionBytesMax)) {
    return Problem{Rejection::invalid_text, *why};
  }
  return check_fields(c.fields);
}

Result decide_create(const State& s, const CreateTicket& c) {
  if (s.status != Status::none) {
    return Result::reject(Rejection::already_created, "ticket " + s.ticket_id + " already exists");
  }
  if (auto p = check_create(c)) return reject(*p);
  auto policy = pick_policy(c.sla_policies, c.tier, c.priority);
  if (!policy) return reject(policy.error());
  return Result::accept({TicketCreated{c.ticket_id, c.customer_id, c.conversation_id, c.channel,
                                       c.tier, c.priority, c.source, c.created_by, c.subject,
                                       c.description, without_empty(c.fields), *policy, c.at}});
}

Result decide_update_fields(const State& s, const UpdateFields& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (auto p = check_fields(c.fields)) return reject(*p);
  if (s.status == Status::closed) return refuse(s.status, "update the fields", "");
  Fields changes;
  bool changed = false;
  for (auto member : kFieldMembers) {
    const auto& wanted = c.fields.*member;
    if (!wanted) continue;
    const auto& current = s.fields.*member;
    const bool same = wanted->value.empty() ? !current.has_value() : current == wanted;
    if (same) continue;
    changes.*member = wanted;
    changed = true;
  }
  if (!changed) return Result::accept({});
  return Result::accept({FieldsUpdated{std::move(changes), c.by, c.at}});
}

Result decide_assign(const State& s, const AssignTicket& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (auto why = check_assignee(c.assignee)) {
    return Result::reject(Rejection::invalid_assignee, *why);
  }
  if (!is_active(s.status)) return refuse(s.status, "assign", "reopen it first");
  if (s.assignee == c.assignee) return Result::accept({});
  std::vector<Event> events{TicketAssigned{c.assignee, c.by, c.at}};
  // Being handed to a person is what opens a ticket; a group queue leaves it new.
  const bool to_agent = c.assignee.starts_with(kAgentPrefix);
  if (s.status == Status::new_ticket && to_agent) {
    events.push_back(StatusChanged{Status::open, c.by, elapsed_at(s.clocks, s.policy, c.at), c.at});
  }
  return Result::accept(std::move(events));
}

Result decide_agent_reply(const State& s, const RecordAgentReply& c) {
  if (auto p = check_by("the agent id", c.agent_id)) return reject(*p);
  if (!is_active(s.status)) return refuse(s.status, "record an agent reply on", "reopen it first");
  const ClockDurations elapsed = elapsed_at(s.clocks, s.policy, c.at);
  std::vector<Event> events;
  if (s.status == Status::new_ticket) {
    events.push_back(StatusChanged{Status::open, c.agent_id, elapsed, c.at});
  }
  events.push_back(AgentReplied{c.agent_id, elapsed, c.at});
  return Result::accept(std::move(events));
}

Result decide_customer_reply(const State& s, const RecordCustomerReply& c) {
  std::vector<Event> events;
  switch (s.status) {
    case Status::pending_customer:
      events.push_back(
          StatusChanged{Status::open, s.customer_id, elapsed_at(s.clocks, s.policy, c.at), c.at});
      break;
    case Status::resolved:
      events.push_back(TicketReopened{s.customer_id, "the customer replied", c.at});
      break;
    case Status::new_ticket:
    case Status::open:
      break;
    case Status::none:
    case Status::closed:
      return refuse(s.status, "record a customer reply on", "");
  }
  events.push_back(CustomerReplied{c.at});
  return Result::accept(std::move(events));
}

Result decide_mark_pending(const State& s, const MarkPendingCustomer& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (s.status == Status::pending_customer) return Result::accept({});
  if (s.status != Status::open) {
    return refuse(s.status, "wait for the customer on", "only an open ticket can wait");
  }
  if (!s.first_response_at) {
    return Result::reject(Rejection::no_first_response,
                          "cannot wait for the customer before an agent has replied to them");
  }
  return Result::accept(
      {StatusChanged{Status::pending_customer, c.by, elapsed_at(s.clocks, s.policy, c.at), c.at}});
}

Result decide_resume(const State& s, const ResumeTicket& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (s.status == Status::open) return Result::accept({});
  if (s.status != Status::pending_customer) {
    return refuse(s.status, "resume", "only a ticket pending the customer can be resumed");
  }
  return Result::accept(
      {StatusChanged{Status::open, c.by, elapsed_at(s.clocks, s.policy, c.at), c.at}});
}

Result decide_add_note(const State& s, const AddNote& c) {
  if (auto p = check_by("the author id", c.author_id)) return reject(*p);
  if (auto why = check_required_text("the note", c.text, kNoteBytesMax)) {
    return Result::reject(Rejection::invalid_text, *why);
  }
  if (s.status == Status::closed) return refuse(s.status, "add a note", "");
  if (s.notes.size() >= kNotesMax) {
    return Result::reject(Rejection::too_many_notes,
                          "the ticket already has " + std::to_string(s.notes.size()) +
                              " notes; the limit is " + std::to_string(kNotesMax));
  }
  return Result::accept({NoteAdded{c.author_id, c.text, c.at}});
}

Result decide_change_priority(const State& s, const ChangePriority& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (!is_known(c.priority))
    return Result::reject(Rejection::invalid_value, "the priority is unknown");
  if (!is_active(s.status)) return refuse(s.status, "change the priority of", "reopen it first");
  if (s.priority == c.priority) return Result::accept({});
  auto policy = pick_policy(c.sla_policies, s.tier, c.priority);
  if (!policy) return reject(policy.error());
  std::vector<Event> events{PriorityChanged{c.priority, c.by, c.at}};
  if (*policy != s.policy) {
    events.push_back(SlaPolicyChanged{s.tier, *policy, elapsed_at(s.clocks, s.policy, c.at), c.at});
  }
  return Result::accept(std::move(events));
}

Result decide_change_policy(const State& s, const ChangeSlaPolicy& c) {
  if (!is_known(c.tier)) return Result::reject(Rejection::invalid_value, "the tier is unknown");
  if (s.status == Status::closed) return refuse(s.status, "change the SLA policy", "");
  auto policy = pick_policy(c.sla_policies, c.tier, s.priority);
  if (!policy) return reject(policy.error());
  if (c.tier == s.tier && *policy == s.policy) return Result::accept({});
  return Result::accept(
      {SlaPolicyChanged{c.tier, *policy, elapsed_at(s.clocks, s.policy, c.at), c.at}});
}

Result decide_resolve(const State& s, const ResolveTicket& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (auto why = check_text("the resolution summary", c.summary, kSummaryBytesMax)) {
    return Result::reject(Rejection::invalid_text, *why);
  }
  if (!is_active(s.status)) return refuse(s.status, "resolve", "it is already resolved");
  return Result::accept(
      {TicketResolved{c.by, c.summary, elapsed_at(s.clocks, s.policy, c.at), c.at}});
}

Result decide_reopen(const State& s, const ReopenTicket& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (auto why = check_required_text("the reopen reason", c.reason, kSummaryBytesMax)) {
    return Result::reject(Rejection::invalid_text, *why);
  }
  if (s.status != Status::resolved) {
    return refuse(s.status, "reopen", "only a resolved ticket can be reopened");
  }
  return Result::accept({TicketReopened{c.by, c.reason, c.at}});
}

Result decide_close(const State& s, const CloseTicket& c) {
  if (auto p = check_by("by", c.by)) return reject(*p);
  if (s.status != Status::resolved) {
    return refuse(s.status, "close", "only a resolved ticket can be closed; resolve it first");
  }
  return Result::accept({TicketClosed{c.by, c.at}});
}

// The SLA warnings and breaches due by `at`, each breach followed by its escalation.
std::vector<Event> sla_catch_up(const State& s, Timestamp at) {
  std::vector<Event> events;
  std::uint32_t level = s.escalation_level;
  Priority priority = s.priority;
  for (const DueSla& due : due_sla(s.clocks, s.policy, at)) {
    const SlaClock& clock = s.clocks[index_of(due.clock)];
    const Duration elapsed = elapsed_at(clock, s.policy, at);
    if (!due.breach) {
      events.push_back(SlaWarned{due.clock, clock.cycle, clock.target, elapsed, due.due_at, at});
      continue;
    }
    events.push_back(SlaBreached{due.clock, clock.cycle, clock.target, elapsed, due.due_at, at});
    level += 1;
    priority = raised(priority);
    events.push_back(Escalated{
        level, priority, std::string(kGroupPrefix) + s.policy.supervisor_group, due.clock, at});
  }
  return events;
}

// Decides a command on a ticket that exists, after the SLA catch-up.
Result decide_existing(const State& s, const Command& command) {
  return std::visit(
      Overloaded{
          [&](const CreateTicket& c) { return decide_create(s, c); },
          [&](const UpdateFields& c) { return decide_update_fields(s, c); },
          [&](const AssignTicket& c) { return decide_assign(s, c); },
          [&](const RecordAgentReply& c) { return decide_agent_reply(s, c); },
          [&](const RecordCustomerReply& c) { return decide_customer_reply(s, c); },
          [&](const MarkPendingCustomer& c) { return decide_mark_pending(s, c); },
          [&](const ResumeTicket& c) { return decide_resume(s, c); },
          [&](const AddNote& c) { return decide_add_note(s, c); },
          [&](const ChangePriority& c) { return decide_change_priority(s, c); },
          [&](const ChangeSlaPolicy& c) { return decide_change_policy(s, c); },
          [&](const ResolveTicket& c) { return decide_resolve(s, c); },
          [&](const ReopenTicket& c) { return decide_reopen(s, c); },
          [&](const CloseTicket& c) { return decide_close(s, c); },
          [&](const CheckSla&) { return Result::accept({}); },  // the catch-up did the work
      },
      command);
}

}  // namespace

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  // Every command carries `at`; one that did not would fail to compile here.
  const Timestamp at = std::visit([](const auto& c) -> Timestamp { return c.at; }, command);
  if (at < kEarliestTime || at >= kLatestTime) {
    return Result::reject(Rejection::invalid_time, "the command's time " +
                                                       std::to_string(to_unix_ms(at)) +
                                                       " ms is outside the years 2000-2199");
  }
  if (const auto* create = std::get_if<CreateTicket>(&command))
    return decide_create(state, *create);
  if (state.status == Status::none) {
    return Result::reject(Rejection::not_created, "the ticket does not exist; create it first");
  }
  std::vector<Event> events = sla_catch_up(state, at);
  Result result = decide_existing(fold_events<Decider>(events, state), command);
  if (!result.accepted() || events.empty()) return result;
  for (Event& event : result.events()) events.push_back(std::move(event));
  return Result::accept(std::move(events));
}

std::optional<Timestamp> next_deadline(const State& state) {
  if (!is_active(state.status)) return std::nullopt;
  return next_sla_instant(state.clocks, state.policy);
}

}  // namespace sb::ticket
