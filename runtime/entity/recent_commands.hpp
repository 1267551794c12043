#pragma once
// The idempotency window of one entity: the last N client command ids it accepted and the
// versions their events got. A retry of one of them is answered from the log, not re-decided.
// It is rebuilt from the events' envelopes (and the snapshot) on recovery, so it is as durable
// as the events themselves.

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

class RecentCommands {
 public:
  explicit RecentCommands(std::size_t capacity = 128) : capacity_(capacity) {}

  // Records that `command_id`'s events got versions first..last. Extends the newest entry when
  // the same id continues it (replay visits one command's events one by one).
  void record(const std::string& command_id, std::uint64_t first, std::uint64_t last);
  std::optional<RecentCommand> find(const std::string& command_id) const;

  std::vector<RecentCommand> to_list() const { return {entries_.begin(), entries_.end()}; }
  void assign(const std::vector<RecentCommand>& entries);
  std::size_t size() const { return entries_.size(); }

 private:
  std::size_t capacity_;
  std::deque<RecentCommand> entries_;  // oldest first
  std::unordered_map<std::string, std::size_t> index_;  // id -> count of entries recorded before it
  std::size_t evicted_ = 0;             // how many entries have left the front
};

}  // namespace sb::runtime
