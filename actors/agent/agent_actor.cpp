#include "actors/agent/agent_actor.hpp"

#include "actors/agent/agent_availability.hpp"
#include "actors/services/service_messages.hpp"
#include "runtime/entity/entity_host.hpp"

namespace sb::agent {

caf::actor spawn_agent(caf::actor_system& system, const runtime::EntityKey& key,
                       runtime::EntityContext context,
                       std::shared_ptr<const services::EntityServices> services) {
  return system.spawn([key, context, services](runtime::EntityActor<Decider, Codec>* self) {
    if (services) {
      auto report = [self, services] {
        const auto& st = self->state;
        if (!st.model.registered) return;
        self->send(services->routing, services::avail_atom::value,
                   availability_of(st.key.id, st.model, st.version));
      };
      self->state.after_persist = [report](const State&, const std::vector<Event>&) { report(); };
      self->state.after_recover = report;
    }
    return runtime::entity_behavior<Decider, Codec>(self, key, context);
  });
}

}  // namespace sb::agent
