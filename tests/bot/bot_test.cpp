// The bot with its trained classifier: the flows of dialogue_test.cpp end to end.
#include "runtime/bot/bot.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/sample_backend.hpp"
#include "tests/bot/shipped_files.hpp"
#include "tests/bot/test_kb.hpp"
#include "tests/bot/test_orders.hpp"

namespace sb::bot {
namespace {

// A conversation with one bot: says things and carries the state along.
class Chat {
 public:
  explicit Chat(const Bot& bot, Tier tier = Tier::regular) : bot_(bot), tier_(tier) {}

  Turn say(std::string_view text) {
    Turn turn = bot_.respond(TurnInput{std::string(text), tier_, Channel::app, state_});
    state_ = turn.state;
    return turn;
  }
  Turn finish(const Turn& pending, const BusinessBackend& backend) {
    EXPECT_EQ(pending.action, TurnAction::lookup) << pending.reply;
    Turn turn = bot_.complete_lookup(pending, perform_lookup(backend, *pending.query));
    state_ = turn.state;
    return turn;
  }
  const DialogueState& state() const { return state_; }

 private:
  const Bot& bot_;
  Tier tier_;
  DialogueState state_;
};

// The shipped KB and orders when present (else the tests' own): the demo's main path.
TEST(Bot, ChineseConversationAsksForTheOrderNumberAndAnswersWithItsStatus) {
  const Bot& bot = testing::shipped_or_test_bot();
  const SampleBackend orders = testing::shipped_or_test_orders();
  const SampleOrder* order = orders.find("SB2026111101");
  ASSERT_NE(order, nullptr);
  Chat chat(bot);

  const Turn ask = chat.say("我的订单到哪了");
  ASSERT_EQ(ask.action, TurnAction::ask_slot) << ask.reply;
  EXPECT_EQ(ask.intent, "order_status");
  EXPECT_EQ(ask.language, Language::zh);
  EXPECT_EQ(chat.state().awaited_slot, "order_no");

  const Turn lookup = chat.say("SB2026111101");
  ASSERT_EQ(lookup.action, TurnAction::lookup) << lookup.reply;
  EXPECT_EQ(lookup.query->key, "SB2026111101");
  EXPECT_EQ(lookup.query->language, Language::zh);

  const Turn answer = chat.finish(lookup, orders);
  ASSERT_EQ(answer.action, TurnAction::answer);
  EXPECT_NE(answer.reply.find(order->status_text.zh), std::string::npos) << answer.reply;
  EXPECT_NE(answer.reply.find("SB2026111101"), std::string::npos) << answer.reply;
}

class TestKbBot : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { bot_ = new Bot(parse_knowledge_base(testing::kTestKb).value()); }
  static void TearDownTestSuite() { delete bot_; }
  static const Bot* bot_;
  SampleBackend orders_ = SampleBackend::parse(testing::kTestOrders).value();
};
const Bot* TestKbBot::bot_ = nullptr;

TEST_F(TestKbBot, RefundProgressThenHowLongStaysInContext) {
  Chat chat(*bot_);
  EXPECT_EQ(chat.say("退款进度").intent, "refund_status");
  const Turn status = chat.finish(chat.say("SB2026111102"), orders_);
  EXPECT_NE(status.reply.find("处理中"), std::string::npos) << status.reply;
  const Turn timing = chat.say("多久到账");
  ASSERT_EQ(timing.action, TurnAction::lookup) << timing.reply;
  EXPECT_EQ(timing.intent, "refund_timing");
  EXPECT_EQ(timing.query->key, "SB2026111102");
  EXPECT_NE(chat.finish(timing, orders_).reply.find("2026-11-28"), std::string::npos);
}

// Messages with nothing the classifier can read (it gives them no confidence at all), so the
// result does not hang on its calibration; dialogue_test.cpp covers the rule with any confidence.
TEST_F(TestKbBot, NotUnderstoodTwiceHandsOff) {
  Chat chat(*bot_);
  const Turn first = chat.say("🙃🙃🙃");
  EXPECT_EQ(first.action, TurnAction::answer);
  EXPECT_TRUE(first.intent.empty()) << first.intent << " " << first.confidence;
  EXPECT_NE(first.reply.find("转人工"), std::string::npos);  // offers a person
  const Turn second = chat.say("？？？");
  ASSERT_EQ(second.action, TurnAction::handoff) << second.intent << " " << second.confidence;
  EXPECT_EQ(second.handoff_reasons, std::vector{HandoffReason::low_confidence_twice});
}

TEST_F(TestKbBot, HumanOnlyIntentHandsOff) {
  Chat chat(*bot_);
  const Turn turn = chat.say("I want to file a complaint");
  ASSERT_EQ(turn.action, TurnAction::handoff);
  EXPECT_EQ(turn.intent, "complaint");
  EXPECT_NE(std::find(turn.handoff_reasons.begin(), turn.handoff_reasons.end(),
                      HandoffReason::human_only_intent),
            turn.handoff_reasons.end());
}

TEST_F(TestKbBot, SuggestedRepliesAreTheTopAnswersInTheCustomersLanguage) {
  DialogueState state;
  state.slots["order_no"] = "SB2026111101";
  const auto zh = bot_->suggest_replies("手表电池不耐用怎么办", state, 2);
  ASSERT_FALSE(zh.empty());
  EXPECT_LE(zh.size(), 2u);
  EXPECT_EQ(zh[0].intent, "battery_life");
  EXPECT_EQ(zh[0].text, "延长续航：关闭常亮显示、降低亮度、减少心率监测频率。");
  for (const auto& reply : zh) EXPECT_NE(reply.intent, "complaint");
  const auto en = bot_->suggest_replies("where is my order", state, 3);
  ASSERT_FALSE(en.empty());
  EXPECT_EQ(en[0].intent, "order_status");
  // Known slots are filled in; backend fields are left for the agent.
  EXPECT_EQ(en[0].text, "Order SB2026111101 is {status_text}, expected on {eta}.");
  EXPECT_GE(en[0].confidence, en.back().confidence);
}

}  // namespace
}  // namespace sb::bot
