#pragma once
// Every report figure recomputed the slow, obvious way from the raw typed events: each
// conversation's whole history is walked on its own, samples are kept individually, percentiles
// come from sorting, time integrals from interval overlaps. Independent of the projection's
// incremental trackers, cells, sketches and hour splitting.

#include "runtime/analytics/report.hpp"
#include "tests/analytics/random_history.hpp"

namespace sb::analytics::testing {

Report brute_force_report(const std::vector<RawEvent>& events, const ReportQuery& query);

}  // namespace sb::analytics::testing
