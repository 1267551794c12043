// Node configuration and agent logout over real RPC against a real node: an SLA policy set over
// Admin reaches new tickets and survives a server restart; a skill group's short offer timeout
// moves an unanswered offer on; tier rules reach a customer on the next contact; logging out (or
// dropping the desk's connection) hands the agent's conversations back to the queue; bad input
// gets precise errors and changes nothing.

#include <algorithm>

#include "tests/rpc_e2e/e2e_fixture.hpp"

namespace sb::e2e {
namespace {

using service::ErrorCode;

class RpcE2eAdmin : public RpcE2eTest {
 protected:
  static bool is_offer_of(const rpc::AgentEvent& event, const std::string& conversation_id) {
    const auto* offer = std::get_if<service::AgentOffer>(&event);
    return offer != nullptr && offer->conversation.conversation_id == conversation_id;
  }
  static std::optional<service::AgentOffer> offer_of(Inbox<rpc::AgentEvent>& events,
                                                     const std::string& id) {
    auto event = events.wait_for([&](const rpc::AgentEvent& e) { return is_offer_of(e, id); });
    if (!event) return std::nullopt;
    return std::get<service::AgentOffer>(*event);
  }
  // A customer on the web asks for a person; returns the conversation id.
  std::string hand_off(rpc::Client& channel, const std::string& user) {
    EXPECT_TRUE(channel.deliver(inbound(Channel::web, user, user + "-1", "hello")));
    auto handoff = channel.deliver(inbound(Channel::web, user, user + "-2", "转人工"));
    EXPECT_TRUE(handoff && handoff->handed_off);
    return handoff ? handoff->conversation_id : std::string();
  }
  static bool has_line(const service::TicketView& view, const std::string& line) {
    return std::find(view.sla.begin(), view.sla.end(), line) != view.sla.end();
  }
};

TEST_F(RpcE2eAdmin, AnSlaPolicySetOverAdminReachesNewTicketsAndSurvivesARestart) {
  start_server();
  auto admin = connect_as(kAdminToken);
  auto set = admin->set_sla_policy({"regular", "normal", "regular-normal-fast", 7 * 60'000,
                                    20 * 60'000, 4 * 3'600'000, 0.75, "leads", false, false});
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->configured);
  auto desk = connect_as(kAgentToken);
  auto ticket = desk->create_ticket(
      service::TicketSpec{{}, "web:e2e-customer", "late parcel", "", "normal", {}});
  ASSERT_TRUE(ticket) << ticket.error().message;
  EXPECT_TRUE(has_line(*ticket, "first_response: target 7 min"));
  EXPECT_TRUE(has_line(*ticket, "resolution: target 240 min"));

  admin.reset();
  desk.reset();
  stop_server();
  start_server();
  admin = connect_as(kAdminToken);
  auto listed = admin->sla_policies();
  ASSERT_TRUE(listed) << listed.error().message;
  auto entry = std::find_if(listed->begin(), listed->end(), [](const auto& p) {
    return p.tier == "regular" && p.priority == "normal";
  });
  ASSERT_NE(entry, listed->end());
  EXPECT_TRUE(entry->configured);
  EXPECT_EQ(entry->first_response_ms, 7 * 60'000);
  desk = connect_as(kAgentToken);
  auto after = desk->create_ticket(
      service::TicketSpec{{}, "web:e2e-customer", "after the restart", "", "normal", {}});
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(has_line(*after, "first_response: target 7 min"));
}

TEST_F(RpcE2eAdmin, BadInputGetsPreciseErrorsAndChangesNothing) {
  start_server();
  auto admin = connect_as(kAdminToken);
  service::SlaPolicySpec good{"vip",     "urgent", "vip-urgent", 60'000, 120'000,
                              3'600'000, 0.5,      "leads",      false,  false};
  auto gold = good;
  gold.tier = "gold";
  auto refused = admin->set_sla_policy(gold);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(refused.error().message.find("gold"), std::string::npos);
  auto negative = good;
  negative.next_reply_ms = -1;
  refused = admin->set_sla_policy(negative);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_argument);
  auto oversized = good;
  oversized.name = std::string(1000, 'x');
  refused = admin->set_sla_policy(oversized);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_argument);
  auto zero = good;
  zero.resolution_ms = 0;
  refused = admin->set_sla_policy(zero);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::rejected);
  EXPECT_EQ(refused.error().rejection, "invalid_target");

  auto missing = admin->remove_skill_group("nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  auto bad_group = admin->define_skill_group({"orders", 0, 60'000, 0, 1, {}, 60'000, 0, "vip"});
  ASSERT_FALSE(bad_group);
  EXPECT_EQ(bad_group.error().rejection, "invalid_skill_group");
  auto bad_tier =
      admin->define_skill_group({"orders", 5'000, 60'000, 0, 1, {}, 60'000, 0, "diamond"});
  ASSERT_FALSE(bad_tier);
  EXPECT_EQ(bad_tier.error().code, ErrorCode::invalid_argument);

  auto policies = admin->sla_policies();
  ASSERT_TRUE(policies);
  EXPECT_TRUE(
      std::none_of(policies->begin(), policies->end(), [](const auto& p) { return p.configured; }));
  auto groups = admin->skill_groups();
  ASSERT_TRUE(groups);
  EXPECT_TRUE(groups->empty());
  auto rules = admin->tier_rules();
  ASSERT_TRUE(rules);
  EXPECT_FALSE(rules->configured);
}

TEST_F(RpcE2eAdmin, AShortOfferTimeoutMovesTheOfferOn) {
  start_server();
  auto admin = connect_as(kAdminToken);
  for (const auto* skill : {"general", "orders"}) {
    auto defined =
        admin->define_skill_group({skill, 1'000, 60'000, 60'000, 1, {}, 120'000, 0, "vip"});
    ASSERT_TRUE(defined) << defined.error().message;
  }
  Inbox<rpc::AgentEvent> first_events;
  Inbox<rpc::AgentEvent> second_events;
  auto first = agent_desk(kAgentToken, kAgentId, first_events);
  auto second = agent_desk(kOtherAgentToken, kOtherAgentId, second_events);
  auto channel = channel_client();
  const auto id = hand_off(*channel, "u-timeout");
  // Both agents are equal: whoever is offered it first lets it expire, the other gets it.
  std::optional<service::AgentOffer> offer;
  Inbox<rpc::AgentEvent>* offered = nullptr;
  Inbox<rpc::AgentEvent>* other = nullptr;
  ASSERT_TRUE(wait_until([&] {
    for (auto [mine, theirs] :
         {std::pair{&first_events, &second_events}, {&second_events, &first_events}}) {
      if (auto event = mine->find([&](const rpc::AgentEvent& e) { return is_offer_of(e, id); })) {
        offer = std::get<service::AgentOffer>(*event);
        offered = mine;
        other = theirs;
        return true;
      }
    }
    return false;
  }));
  const auto now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  EXPECT_LE(offer->expires_at - now, std::chrono::seconds(2));  // the group's 1 s, not 30 s
  EXPECT_TRUE(offered->wait_for([&](const rpc::AgentEvent& e) {
    const auto* withdrawn = std::get_if<rpc::OfferWithdrawn>(&e);
    return withdrawn != nullptr && withdrawn->conversation_id == id;
  }));
  EXPECT_TRUE(offer_of(*other, id)) << "the expired offer did not move on";
}

TEST_F(RpcE2eAdmin, TierRulesReachTheCustomerOnTheNextContact) {
  start_server();
  auto admin = connect_as(kAdminToken);
  Inbox<rpc::AgentEvent> events;
  auto desk = agent_desk(kAgentToken, kAgentId, events);
  auto channel = channel_client();
  ASSERT_TRUE(channel->deliver(inbound(Channel::web, "u-tier", "t-1", "hello")));
  // Regular from an account age of 1 ms: this customer, registered a moment ago, qualifies.
  auto set = admin->set_tier_rules({1, 0, 0, true, true, false});
  ASSERT_TRUE(set) << set.error().message;
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto handoff = channel->deliver(inbound(Channel::web, "u-tier", "t-2", "转人工"));
  ASSERT_TRUE(handoff && handoff->handed_off);
  auto offer = offer_of(events, handoff->conversation_id);
  ASSERT_TRUE(offer);
  EXPECT_EQ(offer->customer_tier, "regular");
}

TEST_F(RpcE2eAdmin, LogoutRequeuesTheConversationsAndNoOfferReachesThatDesk) {
  start_server();
  Inbox<rpc::AgentEvent> first_events;
  auto first = agent_desk(kAgentToken, kAgentId, first_events);
  auto channel = channel_client();
  const auto held = hand_off(*channel, "u-held");
  ASSERT_TRUE(offer_of(first_events, held));
  ASSERT_TRUE(first->accept(held));

  auto out = first->logout();
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->presence, service::Presence::offline);
  EXPECT_TRUE(out->active_conversations.empty());

  Inbox<rpc::AgentEvent> second_events;
  auto second = agent_desk(kOtherAgentToken, kOtherAgentId, second_events);
  EXPECT_TRUE(offer_of(second_events, held))
      << "the logged-out agent's conversation was not queued again";
  const auto next = hand_off(*channel, "u-next");
  EXPECT_TRUE(offer_of(second_events, next));
  EXPECT_FALSE(
      first_events.contains([&](const rpc::AgentEvent& e) { return is_offer_of(e, next); }));
}

TEST_F(RpcE2eAdmin, ADroppedDeskConnectionLogsTheAgentOut) {
  start_server();
  Inbox<rpc::AgentEvent> first_events;
  auto first = agent_desk(kAgentToken, kAgentId, first_events);
  auto channel = channel_client();
  const auto held = hand_off(*channel, "u-dropped");
  ASSERT_TRUE(offer_of(first_events, held));
  ASSERT_TRUE(first->accept(held));
  first->disconnect();  // the desk's process is gone

  Inbox<rpc::AgentEvent> second_events;
  auto second = agent_desk(kOtherAgentToken, kOtherAgentId, second_events);
  EXPECT_TRUE(offer_of(second_events, held))
      << "the dropped desk's conversation was not queued again";
}

}  // namespace
}  // namespace sb::e2e
