#include "runtime/bot/handoff_policy.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/human_request.hpp"
#include "runtime/bot/sentiment.hpp"

namespace sb::bot {
namespace {

using Reasons = std::vector<HandoffReason>;

Reasons reasons_for(const HandoffSignals& signals, const HandoffPolicy& policy = {}) {
  return handoff_reasons(policy, signals);
}

TEST(HumanRequest, AsksInBothLanguages) {
  for (const auto* text :
       {"转人工", "我要人工客服", "找人工", "能不能让真人来回答", "人工服务", "human please",
        "let me talk to an agent", "I want a real person", "get me a representative", "operator!",
        "为什么不能转人工", "I can't reach an agent", "No, I want a human"}) {
    EXPECT_TRUE(find_human_request(text).has_value()) << text;
  }
}

TEST(HumanRequest, NotFooledByNegationOrOtherMeanings) {
  for (const auto* text :
       {"不用转人工", "我不是要找人工", "别转人工了，我自己看看", "I'm not asking for a human",
        "no need for an agent", "I don't want an agent", "你们的人工智能不错", "where is my order",
        "我的订单到哪了"}) {
    EXPECT_FALSE(find_human_request(text).has_value()) << text;
  }
}

TEST(HandoffPolicy, NothingHandsOffAQuietRegularCustomer) { EXPECT_TRUE(reasons_for({}).empty()); }

TEST(HandoffPolicy, CustomerAsked) {
  EXPECT_EQ(reasons_for({.customer_asked = true}), Reasons{HandoffReason::customer_asked});
}

TEST(HandoffPolicy, LowConfidenceTwice) {
  EXPECT_TRUE(reasons_for({.low_confidence_streak = 1}).empty());
  EXPECT_EQ(reasons_for({.low_confidence_streak = 2}),
            Reasons{HandoffReason::low_confidence_twice});
}

TEST(HandoffPolicy, NegativeSentimentInBothLanguages) {
  const auto with = [](std::string_view text) {
    return reasons_for({.negativity = score_sentiment(text).negativity});
  };
  EXPECT_EQ(with("太差了，气死我了"), Reasons{HandoffReason::negative_sentiment});
  EXPECT_EQ(with("this is the worst service"), Reasons{HandoffReason::negative_sentiment});
  EXPECT_TRUE(with("我的手表怎么充电").empty());
  EXPECT_TRUE(with("how do I charge my watch").empty());
}

TEST(HandoffPolicy, HumanOnlyIntent) {
  EXPECT_EQ(reasons_for({.human_only_intent = true}), Reasons{HandoffReason::human_only_intent});
}

TEST(HandoffPolicy, TierPolicy) {
  EXPECT_EQ(reasons_for({.tier = Tier::enterprise}), Reasons{HandoffReason::tier_policy});
  EXPECT_TRUE(reasons_for({.tier = Tier::vip}).empty());
  EXPECT_EQ(reasons_for({.tier = Tier::vip, .unanswered_turns = 1}),
            (Reasons{HandoffReason::tier_policy}));
  EXPECT_TRUE(reasons_for({.tier = Tier::regular, .unanswered_turns = 1}).empty());
  HandoffPolicy bot_for_everyone;
  bot_for_everyone.enterprise_unanswered_turns_max.reset();
  EXPECT_TRUE(reasons_for({.tier = Tier::enterprise}, bot_for_everyone).empty());
}

TEST(HandoffPolicy, BackendUnavailable) {
  EXPECT_EQ(reasons_for({.backend_unavailable = true}),
            Reasons{HandoffReason::backend_unavailable});
}

TEST(HandoffPolicy, SlotAttemptsExhausted) {
  EXPECT_TRUE(reasons_for({.failed_slot_attempts = 2}).empty());
  EXPECT_EQ(reasons_for({.failed_slot_attempts = 3}),
            Reasons{HandoffReason::slot_attempts_exhausted});
}

TEST(HandoffPolicy, TurnLimit) {
  EXPECT_TRUE(reasons_for({.bot_turns = 20}).empty());
  EXPECT_EQ(reasons_for({.bot_turns = 21}), Reasons{HandoffReason::turn_limit});
}

TEST(HandoffPolicy, ReportsEveryReasonThatApplies) {
  const Reasons all = reasons_for({.customer_asked = true,
                                   .low_confidence_streak = 2,
                                   .negativity = 5,
                                   .human_only_intent = true,
                                   .tier = Tier::enterprise,
                                   .backend_unavailable = true,
                                   .failed_slot_attempts = 3});
  EXPECT_EQ(all, (Reasons{HandoffReason::customer_asked, HandoffReason::low_confidence_twice,
                          HandoffReason::negative_sentiment, HandoffReason::human_only_intent,
                          HandoffReason::tier_policy, HandoffReason::backend_unavailable,
                          HandoffReason::slot_attempts_exhausted}));
  for (const HandoffReason reason : all) {
    EXPECT_EQ(parse_handoff_reason(to_string(reason)), reason);
  }
}

}  // namespace
}  // namespace sb::bot
