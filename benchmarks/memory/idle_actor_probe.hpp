#pragma once
// The CAF floor under every entity: `count` idle stateful actors, spawned like entity actors
// (function-based, a small state, a handler and an idle timeout armed with caf::after), kept
// alive by their handles as the registry keeps entities. Returns the live heap each one costs;
// whatever an active entity costs beyond that is the host, the model and the registry.

#include <chrono>
#include <cstddef>

#include <caf/actor_system.hpp>

namespace sb::bench {

double idle_actor_heap_bytes(caf::actor_system& system, std::size_t count,
                             std::chrono::milliseconds idle_timeout);

}  // namespace sb::bench
