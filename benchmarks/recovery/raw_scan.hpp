#pragma once
// The raw ceiling for a full replay: a plain RocksDB iterator over the journal's events column
// family (every event of every entity, in key order), with no envelope decoding, no version
// checks and no actors. Also lists the entities on disk (from the meta column family), which
// the full replay then recovers one by one.

#include <cstdint>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::bench {

struct RawScan {
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;  // keys + values
  double seconds = 0;
  double per_second() const { return seconds > 0 ? double(events) / seconds : 0; }
};

// Opens `dir` read-only and scans the events column family once.
Expected<RawScan, std::string> scan_events(const std::string& dir);

// Every entity with a stored version, in key order.
Expected<std::vector<runtime::EntityKey>, std::string> list_entities(const std::string& dir);

}  // namespace sb::bench
