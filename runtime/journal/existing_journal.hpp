#pragma once
// Opens a node's existing data directory read-only, for the tools that read a log beside (or
// after) the node that writes it: `switchboard report`, `switchboard verify`.

#include <memory>
#include <string>

#include "actors/common/expected.hpp"
#include "runtime/journal/rocksdb_journal.hpp"

namespace sb::runtime {

// The journal, or one sentence saying why `dir` holds none (missing, not a directory, empty,
// no database in it) or why RocksDB would not open it.
Expected<std::unique_ptr<RocksDbJournal>, std::string> open_existing_journal(
    const std::string& dir, std::size_t block_cache_bytes);

}  // namespace sb::runtime
