#pragma once
// What the Customer actor's parts share: the actor type, and the two ways it talks to customers —
// a command run on itself through the entity host, and a request to another customer through
// the registry.

#include <chrono>
#include <functional>
#include <string>

#include <caf/all.hpp>

#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"

namespace sb::customer {

using CustomerActor = runtime::EntityActor<Decider, Codec>;
using CustomerReply = runtime::CommandReply<Decider>;
using CustomerView = runtime::EntityView<Decider>;

inline constexpr auto kCustomerCallTimeout = std::chrono::seconds(30);

// Runs `command` on this customer (decided, persisted, evolved) and hands the reply to `done`.
// `causation_id`: what caused it (the customer's message id), for tracing.
inline void run_on_self(CustomerActor* self, Command command, Timestamp at, std::string command_id,
                        std::function<void(caf::expected<CustomerReply>)> done,
                        std::string causation_id = {}) {
  runtime::CommandEnvelope<Command> envelope{std::move(command), std::move(command_id),
                                             std::move(causation_id), self->state.key.id,
                                             to_unix_ms(at)};
  runtime::execute<Decider, Codec>(self, envelope, std::move(done));
}

// Sends `message` to the customer `customer_id` (spawned or recovered by the registry).
inline auto ask_customer(CustomerActor* self, const std::string& customer_id,
                         caf::message message) {
  return runtime::watched_request(self, runtime::deadlines_of(self), self->state.context.registry,
                                  kCustomerCallTimeout, runtime::route_atom::value,
                                  runtime::EntityKey{EntityKind::customer, customer_id},
                                  std::move(message));
}

}  // namespace sb::customer
