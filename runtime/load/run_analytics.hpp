#pragma once
// The analytics of one run: the journal's feed after the seq the run started at, through the
// analytics Projection, into a Report over the run's hours; plus the tickets the run created
// (the report counts SLA clocks, not creations).

#include <cstdint>
#include <string>

#include "actors/common/expected.hpp"
#include "runtime/analytics/report.hpp"
#include "runtime/journal/journal.hpp"

namespace sb::load {

struct RunAnalytics {
  analytics::Report report;
  std::uint64_t tickets_created = 0;
  std::uint64_t events = 0;
};

// Feed entries read per call.
inline constexpr std::size_t kFeedPage = 4096;

Expected<RunAnalytics, std::string> analyse_feed(runtime::Journal& journal, std::uint64_t after_seq,
                                                 Timestamp from, Timestamp to);

}  // namespace sb::load
