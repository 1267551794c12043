#pragma once
// The Customer entity actor. Besides its own commands it serializes the customer's inbound
// messages: registers the customer on first contact, picks the open conversation (the same one
// across channels) or starts the next one, and hands the message to it.
//
// Protocol, besides the host's (command, get):
//   (deliver, InboundTurn) -> TurnOutcome

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <memory>

#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::customer {

caf::actor spawn_customer(caf::actor_system& system, const runtime::EntityKey& key,
                          runtime::EntityContext context,
                          std::shared_ptr<const services::EntityServices> services);

}  // namespace sb::customer
