#pragma once
// The Conversation entity actor: consults the bot before deciding (so the decider stays pure),
// then the generic host persists; after durability it performs the effects the core names
// (push to the channel, ask the router, tell the agent and the customer).
//
// Protocol, besides the host's (command, get):
//   (inbound, InboundTurn) -> TurnOutcome

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <memory>

#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::conversation {

caf::actor spawn_conversation(caf::actor_system& system, const runtime::EntityKey& key,
                              runtime::EntityContext context,
                              std::shared_ptr<const services::EntityServices> services);

}  // namespace sb::conversation
