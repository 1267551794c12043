#pragma once
// Keeps the node's quality monitor running. The monitor stops itself when an append fails (the
// entity host cannot know whether the write landed; only recovery can); without a supervisor
// quality violations would go unchecked until the next restart. This one starts a new monitor
// after a growing pause (1 s, doubling to 1 min), which recovers from the log and resumes after
// the last recorded feed position — exactly once still holds. A monitor that ends normally (a
// drain) or an exit sent to the supervisor ends both.
//
// Protocol: (quality_drain_atom) -> uint64_t, delegated to the current monitor.

#include <functional>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/common/time.hpp"

namespace sb::reporting {

struct QualitySupervisorOptions {
  Duration first_pause = std::chrono::seconds(1);
  Duration longest_pause = std::chrono::minutes(1);
};

caf::actor spawn_quality_supervisor(caf::actor_system& system,
                                    std::function<caf::actor()> spawn_monitor,
                                    QualitySupervisorOptions options = {});

}  // namespace sb::reporting
