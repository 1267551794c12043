#pragma once
// The bot's intent classifier: TF-IDF over word and character n-grams (see tfidf_vectorizer.hpp)
// into a one-vs-rest logistic regression (liblinear), with a softmax over its scores as the
// confidence, optionally blended with how close the text is to each class's nearest training
// example (nearest_examples.hpp). Utterances labelled "oos" train an out-of-scope class whose
// probability mass is withheld from the intents, so a question like those lowers every intent's
// confidence; a text with no n-gram the model knows gets confidence 0 for every intent. A top
// confidence under the threshold means "not understood" and the conversation goes to a person.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/linear_model.hpp"
#include "runtime/bot/nearest_examples.hpp"
#include "runtime/bot/tfidf_vectorizer.hpp"

namespace sb::bot {

inline constexpr std::string_view kOutOfScopeIntent = "oos";

struct LabeledUtterance {
  std::string text;
  std::string intent;  // kOutOfScopeIntent marks out of scope
};

struct IntentScore {
  std::string intent;
  double confidence;  // in [0, 1]; the confidences of all intents of a model sum to at most 1
};

struct ClassifierOptions {
  VectorizerOptions features;
  LinearModelOptions model;
  // Multiplies the scores before the softmax: sharpens or flattens the confidences.
  // tune_oos_threshold() refits it on the validation data (least negative log-likelihood).
  double softmax_scale = 1.0;
  // Used until tune_oos_threshold() picks one from data. Tuned values: 0.16 on CLINC150 val (for
  // 50% out-of-scope recall); on half of the shipped KB's held-out paraphrases, 0.15 gave the best
  // accuracy with 50% out-of-scope recall.
  double oos_threshold = 0.15;
  // tune_oos_threshold() picks the highest in-scope accuracy among thresholds that send at least
  // this share of out-of-scope validation questions to a person.
  double oos_recall_target = 0.5;
  // Share of the confidence that comes from the nearest training examples: a softmax over each
  // class's best cosine similarity times neighbour_sharpness. 0 (the default) is the linear model
  // alone and indexes nothing; the bot uses it on its small knowledge base (bot.hpp).
  double neighbour_weight = 0;
  double neighbour_sharpness = 10;
  NearestExamplesOptions neighbours;
};

// The parts of a trained classifier, as saved and loaded with a cached model (model_codec.hpp).
struct ClassifierParts {
  ClassifierOptions options;
  std::vector<std::string> classes;  // sorted and unique; may contain kOutOfScopeIntent
  TfidfVectorizer vectorizer;
  LinearModel model;
  NearestExamples neighbours;
  double softmax_scale = 1;
  double oos_threshold = 0;
};

class IntentClassifier {
 public:
  // Trains on `examples` (any language mix, zh and en). Deterministic for the same input.
  static IntentClassifier train(const std::vector<LabeledUtterance>& examples,
                                const ClassifierOptions& options = {});

  // Best intents first, at most `k`. Never empty when the model has at least one intent.
  std::vector<IntentScore> classify(std::string_view text, std::size_t k = 3) const;

  // The best intent, or kOutOfScopeIntent when its confidence is under the threshold.
  std::string predict(std::string_view text) const;

  // The out-of-scope threshold: a top confidence below it means "not understood".
  double oos_threshold() const { return oos_threshold_; }
  void set_oos_threshold(double threshold) { oos_threshold_ = threshold; }

  // Chooses the threshold on labelled validation data (intent "oos" marks out of scope): the
  // lowest threshold that reaches options.oos_recall_target, which keeps in-scope accuracy as
  // high as that recall allows. Refits the softmax scale on the same data first. Without
  // out-of-scope examples the threshold is left unchanged.
  double tune_oos_threshold(const std::vector<LabeledUtterance>& validation);

  double softmax_scale() const { return softmax_scale_; }

  // In-scope intents (the out-of-scope class does not count).
  std::size_t intent_count() const;
  std::size_t feature_count() const { return vectorizer_.feature_count(); }

  // What train() made, for saving a trained model (model_codec.hpp).
  const ClassifierOptions& options() const { return options_; }
  const std::vector<std::string>& classes() const { return classes_; }
  const TfidfVectorizer& vectorizer() const { return vectorizer_; }
  const LinearModel& linear_model() const { return model_; }
  const NearestExamples& neighbours() const { return neighbours_; }
  // The classifier those parts make: it classifies exactly as the one they were taken from. An
  // error says which parts do not fit together (class or feature counts, order of the classes).
  static Expected<IntentClassifier, std::string> restore(ClassifierParts parts);

 private:
  // Per class: the linear model's decision value and the best similarity to one of its examples
  // (empty when the text has no n-gram the model knows; no similarities without neighbours).
  struct Scores {
    std::vector<float> linear;
    std::vector<float> similarity;
  };
  Scores scores(std::string_view text) const;
  // Probabilities of every class, out-of-scope included, in class order (all 0 without scores).
  std::vector<double> probabilities(const Scores& scores, double scale) const;
  std::vector<IntentScore> best_of(const std::vector<double>& p, std::size_t k) const;
  // The softmax scale with the least negative log-likelihood of the labelled classes.
  double fit_softmax_scale(const std::vector<Scores>& scores,
                           const std::vector<std::string>& intents) const;

  ClassifierOptions options_;
  std::vector<std::string> classes_;  // sorted; may contain kOutOfScopeIntent
  std::optional<std::size_t> oos_class_;
  TfidfVectorizer vectorizer_;
  LinearModel model_;
  NearestExamples neighbours_;  // empty unless options_.neighbour_weight > 0
  double softmax_scale_ = 1;
  double oos_threshold_ = 0;
};

// Reads JSONL {"text": ..., "intent": ...}; errors name the line number. Blank lines are skipped;
// other keys (such as "split") are ignored.
sb::Expected<std::vector<LabeledUtterance>, std::string> read_labeled_jsonl(
    const std::string& path);

}  // namespace sb::bot
