#include "runtime/journal/rocksdb_journal.hpp"

#include <chrono>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/memtable_insert_hints.hpp"
#include "runtime/journal/rocksdb_internals.hpp"
#include "runtime/journal/storage_keys.hpp"

namespace sb::runtime {
namespace {

namespace keys = storage_keys;
using rocksdb_internals::corruption;
using rocksdb_internals::from_status;
using rocksdb_internals::usable_snapshot;

constexpr int kResumeAttemptsMax = 200;  // x 10 ms
constexpr std::size_t kVersionCacheEntriesMax = 1 << 20;  // ~100 MiB at most

// The smallest key greater than every event key of the entity with this prefix (all event keys
// of one prefix have exactly prefix + 8 bytes).
std::string events_upper_bound(const std::string& prefix) {
  return prefix + std::string(8, '\xff') + '\0';
}

std::optional<JournalError> validate(const AppendRequest& request) {
  if (request.events.empty() || request.events.size() > kEventsPerAppendMax) {
    return JournalError{JournalErrc::invalid_argument,
                        "an append carries 1.." + std::to_string(kEventsPerAppendMax) +
                            " events, not " + std::to_string(request.events.size())};
  }
  for (std::size_t i = 0; i < request.events.size(); ++i) {
    const auto& event = request.events[i];
    if (event.version != request.expected_version + i + 1) {
      return JournalError{JournalErrc::invalid_argument,
                          "event versions must follow the expected version without gaps"};
    }
    if (event.payload.size() > kEventPayloadBytesMax) {
      return JournalError{JournalErrc::invalid_argument, "an event payload exceeds " +
                                                             std::to_string(kEventPayloadBytesMax) +
                                                             " bytes"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(JournalErrc code) {
  switch (code) {
    case JournalErrc::conflict: return "conflict";
    case JournalErrc::io_error: return "io_error";
    case JournalErrc::no_space: return "no_space";
    case JournalErrc::corruption: return "corruption";
    case JournalErrc::invalid_argument: return "invalid_argument";
    case JournalErrc::unavailable: return "unavailable";
  }
  return "unknown";
}

RocksDbJournal::RocksDbJournal(std::unique_ptr<Handles> handles) : h_(std::move(handles)) {}
RocksDbJournal::~RocksDbJournal() = default;

Expected<std::unique_ptr<RocksDbJournal>, JournalError> RocksDbJournal::open(
    const RocksDbJournalOptions& options) {
  if (!options.read_only) {
    // RocksDB creates only the last directory of the path; an operator's --storage.path
    // /srv/switchboard/data on a fresh machine should just work.
    std::error_code error;
    std::filesystem::create_directories(options.path, error);
    if (error) {
      return unexpected(JournalError{JournalErrc::io_error,
                                     "cannot open " + options.path + ": cannot create the directory: " + error.message()});
    }
  }
  rocksdb::Options db_options;
  db_options.create_if_missing = !options.read_only;
  db_options.create_missing_column_families = !options.read_only;
  db_options.max_background_jobs = 2;
  db_options.bytes_per_sync = 1 << 20;
  if (options.env != nullptr) db_options.env = options.env;

  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.block_size = 16 << 10;  // histories are read as ranges: fewer, larger blocks
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.write_buffer_size = options.write_buffer_bytes;
  cf_options.compression = rocksdb::kLZ4Compression;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : {"default", "events", "meta", "snapshots", "feed"}) {
    descriptors.emplace_back(name, cf_options);
  }
  descriptors[1].options.memtable_insert_with_hint_prefix_extractor = event_insert_hint();
  descriptors[4].options.memtable_insert_with_hint_prefix_extractor = feed_insert_hint();
  auto handles = std::make_unique<Handles>();
  rocksdb::DB* db = nullptr;
  // Read-only opens take no LOCK file, so they work beside the node that writes the directory.
  auto status = options.read_only
                    ? rocksdb::DB::OpenForReadOnly(db_options, options.path, descriptors,
                                                   &handles->cfs, &db)
                    : rocksdb::DB::Open(db_options, options.path, descriptors, &handles->cfs, &db);
  if (!status.ok()) return unexpected(from_status(status, "cannot open " + options.path));
  handles->db.reset(db);
  handles->events = handles->cfs[1];
  handles->meta = handles->cfs[2];
  handles->snapshots = handles->cfs[3];
  handles->feed = handles->cfs[4];

  handles->memtables_limit_bytes =
      static_cast<std::uint64_t>(cf_options.write_buffer_size) *
      static_cast<std::uint64_t>(cf_options.max_write_buffer_number) * handles->cfs.size();
  handles->block_cache = table.block_cache;
  std::unique_ptr<RocksDbJournal> journal(new RocksDbJournal(std::move(handles)));
  journal->read_only_ = options.read_only;
  auto last = journal->load_last_seq();
  if (!last) return unexpected(last.error());
  journal->last_seq_.store(*last);
  return journal;
}

Expected<void, JournalError> RocksDbJournal::refuse_if_read_only(std::string_view what) const {
  if (!read_only_) return {};
  return unexpected(JournalError{JournalErrc::unavailable,
                                 "the journal was opened read-only: cannot " + std::string(what)});
}

Expected<std::uint64_t, JournalError> RocksDbJournal::load_last_seq() {
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(rocksdb::ReadOptions(), h_->feed));
  it->SeekToLast();
  if (!it->status().ok()) return unexpected(from_status(it->status(), "reading the feed"));
  if (!it->Valid()) return std::uint64_t{0};
  if (it->key().size() != 8) return unexpected(corruption("a feed key is not 8 bytes"));
  return keys::get_u64(std::string_view(it->key().data(), it->key().size()));
}

Expected<std::uint64_t, JournalError> RocksDbJournal::stored_version(const std::string& prefix) {
  std::string value;
  auto status = h_->db->Get(rocksdb::ReadOptions(), h_->meta, prefix, &value);
  if (status.IsNotFound()) return std::uint64_t{0};
  if (!status.ok()) return unexpected(from_status(status, "reading an entity version"));
  if (value.size() != 8) return unexpected(corruption("an entity version record is torn"));
  return keys::get_u64(value);
}

Expected<void, JournalError> RocksDbJournal::resume_after_error() {
  if (!write_failed_) return {};
  // RocksDB may already be recovering on its own (Busy); give it a bounded moment.
  auto status = h_->db->Resume();
  for (int attempt = 0; status.IsBusy() && attempt < kResumeAttemptsMax; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    status = h_->db->Resume();
  }
  if (!status.ok()) return unexpected(from_status(status, "the journal cannot resume writing"));
  // A failed write may still have landed: re-read where the feed really ends.
  auto last = load_last_seq();
  if (!last) return unexpected(last.error());
  last_seq_.store(*last, std::memory_order_release);
  write_failed_ = false;
  return {};
}

std::vector<AppendResult> RocksDbJournal::append(std::span<const AppendRequest> requests,
                                                 bool sync) {
  std::vector<AppendResult> results;
  results.reserve(requests.size());
  if (auto refused = refuse_if_read_only("append events"); !refused) {
    for (std::size_t i = 0; i < requests.size(); ++i) results.emplace_back(unexpected(refused.error()));
    return results;
  }
  if (auto resumed = resume_after_error(); !resumed) {
    for (std::size_t i = 0; i < requests.size(); ++i) results.emplace_back(unexpected(resumed.error()));
    return results;
  }

  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, std::uint64_t> versions_in_batch;
  std::vector<std::size_t> written;  // indexes of the requests that are part of the write
  std::uint64_t seq = last_seq_.load(std::memory_order_relaxed);
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const auto& request = requests[i];
    if (auto invalid = validate(request)) {
      results.emplace_back(unexpected(*invalid));
      continue;
    }
    const std::string prefix = keys::entity_prefix(request.key);
    std::uint64_t current = 0;
    if (auto it = versions_in_batch.find(prefix); it != versions_in_batch.end()) {
      current = it->second;
    } else if (auto cached = version_cache_.find(prefix); cached != version_cache_.end()) {
      current = cached->second;
    } else {
      auto stored = stored_version(prefix);
      if (!stored) {
        results.emplace_back(unexpected(stored.error()));
        continue;
      }
      current = *stored;
    }
    if (current != request.expected_version) {
      results.emplace_back(unexpected(JournalError{
          JournalErrc::conflict, to_string(request.key) + " is at version " +
                                     std::to_string(current) + ", not " +
                                     std::to_string(request.expected_version)}));
      continue;
    }
    for (const auto& event : request.events) {
      std::string event_key = prefix;
      keys::put_u64(event_key, event.version);
      const std::string envelope = encode_event_envelope(request.key, event);
      batch.Put(h_->events, event_key, envelope);
      // The feed keeps its own copy: readers of the whole log then scan one column family in
      // order instead of fetching every event by key (which misses the cache on a large log).
      batch.Put(h_->feed, keys::feed_key(++seq), keys::feed_value(envelope));
    }
    const std::uint64_t new_version = request.expected_version + request.events.size();
    std::string version_bytes;
    keys::put_u64(version_bytes, new_version);
    batch.Put(h_->meta, prefix, version_bytes);
    if (request.wake) {
      const std::string wake_key = std::string(keys::kWakeKeyPrefix) + prefix;
      if (request.wake->due_ms) {
        std::string due_bytes;
        keys::put_u64(due_bytes, static_cast<std::uint64_t>(*request.wake->due_ms));
        batch.Put(h_->meta, wake_key, due_bytes);
      } else {
        batch.Delete(h_->meta, wake_key);
      }
    }
    versions_in_batch[prefix] = new_version;
    written.push_back(i);
    results.emplace_back(new_version);
  }
  if (written.empty()) return results;

  rocksdb::WriteOptions write_options;
  write_options.sync = sync;  // spelled out: `sync` mode fsyncs the WAL before we acknowledge
  auto status = h_->db->Write(write_options, &batch);
  if (!status.ok()) {
    write_failed_ = true;
    version_cache_.clear();
    const auto error = from_status(status, "the journal write failed (outcome unknown)");
    for (std::size_t i : written) results[i] = unexpected(error);
    return results;
  }
  last_seq_.store(seq, std::memory_order_release);
  if (version_cache_.size() + versions_in_batch.size() > kVersionCacheEntriesMax) version_cache_.clear();
  for (auto& [prefix, version] : versions_in_batch) version_cache_[prefix] = version;
  return results;
}

Expected<std::vector<EventRecord>, JournalError> RocksDbJournal::read(const EntityKey& key,
                                                                     std::uint64_t after_version,
                                                                     std::uint64_t up_to_version) {
  std::vector<EventRecord> events;
  const std::string prefix = keys::entity_prefix(key);
  const std::string upper = events_upper_bound(prefix);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions read_options;
  read_options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(read_options, h_->events));
  std::uint64_t expected = after_version + 1;
  for (it->Seek(keys::event_key(key, expected)); it->Valid() && expected <= up_to_version;
       it->Next(), ++expected) {
    const std::string_view stored_key(it->key().data(), it->key().size());
    if (keys::version_of_event_key(stored_key) != expected) {
      return unexpected(corruption(to_string(key) + " has a gap at version " +
                                   std::to_string(expected)));
    }
    auto event = decode_stored_event(std::string_view(it->value().data(), it->value().size()), key,
                                     expected);
    if (!event) return unexpected(corruption(event.error()));
    events.push_back(std::move(*event));
  }
  if (!it->status().ok()) return unexpected(from_status(it->status(), "reading events"));
  return events;
}

bool RocksDbJournal::surely_new(const EntityKey& key) {
  // Memtables and cached blocks only: RocksDB answers Incomplete rather than read the disk, and
  // NotFound when no memtable holds the key and every file's Bloom filter (kept in memory)
  // excludes it — which is the common case for an entity seen for the first time.
  rocksdb::ReadOptions options;
  options.read_tier = rocksdb::kBlockCacheTier;
  std::string value;
  return h_->db->Get(options, h_->meta, keys::entity_prefix(key), &value).IsNotFound();
}

Expected<Recovery, JournalError> RocksDbJournal::recover(const EntityKey& key) {
  Recovery recovery;
  const std::string prefix = keys::entity_prefix(key);
  auto stored = stored_version(prefix);
  if (!stored) return unexpected(stored.error());
  recovery.version = *stored;

  std::string snapshot_bytes;
  auto status = h_->db->Get(rocksdb::ReadOptions(), h_->snapshots, prefix, &snapshot_bytes);
  if (status.ok()) {
    recovery.snapshot = usable_snapshot(snapshot_bytes, key, recovery.version);
  } else if (!status.IsNotFound()) {
    return unexpected(from_status(status, "reading a snapshot"));
  }
  const std::uint64_t from = recovery.snapshot ? recovery.snapshot->version : 0;
  auto events = read(key, from, recovery.version);
  if (!events) return unexpected(events.error());
  if (from + events->size() != recovery.version) {
    return unexpected(corruption(to_string(key) + " should be at version " +
                                 std::to_string(recovery.version) + " but its events end at " +
                                 std::to_string(from + events->size())));
  }
  recovery.events = std::move(*events);
  return recovery;
}

Expected<void, JournalError> RocksDbJournal::save_snapshot(const EntityKey& key,
                                                           const SnapshotRecord& snapshot) {
  if (auto refused = refuse_if_read_only("save a snapshot"); !refused) return refused;
  auto status = h_->db->Put(rocksdb::WriteOptions(), h_->snapshots, keys::entity_prefix(key),
                            encode_snapshot_envelope(key, snapshot));
  if (!status.ok()) return unexpected(from_status(status, "writing a snapshot"));
  return {};
}

Expected<std::vector<WakeEntry>, JournalError> RocksDbJournal::read_wake_index(
    std::int64_t due_before_ms, std::size_t max_entries) {
  std::vector<WakeEntry> entries;
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(rocksdb::ReadOptions(), h_->meta));
  const rocksdb::Slice start(keys::kWakeKeyPrefix.data(), keys::kWakeKeyPrefix.size());
  for (it->Seek(start); it->Valid() && it->key().starts_with(start) && entries.size() < max_entries;
       it->Next()) {
    const std::string_view prefix(it->key().data() + start.size(), it->key().size() - start.size());
    auto key = keys::parse_entity_prefix(prefix);
    if (!key || it->value().size() != 8) return unexpected(corruption("a wake-up index entry is malformed"));
    const auto due = static_cast<std::int64_t>(keys::get_u64(std::string_view(it->value().data(), 8)));
    if (due <= due_before_ms) entries.push_back(WakeEntry{std::move(*key), due});
  }
  if (!it->status().ok()) return unexpected(from_status(it->status(), "reading the wake-up index"));
  return entries;
}

Expected<std::vector<FeedEntry>, JournalError> RocksDbJournal::read_feed(std::uint64_t after_seq,
                                                                        std::size_t max_entries) {
  std::vector<FeedEntry> entries;
  const auto fill = [&](FeedEntry& entry,
                        std::string_view envelope) -> Expected<void, JournalError> {
    auto decoded = decode_event_envelope(envelope);
    if (!decoded) return unexpected(corruption(decoded.error()));
    entry.key = std::move(decoded->key);
    entry.event = std::move(decoded->event);
    return {};
  };
  std::vector<std::size_t> by_key;  // entries whose (older) feed value names the event's key
  std::vector<std::string> event_keys;
  rocksdb::ReadOptions read_options;
  read_options.fill_cache = false;  // a scan: keep the cache for entity histories
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(read_options, h_->feed));
  std::uint64_t expected = after_seq + 1;
  for (it->Seek(keys::feed_key(expected)); it->Valid() && entries.size() < max_entries;
       it->Next(), ++expected) {
    if (it->key().size() != 8 || keys::get_u64(std::string_view(it->key().data(), 8)) != expected) {
      return unexpected(corruption("the feed has a gap at seq " + std::to_string(expected)));
    }
    auto& entry = entries.emplace_back(FeedEntry{expected, {}, {}});
    const std::string_view value(it->value().data(), it->value().size());
    if (auto envelope = keys::envelope_of_feed_value(value)) {
      if (auto filled = fill(entry, *envelope); !filled) return unexpected(filled.error());
    } else {
      by_key.push_back(entries.size() - 1);
      event_keys.emplace_back(value);
    }
  }
  if (!it->status().ok()) return unexpected(from_status(it->status(), "reading the feed"));
  if (by_key.empty()) return entries;

  std::vector<rocksdb::Slice> slices(event_keys.begin(), event_keys.end());
  std::vector<std::string> values;
  std::vector<rocksdb::ColumnFamilyHandle*> cfs(slices.size(), h_->events);
  auto statuses = h_->db->MultiGet(rocksdb::ReadOptions(), cfs, slices, &values);
  for (std::size_t i = 0; i < by_key.size(); ++i) {
    auto& entry = entries[by_key[i]];
    if (!statuses[i].ok()) {
      return unexpected(
          from_status(statuses[i], "reading the event of feed seq " + std::to_string(entry.seq)));
    }
    if (auto filled = fill(entry, values[i]); !filled) return unexpected(filled.error());
  }
  return entries;
}

StorageMemory RocksDbJournal::memory() const {
  StorageMemory m;
  std::uint64_t memtables = 0;
  if (h_->db->GetAggregatedIntProperty(rocksdb::DB::Properties::kCurSizeAllMemTables, &memtables)) {
    m.memtables_bytes = memtables;
  }
  m.memtables_limit_bytes = h_->memtables_limit_bytes;
  m.block_cache_bytes = h_->block_cache->GetUsage();
  m.block_cache_limit_bytes = h_->block_cache->GetCapacity();
  return m;
}

Expected<void, JournalError> RocksDbJournal::sync() {
  if (auto refused = refuse_if_read_only("sync"); !refused) return refused;
  auto status = h_->db->SyncWAL();
  if (!status.ok()) return unexpected(from_status(status, "syncing the write-ahead log"));
  return {};
}

}  // namespace sb::runtime
