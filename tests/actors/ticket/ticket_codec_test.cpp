// Ticket codec: every event and a rich state round-trip; garbage and unknown values are errors.

#include "actors/ticket/ticket_codec.hpp"

#include <random>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "actors/ticket/ticket_decider.hpp"
#include "schemas/ticket.capnp.h"
#include "tests/actors/ticket/ticket_random.hpp"
#include "tests/actors/ticket/ticket_test_support.hpp"

namespace sb::ticket {
namespace {

using namespace testing;

SlaPolicy policy_with_calendar() {
  SlaPolicy policy = policy_for(Tier::vip, Priority::urgent);
  BusinessCalendar calendar;
  calendar.utc_offset_minutes = -5 * 60 - 30;
  calendar.opening_hours = {{1, 9 * 60, 12 * 60}, {1, 13 * 60, 18 * 60}, {7, 0, 24 * 60}};
  calendar.holidays = {std::chrono::year{2024} / std::chrono::December / 25,
                       std::chrono::year{1999} / std::chrono::January / 1};
  policy.calendar = calendar;
  policy.warn_fraction = 0.7321;
  return policy;
}

Fields all_fields() {
  Fields f;
  f.category = FieldValue{"退款", FieldSource::extracted};
  f.order_number = FieldValue{"SO-42", FieldSource::agent};
  f.phone = FieldValue{"+86 138", FieldSource::customer};
  f.email = FieldValue{"", FieldSource::agent};  // a clearing change
  f.product = FieldValue{"kettle", FieldSource::extracted};
  return f;
}

std::vector<Event> one_of_each() {
  TicketCreated created{"T-9",
                        "cust-9",
                        "",
                        Channel::email,
                        Tier::enterprise,
                        Priority::low,
                        TicketSource::out_of_hours,
                        "bot",
                        "主题",
                        std::string(3000, 'd'),
                        all_fields(),
                        policy_with_calendar(),
                        at(1min)};
  const ClockDurations elapsed{1min, 2min, 3h};
  return {
      created,
      FieldsUpdated{all_fields(), "a1", at(2min)},
      TicketAssigned{"group:billing", "lead", at(3min)},
      StatusChanged{Status::pending_customer, "a1", elapsed, at(4min)},
      AgentReplied{"a1", elapsed, at(5min)},
      CustomerReplied{at(6min)},
      NoteAdded{"a1", "note\nwith lines", at(7min)},
      PriorityChanged{Priority::urgent, "lead", at(8min)},
      SlaPolicyChanged{Tier::vip, policy_with_calendar(), elapsed, at(9min)},
      SlaWarned{SlaClockKind::next_reply, 3, 2h, 97min, at(10min), at(11min)},
      SlaBreached{SlaClockKind::resolution, 1, 24h, 25h, at(12min), at(13min)},
      Escalated{4, Priority::high, "group:supervisors", SlaClockKind::first_response, at(14min)},
      TicketResolved{"a1", "", elapsed, at(15min)},
      TicketReopened{"cust-9", "the customer replied", at(16min)},
      TicketClosed{"a1", at(17min)},
  };
}

TEST(TicketCodec, EveryEventRoundTrips) {
  const auto events = one_of_each();
  ASSERT_EQ(events.size(), std::variant_size_v<Event>);
  for (std::size_t i = 0; i < events.size(); ++i) {
    SCOPED_TRACE("event index " + std::to_string(i));
    ASSERT_EQ(events[i].index(), i);
    const std::string bytes = Codec::encode_event(events[i]);
    const auto decoded = Codec::decode_event(bytes);
    ASSERT_TRUE(decoded.has_value()) << decoded.error();
    EXPECT_EQ(*decoded, events[i]);
  }
}

State rich_state() {
  auto history = run(
      {ChangeSlaPolicy{Tier::vip, make_table(), at(20min)}, AddNote{"a1", "客户很着急", at(21min)},
       RecordCustomerReply{at(22min)}, MarkPendingCustomer{"a1", at(23min)}, CheckSla{at(24min)}},
      answered_ticket());
  State s = fold_events<Decider>(history);
  s.policy = policy_with_calendar();
  s.fields = all_fields();
  s.escalation_level = 3;
  s.breach_count = 2;
  s.reopen_count = 1;
  s.resolved_at = at(1h);
  s.closed_at = at(2h);
  s.resolution_summary = "done";
  return s;
}

TEST(TicketCodec, RichStateRoundTrips) {
  for (const State& state : {State{}, fold_events<Decider>(new_ticket()), rich_state()}) {
    const auto decoded = Codec::decode_state(Codec::encode_state(state));
    ASSERT_TRUE(decoded.has_value()) << decoded.error();
    EXPECT_EQ(*decoded, state);
  }
}

TEST(TicketCodec, RandomWalkEventsAndStatesRoundTrip) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE("seed=" + std::to_string(seed));
    RandomTicket random(seed);
    State live;
    Timestamp now = T0;
    for (int step = 0; step < 200; ++step) {
      now = random.advance(now);
      const auto decision = decide(live, random.command(live, now));
      if (!decision.accepted()) continue;
      for (const Event& event : decision.events()) {
        const auto decoded = Codec::decode_event(Codec::encode_event(event));
        ASSERT_TRUE(decoded.has_value()) << decoded.error();
        ASSERT_EQ(*decoded, event);
        live = evolve(std::move(live), event);
      }
      const auto state = Codec::decode_state(Codec::encode_state(live));
      ASSERT_TRUE(state.has_value()) << state.error();
      ASSERT_EQ(*state, live);
    }
  }
}

TEST(TicketCodec, DecodesFromUnalignedBytes) {
  const std::string bytes = Codec::encode_event(one_of_each()[0]);
  const std::string shifted = "x" + bytes;
  const auto decoded = Codec::decode_event(std::string_view(shifted).substr(1));
  ASSERT_TRUE(decoded.has_value()) << decoded.error();
  EXPECT_EQ(*decoded, one_of_each()[0]);
}

TEST(TicketCodec, GarbageIsAnErrorNotACrash) {
  EXPECT_EQ(Codec::decode_event("").error(),
            "a ticket event of 0 bytes is not a whole number of 8-byte words");
  EXPECT_FALSE(Codec::decode_event("1234567").has_value());
  EXPECT_FALSE(Codec::decode_state(std::string(16, '\xff')).has_value());
  std::mt19937_64 rng(7);
  for (int i = 0; i < 500; ++i) {
    std::string bytes(8 * (1 + rng() % 40), '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (i % 2 == 0) bytes.replace(0, 8, std::string("\0\0\0\0\x10\0\0\0", 8));  // plausible header
    (void)Codec::decode_event(bytes);
    (void)Codec::decode_state(bytes);
  }
  // Truncations of a valid message.
  const std::string valid = Codec::encode_state(rich_state());
  for (std::size_t size = 8; size < valid.size(); size += 8) {
    EXPECT_FALSE(Codec::decode_state(valid.substr(0, size)).has_value()) << size;
  }
}

TEST(TicketCodec, UnknownUnionMemberIsAnError) {
  std::string bytes = Codec::encode_event(CustomerReplied{at(1min)});
  // Segment table (8 bytes), root pointer (8 bytes), then the union discriminant.
  bytes[16] = 99;
  bytes[17] = 0;
  EXPECT_EQ(Codec::decode_event(bytes).error(),
            "invalid ticket event: unknown ticket event kind 99");
}

TEST(TicketCodec, UnknownEnumValuesAreErrors) {
  Escalated escalated{1, static_cast<Priority>(9), "group:x", SlaClockKind::resolution, at(1min)};
  EXPECT_EQ(Codec::decode_event(Codec::encode_event(escalated)).error(),
            "invalid ticket event: unknown priority value 9");
  SlaWarned warned{static_cast<SlaClockKind>(4), 1, 1h, 1h, at(1min), at(1min)};
  EXPECT_FALSE(Codec::decode_event(Codec::encode_event(warned)).has_value());
  StatusChanged resolved{Status::resolved, "a1", {}, at(1min)};
  EXPECT_EQ(Codec::decode_event(Codec::encode_event(resolved)).error(),
            "invalid ticket event: StatusChanged to status 4; only open and pending_customer are "
            "changes of this kind");
  State state = rich_state();
  state.clocks[1].phase = static_cast<ClockPhase>(0);
  EXPECT_EQ(Codec::decode_state(Codec::encode_state(state)).error(),
            "invalid ticket state: unknown SLA clock phase value 0");
  Fields fields;
  fields.product = FieldValue{"kettle", static_cast<FieldSource>(200)};
  EXPECT_FALSE(Codec::decode_event(Codec::encode_event(FieldsUpdated{fields, "a1", at(1min)})));
}

TEST(TicketCodec, WrongListSizesAreErrors) {
  capnp::MallocMessageBuilder message;
  auto replied = message.initRoot<schema::ticket::TicketEvent>().initAgentReplied();
  replied.setAgentId("a1");
  replied.initElapsedMs(2);
  const auto words = capnp::messageToFlatArray(message);
  const auto bytes = words.asBytes();
  EXPECT_EQ(
      Codec::decode_event(std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size()))
          .error(),
      "invalid ticket event: expected 3 SLA clock durations, got 2");

  State state = rich_state();
  state.clocks[2].running_since.reset();  // running without a start: corrupt
  state.clocks[2].phase = ClockPhase::running;
  EXPECT_EQ(
      Codec::decode_state(Codec::encode_state(state)).error(),
      "invalid ticket state: an SLA clock must have a running-since time exactly while it runs");
}

}  // namespace
}  // namespace sb::ticket
