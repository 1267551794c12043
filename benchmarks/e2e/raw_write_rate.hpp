#pragma once
// The raw RocksDB ceiling for a number of events: the journal's records (event, feed entry,
// entity version) written by a plain WriteBatch loop, `group` events per write, each write
// fsynced when `sync`. No actors, no version checks, no RPC: what the storage alone can do.

#include <cstdint>
#include <string>

namespace sb::bench {

struct RawWriteResult {
  std::uint64_t events = 0;
  double seconds = 0;
  double per_second() const { return seconds > 0 ? double(events) / seconds : 0; }
};

// Writes `events` ~kRawEventBytes events over `entities` entities into a fresh `dir` (removed
// before and after).
RawWriteResult raw_write_rate(const std::string& dir, std::uint64_t events, std::size_t group,
                              bool sync, std::size_t entities);

inline constexpr std::size_t kRawEventBytes = 200;

}  // namespace sb::bench
