#pragma once
// Shared fixtures for the ticket tests: times, a policy table, and histories built by running
// commands through the decider (so every fixture history is one decide could have produced).

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "actors/common/assert.hpp"
#include "actors/common/decider.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_decider.hpp"

namespace sb::ticket::testing {

using namespace std::chrono_literals;

// Monday 2024-03-04 00:00 UTC.
inline constexpr Timestamp kMonday = from_unix_ms(1'709'510'400'000);
inline constexpr Timestamp T0 = kMonday + 1h;  // 09:00 at UTC+08:00

inline Timestamp at(Duration offset) { return T0 + offset; }

inline SlaPolicy make_policy(std::string name, Duration first_response, Duration next_reply,
                             Duration resolution) {
  SlaPolicy policy;
  policy.name = std::move(name);
  policy.first_response_target = first_response;
  policy.next_reply_target = next_reply;
  policy.resolution_target = resolution;
  policy.warn_fraction = 0.8;
  policy.supervisor_group = "supervisors";
  return policy;
}

// regular/new tiers: 60 min first response, 120 min next reply, 24 h resolution; targets halve
// for each priority step up; vip and enterprise halve once more.
inline SlaPolicyTable make_table() {
  SlaPolicyTable table;
  for (Tier tier : {Tier::new_customer, Tier::regular, Tier::vip, Tier::enterprise}) {
    for (Priority priority : {Priority::low, Priority::normal, Priority::high, Priority::urgent}) {
      int divisor = 1 << (static_cast<int>(priority) - 1);
      if (tier == Tier::vip || tier == Tier::enterprise) divisor *= 2;
      const std::string name =
          std::string(to_string(tier)) + "-" + std::string(to_string(priority));
      table.entries.push_back({tier, priority,
                               make_policy(name, Duration(120min) / divisor,
                                           Duration(240min) / divisor, Duration(48h) / divisor)});
    }
  }
  return table;
}

inline const SlaPolicy& policy_for(Tier tier, Priority priority) {
  static const SlaPolicyTable kTable = make_table();
  const SlaPolicy* policy = find_policy(kTable, tier, priority);
  SB_ASSERT(policy != nullptr);
  return *policy;
}

inline CreateTicket create_command(Timestamp when = T0) {
  CreateTicket c;
  c.ticket_id = "T-1";
  c.customer_id = "cust-1";
  c.conversation_id = "conv-1";
  c.channel = Channel::wechat;
  c.tier = Tier::regular;
  c.priority = Priority::normal;
  c.source = TicketSource::unresolved_conversation;
  c.created_by = "bot";
  c.subject = "Parcel not delivered";
  c.description = "The customer says order 123 never arrived.";
  c.fields.category = FieldValue{"delivery", FieldSource::extracted};
  c.fields.order_number = FieldValue{"SO-123", FieldSource::extracted};
  c.fields.phone = FieldValue{"+86 138 0000 0000", FieldSource::extracted};
  c.sla_policies = make_table();
  c.at = when;
  return c;
}

// Runs `commands` from the initial state; every one must be accepted. Returns the events.
inline std::vector<Event> run(const std::vector<Command>& commands,
                              std::vector<Event> history = {}) {
  State state = fold_events<Decider>(history);
  for (const Command& command : commands) {
    auto decision = decide(state, command);
    if (!decision.accepted()) {
      ADD_FAILURE() << "fixture command rejected: " << to_string(decision.rejection().code) << " ("
                    << decision.rejection().detail << ")";
      return history;
    }
    for (const Event& event : decision.events()) {
      state = evolve(std::move(state), event);
      history.push_back(event);
    }
  }
  return history;
}

// Histories that end in each status, with times within every SLA target (no SLA events).
inline std::vector<Event> new_ticket() { return run({create_command()}); }
inline std::vector<Event> open_ticket() {
  return run({create_command(), AssignTicket{"agent:a1", "lead-1", at(5min)}});
}
inline std::vector<Event> answered_ticket() {
  return run({RecordAgentReply{"a1", at(10min)}}, open_ticket());
}
inline std::vector<Event> pending_ticket() {
  return run({MarkPendingCustomer{"a1", at(11min)}}, answered_ticket());
}
inline std::vector<Event> resolved_ticket() {
  return run({ResolveTicket{"a1", "Refund issued", at(20min)}}, answered_ticket());
}
inline std::vector<Event> closed_ticket() {
  return run({CloseTicket{"a1", at(30min)}}, resolved_ticket());
}

}  // namespace sb::ticket::testing
