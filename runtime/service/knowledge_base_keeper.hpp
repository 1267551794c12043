#pragma once
// Versions of the bot's knowledge base, kept by the knowledge-base entity (actors/knowledge_base):
// an import is parsed (line-numbered errors), trained and only then stored, and the bot answers
// from it once it is durable; a roll-back makes an earlier version current the same way; a node
// starts on the current version (the log's, else the shipped file).
//
// Parsing and training take seconds, so the keeper does them on its own thread, one operation at
// a time (which also keeps the bot in step with the entity's order of versions). Callbacks run on
// that thread. With a model store (the node's <data-dir>/bot-model), a trained model is cached
// there and a start or roll-back on a knowledge base trained before loads it instead of training.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/services/entity_services.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/model_store.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

using ModelStoreOption = std::optional<bot::ModelStore>;

class KnowledgeBaseKeeper {
 public:
  // Where a node caches its trained bot models: <data_dir>/bot-model; none without a data
  // directory (every start trains).
  static ModelStoreOption model_store_in(const std::string& data_dir);

  // Blocking, at node start (the entity recovers first): the bot on the current version's
  // knowledge base, its model loaded from `models` when cached there, else trained (and cached).
  static Expected<std::shared_ptr<const bot::Bot>, std::string> load_current(
      caf::actor_system& system, const caf::actor& registry, const std::string& shipped_file,
      const ModelStoreOption& models);

  KnowledgeBaseKeeper(caf::actor_system& system, caf::actor registry,
                      std::shared_ptr<services::BotHolder> bot, std::string shipped_file,
                      ModelStoreOption models = std::nullopt);
  ~KnowledgeBaseKeeper();  // stop()

  // Finishes the operation at hand; queued and later ones answer `unavailable`. Idempotent.
  void stop();
  KnowledgeBaseKeeper(const KnowledgeBaseKeeper&) = delete;
  KnowledgeBaseKeeper& operator=(const KnowledgeBaseKeeper&) = delete;

  void import(std::string jsonl, Callback<KnowledgeBaseVersion> done);
  void versions(Callback<std::vector<KnowledgeBaseVersion>> done);
  void roll_back(std::uint64_t version, Callback<KnowledgeBaseVersion> done);

 private:
  using Job = std::function<void(bool cancelled)>;
  void post(Job job);
  void run();

  caf::actor_system& system_;
  caf::actor registry_;
  std::shared_ptr<services::BotHolder> bot_;
  std::string shipped_file_;
  ModelStoreOption models_;
  std::optional<KnowledgeBaseVersion> shipped_;  // version 0, read once on the keeper's thread
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sb::service
