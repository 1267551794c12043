#pragma once
// Lazy recovery as a client sees it: a node starts on an existing data directory through the
// real startup path (SwitchboardNode::start: RocksDB open, the bot's model loaded from the cache
// under the data directory or, on the first start, trained from the KB and cached, the routing
// desk, the live reporting feed that begins rebuilding from the log in the background),
// then serves its first requests, each touching an entity that is not in memory yet:
//   1. a conversation view (the conversation actor spawns and recovers its stream);
//   2. a new message from an existing customer (customer and conversation recover, the bot
//      answers, the events are fsynced: the production `sync` mode).

#include <optional>
#include <string>

#include "actors/common/expected.hpp"
#include "benchmarks/recovery/production_history.hpp"

namespace sb::bench {

struct FirstRequestTimes {
  // Parts of the start measured alone first, to show where it goes: opening the journal
  // (RocksDB replays its write-ahead log), training the bot on the KB, and loading its cached
  // model (when the data directory has one: not before the first start on it).
  double journal_open_ms = 0;
  double bot_training_ms = 0;
  std::optional<double> model_load_ms;
  bool model_cached = false;     // the node's start loaded the bot's model instead of training it
  double node_started_ms = 0;    // SwitchboardNode::start returned
  double view_served_ms = 0;     // since the start call: the conversation view answered
  double deliver_served_ms = 0;  // since the start call: the deliver answered (durable)
  double view_alone_ms = 0;      // the view request by itself
  double deliver_alone_ms = 0;   // the deliver by itself
  std::string bot_reply;         // proof the bot answered
  std::size_t transcript_lines = 0;
};

Expected<FirstRequestTimes, std::string> time_first_requests(const std::string& dir,
                                                             const HistoryShape& shape,
                                                             const SessionIds& existing);

}  // namespace sb::bench
