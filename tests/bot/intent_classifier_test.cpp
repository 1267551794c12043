#include "runtime/bot/intent_classifier.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/bot/intent_test_data.hpp"

namespace sb::bot {
namespace {

using intent_test::shop_sample;
using intent_test::TempDir;

class ShopClassifier : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    classifier_ = new IntentClassifier(IntentClassifier::train(shop_sample()));
  }
  static void TearDownTestSuite() { delete classifier_; }
  static const IntentClassifier& classifier() { return *classifier_; }

 private:
  static inline IntentClassifier* classifier_ = nullptr;
};

TEST_F(ShopClassifier, CountsInScopeIntentsOnly) { EXPECT_EQ(classifier().intent_count(), 5u); }

TEST_F(ShopClassifier, RecognisesUnseenEnglishParaphrases) {
  EXPECT_EQ(classifier().predict("I'd like a refund for my order"), "refund");
  EXPECT_EQ(classifier().predict("Where's my package?"), "order_status");
  EXPECT_EQ(classifier().predict("can I talk to a real human"), "human_agent");
  EXPECT_EQ(classifier().predict("please change the address"), "change_address");
}

TEST_F(ShopClassifier, RecognisesUnseenChineseParaphrases) {
  EXPECT_EQ(classifier().predict("申请退款"), "refund");
  EXPECT_EQ(classifier().predict("我的快递到哪了？"), "order_status");
  EXPECT_EQ(classifier().predict("转人工客服"), "human_agent");
  EXPECT_EQ(classifier().predict("修改地址"), "change_address");
  // Full-width punctuation and letters from a Chinese keyboard change nothing.
  EXPECT_EQ(classifier().predict("ｒｅｆｕｎｄ！"), classifier().predict("refund!"));
}

TEST_F(ShopClassifier, ConfidencesAreOrderedProbabilities) {
  const auto all = classifier().classify("I want my money back", 100);
  ASSERT_EQ(all.size(), classifier().intent_count());
  double sum = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_GE(all[i].confidence, 0.0);
    EXPECT_LE(all[i].confidence, 1.0);
    if (i > 0) {
      EXPECT_GE(all[i - 1].confidence, all[i].confidence);
    }
    EXPECT_NE(all[i].intent, kOutOfScopeIntent);
    sum += all[i].confidence;
  }
  // The out-of-scope class and the "none of these" mass take the rest.
  EXPECT_LE(sum, 1.0 + 1e-9);
  EXPECT_EQ(all.front().intent, "refund");
  EXPECT_GT(all.front().confidence, classifier().oos_threshold());
}

TEST_F(ShopClassifier, ReturnsAtMostKAndNeverNothing) {
  EXPECT_EQ(classifier().classify("refund", 3).size(), 3u);
  EXPECT_EQ(classifier().classify("", 1).size(), 1u);
  EXPECT_EQ(classifier().classify("\xff\xfe", 2).size(), 2u);
}

TEST_F(ShopClassifier, UnknownQuestionsFallBelowTheThreshold) {
  for (const char* text :
       {"zzqx vvbnm", "", "🙂", "what is the weather in Paris", "今天天气好吗"}) {
    const auto best = classifier().classify(text, 1);
    ASSERT_EQ(best.size(), 1u);
    EXPECT_LT(best.front().confidence, classifier().oos_threshold()) << text;
    EXPECT_EQ(classifier().predict(text), kOutOfScopeIntent) << text;
  }
}

TEST_F(ShopClassifier, TunedThresholdReachesTheRecallTarget) {
  IntentClassifier c = classifier();
  const std::vector<LabeledUtterance> validation{
      {"I need my money refunded", "refund"},
      {"where is the parcel", "order_status"},
      {"human please", "human_agent"},
      {"new shipping address", "change_address"},
      {"hi", "greeting"},
      {"what time is it in Tokyo", "oos"},
      {"sing me a song", "oos"},
      {"how tall is mount everest", "oos"},
      {"今天星期几", "oos"},
      {"帮我订机票", "oos"},
  };
  const double threshold = c.tune_oos_threshold(validation);
  EXPECT_EQ(threshold, c.oos_threshold());
  std::size_t caught = 0;
  for (const auto& v : validation) {
    if (v.intent == kOutOfScopeIntent) caught += c.predict(v.text) == kOutOfScopeIntent;
  }
  EXPECT_GE(caught, 3u);  // the default target: at least half of the 5
}

TEST_F(ShopClassifier, TuningWithoutOutOfScopeExamplesKeepsTheThreshold) {
  IntentClassifier c = classifier();
  const double before = c.oos_threshold();
  EXPECT_EQ(c.tune_oos_threshold({{"refund please", "refund"}, {"hello", "greeting"}}), before);
}

TEST(IntentClassifier, TrainingIsDeterministicWithAnyNumberOfThreads) {
  ClassifierOptions one_thread, three_threads;
  one_thread.model.training_threads = 1;
  three_threads.model.training_threads = 3;
  const auto a = IntentClassifier::train(shop_sample(), one_thread);
  const auto b = IntentClassifier::train(shop_sample(), three_threads);
  for (const char* text : {"refund", "我的订单", "hello there", "unrelated words"}) {
    const auto x = a.classify(text, 5);
    const auto y = b.classify(text, 5);
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].intent, y[i].intent);
      EXPECT_EQ(x[i].confidence, y[i].confidence);
    }
  }
}

TEST(IntentClassifier, HandlesDegenerateTrainingSets) {
  EXPECT_TRUE(IntentClassifier::train({}).classify("anything").empty());
  const auto only_oos = IntentClassifier::train({{"tell me a joke", "oos"}});
  EXPECT_EQ(only_oos.intent_count(), 0u);
  EXPECT_TRUE(only_oos.classify("anything").empty());
  EXPECT_EQ(only_oos.predict("anything"), kOutOfScopeIntent);
  const auto one = IntentClassifier::train({{"refund please", "refund"}, {"money back", "refund"}});
  ASSERT_EQ(one.intent_count(), 1u);
  EXPECT_EQ(one.classify("refund").front().intent, "refund");
  const auto two = IntentClassifier::train({{"refund please", "refund"}, {"hello", "greeting"}});
  EXPECT_EQ(two.classify("refund please").front().intent, "refund");
  EXPECT_EQ(two.classify("hello").front().intent, "greeting");
}

// 20 intents of CLINC150 (train on train, score on val): a check that the whole pipeline works on
// real data at a known level, not a benchmark (see benchmarks/bot for the full set).
TEST(IntentClassifier, LearnsTwentyClincIntents) {
  const std::filesystem::path dir = std::filesystem::path(SB_SHARED_DATA_DIR) / "clinc150";
  if (!std::filesystem::exists(dir / "train.jsonl")) GTEST_SKIP() << "no " << dir;
  const auto train = read_labeled_jsonl((dir / "train.jsonl").string());
  const auto val = read_labeled_jsonl((dir / "val.jsonl").string());
  ASSERT_TRUE(train) << train.error();
  ASSERT_TRUE(val) << val.error();
  std::set<std::string> intents;
  for (const auto& e : *train) intents.insert(e.intent);
  constexpr std::size_t kIntentsKept = 20;
  std::set<std::string> kept;
  for (const auto& i : intents) {
    if (i != kOutOfScopeIntent && kept.size() < kIntentsKept) kept.insert(i);
  }
  const auto subset = [&](const std::vector<LabeledUtterance>& all) {
    std::vector<LabeledUtterance> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                 [&](const LabeledUtterance& e) { return kept.count(e.intent) > 0; });
    return out;
  };
  const auto classifier = IntentClassifier::train(subset(*train));
  ASSERT_EQ(classifier.intent_count(), kIntentsKept);
  const auto test = subset(*val);
  std::size_t correct = 0;
  for (const auto& e : test) correct += classifier.classify(e.text, 1).front().intent == e.intent;
  EXPECT_GE(static_cast<double>(correct) / static_cast<double>(test.size()), 0.9);
}

TEST(ReadLabeledJsonl, ReadsUtterancesAndSkipsBlankLines) {
  TempDir dir;
  const auto path =
      dir.write("ok.jsonl",
                "{\"text\": \"我要退款\", \"intent\": \"refund\", \"split\": \"train\"}\n"
                "\n"
                "{\"text\": \"hi\", \"intent\": \"greeting\"}\r\n");
  const auto read = read_labeled_jsonl(path);
  ASSERT_TRUE(read) << read.error();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].text, "我要退款");
  EXPECT_EQ((*read)[1].intent, "greeting");
}

TEST(ReadLabeledJsonl, NamesTheLineOfAnError) {
  TempDir dir;
  const std::string good = "{\"text\": \"hi\", \"intent\": \"greeting\"}\n";
  const std::map<std::string, std::string> cases{
      {good + good + "{not json\n", ":3: not valid JSON"},
      {good + "{\"text\": \"hi\"}\n", ":2: missing \"intent\""},
      {"{\"text\": 5, \"intent\": \"x\"}\n", ":1: \"text\" is not a string"},
      {good + "[1, 2]\n", ":2: not a JSON object"},
      {good + "{\"text\": \"hi\", \"intent\": \"\"}\n", ":2: \"intent\" is empty"},
      {"{\"text\": \"\xff\", \"intent\": \"x\"}\n", ":1: not valid UTF-8"},
  };
  for (const auto& [content, expected] : cases) {
    const auto read = read_labeled_jsonl(dir.write("bad.jsonl", content));
    ASSERT_FALSE(read) << content;
    EXPECT_NE(read.error().find(expected), std::string::npos) << read.error();
  }
  const auto missing = read_labeled_jsonl(dir.write("x", "") + ".absent");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace sb::bot
