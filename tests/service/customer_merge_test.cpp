// Merging customers on a real node: a channel that verifies the shop account joins the history
// the visitor had as an anonymous customer (and the conversation goes on); an agent merges two
// customers and undoes it; the agent sees one timeline, in the offer too; an absorbed customer's
// messages reach the survivor; a merge that stopped half-way completes when repeated; merges
// survive a restart; bad merges are refused precisely.

#include <algorithm>
#include <thread>

#include "actors/customer/customer_decider.hpp"
#include "actors/customer/customer_identity.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

class CustomerMergeTest : public NodeFixture {
 protected:
  Expected<std::vector<TimelineEntry>, ServiceError> timeline(const std::string& customer_id) {
    return wait_for<std::vector<TimelineEntry>>(
        [&](auto done) { api().customer_timeline(customer_id, done); });
  }
  // The ids on the customer's timeline once it holds `count` entries (recording a conversation on
  // its customer is an effect that lands just after the message is answered).
  std::vector<std::string> timeline_ids(const std::string& customer_id, std::size_t count) {
    std::vector<std::string> ids;
    for (int attempt = 0; attempt < 200; ++attempt) {
      ids.clear();
      if (auto entries = timeline(customer_id)) {
        for (const auto& entry : *entries) ids.push_back(entry.id);
      }
      if (ids.size() >= count) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return ids;
  }
  Expected<std::vector<TimelineEntry>, ServiceError> merge(const std::string& survivor,
                                                           const std::string& absorbed) {
    return wait_for<std::vector<TimelineEntry>>(
        [&](auto done) { api().merge_customers("agent-1", survivor, absorbed, done); });
  }
  // Two customers who each wrote once, on WeChat and on the app, with it on their timelines.
  std::pair<DeliverResult, DeliverResult> two_customers(const std::string& on_wechat = "hello",
                                                        const std::string& on_app = "hello") {
    auto wechat = say("o-1", "m-1", on_wechat, Channel::wechat);
    auto app = say("u-2", "m-1", on_app, Channel::app);
    EXPECT_TRUE(wechat && app);
    EXPECT_EQ(timeline_ids("wechat:o-1", 1).size(), 1u);
    EXPECT_EQ(timeline_ids("app:u-2", 1).size(), 1u);
    return {wechat ? *wechat : DeliverResult{}, app ? *app : DeliverResult{}};
  }
  // The customer's state as its entity holds it.
  customer::State customer_state(const std::string& customer_id) {
    caf::scoped_actor self{*system_};
    customer::State state;
    self->request(node_->node().registry(), kWait,
                  runtime::route_to(runtime::EntityKey{EntityKind::customer, customer_id},
                                    caf::make_message(runtime::get_atom::value)))
        .receive([&](runtime::EntityView<customer::Decider>& view) { state = view.state; },
                 [&](caf::error& error) { ADD_FAILURE() << caf::to_string(error); });
    return state;
  }
  Expected<Done, ServiceError> unmerge(const std::string& survivor, const std::string& absorbed) {
    return wait_for<Done>(
        [&](auto done) { api().unmerge_customers("agent-1", survivor, absorbed, done); });
  }
};

Timestamp now() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_F(CustomerMergeTest, ALoginJoinsTheVisitorsHistoryAndTheConversationGoesOn) {
  start();
  auto anonymous = say("v-1", "m-1", "我的订单到哪了");
  ASSERT_TRUE(anonymous) << anonymous.error().message;
  EXPECT_EQ(anonymous->customer_id, "web:v-1");
  ASSERT_EQ(timeline_ids("web:v-1", 1), std::vector<std::string>{anonymous->conversation_id});

  // The visitor logs in: the account's customer takes the visitor's history and conversation.
  auto logged_in = say("v-1", "m-2", "多久能到", Channel::web, "acct-7");
  ASSERT_TRUE(logged_in) << logged_in.error().message;
  EXPECT_EQ(logged_in->customer_id, "acct:acct-7");
  EXPECT_EQ(logged_in->conversation_id, anonymous->conversation_id);
  EXPECT_EQ(timeline_ids("acct:acct-7", 1), std::vector<std::string>{anonymous->conversation_id});
  // Asked of the visitor, the timeline is the account's: one story.
  EXPECT_EQ(timeline_ids("web:v-1", 1), std::vector<std::string>{anonymous->conversation_id});

  // Without the login again (an old tab): still the account's customer, same conversation.
  auto old_tab = say("v-1", "m-3", "谢谢");
  ASSERT_TRUE(old_tab) << old_tab.error().message;
  EXPECT_EQ(old_tab->customer_id, "acct:acct-7");
  EXPECT_EQ(old_tab->conversation_id, anonymous->conversation_id);

  // The same account on another channel that was never anonymous: one customer, and that
  // channel's identity leads to it even without the login afterwards.
  auto app = say("app-user-9", "m-4", "还有问题", Channel::app, "acct-7");
  ASSERT_TRUE(app) << app.error().message;
  EXPECT_EQ(app->customer_id, "acct:acct-7");
  EXPECT_EQ(app->conversation_id, anonymous->conversation_id);
  auto logged_out = say("app-user-9", "m-5", "在吗", Channel::app);
  ASSERT_TRUE(logged_out) << logged_out.error().message;
  EXPECT_EQ(logged_out->customer_id, "acct:acct-7");
  EXPECT_EQ(logged_out->conversation_id, anonymous->conversation_id);

  // After a restart (every actor new, nothing remembered) the visitor's conversation still goes on.
  stop();
  start();
  auto after_restart = say("v-1", "m-6", "还在吗", Channel::web, "acct-7");
  ASSERT_TRUE(after_restart) << after_restart.error().message;
  EXPECT_EQ(after_restart->customer_id, "acct:acct-7");
  EXPECT_EQ(after_restart->conversation_id, anonymous->conversation_id);
}

TEST_F(CustomerMergeTest, ANewAccountsFirstMessageJoinsItsChannelIdentityOnce) {
  start();
  auto first = say("v-new", "m-1", "我的订单到哪了", Channel::web, "acct-8");
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->customer_id, "acct:acct-8");
  // The identity's customer was registered already merged, and the account's registration
  // carried the survivor's side: one link on each side.
  const auto account = customer_state("acct:acct-8");
  EXPECT_TRUE(account.registered);
  ASSERT_EQ(account.absorbed.size(), 1u);
  EXPECT_EQ(account.absorbed[0].customer_id, "web:v-new");
  const auto visitor = customer_state("web:v-new");
  ASSERT_TRUE(visitor.merged_into);
  EXPECT_EQ(visitor.merged_into->customer_id, "acct:acct-8");
  // The same browser without the login reaches the account's conversation.
  auto logged_out = say("v-new", "m-2", "多久能到");
  ASSERT_TRUE(logged_out) << logged_out.error().message;
  EXPECT_EQ(logged_out->customer_id, "acct:acct-8");
  EXPECT_EQ(logged_out->conversation_id, first->conversation_id);
  EXPECT_EQ(timeline_ids("acct:acct-8", 1), std::vector<std::string>{first->conversation_id});
}

TEST_F(CustomerMergeTest, AnAccountLoggingInWhereAVisitorHasHistoryTakesItOver) {
  start();
  auto account = say("v-a", "m-1", "hello", Channel::web, "acct-3");
  ASSERT_TRUE(account) << account.error().message;
  auto visitor = say("o-5", "m-1", "我的包裹到哪了", Channel::wechat);
  ASSERT_TRUE(visitor) << visitor.error().message;
  EXPECT_EQ(visitor->customer_id, "wechat:o-5");
  ASSERT_EQ(timeline_ids("wechat:o-5", 1).size(), 1u);

  // The account logs in on WeChat: the identity is linked and the visitor's customer absorbed;
  // the visitor's conversation, the newest of the merged history, goes on.
  auto logged_in = say("o-5", "m-2", "还没到", Channel::wechat, "acct-3");
  ASSERT_TRUE(logged_in) << logged_in.error().message;
  EXPECT_EQ(logged_in->customer_id, "acct:acct-3");
  EXPECT_EQ(logged_in->conversation_id, visitor->conversation_id);
  const auto state = customer_state("acct:acct-3");
  std::vector<std::string> absorbed;
  for (const auto& link : state.absorbed) absorbed.push_back(link.customer_id);
  EXPECT_EQ(sorted(absorbed), sorted({"web:v-a", "wechat:o-5"}));
  EXPECT_TRUE(customer::find_identity(state, customer::IdentityKind::wechat_openid, "o-5"));
  const auto wechat = customer_state("wechat:o-5");
  ASSERT_TRUE(wechat.merged_into);
  EXPECT_EQ(wechat.merged_into->customer_id, "acct:acct-3");
  EXPECT_EQ(sorted(timeline_ids("acct:acct-3", 2)),
            sorted({account->conversation_id, visitor->conversation_id}));
}

TEST_F(CustomerMergeTest, AnAccountThatAbsorbsTheMostItMayLeavesANewChannelsCustomerAlone) {
  start();
  for (std::size_t i = 0; i < customer::kAbsorbedMax; ++i) {
    const auto visitor = "full-" + std::to_string(i);
    ASSERT_TRUE(say(visitor, "m-" + std::to_string(i), "hello", Channel::web, "acct-full"));
  }
  ASSERT_EQ(customer_state("acct:acct-full").absorbed.size(), customer::kAbsorbedMax);

  // One channel more: the account cannot absorb its customer, so that customer is not merged
  // into the account half-way (merged on its side, unknown to the account).
  auto one_more = say("full-extra", "m-x", "hello", Channel::web, "acct-full");
  ASSERT_TRUE(one_more) << one_more.error().message;
  EXPECT_EQ(one_more->customer_id, "acct:acct-full");
  EXPECT_EQ(customer_state("acct:acct-full").absorbed.size(), customer::kAbsorbedMax);
  EXPECT_FALSE(customer_state("web:full-extra").merged_into);
}

TEST_F(CustomerMergeTest, AChannelIdentityMergedIntoAnotherAccountStaysThere) {
  start();
  auto first = say("shared-pc", "m-1", "hello", Channel::web, "acct-a");
  ASSERT_TRUE(first) << first.error().message;
  // Another account logs in on the same browser: it registers on its own, and the browser's
  // customer stays merged into the first account.
  auto second = say("shared-pc", "m-2", "hello", Channel::web, "acct-b");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->customer_id, "acct:acct-b");
  EXPECT_NE(second->conversation_id, first->conversation_id);
  EXPECT_TRUE(customer_state("acct:acct-b").registered);
  EXPECT_TRUE(customer_state("acct:acct-b").absorbed.empty());
  const auto browser = customer_state("web:shared-pc");
  ASSERT_TRUE(browser.merged_into);
  EXPECT_EQ(browser.merged_into->customer_id, "acct:acct-a");
}

TEST_F(CustomerMergeTest, OnePhoneNumberIsOneCustomerOnCallsAndSms) {
  start();
  auto sms = say("+86 138-0013-8000", "m-1", "我的订单到哪了", Channel::sms);
  ASSERT_TRUE(sms) << sms.error().message;
  EXPECT_EQ(sms->customer_id, "phone:+8613800138000");
  auto call = say("+8613800138000", "m-2", "还没收到", Channel::phone);
  ASSERT_TRUE(call) << call.error().message;
  EXPECT_EQ(call->customer_id, "phone:+8613800138000");
  EXPECT_EQ(call->conversation_id, sms->conversation_id);  // the same open conversation
  auto mail = say("Li.Na@Example.com", "m-3", "hello", Channel::email);
  auto same_mail = say("li.na@example.com", "m-4", "hello again", Channel::email);
  ASSERT_TRUE(mail && same_mail);
  EXPECT_EQ(mail->customer_id, "email:li.na@example.com");
  EXPECT_EQ(same_mail->customer_id, mail->customer_id);
}

TEST_F(CustomerMergeTest, AnAgentMergesTwoCustomersAndUndoesIt) {
  start();
  const auto [wechat, app] = two_customers("hello", "where is my parcel");

  auto merged = merge("app:u-2", "wechat:o-1");
  ASSERT_TRUE(merged) << merged.error().message;
  std::vector<std::string> ids;
  for (const auto& entry : *merged) ids.push_back(entry.id);
  EXPECT_EQ(sorted(ids), sorted({wechat.conversation_id, app.conversation_id}));
  EXPECT_EQ(sorted(timeline_ids("wechat:o-1", 2)),
            sorted({wechat.conversation_id, app.conversation_id}));

  // The absorbed customer's channel now reaches the survivor.
  auto later = say("o-1", "m-2", "any news?", Channel::wechat);
  ASSERT_TRUE(later) << later.error().message;
  EXPECT_EQ(later->customer_id, "app:u-2");

  auto again = merge("app:u-2", "wechat:o-1");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::rejected);
  EXPECT_EQ(again.error().rejection, "already_merged");
  auto backwards = merge("wechat:o-1", "app:u-2");
  ASSERT_FALSE(backwards);
  EXPECT_EQ(backwards.error().rejection, "merged") << backwards.error().message;

  auto undone = unmerge("app:u-2", "wechat:o-1");
  ASSERT_TRUE(undone) << undone.error().message;
  EXPECT_EQ(timeline_ids("app:u-2", 1), std::vector<std::string>{app.conversation_id});
  EXPECT_EQ(timeline_ids("wechat:o-1", 1), std::vector<std::string>{wechat.conversation_id});
  auto on_its_own = say("o-1", "m-3", "hello again", Channel::wechat);
  ASSERT_TRUE(on_its_own) << on_its_own.error().message;
  EXPECT_EQ(on_its_own->customer_id, "wechat:o-1");

  auto undone_twice = unmerge("app:u-2", "wechat:o-1");
  ASSERT_FALSE(undone_twice);
  EXPECT_EQ(undone_twice.error().rejection, "not_merged");
}

TEST_F(CustomerMergeTest, TheAgentSearchesTheWholeMergedHistory) {
  start();
  const auto [wechat, app] = two_customers("My REFUND for the watch", "退款什么时候到账");
  ASSERT_TRUE(merge("app:u-2", "wechat:o-1"));
  auto search = [&](const std::string& customer, const std::string& text) {
    return wait_for<std::vector<HistoryMatch>>(
        [&](auto done) { api().search_customer_history(customer, text, done); });
  };
  auto latin = search("app:u-2", "refund FOR THE watch");  // any case; in the absorbed history
  ASSERT_TRUE(latin) << latin.error().message;
  ASSERT_EQ(latin->size(), 1u);
  EXPECT_EQ((*latin)[0].conversation_id, wechat.conversation_id);
  EXPECT_EQ((*latin)[0].line.author, "customer");
  EXPECT_EQ((*latin)[0].line.channel, Channel::wechat);
  auto chinese = search("wechat:o-1", "退款");  // asked of the absorbed: the survivor's story
  ASSERT_TRUE(chinese) << chinese.error().message;
  ASSERT_FALSE(chinese->empty());
  EXPECT_EQ((*chinese)[0].conversation_id, app.conversation_id);
  auto nothing = search("app:u-2", "no such words here");
  ASSERT_TRUE(nothing);
  EXPECT_TRUE(nothing->empty());
  auto unknown = search("web:nobody", "refund");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  auto empty = search("app:u-2", "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::invalid_argument);
}

TEST_F(CustomerMergeTest, BadMergesAreRefusedPrecisely) {
  start();
  ASSERT_TRUE(say("o-1", "m-1", "hello", Channel::wechat));
  auto unknown = merge("wechat:o-1", "web:nobody");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found) << unknown.error().message;
  auto unknown_survivor = merge("web:nobody", "wechat:o-1");
  ASSERT_FALSE(unknown_survivor);
  EXPECT_EQ(unknown_survivor.error().code, ErrorCode::not_found);
  auto itself = merge("wechat:o-1", "wechat:o-1");
  ASSERT_FALSE(itself);
  EXPECT_EQ(itself.error().rejection, "self_merge");
  auto empty = merge("wechat:o-1", "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::invalid_argument);
  auto not_merged = unmerge("wechat:o-1", "web:nobody");
  ASSERT_FALSE(not_merged);
  EXPECT_EQ(not_merged.error().rejection, "not_merged");
  // Nothing changed: the customer still answers on its own.
  auto still = say("o-1", "m-2", "hi", Channel::wechat);
  ASSERT_TRUE(still);
  EXPECT_EQ(still->customer_id, "wechat:o-1");
}

TEST_F(CustomerMergeTest, AMergeStoppedHalfWayCompletesWhenRepeated) {
  start();
  two_customers();
  // Only the absorbed side is written, as when the node stops between the saga's two writes.
  caf::scoped_actor self{*system_};
  const runtime::EntityKey absorbed{EntityKind::customer, "wechat:o-1"};
  bool written = false;
  self->request(node_->node().registry(), kWait,
                runtime::route_to(
                    absorbed,
                    runtime::make_command<customer::Decider>(customer::MergeCustomers{
                        "app:u-2", "wechat:o-1", customer::MergeReason::agent_decision, now()})))
      .receive([&](runtime::CommandReply<customer::Decider>& reply) { written = reply.ok(); },
               [&](caf::error& error) { ADD_FAILURE() << caf::to_string(error); });
  ASSERT_TRUE(written);

  auto completed = merge("app:u-2", "wechat:o-1");
  ASSERT_TRUE(completed) << completed.error().message;
  EXPECT_EQ(completed->size(), 2u);
}

TEST_F(CustomerMergeTest, MergesSurviveARestartAndTheOfferShowsTheWholeStory) {
  start();
  const auto [wechat, app] = two_customers();
  ASSERT_TRUE(merge("app:u-2", "wechat:o-1"));
  stop();
  start();

  auto desk = std::make_shared<RecordingDesk>();
  ASSERT_TRUE(wait_for<AgentView>([&](auto done) {
    api().upsert_agent(AgentSpec{"a-1", "Lin", {{"general", 3}, {"orders", 3}}, {}, 3, 3}, done);
  }));
  ASSERT_TRUE(wait_for<AgentView>([&](auto done) { api().agent_login("a-1", desk, done); }));
  auto handoff = say("o-1", "m-2", "转人工", Channel::wechat);
  ASSERT_TRUE(handoff) << handoff.error().message;
  EXPECT_EQ(handoff->customer_id, "app:u-2");
  auto offer = desk->offers.wait_for([&](const AgentOffer& o) {
    return o.conversation.conversation_id == handoff->conversation_id;
  });
  ASSERT_TRUE(offer) << "no offer reached the agent";
  std::vector<std::string> ids;
  for (const auto& entry : offer->customer_timeline) ids.push_back(entry.id);
  EXPECT_EQ(sorted(ids), sorted({wechat.conversation_id, app.conversation_id}));
}

}  // namespace
}  // namespace sb::service
