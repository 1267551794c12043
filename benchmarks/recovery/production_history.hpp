#pragma once
// A node's event history shaped like production, built from customer sessions: a customer
// registers on first contact, writes a few messages the real bot (shipped KB, sample backend)
// answers, and most conversations end with the bot; some are handed off — queued, offered,
// assigned to one of the agents, answered, resolved, rated — and some of those open a ticket
// that the agent resolves. Every command runs through the entity's decider and every event
// through its codec (EntityStream), with the ids the service would give (customer "web:u42",
// conversation "web:u42/c1"), so a node started on the result serves these customers.
//
// Simplifications, on purpose: sessions follow each other (no interleaving between customers),
// and the bot's answer to a text is computed once per text (as for a first turn) and reused.

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"
#include "actors/conversation/conversation_model.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::bench {

struct HistoryShape {
  std::size_t agents = 200;
  int bot_turns_max = 3;               // customer messages per conversation while the bot answers
  double human_request_share = 0.15;   // sessions whose customer asks for a person at the end
  double ticket_share = 0.3;           // of the handed-off conversations
  std::uint64_t snapshot_every = 100;  // as the node's default entity.snapshot-every
  std::uint64_t seed = 2026;
  std::string knowledge_base = "config/kb/default_kb.jsonl";
  std::string sample_orders = "config/kb/sample_orders.jsonl";
};

struct SessionIds {
  Channel channel = Channel::web;
  std::string user_id;  // the channel's user id
  std::string customer_id;
  std::string conversation_id;
};

// What a step of the history writes: appends in order, then the snapshots that fell due.
struct HistoryBatch {
  std::vector<runtime::AppendRequest> appends;
  std::vector<std::pair<runtime::EntityKey, runtime::SnapshotRecord>> snapshots;
  std::size_t events() const;
};

class ProductionHistory {
 public:
  static Expected<std::unique_ptr<ProductionHistory>, std::string> load(const HistoryShape& shape);
  ~ProductionHistory();

  // The agents register and log in.
  void open_shift(HistoryBatch& out);
  // One customer's session (the next customer).
  void next_session(HistoryBatch& out);

  std::uint64_t sessions() const { return sessions_; }
  // The ids of session n's customer and conversation, for requests after a restart.
  static SessionIds ids_of(std::uint64_t session);

 private:
  struct Parts;
  explicit ProductionHistory(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
  std::uint64_t sessions_ = 0;
};

}  // namespace sb::bench
