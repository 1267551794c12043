#pragma once
// TF-IDF over hashed n-grams: learns which buckets occur in the training texts and how rare each
// is, then turns a text into a sparse vector (sublinear term frequency times inverse document
// frequency, each feature group scaled to its weight, the whole vector of unit length) so that
// cosine similarity and a linear model see texts of any length on one scale.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/ngram_features.hpp"
#include "runtime/bot/text_normalizer.hpp"

namespace sb::bot {

struct FeatureValue {
  std::uint32_t id;  // dense, in [0, feature_count())
  float value;
};
using SparseVector = std::vector<FeatureValue>;  // sorted by id

struct VectorizerOptions {
  NormalizerOptions normalizer;
  NgramOptions ngrams;
  // A bucket seen in fewer training texts is dropped: it cannot generalise and costs memory.
  std::size_t min_document_frequency = 1;
  // Share of the vector's squared length given to each feature group (word, character).
  std::array<double, kFeatureGroupCount> group_weight{0.5, 0.5};
};

class TfidfVectorizer {
 public:
  // `documents` are extract_ngrams() results of the training texts.
  static TfidfVectorizer fit(const std::vector<std::vector<HashedFeature>>& documents,
                             const VectorizerOptions& options);

  SparseVector transform(const std::vector<HashedFeature>& features) const;
  SparseVector transform(std::string_view text) const;
  std::vector<HashedFeature> features_of(std::string_view text) const;

  std::size_t feature_count() const { return idf_.size(); }
  const VectorizerOptions& options() const { return options_; }

  // What fit() learned, for saving a trained model (model_codec.hpp): the buckets seen in
  // training in feature-id order (ids grow with buckets, so ascending), and the idf of each.
  std::vector<std::uint32_t> known_buckets() const;
  const std::vector<float>& idf() const { return idf_; }
  // The vectorizer fit() made from those parts, or what does not fit together (buckets out of
  // range or not ascending, a count that differs from the idf's).
  static Expected<TfidfVectorizer, std::string> restore(VectorizerOptions options,
                                                        const std::vector<std::uint32_t>& buckets,
                                                        std::vector<float> idf);

 private:
  static constexpr std::int32_t kUnseen = -1;

  VectorizerOptions options_;
  std::vector<std::int32_t> id_of_bucket_;  // 2^hash_bits entries
  std::vector<float> idf_;                  // by feature id
};

}  // namespace sb::bot
