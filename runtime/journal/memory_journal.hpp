#pragma once
// An in-memory Journal with the same contract as RocksDbJournal, for actor tests and
// simulations. It can be told to fail, which is how tests prove that entities stop on a failed
// append and recover afterwards.

#include <map>
#include <mutex>

#include "runtime/journal/journal.hpp"

namespace sb::runtime {

class MemoryJournal final : public Journal {
 public:
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
  Expected<void, JournalError> sync() override { return {}; }
  std::uint64_t last_seq() const override;

  // Fault injection: while set, appends fail with this error and write nothing.
  void test_fail_appends(std::optional<JournalError> error);
  // How many append() calls (groups) reached the journal: group commit is observable.
  std::size_t test_append_calls() const;

 private:
  mutable std::mutex mutex_;
  std::map<EntityKey, std::vector<EventRecord>> events_;
  std::map<EntityKey, SnapshotRecord> snapshots_;
  std::map<EntityKey, std::int64_t> wake_index_;
  std::vector<std::pair<EntityKey, std::uint64_t>> feed_;  // (key, version), index = seq - 1
  std::optional<JournalError> fail_appends_;
  std::size_t append_calls_ = 0;
};

}  // namespace sb::runtime
