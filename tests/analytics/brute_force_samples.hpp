#pragma once
// The brute force's raw material: one sample per figure-bearing event of a conversation, with
// the dimensions known at that event.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "runtime/analytics/cells.hpp"
#include "runtime/analytics/report.hpp"
#include "tests/analytics/random_history.hpp"

namespace sb::analytics::testing {

enum class Metric {
  opened,
  message,
  bot_reply,
  agent_reply,
  question_ok,
  question_gap,
  handoff,
  handoff_reason,
  ended,
  bot_resolved,
  resolution,
  fcr,
  transfer,
  csat,
  queue_wait,
  first_response,
  bot_first_response,
  handle_time
};

struct Dims {
  std::uint8_t channel = 0;
  std::uint8_t tier = 0;
  std::string skill;
  std::string intent;
  std::string agent;       // assigned now
  std::string last_agent;  // assigned last
};

struct Sample {
  std::int64_t at = 0;
  Dims dims;  // `agent` holds the sample's agent
  Metric metric = Metric::opened;
  std::int64_t value = 0;
  std::string text;
};

std::vector<Sample> all_conversation_samples(const std::vector<RawEvent>& events);

struct Presence {
  AgentCell sums;
  bool present = false;  // online or away in the window, or accepted in it
};
// Per agent (filtered by the query's agent), up to min(watermark, query.to) for the open tail.
std::map<std::string, Presence> presence(const std::vector<RawEvent>& events, const ReportQuery& q,
                                         std::int64_t watermark);
std::vector<SlaRow> sla(const std::vector<RawEvent>& events, const ReportQuery& q);

}  // namespace sb::analytics::testing
