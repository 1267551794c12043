#pragma once
// Where the journal's writes land in RocksDB's memtables. A memtable is a skip list; finding an
// insert position from its head costs ~log(n) comparisons, cache misses mostly, and the journal
// writer paid ~6% of the process's CPU there under load. RocksDB can remember the last insert
// position per key prefix and start from it instead
// (`memtable_insert_with_hint_prefix_extractor`, ~250 bytes of memtable per prefix); these say
// which prefix. journal_bench: +20-25% events/s in every durability mode at 64 and 1024 entities.

#include <memory>

#include <rocksdb/slice_transform.h>

namespace sb::runtime {

// Feed keys are sequence numbers written in increasing order: every insert goes right after the
// previous one, so the whole column family shares one hint.
std::shared_ptr<const rocksdb::SliceTransform> feed_insert_hint();

// Event keys are an entity's prefix followed by its version (storage_keys.hpp): one entity's
// events arrive in version order, so each entity keeps its own hint.
std::shared_ptr<const rocksdb::SliceTransform> event_insert_hint();

}  // namespace sb::runtime
