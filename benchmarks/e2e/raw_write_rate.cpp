#include "benchmarks/e2e/raw_write_rate.hpp"

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/storage_keys.hpp"

namespace sb::bench {
namespace {

using runtime::EntityKey;
namespace keys = runtime::storage_keys;

// The journal's column families, so the records land where the journal puts them.
const std::vector<std::string> kColumnFamilies{"default", "events", "meta", "snapshots", "feed"};
constexpr std::size_t kEvents = 1, kMeta = 2, kFeed = 4;  // indexes in kColumnFamilies

void check(const rocksdb::Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

}  // namespace

RawWriteResult raw_write_rate(const std::string& dir, std::uint64_t events, std::size_t group,
                              bool sync, std::size_t entities) {
  std::filesystem::remove_all(dir);
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.compression = rocksdb::kLZ4Compression;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& name : kColumnFamilies) families.emplace_back(name, options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  check(rocksdb::DB::Open(options, dir, families, &handles, &db));
  rocksdb::WriteOptions write_options;
  write_options.sync = sync;

  std::vector<std::uint64_t> versions(entities, 0);
  std::uint64_t written = 0;
  const auto start = std::chrono::steady_clock::now();
  while (written < events) {
    rocksdb::WriteBatch batch;
    for (std::size_t i = 0; i < group && written < events; ++i, ++written) {
      const auto entity = written % entities;
      const EntityKey key{EntityKind::conversation, "c-" + std::to_string(entity)};
      const auto version = ++versions[entity];
      runtime::EventRecord event{version, 0, "cmd", "", key.id, std::string(kRawEventBytes, 'x')};
      const auto event_key = keys::event_key(key, version);
      const auto envelope = runtime::encode_event_envelope(key, event);
      batch.Put(handles[kEvents], event_key, envelope);
      batch.Put(handles[kFeed], keys::feed_key(written + 1), keys::feed_value(envelope));
      std::string version_bytes;
      keys::put_u64(version_bytes, version);
      batch.Put(handles[kMeta], keys::entity_prefix(key), version_bytes);
    }
    check(db->Write(write_options, &batch));
  }
  RawWriteResult result{
      written, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  delete db;
  std::filesystem::remove_all(dir);
  return result;
}

}  // namespace sb::bench
