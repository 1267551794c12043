#include "runtime/bot/nlu_eval.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "actors/common/percentile.hpp"
#include "runtime/bot/eval_metrics.hpp"
#include "runtime/bot/intent_classifier.hpp"

namespace sb::bot {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kUsage =
    "usage: nlu eval --train FILE --test FILE [--val FILE] [--json]\n"
    "  FILEs are JSONL, one {\"text\", \"intent\"} a line; intent \"oos\" marks out of scope.\n"
    "  --val FILE            choose the out-of-scope threshold on FILE (else the default)\n"
    "  --json                print one JSON object instead of text\n"
    "model knobs (defaults are the tuned ones):\n"
    "  --c X                 liblinear C (inverse regularisation)\n"
    "  --loss logistic|squared_hinge\n"
    "  --epsilon X           liblinear stopping tolerance\n"
    "  --threads N           training threads (the model does not depend on it)\n"
    "  --word-ngrams N       longest word n-gram (Chinese: character n-gram)\n"
    "  --char-ngrams MIN:MAX character n-grams inside English words; 0:0 turns them off\n"
    "  --char-weight W       share of the vector given to character n-grams, in [0,1]\n"
    "  --min-df N            drop n-grams seen in fewer than N training texts\n"
    "  --hash-bits B         2^B hash buckets\n"
    "  --no-stem             keep English inflections\n"
    "  --softmax-scale S     sharpness of the confidences\n"
    "  --threshold T         fixed out-of-scope threshold (--val then only fits the scale)\n"
    "  --oos-recall-target R out-of-scope recall --val tuning aims for\n";

struct EvalArgs {
  std::string train, test, val;
  bool json = false;
  std::optional<double> threshold;
  ClassifierOptions options;
};

std::optional<double> parse_number(std::string_view s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::size_t> parse_count(std::string_view s) {
  std::size_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Returns an error message, or nullopt when `args` parsed into `out`.
std::optional<std::string> parse_args(const std::vector<std::string>& args, EvalArgs& out) {
  auto& o = out.options;
  // Each flag with a value: how to store it, false when the value is malformed.
  const std::map<std::string_view, std::function<bool(std::string_view)>> valued{
      {"--train", [&](std::string_view v) { return out.train = v, true; }},
      {"--test", [&](std::string_view v) { return out.test = v, true; }},
      {"--val", [&](std::string_view v) { return out.val = v, true; }},
      {"--c",
       [&](std::string_view v) {
         const auto x = parse_number(v);
         return x && *x > 0 ? (o.model.c = *x, true) : false;
       }},
      {"--epsilon",
       [&](std::string_view v) {
         const auto x = parse_number(v);
         return x && *x > 0 ? (o.model.epsilon = *x, true) : false;
       }},
      {"--threads",
       [&](std::string_view v) {
         const auto n = parse_count(v);
         return n && *n >= 1 && *n <= kTrainingThreadsMax ? (o.model.training_threads = *n, true)
                                                          : false;
       }},
      {"--loss",
       [&](std::string_view v) {
         if (v == "logistic") return o.model.loss = LinearLoss::logistic, true;
         if (v == "squared_hinge") return o.model.loss = LinearLoss::squared_hinge, true;
         return false;
       }},
      {"--word-ngrams",
       [&](std::string_view v) {
         const auto n = parse_count(v);
         return n && *n >= 1 ? (o.features.ngrams.word_ngram_max = *n, true) : false;
       }},
      {"--char-ngrams",
       [&](std::string_view v) {
         const auto colon = v.find(':');
         if (colon == std::string_view::npos) return false;
         const auto lo = parse_count(v.substr(0, colon));
         const auto hi = parse_count(v.substr(colon + 1));
         if (!lo || !hi || *lo > *hi) return false;
         o.features.ngrams.char_ngram_min = std::max<std::size_t>(*lo, 1);
         o.features.ngrams.char_ngram_max = *hi;
         return true;
       }},
      {"--char-weight",
       [&](std::string_view v) {
         const auto w = parse_number(v);
         if (!w || *w < 0 || *w > 1) return false;
         o.features.group_weight = {1 - *w, *w};
         return true;
       }},
      {"--min-df",
       [&](std::string_view v) {
         const auto n = parse_count(v);
         return n ? (o.features.min_document_frequency = *n, true) : false;
       }},
      {"--hash-bits",
       [&](std::string_view v) {
         constexpr std::size_t kHashBitsMax = 26;  // 256 MiB of bucket table
         const auto n = parse_count(v);
         if (!n || *n < 8 || *n > kHashBitsMax) return false;
         o.features.ngrams.hash_bits = static_cast<unsigned>(*n);
         return true;
       }},
      {"--softmax-scale",
       [&](std::string_view v) {
         const auto x = parse_number(v);
         return x && *x > 0 ? (o.softmax_scale = *x, true) : false;
       }},
      {"--threshold",
       [&](std::string_view v) {
         const auto x = parse_number(v);
         return x && *x >= 0 && *x <= 1 ? (out.threshold = *x, true) : false;
       }},
      {"--oos-recall-target",
       [&](std::string_view v) {
         const auto x = parse_number(v);
         return x && *x >= 0 && *x <= 1 ? (o.oos_recall_target = *x, true) : false;
       }},
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--json") {
      out.json = true;

    } else if (flag == "--no-stem") {
      o.features.normalizer.stem = false;
    } else if (const auto it = valued.find(flag); it != valued.end()) {
      if (i + 1 >= args.size()) return flag + " needs a value";
      if (!it->second(args[++i])) return "bad value for " + flag + ": " + args[i];
    } else {
      return "unknown argument: " + flag;
    }
  }
  if (out.train.empty() || out.test.empty()) return std::string("--train and --test are required");
  return std::nullopt;
}

struct Report {
  std::size_t train_examples = 0, intents = 0, features = 0;
  double train_seconds = 0, train_cpu_seconds = 0, threshold = 0, softmax_scale = 0,
         latency_p50_us = 0, latency_p99_us = 0;
  double calibration_error = 0;
  EvalMetrics metrics;
};

void print_text(const Report& r, std::ostream& out) {
  const auto pct = [](double v) { return v * 100; };
  const EvalMetrics& m = r.metrics;
  out << std::fixed << std::setprecision(2);
  out << "trained on " << r.train_examples << " examples, " << r.intents << " intents, "
      << r.features << " features in " << r.train_seconds << " s (" << r.train_cpu_seconds
      << " s CPU)\n";
  out << "out-of-scope threshold: " << std::setprecision(4) << r.threshold
      << ", softmax scale: " << r.softmax_scale << std::setprecision(2) << "\n";
  out << "test examples: " << m.examples << " (" << m.in_scope_examples << " in scope, "
      << m.oos_examples << " out of scope)\n";
  out << "accuracy:             " << pct(m.accuracy) << " %\n";
  out << "in-scope accuracy:    " << pct(m.in_scope_accuracy) << " %\n";
  out << "out-of-scope recall:  " << pct(m.oos_recall) << " %\n";
  out << "out-of-scope precision: " << pct(m.oos_precision) << " %\n";
  out << "macro-F1:             " << pct(m.macro_f1) << " %\n";
  out << "calibration error (in-scope top-1 ECE): " << std::setprecision(4) << r.calibration_error
      << std::setprecision(2) << "\n";
  out << "classification latency: p50 " << r.latency_p50_us << " us, p99 " << r.latency_p99_us
      << " us\n";
  out << "most confused (gold -> predicted: count):\n";
  for (const auto& c : m.most_confused) {
    out << "  " << c.gold << " -> " << c.predicted << ": " << c.count << "\n";
  }
}

void print_json(const Report& r, std::ostream& out) {
  const EvalMetrics& m = r.metrics;
  nlohmann::json confused = nlohmann::json::array();
  for (const auto& c : m.most_confused) {
    confused.push_back({{"gold", c.gold}, {"predicted", c.predicted}, {"count", c.count}});
  }
  const nlohmann::json j{
      {"train_examples", r.train_examples},
      {"intents", r.intents},
      {"features", r.features},
      {"train_seconds", r.train_seconds},
      {"train_cpu_seconds", r.train_cpu_seconds},
      {"oos_threshold", r.threshold},
      {"softmax_scale", r.softmax_scale},
      {"test_examples", m.examples},
      {"accuracy", m.accuracy},
      {"in_scope_accuracy", m.in_scope_accuracy},
      {"oos_recall", m.oos_recall},
      {"oos_precision", m.oos_precision},
      {"macro_f1", m.macro_f1},
      {"calibration_error", r.calibration_error},
      {"latency_p50_us", r.latency_p50_us},
      {"latency_p99_us", r.latency_p99_us},
      {"most_confused", confused},
  };
  out << j.dump(2) << "\n";
}

}  // namespace

int run_nlu_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  EvalArgs a;
  if (const auto error = parse_args(args, a)) {
    err << "nlu eval: " << *error << "\n" << kUsage;
    return 2;
  }
  const auto train = read_labeled_jsonl(a.train);
  if (!train) return err << "nlu eval: " << train.error() << "\n", 2;
  const auto test = read_labeled_jsonl(a.test);
  if (!test) return err << "nlu eval: " << test.error() << "\n", 2;

  Report r;
  const auto started = Clock::now();
  const std::clock_t cpu_started = std::clock();
  IntentClassifier classifier = IntentClassifier::train(*train, a.options);
  r.train_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  // CPU time too: on a shared machine the wall time says more about the neighbours.
  r.train_cpu_seconds = static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC;
  r.train_examples = train->size();
  r.intents = classifier.intent_count();
  r.features = classifier.feature_count();

  if (!a.val.empty()) {
    const auto val = read_labeled_jsonl(a.val);
    if (!val) return err << "nlu eval: " << val.error() << "\n", 2;
    classifier.tune_oos_threshold(*val);
  }
  if (a.threshold) classifier.set_oos_threshold(*a.threshold);
  r.threshold = classifier.oos_threshold();
  r.softmax_scale = classifier.softmax_scale();

  std::vector<std::string> gold, predicted;
  std::vector<double> latency_us, top_confidence;
  std::vector<bool> top_correct;
  for (const auto& example : *test) {
    const auto t0 = Clock::now();
    const auto best = classifier.classify(example.text);
    latency_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    const bool understood = !best.empty() && best.front().confidence >= r.threshold;
    gold.push_back(example.intent);
    predicted.push_back(understood ? best.front().intent : std::string(kOutOfScopeIntent));
    if (example.intent != kOutOfScopeIntent && !best.empty()) {
      top_confidence.push_back(best.front().confidence);
      top_correct.push_back(best.front().intent == example.intent);
    }
  }
  r.metrics = score_predictions(gold, predicted, std::string(kOutOfScopeIntent));
  r.calibration_error = expected_calibration_error(top_confidence, top_correct);
  r.latency_p50_us = nearest_rank_percentile(latency_us, 0.50);
  r.latency_p99_us = nearest_rank_percentile(latency_us, 0.99);
  if (a.json) {
    print_json(r, out);
  } else {
    print_text(r, out);
  }
  return 0;
}

}  // namespace sb::bot
