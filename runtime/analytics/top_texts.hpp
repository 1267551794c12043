#pragma once
// The most frequent short texts (customer questions) in bounded memory: the Space-Saving sketch
// (Metwally et al. 2005). With at most `capacity` distinct texts it counts exactly; beyond that a
// new text evicts the least frequent one and inherits its count, so a reported count overstates
// the true one by at most total/capacity, and every text more frequent than that is kept.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sb::analytics {

// Questions are compared after normalize_question and cut to this many bytes.
inline constexpr std::size_t kQuestionBytesMax = 96;

// Lower-cases ASCII, folds runs of whitespace to one space, trims, drops trailing ASCII
// punctuation and question marks (both widths), and cuts to kQuestionBytesMax on a UTF-8 boundary.
std::string normalize_question(std::string_view text);

struct TextCount {
  std::string text;
  std::uint64_t count = 0;
  bool operator==(const TextCount&) const = default;
};

class TopTexts {
 public:
  explicit TopTexts(std::size_t capacity) : capacity_(capacity) {}

  void add(const std::string& text, std::uint64_t weight = 1);
  // Adds every counter of `other` (used to merge hour buckets at query time).
  void merge(const TopTexts& other);
  // The n largest counts, ties by text.
  std::vector<TextCount> top(std::size_t n) const;
  std::size_t size() const { return counts_.size(); }

 private:
  std::size_t capacity_;
  std::map<std::string, std::uint64_t> counts_;
};

}  // namespace sb::analytics
