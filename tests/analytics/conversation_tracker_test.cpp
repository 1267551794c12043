// The conversation tracker forgets exactly the conversations closed before the cutoff: not one
// that reopened since, not one still open, and a re-closed one by its latest close.

#include "runtime/analytics/conversation_tracker.hpp"

#include <gtest/gtest.h>

namespace sb::analytics {
namespace {

using namespace conversation;

Timestamp at_ms(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }

class ConversationTrackerTest : public ::testing::Test {
 protected:
  void open(const std::string& id, std::int64_t ms) {
    tracker_.apply(id, Opened{"cust-" + id, Channel::web, at_ms(ms)});
  }
  void close(const std::string& id, std::int64_t ms) {
    tracker_.apply(id, Closed{CloseReason::agent_closed, at_ms(ms)});
  }
  void reopen(const std::string& id, std::int64_t ms) {
    tracker_.apply(id, Reopened{Phase::resolved, at_ms(ms)});
  }
  ReadModels models_;
  ConversationTracker tracker_{models_};
};

TEST_F(ConversationTrackerTest, EvictsOnlyWhatClosedBeforeTheCutoffAndStayedClosed) {
  open("a", 0);
  close("a", 1'000);
  open("b", 0);
  close("b", 5'000);
  open("c", 0);  // never closed
  open("d", 0);
  close("d", 2'000);
  reopen("d", 3'000);  // its close at 2 s no longer counts
  open("e", 0);
  close("e", 1'500);
  close("e", 8'000);  // closed again (an auto-close after a resolve): the later close counts
  ASSERT_EQ(tracker_.tracked(), 5u);

  tracker_.evict_closed_before(4'000);
  EXPECT_EQ(tracker_.tracked(), 4u);  // a only

  close("d", 6'000);
  tracker_.evict_closed_before(7'000);
  EXPECT_EQ(tracker_.tracked(), 2u);  // b and d; c is open, e closed at 8 s

  tracker_.evict_closed_before(1'000'000);
  EXPECT_EQ(tracker_.tracked(), 1u);  // c
}

TEST_F(ConversationTrackerTest, AConversationSeenAgainAfterEvictionStartsAFreshTrack) {
  open("a", 0);
  close("a", 1'000);
  tracker_.evict_closed_before(2'000);
  EXPECT_EQ(tracker_.tracked(), 0u);
  reopen("a", 3'000);  // a fresh track, open
  tracker_.evict_closed_before(1'000'000);
  EXPECT_EQ(tracker_.tracked(), 1u);
}

}  // namespace
}  // namespace sb::analytics
