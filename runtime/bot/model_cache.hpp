#pragma once
// A Bot whose trained classifier comes from the model store when a model trained on the same
// data with the same options is there, else is trained and saved there for the next start.
// Training the shipped KB takes seconds; loading its model, a fraction of one.

#include <memory>
#include <optional>

#include "runtime/bot/bot.hpp"
#include "runtime/bot/model_error.hpp"
#include "runtime/bot/model_store.hpp"

namespace sb::bot {

enum class ModelSource { loaded, trained };

struct CachedBot {
  std::shared_ptr<const Bot> bot;
  ModelSource source = ModelSource::trained;
  std::string key;  // empty when the model cannot be cached
  // Why a model was not loaded (a missing file is not a problem: the first start trains) or was
  // not saved. The bot is there either way; these are for the log.
  std::optional<ModelError> load_problem;
  std::optional<ModelError> save_problem;
};

CachedBot load_or_train_bot(KnowledgeBase kb, BotOptions options, const ModelStore& store);

}  // namespace sb::bot
