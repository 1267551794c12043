#pragma once
// The quality monitor's pure core: decide(state, command) -> events | rejection; evolve.

#include "actors/common/decider.hpp"
#include "actors/quality/quality_model.hpp"

namespace sb::quality {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

using Decider = CoreDecider<EntityKind::quality_monitor, State, Command, Event, Rejection,
                            &quality::decide, &quality::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::quality
