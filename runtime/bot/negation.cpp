#include "runtime/bot/negation.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

bool is_clause_break(char32_t cp) {
  switch (cp) {
    case U',':
    case U'.':
    case U';':
    case U'!':
    case U'?':
    case U':':
    case 0x3002:  // 。
    case 0x3001:  // 、
    case 0x2026:  // …
      return true;
    default:
      return false;
  }
}

constexpr std::array<std::string_view, 9> kEnglishNegators{
    "not", "no", "never", "dont", "without", "nor", "neither", "nothing", "none"};
// Contractions in n't negate, except those about ability.
constexpr std::array<std::string_view, 4> kAbilityContractions{"can't", "couldn't", "cant",
                                                               "couldnt"};

bool is_english_negator(std::string_view word) {
  if (std::find(kEnglishNegators.begin(), kEnglishNegators.end(), word) != kEnglishNegators.end()) {
    return true;
  }
  const bool ability = std::find(kAbilityContractions.begin(), kAbilityContractions.end(), word) !=
                       kAbilityContractions.end();
  return !ability && word.size() > 3 && word.substr(word.size() - 3) == "n't";
}

// A CJK negator at `i` of `clause`, unless it negates ability (不能, 不了, 没法, 没办法).
bool is_chinese_negator(const std::vector<char32_t>& clause, std::size_t i) {
  const char32_t cp = clause[i];
  const char32_t next = i + 1 < clause.size() ? clause[i + 1] : 0;
  switch (cp) {
    case U'不':
      return next != U'能' && next != U'了';
    case U'没':
      return next != U'法' && next != U'办';
    case U'别':
    case U'未':
      return true;
    case U'无':
      return next == U'需' || next == U'须';
    default:
      return false;
  }
}

}  // namespace

bool negated_before(std::string_view folded_text, std::size_t at) {
  // The clause before the phrase, as code points.
  std::vector<char32_t> clause;
  std::size_t pos = 0;
  while (pos < at && pos < folded_text.size()) {
    const char32_t cp = next_code_point(folded_text, pos);
    if (is_clause_break(cp)) {
      clause.clear();
    } else {
      clause.push_back(cp);
    }
  }
  // Chinese: the last few CJK characters (the phrase itself is after `at`, so a phrase such as
  // "不满意" is not negated by its own "不").
  std::size_t cjk_seen = 0;
  for (std::size_t i = clause.size(); i-- > 0 && cjk_seen < kNegationWindowCjkChars;) {
    if (!is_cjk(clause[i])) continue;
    ++cjk_seen;
    if (is_chinese_negator(clause, i)) return true;
  }
  // English: the last few words.
  std::vector<std::string> words;
  std::string word;
  for (const char32_t cp : clause) {
    if (is_ascii_alnum(cp) || cp == U'\'') {
      word.push_back(static_cast<char>(cp));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  const std::size_t first =
      words.size() > kNegationWindowWords ? words.size() - kNegationWindowWords : 0;
  return std::any_of(words.begin() + static_cast<std::ptrdiff_t>(first), words.end(),
                     [](const std::string& w) { return is_english_negator(w); });
}

}  // namespace sb::bot
