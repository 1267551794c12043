#include "actors/agent/agent_actor.hpp"

#include "actors/agent/agent_availability.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/services/service_messages.hpp"
#include "actors/services/tell_entity.hpp"
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
      self->state.after_persist = [self, report](const State&, const std::vector<Event>& events) {
        report();
        // An agent who went offline hands its conversations back: they queue again.
        for (const auto& event : events) {
          const auto* released = std::get_if<ConversationReleased>(&event);
          if (released == nullptr || released->reason != ReleaseReason::agent_offline) continue;
          services::tell_entity<conversation::Decider>(
              self, self->state.context.registry, {EntityKind::conversation, released->conversation_id},
              conversation::ReleaseFromAgent{self->state.key.id, conversation::ReleaseReason::agent_offline,
                                             released->at});
        }
      };
      self->state.after_recover = report;
    }
    return runtime::entity_behavior<Decider, Codec>(self, key, context);
  });
}

}  // namespace sb::agent
