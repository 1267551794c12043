#pragma once
// The idempotency window of one entity: the last N client command ids it accepted and the
// versions their events got. A retry of one of them is answered from the log, not re-decided.
// It is rebuilt from the events' envelopes (and the snapshot) on recovery, so it is as durable
// as the events themselves.
//
// Memory: every live entity has one, and most have seen only a few commands, so the window is a
// vector that grows with use and becomes a ring at `capacity` (an empty window allocates
// nothing). Lookups scan it newest first: at most `capacity` short string compares, small next
// to a command's append, and a retry is usually of a recent command.

#include <optional>
#include <string>
#include <vector>

#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

class RecentCommands {
 public:
  explicit RecentCommands(std::size_t capacity = 128) : capacity_(capacity) {}

  // Records that `command_id`'s events got versions first..last. Extends the newest entry when
  // the same id continues it (replay visits one command's events one by one).
  void record(const std::string& command_id, std::uint64_t first, std::uint64_t last);
  // The newest entry for `command_id`.
  std::optional<RecentCommand> find(const std::string& command_id) const;

  std::vector<RecentCommand> to_list() const;  // oldest first
  void assign(const std::vector<RecentCommand>& entries);
  std::size_t size() const { return entries_.size(); }

 private:
  // Where the entry recorded `age` entries before the newest is (0: the newest).
  // REQUIRES: age < size().
  std::size_t index_of_age(std::size_t age) const {
    return (oldest_ + entries_.size() - 1 - age) % entries_.size();
  }

  std::size_t capacity_;
  std::vector<RecentCommand> entries_;  // below capacity: oldest first; at capacity: a ring
  std::size_t oldest_ = 0;              // the ring's oldest entry (0 until it is full)
};

}  // namespace sb::runtime
