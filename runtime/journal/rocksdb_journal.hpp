#pragma once
// The product's event log: one RocksDB database per node (layout in storage_keys.hpp).

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/journal/journal.hpp"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Env;
}  // namespace rocksdb

namespace sb::runtime {

struct RocksDbJournalOptions {
  std::string path;                              // the database directory; created if missing
  rocksdb::Env* env = nullptr;                   // nullptr: the default Env (tests inject faults)
  std::size_t block_cache_bytes = 256u << 20;    // Default: 256 MiB
  std::size_t write_buffer_bytes = 64u << 20;    // Default: 64 MiB per column family
  // Opens an existing database for reading only (reports, tools): nothing is created, appends,
  // snapshots and syncs are refused, and no LOCK is taken, so a running node may keep writing.
  // The reader sees the database as of open (plus its write-ahead log), not later writes.
  bool read_only = false;
};

// What RocksDB holds in memory now, and the most it may hold by configuration: write buffers
// (memtables; at most two per column family before a flush) and the block cache.
struct StorageMemory {
  std::uint64_t memtables_bytes = 0;
  std::uint64_t block_cache_bytes = 0;
  std::uint64_t memtables_limit_bytes = 0;
  std::uint64_t block_cache_limit_bytes = 0;
};

class RocksDbJournal final : public Journal {
 public:
  // Opens (or creates) the database. A read-only or missing-permission directory, a locked
  // database or a corrupt one is an error with RocksDB's explanation, never a crash. With
  // options.read_only a missing database is an error too.
  static Expected<std::unique_ptr<RocksDbJournal>, JournalError> open(
      const RocksDbJournalOptions& options);

  ~RocksDbJournal() override;
  RocksDbJournal(const RocksDbJournal&) = delete;
  RocksDbJournal& operator=(const RocksDbJournal&) = delete;

  std::vector<AppendResult> append(std::span<const AppendRequest> requests, bool sync) override;
  Expected<Recovery, JournalError> recover(const EntityKey& key) override;
  bool surely_new(const EntityKey& key) override;
  Expected<std::vector<EventRecord>, JournalError> read(const EntityKey& key,
                                                       std::uint64_t after_version,
                                                       std::uint64_t up_to_version) override;
  Expected<void, JournalError> save_snapshot(const EntityKey& key,
                                             const SnapshotRecord& snapshot) override;
  Expected<std::vector<FeedEntry>, JournalError> read_feed(std::uint64_t after_seq,
                                                          std::size_t max_entries) override;
  Expected<std::vector<WakeEntry>, JournalError> read_wake_index(std::int64_t due_before_ms,
                                                                std::size_t max_entries) override;
  Expected<void, JournalError> sync() override;
  std::uint64_t last_seq() const override { return last_seq_.load(std::memory_order_acquire); }
  StorageMemory memory() const;

  // Every entity's recovery, as recover() returns it, for the entities whose vshard is in
  // [first_vshard, end_vshard), in key order: one pass over each column family instead of
  // lookups per entity, for tools that read every history (`switchboard verify`, the recovery
  // bench). A damaged history is that entity's error and the scan goes on; `visit` returns
  // false to stop early. Only a failed database read (or an unreadable entity index) is the
  // scan's own error.
  using RecoveryVisitor = std::function<bool(const EntityKey&, Expected<Recovery, JournalError>&&)>;
  Expected<void, JournalError> scan_recoveries(std::uint32_t first_vshard, std::uint32_t end_vshard,
                                               const RecoveryVisitor& visit);

 private:
  struct Handles;
  explicit RocksDbJournal(std::unique_ptr<Handles> handles);

  Expected<std::uint64_t, JournalError> stored_version(const std::string& prefix);
  Expected<std::uint64_t, JournalError> load_last_seq();
  Expected<void, JournalError> resume_after_error();

  // The error every write gets on a read-only journal.
  Expected<void, JournalError> refuse_if_read_only(std::string_view what) const;

  std::unique_ptr<Handles> h_;
  bool read_only_ = false;
  std::atomic<std::uint64_t> last_seq_{0};
  // Writer-thread only: the versions this (single) writer wrote or read, so most expected-version
  // checks need no read. Bounded; cleared after a failed write, whose outcome is unknown.
  std::unordered_map<std::string, std::uint64_t> version_cache_;
  bool write_failed_ = false;  // writer-thread only: RocksDB needs Resume() after a failed write
};

}  // namespace sb::runtime
