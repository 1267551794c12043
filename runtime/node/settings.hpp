#pragma once
// Every option of a switchboard node, with its default, read by CAF 0.17's config machinery:
// built-in default < INI file (config/switchboard.ini, or --config-file=FILE) < command line
// (--storage.durability=batched). config/switchboard.ini documents each option.

#include <caf/actor_system_config.hpp>
#include <caf/timespan.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/ticket/business_calendar.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/durability.hpp"

namespace sb::runtime {

// How conversations wait and end (services::ConversationPolicy is built from it).
struct ConversationSettings {
  std::chrono::milliseconds reopen_window = std::chrono::hours(24);
  std::chrono::milliseconds auto_close_after = std::chrono::hours(24);
  std::chrono::milliseconds offer_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds queue_abandon_after = std::chrono::minutes(30);  // 0: never
  std::chrono::milliseconds bot_resolve_after = std::chrono::minutes(30);    // 0: never
  std::optional<ticket::BusinessCalendar> support_hours;                     // none: always staffed
};

struct NodeSettings {
  std::string data_dir = "./data";
  DurabilityMode durability = DurabilityMode::sync;
  std::chrono::milliseconds batched_sync_interval{10};
  std::size_t journal_group_max = 2048;
  std::size_t journal_readers = 2;
  std::size_t block_cache_mb = 256;
  EntityHostOptions entity;
  // Customers passivate sooner than the other entities: a customer is needed only while one of
  // its messages is routed (its state is a short replay away), a conversation while it is talked.
  std::chrono::milliseconds customer_idle_timeout = std::chrono::seconds(30);
  // How often the wake-up index is read; entities hold timers in memory only this far ahead.
  std::chrono::milliseconds wake_scan_interval = std::chrono::minutes(10);
  std::string rpc_host = "127.0.0.1";
  std::uint16_t rpc_port = 7400;
  std::vector<std::string> rpc_tokens;  // "role:subject:sha256hex" lines
  std::string log_level = "info";
  std::string knowledge_base = "config/kb/default_kb.jsonl";
  std::string sample_orders = "config/kb/sample_orders.jsonl";
  std::string bot_model_dir;  // where trained bot models are cached; empty: <data_dir>/bot-model
  ConversationSettings conversation;
};

// The node's defaults for CAF's scheduler, which its config file and command line override
// ([scheduler], [work-stealing]): one worker per core (CAF starts at least four; the journal and
// the RPC loop have threads of their own), and no "moderate" polling phase — an idle worker
// spins briefly, then sleeps until work is enqueued for it, instead of waking every 50 us for
// 25 ms first (a large share of the CPU of a node at moderate load, on two cores).
void apply_scheduler_defaults(caf::actor_system_config& config);

class SwitchboardConfig : public caf::actor_system_config {
 public:
  SwitchboardConfig();

  // The typed settings, or a sentence naming the option that is wrong.
  Expected<NodeSettings, std::string> node_settings() const;

 private:
  std::string data_dir_ = "./data";
  std::string durability_ = "sync";
  caf::timespan batched_sync_interval_ = std::chrono::milliseconds(10);
  std::size_t journal_group_max_ = 2048;
  std::size_t journal_readers_ = 2;
  std::size_t block_cache_mb_ = 256;
  caf::timespan append_timeout_ = std::chrono::seconds(10);
  caf::timespan idle_timeout_ = std::chrono::minutes(2);
  caf::timespan customer_idle_timeout_ = std::chrono::seconds(30);
  caf::timespan wake_scan_interval_ = std::chrono::minutes(10);
  std::size_t snapshot_every_ = 100;
  std::size_t recent_commands_ = 128;
  std::string rpc_host_ = "127.0.0.1";
  std::uint16_t rpc_port_ = 7400;
  std::vector<std::string> rpc_tokens_;
  std::string log_level_ = "info";
  std::string knowledge_base_ = "config/kb/default_kb.jsonl";
  std::string sample_orders_ = "config/kb/sample_orders.jsonl";
  std::string bot_model_dir_;
  caf::timespan reopen_window_ = std::chrono::hours(24);
  caf::timespan auto_close_after_ = std::chrono::hours(24);
  caf::timespan offer_timeout_ = std::chrono::seconds(30);
  caf::timespan queue_abandon_after_ = std::chrono::minutes(30);
  caf::timespan bot_resolve_after_ = std::chrono::minutes(30);
  std::string support_hours_;
};

}  // namespace sb::runtime
