#pragma once
// Everything a report is computed from, bucketed by hour. Trackers write here; report_builder
// reads. Memory grows with the number of distinct slices per hour, not with events, and hours
// older than the retention are dropped.

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "runtime/analytics/cells.hpp"
#include "runtime/analytics/top_texts.hpp"

namespace sb::analytics {

// Per hour and channel: distinct question texts kept by the sketches.
inline constexpr std::size_t kQuestionSketchCapacity = 64;

struct HourBucket {
  std::unordered_map<CellKey, ConversationCell, CellKeyHash> conversations;
  std::unordered_map<SlaKey, SlaCell, SlaKeyHash> sla;
  std::unordered_map<NameId, AgentCell> agents;
  // Keyed by channel value: questions the bot took a turn on, and those it did not understand.
  std::map<std::uint8_t, TopTexts> questions;
  std::map<std::uint8_t, TopTexts> unanswered;
};

struct ReadModels {
  Dictionary names;
  std::map<std::int64_t, HourBucket> hours;
  // Samples for hours already dropped (a clock far behind) land here and are never reported.
  HourBucket discarded;
  std::int64_t first_hour_kept = INT64_MIN;

  HourBucket& hour(std::int64_t unix_ms) { return bucket(hour_of(unix_ms)); }
  HourBucket& bucket(std::int64_t hour) {
    if (hour < first_hour_kept) {
      discarded = HourBucket{};
      return discarded;
    }
    return hours[hour];
  }
  ConversationCell& cell(std::int64_t unix_ms, const CellKey& key) {
    return hour(unix_ms).conversations[key];
  }
  // Drops every hour before `first_hour_kept`.
  void drop_before(std::int64_t first_hour) {
    first_hour_kept = std::max(first_hour_kept, first_hour);
    hours.erase(hours.begin(), hours.lower_bound(first_hour_kept));
  }
};

}  // namespace sb::analytics
