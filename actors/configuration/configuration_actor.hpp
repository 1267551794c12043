#pragma once
// The configuration entity actor: the generic host around the configuration core. Whoever spawns
// it says what "applying" the configuration means (swap the node's live policies, reconfigure the
// routing desk); it is applied after recovery and after every durable change, never in replay.

#include <functional>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/configuration/configuration_codec.hpp"
#include "actors/configuration/configuration_decider.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::configuration {

// Called on the entity's thread; must be idempotent (a re-spawned entity applies again).
using ApplyConfiguration = std::function<void(const State&)>;

caf::actor spawn_configuration(caf::actor_system& system, const runtime::EntityKey& key,
                               runtime::EntityContext context, ApplyConfiguration apply);

}  // namespace sb::configuration
