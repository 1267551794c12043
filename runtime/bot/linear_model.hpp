#pragma once
// A one-vs-rest linear classifier over sparse vectors, trained by liblinear (BSD-3) with its
// primal trust-region Newton solvers: they use no random numbers, so training is deterministic
// and the per-class problems can run on several threads at once (liblinear's dual solvers call
// rand(), whose hidden state would make results depend on scheduling).
// Weights are stored feature-major in float so that scoring a text touches one contiguous row
// per feature present.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/tfidf_vectorizer.hpp"

namespace sb::bot {

enum class LinearLoss {
  logistic,       // L2-regularised logistic regression: scores are log-odds
  squared_hinge,  // L2-regularised L2-loss SVM: larger margins, scores uncalibrated
};

struct LinearModelOptions {
  LinearLoss loss = LinearLoss::logistic;
  double c = 30.0;  // inverse regularisation strength (best of 3, 10, 30, 100 on CLINC150 val)
  double epsilon = 0.01;  // liblinear's stopping tolerance
  // One-vs-rest problems train in parallel; the model is the same for any number of threads.
  std::size_t training_threads = 2;
};

// Training never takes more threads than this, whatever the options say.
inline constexpr std::size_t kTrainingThreadsMax = 16;

class LinearModel {
 public:
  LinearModel() = default;
  // `labels` are class indices in [0, class_count); every class should occur at least once.
  static LinearModel train(const std::vector<SparseVector>& inputs, const std::vector<int>& labels,
                           std::size_t class_count, std::size_t feature_count,
                           const LinearModelOptions& options);

  // Writes one decision value per class into `scores` (size class_count()).
  void score(const SparseVector& input, std::span<float> scores) const;

  std::size_t class_count() const { return class_count_; }
  std::size_t feature_count() const {
    return class_count_ == 0 ? 0 : weights_.size() / class_count_;
  }

  // What train() learned, for saving a trained model (model_codec.hpp).
  const std::vector<float>& weights() const { return weights_; }  // [feature][class]
  const std::vector<float>& bias() const { return bias_; }        // [class]
  // The model train() made from those parts, or why their sizes do not fit `class_count`.
  static Expected<LinearModel, std::string> restore(std::size_t class_count,
                                                    std::vector<float> weights,
                                                    std::vector<float> bias);

 private:
  std::size_t class_count_ = 0;
  std::vector<float> weights_;  // [feature][class]
  std::vector<float> bias_;     // [class]
};

}  // namespace sb::bot
