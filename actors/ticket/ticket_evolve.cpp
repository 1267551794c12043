// evolve: applies one durable event to the ticket state. Only assigns; every computed value
// (elapsed business time, escalation level, picked policy) arrives in the event.

#include <algorithm>

#include "actors/common/assert.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_decider.hpp"

namespace sb::ticket {
namespace {

SlaClock& clock_of(State& s, SlaClockKind kind) { return s.clocks[index_of(kind)]; }

// Running clocks take the elapsed time decide computed at `at` and count on from there. An `at`
// earlier than running_since (a clock step back between nodes) must not count a span twice.
void rebase(SlaClocks& clocks, const ClockDurations& elapsed, Timestamp at) {
  for (SlaClockKind kind : kSlaClockKinds) {
    SlaClock& clock = clocks[index_of(kind)];
    if (clock.phase != ClockPhase::running) continue;
    SB_ASSERT(clock.running_since.has_value());
    clock.elapsed = elapsed[index_of(kind)];
    clock.running_since = std::max(*clock.running_since, at);
  }
}

void run(SlaClock& clock, Timestamp at) {
  clock.phase = ClockPhase::running;
  clock.running_since = at;
}

void halt(SlaClock& clock, ClockPhase phase) {
  clock.phase = phase;
  clock.running_since.reset();
}

void start_cycle(SlaClock& clock, Duration target, Timestamp at) {
  clock.cycle += 1;
  clock.target = target;
  clock.elapsed = Duration(0);
  clock.warned = false;
  clock.breached = false;
  run(clock, at);
}

void apply_created(State& s, const TicketCreated& e) {
  s.status = Status::new_ticket;
  s.ticket_id = e.ticket_id;
  s.customer_id = e.customer_id;
  s.conversation_id = e.conversation_id;
  s.channel = e.channel;
  s.tier = e.tier;
  s.priority = e.priority;
  s.source = e.source;
  s.created_by = e.created_by;
  s.subject = e.subject;
  s.description = e.description;
  s.fields = e.fields;
  s.policy = e.policy;
  s.created_at = e.at;
  for (SlaClockKind kind : kSlaClockKinds) clock_of(s, kind).target = target_of(e.policy, kind);
  start_cycle(clock_of(s, SlaClockKind::first_response), e.policy.first_response_target, e.at);
  start_cycle(clock_of(s, SlaClockKind::resolution), e.policy.resolution_target, e.at);
}

void apply_fields(Fields& fields, const Fields& changes) {
  for (auto member : {&Fields::category, &Fields::order_number, &Fields::phone, &Fields::email,
                      &Fields::product}) {
    const auto& change = changes.*member;
    if (!change) continue;
    if (change->value.empty()) {
      (fields.*member).reset();
    } else {
      fields.*member = change;
    }
  }
}

void apply_status(State& s, const StatusChanged& e) {
  SB_ASSERT(e.to == Status::open || e.to == Status::pending_customer);
  rebase(s.clocks, e.elapsed, e.at);
  if (e.to == Status::pending_customer) {
    for (SlaClockKind kind : {SlaClockKind::next_reply, SlaClockKind::resolution}) {
      SlaClock& clock = clock_of(s, kind);
      if (clock.phase == ClockPhase::running) halt(clock, ClockPhase::paused);
    }
  } else {
    for (SlaClock& clock : s.clocks) {
      if (clock.phase == ClockPhase::paused) run(clock, e.at);
    }
  }
  s.status = e.to;
}

void apply_agent_reply(State& s, const AgentReplied& e) {
  rebase(s.clocks, e.elapsed, e.at);
  SlaClock& first = clock_of(s, SlaClockKind::first_response);
  if (first.phase == ClockPhase::running) halt(first, ClockPhase::stopped);
  SlaClock& next = clock_of(s, SlaClockKind::next_reply);
  if (next.phase == ClockPhase::running || next.phase == ClockPhase::paused) {
    halt(next, ClockPhase::stopped);
  }
  if (!s.first_response_at) s.first_response_at = e.at;
}

// A customer turn starts a next_reply cycle once the first response was given, unless one is
// already waiting for an answer.
void apply_customer_reply(State& s, const CustomerReplied& e) {
  if (clock_of(s, SlaClockKind::first_response).phase != ClockPhase::stopped) return;
  SlaClock& next = clock_of(s, SlaClockKind::next_reply);
  if (next.phase == ClockPhase::idle || next.phase == ClockPhase::stopped) {
    start_cycle(next, s.policy.next_reply_target, e.at);
  }
}

void apply_policy(State& s, const SlaPolicyChanged& e) {
  rebase(s.clocks, e.elapsed, e.at);
  s.tier = e.tier;
  s.policy = e.policy;
  for (SlaClockKind kind : kSlaClockKinds) {
    SlaClock& clock = clock_of(s, kind);
    if (clock.phase != ClockPhase::stopped) clock.target = target_of(e.policy, kind);
  }
}

void apply_resolved(State& s, const TicketResolved& e) {
  rebase(s.clocks, e.elapsed, e.at);
  for (SlaClock& clock : s.clocks) {
    if (clock.phase == ClockPhase::running || clock.phase == ClockPhase::paused) {
      halt(clock, ClockPhase::stopped);
    }
  }
  s.status = Status::resolved;
  s.resolution_summary = e.summary;
  s.resolved_at = e.at;
}

// The resolution clock goes on from the time it had; a breach stays recorded.
void apply_reopened(State& s, const TicketReopened& e) {
  SlaClock& resolution = clock_of(s, SlaClockKind::resolution);
  resolution.target = s.policy.resolution_target;
  run(resolution, e.at);
  s.status = Status::open;
  s.reopen_count += 1;
  s.resolution_summary.clear();
  s.resolved_at.reset();
}

}  // namespace

State evolve(State state, const Event& event) {
  State& s = state;
  std::visit(Overloaded{
                 [&](const TicketCreated& e) { apply_created(s, e); },
                 [&](const FieldsUpdated& e) { apply_fields(s.fields, e.fields); },
                 [&](const TicketAssigned& e) { s.assignee = e.assignee; },
                 [&](const StatusChanged& e) { apply_status(s, e); },
                 [&](const AgentReplied& e) { apply_agent_reply(s, e); },
                 [&](const CustomerReplied& e) { apply_customer_reply(s, e); },
                 [&](const NoteAdded& e) {
                   s.notes.push_back(Note{e.author_id, e.text, e.at});
                 },
                 [&](const PriorityChanged& e) { s.priority = e.priority; },
                 [&](const SlaPolicyChanged& e) { apply_policy(s, e); },
                 [&](const SlaWarned& e) { clock_of(s, e.clock).warned = true; },
                 [&](const SlaBreached& e) {
                   clock_of(s, e.clock).breached = true;
                   s.breach_count += 1;
                 },
                 [&](const Escalated& e) {
                   s.escalation_level = e.level;
                   s.priority = e.priority;
                   s.assignee = e.assignee;
                 },
                 [&](const TicketResolved& e) { apply_resolved(s, e); },
                 [&](const TicketReopened& e) { apply_reopened(s, e); },
                 [&](const TicketClosed& e) {
                   s.status = Status::closed;
                   s.closed_at = e.at;
                 },
             },
             event);
  // Every event carries `at`; one that did not would fail to compile here.
  s.updated_at = std::visit([](const auto& e) -> Timestamp { return e.at; }, event);
  return state;
}

}  // namespace sb::ticket
