#pragma once
// Hashed n-gram counts of a tokenized text: word (stem) unigrams and bigrams, which for Chinese
// are character unigrams and bigrams, plus character n-grams inside each English word with its
// boundaries marked ("<refund>"), which carry spelling variants, typos and unseen inflections.
// Hashing into a fixed number of buckets keeps the vocabulary, and so the model, bounded.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/bot/text_normalizer.hpp"

namespace sb::bot {

// Feature groups are weighted separately by the vectorizer: words and character n-grams have
// very different counts per text, and neither should drown the other.
enum class FeatureGroup : std::uint8_t { word = 0, character = 1 };
inline constexpr std::size_t kFeatureGroupCount = 2;

struct NgramOptions {
  std::size_t word_ngram_max = 2;  // 1 = unigrams, 2 = uni + bigrams, ...
  std::size_t char_ngram_min = 2;  // counted in code points, boundary markers included
  std::size_t char_ngram_max = 5;  // 0 disables character n-grams
  unsigned hash_bits = 20;         // 2^20 buckets: collisions stay rare at 10^5 distinct n-grams
};

struct HashedFeature {
  std::uint32_t bucket;
  FeatureGroup group;
  float count;
};

// The features of `tokens`, sorted by bucket, each bucket once (counts summed).
std::vector<HashedFeature> extract_ngrams(const std::vector<Token>& tokens,
                                          const NgramOptions& options);

}  // namespace sb::bot
