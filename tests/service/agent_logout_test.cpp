// Agent logout on a real node: logging out hands the agent's conversations back to the queue and
// no further offer reaches that desk; a desk that is lost (its connection dropped) is logged out
// the same way, unless a newer desk of the same agent took over.

#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

class AgentLogoutTest : public NodeFixture {
 protected:
  std::shared_ptr<RecordingDesk> login(const std::string& id) {
    auto desk = std::make_shared<RecordingDesk>();
    EXPECT_TRUE(wait_for<AgentView>([&](auto done) {
      api().upsert_agent(AgentSpec{id, id, {{"general", 3}, {"orders", 3}}, {}, 3, 3}, done);
    }));
    auto view = wait_for<AgentView>([&](auto done) { api().agent_login(id, desk, done); });
    EXPECT_TRUE(view && view->presence == Presence::online);
    return desk;
  }
  // A customer asks for a person; returns the conversation id.
  std::string hand_off(const std::string& user) {
    EXPECT_TRUE(say(user, user + "-1", "hello"));
    auto handoff = say(user, user + "-2", "转人工");
    EXPECT_TRUE(handoff && handoff->handed_off);
    return handoff ? handoff->conversation_id : std::string();
  }
  std::optional<AgentOffer> offer_of(RecordingDesk& desk, const std::string& conversation_id) {
    return desk.offers.wait_for(
        [&](const AgentOffer& o) { return o.conversation.conversation_id == conversation_id; });
  }
  std::string phase_of(const std::string& conversation_id) {
    auto view =
        wait_for<ConversationView>([&](auto done) { api().conversation(conversation_id, done); });
    return view ? view->phase : view.error().message;
  }
};

TEST_F(AgentLogoutTest, LogoutRequeuesTheConversationsAndStopsOffers) {
  start();
  auto a1 = login("a-1");
  const auto first = hand_off("u-1");
  ASSERT_TRUE(offer_of(*a1, first));
  ASSERT_TRUE(
      wait_for<ConversationView>([&](auto done) { api().accept_offer("a-1", first, done); }));
  EXPECT_EQ(phase_of(first), "assigned");

  auto out = wait_for<AgentView>([&](auto done) { api().agent_logout("a-1", done); });
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->presence, Presence::offline);
  EXPECT_TRUE(out->active_conversations.empty());

  // The conversation went back to the queue: a second agent is offered it.
  auto a2 = login("a-2");
  EXPECT_TRUE(offer_of(*a2, first)) << "the released conversation was not offered again";
  // New handoffs reach the agent still online, never the desk that logged out.
  const auto second = hand_off("u-2");
  EXPECT_TRUE(offer_of(*a2, second));
  EXPECT_FALSE(a1->offers.contains(
      [&](const AgentOffer& o) { return o.conversation.conversation_id == second; }));
}

TEST_F(AgentLogoutTest, ALostDeskLogsTheAgentOutUnlessANewerDeskTookOver) {
  start();
  auto old_desk = login("a-1");
  auto new_desk = login("a-1");  // the agent opened a second desk: it replaces the first
  api().agent_desk_lost("a-1", old_desk);
  const auto first = hand_off("u-3");
  EXPECT_TRUE(offer_of(*new_desk, first)) << "the newer desk lost its agent";
  EXPECT_FALSE(old_desk->offers.contains([](const AgentOffer&) { return true; }));

  ASSERT_TRUE(
      wait_for<ConversationView>([&](auto done) { api().accept_offer("a-1", first, done); }));
  api().agent_desk_lost("a-1", new_desk);
  // Offline, its conversation queued again: a new agent gets it, the lost desk hears nothing.
  auto other = login("a-2");
  EXPECT_TRUE(offer_of(*other, first)) << "the lost desk's conversation was not queued again";
  const auto second = hand_off("u-4");
  EXPECT_TRUE(offer_of(*other, second));
  EXPECT_FALSE(new_desk->offers.contains(
      [&](const AgentOffer& o) { return o.conversation.conversation_id == second; }));
}

}  // namespace
}  // namespace sb::service
