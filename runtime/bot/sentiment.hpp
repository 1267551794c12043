#pragma once
// Negative sentiment from a small bilingual lexicon: weighted terms, intensifiers that scale the
// term after them ("太", "very"), negation that cancels it ("not bad", "不太差"), and repeated
// exclamation marks. Deliberately simple and explainable: the matched terms are the evidence an
// agent sees next to the handoff reason.

#include <string>
#include <string_view>
#include <vector>

namespace sb::bot {

inline constexpr double kIntensifierFactor = 1.5;
inline constexpr double kExclamationWeight = 0.5;  // "!!" or more, once per message
inline constexpr std::size_t kSentimentEvidenceMax = 8;

struct Sentiment {
  // 0 is neutral; larger is more negative. A single strong term ("垃圾", "terrible") is 2.
  double negativity = 0;
  std::vector<std::string> evidence;  // the matched terms as written in the lexicon, in order found

  bool operator==(const Sentiment&) const = default;
};

Sentiment score_sentiment(std::string_view text);

}  // namespace sb::bot
