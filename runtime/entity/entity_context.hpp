#pragma once
// What every entity actor gets from the node when it is spawned.

#include <chrono>
#include <cstdint>
#include <memory>

#include <caf/actor.hpp>

#include "runtime/entity/request_deadlines.hpp"
#include "runtime/journal/journal.hpp"

namespace sb::runtime {

struct EntityHostOptions {
  std::chrono::milliseconds append_timeout{10'000};   // Default: 10 s; then the outcome is unknown
  std::chrono::milliseconds recover_timeout{30'000};  // Default: 30 s
  std::chrono::milliseconds idle_timeout{120'000};    // Default: 2 min idle -> passivate
  std::uint64_t snapshot_every_events = 100;           // Default: a snapshot every 100 events
  std::size_t recent_commands_max = 128;               // Default: 128 command ids per entity
  // Timers due further out than this are not held in memory: a pending timer costs about 1 KB
  // in CAF's clock, one per open conversation. The journal's wake-up index (scanned at least
  // this often, see wake_scheduler.hpp) wakes the entity when the deadline comes near. The node
  // sets it to its scan interval; unbounded by default (no scanner: every timer is armed).
  std::chrono::milliseconds timer_horizon = std::chrono::milliseconds::max();
};

struct EntityContext {
  caf::actor writer;    // the journal writer (group commit)
  caf::actor reader;    // the journal readers
  caf::actor registry;  // asked before passivating; may be invalid in tests (then: just stop)
  EntityHostOptions options;
  // Asked, without a disk read, whether a new instance's entity has no history at all (then it
  // starts at once instead of waiting for a reader); nullptr: always ask the readers.
  std::shared_ptr<Journal> journal = nullptr;
  // Keeps the appends' timeouts off CAF's clock (request_deadlines.hpp); nullptr: CAF's timeout.
  std::shared_ptr<RequestDeadlines> deadlines = nullptr;
};

}  // namespace sb::runtime
