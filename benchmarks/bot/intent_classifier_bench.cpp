// Intent classification latency on CLINC150 (trained on train, texts from val), with the training
// time printed once. Run: intent_classifier_bench [--benchmark_filter=...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <benchmark/benchmark.h>

#include "runtime/bot/intent_classifier.hpp"

namespace {

using sb::bot::IntentClassifier;
using sb::bot::LabeledUtterance;

struct Fixture {
  std::vector<LabeledUtterance> val;
  std::unique_ptr<IntentClassifier> classifier;
};

// Trained once for all benchmarks: training is a one-off figure, not a loop to time.
const Fixture* clinc() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    const auto dir = std::filesystem::path(SB_SHARED_DATA_DIR) / "clinc150";
    auto train = sb::bot::read_labeled_jsonl((dir / "train.jsonl").string());
    auto val = sb::bot::read_labeled_jsonl((dir / "val.jsonl").string());
    if (!train || !val) {
      std::fprintf(stderr, "CLINC150 not found under %s: skipping\n", dir.c_str());
      return f;
    }
    const auto started = std::chrono::steady_clock::now();
    f->classifier = std::make_unique<IntentClassifier>(IntentClassifier::train(*train));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr, "trained on %zu CLINC150 examples (%zu intents) in %.2f s\n",
                 train->size(), f->classifier->intent_count(), seconds);
    f->val = std::move(*val);
    return f;
  }();
  return fixture;
}

void BM_ClassifyClinc(benchmark::State& state) {
  const Fixture* f = clinc();
  if (!f->classifier) return state.SkipWithError("no CLINC150 data");
  const auto k = static_cast<std::size_t>(state.range(0));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f->classifier->classify(f->val[i].text, k));
    i = (i + 1) % f->val.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ClassifyClinc)->Arg(1)->Arg(3);

// The same with every call timed on its own, for the p50/p99 the targets name.
void BM_ClassifyClincPercentiles(benchmark::State& state) {
  const Fixture* f = clinc();
  if (!f->classifier) return state.SkipWithError("no CLINC150 data");
  std::vector<double> latency_us;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(f->classifier->classify(f->val[i].text, 3));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
    state.SetIterationTime(took.count());
    latency_us.push_back(took.count() * 1e6);
    i = (i + 1) % f->val.size();
  }
  std::sort(latency_us.begin(), latency_us.end());
  const auto at = [&](double q) {
    return latency_us[std::min(
        latency_us.size() - 1,
        static_cast<std::size_t>(q * static_cast<double>(latency_us.size())))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
}
BENCHMARK(BM_ClassifyClincPercentiles)->UseManualTime();

}  // namespace

BENCHMARK_MAIN();
