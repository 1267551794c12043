// Seeded random property test: replaying the accepted events gives the live state, the SLA check
// is idempotent and its timer exact, and the ticket's invariants hold after every command.

#include <gtest/gtest.h>

#include "actors/ticket/ticket_decider.hpp"
#include "tests/actors/ticket/ticket_random.hpp"
#include "tests/actors/ticket/ticket_test_support.hpp"

namespace sb::ticket {
namespace {

using namespace testing;

constexpr std::uint64_t kSeeds = 60;
constexpr int kCommandsPerSeed = 300;

void expect_invariants(const State& before, const State& after) {
  EXPECT_GE(after.escalation_level, before.escalation_level);
  EXPECT_GE(after.breach_count, before.breach_count);
  EXPECT_GE(after.reopen_count, before.reopen_count);
  EXPECT_LE(after.notes.size(), kNotesMax);
  EXPECT_TRUE(before.status != Status::closed || after == before) << "closed is final";
  for (SlaClockKind kind : kSlaClockKinds) {
    SCOPED_TRACE(std::string(to_string(kind)));
    const SlaClock& was = before.clocks[index_of(kind)];
    const SlaClock& is = after.clocks[index_of(kind)];
    EXPECT_GE(is.elapsed, Duration(0));
    EXPECT_EQ(is.running_since.has_value(), is.phase == ClockPhase::running);
    EXPECT_GE(is.cycle, was.cycle);
    if (is.cycle != was.cycle) continue;
    EXPECT_GE(is.elapsed, was.elapsed);
    EXPECT_TRUE(!was.breached || is.breached) << "a breached clock stays breached";
    EXPECT_TRUE(!was.warned || is.warned);
    EXPECT_TRUE(!is.breached || is.warned) << "a breach is always preceded by its warning";
  }
}

// Applies `command` to `live` (when accepted) and appends its events to `journal`.
void handle(State& live, std::vector<Event>& journal, const Command& command) {
  const State before = live;
  const auto decision = decide(live, command);
  if (!decision.accepted()) {
    EXPECT_FALSE(decision.rejection().detail.empty());
    EXPECT_NE(to_string(decision.rejection().code), "unknown");
    return;
  }
  for (const Event& event : decision.events()) {
    live = evolve(std::move(live), event);
    journal.push_back(event);
  }
  expect_invariants(before, live);
}

// The timer: nothing is due just before next_deadline, something is due at it.
void expect_exact_deadline(const State& live, Timestamp now) {
  const auto deadline = next_deadline(live);
  if (!deadline) return;
  EXPECT_GT(*deadline, now) << "a check at `now` left something due";
  const auto early = decide(live, CheckSla{*deadline - Duration(1)});
  ASSERT_TRUE(early.accepted());
  EXPECT_TRUE(early.events().empty());
  const auto due = decide(live, CheckSla{*deadline});
  ASSERT_TRUE(due.accepted());
  EXPECT_FALSE(due.events().empty());
}

TEST(TicketProperty, ReplayEqualsLiveAndInvariantsHold) {
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    SCOPED_TRACE("seed=" + std::to_string(seed));
    RandomTicket random(seed);
    State live;
    std::vector<Event> journal;
    Timestamp now = T0;
    for (int step = 0; step < kCommandsPerSeed && !HasFailure(); ++step) {
      now = random.advance(now);
      handle(live, journal, random.command(live, now));
      if (live.status == Status::none) continue;
      // The timer fires: a second check at the same time must record nothing.
      handle(live, journal, CheckSla{now});
      const auto again = decide(live, CheckSla{now});
      ASSERT_TRUE(again.accepted());
      EXPECT_TRUE(again.events().empty()) << "CheckSla is not idempotent";
      expect_exact_deadline(live, now);
    }
    EXPECT_EQ(fold_events<Decider>(journal), live) << "replay differs from live state";
  }
}

// The walks above must actually reach the interesting places, or the property proves little.
TEST(TicketProperty, WalksCoverEveryEventKind) {
  std::vector<bool> seen(std::variant_size_v<Event>, false);
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    RandomTicket random(seed);
    State live;
    std::vector<Event> journal;
    Timestamp now = T0;
    for (int step = 0; step < kCommandsPerSeed; ++step) {
      now = random.advance(now);
      const auto decision = decide(live, random.command(live, now));
      if (!decision.accepted()) continue;
      for (const Event& event : decision.events()) {
        seen[event.index()] = true;
        live = evolve(std::move(live), event);
      }
    }
  }
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_TRUE(seen[i]) << "event index " << i;
}

}  // namespace
}  // namespace sb::ticket
