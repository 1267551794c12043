// Follow-up tickets over the real node: a handoff outside the support hours opens a ticket at
// once (with the fields the conversation knows, on the customer's timeline, and the customer is
// told); a customer who leaves the queue gets one too; and a conversation whose abandonment falls
// due while the node is down is closed, with its ticket, after the restart — nobody touching it
// (the journal's wake-up index wakes it).

#include <chrono>
#include <thread>

#include "actors/conversation/conversation_follow_up.hpp"
#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

// Open one hour a week, on a weekday other than today (UTC): closed now, and for the whole test.
ticket::BusinessCalendar closed_today() {
  static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const auto today =
      std::chrono::weekday(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  auto hours =
      ticket::parse_opening_hours(std::string(kDays[today.iso_encoding() % 7]) + " 09:00-10:00");
  EXPECT_TRUE(hours) << hours.error();
  return *hours;
}

class FollowUpTicketTest : public NodeFixture {
 protected:
  Expected<TicketView, ServiceError> ticket_of(const std::string& conversation_id) {
    const auto id = conversation::follow_up_ticket_id(conversation_id, 1);
    // The ticket is an effect after the handoff is durable: poll until it exists.
    for (auto deadline = std::chrono::steady_clock::now() + kWait;
         std::chrono::steady_clock::now() < deadline;) {
      auto view = wait_for<TicketView>([&](auto done) { api().ticket(id, done); });
      if (view || view.error().code != ErrorCode::not_found) return view;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return unexpected(ServiceError{ErrorCode::not_found, "no follow-up ticket " + id, {}});
  }
  std::string phase_of(const std::string& conversation_id) {
    auto view =
        wait_for<ConversationView>([&](auto done) { api().conversation(conversation_id, done); });
    EXPECT_TRUE(view) << view.error().message;
    return view ? view->phase : std::string();
  }
};

TEST_F(FollowUpTicketTest, AHandoffOutOfHoursOpensATicketWithTheConversationsFields) {
  runtime::ConversationSettings policy;
  policy.support_hours = closed_today();
  start(policy);
  auto web = std::make_shared<RecordingChannel>();
  api().subscribe_channel(Channel::web, web);
  ASSERT_TRUE(say("visitor-1", "m-1", "my phone number is 13812345678"));
  auto handoff = say("visitor-1", "m-2", "转人工");
  ASSERT_TRUE(handoff) << handoff.error().message;
  ASSERT_TRUE(handoff->handed_off);

  auto ticket = ticket_of(handoff->conversation_id);
  ASSERT_TRUE(ticket) << ticket.error().message;
  EXPECT_EQ(ticket->status, "new");
  EXPECT_NE(ticket->subject.find("out_of_hours"), std::string::npos) << ticket->subject;
  auto told = web->inbox.wait_for([&](const OutboundMessage& m) {
    return m.kind == OutboundKind::system && m.text.find(ticket->ticket_id) != std::string::npos;
  });
  ASSERT_TRUE(told) << "the customer was not told about the ticket";
  EXPECT_EQ(told->channel_user_id, "visitor-1");
  auto timeline = wait_for<std::vector<TimelineEntry>>(
      [&](auto done) { api().customer_timeline(handoff->customer_id, done); });
  ASSERT_TRUE(timeline) << timeline.error().message;
  bool on_timeline = false;
  for (const auto& entry : *timeline)
    on_timeline |= entry.kind == "ticket" && entry.id == ticket->ticket_id;
  EXPECT_TRUE(on_timeline);
  // The conversation stays queued: whoever comes online first can still take it.
  EXPECT_EQ(phase_of(handoff->conversation_id), "queued");
}

TEST_F(FollowUpTicketTest, ACustomerWhoLeavesTheQueueGetsAFollowUpTicket) {
  runtime::ConversationSettings policy;
  policy.queue_abandon_after = std::chrono::milliseconds(300);
  start(policy);
  auto handoff = say("visitor-2", "m-1", "转人工");  // no agent is online: it waits
  ASSERT_TRUE(handoff && handoff->handed_off);
  auto ticket = ticket_of(handoff->conversation_id);
  ASSERT_TRUE(ticket) << ticket.error().message;
  EXPECT_NE(ticket->subject.find("abandoned_in_queue"), std::string::npos) << ticket->subject;
  EXPECT_EQ(phase_of(handoff->conversation_id), "closed");
}

TEST_F(FollowUpTicketTest, AnAbandonmentDueWhileTheNodeWasDownFiresAfterTheRestart) {
  runtime::ConversationSettings policy;
  policy.queue_abandon_after = std::chrono::seconds(2);
  start(policy);
  auto handoff = say("visitor-3", "m-1", "转人工");
  ASSERT_TRUE(handoff && handoff->handed_off);
  stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));  // past the deadline, node down
  start(policy);
  // Nothing touches the conversation: only the wake-up index can bring it back.
  auto ticket = ticket_of(handoff->conversation_id);
  ASSERT_TRUE(ticket) << ticket.error().message;
  EXPECT_EQ(phase_of(handoff->conversation_id), "closed");
}

}  // namespace
}  // namespace sb::service
