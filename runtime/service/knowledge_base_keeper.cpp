#include "runtime/service/knowledge_base_keeper.hpp"

#include <chrono>
#include <filesystem>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/knowledge_base/kb_actor.hpp"
#include "actors/knowledge_base/kb_codec.hpp"
#include "actors/knowledge_base/kb_decider.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/model_cache.hpp"
#include "runtime/digest.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"

namespace sb::service {
namespace {

namespace kb = knowledge_base;
using Reply = runtime::CommandReply<kb::Decider>;
using View = runtime::EntityView<kb::Decider>;
constexpr auto kTimeout = std::chrono::seconds(30);
constexpr const char* kActor = "admin";

ServiceError unavailable(const caf::error& error) {
  return {ErrorCode::unavailable, runtime::describe(error), {}};
}
ServiceError invalid(std::string message) {
  return {ErrorCode::invalid_argument, std::move(message), {}};
}

Timestamp now() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

// Asks the knowledge-base entity and waits for the answer.
template <class T>
Expected<T, ServiceError> ask(caf::actor_system& system, const caf::actor& registry,
                              caf::message message) {
  caf::scoped_actor self{system};
  Expected<T, ServiceError> out = unexpected(ServiceError{ErrorCode::internal, "no answer", {}});
  self->request(registry, kTimeout, runtime::route_atom::value, kb::kKnowledgeBaseKey,
                std::move(message))
      .receive([&](T& value) { out = std::move(value); },
               [&](caf::error& error) { out = unexpected(unavailable(error)); });
  return out;
}

Expected<kb::State, ServiceError> read_state(caf::actor_system& system,
                                             const caf::actor& registry) {
  auto view = ask<View>(system, registry, caf::make_message(runtime::get_atom::value));
  if (!view) return unexpected(view.error());
  return std::move(view->state);
}

Expected<std::string, ServiceError> read_content(caf::actor_system& system,
                                                 const caf::actor& registry,
                                                 std::uint32_t version) {
  return ask<std::string>(system, registry, caf::make_message(kb::content_atom::value, version));
}

Expected<Reply, ServiceError> execute(caf::actor_system& system, const caf::actor& registry,
                                      kb::Command command) {
  auto reply = ask<Reply>(system, registry, runtime::make_command<kb::Decider>(std::move(command)));
  if (reply && reply->kind == runtime::ReplyKind::rejected) {
    return unexpected(ServiceError{ErrorCode::rejected, reply->rejection->detail,
                                   std::string(kb::to_string(reply->rejection->code))});
  }
  return reply;
}

std::uint32_t examples_of(const bot::KnowledgeBase& knowledge) {
  std::size_t n = 0;
  for (const auto& entry : knowledge.entries)
    n += entry.examples_zh.size() + entry.examples_en.size();
  return static_cast<std::uint32_t>(n);
}

KnowledgeBaseVersion view_of(const kb::VersionInfo& info, std::uint32_t current) {
  return KnowledgeBaseVersion{
      info.version, info.intents,     info.examples, info.sha256,
      info.bytes,   info.imported_by, info.at,       info.version == current};
}

Expected<bot::KnowledgeBase, ServiceError> parse(std::string_view jsonl) {
  auto knowledge = bot::parse_knowledge_base(jsonl);
  if (!knowledge) return unexpected(invalid(knowledge.error().to_string()));
  return std::move(*knowledge);
}

Expected<bot::KnowledgeBase, ServiceError> load_shipped(const std::string& file) {
  auto knowledge = bot::load_knowledge_base(file);
  if (!knowledge)
    return unexpected(
        ServiceError{ErrorCode::unavailable, file + ": " + knowledge.error().to_string(), {}});
  return std::move(*knowledge);
}

// The knowledge base of `version`: the shipped file for 0, else the version's content in the log.
Expected<bot::KnowledgeBase, ServiceError> knowledge_of(caf::actor_system& system,
                                                        const caf::actor& registry,
                                                        const std::string& shipped_file,
                                                        std::uint32_t version) {
  if (version == 0) return load_shipped(shipped_file);
  auto content = read_content(system, registry, version);
  if (!content) return unexpected(content.error());
  return parse(*content);
}

// Version 0 as listed: the shipped file.
KnowledgeBaseVersion shipped_view(const std::string& shipped_file,
                                  const bot::KnowledgeBase& knowledge) {
  KnowledgeBaseVersion view;
  view.intents = static_cast<std::uint32_t>(knowledge.entries.size());
  view.examples = examples_of(knowledge);
  view.imported_by = "shipped:" + shipped_file;
  return view;
}

// The bot on `knowledge`: with a model store, its model loaded from there when cached, else
// trained and cached. A cache that cannot be used is logged, never fatal: the bot trains.
std::shared_ptr<const bot::Bot> make_bot(bot::KnowledgeBase knowledge, bot::BotOptions options,
                                         const ModelStoreOption& models) {
  if (!models) return std::make_shared<const bot::Bot>(std::move(knowledge), std::move(options));
  const auto start = std::chrono::steady_clock::now();
  auto made = bot::load_or_train_bot(std::move(knowledge), std::move(options), *models);
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (made.load_problem) {
    spdlog::warn("bot model: cached model not used ({}); training", made.load_problem->to_string());
  }
  if (made.save_problem) {
    spdlog::warn("bot model: trained model not cached ({})", made.save_problem->to_string());
  }
  const bool loaded = made.source == bot::ModelSource::loaded;
  spdlog::info(
      "bot model: {} in {:.0f} ms ({})", loaded ? "loaded from the cache" : "trained", ms,
      made.key.empty() ? std::string("not cacheable") : models->path_of(made.key).string());
  return std::move(made.bot);
}

}  // namespace

ModelStoreOption KnowledgeBaseKeeper::model_store_in(const std::string& data_dir) {
  if (data_dir.empty()) return std::nullopt;
  return bot::ModelStore(std::filesystem::path(data_dir) / "bot-model");
}

Expected<std::shared_ptr<const bot::Bot>, std::string> KnowledgeBaseKeeper::load_current(
    caf::actor_system& system, const caf::actor& registry, const std::string& shipped_file,
    const ModelStoreOption& models) {
  auto state = read_state(system, registry);
  if (!state) return unexpected("knowledge-base versions: " + state.error().message);
  auto knowledge = knowledge_of(system, registry, shipped_file, state->current);
  if (!knowledge)
    return unexpected("knowledge base version " + std::to_string(state->current) + ": " +
                      knowledge.error().message);
  if (state->current != 0) spdlog::info("knowledge base: version {} from the log", state->current);
  return make_bot(std::move(*knowledge), bot::BotOptions{}, models);
}

KnowledgeBaseKeeper::KnowledgeBaseKeeper(caf::actor_system& system, caf::actor registry,
                                         std::shared_ptr<services::BotHolder> bot,
                                         std::string shipped_file, ModelStoreOption models)
    : system_(system),
      registry_(std::move(registry)),
      bot_(std::move(bot)),
      shipped_file_(std::move(shipped_file)),
      models_(std::move(models)),
      thread_([this] { run(); }) {}

KnowledgeBaseKeeper::~KnowledgeBaseKeeper() { stop(); }

void KnowledgeBaseKeeper::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void KnowledgeBaseKeeper::post(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      jobs_.push_back(std::move(job));
      wake_.notify_all();
      return;
    }
  }
  job(/*cancelled=*/true);
}

void KnowledgeBaseKeeper::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      if (stopping_) {
        lock.unlock();
        job(true);
        continue;
      }
    }
    job(false);
  }
}

void KnowledgeBaseKeeper::import(std::string jsonl, Callback<KnowledgeBaseVersion> done) {
  if (jsonl.size() > kKnowledgeBaseBytesMax) {
    return done(unexpected(invalid("the knowledge base exceeds " +
                                   std::to_string(kKnowledgeBaseBytesMax) + " bytes")));
  }
  post([this, jsonl = std::move(jsonl), done](bool cancelled) {
    if (cancelled)
      return done(unexpected(ServiceError{ErrorCode::unavailable, "the node is stopping", {}}));
    auto knowledge = parse(jsonl);
    if (!knowledge) return done(unexpected(knowledge.error()));
    const auto sha = runtime::sha256_hex(jsonl);
    auto state = read_state(system_, registry_);
    if (!state) return done(unexpected(state.error()));
    if (const auto* current = kb::find_version(*state, state->current);
        current && current->sha256 == sha) {
      return done(unexpected(ServiceError{
          ErrorCode::rejected,
          "the content is version " + std::to_string(current->version) + ", already current",
          "unchanged"}));
    }
    const auto intents = static_cast<std::uint32_t>(knowledge->entries.size());
    const auto examples = examples_of(*knowledge);
    // Trained before it is stored: every durable version is one the bot can answer from.
    auto bot = make_bot(std::move(*knowledge), bot_->get()->options(), models_);
    auto reply = execute(system_, registry_,
                         kb::ImportKnowledgeBase{jsonl, sha, intents, examples, kActor, now()});
    if (!reply) return done(unexpected(reply.error()));
    const auto& imported = std::get<kb::KnowledgeBaseImported>(reply->events.front());
    bot_->set(std::move(bot));
    spdlog::info("knowledge base: version {} imported ({} intents, {} examples)", imported.version,
                 intents, examples);
    done(KnowledgeBaseVersion{imported.version, intents, examples, sha, imported.bytes, imported.by,
                              imported.at, true});
  });
}

void KnowledgeBaseKeeper::versions(Callback<std::vector<KnowledgeBaseVersion>> done) {
  post([this, done](bool cancelled) {
    if (cancelled)
      return done(unexpected(ServiceError{ErrorCode::unavailable, "the node is stopping", {}}));
    auto state = read_state(system_, registry_);
    if (!state) return done(unexpected(state.error()));
    if (!shipped_) {  // the file does not change while the node runs: read it once
      auto shipped = load_shipped(shipped_file_);
      if (!shipped) return done(unexpected(shipped.error()));
      shipped_ = shipped_view(shipped_file_, *shipped);
    }
    std::vector<KnowledgeBaseVersion> out{*shipped_};
    out.front().current = state->current == 0;
    for (const auto& info : state->versions) out.push_back(view_of(info, state->current));
    done(std::move(out));
  });
}

void KnowledgeBaseKeeper::roll_back(std::uint64_t version, Callback<KnowledgeBaseVersion> done) {
  post([this, version, done](bool cancelled) {
    if (cancelled)
      return done(unexpected(ServiceError{ErrorCode::unavailable, "the node is stopping", {}}));
    auto state = read_state(system_, registry_);
    if (!state) return done(unexpected(state.error()));
    const auto* info = version > state->versions.size()
                           ? nullptr
                           : kb::find_version(*state, static_cast<std::uint32_t>(version));
    if (version != 0 && !info) {
      return done(unexpected(ServiceError{ErrorCode::not_found,
                                          "there is no knowledge-base version " +
                                              std::to_string(version) + " (versions 0.." +
                                              std::to_string(state->versions.size()) + ")",
                                          {}}));
    }
    auto knowledge =
        knowledge_of(system_, registry_, shipped_file_, static_cast<std::uint32_t>(version));
    if (!knowledge) return done(unexpected(knowledge.error()));
    auto shipped = version == 0 ? shipped_view(shipped_file_, *knowledge) : KnowledgeBaseVersion{};
    auto bot = make_bot(std::move(*knowledge), bot_->get()->options(), models_);
    auto reply =
        execute(system_, registry_,
                kb::RollBackKnowledgeBase{static_cast<std::uint32_t>(version), kActor, now()});
    if (!reply) return done(unexpected(reply.error()));
    bot_->set(std::move(bot));
    spdlog::info("knowledge base: rolled back to version {}", version);
    if (info) return done(view_of(*info, info->version));
    shipped.current = true;
    done(std::move(shipped));
  });
}

}  // namespace sb::service
