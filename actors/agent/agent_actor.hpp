#pragma once
// The Agent entity actor: the generic host around the Agent's core; after every durable change it
// reports the agent's availability to the routing desk.

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <memory>

#include "actors/agent/agent_codec.hpp"
#include "actors/agent/agent_decider.hpp"
#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::agent {

// `services` may be null (tests of the host alone): then nothing is reported.
caf::actor spawn_agent(caf::actor_system& system, const runtime::EntityKey& key,
                       runtime::EntityContext context,
                       std::shared_ptr<const services::EntityServices> services);

}  // namespace sb::agent
