#include "runtime/node/settings.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace sb::runtime {
namespace {

std::chrono::milliseconds to_ms(caf::timespan span) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(span);
}

}  // namespace

void apply_scheduler_defaults(caf::actor_system_config& config) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  config.set("scheduler.max-threads", cores);
  config.set("work-stealing.moderate-poll-attempts", std::size_t{0});
}

SwitchboardConfig::SwitchboardConfig() {
  apply_scheduler_defaults(*this);
  opt_group{custom_options_, "storage"}
      .add(data_dir_, "path", "RocksDB data directory (default: ./data)")
      .add(durability_, "durability", "sync | batched | none (default: sync)")
      .add(batched_sync_interval_, "batched-sync-interval",
           "fsync period in batched mode (default: 10ms)")
      .add(journal_group_max_, "group-max", "appends per group commit at most (default: 2048)")
      .add(journal_readers_, "readers", "journal reader threads (default: 2)")
      .add(block_cache_mb_, "block-cache-mb", "RocksDB block cache in MiB (default: 256)");
  opt_group{custom_options_, "entity"}
      .add(append_timeout_, "append-timeout", "wait for durability at most (default: 10s)")
      .add(idle_timeout_, "idle-timeout", "passivate an entity idle this long (default: 2min)")
      .add(customer_idle_timeout_, "customer-idle-timeout",
           "passivate a customer idle this long (default: 30s)")
      .add(wake_scan_interval_, "wake-scan-interval",
           "read the wake-up index this often; timers further out wait for it (default: 10min)")
      .add(snapshot_every_, "snapshot-every", "events between snapshots (default: 100)")
      .add(recent_commands_, "recent-commands",
           "command ids remembered per entity for idempotency (default: 128)");
  opt_group{custom_options_, "rpc"}
      .add(rpc_host_, "host", "address to listen on (default: 127.0.0.1)")
      .add(rpc_port_, "port", "Cap'n Proto RPC port (default: 7400)")
      .add(rpc_tokens_, "tokens",
           "access tokens as \"role:subject:sha256-of-token\" (role channel|agent|admin)");
  opt_group{custom_options_, "bot"}
      .add(knowledge_base_, "knowledge-base",
           "knowledge base JSONL (default: config/kb/default_kb.jsonl)")
      .add(sample_orders_, "sample-orders",
           "orders of the built-in sample business backend (default: config/kb/sample_orders.jsonl)")
      .add(bot_model_dir_, "model-dir",
           "where trained bot models are cached (default: empty, <storage.path>/bot-model)");
  opt_group{custom_options_, "conversation"}
      .add(reopen_window_, "reopen-window",
           "a customer writing this soon after the end reopens the conversation (default: 24h)")
      .add(auto_close_after_, "auto-close-after", "a resolved conversation closes after (default: 24h)")
      .add(offer_timeout_, "offer-timeout", "an offer not accepted in time goes to the next agent (default: 30s)")
      .add(queue_abandon_after_, "queue-abandon-after",
           "a customer silent this long while queued has left: closed, with a follow-up ticket "
           "(0s: never; default: 30min)")
      .add(bot_resolve_after_, "bot-resolve-after",
           "a customer silent this long in a conversation the bot handles alone is done: the bot "
           "resolves it (0s: never; default: 30min)")
      .add(support_hours_, "support-hours",
           "when agents answer chats, e.g. \"mon-fri 09:00-18:00, sat 10:00-16:00, utc+08:00\"; a "
           "handoff outside them opens a follow-up ticket (default: empty, always staffed)");
  opt_group{custom_options_, "log"}.add(log_level_, "level",
                                        "trace | debug | info | warn | error (default: info)");
}

Expected<NodeSettings, std::string> SwitchboardConfig::node_settings() const {
  NodeSettings s;
  s.data_dir = data_dir_;
  auto durability = parse_durability_mode(durability_);
  if (!durability) {
    return unexpected("storage.durability must be sync, batched or none, not '" + durability_ + "'");
  }
  s.durability = *durability;
  s.batched_sync_interval = to_ms(batched_sync_interval_);
  if (s.batched_sync_interval.count() <= 0) {
    return unexpected(std::string("storage.batched-sync-interval must be positive"));
  }
  if (journal_group_max_ == 0 || journal_readers_ == 0) {
    return unexpected(std::string("storage.group-max and storage.readers must be at least 1"));
  }
  s.journal_group_max = journal_group_max_;
  s.journal_readers = journal_readers_;
  s.block_cache_mb = block_cache_mb_;
  s.entity.append_timeout = to_ms(append_timeout_);
  s.entity.idle_timeout = to_ms(idle_timeout_);
  s.customer_idle_timeout = to_ms(customer_idle_timeout_);
  if (s.entity.idle_timeout.count() <= 0 || s.customer_idle_timeout.count() <= 0) {
    return unexpected(std::string("entity.idle-timeout and entity.customer-idle-timeout must be positive"));
  }
  s.wake_scan_interval = to_ms(wake_scan_interval_);
  if (s.wake_scan_interval.count() <= 0) {
    return unexpected(std::string("entity.wake-scan-interval must be positive"));
  }
  s.entity.snapshot_every_events = snapshot_every_;
  s.entity.recent_commands_max = recent_commands_;
  s.rpc_host = rpc_host_;
  s.rpc_port = rpc_port_;
  s.rpc_tokens = rpc_tokens_;
  s.log_level = log_level_;
  s.knowledge_base = knowledge_base_;
  s.sample_orders = sample_orders_;
  s.bot_model_dir = bot_model_dir_;
  s.conversation.reopen_window = to_ms(reopen_window_);
  s.conversation.auto_close_after = to_ms(auto_close_after_);
  s.conversation.offer_timeout = to_ms(offer_timeout_);
  s.conversation.queue_abandon_after = to_ms(queue_abandon_after_);
  s.conversation.bot_resolve_after = to_ms(bot_resolve_after_);
  if (s.conversation.offer_timeout.count() <= 0 || s.conversation.queue_abandon_after.count() < 0 ||
      s.conversation.bot_resolve_after.count() < 0 ||
      s.conversation.reopen_window.count() < 0 || s.conversation.auto_close_after.count() < 0) {
    return unexpected(std::string("conversation.* durations must not be negative, and offer-timeout must be positive"));
  }
  if (!support_hours_.empty()) {
    auto hours = ticket::parse_opening_hours(support_hours_);
    if (!hours) return unexpected("conversation.support-hours: " + hours.error());
    s.conversation.support_hours = std::move(*hours);
  }
  return s;
}

}  // namespace sb::runtime
