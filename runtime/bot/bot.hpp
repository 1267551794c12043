#pragma once
// The bot as the Conversation actor uses it: owns the knowledge base, the classifier trained from
// it and the handoff policy. Immutable after construction, so one Bot can serve every
// conversation from any thread; a new KB version means a new Bot.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "runtime/bot/business_backend.hpp"
#include "runtime/bot/dialogue.hpp"
#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/suggested_replies.hpp"
#include "runtime/bot/turn.hpp"

namespace sb::bot {

// Candidates asked of the classifier per message: enough for the follow-up bonus to find the
// active intent's follow-ups and for the agent's suggestions.
inline constexpr std::size_t kClassifierCandidates = 5;
// The bot's default out-of-scope threshold (see BotOptions::oos_threshold).
inline constexpr double kShippedKbOosThreshold = 0.30;

struct BotOptions {
  DialogueOptions dialogue;
  ClassifierOptions classifier;
  // The out-of-scope threshold (nullopt: ClassifierOptions::oos_threshold). The KB has no
  // out-of-scope examples to tune on, so this is a documented setting, not a fitted one: on the
  // development paraphrases (tests/data/kb_dev_paraphrases.jsonl) accuracy is flat from 0.25 to
  // 0.35 and wrong answers fall from 70 of 740 at 0.15 to 39 at 0.30, the middle of that plateau.
  std::optional<double> oos_threshold = kShippedKbOosThreshold;
  // Canonicalises domain synonyms with the shipped lexicon (config/kb/synonyms.jsonl) unless the
  // classifier options bring a lexicon of their own.
  bool shipped_synonyms = true;
};

class Bot {
 public:
  // Trains the classifier on the KB's examples (deterministic; milliseconds for a shop's KB).
  explicit Bot(KnowledgeBase kb, BotOptions options = {});

  Turn respond(const TurnInput& input) const;
  // REQUIRES: pending.action == TurnAction::lookup.
  Turn complete_lookup(const Turn& pending, const BackendResult& result) const;
  // The agent desk's suggestions for the customer's last message; `state` gives the language of a
  // message without words and the slots already known.
  std::vector<SuggestedReply> suggest_replies(std::string_view last_message,
                                              const DialogueState& state, std::size_t k = 3) const;

  // The classifier's view of a message, for tools and measurements.
  Classification classify(std::string_view text) const;

  const KnowledgeBase& knowledge_base() const { return kb_; }
  const IntentClassifier& classifier() const { return classifier_; }
  const BotOptions& options() const { return options_; }

 private:
  KnowledgeBase kb_;
  BotOptions options_;
  IntentClassifier classifier_;
};

}  // namespace sb::bot
