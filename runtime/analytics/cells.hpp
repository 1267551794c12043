#pragma once
// The read models: counters per hour bucket and slice (the hour is the outer key, see
// read_models.hpp). A sample is filed under the dimensions
// known when its event happened (e.g. a handoff has no agent; a queue wait has the skill and tier
// of the queue it left), and a query sums the cells whose hour lies in its window.

#include <array>
#include <cstdint>
#include <functional>

#include "runtime/analytics/dictionary.hpp"
#include "runtime/analytics/latency_histogram.hpp"

namespace sb::analytics {

inline constexpr std::int64_t kHourMs = 3'600'000;
inline constexpr std::size_t kHandoffReasonCount = 7;  // conversation::HandoffReason values 1..7
inline constexpr std::size_t kCsatScores = 5;
inline constexpr std::size_t kSlaClocks = 3;  // ticket::SlaClockKind values 1..3

// Floor division, so times before 1970 still land in the right hour.
inline std::int64_t hour_of(std::int64_t unix_ms) {
  return unix_ms >= 0 ? unix_ms / kHourMs : -((-unix_ms + kHourMs - 1) / kHourMs);
}

// Channel and tier are the enum values; 0 means not known.
struct CellKey {
  std::uint8_t channel = 0;
  std::uint8_t tier = 0;
  NameId skill = kNoName;
  NameId agent = kNoName;
  NameId intent = kNoName;
  bool operator==(const CellKey&) const = default;
};

struct CellKeyHash {
  std::size_t operator()(const CellKey& k) const;
};

struct ConversationCell {
  std::uint64_t conversations_opened = 0;
  std::uint64_t customer_messages = 0;
  std::uint64_t bot_replies = 0;
  std::uint64_t agent_replies = 0;
  std::uint64_t bot_answered = 0;    // customer messages the bot took a turn on and understood
  std::uint64_t bot_unanswered = 0;  // ... and did not (knowledge-base gaps)
  std::uint64_t handoffs = 0;
  std::array<std::uint64_t, kHandoffReasonCount> handoff_reasons{};
  std::uint64_t ended = 0;         // first resolution or close of each episode (open or reopen)
  std::uint64_t bot_resolved = 0;  // ... of a conversation never handed off
  std::uint64_t resolutions = 0;  // by agents (the bot's count in bot_resolved)
  std::uint64_t first_contact_resolutions = 0;  // retracted when the conversation reopens
  std::uint64_t transfers = 0;
  std::array<std::uint64_t, kCsatScores> csat{};
  LatencyHistogram queue_wait;
  LatencyHistogram first_response;  // first customer message -> first agent reply
  LatencyHistogram bot_first_response;
  LatencyHistogram handle_time;  // assigned -> resolved by that agent

  void merge(const ConversationCell& other);
};

struct SlaKey {
  NameId policy = kNoName;
  std::uint8_t channel = 0;
  std::uint8_t tier = 0;
  bool operator==(const SlaKey&) const = default;
};
struct SlaKeyHash {
  std::size_t operator()(const SlaKey& k) const;
};

struct SlaCell {
  std::array<std::uint64_t, kSlaClocks> warned{};
  std::array<std::uint64_t, kSlaClocks> breached{};
  std::uint64_t tickets_resolved = 0;
  std::uint64_t resolved_within_sla = 0;  // no breach on the ticket before this resolution
  void merge(const SlaCell& other);
};

// Time integrals over one agent's presence within one hour (cut at hour boundaries).
struct AgentCell {
  std::int64_t logged_in_ms = 0;  // online or away
  std::int64_t online_ms = 0;
  std::int64_t busy_ms = 0;           // online with at least one conversation
  std::int64_t load_permille_ms = 0;  // integral of agent::load() x 1000 while online
  std::uint64_t accepted = 0;
  void merge(const AgentCell& other);
};

}  // namespace sb::analytics
