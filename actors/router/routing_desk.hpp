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
//   (configure, ConfiguredGroups) the administrator's skill groups, complete: a group whose
//       options changed is rebuilt (its open offers are withdrawn, its conversations queue again
//       at their old place); a group no longer listed goes back to the defaults

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include "actors/router/router_model.hpp"

namespace sb::router {

struct RoutingDeskOptions {
  RouterConfig defaults;  // group_id is set per skill group
  std::chrono::milliseconds tick_interval{1000};
};

using configure_atom = caf::atom_constant<caf::atom("configure")>;

caf::actor spawn_routing_desk(caf::actor_system& system, caf::actor registry, caf::actor sinks,
                              RoutingDeskOptions options);

}  // namespace sb::router

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::router::ConfiguredGroups)
