// RocksDbJournal::scan_recoveries: three iterators (meta, snapshots, events) walk the same key
// order side by side, so each entity's history is read where the previous one ended.

#include <algorithm>

#include <rocksdb/db.h>

#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/rocksdb_internals.hpp"
#include "runtime/journal/storage_keys.hpp"
#include "runtime/placement/placement.hpp"

namespace sb::runtime {
namespace {

namespace keys = storage_keys;
using rocksdb_internals::corruption;
using rocksdb_internals::from_status;
using rocksdb_internals::usable_snapshot;

// The first key of a vshard's range (entity prefixes start with the vshard, big-endian).
std::string vshard_start(std::uint32_t vshard) {
  return {static_cast<char>(vshard >> 8), static_cast<char>(vshard)};
}

std::string_view view(const rocksdb::Slice& slice) { return {slice.data(), slice.size()}; }

class HistoryCursor {
 public:
  HistoryCursor(rocksdb::DB& db, rocksdb::ColumnFamilyHandle* snapshots,
                rocksdb::ColumnFamilyHandle* events, const rocksdb::ReadOptions& options)
      : snapshots_(db.NewIterator(options, snapshots)), events_(db.NewIterator(options, events)) {}

  void seek(const std::string& start) {
    snapshots_->Seek(start);
    events_->Seek(start);
  }

  // The recovery of the entity with this prefix and stored version; the iterators move on.
  Expected<Recovery, JournalError> next(const EntityKey& key, std::string_view prefix,
                                        std::uint64_t version) {
    Recovery recovery;
    recovery.version = version;
    while (snapshots_->Valid() && view(snapshots_->key()) < prefix) snapshots_->Next();
    if (snapshots_->Valid() && view(snapshots_->key()) == prefix) {
      recovery.snapshot = usable_snapshot(view(snapshots_->value()), key, version);
    }
    if (!snapshots_->status().ok())
      return unexpected(from_status(snapshots_->status(), "reading a snapshot"));

    const std::uint64_t from = recovery.snapshot ? recovery.snapshot->version : 0;
    std::string expected_key(prefix);
    keys::put_u64(expected_key, from + 1);
    if (!events_->Valid() || view(events_->key()) != expected_key) events_->Seek(expected_key);
    recovery.events.reserve(version - from);
    for (std::uint64_t v = from + 1; v <= version; ++v, events_->Next()) {
      expected_key.resize(prefix.size());
      keys::put_u64(expected_key, v);
      if (!events_->Valid() || view(events_->key()) != expected_key) {
        if (!events_->status().ok())
          return unexpected(from_status(events_->status(), "reading events"));
        return unexpected(corruption(to_string(key) + " should be at version " +
                                     std::to_string(version) + " but has a gap at version " +
                                     std::to_string(v)));
      }
      auto event = decode_stored_event(view(events_->value()), key, v);
      if (!event) return unexpected(corruption(event.error()));
      recovery.events.push_back(std::move(*event));
    }
    return recovery;
  }

 private:
  std::unique_ptr<rocksdb::Iterator> snapshots_;
  std::unique_ptr<rocksdb::Iterator> events_;
};

}  // namespace

Expected<void, JournalError> RocksDbJournal::scan_recoveries(std::uint32_t first_vshard,
                                                             std::uint32_t end_vshard,
                                                             const RecoveryVisitor& visit) {
  end_vshard = std::min(end_vshard, kVshardCount);
  if (first_vshard >= end_vshard) return {};
  const std::string lower = vshard_start(first_vshard);
  // Past the last vshard, the meta column holds the wake-up index (0xFF ...): never entities.
  const std::string upper = vshard_start(end_vshard);
  const rocksdb::Slice lower_slice(lower), upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower_slice;
  options.iterate_upper_bound = &upper_slice;
  options.fill_cache = false;         // one pass: keep the cache for live entities
  options.readahead_size = 2u << 20;  // sequential reads
  std::unique_ptr<rocksdb::Iterator> meta(h_->db->NewIterator(options, h_->meta));
  HistoryCursor cursor(*h_->db, h_->snapshots, h_->events, options);
  cursor.seek(lower);
  for (meta->Seek(lower); meta->Valid(); meta->Next()) {
    const std::string_view prefix = view(meta->key());
    auto key = keys::parse_entity_prefix(prefix);
    if (!key) return unexpected(corruption("the entity index holds a malformed key"));
    Expected<Recovery, JournalError> recovery =
        meta->value().size() == 8
            ? cursor.next(*key, prefix, keys::get_u64(view(meta->value())))
            : unexpected(corruption("the version record of " + to_string(*key) + " is torn"));
    if (!visit(*key, std::move(recovery))) return {};
  }
  if (!meta->status().ok())
    return unexpected(from_status(meta->status(), "reading the entity index"));
  return {};
}

}  // namespace sb::runtime
