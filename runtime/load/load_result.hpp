#pragma once
// The outcome of a load run: what was sent, how long every step took, what the agents did and
// the server's own counters. Rendered as a JSON result file and a readable summary.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runtime/load/latency_recorder.hpp"
#include "runtime/load/load_options.hpp"
#include "runtime/load/sim_agent.hpp"
#include "runtime/load/workload.hpp"

namespace sb::load {

struct TimelinePoint {
  double second = 0;
  double target_rate = 0;  // open loop only
  std::uint64_t sent = 0;  // in that second
  std::uint64_t acked = 0;
  std::uint64_t errors = 0;
  double ack_p99_ms = 0;  // over the run so far
};

struct LoadResult {
  LoadOptions options;
  std::string run_id;
  double send_seconds = 0;   // the arrival phase
  double total_seconds = 0;  // including the drain
  std::uint64_t sent = 0;
  std::uint64_t calls = 0;
  std::uint64_t acked = 0;
  std::uint64_t errors = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t bot_answered = 0;
  std::uint64_t bot_replies_seen = 0;
  std::uint64_t bot_replies_missing = 0;  // answered in the ack, never seen on the sink
  std::uint64_t agent_replies_seen = 0;
  std::uint64_t queue_updates_seen = 0;
  std::uint64_t handoffs = 0;
  std::uint64_t offers = 0;
  std::uint64_t handoffs_unoffered = 0;  // still waiting for an agent at the end
  std::uint64_t generator_dropped = 0;
  LatencySummary ack;
  LatencySummary bot_reply;
  LatencySummary bot_reply_first;      // the visit's first message
  LatencySummary bot_reply_follow_up;  // its later messages
  LatencySummary offer;
  LatencySummary schedule_lag;
  std::map<std::string, std::uint64_t> errors_by_code;
  WorkloadCounts workload;
  std::vector<AgentStats> agents;
  std::vector<service::QueueSnapshot> queues;  // at the end, through Admin
  nlohmann::json server;                       // the server's own counters, when known
  std::vector<TimelinePoint> timeline;

  double acked_per_second() const { return send_seconds > 0 ? double(acked) / send_seconds : 0; }
};

std::string_view to_string(LoopMode mode);
nlohmann::json to_json(const LoadResult& result);
// A few lines for a terminal: mode, throughput, latencies, errors, handoffs, agents.
std::string render_summary(const LoadResult& result);

}  // namespace sb::load
