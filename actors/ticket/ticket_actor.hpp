#pragma once
// The Ticket entity actor: the generic host around the Ticket core, plus its SLA timer. The
// timer is armed from state (next_deadline) after recovery and after every change, so it survives
// restarts; a deadline that passed while the node was down fires at once. Escalations and
// warnings are told to the assignee's desk.
//
// Protocol, besides the host's (command, get):
//   (timer)   the SLA timer fired: CheckSla{now}

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <functional>
#include <memory>

#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::ticket {

// The clock the actor reads for CheckSla (the wall clock in production, a test clock in tests).
using Clock = std::function<Timestamp()>;

caf::actor spawn_ticket(caf::actor_system& system, const runtime::EntityKey& key,
                        runtime::EntityContext context,
                        std::shared_ptr<const services::EntityServices> services, Clock clock);

}  // namespace sb::ticket
