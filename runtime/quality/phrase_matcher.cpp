#include "runtime/quality/phrase_matcher.hpp"

#include <cctype>

namespace sb::quality {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || c == '_';
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool found_on_boundaries(std::string_view text, std::string_view phrase) {
  for (std::size_t at = text.find(phrase); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    const bool starts = at == 0 || !is_word_byte(text[at - 1]) || !is_word_byte(phrase.front());
    const std::size_t end = at + phrase.size();
    const bool ends =
        end == text.size() || !is_word_byte(text[end]) || !is_word_byte(phrase.back());
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, kCurlyApostrophe.size()) == kCurlyApostrophe) {
      out.push_back('\'');
      i += kCurlyApostrophe.size() - 1;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : text[i]);
  }
  return out;
}

PhraseMatcher::PhraseMatcher(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
  for (const auto& p : phrases_) folded_.push_back(fold_for_matching(p));
}

std::optional<std::string> PhraseMatcher::find(std::string_view text) const {
  const std::string folded = fold_for_matching(text);
  for (std::size_t i = 0; i < folded_.size(); ++i) {
    const std::string& phrase = folded_[i];
    if (phrase.empty()) continue;
    const bool hit = is_ascii(phrase) ? found_on_boundaries(folded, phrase)
                                      : folded.find(phrase) != std::string::npos;
    if (hit) return phrases_[i];
  }
  return std::nullopt;
}

}  // namespace sb::quality
