#pragma once
// The name a trained bot model is cached under: a SHA-256 over everything the trained model
// depends on, so that a node loads a model only when training again would give the same one.

#include <string>

#include "actors/common/expected.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/model_error.hpp"

namespace sb::bot {

// 64 hex digits over: kBotModelFormatVersion; training_options(options) as the model file stores
// them (training threads aside: any number trains the same model); the shipped synonym
// lexicon's text when those use it; and training_examples(kb, options) in order (the KB's
// examples, then the shipped out-of-scope questions). The rest of the KB (answers, slots,
// skills) is not in the model, and the bot's out-of-scope threshold is applied on top of a loaded
// classifier, so changing those reuses the model. not_cacheable: see encode_options().
Expected<std::string, ModelError> bot_model_key(const KnowledgeBase& kb, const BotOptions& options);

}  // namespace sb::bot
