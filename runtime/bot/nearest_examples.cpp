#include "runtime/bot/nearest_examples.hpp"

#include <algorithm>
#include <cmath>

#include "actors/common/assert.hpp"

namespace sb::bot {

NearestExamples NearestExamples::index(const std::vector<SparseVector>& examples,
                                       const std::vector<int>& labels, std::size_t class_count,
                                       std::size_t feature_count,
                                       const NearestExamplesOptions& options) {
  SB_ASSERT(examples.size() == labels.size());
  NearestExamples n;
  n.class_count_ = class_count;
  n.labels_ = labels;
  std::vector<std::uint32_t> document_frequency(feature_count, 0);
  for (const auto& x : examples) {
    for (const FeatureValue& f : x) ++document_frequency[f.id];
  }
  const auto frequency_max = static_cast<std::uint32_t>(
      std::ceil(options.common_feature_share_max * static_cast<double>(examples.size())));
  // Counting sort by feature: postings_start_[id] .. postings_start_[id + 1] are that feature's.
  n.postings_start_.assign(feature_count + 1, 0);
  for (std::size_t id = 0; id < feature_count; ++id) {
    const std::uint32_t kept = document_frequency[id] <= frequency_max ? document_frequency[id] : 0;
    n.postings_start_[id + 1] = n.postings_start_[id] + kept;
  }
  n.postings_.resize(n.postings_start_[feature_count]);
  std::vector<std::uint32_t> next(n.postings_start_.begin(), n.postings_start_.end() - 1);
  for (std::size_t e = 0; e < examples.size(); ++e) {
    for (const FeatureValue& f : examples[e]) {
      if (document_frequency[f.id] > frequency_max) continue;
      n.postings_[next[f.id]++] = Posting{static_cast<std::uint32_t>(e), f.value};
    }
  }
  return n;
}

Expected<NearestExamples, std::string> NearestExamples::restore(
    std::size_t class_count, std::vector<int> labels, std::vector<std::uint32_t> postings_start,
    std::vector<Posting> postings) {
  NearestExamples n;
  if (labels.empty()) return n;
  for (int label : labels) {
    if (label < 0 || static_cast<std::size_t>(label) >= class_count) {
      return unexpected("label " + std::to_string(label) + " is not one of " +
                        std::to_string(class_count) + " classes");
    }
  }
  if (postings_start.empty() || postings_start.front() != 0 ||
      postings_start.back() != postings.size() ||
      !std::is_sorted(postings_start.begin(), postings_start.end())) {
    return unexpected("postings starts do not cover the " + std::to_string(postings.size()) +
                      " postings in order");
  }
  for (const Posting& p : postings) {
    if (p.example >= labels.size()) {
      return unexpected("a posting names example " + std::to_string(p.example) + " of " +
                        std::to_string(labels.size()));
    }
  }
  n.class_count_ = class_count;
  n.labels_ = std::move(labels);
  n.postings_start_ = std::move(postings_start);
  n.postings_ = std::move(postings);
  return n;
}

std::vector<float> NearestExamples::best_similarity_per_class(const SparseVector& query) const {
  std::vector<float> best(class_count_, 0.0f);
  if (labels_.empty()) return best;
  std::vector<float> dot(labels_.size(), 0.0f);
  for (const FeatureValue& f : query) {
    if (f.id + 1 >= postings_start_.size()) continue;  // a feature this index never saw
    for (std::uint32_t p = postings_start_[f.id]; p < postings_start_[f.id + 1]; ++p) {
      dot[postings_[p].example] += f.value * postings_[p].value;
    }
  }
  for (std::size_t e = 0; e < dot.size(); ++e) {
    float& b = best[static_cast<std::size_t>(labels_[e])];
    b = std::max(b, dot[e]);
  }
  return best;
}

}  // namespace sb::bot
