#include "runtime/bot/nlu_eval.hpp"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runtime/bot/eval_metrics.hpp"
#include "tests/bot/intent_test_data.hpp"

namespace sb::bot {
namespace {

using intent_test::shop_sample;
using intent_test::TempDir;
using intent_test::to_jsonl;

TEST(ScorePredictions, CountsInScopeAndOutOfScopeSeparately) {
  const std::vector<std::string> gold{"a", "a", "b", "b", "oos", "oos"};
  const std::vector<std::string> predicted{"a", "oos", "b", "a", "oos", "b"};
  const EvalMetrics m = score_predictions(gold, predicted, "oos");
  EXPECT_EQ(m.examples, 6u);
  EXPECT_EQ(m.in_scope_examples, 4u);
  EXPECT_EQ(m.oos_examples, 2u);
  EXPECT_DOUBLE_EQ(m.accuracy, 3.0 / 6);
  EXPECT_DOUBLE_EQ(m.in_scope_accuracy, 2.0 / 4);
  EXPECT_DOUBLE_EQ(m.oos_recall, 1.0 / 2);
  EXPECT_DOUBLE_EQ(m.oos_precision, 1.0 / 2);
  // F1: a = 2*(1/2*1/2)/(1) = 1/2, b = 1/2, oos = 1/2.
  EXPECT_DOUBLE_EQ(m.macro_f1, 0.5);
  ASSERT_EQ(m.most_confused.size(), 3u);
  for (const auto& c : m.most_confused) EXPECT_EQ(c.count, 1u);
}

TEST(ScorePredictions, OrdersConfusionsByCount) {
  const EvalMetrics m = score_predictions({"a", "a", "a", "b"}, {"c", "c", "a", "c"}, "oos");
  ASSERT_EQ(m.most_confused.size(), 2u);
  EXPECT_EQ(m.most_confused[0].gold, "a");
  EXPECT_EQ(m.most_confused[0].predicted, "c");
  EXPECT_EQ(m.most_confused[0].count, 2u);
}

TEST(ExpectedCalibrationError, IsZeroWhenConfidenceMatchesAccuracy) {
  EXPECT_DOUBLE_EQ(expected_calibration_error({0.75, 0.75, 0.75, 0.75}, {true, true, true, false}),
                   0.0);
  EXPECT_DOUBLE_EQ(expected_calibration_error({1.0, 1.0}, {false, false}), 1.0);
}

int eval(const std::vector<std::string>& args, std::string& out, std::string& err) {
  std::ostringstream o, e;
  const int code = run_nlu_eval(args, o, e);
  out = o.str();
  err = e.str();
  return code;
}

TEST(RunNluEval, PrintsEveryMeasure) {
  TempDir dir;
  const auto train = dir.write("train.jsonl", to_jsonl(shop_sample()));
  const auto test = dir.write("test.jsonl", to_jsonl({{"I'd like a refund", "refund"},
                                                      {"我的快递到哪了", "order_status"},
                                                      {"what is the capital of peru", "oos"}}));
  std::string out, err;
  ASSERT_EQ(eval({"--train", train, "--test", test, "--val", test}, out, err), 0) << err;
  for (const char* measure :
       {"accuracy:", "in-scope accuracy:", "out-of-scope recall:", "out-of-scope precision:",
        "macro-F1:", "most confused", "trained on 58 examples, 5 intents", "latency: p50",
        "out-of-scope threshold:"}) {
    EXPECT_NE(out.find(measure), std::string::npos) << measure << "\n" << out;
  }
}

TEST(RunNluEval, PrintsJson) {
  TempDir dir;
  const auto train = dir.write("train.jsonl", to_jsonl(shop_sample()));
  std::string out, err;
  ASSERT_EQ(eval({"--train", train, "--test", train, "--json", "--threshold", "0"}, out, err), 0)
      << err;
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j.at("train_examples"), 58);
  EXPECT_EQ(j.at("oos_threshold"), 0.0);
  // With no threshold, every out-of-scope training example is called some intent.
  EXPECT_EQ(j.at("oos_recall"), 0.0);
  EXPECT_GT(j.at("in_scope_accuracy").get<double>(), 0.9);
  EXPECT_GE(j.at("latency_p99_us").get<double>(), j.at("latency_p50_us").get<double>());
}

TEST(RunNluEval, RejectsBadArgumentsAndData) {
  TempDir dir;
  const auto good = dir.write("good.jsonl", to_jsonl(shop_sample()));
  const auto bad = dir.write("bad.jsonl", "{\"text\": \"hi\", \"intent\": \"x\"}\n{oops\n");
  std::string out, err;
  EXPECT_EQ(eval({"--train", good}, out, err), 2);
  EXPECT_NE(err.find("--train and --test are required"), std::string::npos) << err;
  EXPECT_EQ(eval({"--train", good, "--test", good, "--c", "-1"}, out, err), 2);
  EXPECT_NE(err.find("bad value for --c"), std::string::npos) << err;
  EXPECT_EQ(eval({"--train", good, "--test", good, "--frobnicate"}, out, err), 2);
  EXPECT_NE(err.find("unknown argument"), std::string::npos) << err;
  EXPECT_EQ(eval({"--train", good, "--test", bad}, out, err), 2);
  EXPECT_NE(err.find("bad.jsonl:2: not valid JSON"), std::string::npos) << err;
}

}  // namespace
}  // namespace sb::bot
