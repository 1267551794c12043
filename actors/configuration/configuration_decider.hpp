#pragma once
// The configuration entity's pure core: decide(state, command) -> events | rejection; evolve.
// Setting what is already configured is accepted with no events (an administrator's retry).

#include "actors/common/decider.hpp"
#include "actors/configuration/configuration_model.hpp"

namespace sb::configuration {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

using Decider = CoreDecider<EntityKind::configuration, State, Command, Event, Rejection,
                            &configuration::decide, &configuration::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::configuration
