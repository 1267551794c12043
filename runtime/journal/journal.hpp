#pragma once
// The event log contract (after Orleans' storage contract and Akka's persistence semantics).
// Implementations: RocksDbJournal (the product) and MemoryJournal (tests).
//
// Thread safety: reads may run concurrently with each other and with append(); append() must be
// called by one writer at a time (the journal writer actor), which is what makes the
// expected-version check a real single-writer guarantee.

#include <cstdint>
#include <span>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

using AppendResult = Expected<std::uint64_t, JournalError>;  // the entity's new version

class Journal {
 public:
  virtual ~Journal() = default;

  // Group commit: appends every request whose expected version matches the stored one in ONE
  // atomic write (synced when `sync`), assigning global feed sequence numbers in request order.
  // Returns one result per request, in order: the new version, `conflict` for a failed check,
  // `invalid_argument` for a malformed request. If the write itself fails, every request that
  // was part of it gets the error and the outcome is unknown: callers must stop and recover.
  virtual std::vector<AppendResult> append(std::span<const AppendRequest> requests, bool sync) = 0;

  // The latest snapshot plus every later event. Checks version continuity: a gap or an
  // undecodable record is `corruption`.
  virtual Expected<Recovery, JournalError> recover(const EntityKey& key) = 0;

  // True only when the journal can tell from memory alone (no disk read) that the entity has
  // no history at all: a new entity then starts without a recovery round trip. False means
  // "perhaps": recover() decides. Safe to call from any thread, concurrently with append().
  virtual bool surely_new(const EntityKey& key) = 0;

  // Events with after_version < version <= up_to_version, oldest first, gap-checked.
  virtual Expected<std::vector<EventRecord>, JournalError> read(const EntityKey& key,
                                                               std::uint64_t after_version,
                                                               std::uint64_t up_to_version) = 0;

  // Replaces the entity's snapshot (only the latest is kept).
  virtual Expected<void, JournalError> save_snapshot(const EntityKey& key,
                                                     const SnapshotRecord& snapshot) = 0;

  // Up to `max_entries` feed entries with seq > after_seq, in seq order.
  virtual Expected<std::vector<FeedEntry>, JournalError> read_feed(std::uint64_t after_seq,
                                                                  std::size_t max_entries) = 0;

  // Up to `max_entries` wake-up index entries due at or before `due_before_ms`, in key order
  // (AppendRequest::wake). A node reads them at start to re-arm the timers of entities that are
  // not in memory.
  virtual Expected<std::vector<WakeEntry>, JournalError> read_wake_index(std::int64_t due_before_ms,
                                                                        std::size_t max_entries) = 0;

  // Makes every write so far durable (the `batched` durability mode calls this on a timer).
  virtual Expected<void, JournalError> sync() = 0;

  // The highest feed sequence number written so far.
  virtual std::uint64_t last_seq() const = 0;
};

}  // namespace sb::runtime
