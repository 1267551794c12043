// The dialogue engine with hand-written classifier rankings, so every rule is tested on its own
// (bot_test.cpp runs the same flows through the trained classifier).
#include "runtime/bot/dialogue.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/sample_backend.hpp"
#include "tests/bot/test_kb.hpp"
#include "tests/bot/test_orders.hpp"

namespace sb::bot {
namespace {

constexpr double kThreshold = 0.3;

class DialogueTest : public ::testing::Test {
 protected:
  DialogueTest()
      : kb_(parse_knowledge_base(testing::kTestKb).value()),
        orders_(SampleBackend::parse(testing::kTestOrders).value()) {}

  // One customer message with the classifier's ranking `ranked`; carries the state along.
  Turn say(std::string_view text, std::vector<IntentScore> ranked, Tier tier = Tier::regular) {
    TurnInput input{std::string(text), tier, Channel::web, state_};
    Turn turn = respond(kb_, options_, input, Classification{std::move(ranked), kThreshold});
    state_ = turn.state;
    return turn;
  }

  Turn finish(const Turn& pending, const BackendResult& result) {
    Turn turn = complete_lookup(kb_, options_, pending, result);
    state_ = turn.state;
    return turn;
  }

  Turn finish(const Turn& pending) {
    EXPECT_EQ(pending.action, TurnAction::lookup);
    return finish(pending, perform_lookup(orders_, *pending.query));
  }

  static bool has_tag(const Turn& turn, std::string_view tag) {
    return std::find(turn.tags.begin(), turn.tags.end(), tag) != turn.tags.end();
  }

  KnowledgeBase kb_;
  SampleBackend orders_;
  DialogueOptions options_;
  DialogueState state_;
};

using Reasons = std::vector<HandoffReason>;

TEST_F(DialogueTest, AsksForTheOrderNumberLooksItUpAndAnswers) {
  const Turn ask = say("我的订单到哪了", {{"order_status", 0.9}});
  EXPECT_EQ(ask.action, TurnAction::ask_slot);
  EXPECT_EQ(ask.intent, "order_status");
  EXPECT_EQ(ask.reply, "请提供您的订单号（例如 SB2026111101）。");
  EXPECT_EQ(state_.awaited_slot, "order_no");
  EXPECT_EQ(state_.awaited_slot_asks, 1u);

  // Only the number: it answers the awaited slot whatever the classifier makes of it.
  const Turn lookup = say("SB2026111101", {{"greeting", 0.6}});
  ASSERT_EQ(lookup.action, TurnAction::lookup);
  EXPECT_EQ(lookup.language, Language::zh);
  EXPECT_EQ(lookup.query->action, BackendAction::order_status);
  EXPECT_EQ(lookup.query->key, "SB2026111101");
  EXPECT_TRUE(has_tag(lookup, "slot_answer"));

  const Turn answer = finish(lookup);
  EXPECT_EQ(answer.action, TurnAction::answer);
  EXPECT_EQ(answer.reply, "订单 SB2026111101 当前状态：已发货，预计 2026-11-26 送达。");
  EXPECT_TRUE(state_.awaited_slot.empty());
  EXPECT_EQ(state_.turn_count, 2u);
}

TEST_F(DialogueTest, TakesTheNumberFromTheFirstMessage) {
  const Turn lookup = say("order SB2026111101 status?", {{"order_status", 0.8}});
  ASSERT_EQ(lookup.action, TurnAction::lookup);
  const Turn answer = finish(lookup);
  EXPECT_EQ(answer.reply, "Order SB2026111101 is shipped, expected on 2026-11-26.");
}

TEST_F(DialogueTest, FollowUpStaysInTheRefundContextAndReusesTheOrderNumber) {
  EXPECT_EQ(say("退款进度", {{"refund_status", 0.85}}).action, TurnAction::ask_slot);
  const Turn status = finish(say("我的订单号是SB2026111102", {{"order_status", 0.7}}));
  EXPECT_EQ(status.reply, "订单 SB2026111102 的退款状态：处理中，金额 199.00 元。");

  // Alone, "多久到账" is under the threshold; as a follow-up of the refund it is understood.
  const Turn timing = say("多久到账", {{"refund_timing", 0.2}, {"order_status", 0.18}});
  ASSERT_EQ(timing.action, TurnAction::lookup);
  EXPECT_EQ(timing.intent, "refund_timing");
  EXPECT_TRUE(has_tag(timing, "context"));
  EXPECT_EQ(timing.query->key, "SB2026111102");  // not asked again
  EXPECT_EQ(finish(timing).reply, "订单 SB2026111102 的退款预计 2026-11-28 前到账。");
}

TEST_F(DialogueTest, WithoutContextTheSameGuessIsNotUnderstood) {
  const Turn turn = say("多久到账", {{"refund_timing", 0.2}, {"order_status", 0.18}});
  EXPECT_EQ(turn.action, TurnAction::answer);
  EXPECT_TRUE(turn.intent.empty());
  EXPECT_TRUE(has_tag(turn, "not_understood"));
}

TEST_F(DialogueTest, InvalidNumberIsExplainedAndAskedAgainThenHandsOff) {
  say("查一下退款", {{"refund_status", 0.9}});
  const Turn first = say("SB123", {{"order_status", 0.4}});
  EXPECT_EQ(first.action, TurnAction::ask_slot);
  EXPECT_EQ(first.reply.rfind("订单号格式不对", 0), 0u) << first.reply;
  EXPECT_NE(first.reply.find("请提供需要查询退款的订单号。"), std::string::npos);
  EXPECT_EQ(state_.awaited_slot_asks, 2u);
  EXPECT_EQ(say("12345", {}).action, TurnAction::ask_slot);
  const Turn third = say("我不知道", {{"greeting", 0.1}});
  ASSERT_EQ(third.action, TurnAction::handoff);
  EXPECT_EQ(third.handoff_reasons, Reasons{HandoffReason::slot_attempts_exhausted});
  EXPECT_EQ(third.handoff->skill, Skill::returns_refunds);
}

TEST_F(DialogueTest, NotFoundAsksToCheckTheNumber) {
  const Turn lookup = say("where is my order SB2099999999", {{"order_status", 0.9}});
  const Turn again = finish(lookup);
  EXPECT_EQ(again.action, TurnAction::ask_slot);
  EXPECT_EQ(again.reply,
            "I couldn't find anything for SB2099999999. Please check it and send it again. Could "
            "you give me your order number (e.g. SB2026111101)?");
  EXPECT_FALSE(state_.slots.contains("order_no"));
  EXPECT_EQ(state_.awaited_slot, "order_no");
  EXPECT_TRUE(has_tag(again, "lookup:not_found"));
  // The right number then works.
  EXPECT_EQ(finish(say("SB2026111101", {})).action, TurnAction::answer);
}

TEST_F(DialogueTest, UnavailableBackendHandsOff) {
  const Turn lookup = say("我的订单发货了吗 SB2026111101", {{"order_status", 0.9}});
  const Turn turn = finish(lookup, unexpected(BackendError{BackendErrorCode::unavailable, "down"}));
  ASSERT_EQ(turn.action, TurnAction::handoff);
  EXPECT_EQ(turn.handoff_reasons, Reasons{HandoffReason::backend_unavailable});
  EXPECT_EQ(turn.handoff->slots.at("order_no"), "SB2026111101");
  EXPECT_EQ(turn.reply, "正在为您转接人工客服，请稍候。");
}

TEST_F(DialogueTest, LowConfidenceTwiceHandsOff) {
  const Turn first = say("今天天气怎么样", {{"greeting", 0.12}});
  EXPECT_EQ(first.action, TurnAction::answer);
  EXPECT_NE(first.reply.find("转人工"), std::string::npos);  // offers a person
  EXPECT_EQ(state_.low_confidence_streak, 1u);
  const Turn second = say("股票会涨吗", {{"thanks", 0.1}});
  ASSERT_EQ(second.action, TurnAction::handoff);
  EXPECT_EQ(second.handoff_reasons, Reasons{HandoffReason::low_confidence_twice});
  EXPECT_TRUE(second.handoff->intent.empty());
  EXPECT_EQ(second.handoff->skill, Skill::general);
  EXPECT_NE(second.handoff->summary.find("机器人连续未能理解"), std::string::npos);
}

TEST_F(DialogueTest, AnUnderstoodTurnResetsTheStreak) {
  say("what's the weather", {});
  EXPECT_EQ(say("hello", {{"greeting", 0.9}}).action, TurnAction::answer);
  EXPECT_EQ(say("tell me a joke", {}).action, TurnAction::answer);  // streak 1 again
  EXPECT_EQ(state_.low_confidence_streak, 1u);
  EXPECT_EQ(state_.unanswered_turns, 2u);
}

TEST_F(DialogueTest, HumanOnlyIntentHandsOff) {
  const Turn turn = say("我要投诉快递员", {{"complaint", 0.8}});
  ASSERT_EQ(turn.action, TurnAction::handoff);
  // "投诉" is also in the sentiment lexicon: both reasons are recorded.
  EXPECT_EQ(turn.handoff_reasons,
            (Reasons{HandoffReason::negative_sentiment, HandoffReason::human_only_intent}));
  EXPECT_EQ(turn.handoff->intent, "complaint");
  EXPECT_EQ(turn.handoff->priority, Priority::high);
  const Turn en = say("I want to report this", {{"complaint", 0.8}});
  EXPECT_EQ(en.handoff_reasons, Reasons{HandoffReason::human_only_intent});
  EXPECT_EQ(en.reply, "I'm connecting you with a colleague, one moment please.");
}

TEST_F(DialogueTest, CustomerAskingForAPersonHandsOffEvenMidSlotFilling) {
  say("退款进度", {{"refund_status", 0.9}});
  const Turn turn = say("别问了，转人工", {{"greeting", 0.05}});
  ASSERT_EQ(turn.action, TurnAction::handoff);
  EXPECT_EQ(turn.handoff_reasons, Reasons{HandoffReason::customer_asked});
  EXPECT_EQ(turn.handoff->intent, "refund_status");
  EXPECT_EQ(say("I'm not asking for a human, where is my refund", {{"refund_status", 0.9}}).action,
            TurnAction::ask_slot);
}

TEST_F(DialogueTest, NegativeSentimentHandsOffWithEvidence) {
  const Turn turn = say("太差了，我的订单到底到哪了", {{"order_status", 0.9}});
  ASSERT_EQ(turn.action, TurnAction::handoff);
  EXPECT_EQ(turn.handoff_reasons, Reasons{HandoffReason::negative_sentiment});
  EXPECT_EQ(turn.sentiment.evidence, std::vector<std::string>{"太差"});
  EXPECT_EQ(turn.handoff->skill, Skill::orders);
  EXPECT_EQ(turn.handoff->priority, Priority::high);
}

TEST_F(DialogueTest, TierPolicy) {
  EXPECT_EQ(say("hello", {{"greeting", 0.9}}, Tier::enterprise).handoff_reasons,
            Reasons{HandoffReason::tier_policy});
  state_ = {};
  EXPECT_EQ(say("hello", {{"greeting", 0.9}}, Tier::vip).action, TurnAction::answer);
  const Turn unanswered = say("what's the weather", {}, Tier::vip);
  EXPECT_EQ(unanswered.handoff_reasons, Reasons{HandoffReason::tier_policy});
  EXPECT_EQ(unanswered.handoff->priority, Priority::high);
}

TEST_F(DialogueTest, GreetingAndThanksNeedNoSlots) {
  const Turn hello = say("你好", {{"greeting", 0.95}});
  EXPECT_EQ(hello.action, TurnAction::answer);
  EXPECT_EQ(hello.reply, "您好，我是智能客服，请问有什么可以帮您？");
  const Turn thanks = say("thanks a lot", {{"thanks", 0.95}});
  EXPECT_EQ(thanks.reply, "You're welcome, have a nice day!");
  EXPECT_EQ(thanks.language, Language::en);
}

TEST_F(DialogueTest, ANewQuestionWithTheNumberSwitchesIntentAndKeepsTheNumber) {
  say("退款进度", {{"refund_status", 0.9}});
  const Turn turn = say("SB2026111101 这个订单发货了吗，什么时候送到", {{"order_status", 0.8}});
  ASSERT_EQ(turn.action, TurnAction::lookup);
  EXPECT_EQ(turn.intent, "order_status");
  EXPECT_EQ(turn.query->key, "SB2026111101");
}

TEST_F(DialogueTest, HandoffSummaryIsOneLineInTheAgentsLanguage) {
  options_.agent_language = Language::en;
  const Turn turn = say("转人工\n订单 SB2026111101", {{"order_status", 0.9}});
  ASSERT_TRUE(turn.handoff.has_value());
  EXPECT_EQ(turn.handoff->summary,
            "Handoff (customer asked for a person) | intent: order_status | "
            "order_no=SB2026111101 | customer: \"转人工 订单 SB2026111101\"");
  EXPECT_EQ(turn.handoff->tags, turn.tags);
}

TEST_F(DialogueTest, OnlyTheStartOfAVeryLongMessageIsRead) {
  std::string text = "我的订单SB2026111101到哪了";
  while (text.size() <= kBotTextBytesMax) text += "手表";
  const Turn turn = say(text, {{"order_status", 0.9}});
  EXPECT_EQ(turn.action, TurnAction::lookup);
  EXPECT_LE(turn.customer_text.size(), kBotTextBytesMax);
  EXPECT_EQ(turn.customer_text.size() % 3, 0u);  // whole CJK characters (3 bytes each) + 12 ASCII
}

TEST_F(DialogueTest, TheSameInputGivesTheSameTurn) {
  const DialogueState before = state_;
  const Turn a = say("我的订单到哪了", {{"order_status", 0.9}});
  state_ = before;
  const Turn b = say("我的订单到哪了", {{"order_status", 0.9}});
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace sb::bot
