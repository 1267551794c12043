// SLA scenarios with simulated time: warnings, breaches, escalation, pausing, policy changes,
// business hours, deadlines missed while the node was down, and restart equivalence.

#include <gtest/gtest.h>

#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "tests/actors/ticket/ticket_test_support.hpp"

namespace sb::ticket {
namespace {

using namespace testing;
using Events = std::vector<Event>;

constexpr auto kFirst = SlaClockKind::first_response;
constexpr auto kNext = SlaClockKind::next_reply;
constexpr auto kResolution = SlaClockKind::resolution;

// A ticket driven command by command, keeping the journal, as the actor would.
class Scenario {
 public:
  explicit Scenario(std::vector<Event> history = {})
      : state_(fold_events<Decider>(history)), journal_(std::move(history)) {}

  // Handles `command`, which must be accepted, and returns its events.
  Events when(const Command& command) {
    auto decision = decide(state_, command);
    if (!decision.accepted()) {
      ADD_FAILURE() << to_string(decision.rejection().code) << ": " << decision.rejection().detail;
      return {};
    }
    for (const Event& event : decision.events()) {
      state_ = evolve(std::move(state_), event);
      journal_.push_back(event);
    }
    return decision.events();
  }

  const State& state() const { return state_; }
  const SlaClock& clock(SlaClockKind kind) const { return state_.clocks[index_of(kind)]; }
  const std::vector<Event>& journal() const { return journal_; }

 private:
  State state_;
  std::vector<Event> journal_;
};

Escalated escalation(std::uint32_t level, Priority priority, SlaClockKind clock, Timestamp when) {
  return Escalated{level, priority, "group:supervisors", clock, when};
}

TEST(TicketSla, WarnsAtEightyPercentThenBreachesAndEscalates) {
  Scenario ticket(new_ticket());
  EXPECT_EQ(next_deadline(ticket.state()), at(48min));
  EXPECT_EQ(ticket.when(CheckSla{at(47min)}), Events{});

  EXPECT_EQ(ticket.when(CheckSla{at(48min)}),
            (Events{SlaWarned{kFirst, 1, 60min, 48min, at(48min), at(48min)}}));
  EXPECT_TRUE(ticket.clock(kFirst).warned);
  EXPECT_EQ(next_deadline(ticket.state()), at(60min));

  EXPECT_EQ(ticket.when(CheckSla{at(60min)}),
            (Events{SlaBreached{kFirst, 1, 60min, 60min, at(60min), at(60min)},
                    escalation(1, Priority::high, kFirst, at(60min))}));
  EXPECT_EQ(ticket.state().escalation_level, 1u);
  EXPECT_EQ(ticket.state().priority, Priority::high);
  EXPECT_EQ(ticket.state().assignee, "group:supervisors");
  EXPECT_EQ(ticket.state().breach_count, 1u);

  // Idempotent: the same check again records nothing new.
  EXPECT_EQ(ticket.when(CheckSla{at(60min)}), Events{});
  // Next up: the resolution warning at 80% of 24 h.
  EXPECT_EQ(next_deadline(ticket.state()), at(19h + 12min));
}

TEST(TicketSla, FirstResponseInTimeIsMet) {
  Scenario ticket(answered_ticket());
  const SlaClock& first = ticket.clock(kFirst);
  EXPECT_EQ(first.phase, ClockPhase::stopped);
  EXPECT_FALSE(first.warned);
  EXPECT_FALSE(first.breached);
  EXPECT_EQ(ticket.when(CheckSla{at(2h)}), Events{});
}

TEST(TicketSla, PendingCustomerPausesAndACustomerReplyResumes) {
  Scenario ticket(pending_ticket());  // replied at 10 min, pending from 11 min
  EXPECT_EQ(ticket.clock(kResolution).phase, ClockPhase::paused);
  EXPECT_EQ(ticket.clock(kResolution).elapsed, 11min);
  EXPECT_EQ(next_deadline(ticket.state()), std::nullopt);
  // A day and more pending counts nothing.
  EXPECT_EQ(ticket.when(CheckSla{at(30h)}), Events{});

  ticket.when(RecordCustomerReply{at(30h)});
  EXPECT_EQ(ticket.state().status, Status::open);
  EXPECT_EQ(ticket.clock(kResolution).phase, ClockPhase::running);
  EXPECT_EQ(ticket.clock(kResolution).elapsed, 11min);
  EXPECT_EQ(ticket.clock(kNext).phase, ClockPhase::running);
  // next_reply warns at 96 min; resolution at 19 h 12 min of counted time.
  EXPECT_EQ(next_deadline(ticket.state()), at(30h + 96min));

  ticket.when(RecordAgentReply{"a1", at(31h)});
  EXPECT_EQ(ticket.clock(kNext).phase, ClockPhase::stopped);
  EXPECT_EQ(ticket.clock(kNext).elapsed, 60min);
  EXPECT_EQ(next_deadline(ticket.state()), at(30h + 19h + 12min - 11min));
  EXPECT_EQ(ticket.when(CheckSla{at(49h + 1min)}),
            (Events{SlaWarned{kResolution, 1, 24h, 19h + 12min, at(49h + 1min), at(49h + 1min)}}));
}

TEST(TicketSla, NextReplyClockPausesWhilePendingToo) {
  Scenario ticket(answered_ticket());
  ticket.when(RecordCustomerReply{at(20min)});  // next_reply runs from 20 min
  ticket.when(MarkPendingCustomer{"a1", at(50min)});
  EXPECT_EQ(ticket.clock(kNext).phase, ClockPhase::paused);
  EXPECT_EQ(ticket.clock(kNext).elapsed, 30min);
  ticket.when(ResumeTicket{"a1", at(5h)});
  EXPECT_EQ(ticket.clock(kNext).running_since, at(5h));
  EXPECT_EQ(next_deadline(ticket.state()), at(5h + 96min - 30min));
}

TEST(TicketSla, PolicyChangeKeepsTheTimeAlreadyCounted) {
  Scenario ticket(answered_ticket());
  const Events changed = ticket.when(ChangeSlaPolicy{Tier::vip, make_table(), at(10h)});
  EXPECT_EQ(changed,
            (Events{SlaPolicyChanged{
                Tier::vip, policy_for(Tier::vip, Priority::normal), {10min, 0min, 10h}, at(10h)}}));
  EXPECT_EQ(ticket.clock(kResolution).elapsed, 10h);
  EXPECT_EQ(ticket.clock(kResolution).target, 12h);
  // 10 h is already past 80% of the new 12 h target: the warning is due at once.
  EXPECT_EQ(next_deadline(ticket.state()), at(10h));
  EXPECT_EQ(ticket.when(CheckSla{at(10h)}),
            (Events{SlaWarned{kResolution, 1, 12h, 10h, at(10h), at(10h)}}));
  EXPECT_EQ(next_deadline(ticket.state()), at(12h));
}

TEST(TicketSla, PolicyChangeWhilePausedKeepsThePausedTime) {
  Scenario ticket(pending_ticket());
  ticket.when(ChangeSlaPolicy{Tier::vip, make_table(), at(5h)});
  EXPECT_EQ(ticket.clock(kResolution).phase, ClockPhase::paused);
  EXPECT_EQ(ticket.clock(kResolution).elapsed, 11min);
  EXPECT_EQ(ticket.clock(kResolution).target, 12h);
  ticket.when(ResumeTicket{"a1", at(8h)});
  EXPECT_EQ(next_deadline(ticket.state()), at(8h + 9h + 36min - 11min));
}

TEST(TicketSla, ADeadlineFarInThePastFiresEveryDueEventOnce) {
  // The node was down for a month; on recovery the timer is re-armed from state.
  const State recovered = fold_events<Decider>(new_ticket());
  const auto deadline = next_deadline(recovered);
  ASSERT_TRUE(deadline.has_value());
  const Timestamp now = at(24h * 30);
  EXPECT_LT(*deadline, now);  // so the actor fires at once

  Scenario ticket(new_ticket());
  EXPECT_EQ(ticket.when(CheckSla{now}),
            (Events{SlaWarned{kFirst, 1, 60min, 24h * 30, at(48min), now},
                    SlaBreached{kFirst, 1, 60min, 24h * 30, at(60min), now},
                    escalation(1, Priority::high, kFirst, now),
                    SlaWarned{kResolution, 1, 24h, 24h * 30, at(19h + 12min), now},
                    SlaBreached{kResolution, 1, 24h, 24h * 30, at(24h), now},
                    escalation(2, Priority::urgent, kResolution, now)}));
  EXPECT_EQ(ticket.when(CheckSla{now}), Events{});
  EXPECT_EQ(ticket.when(CheckSla{now + 1h}), Events{});
  EXPECT_EQ(next_deadline(ticket.state()), std::nullopt);
}

TEST(TicketSla, ACommandAfterAMissedDeadlineRecordsTheBreachFirst) {
  // Passivated, then re-spawned by the agent's reply before the timer could fire.
  Scenario ticket(new_ticket());
  EXPECT_EQ(ticket.when(RecordAgentReply{"a1", at(2h)}),
            (Events{SlaWarned{kFirst, 1, 60min, 2h, at(48min), at(2h)},
                    SlaBreached{kFirst, 1, 60min, 2h, at(60min), at(2h)},
                    escalation(1, Priority::high, kFirst, at(2h)),
                    StatusChanged{Status::open, "a1", {2h, 0min, 2h}, at(2h)},
                    AgentReplied{"a1", {2h, 0min, 2h}, at(2h)}}));
  EXPECT_EQ(ticket.clock(kFirst).phase, ClockPhase::stopped);
  EXPECT_TRUE(ticket.clock(kFirst).breached);
}

TEST(TicketSla, ARejectedCommandRecordsNothingEvenWhenSlaEventsAreDue) {
  const State s = fold_events<Decider>(new_ticket());
  const auto decision = decide(s, ReopenTicket{"a1", "why", at(2h)});
  ASSERT_FALSE(decision.accepted());
  EXPECT_EQ(decision.rejection().code, Rejection::invalid_transition);
}

TEST(TicketSla, EscalationStopsRaisingPriorityAtUrgent) {
  auto create = create_command();
  create.priority = Priority::urgent;  // 15 min first response
  Scenario ticket(run({create}));
  const Events events = ticket.when(CheckSla{at(24h * 3)});
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(std::get<Escalated>(events[2]).priority, Priority::urgent);
  EXPECT_EQ(std::get<Escalated>(events[5]).priority, Priority::urgent);
  EXPECT_EQ(std::get<Escalated>(events[5]).level, 2u);
}

TEST(TicketSla, EachNextReplyCycleHasItsOwnWarningAndBreach) {
  Scenario ticket(answered_ticket());
  ticket.when(RecordCustomerReply{at(15min)});
  const Events breached = ticket.when(CheckSla{at(15min + 120min)});
  ASSERT_EQ(breached.size(), 3u);
  EXPECT_EQ(breached[1], Event(SlaBreached{kNext, 1, 120min, 120min, at(135min), at(135min)}));
  ticket.when(RecordAgentReply{"a1", at(3h)});
  EXPECT_TRUE(ticket.clock(kNext).breached);  // stays recorded for this cycle

  ticket.when(RecordCustomerReply{at(4h)});
  const SlaClock& next = ticket.clock(kNext);
  EXPECT_EQ(next.cycle, 2u);
  EXPECT_FALSE(next.warned);
  EXPECT_FALSE(next.breached);
  EXPECT_EQ(next.elapsed, 0min);
  EXPECT_EQ(ticket.state().breach_count, 1u);
  EXPECT_EQ(ticket.state().escalation_level, 1u);
  // A second customer message while waiting does not restart the cycle.
  ticket.when(RecordCustomerReply{at(4h + 30min)});
  EXPECT_EQ(ticket.clock(kNext).running_since, at(4h));
}

TEST(TicketSla, ABreachStaysRecordedAcrossResolveAndReopen) {
  Scenario ticket(answered_ticket());
  ticket.when(CheckSla{at(25h)});
  EXPECT_TRUE(ticket.clock(kResolution).breached);
  ticket.when(ResolveTicket{"a1", "", at(26h)});
  ticket.when(ReopenTicket{"a1", "not fixed", at(27h)});
  EXPECT_TRUE(ticket.clock(kResolution).breached);
  EXPECT_EQ(ticket.clock(kResolution).elapsed, 26h);
  EXPECT_EQ(ticket.when(CheckSla{at(40h)}), Events{});
  EXPECT_EQ(next_deadline(ticket.state()), std::nullopt);
}

TEST(TicketSla, BusinessHoursMoveTheDeadlinesOverTheWeekend) {
  BusinessCalendar office;
  office.utc_offset_minutes = 8 * 60;
  for (std::uint8_t weekday = 1; weekday <= 5; ++weekday) {
    office.opening_hours.push_back({weekday, 9 * 60, 18 * 60});
  }
  auto create = create_command(kMonday + 24h * 4 + 9h + 30min);  // Friday 17:30 local
  for (auto& entry : create.sla_policies.entries) entry.policy.calendar = office;
  Scenario ticket(run({create}));
  const Timestamp monday_0918_local = kMonday + 24h * 7 + 1h + 18min;
  EXPECT_EQ(next_deadline(ticket.state()), monday_0918_local);
  EXPECT_EQ(ticket.when(CheckSla{kMonday + 24h * 5 + 4h}), Events{});  // Saturday noon local
  const Events warned = ticket.when(CheckSla{monday_0918_local});
  EXPECT_EQ(warned,
            (Events{SlaWarned{kFirst, 1, 60min, 48min, monday_0918_local, monday_0918_local}}));
  EXPECT_EQ(next_deadline(ticket.state()), monday_0918_local + 12min);
}

TEST(TicketSla, RestartGivesTheSameStateAndTheSameTimer) {
  Scenario ticket(new_ticket());
  ticket.when(AssignTicket{"agent:a1", "lead", at(5min)});
  ticket.when(CheckSla{at(50min)});
  ticket.when(RecordAgentReply{"a1", at(70min)});
  ticket.when(RecordCustomerReply{at(2h)});
  ticket.when(MarkPendingCustomer{"a1", at(3h)});
  ticket.when(ChangePriority{Priority::high, "lead", make_table(), at(4h)});
  ticket.when(RecordCustomerReply{at(6h)});
  ticket.when(CheckSla{at(9h)});
  ticket.when(AddNote{"a1", "waiting for the warehouse", at(10h)});
  const State recovered = fold_events<Decider>(ticket.journal());
  EXPECT_EQ(recovered, ticket.state());
  EXPECT_EQ(next_deadline(recovered), next_deadline(ticket.state()));
}

}  // namespace
}  // namespace sb::ticket
