#include "runtime/bot/model_cache.hpp"

#include "runtime/bot/model_key.hpp"

namespace sb::bot {

CachedBot load_or_train_bot(KnowledgeBase kb, BotOptions options, const ModelStore& store) {
  CachedBot out;
  auto key = bot_model_key(kb, options);
  if (!key) {
    out.load_problem = key.error();
    out.bot = std::make_shared<const Bot>(std::move(kb), std::move(options));
    return out;
  }
  out.key = *key;
  auto classifier = store.load(out.key);
  if (classifier) {
    out.source = ModelSource::loaded;
    out.bot =
        std::make_shared<const Bot>(std::move(kb), std::move(options), std::move(*classifier));
    return out;
  }
  if (classifier.error().code != ModelErrorCode::missing) out.load_problem = classifier.error();
  out.bot = std::make_shared<const Bot>(std::move(kb), std::move(options));
  if (auto saved = store.save(out.key, out.bot->classifier()); !saved) {
    out.save_problem = saved.error();
  }
  return out;
}

}  // namespace sb::bot
