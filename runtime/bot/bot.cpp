#include "runtime/bot/bot.hpp"

#include "runtime/bot/out_of_scope.hpp"
#include "runtime/bot/synonym_lexicon.hpp"
#include "runtime/bot/text_folding.hpp"
#include "runtime/bot/training_set.hpp"

namespace sb::bot {
namespace {

IntentClassifier with_threshold(IntentClassifier classifier, const BotOptions& options) {
  if (options.oos_threshold) classifier.set_oos_threshold(*options.oos_threshold);
  return classifier;
}

}  // namespace

std::vector<LabeledUtterance> training_examples(const KnowledgeBase& kb,
                                                const BotOptions& options) {
  std::vector<LabeledUtterance> examples = to_training_set(kb);
  if (options.shipped_out_of_scope) {
    const auto& off_topic = shipped_out_of_scope();
    examples.insert(examples.end(), off_topic.begin(), off_topic.end());
  }
  return examples;
}

ClassifierOptions training_options(const BotOptions& options) {
  ClassifierOptions classifier_options = options.classifier;
  auto& synonyms = classifier_options.features.normalizer.synonyms;
  if (options.shipped_synonyms && !synonyms) synonyms = shipped_synonyms();
  return classifier_options;
}

Bot::Bot(KnowledgeBase kb, BotOptions options)
    : kb_(std::move(kb)),
      options_(std::move(options)),
      classifier_(with_threshold(
          IntentClassifier::train(training_examples(kb_, options_), training_options(options_)),
          options_)) {}

Bot::Bot(KnowledgeBase kb, BotOptions options, IntentClassifier classifier)
    : kb_(std::move(kb)),
      options_(std::move(options)),
      classifier_(with_threshold(std::move(classifier), options_)) {}

Classification Bot::classify(std::string_view text) const {
  return {classifier_.classify(cut_utf8(text, kBotTextBytesMax), kClassifierCandidates),
          classifier_.oos_threshold()};
}

Turn Bot::respond(const TurnInput& input) const {
  return sb::bot::respond(kb_, options_.dialogue, input, classify(input.text));
}

Turn Bot::complete_lookup(const Turn& pending, const BackendResult& result) const {
  return sb::bot::complete_lookup(kb_, options_.dialogue, pending, result);
}

std::vector<SuggestedReply> Bot::suggest_replies(std::string_view last_message,
                                                 const DialogueState& state, std::size_t k) const {
  const Language language = detect_language(last_message).value_or(state.language);
  return sb::bot::suggest_replies(kb_, classify(last_message).ranked, language, state.slots, k);
}

}  // namespace sb::bot
