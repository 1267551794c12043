#pragma once
// The routing desk: one SkillRouter per skill group inside one actor. Its state is derived (from
// conversations asking to be routed and agents reporting availability), never persisted, so it
// never waits for an fsync; each assignment's explanation is persisted by the Conversation.
//
// Protocol:
//   (enqueue, RoutingTicket)      a conversation waits for a person
//   (remove, conversation_id)     it no longer does
//   (avail, AgentAvailability)    an agent's presence, skills, capacity, load
//   (accept, OfferAnswer) -> AssignmentExplanation | error
//   (decline, OfferAnswer)
//   (queues) -> std::vector<service::QueueSnapshot>
//   (tick)                        (self, every tick_interval) expire offers, push queue positions

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/router/router_model.hpp"

namespace sb::router {

struct RoutingDeskOptions {
  RouterConfig defaults;  // group_id is set per skill group
  std::chrono::milliseconds tick_interval{1000};
};

caf::actor spawn_routing_desk(caf::actor_system& system, caf::actor registry, caf::actor sinks,
                              RoutingDeskOptions options);

}  // namespace sb::router
