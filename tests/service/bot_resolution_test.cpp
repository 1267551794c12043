// A conversation the bot handles alone ends over the real node: the customer goes silent, the
// bot resolves it (its timer, through the registry), and the customer writing again within the
// reopen window continues the same conversation with the bot.

#include <chrono>
#include <thread>

#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;
using namespace std::chrono_literals;

class BotResolutionTest : public NodeFixture {
 protected:
  void start_resolving_after(std::chrono::milliseconds silence) {
    runtime::ConversationSettings policy;
    policy.bot_resolve_after = silence;
    start(policy);
  }
  std::string phase_of(const std::string& conversation_id) {
    auto view = wait_for<ConversationView>([&](auto done) { api().conversation(conversation_id, done); });
    EXPECT_TRUE(view) << view.error().message;
    return view ? view->phase : std::string();
  }
  // The timer fires in the actor; poll the view until the phase is reached or the wait is over.
  bool reaches(const std::string& conversation_id, const std::string& phase) {
    for (auto deadline = std::chrono::steady_clock::now() + kWait; std::chrono::steady_clock::now() < deadline;) {
      if (phase_of(conversation_id) == phase) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
};

TEST_F(BotResolutionTest, ASilentCustomersBotConversationIsResolvedAndReopensOnTheNextMessage) {
  start_resolving_after(300ms);
  auto first = say("visitor-1", "m-1", "how long does a refund take");
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_FALSE(first->handed_off);
  EXPECT_EQ(phase_of(first->conversation_id), "bot");
  ASSERT_TRUE(reaches(first->conversation_id, "resolved"));

  auto again = say("visitor-1", "m-2", "and how do I return the watch?");
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->conversation_id, first->conversation_id) << "within the reopen window: the same one";
  EXPECT_TRUE(again->bot_reply) << "the bot answers the reopened conversation";
  EXPECT_EQ(phase_of(first->conversation_id), "bot");
}

// A deadline further out than the wake-up index's scan interval holds no timer in memory: the
// scan finds it and wakes the (still living) conversation, which arms its timer then.
TEST_F(BotResolutionTest, ADeadlineBeyondTheWakeScanIntervalIsReachedThroughTheWakeUpIndex) {
  wake_scan_interval_ = 150ms;
  start_resolving_after(1500ms);  // well past the check below, even on a loaded machine
  auto first = say("visitor-3", "m-1", "how long does a refund take");
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_FALSE(first->handed_off);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(phase_of(first->conversation_id), "bot") << "not due yet";
  ASSERT_TRUE(reaches(first->conversation_id, "resolved"));
}

TEST_F(BotResolutionTest, AConversationWaitingForAPersonIsNotTheBotsToResolve) {
  start_resolving_after(200ms);
  auto handoff = say("visitor-2", "m-1", "转人工");
  ASSERT_TRUE(handoff) << handoff.error().message;
  ASSERT_TRUE(handoff->handed_off);
  std::this_thread::sleep_for(600ms);
  EXPECT_EQ(phase_of(handoff->conversation_id), "queued");
}

}  // namespace
}  // namespace sb::service
