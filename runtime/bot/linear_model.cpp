#include "runtime/bot/linear_model.hpp"

#include <algorithm>
#include <atomic>
#include <linear.h>
#include <memory>
#include <thread>

#include "actors/common/assert.hpp"

namespace sb::bot {
namespace {

// liblinear prints progress to stdout unless told otherwise.
void print_nothing(const char*) {}

int solver_of(LinearLoss loss) {
  switch (loss) {
    case LinearLoss::logistic:
      return L2R_LR;
    case LinearLoss::squared_hinge:
      return L2R_L2LOSS_SVC;
  }
  SB_ASSERT(false);
  return L2R_LR;
}

struct ModelDeleter {
  void operator()(model* m) const { free_and_destroy_model(&m); }
};

// The training rows in liblinear's layout: 1-based indices, a bias node, a -1 terminator.
class LiblinearRows {
 public:
  static constexpr double kBiasFeature = 1.0;

  LiblinearRows(const std::vector<SparseVector>& inputs, std::size_t feature_count)
      : bias_index_(static_cast<int>(feature_count) + 1) {
    std::size_t total = 0;
    for (const auto& x : inputs) total += x.size() + 2;
    nodes_.reserve(total);  // no reallocation below: rows_ points into nodes_
    rows_.reserve(inputs.size());
    for (const auto& x : inputs) {
      rows_.push_back(nodes_.data() + nodes_.size());
      for (const FeatureValue& f : x) {
        nodes_.push_back(feature_node{static_cast<int>(f.id) + 1, double{f.value}});
      }
      nodes_.push_back(feature_node{bias_index_, kBiasFeature});
      nodes_.push_back(feature_node{-1, 0.0});
    }
  }

  // A problem over these rows with labels `y` (liblinear only reads the rows).
  problem with_labels(std::vector<double>& y) {
    problem p{};
    p.l = static_cast<int>(rows_.size());
    p.n = bias_index_;
    p.y = y.data();
    p.x = rows_.data();
    p.bias = kBiasFeature;
    return p;
  }

 private:
  int bias_index_;
  std::vector<feature_node> nodes_;
  std::vector<feature_node*> rows_;
};

}  // namespace

LinearModel LinearModel::train(const std::vector<SparseVector>& inputs,
                               const std::vector<int>& labels, std::size_t class_count,
                               std::size_t feature_count, const LinearModelOptions& options) {
  SB_ASSERT(inputs.size() == labels.size());
  LinearModel m;
  m.class_count_ = class_count;
  m.weights_.assign(feature_count * class_count, 0.0f);
  m.bias_.assign(class_count, 0.0f);
  if (class_count < 2 || inputs.empty()) return m;  // nothing to separate: all scores 0

  LiblinearRows rows(inputs, feature_count);
  parameter param{};
  param.solver_type = solver_of(options.loss);
  param.eps = options.epsilon;
  param.C = options.c;
  set_print_string_function(&print_nothing);  // before the threads: it sets a global

  // One-vs-rest, one binary problem per class, as liblinear itself does for several classes;
  // running them here lets them share the cores, and each result is independent of the others.
  std::vector<std::size_t> examples_of(class_count, 0);
  for (int label : labels) ++examples_of.at(static_cast<std::size_t>(label));
  const auto train_class = [&](std::size_t target) {
    if (examples_of[target] == 0 || examples_of[target] == labels.size()) {
      // Nothing to separate: a class without examples never wins, one with all of them always.
      constexpr float kDecidedBias = 1e3f;
      m.bias_[target] = examples_of[target] == 0 ? -kDecidedBias : kDecidedBias;
      return;
    }
    std::vector<double> y(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
      y[i] = static_cast<std::size_t>(labels[i]) == target ? +1.0 : -1.0;
    }
    const problem prob = rows.with_labels(y);
    SB_ASSERT(check_parameter(&prob, &param) == nullptr);
    const std::unique_ptr<model, ModelDeleter> trained(::train(&prob, &param));
    // With two labels liblinear keeps the weights of the first one it saw, so +1's weights are
    // negated when -1 came first.
    SB_ASSERT(trained->nr_class == 2);
    const float sign = trained->label[0] > 0 ? 1.0f : -1.0f;
    for (std::size_t j = 0; j < feature_count; ++j) {
      m.weights_[j * class_count + target] = sign * static_cast<float>(trained->w[j]);
    }
    m.bias_[target] =
        sign * static_cast<float>(trained->w[feature_count] * LiblinearRows::kBiasFeature);
  };

  std::atomic<std::size_t> next_class{0};
  const auto worker = [&] {
    for (std::size_t c = next_class++; c < class_count; c = next_class++) train_class(c);
  };
  const std::size_t thread_count =
      std::clamp<std::size_t>(options.training_threads, 1, kTrainingThreadsMax);
  std::vector<std::jthread> helpers;
  for (std::size_t t = 1; t < std::min(thread_count, class_count); ++t)
    helpers.emplace_back(worker);
  worker();
  helpers.clear();  // joins
  return m;
}

Expected<LinearModel, std::string> LinearModel::restore(std::size_t class_count,
                                                        std::vector<float> weights,
                                                        std::vector<float> bias) {
  if (bias.size() != class_count ||
      (class_count == 0 ? !weights.empty() : weights.size() % class_count != 0)) {
    return unexpected(std::to_string(weights.size()) + " weights and " +
                      std::to_string(bias.size()) + " biases do not make " +
                      std::to_string(class_count) + " classes");
  }
  LinearModel m;
  m.class_count_ = class_count;
  m.weights_ = std::move(weights);
  m.bias_ = std::move(bias);
  return m;
}

void LinearModel::score(const SparseVector& input, std::span<float> scores) const {
  SB_ASSERT(scores.size() == class_count_);
  for (std::size_t c = 0; c < class_count_; ++c) scores[c] = bias_[c];
  for (const FeatureValue& f : input) {
    const float* row = &weights_[std::size_t{f.id} * class_count_];
    for (std::size_t c = 0; c < class_count_; ++c) scores[c] += f.value * row[c];
  }
}

}  // namespace sb::bot
