#pragma once
// Follows each conversation through its events and files samples into the read models:
// volume, questions, handoffs, queue wait (Queued -> Assigned), first response (first customer
// message -> first agent reply, or first bot reply), handle time (Assigned -> Resolved),
// first-contact resolution (resolved with no transfer and no reopen; retracted if it reopens),
// bot resolution (an episode ended by a resolution or a close, never handed off), transfers, CSAT.

#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <unordered_map>

#include "actors/conversation/conversation_model.hpp"
#include "runtime/analytics/read_models.hpp"

namespace sb::analytics {

struct ConversationTrack {
  std::uint8_t channel = 0;  // opened on
  std::uint8_t tier = 0;
  NameId skill = kNoName;
  NameId intent = kNoName;
  NameId agent = kNoName;       // assigned now
  NameId last_agent = kNoName;  // assigned last (rated with CSAT)
  std::int64_t opened_at_ms = 0;
  std::optional<std::int64_t> waiting_since_ms;
  std::optional<std::int64_t> assigned_at_ms;
  bool handed_off = false;
  bool transferred = false;
  bool reopened = false;
  bool agent_replied = false;
  bool bot_replied = false;
  bool episode_ended = false;
  std::optional<std::pair<std::int64_t, CellKey>> fcr_counted;  // where, to retract on reopen
  std::string pending_question;  // normalized; waits for the bot's turn
  std::uint8_t pending_channel = 0;
  std::optional<std::int64_t> closed_at_ms;
};

class ConversationTracker {
 public:
  explicit ConversationTracker(ReadModels& models) : models_(&models) {}

  void apply(const std::string& conversation_id, const conversation::Event& event);
  // Forgets conversations closed before `cutoff_ms` (a reopen after that starts a fresh track).
  void evict_closed_before(std::int64_t cutoff_ms);
  std::size_t tracked() const { return tracks_.size(); }

 private:
  CellKey key(const ConversationTrack& t, NameId agent) const;
  ConversationCell& cell(std::int64_t at_ms, const CellKey& key);
  void bot_turn(ConversationTrack& t, std::int64_t at_ms, bool understood);
  void end_episode(ConversationTrack& t, std::int64_t at_ms, NameId agent);

  void on(ConversationTrack& t, const conversation::Opened& e);
  void on(ConversationTrack& t, const conversation::MessageReceived& e);
  void on(ConversationTrack& t, const conversation::BotReplied& e);
  void on(ConversationTrack& t, const conversation::HandoffRequested& e);
  void on(ConversationTrack& t, const conversation::Queued& e);
  void on(ConversationTrack& t, const conversation::Assigned& e);
  void on(ConversationTrack& t, const conversation::AgentReplied& e);
  void on(ConversationTrack& t, const conversation::Transferred& e);
  void on(ConversationTrack& t, const conversation::Resolved& e);
  void on(ConversationTrack& t, const conversation::Closed& e);
  void on(ConversationTrack& t, const conversation::Reopened& e);
  void on(ConversationTrack& t, const conversation::RatedByCustomer& e);

  ReadModels* models_;
  std::unordered_map<std::string, ConversationTrack> tracks_;
  // Every close by its time, earliest on top, so eviction reads only what falls out of
  // retention instead of every track (hundreds of thousands after a day's peak). An entry is
  // stale once its conversation reopened or closed again (a later close has its own entry).
  using CloseEntry = std::pair<std::int64_t, std::string>;
  std::priority_queue<CloseEntry, std::vector<CloseEntry>, std::greater<>> closes_;
};

// The bot did not understand the message: it said so (tag) or gave up for low confidence.
bool bot_did_not_understand(const std::vector<std::string>& tags,
                            const std::vector<conversation::HandoffReason>& reasons);

}  // namespace sb::analytics
