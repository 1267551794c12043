#include "runtime/bot/ngram_features.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace sb::bot {
namespace {

// FNV-1a, then a murmur3 finaliser: FNV alone spreads short n-grams poorly over the low bits.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv(std::uint64_t h, std::string_view bytes) {
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Separates the parts of an n-gram and seeds each kind, so "ab"+"c" differs from "a"+"bc" and a
// word bigram never shares a hash with a character n-gram of the same bytes.
constexpr char kPartSeparator = '\x1f';
constexpr std::string_view kWordSeed = "w";
constexpr std::string_view kCharSeed = "c";

class Collector {
 public:
  explicit Collector(unsigned hash_bits) : mask_((std::uint64_t{1} << hash_bits) - 1) {}

  void add(std::uint64_t hash, FeatureGroup group) {
    features_.push_back(HashedFeature{static_cast<std::uint32_t>(mix(hash) & mask_), group, 1.0f});
  }

  std::vector<HashedFeature> finish() {
    std::sort(features_.begin(), features_.end(),
              [](const HashedFeature& a, const HashedFeature& b) { return a.bucket < b.bucket; });
    std::vector<HashedFeature> merged;
    merged.reserve(features_.size());
    for (const HashedFeature& f : features_) {
      if (!merged.empty() && merged.back().bucket == f.bucket) {
        merged.back().count += f.count;
      } else {
        merged.push_back(f);
      }
    }
    return merged;
  }

 private:
  std::uint64_t mask_;
  std::vector<HashedFeature> features_;
};

void add_word_ngrams(const std::vector<Token>& tokens, std::size_t n_max, Collector& out) {
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    std::uint64_t h = fnv(kFnvOffset, kWordSeed);
    for (std::size_t n = 0; n < n_max && start + n < tokens.size(); ++n) {
      if (n > 0) h = fnv(h, std::string_view(&kPartSeparator, 1));
      h = fnv(h, tokens[start + n].stem);
      out.add(h, FeatureGroup::word);
    }
  }
}

// Character n-grams of one English word, with '<' and '>' marking its start and end, so that
// "<re" (a prefix) and "nd>" (an ending) are features of their own.
void add_char_ngrams(const Token& token, std::size_t n_min, std::size_t n_max, Collector& out) {
  std::string padded;
  padded.reserve(token.text.size() + 2);
  padded += '<';
  padded += token.text;
  padded += '>';
  // Byte offsets of code point starts, so n-grams never split a multi-byte character.
  std::vector<std::size_t> starts;
  starts.reserve(padded.size() + 1);
  for (std::size_t i = 0; i < padded.size(); ++i) {
    if ((static_cast<unsigned char>(padded[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(padded.size());
  const std::size_t length = starts.size() - 1;
  const std::string_view view(padded);
  for (std::size_t begin = 0; begin < length; ++begin) {
    for (std::size_t n = n_min; n <= n_max && begin + n <= length; ++n) {
      // The bare word as a whole is already a word feature.
      if (begin == 0 && begin + n == length) continue;
      const std::string_view gram = view.substr(starts[begin], starts[begin + n] - starts[begin]);
      out.add(fnv(fnv(kFnvOffset, kCharSeed), gram), FeatureGroup::character);
    }
  }
}

}  // namespace

std::vector<HashedFeature> extract_ngrams(const std::vector<Token>& tokens,
                                          const NgramOptions& options) {
  Collector out(options.hash_bits);
  add_word_ngrams(tokens, options.word_ngram_max, out);
  if (options.char_ngram_max > 0) {
    for (const Token& token : tokens) {
      if (token.kind == TokenKind::word) {
        add_char_ngrams(token, options.char_ngram_min, options.char_ngram_max, out);
      }
    }
  }
  return out.finish();
}

}  // namespace sb::bot
