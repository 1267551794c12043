#include "actors/configuration/configuration_actor.hpp"

#include "runtime/entity/entity_host.hpp"

namespace sb::configuration {

caf::actor spawn_configuration(caf::actor_system& system, const runtime::EntityKey& key,
                               runtime::EntityContext context, ApplyConfiguration apply) {
  return system.spawn([key, context, apply](runtime::EntityActor<Decider, Codec>* self) {
    if (apply) {
      self->state.after_recover = [self, apply] { apply(self->state.model); };
      self->state.after_persist = [self, apply](const State&, const std::vector<Event>&) {
        apply(self->state.model);
      };
    }
    return runtime::entity_behavior<Decider, Codec>(self, key, context);
  });
}

}  // namespace sb::configuration
