// Nearest training examples by cosine similarity, on hand-made unit vectors.
#include "runtime/bot/nearest_examples.hpp"

#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "runtime/bot/intent_classifier.hpp"
#include "tests/bot/intent_test_data.hpp"

namespace sb::bot {
namespace {

constexpr float kHalfSqrt2 = 0.70710678f;

TEST(NearestExamples, GivesEachClassItsBestCosine) {
  // Class 0: e0 = f0, e1 = (f1 + f2)/sqrt2; class 1: e2 = f2; class 2 has no example.
  const std::vector<SparseVector> examples{
      {{0, 1.0f}}, {{1, kHalfSqrt2}, {2, kHalfSqrt2}}, {{2, 1.0f}}};
  const NearestExamples index =
      NearestExamples::index(examples, {0, 0, 1}, 3, 4, NearestExamplesOptions{1.0});
  EXPECT_EQ(index.example_count(), 3u);
  const std::vector<float> best = index.best_similarity_per_class({{2, 1.0f}});
  ASSERT_EQ(best.size(), 3u);
  EXPECT_NEAR(best[0], kHalfSqrt2, 1e-6);  // e1 beats e0 (0)
  EXPECT_NEAR(best[1], 1.0, 1e-6);
  EXPECT_EQ(best[2], 0.0f);
  // A feature no example has, and one beyond the index, add nothing.
  EXPECT_EQ(index.best_similarity_per_class({{3, 1.0f}}), (std::vector<float>{0, 0, 0}));
  EXPECT_EQ(index.best_similarity_per_class({{9, 1.0f}}), (std::vector<float>{0, 0, 0}));
}

TEST(NearestExamples, SkipsFeaturesCommonToMostExamples) {
  // f0 is in all three examples: with at most half of the examples per feature it is not indexed,
  // so only f1 (in e1 alone) counts.
  const std::vector<SparseVector> examples{
      {{0, 1.0f}}, {{0, kHalfSqrt2}, {1, kHalfSqrt2}}, {{0, 1.0f}}};
  const NearestExamples index =
      NearestExamples::index(examples, {0, 1, 1}, 2, 2, NearestExamplesOptions{0.5});
  const std::vector<float> best =
      index.best_similarity_per_class({{0, kHalfSqrt2}, {1, kHalfSqrt2}});
  EXPECT_EQ(best[0], 0.0f);
  EXPECT_NEAR(best[1], 0.5, 1e-6);
}

TEST(NearestExamples, BlendIsTheWeightedMeanOfModelAndNeighbours) {
  const auto confidence_of = [](double weight, std::string_view text) {
    ClassifierOptions options;
    options.neighbour_weight = weight;
    options.neighbours.common_feature_share_max = 1.0;  // every feature: a copy has cosine 1
    const IntentClassifier c = IntentClassifier::train(intent_test::shop_sample(), options);
    std::map<std::string, double> out;
    for (const auto& s : c.classify(text, 100)) out[s.intent] = s.confidence;
    return out;
  };
  const std::string_view text = "I want a refund";  // one of the refund examples word for word
  const auto model = confidence_of(0.0, text);
  const auto neighbours = confidence_of(1.0, text);
  const auto blend = confidence_of(0.25, text);
  // The nearest example alone picks its class; the blend mixes the two distributions linearly.
  EXPECT_EQ(std::max_element(neighbours.begin(), neighbours.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; })
                ->first,
            "refund");
  ASSERT_EQ(blend.size(), model.size());
  for (const auto& [intent, p] : blend) {
    EXPECT_NEAR(p, 0.75 * model.at(intent) + 0.25 * neighbours.at(intent), 1e-6) << intent;
  }
  // Nothing known: still no confidence for anyone.
  for (const auto& [intent, p] : confidence_of(0.25, "")) EXPECT_EQ(p, 0.0) << intent;
}

}  // namespace
}  // namespace sb::bot
