#pragma once
// Full replay of a node's log, the two ways a node reads all of it:
//  - every entity recovered: Journal::recover (latest snapshot + tail, gap-checked) and the
//    entity host's own apply_recovery (codec decode + decider evolve + idempotency window), as
//    each entity actor does when it is first touched; split over `threads` reader threads like
//    the node's journal readers;
//  - every entity in one pass: the log verifier (`switchboard verify`) walks each column family
//    once in key order and replays every history through its decider, split over `threads`
//    ranges of vshards;
//  - the feed through the reporting projections: Journal::read_feed pages into a ReportingCore,
//    as the node's live reporting feed rebuilds itself at start.

#include <cstdint>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/journal/journal.hpp"
#include "runtime/journal/rocksdb_journal.hpp"

namespace sb::bench {

struct ReplayResult {
  std::uint64_t entities = 0;
  std::uint64_t events = 0;  // events applied (after the snapshots)
  std::uint64_t snapshots = 0;
  double seconds = 0;
  double per_second() const { return seconds > 0 ? double(events) / seconds : 0; }
};

Expected<ReplayResult, std::string> replay_entities(runtime::Journal& journal,
                                                    const std::vector<runtime::EntityKey>& keys,
                                                    std::size_t threads);

Expected<ReplayResult, std::string> replay_entities_in_one_pass(runtime::RocksDbJournal& journal,
                                                                std::size_t threads);

Expected<ReplayResult, std::string> replay_feed(runtime::Journal& journal,
                                                std::size_t page_entries = 1024);

}  // namespace sb::bench
