#include "runtime/bot/sentiment.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/handoff_policy.hpp"

namespace sb::bot {
namespace {

const double kThreshold = HandoffPolicy{}.negativity_min;

bool negative(std::string_view text) { return score_sentiment(text).negativity >= kThreshold; }

TEST(Sentiment, NegativeInChinese) {
  for (const auto* text :
       {"太差了", "我很不满意", "什么垃圾产品", "气死我了", "我要投诉你们", "真的非常失望"}) {
    EXPECT_TRUE(negative(text)) << text;
  }
}

TEST(Sentiment, NegativeInEnglish) {
  for (const auto* text : {"this is terrible", "worst service ever", "I'm not happy with this",
                           "this is ridiculous", "really disappointed",
                           "where is my order!!!  so "
                           "bad"}) {
    EXPECT_TRUE(negative(text)) << text;
  }
}

TEST(Sentiment, NeutralMessagesStayNeutral) {
  for (const auto* text :
       {"我的订单到哪了", "需要补差价吗", "差不多可以了", "where is my order",
        "thanks, that helped", "not bad at all", "不太差", "this is not the worst"}) {
    EXPECT_LT(score_sentiment(text).negativity, kThreshold) << text;
  }
  EXPECT_EQ(score_sentiment("我的订单到哪了").negativity, 0.0);
  EXPECT_EQ(score_sentiment("not bad").negativity, 0.0);
}

TEST(Sentiment, IntensifiersScale) {
  EXPECT_GT(score_sentiment("very disappointed").negativity,
            score_sentiment("disappointed").negativity);
  EXPECT_GT(score_sentiment("非常失望").negativity, score_sentiment("失望").negativity);
}

TEST(Sentiment, ExclamationsAddALittle) {
  EXPECT_EQ(score_sentiment("where is my order!!!").negativity, kExclamationWeight);
  EXPECT_EQ(score_sentiment("where is my order!").negativity, 0.0);
}

TEST(Sentiment, EvidenceListsMatchedTermsInOrder) {
  const Sentiment s = score_sentiment("垃圾服务，太差了!!");
  EXPECT_EQ(s.evidence, (std::vector<std::string>{"垃圾", "太差", "!!!"}));
  // The longer term wins over one inside it.
  EXPECT_EQ(score_sentiment("不太满意").evidence, std::vector<std::string>{"不太满意"});
}

}  // namespace
}  // namespace sb::bot
