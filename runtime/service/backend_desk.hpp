#pragma once
// The one place the bot's business lookups go (a Conversation asks it, and waits): the newest
// integrator backend registered over RPC answers; with none, the shipped sample backend does.
// An integrator answers on its own thread, so its reply comes back to this actor as a message
// and is matched to the waiting request here; one that takes longer than kBackendLookupTimeout
// is answered `unavailable` (the bot then hands the customer to a person).
//
// Protocol:
//   (lookup, BackendQuery) -> BackendResult
//   (register, SubscriptionId, shared_ptr<IntegratorBackend>)
//   (unregister, SubscriptionId)

#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "runtime/bot/business_backend.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

caf::actor spawn_backend_desk(caf::actor_system& system,
                              std::shared_ptr<const bot::BusinessBackend> fallback,
                              Duration lookup_timeout = kBackendLookupTimeout);

}  // namespace sb::service
