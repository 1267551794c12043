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
inline constexpr double kShippedKbOosThreshold = 0.40;

// The classifier settings for a shop's knowledge base: the general defaults (tuned on CLINC150)
// with weaker regularisation, C = 100 instead of 30. A KB has a few dozen examples per intent
// written by a few people, and customers phrase things further from them than CLINC's test set
// is from its training set; the sharper model answers more of those. Measured on the shipped KB:
// 5-fold cross-validation zh 92.3 -> 92.5%, en 90.5 -> 90.7%; trained on the KB as it was before
// 2026-11-24 and asked the 2,066 examples added since (another author's phrasing), zh 90.9 ->
// 92.1%, en 89.7 -> 91.6% answered right at the shipped threshold; training takes ~5% longer.
inline ClassifierOptions kb_classifier_options() {
  ClassifierOptions options;
  options.model.c = 100;
  return options;
}

struct BotOptions {
  DialogueOptions dialogue;
  ClassifierOptions classifier = kb_classifier_options();
  // The out-of-scope threshold (nullopt: ClassifierOptions::oos_threshold). Chosen on the
  // development paraphrases, not fitted at start. A wrong confident answer is worse than a
  // handoff, so: the lowest threshold past which accuracy stops rising while wrong answers still
  // fall. On the blind development set (tests/data/kb_dev2_paraphrases.jsonl, written from the
  // answers only, so it does not flatter the KB's phrasing), accuracy is flat from 0.30 to 0.50
  // (zh 97.4-97.5%, en 96.9-97.0%) while wrong answers fall from 31 of 1,208 at 0.30 to 24 at
  // 0.40 and 22 at 0.50; past 0.40 right answers start going to people (in-scope not answered
  // 9 at 0.40, 12 at 0.50). The first development set had suggested 0.30 with the same
  // flatness, but its examples were written after looking at its misses.
  std::optional<double> oos_threshold = kShippedKbOosThreshold;
  // Canonicalises domain synonyms with the shipped lexicon (config/kb/synonyms.jsonl) unless the
  // classifier options bring a lexicon of their own.
  bool shipped_synonyms = true;
  // Trains an out-of-scope class on the shipped off-topic questions (config/kb/out_of_scope.jsonl)
  // next to the KB's intents, so that weather or homework falls under the threshold.
  bool shipped_out_of_scope = true;
};

// What a Bot trains its classifier on: the KB's examples, then the shipped out-of-scope
// questions when the options ask for them. A cached model is keyed by it (model_key.hpp).
std::vector<LabeledUtterance> training_examples(const KnowledgeBase& kb, const BotOptions& options);
// The classifier options a Bot trains with: options.classifier with the shipped synonym lexicon
// when the options ask for it.
ClassifierOptions training_options(const BotOptions& options);

class Bot {
 public:
  // Trains the classifier on training_examples() with training_options() (deterministic; the
  // shipped KB's 7,700 examples take about 4.5 s of CPU on two threads).
  explicit Bot(KnowledgeBase kb, BotOptions options = {});
  // A bot on a classifier trained before, e.g. loaded from a cached model (model_store.hpp): it
  // answers as the bot that trains does when `classifier` was trained on training_examples(kb,
  // options) with training_options(options).
  Bot(KnowledgeBase kb, BotOptions options, IntentClassifier classifier);

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
