#include "benchmarks/recovery/first_request.hpp"

#include <chrono>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>

#include "benchmarks/recovery/await_call.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/model_key.hpp"
#include "runtime/journal/rocksdb_journal.hpp"
#include "runtime/service/knowledge_base_keeper.hpp"
#include "runtime/service/switchboard_node.hpp"

namespace sb::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string describe(const service::ServiceError& error) {
  return std::string(service::to_string(error.code)) + ": " + error.message;
}

}  // namespace

Expected<FirstRequestTimes, std::string> time_first_requests(const std::string& dir,
                                                             const HistoryShape& shape,
                                                             const SessionIds& existing) {
  caf::actor_system_config config;
  caf::actor_system system{config};
  runtime::NodeSettings settings;  // production defaults: sync durability, 256 MiB block cache
  settings.data_dir = dir;
  service::BotFiles files;
  files.knowledge_base = shape.knowledge_base;
  files.sample_orders = shape.sample_orders;

  FirstRequestTimes times;
  {
    const auto open_start = Clock::now();
    runtime::RocksDbJournalOptions journal_options;
    journal_options.path = dir;
    journal_options.read_only = true;  // replays the log like the node's open, changes nothing
    auto journal = runtime::RocksDbJournal::open(journal_options);
    if (!journal) return unexpected("journal open: " + journal.error().message);
    times.journal_open_ms = ms_since(open_start);
  }
  {
    auto kb = bot::load_knowledge_base(files.knowledge_base);
    if (!kb) return unexpected("knowledge base: " + kb.error().to_string());
    const auto training_start = Clock::now();
    bot::Bot bot(*kb);
    times.bot_training_ms = ms_since(training_start);
    // The model the node's start loads, when an earlier start on this directory cached it.
    const auto models = service::KnowledgeBaseKeeper::model_store_in(dir);
    const auto key = bot::bot_model_key(*kb, {});
    if (models && key) {
      const auto load_start = Clock::now();
      if (auto classifier = models->load(*key)) {
        bot::Bot loaded(std::move(*kb), {}, std::move(*classifier));
        times.model_load_ms = ms_since(load_start);
        times.model_cached = true;
      }
    }
  }

  const auto start = Clock::now();
  auto node = service::SwitchboardNode::start(system, settings, files);
  if (!node) return unexpected("node start: " + node.error());
  times.node_started_ms = ms_since(start);

  auto& api = (*node)->service();
  const auto view_start = Clock::now();
  auto view = await_call<service::ConversationView>(
      [&](auto done) { api.conversation(existing.conversation_id, done); });
  if (!view) return unexpected("conversation view: " + describe(view.error()));
  times.view_alone_ms = ms_since(view_start);
  times.view_served_ms = ms_since(start);
  times.transcript_lines = view->transcript.size();

  service::InboundMessage message;
  message.channel = existing.channel;
  message.channel_user_id = existing.user_id;
  message.message_id = "after-restart-" + std::to_string(Clock::now().time_since_epoch().count());
  message.text = "我的订单到哪了";
  const auto deliver_start = Clock::now();
  auto delivered =
      await_call<service::DeliverResult>([&](auto done) { api.deliver(message, done); });
  if (!delivered) return unexpected("deliver: " + describe(delivered.error()));
  times.deliver_alone_ms = ms_since(deliver_start);
  times.deliver_served_ms = ms_since(start);
  if (delivered->bot_reply) times.bot_reply = delivered->bot_reply->text;
  (*node)->shutdown();
  return times;
}

}  // namespace sb::bench
