#include "runtime/analytics/top_texts.hpp"

#include <algorithm>
#include <cctype>

namespace sb::analytics {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Trailing characters that do not change a question: ASCII punctuation, "？" and "。" and "！".
bool strip_trailing(std::string& s) {
  static constexpr std::string_view kWide[] = {"\xEF\xBC\x9F", "\xE3\x80\x82", "\xEF\xBC\x81"};
  for (const auto wide : kWide) {
    if (s.size() >= wide.size() && s.compare(s.size() - wide.size(), wide.size(), wide) == 0) {
      s.resize(s.size() - wide.size());
      return true;
    }
  }
  if (!s.empty() && (s.back() == '?' || s.back() == '!' || s.back() == '.' || s.back() == ' ')) {
    s.pop_back();
    return true;
  }
  return false;
}

// Cuts at most `bytes` without splitting a UTF-8 sequence.
void cut_utf8(std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
}

}  // namespace

std::string normalize_question(std::string_view text) {
  std::string out;
  out.reserve(std::min(text.size(), kQuestionBytesMax + 8));
  bool pending_space = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : ch);
    if (out.size() > 2 * kQuestionBytesMax) break;  // enough to decide; the rest is cut anyway
  }
  while (strip_trailing(out)) {
  }
  cut_utf8(out, kQuestionBytesMax);
  return out;
}

void TopTexts::add(const std::string& text, std::uint64_t weight) {
  if (capacity_ == 0) return;
  if (auto it = counts_.find(text); it != counts_.end()) {
    it->second += weight;
    return;
  }
  if (counts_.size() < capacity_) {
    counts_.emplace(text, weight);
    return;
  }
  // Evict the smallest (ties: the first by text, so the result is deterministic).
  auto smallest =
      std::min_element(counts_.begin(), counts_.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  const std::uint64_t inherited = smallest->second;
  counts_.erase(smallest);
  counts_.emplace(text, inherited + weight);
}

void TopTexts::merge(const TopTexts& other) {
  for (const auto& [text, count] : other.counts_) add(text, count);
}

std::vector<TextCount> TopTexts::top(std::size_t n) const {
  std::vector<TextCount> all;
  all.reserve(counts_.size());
  for (const auto& [text, count] : counts_) all.push_back({text, count});
  std::sort(all.begin(), all.end(), [](const TextCount& a, const TextCount& b) {
    return a.count != b.count ? a.count > b.count : a.text < b.text;
  });
  if (all.size() > n) all.resize(n);
  return all;
}

}  // namespace sb::analytics
