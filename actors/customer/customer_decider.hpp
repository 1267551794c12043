#pragma once
// The Customer's pure core: decide(state, command) -> events | rejection; evolve(state, event).

#include "actors/common/decider.hpp"
#include "actors/customer/customer_model.hpp"

namespace sb::customer {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

using Decider = CoreDecider<EntityKind::customer, State, Command, Event, Rejection,
                            &customer::decide, &customer::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::customer
