#pragma once
// Fills a node's data directory with a production-shaped history (ProductionHistory) through the
// real journal: RocksDbJournal::append with the entities' encoded events, up to
// `group_appends` appends per write and no fsync per write (one sync at the end), plus the
// snapshots the entity host would have written. Filling this way writes 10 M events in minutes;
// driving the entity actors would take far longer for the same log.

#include <cstdint>
#include <string>

#include "actors/common/expected.hpp"
#include "benchmarks/recovery/production_history.hpp"

namespace sb::bench {

struct FillResult {
  std::uint64_t events = 0;
  std::uint64_t appends = 0;
  std::uint64_t snapshots = 0;
  std::uint64_t sessions = 0;
  double seconds = 0;
};

// Writes sessions until at least `events` events are in the journal at `dir` (created).
Expected<FillResult, std::string> fill_journal(const std::string& dir, std::uint64_t events,
                                               const HistoryShape& shape,
                                               std::size_t group_appends = 2048);

}  // namespace sb::bench
