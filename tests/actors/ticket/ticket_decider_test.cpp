// Given/when/then for every ticket command in each status, including the rejections.

#include "actors/ticket/ticket_decider.hpp"

#include <functional>
#include <map>

#include <gtest/gtest.h>

#include "actors/ticket/customer_status.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "tests/actors/ticket/ticket_test_support.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::ticket {
namespace {

using namespace testing;
using sb::testing::given;
using Events = std::vector<Event>;

// ---- the status × command matrix -------------------------------------------------------------

struct Row {
  const char* command_name;
  Command command;
  // Expected outcome per status: nullopt = accepted.
  std::map<Status, std::optional<Rejection>> outcome;
};

constexpr auto kOk = std::nullopt;

std::vector<Event> history_in(Status status) {
  switch (status) {
    case Status::none:
      return {};
    case Status::new_ticket:
      return new_ticket();
    case Status::open:
      return answered_ticket();
    case Status::pending_customer:
      return pending_ticket();
    case Status::resolved:
      return resolved_ticket();
    case Status::closed:
      return closed_ticket();
  }
  return {};
}

std::vector<Row> matrix() {
  const Timestamp t = at(40min);
  using R = Rejection;
  const auto nc = R::not_created;
  const auto bad = R::invalid_transition;
  const auto closed = R::ticket_closed;
  UpdateFields update{{}, "a1", t};
  update.fields.product = FieldValue{"kettle", FieldSource::agent};
  return {
      {"CreateTicket",
       create_command(t),
       {{Status::none, kOk},
        {Status::new_ticket, R::already_created},
        {Status::open, R::already_created},
        {Status::pending_customer, R::already_created},
        {Status::resolved, R::already_created},
        {Status::closed, R::already_created}}},
      {"UpdateFields",
       update,
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"AssignTicket",
       AssignTicket{"agent:a2", "lead-1", t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"RecordAgentReply",
       RecordAgentReply{"a1", t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"RecordCustomerReply",
       RecordCustomerReply{t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"MarkPendingCustomer",
       MarkPendingCustomer{"a1", t},
       {{Status::none, nc},
        {Status::new_ticket, bad},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"ResumeTicket",
       ResumeTicket{"a1", t},
       {{Status::none, nc},
        {Status::new_ticket, bad},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"AddNote",
       AddNote{"a1", "called the courier", t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"ChangePriority",
       ChangePriority{Priority::high, "lead-1", make_table(), t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"ChangeSlaPolicy",
       ChangeSlaPolicy{Tier::vip, make_table(), t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"ResolveTicket",
       ResolveTicket{"a1", "done", t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, bad},
        {Status::closed, closed}}},
      {"ReopenTicket",
       ReopenTicket{"a1", "customer called again", t},
       {{Status::none, nc},
        {Status::new_ticket, bad},
        {Status::open, bad},
        {Status::pending_customer, bad},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"CloseTicket",
       CloseTicket{"a1", t},
       {{Status::none, nc},
        {Status::new_ticket, bad},
        {Status::open, bad},
        {Status::pending_customer, bad},
        {Status::resolved, kOk},
        {Status::closed, closed}}},
      {"CheckSla",
       CheckSla{t},
       {{Status::none, nc},
        {Status::new_ticket, kOk},
        {Status::open, kOk},
        {Status::pending_customer, kOk},
        {Status::resolved, kOk},
        {Status::closed, kOk}}},
  };
}

TEST(TicketDecider, EveryCommandInEveryStatus) {
  for (const Row& row : matrix()) {
    ASSERT_EQ(row.outcome.size(), 6u) << row.command_name;
    for (const auto& [status, expected] : row.outcome) {
      SCOPED_TRACE(std::string(row.command_name) + " in status " + std::string(to_string(status)));
      const auto history = history_in(status);
      ASSERT_EQ(fold_events<Decider>(history).status, status);
      const auto decision = decide(fold_events<Decider>(history), row.command);
      if (expected) {
        ASSERT_FALSE(decision.accepted());
        EXPECT_EQ(decision.rejection().code, *expected) << decision.rejection().detail;
        EXPECT_FALSE(decision.rejection().detail.empty());
      } else {
        EXPECT_TRUE(decision.accepted())
            << to_string(decision.rejection().code) << ": " << decision.rejection().detail;
      }
    }
  }
}

// ---- CreateTicket ----------------------------------------------------------------------------

TEST(TicketDecider, CreateRecordsFieldsAndThePickedPolicy) {
  auto command = create_command();
  command.fields.email = FieldValue{"", FieldSource::extracted};  // empty: simply not known
  const auto outcome = given<Decider>({}).when(command);
  ASSERT_EQ(outcome.events().size(), 1u);
  const auto created = std::get<TicketCreated>(outcome.events()[0]);
  EXPECT_EQ(created.policy, policy_for(Tier::regular, Priority::normal));
  EXPECT_EQ(created.fields.order_number, (FieldValue{"SO-123", FieldSource::extracted}));
  EXPECT_EQ(created.fields.email, std::nullopt);
  const State s = outcome.state();
  EXPECT_EQ(s.status, Status::new_ticket);
  EXPECT_EQ(s.source, TicketSource::unresolved_conversation);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::first_response)].phase, ClockPhase::running);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::resolution)].phase, ClockPhase::running);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::next_reply)].phase, ClockPhase::idle);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::first_response)].target, 60min);
  EXPECT_EQ(next_deadline(s), at(48min));
}

TEST(TicketDecider, CreateRejectsBadInput) {
  const auto rejected = [](std::function<void(CreateTicket&)> edit) {
    auto command = create_command();
    edit(command);
    return given<Decider>({}).when(command).rejection_code();
  };
  EXPECT_EQ(rejected([](auto& c) { c.ticket_id.clear(); }), Rejection::invalid_id);
  EXPECT_EQ(rejected([](auto& c) { c.customer_id = "cust 1"; }), Rejection::invalid_id);
  EXPECT_EQ(rejected([](auto& c) { c.conversation_id = std::string(200, 'c'); }),
            Rejection::invalid_id);
  EXPECT_EQ(rejected([](auto& c) { c.created_by = "\xff"; }), Rejection::invalid_id);
  EXPECT_EQ(rejected([](auto& c) { c.subject = "   "; }), Rejection::invalid_text);
  EXPECT_EQ(rejected([](auto& c) { c.subject = std::string(kSubjectBytesMax + 1, 's'); }),
            Rejection::invalid_text);
  EXPECT_EQ(rejected([](auto& c) { c.description = "bad \xc3\x28 utf8"; }),
            Rejection::invalid_text);
  EXPECT_EQ(rejected([](auto& c) { c.channel = static_cast<Channel>(99); }),
            Rejection::invalid_value);
  EXPECT_EQ(rejected([](auto& c) { c.priority = static_cast<Priority>(0); }),
            Rejection::invalid_value);
  EXPECT_EQ(rejected([](auto& c) {
              c.fields.phone = FieldValue{"call me", FieldSource::agent};
            }),
            Rejection::invalid_field);
  EXPECT_EQ(rejected([](auto& c) {
              c.fields.email = FieldValue{"a@b", FieldSource::agent};
            }),
            Rejection::invalid_field);
  EXPECT_EQ(rejected([](auto& c) {
              c.fields.order_number = FieldValue{"SO 1", FieldSource::agent};
            }),
            Rejection::invalid_field);
  EXPECT_EQ(rejected([](auto& c) {
              c.fields.product = FieldValue{"kettle", static_cast<FieldSource>(9)};
            }),
            Rejection::invalid_value);
  EXPECT_EQ(rejected([](auto& c) {
              c.fields.category = FieldValue{std::string(300, 'x'), FieldSource::agent};
            }),
            Rejection::invalid_text);
  EXPECT_EQ(rejected([](auto& c) { c.at = from_unix_ms(0); }), Rejection::invalid_time);
  EXPECT_EQ(rejected([](auto& c) { c.sla_policies.entries.clear(); }), Rejection::no_sla_policy);
  EXPECT_EQ(rejected([](auto& c) { c.sla_policies.entries[5].policy.warn_fraction = 1.5; }),
            Rejection::invalid_sla_policy);
  EXPECT_EQ(rejected([](auto& c) { c.sla_policies.entries[5].policy.first_response_target = {}; }),
            Rejection::invalid_sla_policy);
  EXPECT_EQ(rejected([](auto& c) { c.sla_policies.entries[5].policy.supervisor_group.clear(); }),
            Rejection::invalid_sla_policy);
  EXPECT_EQ(
      rejected([](auto& c) { c.sla_policies.entries[5].policy.calendar = BusinessCalendar{}; }),
      Rejection::invalid_sla_policy);
  EXPECT_EQ(rejected([](auto& c) {
              c.sla_policies.entries.resize(kSlaPolicyTableEntriesMax + 1,
                                            c.sla_policies.entries[0]);
            }),
            Rejection::invalid_sla_policy);
}

TEST(TicketDecider, RejectionDetailsArePrecise) {
  auto command = create_command();
  command.tier = Tier::enterprise;
  command.priority = Priority::urgent;
  command.sla_policies.entries.pop_back();
  EXPECT_EQ(given<Decider>({}).when(command).rejection_detail(),
            "the SLA policy table has no entry for tier enterprise and priority urgent");
  EXPECT_EQ(
      given<Decider>(new_ticket()).when(ReopenTicket{"a1", "why", at(1min)}).rejection_detail(),
      "cannot reopen a new ticket; only a resolved ticket can be reopened");
  EXPECT_EQ(
      given<Decider>(closed_ticket()).when(ResolveTicket{"a1", "", at(40min)}).rejection_detail(),
      "cannot resolve: the ticket is closed, and closed tickets are final");
  EXPECT_EQ(given<Decider>(new_ticket()).when(AddNote{"a1", "", at(1min)}).rejection_detail(),
            "the note is empty");
  EXPECT_EQ(
      given<Decider>(new_ticket()).when(AssignTicket{"bob", "lead", at(1min)}).rejection_detail(),
      "the assignee is neither 'agent:<id>' nor 'group:<id>'");
  EXPECT_EQ(given<Decider>({}).when(CheckSla{at(1min)}).rejection_detail(),
            "the ticket does not exist; create it first");
}

// ---- UpdateFields ----------------------------------------------------------------------------

TEST(TicketDecider, UpdateFieldsRecordsOnlyChangesAndClearsEmptyValues) {
  UpdateFields command{{}, "a1", at(1min)};
  command.fields.order_number = FieldValue{"SO-123", FieldSource::extracted};  // unchanged
  command.fields.phone = FieldValue{"", FieldSource::agent};                   // clear
  command.fields.email = FieldValue{"li@example.com", FieldSource::agent};     // set
  const auto outcome = given<Decider>(new_ticket()).when(command);
  FieldsUpdated expected{{}, "a1", at(1min)};
  expected.fields.phone = FieldValue{"", FieldSource::agent};
  expected.fields.email = FieldValue{"li@example.com", FieldSource::agent};
  EXPECT_EQ(outcome.events(), (Events{expected}));
  EXPECT_EQ(outcome.state().fields.phone, std::nullopt);
  EXPECT_EQ(outcome.state().fields.email, (FieldValue{"li@example.com", FieldSource::agent}));
  EXPECT_EQ(outcome.state().fields.order_number, (FieldValue{"SO-123", FieldSource::extracted}));
}

TEST(TicketDecider, UpdateFieldsWithoutChangeIsANoOp) {
  UpdateFields command{{}, "a1", at(1min)};
  command.fields.category = FieldValue{"delivery", FieldSource::extracted};
  command.fields.email = FieldValue{"", FieldSource::agent};  // clearing what is not set
  EXPECT_EQ(given<Decider>(new_ticket()).when(command).events(), Events{});
}

TEST(TicketDecider, UpdateFieldsRejectsInvalidValues) {
  UpdateFields command{{}, "a1", at(1min)};
  command.fields.phone = FieldValue{"12", FieldSource::agent};
  EXPECT_EQ(given<Decider>(new_ticket()).when(command).rejection_detail(),
            "the phone number has 2 digits; it needs 3 to 20");
  command.fields.phone.reset();
  command.by = "";
  EXPECT_EQ(given<Decider>(new_ticket()).when(command).rejection_code(), Rejection::invalid_id);
}

// ---- AssignTicket ----------------------------------------------------------------------------

TEST(TicketDecider, AssigningANewTicketToAnAgentOpensIt) {
  const auto outcome =
      given<Decider>(new_ticket()).when(AssignTicket{"agent:a1", "lead", at(2min)});
  ASSERT_EQ(outcome.events().size(), 2u);
  EXPECT_EQ(outcome.events()[0], Event(TicketAssigned{"agent:a1", "lead", at(2min)}));
  const auto opened = std::get<StatusChanged>(outcome.events()[1]);
  EXPECT_EQ(opened.to, Status::open);
  EXPECT_EQ(opened.elapsed, (ClockDurations{2min, 0min, 2min}));
  EXPECT_EQ(outcome.state().status, Status::open);
  EXPECT_EQ(outcome.state().assignee, "agent:a1");
}

TEST(TicketDecider, AssigningToAGroupLeavesTheTicketNew) {
  const auto outcome =
      given<Decider>(new_ticket()).when(AssignTicket{"group:billing", "bot", at(2min)});
  EXPECT_EQ(outcome.events(), (Events{TicketAssigned{"group:billing", "bot", at(2min)}}));
  EXPECT_EQ(outcome.state().status, Status::new_ticket);
}

TEST(TicketDecider, AssigningTheSameAssigneeIsANoOp) {
  EXPECT_EQ(given<Decider>(open_ticket()).when(AssignTicket{"agent:a1", "lead", at(9min)}).events(),
            Events{});
}

TEST(TicketDecider, AssigneeFormatIsChecked) {
  for (const char* bad : {"a1", "agent:", "team:x", "agent:with space", "group:\x01"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(
        given<Decider>(new_ticket()).when(AssignTicket{bad, "lead", at(1min)}).rejection_code(),
        Rejection::invalid_assignee);
  }
}

// ---- replies and waiting for the customer ----------------------------------------------------

TEST(TicketDecider, FirstAgentReplyOpensANewTicketAndStopsFirstResponse) {
  const auto outcome = given<Decider>(new_ticket()).when(RecordAgentReply{"a1", at(7min)});
  const ClockDurations elapsed{7min, 0min, 7min};
  EXPECT_EQ(outcome.events(), (Events{StatusChanged{Status::open, "a1", elapsed, at(7min)},
                                      AgentReplied{"a1", elapsed, at(7min)}}));
  const State s = outcome.state();
  EXPECT_EQ(s.first_response_at, at(7min));
  const SlaClock& first = s.clocks[index_of(SlaClockKind::first_response)];
  EXPECT_EQ(first.phase, ClockPhase::stopped);
  EXPECT_EQ(first.elapsed, 7min);
  EXPECT_FALSE(first.breached);
}

TEST(TicketDecider, CustomerReplyBeforeFirstResponseStartsNoNextReplyClock) {
  const auto outcome = given<Decider>(new_ticket()).when(RecordCustomerReply{at(3min)});
  EXPECT_EQ(outcome.events(), (Events{CustomerReplied{at(3min)}}));
  EXPECT_EQ(outcome.state().clocks[index_of(SlaClockKind::next_reply)].phase, ClockPhase::idle);
}

TEST(TicketDecider, CustomerReplyAfterFirstResponseStartsANextReplyCycle) {
  const auto outcome = given<Decider>(answered_ticket()).when(RecordCustomerReply{at(15min)});
  EXPECT_EQ(outcome.events(), (Events{CustomerReplied{at(15min)}}));
  const SlaClock next = outcome.state().clocks[index_of(SlaClockKind::next_reply)];
  EXPECT_EQ(next.phase, ClockPhase::running);
  EXPECT_EQ(next.cycle, 1u);
  EXPECT_EQ(next.running_since, at(15min));
  EXPECT_EQ(next.target, 120min);
}

TEST(TicketDecider, CustomerReplyWhilePendingReopensWork) {
  const auto outcome = given<Decider>(pending_ticket()).when(RecordCustomerReply{at(40min)});
  ASSERT_EQ(outcome.events().size(), 2u);
  EXPECT_EQ(std::get<StatusChanged>(outcome.events()[0]).to, Status::open);
  EXPECT_EQ(std::get<StatusChanged>(outcome.events()[0]).by, "cust-1");
  EXPECT_EQ(outcome.events()[1], Event(CustomerReplied{at(40min)}));
  EXPECT_EQ(outcome.state().status, Status::open);
}

TEST(TicketDecider, CustomerReplyToAResolvedTicketReopensIt) {
  const auto outcome = given<Decider>(resolved_ticket()).when(RecordCustomerReply{at(40min)});
  EXPECT_EQ(outcome.events(), (Events{TicketReopened{"cust-1", "the customer replied", at(40min)},
                                      CustomerReplied{at(40min)}}));
  EXPECT_EQ(outcome.state().status, Status::open);
  EXPECT_EQ(outcome.state().reopen_count, 1u);
  EXPECT_EQ(outcome.state().clocks[index_of(SlaClockKind::next_reply)].phase, ClockPhase::running);
}

TEST(TicketDecider, WaitingForTheCustomerNeedsAFirstResponse) {
  const auto outcome = given<Decider>(open_ticket()).when(MarkPendingCustomer{"a1", at(9min)});
  EXPECT_EQ(outcome.rejection_code(), Rejection::no_first_response);
  EXPECT_EQ(outcome.rejection_detail(),
            "cannot wait for the customer before an agent has replied to them");
}

TEST(TicketDecider, MarkPendingPausesResolution) {
  const auto outcome = given<Decider>(answered_ticket()).when(MarkPendingCustomer{"a1", at(12min)});
  EXPECT_EQ(
      outcome.events(),
      (Events{StatusChanged{Status::pending_customer, "a1", {10min, 0min, 12min}, at(12min)}}));
  const SlaClock resolution = outcome.state().clocks[index_of(SlaClockKind::resolution)];
  EXPECT_EQ(resolution.phase, ClockPhase::paused);
  EXPECT_EQ(resolution.elapsed, 12min);
  EXPECT_EQ(resolution.running_since, std::nullopt);
  EXPECT_EQ(next_deadline(outcome.state()), std::nullopt);
}

TEST(TicketDecider, MarkPendingTwiceAndResumeOpenAreNoOps) {
  EXPECT_EQ(given<Decider>(pending_ticket()).when(MarkPendingCustomer{"a1", at(20min)}).events(),
            Events{});
  EXPECT_EQ(given<Decider>(answered_ticket()).when(ResumeTicket{"a1", at(20min)}).events(),
            Events{});
}

TEST(TicketDecider, ResumeReturnsToOpenAndRestartsResolution) {
  const auto outcome = given<Decider>(pending_ticket()).when(ResumeTicket{"a1", at(41min)});
  EXPECT_EQ(outcome.events(),
            (Events{StatusChanged{Status::open, "a1", {10min, 0min, 11min}, at(41min)}}));
  const SlaClock resolution = outcome.state().clocks[index_of(SlaClockKind::resolution)];
  EXPECT_EQ(resolution.phase, ClockPhase::running);
  EXPECT_EQ(resolution.elapsed, 11min);
  EXPECT_EQ(resolution.running_since, at(41min));
}

TEST(TicketDecider, AgentReplyWhilePendingKeepsWaiting) {
  const auto outcome = given<Decider>(pending_ticket()).when(RecordAgentReply{"a1", at(30min)});
  EXPECT_EQ(outcome.events(), (Events{AgentReplied{"a1", {10min, 0min, 11min}, at(30min)}}));
  EXPECT_EQ(outcome.state().status, Status::pending_customer);
  EXPECT_EQ(outcome.state().first_response_at, at(10min));
}

TEST(TicketDecider, ReplyToAClosedTicketIsRejected) {
  EXPECT_EQ(
      given<Decider>(closed_ticket()).when(RecordAgentReply{"a1", at(40min)}).rejection_code(),
      Rejection::ticket_closed);
  EXPECT_EQ(given<Decider>(closed_ticket()).when(RecordCustomerReply{at(40min)}).rejection_code(),
            Rejection::ticket_closed);
}

// ---- notes -----------------------------------------------------------------------------------

TEST(TicketDecider, NotesAreAddedUpToTheLimit) {
  auto history = new_ticket();
  for (std::size_t i = 0; i < kNotesMax; ++i) {
    history.push_back(NoteAdded{"a1", "note " + std::to_string(i), at(1min)});
  }
  const auto full = given<Decider>(history).when(AddNote{"a1", "one more", at(2min)});
  EXPECT_EQ(full.rejection_code(), Rejection::too_many_notes);
  EXPECT_EQ(full.rejection_detail(), "the ticket already has 200 notes; the limit is 200");

  const auto outcome = given<Decider>(new_ticket()).when(AddNote{"a1", "客户很着急", at(2min)});
  EXPECT_EQ(outcome.events(), (Events{NoteAdded{"a1", "客户很着急", at(2min)}}));
  EXPECT_EQ(outcome.state().notes, (std::vector<Note>{Note{"a1", "客户很着急", at(2min)}}));
}

TEST(TicketDecider, NoteTextIsChecked) {
  const auto note = [](std::string text) {
    return given<Decider>(new_ticket())
        .when(AddNote{"a1", std::move(text), at(1min)})
        .rejection_code();
  };
  EXPECT_EQ(note(""), Rejection::invalid_text);
  EXPECT_EQ(note(" \n\t"), Rejection::invalid_text);
  EXPECT_EQ(note(std::string(kNoteBytesMax + 1, 'n')), Rejection::invalid_text);
  EXPECT_EQ(note("\xed\xa0\x80"), Rejection::invalid_text);  // a UTF-16 surrogate
  EXPECT_EQ(given<Decider>(new_ticket()).when(AddNote{"", "hi", at(1min)}).rejection_code(),
            Rejection::invalid_id);
}

// ---- priority and policy ---------------------------------------------------------------------

TEST(TicketDecider, ChangePriorityPicksTheMatchingPolicyAndKeepsElapsedTime) {
  const auto outcome = given<Decider>(answered_ticket())
                           .when(ChangePriority{Priority::high, "lead", make_table(), at(15min)});
  EXPECT_EQ(outcome.events(), (Events{PriorityChanged{Priority::high, "lead", at(15min)},
                                      SlaPolicyChanged{Tier::regular,
                                                       policy_for(Tier::regular, Priority::high),
                                                       {10min, 0min, 15min},
                                                       at(15min)}}));
  const State s = outcome.state();
  EXPECT_EQ(s.priority, Priority::high);
  const SlaClock& resolution = s.clocks[index_of(SlaClockKind::resolution)];
  EXPECT_EQ(resolution.target, 12h);
  EXPECT_EQ(resolution.elapsed, 15min);
  // The stopped first_response clock keeps the target it was judged by.
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::first_response)].target, 60min);
}

TEST(TicketDecider, ChangePriorityToTheSameIsANoOpAndUnknownIsRejected) {
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ChangePriority{Priority::normal, "lead", make_table(), at(1min)})
                .events(),
            Events{});
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ChangePriority{static_cast<Priority>(7), "lead", make_table(), at(1min)})
                .rejection_code(),
            Rejection::invalid_value);
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ChangePriority{Priority::low, "lead", SlaPolicyTable{}, at(1min)})
                .rejection_code(),
            Rejection::no_sla_policy);
}

TEST(TicketDecider, ChangeSlaPolicyForANewTier) {
  const auto outcome =
      given<Decider>(new_ticket()).when(ChangeSlaPolicy{Tier::vip, make_table(), at(5min)});
  EXPECT_EQ(
      outcome.events(),
      (Events{SlaPolicyChanged{
          Tier::vip, policy_for(Tier::vip, Priority::normal), {5min, 0min, 5min}, at(5min)}}));
  EXPECT_EQ(outcome.state().tier, Tier::vip);
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ChangeSlaPolicy{Tier::regular, make_table(), at(5min)})
                .events(),
            Events{});
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ChangeSlaPolicy{static_cast<Tier>(0), make_table(), at(5min)})
                .rejection_code(),
            Rejection::invalid_value);
}

// ---- resolve, reopen, close ------------------------------------------------------------------

TEST(TicketDecider, ResolveStopsEveryClock) {
  const auto outcome =
      given<Decider>(pending_ticket()).when(ResolveTicket{"a1", "refunded", at(50min)});
  EXPECT_EQ(outcome.events(),
            (Events{TicketResolved{"a1", "refunded", {10min, 0min, 11min}, at(50min)}}));
  const State s = outcome.state();
  EXPECT_EQ(s.status, Status::resolved);
  EXPECT_EQ(s.resolved_at, at(50min));
  for (const SlaClock& clock : s.clocks) EXPECT_NE(clock.phase, ClockPhase::running);
  EXPECT_EQ(next_deadline(s), std::nullopt);
}

TEST(TicketDecider, ResolveWithoutAnyReplyStopsFirstResponseToo) {
  const auto outcome =
      given<Decider>(new_ticket()).when(ResolveTicket{"a1", "duplicate", at(5min)});
  EXPECT_EQ(outcome.state().clocks[index_of(SlaClockKind::first_response)].phase,
            ClockPhase::stopped);
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(ResolveTicket{"a1", std::string(kSummaryBytesMax + 1, 'x'), at(5min)})
                .rejection_code(),
            Rejection::invalid_text);
}

TEST(TicketDecider, ReopenResumesResolutionWithTheTimeAlreadyCounted) {
  const auto outcome =
      given<Decider>(resolved_ticket()).when(ReopenTicket{"a1", "the refund bounced", at(3h)});
  EXPECT_EQ(outcome.events(), (Events{TicketReopened{"a1", "the refund bounced", at(3h)}}));
  const State s = outcome.state();
  EXPECT_EQ(s.status, Status::open);
  EXPECT_EQ(s.resolved_at, std::nullopt);
  EXPECT_EQ(s.resolution_summary, "");
  const SlaClock& resolution = s.clocks[index_of(SlaClockKind::resolution)];
  EXPECT_EQ(resolution.phase, ClockPhase::running);
  EXPECT_EQ(resolution.elapsed, 20min);
  EXPECT_EQ(resolution.running_since, at(3h));
  EXPECT_EQ(given<Decider>(resolved_ticket()).when(ReopenTicket{"a1", "", at(3h)}).rejection_code(),
            Rejection::invalid_text);
}

TEST(TicketDecider, CloseIsFinal) {
  const auto outcome = given<Decider>(resolved_ticket()).when(CloseTicket{"a1", at(1h)});
  EXPECT_EQ(outcome.events(), (Events{TicketClosed{"a1", at(1h)}}));
  EXPECT_EQ(outcome.state().closed_at, at(1h));
  EXPECT_EQ(
      given<Decider>(closed_ticket()).when(ReopenTicket{"a1", "again", at(2h)}).rejection_code(),
      Rejection::ticket_closed);
  EXPECT_EQ(given<Decider>(closed_ticket()).when(CloseTicket{"a1", at(2h)}).rejection_code(),
            Rejection::ticket_closed);
  EXPECT_EQ(given<Decider>(open_ticket()).when(CloseTicket{"a1", at(2h)}).rejection_detail(),
            "cannot close an open ticket; only a resolved ticket can be closed; resolve it first");
}

// ---- time ------------------------------------------------------------------------------------

TEST(TicketDecider, CommandsOutsideTheSupportedYearsAreRejected) {
  EXPECT_EQ(given<Decider>(new_ticket()).when(CheckSla{kLatestTime}).rejection_code(),
            Rejection::invalid_time);
  EXPECT_EQ(given<Decider>(new_ticket())
                .when(AddNote{"a1", "x", kEarliestTime - Duration(1)})
                .rejection_code(),
            Rejection::invalid_time);
}

TEST(TicketDecider, ACommandFromThePastNeverCountsTimeBackwards) {
  // A node with a clock behind the one that wrote the last event.
  const auto outcome = given<Decider>(open_ticket()).when(RecordAgentReply{"a1", at(1min)});
  const State s = outcome.state();
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::first_response)].elapsed, 5min);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::resolution)].elapsed, 5min);
  EXPECT_EQ(s.clocks[index_of(SlaClockKind::resolution)].running_since, at(5min));
}

// ---- customer-visible status -----------------------------------------------------------------

TEST(TicketCustomerStatus, SaysWhereTheTicketIsInBothLanguages) {
  EXPECT_EQ(customer_status_text(State{}).en, "We could not find this ticket.");
  EXPECT_EQ(customer_status_text(fold_events<Decider>(new_ticket())),
            (StatusText{"您的工单 T-1 已收到，正在等待客服处理。",
                        "Your ticket T-1 has been received and is waiting for an agent."}));
  EXPECT_EQ(customer_status_text(fold_events<Decider>(answered_ticket())).en,
            "Your ticket T-1 is being worked on by an agent.");
  EXPECT_EQ(customer_status_text(fold_events<Decider>(pending_ticket())).zh,
            "您的工单 T-1 正在等待您的回复，请回复我们的最新消息。");
  EXPECT_EQ(customer_status_text(fold_events<Decider>(resolved_ticket())).en,
            "Your ticket T-1 has been resolved. If the problem persists, just reply to reopen it.");
  EXPECT_EQ(customer_status_text(fold_events<Decider>(closed_ticket())).en,
            "Your ticket T-1 is closed. If you need more help, please start a new request.");
  auto escalated = answered_ticket();
  escalated.push_back(
      Escalated{1, Priority::high, "group:supervisors", SlaClockKind::resolution, at(1h)});
  const StatusText text = customer_status_text(fold_events<Decider>(escalated));
  EXPECT_EQ(text.en, "Your ticket T-1 has been escalated and a senior team is working on it.");
  EXPECT_EQ(text.en.find("supervisors"), std::string::npos);  // never internal details
}

}  // namespace
}  // namespace sb::ticket
