#pragma once
// The Agent entity actor: the generic host around the Agent's pure core.

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/agent/agent_codec.hpp"
#include "actors/agent/agent_decider.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::agent {

caf::actor spawn_agent(caf::actor_system& system, const runtime::EntityKey& key,
                       runtime::EntityContext context);

}  // namespace sb::agent
