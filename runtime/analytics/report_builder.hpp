#pragma once
// Sums the read models over a query's window and slices into a Report.

#include <cstdint>

#include "runtime/analytics/agent_tracker.hpp"
#include "runtime/analytics/read_models.hpp"
#include "runtime/analytics/report.hpp"

namespace sb::analytics {

// The hour buckets a query covers: [first, last) with `from` rounded down and `to` rounded up.
struct HourRange {
  std::int64_t first = 0;
  std::int64_t last = 0;
  bool contains(std::int64_t hour) const { return hour >= first && hour < last; }
};
HourRange hours_of(const ReportQuery& query);

// Summaries shared with the tests' brute force, so both read a histogram the same way.
LatencySummary summarize(const LatencyHistogram& histogram);
CsatSummary summarize_csat(const std::array<std::uint64_t, kCsatScores>& counts);
double ratio(double numerator, double denominator);

Report build_report(const ReadModels& models, const AgentTracker& agents, std::int64_t watermark_ms,
                    const ReportQuery& query);

}  // namespace sb::analytics
