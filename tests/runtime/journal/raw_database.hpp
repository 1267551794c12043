#pragma once
// Edits a closed journal's RocksDB directory behind its back, as damage or an older version would.

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

namespace sb::testing {

// The journal's column families, in the order RocksDbJournal opens them.
enum class RawColumn : std::size_t { events = 1, meta = 2, snapshots = 3, feed = 4 };

// Puts `value` under `key`, or deletes the key when `value` is nullopt.
inline void write_raw(const std::string& path, RawColumn column, const std::string& key,
                      std::optional<std::string> value) {
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const char* name : {"default", "events", "meta", "snapshots", "feed"}) {
    cfs.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options(), path, cfs, &handles, &raw).ok());
  auto* handle = handles[static_cast<std::size_t>(column)];
  const auto status = value ? raw->Put(rocksdb::WriteOptions(), handle, key, *value)
                            : raw->Delete(rocksdb::WriteOptions(), handle, key);
  EXPECT_TRUE(status.ok()) << status.ToString();
  for (auto* each : handles) raw->DestroyColumnFamilyHandle(each);
  delete raw;
}

}  // namespace sb::testing
