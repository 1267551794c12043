#pragma once
// What every entity actor gets from the node when it is spawned.

#include <caf/actor.hpp>

#include <chrono>
#include <cstdint>

namespace sb::runtime {

struct EntityHostOptions {
  std::chrono::milliseconds append_timeout{10'000};   // Default: 10 s; then the outcome is unknown
  std::chrono::milliseconds recover_timeout{30'000};  // Default: 30 s
  std::chrono::milliseconds idle_timeout{120'000};    // Default: 2 min idle -> passivate
  std::uint64_t snapshot_every_events = 100;           // Default: a snapshot every 100 events
  std::size_t recent_commands_max = 128;               // Default: 128 command ids per entity
};

struct EntityContext {
  caf::actor writer;    // the journal writer (group commit)
  caf::actor reader;    // the journal readers
  caf::actor registry;  // asked before passivating; may be invalid in tests (then: just stop)
  EntityHostOptions options;
};

}  // namespace sb::runtime
