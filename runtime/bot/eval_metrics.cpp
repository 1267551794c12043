#include "runtime/bot/eval_metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include "actors/common/assert.hpp"

namespace sb::bot {
namespace {

double ratio(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

EvalMetrics score_predictions(const std::vector<std::string>& gold,
                              const std::vector<std::string>& predicted,
                              const std::string& oos_label) {
  SB_ASSERT(gold.size() == predicted.size());
  EvalMetrics m;
  m.examples = gold.size();
  std::size_t correct = 0, in_scope_correct = 0, oos_caught = 0, oos_predicted = 0;
  struct Counts {
    std::size_t true_positive = 0, gold = 0, predicted = 0;
  };
  std::map<std::string, Counts> per_label;
  std::map<std::pair<std::string, std::string>, std::size_t> confusions;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const bool hit = gold[i] == predicted[i];
    const bool oos = gold[i] == oos_label;
    correct += hit;
    ++per_label[gold[i]].gold;
    ++per_label[predicted[i]].predicted;
    if (hit) ++per_label[gold[i]].true_positive;
    if (!hit) ++confusions[{gold[i], predicted[i]}];
    if (oos) {
      ++m.oos_examples;
      oos_caught += hit;
    } else {
      ++m.in_scope_examples;
      in_scope_correct += hit;
    }
    oos_predicted += predicted[i] == oos_label;
  }
  m.accuracy = ratio(correct, m.examples);
  m.in_scope_accuracy = ratio(in_scope_correct, m.in_scope_examples);
  m.oos_recall = ratio(oos_caught, m.oos_examples);
  m.oos_precision = ratio(oos_caught, oos_predicted);
  double f1_sum = 0;
  for (const auto& [label, c] : per_label) {
    const double precision = ratio(c.true_positive, c.predicted);
    const double recall = ratio(c.true_positive, c.gold);
    f1_sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  }
  m.macro_f1 = per_label.empty() ? 0.0 : f1_sum / static_cast<double>(per_label.size());
  for (const auto& [pair, count] : confusions) {
    m.most_confused.push_back(ConfusedPair{pair.first, pair.second, count});
  }
  // Stable: equal counts keep the map's (gold, predicted) order, so reports are reproducible.
  std::stable_sort(m.most_confused.begin(), m.most_confused.end(),
                   [](const ConfusedPair& a, const ConfusedPair& b) { return a.count > b.count; });
  if (m.most_confused.size() > kConfusedPairsShown) m.most_confused.resize(kConfusedPairsShown);
  return m;
}

double expected_calibration_error(const std::vector<double>& confidence,
                                  const std::vector<bool>& correct) {
  SB_ASSERT(confidence.size() == correct.size());
  constexpr std::size_t kBins = 10;
  std::array<double, kBins> confidence_sum{}, correct_sum{};
  std::array<std::size_t, kBins> count{};
  for (std::size_t i = 0; i < confidence.size(); ++i) {
    const auto bin = std::min(kBins - 1, static_cast<std::size_t>(confidence[i] * kBins));
    confidence_sum[bin] += confidence[i];
    correct_sum[bin] += correct[i] ? 1.0 : 0.0;
    ++count[bin];
  }
  double ece = 0;
  for (std::size_t b = 0; b < kBins; ++b) {
    if (count[b] == 0) continue;
    ece += std::abs(confidence_sum[b] - correct_sum[b]) / static_cast<double>(confidence.size());
  }
  return ece;
}

}  // namespace sb::bot
