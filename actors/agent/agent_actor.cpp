#include "actors/agent/agent_actor.hpp"

#include "runtime/entity/entity_host.hpp"

namespace sb::agent {

caf::actor spawn_agent(caf::actor_system& system, const runtime::EntityKey& key,
                       runtime::EntityContext context) {
  return system.spawn([key, context](runtime::EntityActor<Decider, Codec>* self) {
    return runtime::entity_behavior<Decider, Codec>(self, key, context);
  });
}

}  // namespace sb::agent
