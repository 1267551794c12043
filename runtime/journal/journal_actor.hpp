#pragma once
// The actors in front of a Journal.
//
// The writer is the node's single writer: it coalesces every append that arrives while the
// previous write (and its fsync) is in progress into one write — group commit — and replies to
// each only after that write returned. In `sync` mode that is one fsync for the whole group, so
// throughput grows with concurrency instead of being capped at 1/fsync-latency.
// Readers serve recovery, ranges and the feed; RocksDB reads are thread-safe, so several may run.
//
// Protocol (runtime/messages.hpp):
//   writer: (append, AppendRequest) -> uint64_t new version | error
//           (snapshot, EntityKey, SnapshotRecord)            (fire and forget; failures logged)
//           (stats) -> JournalWriterStats
//           (stop)  -> ()  after writing everything received before it
//   reader: (recover, EntityKey) -> Recovery | error
//           (read, EntityKey, uint64_t after, uint64_t up_to) -> std::vector<EventRecord> | error
//           (feed, uint64_t after_seq, uint64_t max) -> std::vector<FeedEntry> | error

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <chrono>
#include <memory>

#include "runtime/journal/durability.hpp"
#include "runtime/journal/journal.hpp"

namespace sb::runtime {

struct JournalWriterOptions {
  DurabilityMode durability = DurabilityMode::sync;
  std::size_t group_requests_max = 2048;  // Default: 2048 appends per write
  std::chrono::milliseconds batched_sync_interval{10};  // Default: 10 ms (batched mode only)
};

struct JournalWriterStats {
  std::uint64_t writes = 0;        // journal writes (groups)
  std::uint64_t appends = 0;       // append requests acknowledged
  std::uint64_t events = 0;        // events acknowledged
  std::uint64_t failed = 0;        // append requests answered with an error
  std::uint64_t largest_group = 0;
};

struct JournalActors {
  caf::actor writer;
  caf::actor reader;
};

// Spawns the writer and `readers` readers (a round-robin pool when more than one). With
// `detached`, each runs on its own thread because RocksDB calls block; tests under CAF's
// deterministic scheduler pass false.
JournalActors spawn_journal_actors(caf::actor_system& system, std::shared_ptr<Journal> journal,
                                   const JournalWriterOptions& options, std::size_t readers,
                                   bool detached);

}  // namespace sb::runtime

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::JournalWriterStats)
