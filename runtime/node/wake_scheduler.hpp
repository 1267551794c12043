#pragma once
// Wakes entities whose timers fall due while no one else touches them: at start, and then every
// `rescan_interval`, it reads the journal's wake-up index (AppendRequest::wake) for entries due
// before the next scan and sends each entity a `wake` through the registry at its due time. The
// woken entity recovers and re-arms its timers from state (a deadline that passed while the node
// was down fires at once); a living one arms the timer it left to the index (entities hold no
// timer further out than the scan interval, EntityHostOptions::timer_horizon). A wake for an
// entity whose timer is already armed is harmless. The entries found wait in a map by due time
// behind one timer, not as a delayed message each (~1 KB in CAF's clock).

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/common/time.hpp"
#include "runtime/journal/journal.hpp"

namespace sb::runtime {

struct WakeSchedulerOptions {
  std::chrono::milliseconds rescan_interval = std::chrono::minutes(10);
  // Entries read per scan; later ones are picked up by the next scan (memory stays bounded).
  std::size_t entries_per_scan_max = 1'000'000;
  std::function<Timestamp()> clock = [] {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  };
  // A scan reads RocksDB, so in a node it must not hold a scheduler thread; tests under CAF's
  // deterministic scheduler turn this off.
  bool detached = true;
};

// Stop it with stop_atom.
caf::actor spawn_wake_scheduler(caf::actor_system& system, std::shared_ptr<Journal> journal,
                                caf::actor registry, WakeSchedulerOptions options = {});

}  // namespace sb::runtime
