#include "benchmarks/recovery/raw_scan.hpp"

#include <chrono>
#include <functional>
#include <memory>

#include <rocksdb/db.h>

#include "runtime/journal/storage_keys.hpp"

namespace sb::bench {
namespace {

// Runs `visit` over one column family of the database at `dir`, opened read-only.
Expected<void, std::string> for_each_record(
    const std::string& dir, const std::string& family,
    const std::function<void(const rocksdb::Slice&, const rocksdb::Slice&)>& visit) {
  rocksdb::Options options;
  std::vector<std::string> names;
  if (auto s = rocksdb::DB::ListColumnFamilies(options, dir, &names); !s.ok())
    return unexpected(s.ToString());
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  std::size_t wanted = names.size();
  for (std::size_t i = 0; i < names.size(); ++i) {
    descriptors.emplace_back(names[i], rocksdb::ColumnFamilyOptions());
    if (names[i] == family) wanted = i;
  }
  if (wanted == names.size()) return unexpected("no column family " + family + " in " + dir);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (auto s = rocksdb::DB::OpenForReadOnly(options, dir, descriptors, &handles, &raw); !s.ok()) {
    return unexpected(s.ToString());
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  {
    rocksdb::ReadOptions read;
    read.fill_cache = false;  // one pass: as a replay would read it
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, handles[wanted]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) visit(it->key(), it->value());
    if (!it->status().ok()) return unexpected(it->status().ToString());
  }
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  return {};
}

}  // namespace

Expected<RawScan, std::string> scan_events(const std::string& dir) {
  RawScan scan;
  const auto start = std::chrono::steady_clock::now();
  auto done = for_each_record(dir, "events",
                              [&scan](const rocksdb::Slice& key, const rocksdb::Slice& value) {
                                ++scan.events;
                                scan.bytes += key.size() + value.size();
                              });
  if (!done) return unexpected(done.error());
  scan.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return scan;
}

Expected<std::vector<runtime::EntityKey>, std::string> list_entities(const std::string& dir) {
  std::vector<runtime::EntityKey> keys;
  auto done =
      for_each_record(dir, "meta", [&keys](const rocksdb::Slice& key, const rocksdb::Slice&) {
        // The meta family also holds other indexes (wake-ups); only entity prefixes parse.
        if (auto entity = runtime::storage_keys::parse_entity_prefix({key.data(), key.size()})) {
          keys.push_back(std::move(*entity));
        }
      });
  if (!done) return unexpected(done.error());
  return keys;
}

}  // namespace sb::bench
