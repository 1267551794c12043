#include "runtime/bot/intent_classifier.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace sb::bot {

IntentClassifier IntentClassifier::train(const std::vector<LabeledUtterance>& examples,
                                         const ClassifierOptions& options) {
  IntentClassifier c;
  c.options_ = options;
  c.oos_threshold_ = options.oos_threshold;
  c.softmax_scale_ = options.softmax_scale;

  // Classes in name order, so the model does not depend on the order of the examples' intents.
  std::map<std::string, int> class_of;
  for (const auto& e : examples) class_of.emplace(e.intent, 0);
  for (auto& [name, index] : class_of) {
    index = static_cast<int>(c.classes_.size());
    if (name == kOutOfScopeIntent) c.oos_class_ = c.classes_.size();
    c.classes_.push_back(name);
  }

  std::vector<std::vector<HashedFeature>> documents;
  documents.reserve(examples.size());
  for (const auto& e : examples) {
    documents.push_back(
        extract_ngrams(tokenize(e.text, options.features.normalizer), options.features.ngrams));
  }
  c.vectorizer_ = TfidfVectorizer::fit(documents, options.features);
  std::vector<SparseVector> inputs;
  inputs.reserve(examples.size());
  std::vector<int> labels;
  labels.reserve(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    inputs.push_back(c.vectorizer_.transform(documents[i]));
    labels.push_back(class_of.at(examples[i].intent));
  }
  c.model_ = LinearModel::train(inputs, labels, c.classes_.size(), c.vectorizer_.feature_count(),
                                options.model);
  if (options.neighbour_weight > 0) {
    c.neighbours_ = NearestExamples::index(inputs, labels, c.classes_.size(),
                                           c.vectorizer_.feature_count(), options.neighbours);
  }
  return c;
}

Expected<IntentClassifier, std::string> IntentClassifier::restore(ClassifierParts parts) {
  const std::size_t class_count = parts.classes.size();
  if (std::adjacent_find(parts.classes.begin(), parts.classes.end(), std::greater_equal<>()) !=
      parts.classes.end()) {
    return unexpected(std::string("the classes are not sorted and unique"));
  }
  if (parts.model.class_count() != class_count ||
      (class_count > 0 && parts.model.feature_count() != parts.vectorizer.feature_count())) {
    return unexpected("a linear model of " + std::to_string(parts.model.class_count()) +
                      " classes and " + std::to_string(parts.model.feature_count()) +
                      " features for " + std::to_string(class_count) + " classes and " +
                      std::to_string(parts.vectorizer.feature_count()) + " features");
  }
  if (parts.neighbours.example_count() > 0 &&
      (parts.neighbours.class_count() != class_count ||
       parts.neighbours.postings_start().size() != parts.vectorizer.feature_count() + 1)) {
    return unexpected(
        std::string("the nearest-examples index does not fit the classes or features"));
  }
  if (!(parts.softmax_scale > 0) || !std::isfinite(parts.softmax_scale)) {
    return unexpected("softmax scale " + std::to_string(parts.softmax_scale));
  }
  IntentClassifier c;
  c.options_ = std::move(parts.options);
  c.classes_ = std::move(parts.classes);
  const auto oos = std::lower_bound(c.classes_.begin(), c.classes_.end(), kOutOfScopeIntent);
  if (oos != c.classes_.end() && *oos == kOutOfScopeIntent) {
    c.oos_class_ = static_cast<std::size_t>(oos - c.classes_.begin());
  }
  c.vectorizer_ = std::move(parts.vectorizer);
  c.model_ = std::move(parts.model);
  c.neighbours_ = std::move(parts.neighbours);
  c.softmax_scale_ = parts.softmax_scale;
  c.oos_threshold_ = parts.oos_threshold;
  return c;
}

IntentClassifier::Scores IntentClassifier::scores(std::string_view text) const {
  const SparseVector input = vectorizer_.transform(text);
  if (input.empty()) return {};
  Scores out;
  out.linear.resize(classes_.size());
  model_.score(input, out.linear);
  if (neighbours_.example_count() > 0) {
    out.similarity = neighbours_.best_similarity_per_class(input);
  }
  return out;
}

namespace {

// softmax(scale * values), added to `p` with weight `weight`.
void add_softmax(const std::vector<float>& values, double scale, double weight,
                 std::vector<double>& p) {
  const double top = *std::max_element(values.begin(), values.end());
  // Shifted by the top value so that exp() cannot overflow.
  std::vector<double> e(values.size());
  double sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    e[i] = std::exp(scale * (values[i] - top));
    sum += e[i];
  }
  for (std::size_t i = 0; i < values.size(); ++i) p[i] += weight * e[i] / sum;
}

}  // namespace

std::vector<double> IntentClassifier::probabilities(const Scores& scores, double scale) const {
  std::vector<double> p(classes_.size(), 0.0);
  // No n-gram the model knows: nothing to go on, so no intent gets any confidence.
  if (scores.linear.empty()) return p;
  if (scores.similarity.empty()) {
    add_softmax(scores.linear, scale, 1.0, p);
  } else {
    const double w = options_.neighbour_weight;
    add_softmax(scores.linear, scale, 1.0 - w, p);
    add_softmax(scores.similarity, options_.neighbour_sharpness, w, p);
  }
  return p;
}

std::vector<IntentScore> IntentClassifier::best_of(const std::vector<double>& p,
                                                   std::size_t k) const {
  std::vector<std::size_t> order;
  order.reserve(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (i != oos_class_) order.push_back(i);
  }
  k = std::min(k, order.size());
  // Ties break by class index, so equal confidences come out in a stable order.
  std::partial_sort(
      order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
      [&](std::size_t a, std::size_t b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
  std::vector<IntentScore> out;
  out.reserve(k);
  for (std::size_t i = 0; i < k; ++i) out.push_back(IntentScore{classes_[order[i]], p[order[i]]});
  return out;
}

std::vector<IntentScore> IntentClassifier::classify(std::string_view text, std::size_t k) const {
  return best_of(probabilities(scores(text), softmax_scale_), k);
}

double IntentClassifier::fit_softmax_scale(const std::vector<Scores>& scores,
                                           const std::vector<std::string>& intents) const {
  // Out-of-scope examples count as right with whatever mass the intents do not take.
  const auto loss = [&](double scale) {
    double nll = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
      const std::vector<double> p = probabilities(scores[i], scale);
      double right = 0;
      if (intents[i] == kOutOfScopeIntent) {
        right = 1.0;
        for (std::size_t c = 0; c < p.size(); ++c) {
          if (c != oos_class_) right -= p[c];
        }
      } else {
        const auto it = std::lower_bound(classes_.begin(), classes_.end(), intents[i]);
        if (it != classes_.end() && *it == intents[i]) {
          right = p[static_cast<std::size_t>(it - classes_.begin())];
        }
      }
      constexpr double kProbabilityFloor = 1e-12;  // an unknown intent costs a bounded amount
      nll -= std::log(std::max(right, kProbabilityFloor));
    }
    return nll;
  };
  // The loss is unimodal in log(scale): golden-section search over a wide bracket.
  constexpr double kLogScaleMin = -3, kLogScaleMax = 5;
  constexpr int kSearchSteps = 40;
  const double golden = (std::sqrt(5.0) - 1) / 2;
  double lo = kLogScaleMin, hi = kLogScaleMax;
  double x1 = hi - golden * (hi - lo), x2 = lo + golden * (hi - lo);
  double f1 = loss(std::exp(x1)), f2 = loss(std::exp(x2));
  for (int step = 0; step < kSearchSteps; ++step) {
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - golden * (hi - lo), f1 = loss(std::exp(x1));
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + golden * (hi - lo), f2 = loss(std::exp(x2));
    }
  }
  return std::exp((lo + hi) / 2);
}

std::string IntentClassifier::predict(std::string_view text) const {
  const auto best = classify(text, 1);
  if (best.empty() || best.front().confidence < oos_threshold_) {
    return std::string(kOutOfScopeIntent);
  }
  return best.front().intent;
}

double IntentClassifier::tune_oos_threshold(const std::vector<LabeledUtterance>& validation) {
  if (classes_.empty() || validation.empty()) return oos_threshold_;
  std::vector<Scores> all_scores;
  std::vector<std::string> intents;
  all_scores.reserve(validation.size());
  intents.reserve(validation.size());
  for (const auto& v : validation) {
    all_scores.push_back(scores(v.text));
    intents.push_back(v.intent);
  }
  softmax_scale_ = fit_softmax_scale(all_scores, intents);

  // Rejecting everything under threshold t catches the out-of-scope questions with confidence
  // < t: walk their confidences upwards until enough are caught.
  std::vector<double> oos_confidences;
  for (std::size_t i = 0; i < validation.size(); ++i) {
    if (intents[i] != kOutOfScopeIntent) continue;
    const auto best = best_of(probabilities(all_scores[i], softmax_scale_), 1);
    oos_confidences.push_back(best.empty() ? 0.0 : best.front().confidence);
  }
  if (oos_confidences.empty()) return oos_threshold_;
  std::sort(oos_confidences.begin(), oos_confidences.end());
  const auto needed = static_cast<std::size_t>(
      std::ceil(options_.oos_recall_target * static_cast<double>(oos_confidences.size()) - 1e-9));
  // Just above the needed-th smallest confidence, so that one is caught too.
  oos_threshold_ = needed == 0 ? 0.0 : std::nextafter(oos_confidences[needed - 1], 2.0);
  return oos_threshold_;
}

std::size_t IntentClassifier::intent_count() const {
  return classes_.size() - (oos_class_ ? 1 : 0);
}

}  // namespace sb::bot
