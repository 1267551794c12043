#pragma once
// Which conversation a customer's message goes to: the one the last message went to, else the
// newest of the whole merged history (after a restart, or a login that absorbed a visitor), else
// a new one; and the survivor's, when this customer was merged into another. Used by the
// delivery (customer_delivery.cpp) once the customer is registered and its identities joined.

#include <string>

#include "actors/customer/customer_delivery.hpp"

namespace sb::customer {

using TurnPromise = caf::typed_response_promise<services::TurnOutcome>;

services::TurnOutcome turn_failure(service::ErrorCode code, std::string message,
                                   std::string rejection = {});

// Routes the turn to this customer's current conversation, finding it first when this instance
// knows none.
void continue_delivery(CustomerActor* self, const services::EntityServices& services,
                       DeliveryMemory& memory, services::InboundTurn turn, TurnPromise promise);

// Routes the turn to the conversation this instance knows as current, or starts the next one.
void route_to_current(CustomerActor* self, const services::EntityServices& services,
                      DeliveryMemory& memory, services::InboundTurn turn, TurnPromise promise);

// This customer was merged into another: the survivor delivers the turn.
void forward_to_survivor(CustomerActor* self, const services::EntityServices& services,
                         services::InboundTurn turn, TurnPromise promise);

}  // namespace sb::customer
