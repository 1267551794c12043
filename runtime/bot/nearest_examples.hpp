#pragma once
// Nearest training examples by cosine similarity of their TF-IDF vectors: for a text, the best
// similarity each class reaches among its examples. The linear model generalises over a class's
// examples as a whole and can miss a question that is nearly one particular example; the
// similarity to that example catches it, so the classifier blends the two (ClassifierOptions::
// neighbour_weight). An inverted index keeps a lookup to the examples sharing a feature.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/tfidf_vectorizer.hpp"

namespace sb::bot {

struct NearestExamplesOptions {
  // A feature found in more than this share of the examples is not indexed: it says little about
  // which example is nearest ("the", 的) and its long posting list would dominate the lookup time.
  double common_feature_share_max = 0.05;
};

class NearestExamples {
 public:
  struct Posting {
    std::uint32_t example;
    float value;
  };

  NearestExamples() = default;
  // `examples` are unit-length vectors (TfidfVectorizer::transform), `labels` their class indices
  // in [0, class_count).
  static NearestExamples index(const std::vector<SparseVector>& examples,
                               const std::vector<int>& labels, std::size_t class_count,
                               std::size_t feature_count,
                               const NearestExamplesOptions& options = {});

  // For each class, the highest cosine similarity between `query` (unit length) and one of that
  // class's examples, over the indexed features; 0 for a class with no example sharing one.
  std::vector<float> best_similarity_per_class(const SparseVector& query) const;

  std::size_t example_count() const { return labels_.size(); }
  std::size_t class_count() const { return class_count_; }

  // What index() built, for saving a trained model (model_codec.hpp).
  const std::vector<int>& labels() const { return labels_; }
  const std::vector<std::uint32_t>& postings_start() const { return postings_start_; }
  const std::vector<Posting>& postings() const { return postings_; }
  // The index that index() built from those parts, or what does not fit together (a label out
  // of range, postings starts not ascending or not ending at the postings' end, an unknown
  // example). Without examples it is the empty index, whatever the other parts.
  static Expected<NearestExamples, std::string> restore(std::size_t class_count,
                                                        std::vector<int> labels,
                                                        std::vector<std::uint32_t> postings_start,
                                                        std::vector<Posting> postings);

 private:
  std::size_t class_count_ = 0;
  std::vector<int> labels_;                    // by example
  std::vector<std::uint32_t> postings_start_;  // by feature id, plus one end entry
  std::vector<Posting> postings_;
};

}  // namespace sb::bot
