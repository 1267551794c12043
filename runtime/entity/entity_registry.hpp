#pragma once
// The node's entity registry: finds or spawns the actor for an entity key and forwards messages
// to it (the single place that will route to another node in a cluster).
//
// Protocol:
//   (route, EntityKey, caf::message m) -> whatever the entity answers to m (delegated: the
//       entity replies straight to the original sender)
//   (passivate, EntityKey)   from an idle entity; the registry stops routing to it, tells it to
//       stop, and holds new messages for that key until it is gone (then re-spawns), so an old
//       and a new instance never run at the same time.
//   (stats) -> RegistryStats
//   (stop)  -> ()  stops every entity and the registry

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <chrono>
#include <functional>
#include <map>

#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::runtime {

// Spawns the actor of one entity. `context.registry` is the registry itself.
using EntityFactory =
    std::function<caf::actor(caf::actor_system& system, const EntityKey& key, EntityContext context)>;
using EntityFactories = std::map<EntityKind, EntityFactory>;

struct RegistryOptions {
  std::size_t active_entities_max = 2'000'000;  // Default: 2M live actors; beyond: overloaded
  std::size_t held_messages_max = 1024;          // per passivating entity
};

struct RegistryStats {
  std::uint64_t active = 0;
  std::uint64_t spawned = 0;
  std::uint64_t passivated = 0;
  std::uint64_t stopped_on_error = 0;
};

caf::actor spawn_entity_registry(caf::actor_system& system, EntityContext context,
                                 EntityFactories factories, RegistryOptions options = {});

// Convenience: the message that routes `inner` to `key`.
caf::message route_to(const EntityKey& key, caf::message inner);

// An entity's timer: `inner` reaches entity `key` through the context's registry after `delay`,
// so a passivated entity is woken for it. Sent anonymously: a delayed message holds its sender,
// and a timer armed for hours must not keep the instance that armed it (its actor and state) in
// memory after it passivated. A `delay` beyond the context's timer horizon arms nothing: the
// wake-up index wakes the entity near its deadline and it arms the timer then (its on_wake).
// Returns whether the timer was armed. Needs a registry.
bool arm_entity_timer(const EntityContext& context, std::chrono::milliseconds delay,
                      const EntityKey& key, caf::message inner);

}  // namespace sb::runtime

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::RegistryStats)
