#include "runtime/bot/tfidf_vectorizer.hpp"

#include <cmath>

namespace sb::bot {
namespace {

// The largest bucket table a restored model may ask for (2^26 ids, 256 MiB): a bound on what a
// damaged or foreign file can make the node allocate. Trained models use 2^20.
constexpr unsigned kRestoredHashBitsMax = 26;

}  // namespace

TfidfVectorizer TfidfVectorizer::fit(const std::vector<std::vector<HashedFeature>>& documents,
                                     const VectorizerOptions& options) {
  TfidfVectorizer v;
  v.options_ = options;
  const std::size_t bucket_count = std::size_t{1} << options.ngrams.hash_bits;
  std::vector<std::uint32_t> document_frequency(bucket_count, 0);
  for (const auto& document : documents) {
    for (const HashedFeature& f : document) ++document_frequency[f.bucket];
  }
  v.id_of_bucket_.assign(bucket_count, kUnseen);
  // Smoothed idf as in scikit-learn: log((1 + n) / (1 + df)) + 1 keeps every weight positive.
  const double n = static_cast<double>(documents.size());
  for (std::size_t bucket = 0; bucket < bucket_count; ++bucket) {
    const std::uint32_t df = document_frequency[bucket];
    if (df == 0 || df < options.min_document_frequency) continue;
    v.id_of_bucket_[bucket] = static_cast<std::int32_t>(v.idf_.size());
    v.idf_.push_back(static_cast<float>(std::log((1.0 + n) / (1.0 + df)) + 1.0));
  }
  return v;
}

std::vector<std::uint32_t> TfidfVectorizer::known_buckets() const {
  std::vector<std::uint32_t> out;
  out.reserve(idf_.size());
  for (std::size_t bucket = 0; bucket < id_of_bucket_.size(); ++bucket) {
    if (id_of_bucket_[bucket] != kUnseen) out.push_back(static_cast<std::uint32_t>(bucket));
  }
  return out;
}

Expected<TfidfVectorizer, std::string> TfidfVectorizer::restore(
    VectorizerOptions options, const std::vector<std::uint32_t>& buckets, std::vector<float> idf) {
  if (options.ngrams.hash_bits > kRestoredHashBitsMax) {
    return unexpected("hash bits " + std::to_string(options.ngrams.hash_bits) + " exceed " +
                      std::to_string(kRestoredHashBitsMax));
  }
  if (buckets.size() != idf.size()) {
    return unexpected(std::to_string(buckets.size()) + " buckets for " +
                      std::to_string(idf.size()) + " idf values");
  }
  TfidfVectorizer v;
  v.options_ = std::move(options);
  v.id_of_bucket_.assign(std::size_t{1} << v.options_.ngrams.hash_bits, kUnseen);
  for (std::size_t id = 0; id < buckets.size(); ++id) {
    if (buckets[id] >= v.id_of_bucket_.size() || (id > 0 && buckets[id] <= buckets[id - 1])) {
      return unexpected("bucket " + std::to_string(buckets[id]) + " of feature " +
                        std::to_string(id) + " is out of range or out of order");
    }
    v.id_of_bucket_[buckets[id]] = static_cast<std::int32_t>(id);
  }
  v.idf_ = std::move(idf);
  return v;
}

SparseVector TfidfVectorizer::transform(const std::vector<HashedFeature>& features) const {
  SparseVector out;
  out.reserve(features.size());
  std::vector<FeatureGroup> groups;
  groups.reserve(features.size());
  std::array<double, kFeatureGroupCount> squared_norm{};
  // Buckets arrive sorted and ids grow with buckets, so the output is sorted by id too.
  for (const HashedFeature& f : features) {
    const std::int32_t id = id_of_bucket_[f.bucket];
    if (id == kUnseen) continue;
    const float value = (1.0f + std::log(f.count)) * idf_[static_cast<std::size_t>(id)];
    out.push_back(FeatureValue{static_cast<std::uint32_t>(id), value});
    groups.push_back(f.group);
    squared_norm[static_cast<std::size_t>(f.group)] += double{value} * value;
  }
  std::array<float, kFeatureGroupCount> scale{};
  double total = 0;
  for (std::size_t g = 0; g < kFeatureGroupCount; ++g) {
    if (squared_norm[g] > 0) total += options_.group_weight[g];
  }
  for (std::size_t g = 0; g < kFeatureGroupCount; ++g) {
    // Groups present share the unit length in proportion to their weights.
    if (squared_norm[g] > 0) {
      scale[g] = static_cast<float>(std::sqrt(options_.group_weight[g] / total / squared_norm[g]));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].value *= scale[static_cast<std::size_t>(groups[i])];
  }
  return out;
}

std::vector<HashedFeature> TfidfVectorizer::features_of(std::string_view text) const {
  return extract_ngrams(tokenize(text, options_.normalizer), options_.ngrams);
}

SparseVector TfidfVectorizer::transform(std::string_view text) const {
  return transform(features_of(text));
}

}  // namespace sb::bot
