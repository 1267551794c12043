#pragma once
// What a report asks for and what it contains: plain structs, filled by build_report and turned
// into text, JSON or HTML by the renderers.
//
// Windows are whole hours: an hour bucket counts when its start lies in [from, to). Slices apply
// to the dimensions known when each event happened; figures a slice cannot apply to say so:
// - questions (top lists) are asked before routing: only `channel` applies;
// - SLA figures come from tickets: `channel` and `tier` apply, `skill` and `agent` do not;
// - agent presence (utilisation, occupancy, load balance): only `agent` applies.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"

namespace sb::analytics {

inline constexpr std::size_t kTopDefault = 10;

struct ReportQuery {
  Timestamp from;
  Timestamp to;
  std::optional<Channel> channel;
  std::optional<std::string> skill;
  std::optional<Tier> tier;
  std::optional<std::string> agent;
  std::size_t top = kTopDefault;
};

// A query over [from, to) with no slice.
inline ReportQuery window(Timestamp from, Timestamp to) {
  ReportQuery q;
  q.from = from;
  q.to = to;
  return q;
}

struct LatencySummary {
  std::uint64_t count = 0;
  double average_ms = 0;
  std::int64_t p50_ms = 0;
  std::int64_t p90_ms = 0;
  std::int64_t p99_ms = 0;
  bool operator==(const LatencySummary&) const = default;
};

struct CountRow {
  std::string label;
  std::uint64_t count = 0;
  bool operator==(const CountRow&) const = default;
};

struct HourRow {
  std::int64_t hour_start_ms = 0;
  std::uint64_t conversations_opened = 0;
  std::uint64_t customer_messages = 0;
  std::uint64_t handoffs = 0;
  std::uint64_t csat_count = 0;
  double csat_average = 0;  // 0 when nobody rated in that hour
  bool operator==(const HourRow&) const = default;
};

struct Totals {
  std::uint64_t conversations_opened = 0;
  std::uint64_t customer_messages = 0;
  std::uint64_t bot_replies = 0;
  std::uint64_t agent_replies = 0;
  std::uint64_t questions = 0;  // customer messages the bot took a turn on
  std::uint64_t questions_unanswered = 0;
  std::uint64_t handoffs = 0;
  std::uint64_t conversations_ended = 0;
  std::uint64_t bot_resolved = 0;
  std::uint64_t resolutions = 0;
  std::uint64_t first_contact_resolutions = 0;
  std::uint64_t transfers = 0;
  double bot_resolution_rate = 0;  // bot_resolved / conversations_ended
  double handoff_rate = 0;         // handoffs / conversations_opened
  double fcr_rate = 0;             // first_contact_resolutions / resolutions
  double transfer_rate = 0;        // transfers / resolutions
  bool operator==(const Totals&) const = default;
};

struct WaitRow {
  std::string skill;
  std::string tier;
  LatencySummary wait;
  bool operator==(const WaitRow&) const = default;
};

struct CsatSummary {
  std::array<std::uint64_t, 5> distribution{};  // scores 1..5
  std::uint64_t count = 0;
  double average = 0;
  bool operator==(const CsatSummary&) const = default;
};

struct SlaRow {
  std::string policy;
  std::array<std::uint64_t, 3> warned{};    // first_response, next_reply, resolution
  std::array<std::uint64_t, 3> breached{};  // same order
  std::uint64_t tickets_resolved = 0;
  std::uint64_t resolved_within_sla = 0;
  double attainment = 0;  // resolved_within_sla / tickets_resolved
  bool operator==(const SlaRow&) const = default;
};

struct AgentRow {
  std::string agent;
  std::int64_t logged_in_ms = 0;
  std::int64_t online_ms = 0;
  std::int64_t busy_ms = 0;
  double occupancy = 0;    // busy / online
  double utilisation = 0;  // average share of capacity in use while online
  std::uint64_t accepted = 0;
  std::uint64_t replies = 0;
  std::uint64_t resolutions = 0;
  std::uint64_t transfers = 0;
  LatencySummary handle_time;
  CsatSummary csat;
  bool operator==(const AgentRow&) const = default;
};

// Conversations accepted per agent, over agents that were online or accepted any in the window.
// imbalance = max / mean - 1: 0 is a perfect spread, 0.1 is "within 10% of ideal".
struct LoadBalance {
  std::uint64_t agents = 0;
  double mean = 0;
  std::uint64_t min = 0;
  std::uint64_t max = 0;
  double stddev = 0;
  double imbalance = 0;
  bool operator==(const LoadBalance&) const = default;
};

struct QualityRow {
  std::string agent;
  std::string rule;
  std::uint64_t count = 0;
  bool operator==(const QualityRow&) const = default;
};

struct FeedCounters {
  std::uint64_t applied = 0;
  std::uint64_t duplicates = 0;     // seq not above the last applied one
  std::uint64_t ignored_kinds = 0;  // entity kinds no report uses (router, knowledge base, ...)
  std::uint64_t undecodable = 0;
  std::uint64_t last_seq = 0;
  std::int64_t watermark_ms = 0;  // the latest event time seen
  bool operator==(const FeedCounters&) const = default;
};

struct Report {
  ReportQuery query;
  Totals totals;
  std::vector<CountRow> messages_by_channel;
  std::vector<CountRow> questions_by_intent;  // the bot's intents, most asked first
  std::vector<CountRow> handoff_reasons;
  std::vector<HourRow> by_hour;  // every hour in the window, oldest first
  std::vector<CountRow> top_questions;
  std::vector<CountRow> top_unanswered;  // knowledge-base gaps
  LatencySummary queue_wait;
  std::vector<WaitRow> queue_wait_by_group;  // skill x tier
  LatencySummary first_response;
  LatencySummary bot_first_response;
  LatencySummary handle_time;
  CsatSummary csat;
  std::vector<SlaRow> sla;  // by policy
  std::vector<AgentRow> agents;
  LoadBalance load_balance;
  std::vector<QualityRow> quality;  // violations per agent and rule (attach_quality)
  FeedCounters feed;
};

// Rendering: terminal tables, JSON (round-trips every figure) and a self-contained HTML page.
std::string render_text(const Report& report);
std::string render_json(const Report& report);
std::string render_html(const Report& report);

}  // namespace sb::analytics
