#pragma once
// What RocksDbJournal's source files share: the open database's handles and the mapping of
// RocksDB's status to journal errors. Internal to runtime/journal.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>

#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/rocksdb_journal.hpp"

namespace sb::runtime {

struct RocksDbJournal::Handles {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs;  // owned; destroyed before db
  rocksdb::ColumnFamilyHandle* events = nullptr;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* snapshots = nullptr;
  rocksdb::ColumnFamilyHandle* feed = nullptr;
  std::shared_ptr<rocksdb::Cache> block_cache;
  std::uint64_t memtables_limit_bytes = 0;

  ~Handles() {
    for (auto* cf : cfs) {
      if (db) db->DestroyColumnFamilyHandle(cf);
    }
    cfs.clear();
    db.reset();
  }
};

namespace rocksdb_internals {

inline JournalError from_status(const rocksdb::Status& status, std::string_view what) {
  JournalErrc code = JournalErrc::io_error;
  if (status.IsNoSpace() || status.subcode() == rocksdb::Status::kNoSpace) {
    code = JournalErrc::no_space;
  } else if (status.IsCorruption()) {
    code = JournalErrc::corruption;
  }
  return JournalError{code, std::string(what) + ": " + status.ToString()};
}

inline JournalError corruption(std::string message) {
  return JournalError{JournalErrc::corruption, std::move(message)};
}

// The stored snapshot of `key` when a recovery to `version` can start from it. A snapshot that
// does not decode, or is ahead of the version record, is only an optimisation lost: the whole
// history is replayed instead.
inline std::optional<SnapshotRecord> usable_snapshot(std::string_view bytes, const EntityKey& key,
                                                     std::uint64_t version) {
  auto snapshot = decode_snapshot_envelope(bytes, key);
  if (!snapshot || snapshot->version > version) return std::nullopt;
  return std::move(*snapshot);
}

}  // namespace rocksdb_internals

}  // namespace sb::runtime
