#include "runtime/bot/sentiment.hpp"

#include <algorithm>
#include <array>

#include "runtime/bot/negation.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

struct Term {
  std::string_view text;  // folded
  double weight;
};

constexpr double kStrong = 2.0;
constexpr double kMedium = 1.5;
constexpr double kMild = 1.0;

// Terms that carry their own intensity ("太差") are listed whole; a bare "差" would also match
// "补差价" and "差不多", so it is not a term.
constexpr std::array<Term, 66> kLexicon{{
    {"垃圾", kStrong},
    {"气死", kStrong},
    {"投诉", kStrong},
    {"不满意", kStrong},
    {"太差", kStrong},
    {"很差", kStrong},
    {"真差", kStrong},
    {"好差", kStrong},
    {"差劲", kMedium},
    {"差评", kMedium},
    {"骗子", kStrong},
    {"骗人", kStrong},
    {"坑人", kStrong},
    {"太坑", kStrong},
    {"恶心", kStrong},
    {"忍无可忍", kStrong},
    {"受够了", kStrong},
    {"愤怒", kStrong},
    {"无语", kMedium},
    {"离谱", kMedium},
    {"过分", kMedium},
    {"失望", kMedium},
    {"生气", kMedium},
    {"不太满意", kMedium},
    {"什么破", kMedium},
    {"破东西", kMedium},
    {"浪费时间", kMedium},
    {"没人管", kMedium},
    {"没人理", kMedium},
    {"太慢", kMild},
    {"烦死", kStrong},
    {"坑爹", kStrong},
    {"糟糕", kMedium},
    {"terrible", kStrong},
    {"worst", kStrong},
    {"awful", kStrong},
    {"horrible", kStrong},
    {"ridiculous", kStrong},
    {"unacceptable", kStrong},
    {"scam", kStrong},
    {"not happy", kStrong},
    {"not satisfied", kStrong},
    {"dissatisfied", kStrong},
    {"fed up", kStrong},
    {"garbage", kStrong},
    {"pathetic", kStrong},
    {"sucks", kStrong},
    {"wtf", kStrong},
    {"furious", kStrong},
    {"disgusting", kStrong},
    {"complaint", kMedium},
    {"complain", kMedium},
    {"useless", kMedium},
    {"disappointed", kMedium},
    {"disappointing", kMedium},
    {"angry", kMedium},
    {"annoyed", kMedium},
    {"frustrated", kMedium},
    {"unhappy", kMedium},
    {"rubbish", kMedium},
    {"waste of time", kMedium},
    {"bad", kMild},
    {"slow", kMild},
    {"poor", kMild},
    {"upset", kMedium},
    {"annoying", kMedium},
}};

constexpr std::array<std::string_view, 14> kIntensifiers{
    "太",   "非常", "很",   "真",     "特别",      "超",         "极其",
    "真的", "so",   "very", "really", "extremely", "absolutely", "totally"};

// True when an intensifier ends right before `at` (one space allowed between English words).
bool intensified(std::string_view text, std::size_t at) {
  std::string_view before = text.substr(0, at);
  if (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return std::any_of(kIntensifiers.begin(), kIntensifiers.end(), [&](std::string_view word) {
    return before.ends_with(word) &&
           find_phrase(before, word, before.size() - word.size()) != std::string_view::npos;
  });
}

struct Span {
  std::size_t begin;
  std::size_t end;
};

bool overlaps(const std::vector<Span>& taken, std::size_t begin, std::size_t end) {
  return std::any_of(taken.begin(), taken.end(),
                     [&](const Span& s) { return begin < s.end && s.begin < end; });
}

}  // namespace

Sentiment score_sentiment(std::string_view text) {
  const std::string folded = fold_text(text);
  // Longest terms first, so "不太满意" is not also counted as a shorter term inside it.
  std::array<const Term*, kLexicon.size()> by_length;
  std::transform(kLexicon.begin(), kLexicon.end(), by_length.begin(),
                 [](const Term& t) { return &t; });
  std::stable_sort(by_length.begin(), by_length.end(),
                   [](const Term* a, const Term* b) { return a->text.size() > b->text.size(); });
  struct Match {
    std::size_t at;
    const Term* term;
  };
  std::vector<Match> matches;
  std::vector<Span> taken;
  for (const Term* term : by_length) {
    for (std::size_t at = find_phrase(folded, term->text); at != std::string::npos;
         at = find_phrase(folded, term->text, at + 1)) {
      const std::size_t end = at + term->text.size();
      if (overlaps(taken, at, end)) continue;
      taken.push_back({at, end});
      matches.push_back({at, term});
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const Match& a, const Match& b) { return a.at < b.at; });
  Sentiment out;
  for (const auto& [at, term] : matches) {
    if (negated_before(folded, at)) continue;
    out.negativity += term->weight * (intensified(folded, at) ? kIntensifierFactor : 1.0);
    if (out.evidence.size() < kSentimentEvidenceMax) out.evidence.emplace_back(term->text);
  }
  if (folded.find("!!") != std::string::npos) {
    out.negativity += kExclamationWeight;
    if (out.evidence.size() < kSentimentEvidenceMax) out.evidence.emplace_back("!!!");
  }
  return out;
}

}  // namespace sb::bot
