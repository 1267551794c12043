#include "runtime/bot/model_key.hpp"

#include "runtime/bot/model_codec.hpp"
#include "runtime/bot/synonym_lexicon.hpp"
#include "runtime/digest.hpp"

namespace sb::bot {
namespace {

// Each field with its length in front, so that no two different inputs hash the same text.
void append_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

}  // namespace

Expected<std::string, ModelError> bot_model_key(const KnowledgeBase& kb,
                                                const BotOptions& options) {
  ClassifierOptions classifier_options = training_options(options);
  classifier_options.model.training_threads = 1;
  auto encoded_options = encode_options(classifier_options);
  if (!encoded_options) return unexpected(encoded_options.error());

  std::string keyed;
  append_field(keyed, "switchboard bot model " + std::to_string(kBotModelFormatVersion));
  append_field(keyed, *encoded_options);
  const bool shipped_lexicon = classifier_options.features.normalizer.synonyms != nullptr;
  append_field(keyed, shipped_lexicon ? shipped_synonyms_jsonl() : std::string_view{});
  const auto examples = training_examples(kb, options);
  append_field(keyed, std::to_string(examples.size()));
  for (const auto& example : examples) {
    append_field(keyed, example.intent);
    append_field(keyed, example.text);
  }
  std::string key = runtime::sha256_hex(keyed);
  if (key.empty()) return unexpected(ModelError{ModelErrorCode::not_cacheable, "no SHA-256"});
  return key;
}

}  // namespace sb::bot
