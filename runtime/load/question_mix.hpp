#pragma once
// What simulated customers say: examples of the knowledge base's intents (zh and en), lines the
// bot cannot answer (out of scope), and explicit requests for a person ("转人工", "human please").
// Each question keeps its label so the run can report the questions it asked most.

#include <random>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"

namespace sb::bot {
struct KnowledgeBase;
}

namespace sb::load {

enum class QuestionKind : std::uint8_t { knowledge_base = 1, out_of_scope = 2, human_request = 3 };
std::string_view to_string(QuestionKind kind);

struct Question {
  QuestionKind kind = QuestionKind::knowledge_base;
  std::string label;  // the intent, "out_of_scope" or "human_request"
  std::string text;
  bool zh = true;
};

struct QuestionShares {
  double human_request = 0.05;
  double out_of_scope = 0.08;
  double zh = 0.6;
};

class QuestionMix {
 public:
  // Intents the bot answers itself (not human_only) with examples in both languages.
  static Expected<QuestionMix, std::string> from_file(const std::string& kb_path);
  explicit QuestionMix(const bot::KnowledgeBase& kb);

  // A first question: human request, out of scope or a KB example, by the shares.
  Question sample(std::mt19937_64& rng, const QuestionShares& shares) const;
  // A knowledge-base question in the given language (follow-up turns).
  Question sample_kb(std::mt19937_64& rng, bool zh) const;
  // The closing line of a multi-turn session ("thanks, bye"), if the KB has that intent.
  Question closing(std::mt19937_64& rng, bool zh) const;

  std::size_t intents() const { return intents_.size(); }

 private:
  struct Intent {
    std::string name;
    std::vector<std::string> zh;
    std::vector<std::string> en;
  };
  Question pick(std::mt19937_64& rng, const Intent& intent, QuestionKind kind, bool zh) const;

  std::vector<Intent> intents_;  // answerable by the bot
  Intent human_;                 // "转人工" and the KB's ask_human examples
  Intent out_of_scope_;
  std::optional<Intent> closing_;
};

// Phone calls arrive as ASR transcripts (no punctuation); emails have a greeting and a sign-off.
std::string styled_for(Channel channel, const std::string& text, bool zh);

}  // namespace sb::load
