#pragma once
// Scores of an intent classifier's predictions against gold labels, out-of-scope aware.

#include <cstddef>
#include <string>
#include <vector>

namespace sb::bot {

struct ConfusedPair {
  std::string gold;
  std::string predicted;
  std::size_t count;
};

struct EvalMetrics {
  std::size_t examples = 0;
  std::size_t in_scope_examples = 0;
  std::size_t oos_examples = 0;
  double accuracy = 0;           // all examples, "oos" being one more label
  double in_scope_accuracy = 0;  // in-scope examples only; predicting "oos" for them is wrong
  double oos_recall = 0;         // out-of-scope examples predicted "oos"
  double oos_precision = 0;      // "oos" predictions that were out of scope
  double macro_f1 = 0;           // mean F1 over every label in gold or predictions
  std::vector<ConfusedPair> most_confused;  // largest counts first
};

inline constexpr std::size_t kConfusedPairsShown = 10;

// `gold` and `predicted` are parallel; `oos_label` marks out of scope in both.
EvalMetrics score_predictions(const std::vector<std::string>& gold,
                              const std::vector<std::string>& predicted,
                              const std::string& oos_label);

// Expected calibration error of top-1 confidences: the mean gap between confidence and accuracy
// over equal-width confidence bins, weighted by bin size. 0 means perfectly calibrated.
double expected_calibration_error(const std::vector<double>& confidence,
                                  const std::vector<bool>& correct);

}  // namespace sb::bot
